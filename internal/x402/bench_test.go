package x402_test

import (
	"slices"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// benchVerify measures the local verify of the official vectors the way the
// seller and the facilitator run it: decode the PAYMENT-SIGNATURE header,
// then Verify (every chain-free check plus signature recovery). Each
// iteration is timed so p50/p99 can be reported next to the mean.
func benchVerify(b *testing.B, entries []x402test.Vector, req x402.PaymentRequirements) {
	v := x402.NewVerifier(x402.VerifierOptions{})
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		p, err := x402.DecodePaymentHeader(entries[i%len(entries)].PaymentSignatureHeader)
		if err != nil {
			b.Fatal(err)
		}
		if _, verr := v.Verify(p, &req); verr != nil {
			b.Fatal(verr)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds()), "p99-µs")
}

func BenchmarkVerifyLocalEIP3009(b *testing.B) {
	vec := x402test.LoadVectors(b)
	benchVerify(b, vec.EIP3009, vec.Requirements.EIP3009)
}

func BenchmarkVerifyLocalPermit2(b *testing.B) {
	vec := x402test.LoadVectors(b)
	benchVerify(b, vec.Permit2, vec.Requirements.Permit2)
}

// BenchmarkDigestEIP3009 is the EIP-712 hashing alone (what viem's
// hashTypedData costs in the official package: ~90 µs).
func BenchmarkDigestEIP3009(b *testing.B) {
	vec := x402test.LoadVectors(b)
	v := x402.NewVerifier(x402.VerifierOptions{})
	req := vec.Requirements.EIP3009
	p, _ := x402.DecodePaymentHeader(vec.EIP3009[0].PaymentSignatureHeader)
	pay, err := v.Verify(p, &req)
	if err != nil {
		b.Fatal(err)
	}
	var cache x402.DomainCache
	d := x402.Domain{Name: "USDC", Version: "2", ChainID: 84532, VerifyingContract: pay.Asset}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = pay.ERC3009.Digest(cache.Separator(d))
	}
}

func BenchmarkSignERC3009(b *testing.B) {
	s := x402test.Signer(b, "payer")
	req := x402test.Requirements(b, "devnet", "USDC", 1000, x402test.Address(b, "seller"))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		x402test.SignERC3009(b, s, req, x402.SignOptions{})
	}
}
