package buyer

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/x402"
)

// benchPool loads n auths for the bench seller's terms.
func benchPool(b *testing.B, n int, s *seller, endpoint string) (*Buyer, *pool) {
	b.Helper()
	d, err := db.Open(filepath.Join(b.TempDir(), "obol.db"), db.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	by, err := New(Options{DB: d, Logger: slog.New(slog.DiscardHandler),
		Chain: func(string) (purchase.ChainReader, error) { return chainReader{s}, nil }})
	if err != nil {
		b.Fatal(err)
	}
	if err := by.LoadPool(context.Background(), purchase.Pool{Key: poolKey, Model: "qwen", Endpoint: endpoint, Auths: signAuths(b, s.req, n)}); err != nil {
		b.Fatal(err)
	}
	return by, by.pools[poolKey]
}

func benchSeller(b *testing.B) *seller {
	s := &seller{settled: map[string]bool{}}
	s.req = x402.PaymentRequirements{Scheme: "exact", Network: "eip155:1337", Asset: "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
		Amount: "1000", PayTo: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", MaxTimeoutSeconds: 300,
		Extra: map[string]any{"name": "USDC", "version": "2", "assetTransferMethod": "eip3009"}}
	return s
}

func percentiles(b *testing.B, d []time.Duration) {
	slices.Sort(d)
	if len(d) == 0 {
		return
	}
	b.ReportMetric(float64(d[len(d)/2].Nanoseconds()), "p50-ns")
	b.ReportMetric(float64(d[len(d)*99/100].Nanoseconds()), "p99-ns")
}

// BenchmarkAuthChoiceAndHeader is the buyer's CPU work per paid call:
// pick the auth that pays the 402 and build the payment header.
func BenchmarkAuthChoiceAndHeader(b *testing.B) {
	s := benchSeller(b)
	_, p := benchPool(b, 64, s, "http://seller.invalid/services/qwen")
	accepts := []x402.PaymentRequirements{s.req}
	res := &x402.ResourceInfo{URL: "http://seller/services/qwen"}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		t0 := time.Now()
		e, req, err := p.take(accepts, t0)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := e.auth.Header(req, res); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
		p.release(e)
	}
	percentiles(b, lat)
}

// BenchmarkPaidCall compares a paid call sent straight to a seller (the
// client already holding the payment header) with the same call through
// the buyer proxy (402 round trip, auth choice, two durable writes).
func BenchmarkPaidCall(b *testing.B) {
	s := benchSeller(b)
	// The seller answers 402 without a header and 200 (with a settlement
	// response) with one, without verifying: the benchmark measures the
	// buyer, not ecrecover.
	settled, _ := x402.EncodeHeader(x402.SettleResponse{Success: true, Transaction: "0x01", Network: "eip155:1337"})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		if r.Header.Get(x402.HeaderPaymentSignature) == "" {
			s.challenge(w, "pay")
			return
		}
		w.Header().Set(x402.HeaderPaymentResponse, settled)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"choices":[{"message":{"content":"ok"}}]}`))
	}))
	defer srv.Close()
	s.srv = srv
	body := `{"model":"paid/qwen","messages":[{"role":"user","content":"hi"}]}`
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 8}}
	call := func(b *testing.B, url string, header string) {
		req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if header != "" {
			req.Header.Set(x402.HeaderPaymentSignature, header)
		}
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.Run("direct", func(b *testing.B) {
		_, p := benchPool(b, 1, s, srv.URL+"/services/qwen")
		hdr, err := p.entries[0].auth.Header(&s.req, nil)
		if err != nil {
			b.Fatal(err)
		}
		lat := make([]time.Duration, 0, b.N)
		b.ReportAllocs()
		for b.Loop() {
			t0 := time.Now()
			call(b, srv.URL+"/services/qwen/v1/chat/completions", hdr)
			lat = append(lat, time.Since(t0))
		}
		percentiles(b, lat)
	})
	b.Run("via-buyer", func(b *testing.B) {
		by, _ := benchPool(b, 3000, s, srv.URL+"/services/qwen")
		proxy := httptest.NewServer(by.Handler())
		defer proxy.Close()
		lat := make([]time.Duration, 0, b.N)
		b.ReportAllocs()
		for b.Loop() {
			t0 := time.Now()
			call(b, proxy.URL+"/v1/chat/completions", "")
			lat = append(lat, time.Since(t0))
		}
		percentiles(b, lat)
	})
	// 8 callers at once: the durable writes share fsyncs.
	b.Run("via-buyer-8-parallel", func(b *testing.B) {
		by, _ := benchPool(b, 3000, s, srv.URL+"/services/qwen")
		proxy := httptest.NewServer(by.Handler())
		defer proxy.Close()
		b.ReportAllocs()
		b.SetParallelism(4) // 4 × GOMAXPROCS(2) = 8 goroutines
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				call(b, proxy.URL+"/v1/chat/completions", "")
			}
		})
	})
}

// BenchmarkLoadPool2500 is loading the largest pool a purchase can have:
// every auth decoded and its signature recovered, plus the state read.
func BenchmarkLoadPool2500(b *testing.B) {
	s := benchSeller(b)
	auths := signAuths(b, s.req, 2500)
	d, err := db.Open(filepath.Join(b.TempDir(), "obol.db"), db.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	by, err := New(Options{DB: d, Logger: slog.New(slog.DiscardHandler),
		Chain: func(string) (purchase.ChainReader, error) { return chainReader{s}, nil }})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		// A fresh key each time: a first load, not a merge.
		if err := by.LoadPool(context.Background(), purchase.Pool{Key: fmt.Sprintf("default/p%d", i), Model: "qwen",
			Endpoint: "http://seller.invalid/services/qwen", Auths: auths}); err != nil {
			b.Fatal(err)
		}
	}
}
