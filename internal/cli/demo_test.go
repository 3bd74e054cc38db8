package cli

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"
)

// TestDemo runs `obol demo -o json` in-process: a dev chain and two whole
// stacks in one test binary, the full sell → buy → pay → settle loop, and
// the exact balance deltas on chain.
func TestDemo(t *testing.T) {
	for _, tc := range []struct{ token, price string }{{"USDC", "1000"}, {"OBOL", "1000000000000000"}} {
		t.Run(tc.token, func(t *testing.T) {
			code, out, stderr := run(t, "demo", "--token", tc.token, "-o", "json")
			if code != 0 {
				t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, stderr)
			}
			var r demoResult
			if err := json.Unmarshal([]byte(out), &r); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if !r.OK || r.PriceAtomic != tc.price || r.SellerDelta != tc.price || r.BuyerDelta != "-"+tc.price {
				t.Fatalf("result %+v", r)
			}
			if r.RemainingBefore != 5 || r.RemainingAfter != 4 || len(r.TxHash) != 66 {
				t.Fatalf("pool or tx wrong: %+v", r)
			}
			if _, ok := new(big.Int).SetString(r.SellerDelta, 10); !ok {
				t.Fatal("delta is not a decimal string")
			}
			for _, k := range []string{"ok", "seller_offer_url", "model", "token", "price_atomic", "tx_hash", "seller_delta",
				"buyer_delta", "remaining_before", "remaining_after", "elapsed_ms"} {
				if !strings.Contains(out, `"`+k+`"`) {
					t.Fatalf("JSON lacks %q", k)
				}
			}
		})
	}
}

func TestDemoBadInput(t *testing.T) {
	code, _, stderr := run(t, "demo", "--token", "DOGE")
	if code == 0 || !strings.Contains(stderr, `--token "DOGE"`) {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	code, _, stderr = run(t, "demo", "--model", "no-such-model-here")
	if code == 0 || !strings.Contains(stderr, "Ollama") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
}
