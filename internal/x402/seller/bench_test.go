package seller_test

import (
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"testing"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// instantFacilitator answers every verify and settle at once with fixed
// JSON, so a benchmark sees the seller's own cost plus two loopback HTTP
// round trips, and no facilitator or chain work.
func instantFacilitator(b *testing.B) string {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /verify", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"isValid":true,"payer":"0x0000000000000000000000000000000000000001"}`))
	})
	mux.HandleFunc("POST /settle", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"success":true,"transaction":"0x1111111111111111111111111111111111111111111111111111111111111111","network":"eip155:1337"}`))
	})
	srv := httptest.NewServer(mux)
	b.Cleanup(srv.Close)
	return srv.URL
}

func benchUpstream(b *testing.B) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"ok":true}`))
	}))
	b.Cleanup(srv.Close)
	return srv.URL
}

// BenchmarkPaidRequest is one paid request through the seller: decode,
// local checks (signature recovery), replay guard, facilitator verify and
// settle over loopback HTTP, upstream over loopback HTTP, response.
// Signing (the buyer's cost) happens before the timer starts.
func BenchmarkPaidRequest(b *testing.B) {
	payTo := x402test.Address(b, "seller")
	req := x402test.Requirements(b, "devnet", "USDC", 1000, payTo)
	fac, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: instantFacilitator(b)})
	if err != nil {
		b.Fatal(err)
	}
	s, err := seller.New(seller.Options{Facilitator: fac})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.SetRoutes([]seller.Route{{Namespace: "default", Name: "bench", Prefix: "/services/bench", Upstream: benchUpstream(b),
		Accepts: []seller.Accept{{Requirements: req, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6}}}}); err != nil {
		b.Fatal(err)
	}
	payer := x402test.Signer(b, "buyer")
	headers := make([]string, b.N)
	for i := range headers {
		h, err := x402.EncodePaymentHeader(x402test.SignERC3009(b, payer, req, x402.SignOptions{}))
		if err != nil {
			b.Fatal(err)
		}
		headers[i] = h
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		r := httptest.NewRequest("POST", "/services/bench/v1/chat/completions", strings.NewReader(`{"model":"m"}`))
		r.Header.Set("PAYMENT-SIGNATURE", headers[i])
		s.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			b.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
	}
}

// BenchmarkPaidRequestParallel is BenchmarkPaidRequest from GOMAXPROCS
// goroutines at once (b.SetParallelism(16) each): the seller's throughput
// ceiling on this machine when the facilitator and upstream cost nothing.
func BenchmarkPaidRequestParallel(b *testing.B) {
	payTo := x402test.Address(b, "seller")
	req := x402test.Requirements(b, "devnet", "USDC", 1000, payTo)
	fac, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: instantFacilitator(b)})
	if err != nil {
		b.Fatal(err)
	}
	s, err := seller.New(seller.Options{Facilitator: fac})
	if err != nil {
		b.Fatal(err)
	}
	if err := s.SetRoutes([]seller.Route{{Namespace: "default", Name: "bench", Prefix: "/services/bench", Upstream: benchUpstream(b),
		Accepts: []seller.Accept{{Requirements: req, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6}}}}); err != nil {
		b.Fatal(err)
	}
	payer := x402test.Signer(b, "buyer")
	headers := make(chan string, b.N)
	for range b.N {
		h, err := x402.EncodePaymentHeader(x402test.SignERC3009(b, payer, req, x402.SignOptions{}))
		if err != nil {
			b.Fatal(err)
		}
		headers <- h
	}
	close(headers)
	b.ReportAllocs()
	b.SetParallelism(16)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			rec := httptest.NewRecorder()
			r := httptest.NewRequest("POST", "/services/bench/v1/chat/completions", strings.NewReader(`{"model":"m"}`))
			r.Header.Set("PAYMENT-SIGNATURE", <-headers)
			s.ServeHTTP(rec, r)
			if rec.Code != http.StatusOK {
				b.Errorf("status %d: %s", rec.Code, rec.Body)
				return
			}
		}
	})
}

// BenchmarkChallenge is the unpaid path: route match and the 402 answer.
func BenchmarkChallenge(b *testing.B) {
	payTo := x402test.Address(b, "seller")
	req := x402test.Requirements(b, "devnet", "USDC", 1000, payTo)
	fac, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: "http://127.0.0.1:1"})
	s, _ := seller.New(seller.Options{Facilitator: fac})
	if err := s.SetRoutes([]seller.Route{{Namespace: "default", Name: "bench", Prefix: "/services/bench", Upstream: "http://127.0.0.1:1",
		Accepts: []seller.Accept{{Requirements: req, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6}}}}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/services/bench/x", nil))
		if rec.Code != http.StatusPaymentRequired {
			b.Fatal(rec.Code)
		}
	}
}

// BenchmarkPlainProxy is the peer: the standard library's reverse proxy to
// the same upstream with no payment at all. The difference to
// BenchmarkPaidRequest is what payment handling costs.
func BenchmarkPlainProxy(b *testing.B) {
	u, _ := url.Parse(benchUpstream(b))
	p := httputil.NewSingleHostReverseProxy(u)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/chat/completions", strings.NewReader(`{"model":"m"}`)))
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code)
		}
	}
}
