package purchase

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	buy "github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/x402"
)

// probe confirms the seller still asks exactly what the auths pay. A
// mismatch leaves the pool and the route as they are: the buyer proxy
// refuses to overpay on its own, and the condition tells the user why.
func (r *Reconciler) probe(ctx context.Context, pr *v1alpha1.PurchaseRequest) bool {
	c := v1alpha1.FindCondition(pr.Status.Conditions, v1alpha1.ConditionProbed)
	if c != nil && c.Status == metav1.ConditionTrue && c.ObservedGeneration == pr.Generation &&
		pr.Status.ProbedAt != nil && r.o.Now().Sub(pr.Status.ProbedAt.Time) < r.o.ReprobeInterval {
		return true
	}
	ch, err := r.o.Prober.Probe(ctx, pr.Spec.Endpoint, pr.Spec.Model)
	now := metav1.NewTime(r.o.Now())
	pr.Status.ProbedAt = &now
	if err != nil {
		reason := v1alpha1.ReasonProbeError
		if errors.Is(err, buy.ErrNotPaymentGated) {
			reason = v1alpha1.ReasonNotPaymentGated
		}
		r.set(pr, v1alpha1.ConditionProbed, false, reason, err.Error())
		return false
	}
	want := specRequirements(&pr.Spec.Payment)
	var diffs []string
	for i := range ch.Accepts {
		d := buy.Diff("purchase", &want, &ch.Accepts[i])
		if len(d) == 0 {
			pr.Status.ProbedPrice = ch.Accepts[i].Amount
			r.set(pr, v1alpha1.ConditionProbed, true, v1alpha1.ReasonValidated,
				fmt.Sprintf("the seller asks %s atomic units per request on %s, as signed", want.Amount, want.Network))
			return true
		}
		diffs = append(diffs, strings.Join(d, "; "))
	}
	pr.Status.ProbedPrice = ch.Accepts[0].Amount
	r.set(pr, v1alpha1.ConditionProbed, false, v1alpha1.ReasonPricingMismatch,
		"the seller's 402 differs from the purchase: "+strings.Join(diffs, " | ")+"; the buyer will not pay it (buy again at the new terms)")
	return false
}

// specRequirements is the purchase's payment in the accepts[] shape.
func specRequirements(p *v1alpha1.PurchasePayment) x402.PaymentRequirements {
	method := string(p.TransferMethod)
	if method == "" {
		method = x402.TransferEIP3009
	}
	return x402.PaymentRequirements{Scheme: x402.SchemeExact, Network: buy.NormalizeNetwork(p.Network), Asset: p.Asset,
		Amount: p.Price, PayTo: p.PayTo, Extra: map[string]any{"assetTransferMethod": method}}
}

// loadAuths hands the pool to the buyer when the spec changed or the buyer
// does not have it (a restarted buyer).
func (r *Reconciler) loadAuths(ctx context.Context, pr *v1alpha1.PurchaseRequest) bool {
	if len(pr.Spec.PreSignedAuths) == 0 {
		r.set(pr, v1alpha1.ConditionAuthsLoaded, false, v1alpha1.ReasonNoAuths, "spec.preSignedAuths is empty; sign some with `obol buy refill "+pr.Name+"`")
		return false
	}
	c := v1alpha1.FindCondition(pr.Status.Conditions, v1alpha1.ConditionAuthsLoaded)
	_, loaded := r.o.Pools.PoolStatus(Key(pr))
	if loaded && c != nil && c.Status == metav1.ConditionTrue && c.ObservedGeneration == pr.Generation {
		return true
	}
	if len(pr.Spec.PreSignedAuths) > int(pr.Spec.Count) {
		r.set(pr, v1alpha1.ConditionAuthsLoaded, false, ReasonInvalidAuths,
			fmt.Sprintf("%d auths for a count of %d: a purchase never holds more than it agreed to", len(pr.Spec.PreSignedAuths), pr.Spec.Count))
		return false
	}
	terms := specRequirements(&pr.Spec.Payment)
	err := r.o.Pools.LoadPool(ctx, buy.Pool{Key: Key(pr), Model: pr.Spec.Model, Endpoint: pr.Spec.Endpoint,
		Network: pr.Spec.Payment.Network, Auths: pr.Spec.PreSignedAuths, Terms: &terms})
	if err != nil {
		reason := ReasonBuyerError
		if errors.Is(err, buy.ErrInvalidAuth) {
			reason = ReasonInvalidAuths // one that does not decode, verify, or pay spec.payment
		}
		r.set(pr, v1alpha1.ConditionAuthsLoaded, false, reason, err.Error())
		return false
	}
	st, _ := r.o.Pools.PoolStatus(Key(pr))
	pr.Status.TotalSigned = int32(st.TotalSigned)
	r.set(pr, v1alpha1.ConditionAuthsLoaded, true, v1alpha1.ReasonLoaded, fmt.Sprintf("%d auths loaded into the buyer proxy", st.TotalSigned))
	return true
}

// configure makes sure the gateway routes paid/<model> to the buyer proxy.
func (r *Reconciler) configure(ctx context.Context, pr *v1alpha1.PurchaseRequest) bool {
	model := pr.PublicModel()
	exists, err := r.o.Routes.RouteExists(ctx, model, r.o.BuyerURL)
	if err == nil && !exists {
		err = r.o.Routes.AddRoute(ctx, model, r.o.BuyerURL)
	}
	if err != nil {
		r.set(pr, v1alpha1.ConditionConfigured, false, v1alpha1.ReasonConfigWriteError, "gateway route "+model+": "+err.Error())
		return false
	}
	r.set(pr, v1alpha1.ConditionConfigured, true, v1alpha1.ReasonWritten, model+" routes to the buyer proxy "+r.o.BuyerURL)
	return true
}

// ready copies the buyer's live accounting into status.
func (r *Reconciler) ready(pr *v1alpha1.PurchaseRequest) {
	st, ok := r.o.Pools.PoolStatus(Key(pr))
	if !ok {
		r.setReady(pr, false, v1alpha1.ReasonBuyerNotReady, "the buyer proxy does not have the pool")
		return
	}
	pr.Status.Remaining, pr.Status.Spent, pr.Status.TotalSigned = int32(st.Remaining), int32(st.Spent), int32(st.TotalSigned)
	usable := st.Remaining - st.Expired
	if usable <= 0 {
		r.setReady(pr, false, v1alpha1.ReasonExhausted, fmt.Sprintf("spent %d of %d (%d expired); refill with `obol buy refill %s`",
			st.Spent, st.TotalSigned, st.Expired, pr.Name))
		return
	}
	msg := fmt.Sprintf("%d remaining, %d spent", st.Remaining, st.Spent)
	if ar := pr.Spec.AutoRefill; ar != nil && ar.Enabled && usable <= int(ar.Threshold) {
		msg += fmt.Sprintf("; auto-refill wanted (threshold %d): the wallet must sign, run `obol buy refill %s`", ar.Threshold, pr.Name)
	}
	r.setReady(pr, true, v1alpha1.ReasonReconciled, msg)
}

// finalize removes the pool, and the route unless another live purchase
// serves the same model, then lets the object go.
func (r *Reconciler) finalize(ctx context.Context, pr *v1alpha1.PurchaseRequest) error {
	if !hasFinalizer(pr) {
		return nil
	}
	if err := r.o.Pools.RemovePool(ctx, Key(pr)); err != nil {
		return fmt.Errorf("remove pool %s: %w", Key(pr), err)
	}
	all, err := r.o.Store.List(ctx, store.ListOptions{})
	if err != nil {
		return fmt.Errorf("list purchases: %w", err)
	}
	shared := slices.ContainsFunc(all, func(o *v1alpha1.PurchaseRequest) bool {
		return Key(o) != Key(pr) && !o.IsDeleting() && o.Spec.Model == pr.Spec.Model
	})
	if !shared {
		if err := r.o.Routes.DeleteRoute(ctx, pr.PublicModel()); err != nil {
			return fmt.Errorf("delete route %s: %w", pr.PublicModel(), err)
		}
	}
	pr.Finalizers = slices.DeleteFunc(pr.Finalizers, func(f string) bool { return f == Finalizer })
	if _, err := r.o.Store.Update(ctx, pr); err != nil && !errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("remove finalizer of %s: %w", Key(pr), err)
	}
	r.o.Logger.Info("purchase removed", "purchase", Key(pr), "routeKept", shared)
	return nil
}

var conditionOrder = v1alpha1.PurchaseRequestConditionOrder()

func sortConditions(cs []metav1.Condition) {
	slices.SortStableFunc(cs, func(a, b metav1.Condition) int {
		return slices.Index(conditionOrder, a.Type) - slices.Index(conditionOrder, b.Type)
	})
}

func statusEqual(a, b *v1alpha1.PurchaseRequestStatus) bool { return equality.Semantic.DeepEqual(a, b) }
