package catalog

import (
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
)

var testNow = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

const (
	seller   = "0x1111111111111111111111111111111111111111"
	usdcAddr = "0x036CbD53842c5426634e7929541eC2318f3dCF7e"
	obolAddr = "0x0a09371a8b011d5110656ceBCc70603e53FD2c78"
	registry = "0x8004A818BFB912233c491871b3d84c89A494BD9e"
)

func testNetworks() []Network {
	return []Network{
		{Name: "devnet", Aliases: []string{"dev", "local"}, CAIP2: "eip155:1337", ChainID: 1337, IdentityRegistry: registry},
		{Name: "base-sepolia", CAIP2: "eip155:84532", ChainID: 84532, IdentityRegistry: registry},
		{Name: "base", CAIP2: "eip155:8453", ChainID: 8453},
	}
}

func testTokens() []Token {
	return []Token{
		{Network: "eip155:1337", Symbol: "USDC", Address: usdcAddr, Decimals: 6, TransferMethod: v1alpha1.TransferEIP3009, EIP712Name: "USDC", EIP712Version: "2", Default: true},
		{Network: "eip155:1337", Symbol: "OBOL", Address: obolAddr, Decimals: 18, TransferMethod: v1alpha1.TransferPermit2, EIP712Name: "Obol Network", EIP712Version: "1"},
		{Network: "eip155:84532", Symbol: "USDC", Address: usdcAddr, Decimals: 6, TransferMethod: v1alpha1.TransferEIP3009, EIP712Name: "USDC", EIP712Version: "2", Default: true},
		{Network: "eip155:8453", Symbol: "USDC", Address: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", Decimals: 6, TransferMethod: v1alpha1.TransferEIP3009, EIP712Name: "USD Coin", EIP712Version: "2", Default: true},
	}
}

func input(offers ...v1alpha1.ServiceOffer) Input {
	return Input{
		Now: testNow, BaseURL: "https://seller.example/", DisplayName: "Alice's Models", Tagline: "Small models, fair prices",
		Offers: offers, Networks: testNetworks(), Tokens: testTokens(),
	}
}

type offerOpt func(*v1alpha1.ServiceOffer)

func cond(t string, st metav1.ConditionStatus, reason string) metav1.Condition {
	return metav1.Condition{Type: t, Status: st, Reason: reason}
}

// readyOffer is an inference offer whose reconciler set every gate True.
func readyOffer(name string, opts ...offerOpt) v1alpha1.ServiceOffer {
	o := v1alpha1.ServiceOffer{
		TypeMeta:   v1alpha1.TypeMetaServiceOffer(),
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: "default", Generation: 1},
		Spec: v1alpha1.ServiceOfferSpec{
			Type:     v1alpha1.OfferTypeInference,
			Model:    &v1alpha1.ModelSpec{Name: "qwen3:0.6b"},
			Upstream: v1alpha1.UpstreamSpec{URL: "http://127.0.0.1:11434"},
			Payment:  v1alpha1.PaymentOption{Network: "base-sepolia", PayTo: seller, Price: v1alpha1.PriceSpec{PerRequest: "0.001"}},
		},
		Status: v1alpha1.ServiceOfferStatus{ObservedGeneration: 1, Conditions: []metav1.Condition{
			cond(v1alpha1.ConditionModelReady, metav1.ConditionTrue, v1alpha1.ReasonDeclared),
			cond(v1alpha1.ConditionUpstreamHealthy, metav1.ConditionTrue, v1alpha1.ReasonHealthy),
			cond(v1alpha1.ConditionPaymentGateReady, metav1.ConditionTrue, v1alpha1.ReasonReconciled),
			cond(v1alpha1.ConditionRoutePublished, metav1.ConditionTrue, v1alpha1.ReasonReconciled),
			cond(v1alpha1.ConditionRegistered, metav1.ConditionTrue, v1alpha1.ReasonDisabled),
			cond(v1alpha1.ConditionDraining, metav1.ConditionFalse, v1alpha1.ReasonActive),
			cond(v1alpha1.ConditionReady, metav1.ConditionTrue, v1alpha1.ReasonReconciled),
		}},
	}
	o.Status.Endpoint = o.EffectivePath()
	for _, f := range opts {
		f(&o)
	}
	return o
}

func setCond(o *v1alpha1.ServiceOffer, t string, st metav1.ConditionStatus, reason string) {
	for i := range o.Status.Conditions {
		if o.Status.Conditions[i].Type == t {
			o.Status.Conditions[i].Status, o.Status.Conditions[i].Reason = st, reason
		}
	}
}

func httpOffer(o *v1alpha1.ServiceOffer) {
	o.Spec.Type, o.Spec.Model = v1alpha1.OfferTypeHTTP, nil
	o.Spec.Upstream.URL = "http://127.0.0.1:9000"
	setCond(o, v1alpha1.ConditionModelReady, metav1.ConditionTrue, v1alpha1.ReasonSkipped)
}

func listed(category string, weight int32) offerOpt {
	return func(o *v1alpha1.ServiceOffer) {
		o.Spec.Listing = &v1alpha1.ListingSpec{Category: category, Weight: weight}
	}
}

func draining(startedAgo time.Duration, grace *time.Duration) offerOpt {
	return func(o *v1alpha1.ServiceOffer) {
		o.Spec.DrainAt = &metav1.Time{Time: testNow.Add(-startedAgo)}
		if grace != nil {
			o.Spec.DrainGracePeriod = &metav1.Duration{Duration: *grace}
		}
		setCond(o, v1alpha1.ConditionDraining, metav1.ConditionTrue, v1alpha1.ReasonDraining)
	}
}

func drained(o *v1alpha1.ServiceOffer) {
	o.Spec.DrainAt = &metav1.Time{Time: testNow.Add(-2 * time.Hour)}
	setCond(o, v1alpha1.ConditionPaymentGateReady, metav1.ConditionFalse, v1alpha1.ReasonDrained)
	setCond(o, v1alpha1.ConditionRoutePublished, metav1.ConditionFalse, v1alpha1.ReasonDrained)
	setCond(o, v1alpha1.ConditionDraining, metav1.ConditionFalse, v1alpha1.ReasonDrained)
	setCond(o, v1alpha1.ConditionReady, metav1.ConditionFalse, v1alpha1.ReasonReconciling)
}

func registered(agentID string, skills ...string) offerOpt {
	return func(o *v1alpha1.ServiceOffer) {
		o.Spec.Registration = &v1alpha1.RegistrationSpec{Enabled: true, Name: "alice-agent", Description: "Alice's qwen, paid per call", Skills: skills}
		o.Status.AgentID = agentID
		setCond(o, v1alpha1.ConditionRegistered, metav1.ConditionTrue, v1alpha1.ReasonRegisteredOK)
	}
}

func registrationPending(o *v1alpha1.ServiceOffer) {
	o.Spec.Registration = &v1alpha1.RegistrationSpec{Enabled: true, Name: "alice-agent"}
	setCond(o, v1alpha1.ConditionRegistered, metav1.ConditionFalse, v1alpha1.ReasonPending)
	setCond(o, v1alpha1.ConditionReady, metav1.ConditionFalse, v1alpha1.ReasonReconciling)
}

func multiPayment(o *v1alpha1.ServiceOffer) {
	o.Spec.Payment.Network = "devnet"
	d := int32(18)
	o.Spec.Payments = []v1alpha1.PaymentOption{{
		Network: "eip155:1337", PayTo: seller, MaxTimeoutSeconds: 120,
		Asset: &v1alpha1.AssetSpec{Symbol: "OBOL", Decimals: &d},
		Price: v1alpha1.PriceSpec{PerRequest: "0.5"},
	}}
}

func perMTok(price string) offerOpt {
	return func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Price = v1alpha1.PriceSpec{PerMTok: price} }
}
