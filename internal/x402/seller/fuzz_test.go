package seller_test

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// FuzzPaymentHeader drives the whole header path (decode, route match,
// local checks, replay guard) with arbitrary header values. Whatever comes
// in, the seller must answer with a client error or a challenge, and the
// upstream and settlement must only ever see a payment it accepted.
func FuzzPaymentHeader(f *testing.F) {
	e := newEnv(f)
	valid := e.pay(e.usdc)
	raw, _ := base64.StdEncoding.DecodeString(valid)
	f.Add(valid)
	f.Add(e.pay(e.obol))
	f.Add(string(raw))
	f.Add(base64.StdEncoding.EncodeToString([]byte(`{"x402Version":1,"scheme":"exact","network":"devnet","payload":{}}`)))
	f.Add(base64.StdEncoding.EncodeToString([]byte(`{"x402Version":2,"accepted":{"scheme":"exact","network":"eip155:1337"},"payload":{"signature":"0x","authorization":{}}}`)))
	f.Add("")
	f.Add("====")
	f.Fuzz(func(t *testing.T, h string) {
		calls, settles := e.up.calls.Load(), e.fac.settles.Load()
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/services/chat/v1/x", nil)
		req.Header.Set("PAYMENT-SIGNATURE", h)
		e.s.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			if e.up.calls.Load() != calls+1 || e.fac.settles.Load() != settles+1 {
				t.Fatalf("200 without exactly one upstream call and one settlement for %q", h)
			}
		case http.StatusBadRequest, http.StatusPaymentRequired:
			if e.up.calls.Load() != calls || e.fac.settles.Load() != settles {
				t.Fatalf("status %d but the upstream or settlement ran for %q", rec.Code, h)
			}
		default:
			t.Fatalf("status %d for header %q: %s", rec.Code, h, rec.Body)
		}
	})
}

// FuzzFacilitatorAnswer feeds arbitrary facilitator answers (status and
// body) to the HTTP client: it must return an answer or an error, never
// panic, and never report a payment valid or settled that the body did not.
func FuzzFacilitatorAnswer(f *testing.F) {
	var status atomic.Int64
	var body atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(int(status.Load()))
		_, _ = w.Write(body.Load().([]byte))
	}))
	defer srv.Close()
	fac, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: srv.URL})
	if err != nil {
		f.Fatal(err)
	}
	req := x402test.Requirements(f, "devnet", "USDC", 1000, x402test.Address(f, "seller"))
	p := x402test.SignERC3009(f, x402test.Signer(f, "buyer"), req, x402.SignOptions{})
	freq := &seller.FacilitatorRequest{Payload: p, Requirements: req}
	f.Add(200, []byte(`{"isValid":true,"payer":"0x1"}`))
	f.Add(400, []byte(`{"isValid":false,"invalidReason":"insufficient_funds"}`))
	f.Add(200, []byte(`{"success":true,"transaction":"0xabc","network":"eip155:1337"}`))
	f.Add(500, []byte(`{"success":false,"transaction":"0xabc","errorReason":"settlement_pending"}`))
	f.Add(502, []byte(`<html>bad gateway</html>`))
	f.Add(200, []byte(`{"isValid":tru`))
	f.Fuzz(func(t *testing.T, code int, b []byte) {
		if code < 200 || code > 599 {
			code = 200 + (code%400+400)%400
		}
		status.Store(int64(code))
		body.Store(b)
		vr, err := fac.Verify(context.Background(), freq)
		if err == nil && vr.IsValid && code != http.StatusOK {
			t.Fatalf("HTTP %d reported valid", code)
		}
		sr, err := fac.Settle(context.Background(), freq)
		if err == nil && sr.Success && code != http.StatusOK {
			t.Fatalf("HTTP %d reported settled", code)
		}
	})
}
