package buyere2e_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/x402"
)

// BenchmarkPaidCallsOnChain measures paid calls per second against obol's
// seller and facilitator on the dev chain (every call settles a USDC
// ERC-3009 transfer and mines a block). "direct" is the peer: a client that
// already holds each payment header sends it straight to the seller;
// "via-buyer" goes through the buyer proxy (402 round trip, auth choice,
// durable accounting); "via-gateway" adds the LLM gateway in front
// (model paid/qwen, the route the purchase reconciler hot-added).
func BenchmarkPaidCallsOnChain(b *testing.B) {
	const pool = 400
	body := `{"model":"qwen","messages":[{"role":"user","content":"hi"}]}`
	run := func(b *testing.B, send func(i int) (int, error)) {
		b.ReportAllocs()
		start := time.Now()
		i := 0
		for b.Loop() {
			if i >= pool {
				b.Fatalf("more than %d iterations: raise the pool", pool)
			}
			code, err := send(i)
			if err != nil || code != 200 {
				b.Fatalf("call %d: %d %v", i, code, err)
			}
			i++
		}
		b.ReportMetric(float64(i)/time.Since(start).Seconds(), "calls/s")
	}
	b.Run("direct", func(b *testing.B) {
		w := newWorld(b)
		w.startSeller()
		endpoint := w.seller.URL + "/services/qwen"
		_, _, res := w.presign(endpoint, "USDC", "direct", pool)
		headers := make([]string, len(res.Auths))
		for i, a := range res.Auths {
			pa, err := purchase.ParseAuth(a)
			if err != nil {
				b.Fatal(err)
			}
			if headers[i], err = pa.Header(&res.Requirements, nil); err != nil {
				b.Fatal(err)
			}
		}
		run(b, func(i int) (int, error) {
			req, _ := http.NewRequest(http.MethodPost, endpoint+"/v1/chat/completions", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set(x402.HeaderPaymentSignature, headers[i])
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				return 0, err
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			return resp.StatusCode, nil
		})
	})
	b.Run("via-buyer", func(b *testing.B) {
		w := newWorld(b)
		w.startSeller()
		endpoint := w.seller.URL + "/services/qwen"
		_, _, res := w.presign(endpoint, "USDC", "viabuyer", pool)
		bb := w.newBuyer(endpoint, res, nil)
		run(b, func(int) (int, error) {
			code, _, err := bb.chat()
			return code, err
		})
	})
	b.Run("via-gateway", func(b *testing.B) {
		w := newWorld(b)
		w.startSeller()
		endpoint := w.seller.URL + "/services/qwen"
		_, _, res := w.presign(endpoint, "USDC", "viagateway", pool)
		s := w.newBobStack()
		s.buy("bench", endpoint, res)
		run(b, func(int) (int, error) {
			code, _, err := s.chat()
			return code, err
		})
	})
}
