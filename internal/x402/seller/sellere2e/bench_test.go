package sellere2e_test

import (
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// BenchmarkPaidE2E measures whole paid requests: client → seller → local
// checks → facilitator /verify (chain simulation) → upstream → facilitator
// /settle (transaction mined on the dev chain, receipt awaited) → 200 with
// PAYMENT-RESPONSE, at 1, 8 and 32 concurrent buyers (closed loop, each
// buyer its own account). b.N is the number of paid requests per level;
// signing happens before the timer. After each level every payment is
// checked on chain: the payTo balance rose by exactly ok × price.
//
//	go test -run '^$' -bench PaidE2E -benchtime 600x ./internal/x402/seller/sellere2e
func BenchmarkPaidE2E(b *testing.B) {
	s := newStack(b)
	buyers := make([]*wallet.KeySigner, 32)
	for i := range buyers {
		buyers[i] = wallet.NewKeySigner(x402test.Key(b, fmt.Sprintf("bench buyer %d", i)))
		s.fund(buyers[i].Address(), "USDC", big.NewInt(1_000_000_000))
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128}}
	url := s.srv.URL + "/services/e2e/v1/chat/completions"
	for _, conc := range []int{1, 8, 32} {
		b.Run(fmt.Sprintf("C=%d", conc), func(b *testing.B) {
			headers := make([][]string, conc)
			for i := 0; i < b.N; i++ {
				w := i % conc
				h, err := x402.EncodePaymentHeader(x402test.SignERC3009(b, buyers[w], s.usdc, x402.SignOptions{}))
				if err != nil {
					b.Fatal(err)
				}
				headers[w] = append(headers[w], h)
			}
			before := s.balance("USDC", s.payTo)
			lat := make([][]time.Duration, conc)
			var errs atomic.Int64
			var firstErr atomic.Value
			b.ReportAllocs()
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for w := range conc {
				wg.Go(func() {
					for _, h := range headers[w] {
						t0 := time.Now()
						req, _ := http.NewRequest("POST", url, strings.NewReader(`{"model":"m"}`))
						req.Header.Set("PAYMENT-SIGNATURE", h)
						resp, err := client.Do(req)
						if err == nil {
							_ = resp.Body.Close()
							if resp.StatusCode != 200 || resp.Header.Get("PAYMENT-RESPONSE") == "" {
								err = fmt.Errorf("status %d", resp.StatusCode)
							}
						}
						if err != nil {
							errs.Add(1)
							firstErr.CompareAndSwap(nil, err.Error())
							continue
						}
						lat[w] = append(lat[w], time.Since(t0))
					}
				})
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			all := slices.Concat(lat...)
			slices.Sort(all)
			ok := int64(len(all))
			if ok > 0 {
				b.ReportMetric(float64(ok)/elapsed.Seconds(), "paid-req/s")
				b.ReportMetric(ms(all[len(all)/2]), "p50-ms")
				b.ReportMetric(ms(all[min(len(all)-1, len(all)*99/100)]), "p99-ms")
			}
			b.ReportMetric(float64(errs.Load()), "errors")
			if errs.Load() > 0 {
				b.Errorf("%d errors, first: %v", errs.Load(), firstErr.Load())
			}
			got := new(big.Int).Sub(s.balance("USDC", s.payTo), before)
			if want := big.NewInt(ok * 1000); got.Cmp(want) != 0 {
				b.Errorf("payTo received %s on chain for %d paid answers, want %s", got, ok, want)
			}
		})
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
