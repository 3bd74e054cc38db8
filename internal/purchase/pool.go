package purchase

import (
	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/x402"
)

// Pool is a purchase's authorizations as the reconciler hands them to the
// buyer proxy. The proxy serves Model (the remote id) at Endpoint.
type Pool struct {
	// Key names the purchase: "<namespace>/<name>".
	Key string
	// Model is the remote model id; the gateway exposes paid/<Model>.
	Model string
	// Endpoint is the seller's offer URL.
	Endpoint string
	// Network is the CAIP-2 id the auths pay on.
	Network string
	// Auths are the pre-signed payloads; loading again with more auths
	// (a refill) keeps the spent state of the ones already known.
	Auths []v1alpha1.PreSignedAuth
	// Terms, when set, is what every auth must pay exactly (network,
	// asset, payTo, amount, transfer method); an auth that does not is
	// refused with ErrInvalidAuth.
	Terms *x402.PaymentRequirements
}

// PoolStatus is a pool's live accounting. Remaining + Spent = TotalSigned
// always; InFlight and Expired are parts of Remaining.
type PoolStatus struct {
	PublicModel string `json:"publicModel"`
	Remaining   int    `json:"remaining"`
	Spent       int    `json:"spent"`
	Network     string `json:"network"`
	TotalSigned int    `json:"totalSigned"`
	InFlight    int    `json:"inFlight"`
	Expired     int    `json:"expired"`
}
