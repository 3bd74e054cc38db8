package storetest

import (
	"fmt"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/obol-dev/obol/api/v1alpha1"
)

// ServiceOfferFixture builds valid ServiceOffers; the spec counter is
// spec.listing.weight.
func ServiceOfferFixture() Fixture[*v1alpha1.ServiceOffer] {
	return Fixture[*v1alpha1.ServiceOffer]{
		New: func(ns, name string) *v1alpha1.ServiceOffer {
			return &v1alpha1.ServiceOffer{
				TypeMeta:   v1alpha1.TypeMetaServiceOffer(),
				ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name},
				Spec: v1alpha1.ServiceOfferSpec{
					Type:     v1alpha1.OfferTypeInference,
					Model:    &v1alpha1.ModelSpec{Name: "tiny"},
					Upstream: v1alpha1.UpstreamSpec{URL: "http://127.0.0.1:11434"},
					Payment: v1alpha1.PaymentOption{Network: "devnet", PayTo: "0x1111111111111111111111111111111111111111",
						Price: v1alpha1.PriceSpec{PerRequest: "0.001"}},
					Listing: &v1alpha1.ListingSpec{},
				},
			}
		},
		MutateSpec: func(o *v1alpha1.ServiceOffer) {
			if o.Spec.Listing == nil {
				o.Spec.Listing = &v1alpha1.ListingSpec{}
			}
			o.Spec.Listing.Weight++
		},
		SpecCounter: func(o *v1alpha1.ServiceOffer) int {
			if o.Spec.Listing == nil {
				return 0
			}
			return int(o.Spec.Listing.Weight)
		},
		MutateStatus: func(o *v1alpha1.ServiceOffer) {
			o.Status.ObservedGeneration++
			o.Status.Endpoint = fmt.Sprintf("/services/%s#%d", o.Name, o.Status.ObservedGeneration)
		},
		Spec:   func(o *v1alpha1.ServiceOffer) any { return o.Spec },
		Status: func(o *v1alpha1.ServiceOffer) any { return o.Status },
	}
}

// PurchaseRequestFixture builds valid PurchaseRequests; the spec counter
// is spec.count.
func PurchaseRequestFixture() Fixture[*v1alpha1.PurchaseRequest] {
	return Fixture[*v1alpha1.PurchaseRequest]{
		New: func(ns, name string) *v1alpha1.PurchaseRequest {
			return &v1alpha1.PurchaseRequest{
				TypeMeta:   v1alpha1.TypeMetaPurchaseRequest(),
				ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name},
				Spec: v1alpha1.PurchaseRequestSpec{
					Endpoint: "http://127.0.0.1:8080/services/tiny",
					Model:    "tiny",
					Count:    1,
					PreSignedAuths: []v1alpha1.PreSignedAuth{{ID: "0x01",
						Payment: runtime.RawExtension{Raw: []byte(`{"x402Version":2,"accepted":{"scheme":"exact"},"payload":{"signature":"0xab"}}`)}}},
					Payment: v1alpha1.PurchasePayment{Network: "eip155:1337", PayTo: "0x1111111111111111111111111111111111111111",
						Price: "1000", Asset: "0x2222222222222222222222222222222222222222", AssetSymbol: "USDC", AssetDecimals: 6},
				},
			}
		},
		MutateSpec:  func(p *v1alpha1.PurchaseRequest) { p.Spec.Count++ },
		SpecCounter: func(p *v1alpha1.PurchaseRequest) int { return int(p.Spec.Count) },
		MutateStatus: func(p *v1alpha1.PurchaseRequest) {
			p.Status.Spent++
			p.Status.PublicModel = p.PublicModel()
		},
		Spec:   func(p *v1alpha1.PurchaseRequest) any { return p.Spec },
		Status: func(p *v1alpha1.PurchaseRequest) any { return p.Status },
	}
}
