package buyere2e_test

import (
	"math/big"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/x402/buyer"
)

// TestKillAndRestart makes paid calls and kills Bob's buyer at random
// points of them (before anything is written, after "in flight", after the
// seller settled, after "spent"), restarting it on the same database each
// time. The accounting must match the chain exactly at the end.
func TestKillAndRestart(t *testing.T) {
	// USDC settles through ERC-3009 (restart asks authorizationState),
	// OBOL through Permit2 (restart reads the nonce bitmap).
	for _, tc := range []struct {
		sym           string
		signed, calls int
	}{{"USDC", 220, 200}, {"OBOL", 110, 100}} {
		t.Run(tc.sym, func(t *testing.T) { killAndRestart(t, tc.sym, tc.signed, tc.calls) })
	}
}

func killAndRestart(t *testing.T, sym string, signed, calls int) {
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, 42))
	points := []string{buyer.FaultBeforeInFlight, buyer.FaultBeforeSend, buyer.FaultAfterAnswer, buyer.FaultAfterSpent}
	var armed atomic.Value // the point to die at on the next call, "" for none
	armed.Store("")
	kills := map[string]int{}

	w := newWorld(t)
	w.startSeller()
	endpoint := w.seller.URL + "/services/qwen"
	_, bob, res := w.presign(endpoint, sym, "bob", signed)
	bb := w.newBuyer(endpoint, res, func(p string) bool {
		if armed.Load().(string) == p {
			armed.Store("")
			return true
		}
		return false
	})
	bobBefore := w.balance(sym, bob.Address())
	ok, exhausted := 0, 0
	for i := range calls {
		die := ""
		if rng.IntN(3) == 0 {
			die = points[rng.IntN(len(points))]
		}
		armed.Store(die)
		code, body, err := bb.chat()
		switch {
		case die != "" && armed.Load().(string) == "":
			// The buyer "died" at die: its connection dropped with no answer.
			if err == nil && code == http.StatusOK {
				t.Fatalf("call %d: killed at %s yet answered 200", i, die)
			}
			kills[die]++
			bb.stop()
			bb.start()
		case err != nil:
			t.Fatalf("call %d: %v", i, err)
		case code == http.StatusOK:
			ok++
		case code == http.StatusPaymentRequired && strings.Contains(body, "auths_exhausted"):
			exhausted++
		default:
			t.Fatalf("call %d: %d %s", i, code, body)
		}
		armed.Store("")
	}
	bb.stop()
	bb.start()
	st := bb.status()
	transfers := len(w.transfers(sym, bob.Address()))
	t.Logf("ok %d, exhausted %d, kills %v, status %+v, transfers %d", ok, exhausted, kills, st, transfers)
	if st.Remaining+st.Spent != signed || st.TotalSigned != signed {
		t.Errorf("remaining %d + spent %d != signed %d", st.Remaining, st.Spent, signed)
	}
	if st.InFlight != 0 {
		t.Errorf("%d auths still in flight after restart", st.InFlight)
	}
	if st.Spent != transfers {
		t.Errorf("spent %d, on-chain transfers %d", st.Spent, transfers)
	}
	paid := new(big.Int).Sub(bobBefore, w.balance(sym, bob.Address()))
	if want := new(big.Int).Mul(big.NewInt(int64(transfers)), w.prices[sym]); paid.Cmp(want) != 0 {
		t.Errorf("bob paid %s for %d transfers, want %s (an auth spent twice?)", paid, transfers, want)
	}
	if ok+kills[buyer.FaultAfterAnswer]+kills[buyer.FaultAfterSpent] != transfers {
		t.Errorf("answered %d + killed after settling %d != transfers %d", ok, kills[buyer.FaultAfterAnswer]+kills[buyer.FaultAfterSpent], transfers)
	}
}

// TestConcurrentPaidCallsOnChain: 8 callers share one pool of 60 auths
// for 96 calls; every auth is spent at most once and the books match the
// chain.
func TestConcurrentPaidCallsOnChain(t *testing.T) {
	const signed, callers, each = 60, 8, 12
	w := newWorld(t)
	w.startSeller()
	endpoint := w.seller.URL + "/services/qwen"
	_, bob, res := w.presign(endpoint, "USDC", "bob", signed)
	bb := w.newBuyer(endpoint, res, nil)
	var ok, refused atomic.Int64
	var wg sync.WaitGroup
	for range callers {
		wg.Go(func() {
			for range each {
				code, body, err := bb.chat()
				switch {
				case err != nil:
					t.Error(err)
				case code == http.StatusOK:
					ok.Add(1)
				case code == http.StatusPaymentRequired && strings.Contains(body, "auths_exhausted"),
					code == http.StatusTooManyRequests:
					refused.Add(1)
				default:
					t.Errorf("%d %s", code, body)
				}
			}
		})
	}
	wg.Wait()
	st := bb.status()
	transfers := len(w.transfers("USDC", bob.Address()))
	t.Logf("ok %d, refused %d, status %+v, transfers %d", ok.Load(), refused.Load(), st, transfers)
	if int(ok.Load()) != transfers || st.Spent != transfers || st.Remaining+st.Spent != signed || st.InFlight != 0 {
		t.Errorf("ok %d, spent %d, transfers %d, remaining %d, in flight %d", ok.Load(), st.Spent, transfers, st.Remaining, st.InFlight)
	}
}

// TestPriceRaiseRefused: Alice doubles her price after Bob bought; Bob's
// buyer refuses to pay and says why, and nothing moves.
func TestPriceRaiseRefused(t *testing.T) {
	w := newWorld(t)
	w.startSeller()
	endpoint := w.seller.URL + "/services/qwen"
	_, bob, res := w.presign(endpoint, "USDC", "bob", 3)
	bb := w.newBuyer(endpoint, res, nil)
	w.prices["USDC"] = big.NewInt(2000)
	w.setRoutes()
	before := w.balance("USDC", bob.Address())
	code, body, err := bb.chat()
	if err != nil || code != http.StatusPaymentRequired || !strings.Contains(body, "price_changed") || !strings.Contains(body, "2000") {
		t.Fatalf("answer %d %s %v", code, body, err)
	}
	if st := bb.status(); st.Remaining != 3 || st.Spent != 0 {
		t.Errorf("status %+v", st)
	}
	if after := w.balance("USDC", bob.Address()); after.Cmp(before) != 0 || len(w.transfers("USDC", bob.Address())) != 0 {
		t.Errorf("money moved: %s → %s", before, after)
	}
}
