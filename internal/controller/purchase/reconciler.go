// Package purchase reconciles PurchaseRequests: probe the seller's 402 and
// check it against the purchase's terms (Probed), load the pre-signed auths
// into the buyer proxy (AuthsLoaded), add paid/<model> to the LLM gateway's
// model config and live router with the buyer proxy as its upstream
// (Configured), and report the pool's live accounting (Ready). Deletion
// removes the pool and the route, the route only when no other purchase
// serves the same model.
//
// The reconciler is pure logic over the store and three effect interfaces
// (Prober, Pools, Routes); internal/stack wires the concrete ones. It never
// signs (it holds no key) and never restarts the gateway.
package purchase

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	buy "github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/x402"
)

// Finalizer holds a deleted PurchaseRequest until its pool and route are gone.
const Finalizer = "obol.org/purchase-finalizer"

// Reasons this reconciler adds to the ones in api/v1alpha1.
const (
	ReasonInvalidAuths    = "InvalidAuths"    // AuthsLoaded False: an auth failed to parse or verify
	ReasonBuyerError      = "BuyerError"      // AuthsLoaded False: the buyer proxy refused the pool
	ReasonWaitingForProbe = "WaitingForProbe" // later conditions while Probed is not True
	ReasonWaitingForAuths = "WaitingForAuths"
)

// Prober asks the seller's offer for its 402 challenge without paying.
type Prober interface {
	Probe(ctx context.Context, endpoint, model string) (*x402.PaymentRequired, error)
}

// Pools is the buyer proxy as the reconciler sees it.
type Pools interface {
	LoadPool(ctx context.Context, p buy.Pool) error
	RemovePool(ctx context.Context, key string) error
	PoolStatus(key string) (buy.PoolStatus, bool)
}

// Routes is the LLM gateway's model config as the reconciler sees it: a
// route is written to the source of truth and applied live (LiteLLM's
// /model/new and /model/delete), never by a restart. internal/llm/models
// implements it.
type Routes interface {
	// RouteExists reports whether publicModel routes to apiBase, in the
	// source config and live.
	RouteExists(ctx context.Context, publicModel, apiBase string) (bool, error)
	// AddRoute adds publicModel forwarding to the OpenAI-compatible apiBase,
	// replacing older routes of that name.
	AddRoute(ctx context.Context, publicModel, apiBase string) error
	// DeleteRoute removes every route named publicModel.
	DeleteRoute(ctx context.Context, publicModel string) error
}

// Options configure a Reconciler.
type Options struct {
	Store  store.Store[*v1alpha1.PurchaseRequest] // required
	Prober Prober                                 // required
	Pools  Pools                                  // required
	Routes Routes                                 // required
	// BuyerURL is the route upstream: the buyer proxy's OpenAI base,
	// e.g. http://127.0.0.1:8402/v1 (required).
	BuyerURL string
	// ReprobeInterval re-checks a Ready purchase's price; default 10 min.
	ReprobeInterval time.Duration
	// StatusInterval refreshes remaining/spent from the buyer; default 15 s.
	StatusInterval time.Duration
	// RetryInterval is the wait after a failed step; default 30 s.
	RetryInterval time.Duration
	Now           func() time.Time
	Logger        *slog.Logger
}

// Reconciler drives PurchaseRequests to Ready.
type Reconciler struct{ o Options }

// Result tells the driver when to reconcile the object again (0 = only on change).
type Result struct{ RequeueAfter time.Duration }

// New checks opts and builds a Reconciler.
func New(o Options) (*Reconciler, error) {
	if o.Store == nil || o.Prober == nil || o.Pools == nil || o.Routes == nil || o.BuyerURL == "" {
		return nil, errors.New("new purchase reconciler: Store, Prober, Pools, Routes and BuyerURL are required")
	}
	if o.ReprobeInterval <= 0 {
		o.ReprobeInterval = 10 * time.Minute
	}
	if o.StatusInterval <= 0 {
		o.StatusInterval = 15 * time.Second
	}
	if o.RetryInterval <= 0 {
		o.RetryInterval = 30 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return &Reconciler{o: o}, nil
}

// Key is the buyer pool key of a purchase.
func Key(p *v1alpha1.PurchaseRequest) string { return p.Namespace + "/" + p.Name }

// Reconcile brings one PurchaseRequest's effects and status in line with
// its spec. A conflict on write is returned (errors.Is store.ErrConflict)
// so the driver retries with a fresh read.
func (r *Reconciler) Reconcile(ctx context.Context, namespace, name string) (Result, error) {
	pr, err := r.o.Store.Get(ctx, namespace, name)
	if errors.Is(err, store.ErrNotFound) {
		return Result{}, nil
	}
	if err != nil {
		return Result{}, fmt.Errorf("get purchase %s/%s: %w", namespace, name, err)
	}
	if pr.IsDeleting() {
		return Result{}, r.finalize(ctx, pr)
	}
	if !hasFinalizer(pr) {
		pr.Finalizers = append(pr.Finalizers, Finalizer)
		if pr, err = r.o.Store.Update(ctx, pr); err != nil {
			return Result{}, fmt.Errorf("add finalizer to %s/%s: %w", namespace, name, err)
		}
	}
	before := pr.Status.DeepCopy()
	res := r.converge(ctx, pr)
	pr.Status.ObservedGeneration = pr.Generation
	pr.Status.PublicModel = pr.PublicModel()
	if !statusEqual(before, &pr.Status) {
		if _, err := r.o.Store.UpdateStatus(ctx, pr); err != nil {
			return Result{}, fmt.Errorf("update status of %s: %w", Key(pr), err)
		}
	}
	return res, nil
}

// converge runs the steps in order; each stops the chain when it fails.
func (r *Reconciler) converge(ctx context.Context, pr *v1alpha1.PurchaseRequest) Result {
	if ok := r.probe(ctx, pr); !ok {
		r.waiting(pr, ReasonWaitingForProbe, "the seller's terms are not confirmed", v1alpha1.ConditionAuthsLoaded, v1alpha1.ConditionConfigured)
		r.setReady(pr, false, v1alpha1.ReasonReconciling, "Probed is not True")
		return Result{RequeueAfter: r.o.RetryInterval}
	}
	if ok := r.loadAuths(ctx, pr); !ok {
		r.waiting(pr, ReasonWaitingForAuths, "the pool is not loaded", v1alpha1.ConditionConfigured)
		r.setReady(pr, false, v1alpha1.ReasonReconciling, "AuthsLoaded is not True")
		return Result{RequeueAfter: r.o.RetryInterval}
	}
	if ok := r.configure(ctx, pr); !ok {
		r.setReady(pr, false, v1alpha1.ReasonReconciling, "Configured is not True")
		return Result{RequeueAfter: r.o.RetryInterval}
	}
	r.ready(pr)
	return Result{RequeueAfter: r.o.StatusInterval}
}

func (r *Reconciler) set(pr *v1alpha1.PurchaseRequest, t string, ok bool, reason, msg string) {
	st := metav1.ConditionFalse
	if ok {
		st = metav1.ConditionTrue
	}
	meta.SetStatusCondition(&pr.Status.Conditions, metav1.Condition{Type: t, Status: st, Reason: reason, Message: msg,
		ObservedGeneration: pr.Generation, LastTransitionTime: metav1.NewTime(r.o.Now())})
	sortConditions(pr.Status.Conditions)
}

// waiting marks later conditions as held up by an earlier step. One that
// is already True stays: a loaded pool and a live route keep serving while
// the seller's terms are in doubt (the proxy refuses to overpay by itself),
// and their observedGeneration tells how current they are.
func (r *Reconciler) waiting(pr *v1alpha1.PurchaseRequest, reason, msg string, types ...string) {
	for _, t := range types {
		if !v1alpha1.IsConditionTrue(pr.Status.Conditions, t) {
			r.set(pr, t, false, reason, msg)
		}
	}
}

func (r *Reconciler) setReady(pr *v1alpha1.PurchaseRequest, ok bool, reason, msg string) {
	r.set(pr, v1alpha1.ConditionReady, ok, reason, msg)
}

func hasFinalizer(pr *v1alpha1.PurchaseRequest) bool {
	for _, f := range pr.Finalizers {
		if f == Finalizer {
			return true
		}
	}
	return false
}
