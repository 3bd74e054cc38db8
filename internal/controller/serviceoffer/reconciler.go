// Package serviceoffer reconciles ServiceOffers: it checks the model, the
// upstream's health, the payment terms and the path, decides whether the
// seller publishes the route, follows the drain lifecycle, and records all
// of it as conditions in a fixed order (ModelReady, UpstreamHealthy,
// PaymentGateReady, RoutePublished, Registered, Draining, Ready).
//
// The reconciler is pure logic over the store and small effect interfaces
// (Prober, PaymentChecker, Gate, Registrar). It serves no traffic: the
// seller gateway and the catalog watch the store and act on the
// conditions (RoutePublished True = serve it). It never signs anything.
package serviceoffer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/store"
)

// Finalizer holds a deleted offer until its registration is retained.
const Finalizer = "obol.org/serviceoffer-finalizer"

// Options configure New.
type Options struct {
	Store    store.Store[*v1alpha1.ServiceOffer] // required
	Prober   Prober                              // required
	Payments PaymentChecker                      // required
	// Gate is optional: nil means the gateway is always ready.
	Gate Gate
	// Registrar is optional: nil means registration status comes only
	// from `obol sell register` writing status.agentId.
	Registrar Registrar
	// RetryInterval is the next pass of an offer that is not Ready; default 5s.
	RetryInterval time.Duration
	// ProbeInterval re-probes a Ready offer's upstream; default 30s.
	ProbeInterval time.Duration
	// Now is the clock; default time.Now.
	Now func() time.Time
	// Logger; default slog.Default().
	Logger *slog.Logger
}

// Reconciler drives ServiceOffers.
type Reconciler struct{ o Options }

// New checks opts and builds a Reconciler.
func New(o Options) (*Reconciler, error) {
	if o.Store == nil || o.Prober == nil || o.Payments == nil {
		return nil, errors.New("new serviceoffer reconciler: Store, Prober and Payments are required")
	}
	if o.RetryInterval <= 0 {
		o.RetryInterval = 5 * time.Second
	}
	if o.ProbeInterval <= 0 {
		o.ProbeInterval = 30 * time.Second
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return &Reconciler{o: o}, nil
}

// Reconcile brings one offer's status in line with its spec and the world.
// It has the runner's ReconcileFunc shape. A write conflict is returned
// (errors.Is store.ErrConflict) so the runner retries with a fresh read.
func (r *Reconciler) Reconcile(ctx context.Context, namespace, name string) (time.Duration, error) {
	o, err := r.o.Store.Get(ctx, namespace, name)
	if errors.Is(err, store.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("get offer %s/%s: %w", namespace, name, err)
	}
	if o.IsDeleting() {
		return 0, r.finalize(ctx, o)
	}
	if !slices.Contains(o.Finalizers, Finalizer) {
		o.Finalizers = append(o.Finalizers, Finalizer)
		if o, err = r.o.Store.Update(ctx, o); err != nil {
			return 0, fmt.Errorf("add finalizer to %s/%s: %w", namespace, name, err)
		}
	}
	others, err := r.o.Store.List(ctx, store.ListOptions{})
	if err != nil {
		return 0, fmt.Errorf("list offers: %w", err)
	}
	now := r.o.Now()
	e := r.evaluate(ctx, o, others, now)
	o.Status.Conditions = e.conditions(o, now)
	o.Status.ObservedGeneration = o.Generation
	o.Status.Endpoint = o.EffectivePath()
	if e.agentID != "" && o.Status.AgentID == "" {
		o.Status.AgentID, o.Status.RegistrationTxHash = e.agentID, e.txHash
	}
	if _, err := r.o.Store.UpdateStatus(ctx, o); err != nil {
		return 0, fmt.Errorf("update status of %s/%s: %w", namespace, name, err)
	}
	return e.requeue, nil
}

// finalize runs the deletion: keep the registration record, then let go.
func (r *Reconciler) finalize(ctx context.Context, o *v1alpha1.ServiceOffer) error {
	if !slices.Contains(o.Finalizers, Finalizer) {
		return nil
	}
	if r.o.Registrar != nil && o.Status.AgentID != "" {
		if err := r.o.Registrar.Retain(ctx, o); err != nil {
			return fmt.Errorf("retain registration of %s/%s: %w", o.Namespace, o.Name, err)
		}
	}
	o.Finalizers = slices.DeleteFunc(o.Finalizers, func(f string) bool { return f == Finalizer })
	if _, err := r.o.Store.Update(ctx, o); err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("remove finalizer of %s/%s: %w", o.Namespace, o.Name, err)
	}
	r.o.Logger.Info("offer deleted", "namespace", o.Namespace, "name", o.Name)
	return nil
}

// verdict is one condition's outcome.
type verdict struct {
	ok      bool
	reason  string
	message string
}

func yes(reason, msg string) verdict { return verdict{true, reason, msg} }
func no(reason, msg string) verdict  { return verdict{false, reason, msg} }

// evaluation is every condition of one pass, plus when to come back.
type evaluation struct {
	model, upstream, gate, route, registered, draining verdict
	agentID, txHash                                    string
	requeue                                            time.Duration
}

func (r *Reconciler) evaluate(ctx context.Context, o *v1alpha1.ServiceOffer, all []*v1alpha1.ServiceOffer, now time.Time) evaluation {
	var e evaluation
	e.requeue = r.o.RetryInterval
	e.model = modelVerdict(o)
	e.upstream = r.upstreamVerdict(ctx, o)
	e.draining = no(v1alpha1.ReasonActive, "Not draining")
	switch {
	case o.DrainExpired(now):
		msg := fmt.Sprintf("Drain ended at %s; route removed", o.DrainEndsAt().Format(time.RFC3339))
		e.draining = no(v1alpha1.ReasonDrained, msg)
		e.gate, e.route = no(v1alpha1.ReasonDrained, msg), no(v1alpha1.ReasonDrained, msg)
		e.registered = r.registeredVerdict(ctx, o, &e, false)
		e.requeue = 0 // nothing changes until the spec does
		return e
	case o.DrainingAt(now):
		e.draining = yes(v1alpha1.ReasonDraining, "Drain ends at "+o.DrainEndsAt().Format(time.RFC3339))
	}
	e.gate = r.gateVerdict(ctx, o, all)
	switch {
	case !e.gate.ok:
		e.route = no(v1alpha1.ReasonWaitingForGate, "The payment gate is not ready: "+e.gate.message)
	case !e.model.ok || !e.upstream.ok:
		e.route = no(v1alpha1.ReasonWaitingForUpstream, "The model or upstream is not ready")
	default:
		e.route = yes(v1alpha1.ReasonReconciled, "Route published at "+o.EffectivePath())
	}
	e.registered = r.registeredVerdict(ctx, o, &e, e.route.ok)
	if e.model.ok && e.upstream.ok && e.gate.ok && e.route.ok && e.registered.ok {
		e.requeue = r.o.ProbeInterval
	}
	if o.DrainingAt(now) {
		// Come back exactly when the drain ends (the end instant counts as ended).
		e.requeue = min(e.requeue, o.DrainEndsAt().Sub(now))
	}
	return e
}

func modelVerdict(o *v1alpha1.ServiceOffer) verdict {
	if o.EffectiveType() != v1alpha1.OfferTypeInference {
		return yes(v1alpha1.ReasonSkipped, "Not an inference offer")
	}
	if o.Spec.Model == nil || strings.TrimSpace(o.Spec.Model.Name) == "" {
		return no(v1alpha1.ReasonMissingModel, "An inference offer needs spec.model.name")
	}
	return yes(v1alpha1.ReasonDeclared, "Model "+o.Spec.Model.Name)
}

func (r *Reconciler) upstreamVerdict(ctx context.Context, o *v1alpha1.ServiceOffer) verdict {
	u := o.Spec.Upstream
	base := strings.TrimRight(u.URL, "/")
	if base == "" && u.Service != "" {
		ns := u.Namespace
		if ns == "" {
			ns = o.Namespace
		}
		base = fmt.Sprintf("http://%s.%s.svc.cluster.local:%d", u.Service, ns, u.Port)
	}
	if base == "" {
		return no(v1alpha1.ReasonMissingUpstream, "No upstream URL or service")
	}
	if err := r.o.Prober.Probe(ctx, base+o.EffectiveHealthPath()); err != nil {
		return no(v1alpha1.ReasonUnhealthy, err.Error())
	}
	return yes(v1alpha1.ReasonHealthy, "Upstream answered "+o.EffectiveHealthPath())
}

// gateVerdict checks everything the payment gate needs: a valid spec, a
// free public path, sellable payment terms, and a running gateway.
func (r *Reconciler) gateVerdict(ctx context.Context, o *v1alpha1.ServiceOffer, all []*v1alpha1.ServiceOffer) verdict {
	if err := v1alpha1.ValidatePath(o.EffectivePath()); err != nil {
		return no(v1alpha1.ReasonReservedPath, err.Error())
	}
	if owner := pathOwner(o, all, r.o.Now()); owner != nil {
		return no(v1alpha1.ReasonPathConflict, fmt.Sprintf("Path %s is already served by the older offer %s/%s", o.EffectivePath(), owner.Namespace, owner.Name))
	}
	if err := o.Validate(); err != nil {
		return no(invalidReason(err), err.Error())
	}
	for i, opt := range o.PaymentOptions() {
		if err := r.o.Payments.CheckPayment(opt); err != nil {
			field := "spec.payment"
			if i > 0 {
				field = fmt.Sprintf("spec.payments[%d]", i-1)
			}
			return no(v1alpha1.ReasonInvalidPayment, field+": "+err.Error())
		}
	}
	if r.o.Gate != nil {
		if err := r.o.Gate.Ready(ctx); err != nil {
			return no("WaitingForGateway", "The seller gateway is not ready: "+err.Error())
		}
	}
	return yes(v1alpha1.ReasonReconciled, "Payment gate configured")
}

// invalidReason says InvalidPayment when every problem is in the payment
// terms, InvalidSpec otherwise.
func invalidReason(err error) string {
	var ve *v1alpha1.ValidationError
	if !errors.As(err, &ve) {
		return v1alpha1.ReasonInvalidSpec
	}
	for _, fe := range ve.Errors {
		if !strings.HasPrefix(fe.Field, "spec.payment") {
			return v1alpha1.ReasonInvalidSpec
		}
	}
	return v1alpha1.ReasonInvalidPayment
}

// pathOwner returns the offer that owns o's path ahead of o: the oldest
// live offer with the same path (ties broken by namespace/name).
func pathOwner(o *v1alpha1.ServiceOffer, all []*v1alpha1.ServiceOffer, now time.Time) *v1alpha1.ServiceOffer {
	for _, other := range all {
		if other.Namespace == o.Namespace && other.Name == o.Name {
			continue
		}
		if other.IsDeleting() || other.DrainExpired(now) || other.EffectivePath() != o.EffectivePath() {
			continue
		}
		ot, mt := other.CreationTimestamp.Time, o.CreationTimestamp.Time
		if ot.Before(mt) || ot.Equal(mt) && other.Namespace+"/"+other.Name < o.Namespace+"/"+o.Name {
			return other
		}
	}
	return nil
}

func (r *Reconciler) registeredVerdict(ctx context.Context, o *v1alpha1.ServiceOffer, e *evaluation, routed bool) verdict {
	reg := o.Spec.Registration
	if reg == nil || !reg.Enabled {
		return yes(v1alpha1.ReasonDisabled, "Registration is off")
	}
	if o.Status.AgentID != "" {
		return yes(v1alpha1.ReasonRegisteredOK, "Agent "+o.Status.AgentID)
	}
	if r.o.Registrar != nil {
		id, tx, found, err := r.o.Registrar.FindAgent(ctx, o)
		if err != nil {
			return no(v1alpha1.ReasonIdentityError, err.Error())
		}
		if found {
			e.agentID, e.txHash = id, tx
			return yes(v1alpha1.ReasonRegisteredOK, "Agent "+id)
		}
	}
	if !routed {
		return no(v1alpha1.ReasonWaitingForRoute, "Waiting for the route before registering")
	}
	return no(v1alpha1.ReasonPending, fmt.Sprintf("Not registered yet; run `obol sell register %s`", o.Name))
}

// conditions lays the verdicts out in the fixed order, keeping each
// condition's lastTransitionTime while its status does not change.
func (e evaluation) conditions(o *v1alpha1.ServiceOffer, now time.Time) []metav1.Condition {
	vs := []struct {
		t string
		v verdict
	}{
		{v1alpha1.ConditionModelReady, e.model},
		{v1alpha1.ConditionUpstreamHealthy, e.upstream},
		{v1alpha1.ConditionPaymentGateReady, e.gate},
		{v1alpha1.ConditionRoutePublished, e.route},
		{v1alpha1.ConditionRegistered, e.registered},
		{v1alpha1.ConditionDraining, e.draining},
	}
	var notReady []string
	for _, x := range vs[:5] {
		if !x.v.ok {
			notReady = append(notReady, x.t)
		}
	}
	ready := yes(v1alpha1.ReasonReconciled, "Serving and paid")
	if len(notReady) > 0 {
		ready = no(v1alpha1.ReasonReconciling, "Not True yet: "+strings.Join(notReady, ", "))
	}
	vs = append(vs, struct {
		t string
		v verdict
	}{v1alpha1.ConditionReady, ready})
	out := make([]metav1.Condition, 0, len(vs))
	for _, x := range vs {
		st := metav1.ConditionFalse
		if x.v.ok {
			st = metav1.ConditionTrue
		}
		c := metav1.Condition{Type: x.t, Status: st, Reason: x.v.reason, Message: x.v.message,
			ObservedGeneration: o.Generation, LastTransitionTime: metav1.NewTime(now.UTC().Truncate(time.Second))}
		if old := v1alpha1.FindCondition(o.Status.Conditions, x.t); old != nil && old.Status == st {
			c.LastTransitionTime = old.LastTransitionTime
		}
		out = append(out, c)
	}
	return out
}
