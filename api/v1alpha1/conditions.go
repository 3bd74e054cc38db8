package v1alpha1

import (
	"time"

	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// ServiceOffer condition types, in the order they appear in status.
const (
	ConditionModelReady       = "ModelReady"
	ConditionUpstreamHealthy  = "UpstreamHealthy"
	ConditionPaymentGateReady = "PaymentGateReady"
	ConditionRoutePublished   = "RoutePublished"
	ConditionRegistered       = "Registered"
	ConditionDraining         = "Draining"
	ConditionReady            = "Ready"
)

// ServiceOfferConditionOrder is the order of ServiceOffer conditions in status.
func ServiceOfferConditionOrder() []string {
	return []string{ConditionModelReady, ConditionUpstreamHealthy, ConditionPaymentGateReady,
		ConditionRoutePublished, ConditionRegistered, ConditionDraining, ConditionReady}
}

// ServiceOffer condition reasons.
const (
	// ModelReady
	ReasonSkipped      = "Skipped"      // True: not an inference offer
	ReasonDeclared     = "Declared"     // True: the model is named
	ReasonMissingModel = "MissingModel" // False: inference offer without model.name

	// UpstreamHealthy
	ReasonHealthy         = "Healthy"         // True: the health path answered 2xx
	ReasonUnhealthy       = "Unhealthy"       // False: non-2xx or transport error
	ReasonMissingUpstream = "MissingUpstream" // False: no upstream URL or service

	// PaymentGateReady, RoutePublished
	ReasonReconciled         = "Reconciled"         // True
	ReasonInvalidPayment     = "InvalidPayment"     // False: price, address, network or asset refused
	ReasonInvalidSpec        = "InvalidSpec"        // False: another spec field refused (type, upstream, grace period)
	ReasonReservedPath       = "ReservedPath"       // False: path under a reserved root
	ReasonPathConflict       = "PathConflict"       // False: an older offer owns the path
	ReasonWaitingForUpstream = "WaitingForUpstream" // False
	ReasonWaitingForGate     = "WaitingForPaymentGate"
	ReasonDrained            = "Drained" // False: the drain ended, route torn down

	// Registered
	ReasonDisabled        = "Disabled"        // True: registration is off
	ReasonRegisteredOK    = "Registered"      // True: agentId recorded
	ReasonPending         = "Pending"         // False: waiting for `obol sell register`
	ReasonWaitingForRoute = "WaitingForRoute" // False
	ReasonIdentityError   = "IdentityError"   // False

	// Draining
	ReasonDraining = "Draining" // True: inside the grace period
	ReasonActive   = "Active"   // False: not draining

	// Ready
	ReasonReconciling = "Reconciling" // False: some gate is not True
)

// PurchaseRequest condition types, in order.
const (
	ConditionProbed      = "Probed"
	ConditionAuthsLoaded = "AuthsLoaded"
	ConditionConfigured  = "Configured"
	// ConditionReady (shared with ServiceOffer) ends the list.
)

// PurchaseRequestConditionOrder is the order of PurchaseRequest conditions in status.
func PurchaseRequestConditionOrder() []string {
	return []string{ConditionProbed, ConditionAuthsLoaded, ConditionConfigured, ConditionReady}
}

// PurchaseRequest condition reasons.
const (
	// Probed
	ReasonValidated       = "Validated"
	ReasonProbeError      = "ProbeError"
	ReasonNotPaymentGated = "NotPaymentGated"
	ReasonPricingMismatch = "PricingMismatch"
	ReasonInvalidPricing  = "InvalidPricing"

	// AuthsLoaded
	ReasonLoaded  = "Loaded"
	ReasonNoAuths = "NoAuths"

	// Configured
	ReasonWritten          = "Written"
	ReasonConfigWriteError = "ConfigWriteError"
	ReasonDuplicateModel   = "DuplicateModel"

	// Ready
	ReasonBuyerNotReady = "BuyerNotReady"
	ReasonExhausted     = "Exhausted"
)

// FindCondition returns the condition of type t, or nil.
func FindCondition(conds []metav1.Condition, t string) *metav1.Condition {
	return meta.FindStatusCondition(conds, t)
}

// IsConditionTrue reports whether the condition of type t exists and is True.
func IsConditionTrue(conds []metav1.Condition, t string) bool {
	return meta.IsStatusConditionTrue(conds, t)
}

// OperationallyReady reports whether an offer serves paid traffic: the four
// gates ModelReady, UpstreamHealthy, PaymentGateReady and RoutePublished are
// True. Registered is left out on purpose: an offer waiting for its on-chain
// registration is still sold (and listed with registrationPending).
func (o *ServiceOffer) OperationallyReady() bool {
	for _, t := range []string{ConditionModelReady, ConditionUpstreamHealthy, ConditionPaymentGateReady, ConditionRoutePublished} {
		if !IsConditionTrue(o.Status.Conditions, t) {
			return false
		}
	}
	return true
}

// RegistrationPending reports whether registration is enabled but the
// Registered condition is not True yet.
func (o *ServiceOffer) RegistrationPending() bool {
	if o.Spec.Registration == nil || !o.Spec.Registration.Enabled {
		return false
	}
	return !IsConditionTrue(o.Status.Conditions, ConditionRegistered)
}

// Serving reports whether the seller gateway should serve the offer's
// route at now: the reconciler published it (RoutePublished True), the
// drain (if any) has not ended, and it is not being deleted. A draining
// offer is still served, and still settles, until drainEndsAt.
func (o *ServiceOffer) Serving(now time.Time) bool {
	return IsConditionTrue(o.Status.Conditions, ConditionRoutePublished) && !o.DrainExpired(now) && !o.IsDeleting()
}
