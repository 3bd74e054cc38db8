package catalog

import (
	"strings"
	"testing"

	"github.com/obol-dev/obol/api/v1alpha1"
)

// TestResolvePaymentsAgreesWithDocuments: what the seller's 402 asks for
// (ResolvePayments) is what services.json lists, option by option.
func TestResolvePaymentsAgreesWithDocuments(t *testing.T) {
	o := readyOffer("my-qwen", multiPayment)
	in := input(o)
	pays, err := in.ResolvePayments(&o)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := Services(in)
	if len(doc.Services) != 1 || len(pays) != len(doc.Services[0].Payments) {
		t.Fatalf("%d resolved options, catalog lists %+v", len(pays), doc.Services)
	}
	for i, p := range pays {
		c := doc.Services[0].Payments[i]
		if p.CAIP2 != c.CAIP2Network || p.Asset != c.Asset.Address || p.PayTo != c.PayTo || p.Decimals != c.Asset.Decimals ||
			p.TransferMethod != c.Asset.TransferMethod || p.EIP712Name != c.Asset.EIP712Domain.Name || p.RequestAmount != c.PriceAtomicUnits {
			t.Errorf("option %d: resolved %+v, catalog %+v", i, p, c)
		}
	}
	if pays[1].MaxTimeoutSeconds != 120 || pays[0].MaxTimeoutSeconds != v1alpha1.DefaultMaxTimeoutSeconds {
		t.Errorf("max timeouts %d, %d", pays[0].MaxTimeoutSeconds, pays[1].MaxTimeoutSeconds)
	}
	bad := readyOffer("bad", func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Network = "polygon" })
	if _, err := in.ResolvePayments(&bad); err == nil || !strings.Contains(err.Error(), `offer default/bad: unknown network "polygon"`) {
		t.Errorf("unknown network: %v", err)
	}
}
