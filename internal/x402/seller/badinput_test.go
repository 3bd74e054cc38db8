package seller_test

import (
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

func TestBadPayments(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	other := x402test.Requirements(t, "base-sepolia", "USDC", 1000, e.payTo)
	otherAsset := e.usdc
	otherAsset.Asset = x402test.Address(t, "another token").Hex()
	wrongPayTo := e.usdc
	wrongPayTo.PayTo = x402test.Address(t, "someone else").Hex()
	tampered := x402test.Mutate(t, x402test.SignERC3009(t, e.payer, e.usdc, x402.SignOptions{}), func(ep *x402.ExactEVMPayload) {
		ep.Authorization.Value = "1"
	})
	tampered.Accepted.Amount = "1000"
	lying := x402test.SignERC3009(t, e.payer, e.cheap, x402.SignOptions{})
	lying.Accepted = e.usdc // claims the 1000 option but authorizes 1
	for _, tc := range []struct {
		name   string
		header map[string]string
		status int
		reason string
	}{
		{"not base64", map[string]string{"PAYMENT-SIGNATURE": "%%%"}, 400, "invalid_payload"},
		{"base64 of junk", map[string]string{"PAYMENT-SIGNATURE": "bm90IGpzb24="}, 400, "invalid_payload"},
		{"unknown version", map[string]string{"X-PAYMENT": "eyJ4NDAyVmVyc2lvbiI6M30="}, 400, "invalid_x402_version"},
		{"oversized", map[string]string{"PAYMENT-SIGNATURE": strings.Repeat("A", x402.MaxHeaderBytes+4)}, 400, "invalid_payload"},
		{"two different headers", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.usdc), "X-PAYMENT": e.pay(e.usdc)}, 400, seller.ReasonAmbiguousHeaders},
		{"other route's price", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.cheap)}, 402, seller.ReasonNoMatchingRequirement},
		{"other asset", map[string]string{"PAYMENT-SIGNATURE": e.pay(otherAsset)}, 402, seller.ReasonNoMatchingRequirement},
		{"other network", map[string]string{"PAYMENT-SIGNATURE": e.pay(other)}, 402, seller.ReasonNoMatchingRequirement},
		{"other payTo", map[string]string{"PAYMENT-SIGNATURE": e.pay(wrongPayTo)}, 402, seller.ReasonNoMatchingRequirement},
		{"amount lie in accepted", map[string]string{"PAYMENT-SIGNATURE": e.header(lying)}, 402, string(x402.ReasonExactValueMismatch)},
		{"tampered value", map[string]string{"PAYMENT-SIGNATURE": e.header(tampered)}, 402, string(x402.ReasonExactSignature)},
		{"expired", map[string]string{"PAYMENT-SIGNATURE": e.header(x402test.SignERC3009(t, e.payer, e.usdc,
			x402.SignOptions{ValidBefore: big.NewInt(now.Add(-time.Minute).Unix())}))}, 402, string(x402.ReasonExactValidBefore)},
		{"not yet valid", map[string]string{"PAYMENT-SIGNATURE": e.header(x402test.SignERC3009(t, e.payer, e.usdc,
			x402.SignOptions{ValidAfter: big.NewInt(now.Add(time.Hour).Unix())}))}, 402, string(x402.ReasonExactValidAfter)},
		{"permit2 expired", map[string]string{"PAYMENT-SIGNATURE": e.header(x402test.SignPermit2(t, e.payer, e.obol,
			x402.SignOptions{ValidBefore: big.NewInt(now.Unix())}))}, 402, string(x402.ReasonPermit2DeadlineExpired)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := e.fac.verifies.Load()
			r := e.do("POST", "/services/chat/x", tc.header, `{}`)
			if r.status != tc.status || !strings.Contains(string(r.body), tc.reason) {
				t.Fatalf("got %d %s, want %d with %q", r.status, r.body, tc.status, tc.reason)
			}
			if e.up.calls.Load() != 0 || e.fac.verifies.Load() != before {
				t.Errorf("a bad payment reached the upstream or the facilitator")
			}
		})
	}
	if got := e.metric("payment_failed_total"); got != 14 {
		t.Errorf("payment_failed_total = %v, want 14", got)
	}
	if e.fac.settled() != 0 {
		t.Errorf("something was settled")
	}
}

func TestFacilitatorRejection(t *testing.T) {
	e := newEnv(t)
	h := e.pay(e.usdc)
	// Settled elsewhere (another seller instance): the facilitator knows.
	e.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": h}, "")
	e2 := *e
	fac, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: e.fac.URL()})
	e2.s, _ = seller.New(seller.Options{Facilitator: fac})
	_ = e2.s.SetRoutes(e.routes())
	e2.srv = httptest.NewServer(e2.s)
	defer e2.srv.Close()
	r := e2.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": h}, "")
	if r.status != 402 || !strings.Contains(string(r.body), string(x402.ReasonExactNonceAlreadyUsed)) {
		t.Errorf("second seller accepted a used payment: %d %s", r.status, r.body)
	}
	if e.up.calls.Load() != 1 {
		t.Errorf("upstream calls %d, want 1", e.up.calls.Load())
	}
}

func TestBodyLimit(t *testing.T) {
	e := newEnv(t)
	fac, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: e.fac.URL()})
	s, _ := seller.New(seller.Options{Facilitator: fac, MaxRequestBody: 8})
	_ = s.SetRoutes(e.routes())
	h := e.pay(e.usdc)
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("POST", "/services/chat/x", strings.NewReader("123456789"))
	req.Header.Set("PAYMENT-SIGNATURE", h)
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusRequestEntityTooLarge || e.fac.verifies.Load() != 0 {
		t.Fatalf("oversized body: %d, verifies %d", rec.Code, e.fac.verifies.Load())
	}
	// The authorization was not spent.
	rec = httptest.NewRecorder()
	req = httptest.NewRequest("POST", "/services/chat/x", strings.NewReader("12345678"))
	req.Header.Set("PAYMENT-SIGNATURE", h)
	s.ServeHTTP(rec, req)
	if rec.Code != 200 {
		t.Errorf("retry within the limit: %d %s", rec.Code, rec.Body)
	}
}
