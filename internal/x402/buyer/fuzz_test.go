package buyer

import (
	"context"
	"net/http"
	"testing"

	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/x402"
)

// FuzzSellerAnswer feeds the proxy arbitrary seller answers to a paid
// request (status, content type, settlement header, body). Whatever comes
// back, the proxy must not crash, nothing may stay in flight, and the auth
// counts as spent exactly when a settlement response names a transaction
// (the double's chain saw no transfer, so every other answer releases it).
func FuzzSellerAnswer(f *testing.F) {
	okSettle, _ := x402.EncodeHeader(x402.SettleResponse{Success: true, Transaction: "0xabc", Network: "eip155:1337"})
	f.Add(200, "application/json", "", []byte(`{"choices":[]}`))
	f.Add(500, "application/json", okSettle, []byte(`{"error":"x"}`))
	f.Add(402, "application/json", "", []byte(`{"x402Version":2,"error":"nope","accepts":[]}`))
	f.Add(200, "text/event-stream", okSettle, []byte("data: {}\n\ndata: [DONE]\n\n"))
	f.Add(503, "", "!!!", []byte{0xff, 0x00})
	f.Add(524, "text/html", "", []byte("<html>"))
	h := newHarness(f, 1, nil)
	f.Cleanup(h.stop)
	f.Fuzz(func(t *testing.T, status int, ctype, settle string, body []byte) {
		h.t, h.seller.t = t, t
		if status < 200 || status > 599 {
			status = 200 + (status%400+400)%400
		}
		h.seller.fault = func(w http.ResponseWriter, _ *http.Request, _ int) bool {
			if ctype != "" {
				w.Header().Set("Content-Type", ctype)
			}
			if settle != "" {
				w.Header().Set(x402.HeaderPaymentResponse, settle)
			}
			w.WriteHeader(status)
			_, _ = w.Write(body)
			return true
		}
		if err := h.buyer.RemovePool(context.Background(), poolKey); err != nil {
			t.Fatal(err)
		}
		if err := h.buyer.LoadPool(context.Background(), purchase.Pool{Key: poolKey, Model: "qwen", Endpoint: h.seller.endpoint(), Auths: h.auths}); err != nil {
			t.Fatal(err)
		}
		h.chat("paid/qwen", false)
		st := h.status()
		if st.InFlight != 0 || st.Remaining+st.Spent != 1 {
			t.Fatalf("status %+v after a %d answer", st, status)
		}
		hd := http.Header{}
		hd.Set(x402.HeaderPaymentResponse, settle)
		s := settlement(hd)
		settled := s != nil && s.Transaction != ""
		if (st.Spent == 1) != settled {
			t.Fatalf("spent %d after a %d answer, settlement %+v: an auth is spent exactly when a settlement names a transaction (the chain saw none here)", st.Spent, status, s)
		}
	})
}
