package facilitator_test

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

func reportLatency(b *testing.B, lat []time.Duration) {
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds()), "p99-µs")
}

// BenchmarkVerifyLocalPart is the chain-free part of Facilitator.Verify
// (decode, checks, signature recovery) on dev-chain payloads, for the split
// against BenchmarkVerifyWithSimulation.
func BenchmarkVerifyLocalPart(b *testing.B) {
	v := x402.NewVerifier(x402.VerifierOptions{})
	payer := x402test.Signer(b, "payer")
	req := x402test.Requirements(b, "devnet", "USDC", 1000, x402test.Address(b, "seller"))
	hdrs := make([]string, 256)
	for i := range hdrs {
		h, err := x402.EncodePaymentHeader(x402test.SignERC3009(b, payer, req, x402.SignOptions{}))
		if err != nil {
			b.Fatal(err)
		}
		hdrs[i] = h
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		p, err := x402.DecodePaymentHeader(hdrs[i%len(hdrs)])
		if err != nil {
			b.Fatal(err)
		}
		if _, verr := v.Verify(p, &req); verr != nil {
			b.Fatal(verr)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	reportLatency(b, lat)
}

// BenchmarkVerifyWithSimulation is Facilitator.Verify end to end on the
// in-process dev chain: local checks plus the eth_estimateGas simulation.
func BenchmarkVerifyWithSimulation(b *testing.B) {
	for _, method := range []string{x402.TransferEIP3009, x402.TransferPermit2} {
		b.Run(method, func(b *testing.B) {
			e := newEnv(b, nil)
			payer := e.payer("payer", 1_000_000, 1_000_000)
			req := x402test.Requirements(b, "devnet", "USDC", 1000, x402test.Address(b, "seller"))
			sign := x402test.SignERC3009
			if method == x402.TransferPermit2 {
				e.approvePermit2(x402test.Key(b, "payer "+b.Name()), devOBOL)
				req = x402test.Requirements(b, "devnet", "OBOL", 1000, x402test.Address(b, "seller"))
				sign = x402test.SignPermit2
			}
			ps := make([]*x402.PaymentPayload, 256)
			for i := range ps {
				ps[i] = sign(b, payer, req, x402.SignOptions{})
			}
			ctx := context.Background()
			lat := make([]time.Duration, 0, b.N)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				if r := e.fac.Verify(ctx, ps[i%len(ps)], &req); !r.IsValid {
					b.Fatalf("%+v", r)
				}
				lat = append(lat, time.Since(t0))
			}
			b.StopTimer()
			reportLatency(b, lat)
		})
	}
}

// BenchmarkSettle32 settles b.N distinct ERC-3009 payments on the dev chain
// with 32 concurrent settles and reports settled payments per second.
func BenchmarkSettle32(b *testing.B) {
	e := newEnv(b, nil)
	payer := e.payer("payer", 1_000_000_000, 0)
	req := x402test.Requirements(b, "devnet", "USDC", 10, x402test.Address(b, "seller"))
	ps := make([]*x402.PaymentPayload, b.N)
	for i := range ps {
		ps[i] = x402test.SignERC3009(b, payer, req, x402.SignOptions{})
	}
	ctx := context.Background()
	var next, ok atomic.Int64
	lat := make([]time.Duration, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(ps) {
					return
				}
				t0 := time.Now()
				r, err := e.fac.Settle(ctx, ps[i], &req)
				lat[i] = time.Since(t0)
				if err == nil && r.Success {
					ok.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if int(ok.Load()) != b.N {
		b.Fatalf("%d of %d settled", ok.Load(), b.N)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "settled/s")
	reportLatency(b, lat)
	recs, err := e.fac.Records()
	if err != nil {
		b.Fatal(err)
	}
	blocks := map[uint64]bool{}
	for _, r := range recs {
		blocks[r.Block] = true
	}
	b.ReportMetric(float64(len(recs))/float64(len(blocks)), "tx/block")
}

// BenchmarkSettle1 settles distinct ERC-3009 payments one at a time: the
// latency one buyer sees.
func BenchmarkSettle1(b *testing.B) {
	e := newEnv(b, nil)
	payer := e.payer("payer", 1_000_000_000, 0)
	req := x402test.Requirements(b, "devnet", "USDC", 10, x402test.Address(b, "seller"))
	ps := make([]*x402.PaymentPayload, b.N)
	for i := range ps {
		ps[i] = x402test.SignERC3009(b, payer, req, x402.SignOptions{})
	}
	ctx := context.Background()
	lat := make([]time.Duration, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range ps {
		t0 := time.Now()
		r, err := e.fac.Settle(ctx, ps[i], &req)
		if err != nil || !r.Success {
			b.Fatalf("%+v %v", r, err)
		}
		lat[i] = time.Since(t0)
	}
	b.StopTimer()
	reportLatency(b, lat)
}
