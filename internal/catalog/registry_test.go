package catalog

import (
	"testing"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/x402"
)

// TestFromRegistry renders an offer against the real x402 registry: the
// devnet default is its USDC, and the chain's identity registry is used.
func TestFromRegistry(t *testing.T) {
	r, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	nets, toks := FromRegistry(r, map[uint64]string{1337: registry})
	in := input(readyOffer("a", registered("5"), func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Network = "devnet" }))
	in.Networks, in.Tokens = nets, toks
	doc, skipped := Services(in)
	if len(skipped) > 0 || len(doc.Services) != 1 {
		t.Fatalf("skipped %+v, listed %d", skipped, len(doc.Services))
	}
	s := doc.Services[0]
	if s.ChainID != 1337 || s.Asset.Symbol != "USDC" || s.Asset.Decimals != 6 || s.PriceAtomicUnits != "1000" || s.Asset.TransferMethod != "eip3009" {
		t.Errorf("devnet default asset: %+v", s.payment)
	}
	mustValidJSON(t, in)
	reg := Registration(in)
	if len(reg.Registrations) != 1 || reg.Registrations[0].AgentRegistry != "eip155:1337:"+registry {
		t.Errorf("registrations: %+v", reg.Registrations)
	}
}
