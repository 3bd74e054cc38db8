package buyere2e_test

import (
	"bufio"
	"context"
	"encoding/json"
	"math/big"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/internal/nodetest"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// startExpressSeller runs test/node/x402-buyer-express.mjs: an Express app
// behind the official @x402/express middleware, settling through the
// official @x402/core facilitator on our dev chain.
func (w *world) startExpressSeller(method string, amount *big.Int) string {
	t := w.t.(*testing.T)
	dir := nodetest.Dir(t, "@x402/express", "@x402/evm")
	facKey := x402test.Key(t, "express facilitator "+t.Name())
	w.fund(crypto.PubkeyToAddress(facKey.PublicKey), "ETH", ether(10))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, "node", "x402-buyer-express.mjs", w.rpcURL, hexutil.Encode(crypto.FromECDSA(facKey)),
		w.payTo.Hex(), method, amount.String())
	cmd.Dir = dir
	cmd.Stderr = &testWriter{t: t}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start node: %v", err)
	}
	t.Cleanup(func() { _ = stdin.Close(); _ = cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("express seller did not start: %v", err)
	}
	var out struct {
		URL string `json:"url"`
	}
	if err := json.Unmarshal([]byte(line), &out); err != nil || out.URL == "" {
		t.Fatalf("express seller said %q", line)
	}
	return out.URL
}

type testWriter struct{ t *testing.T }

func (tw *testWriter) Write(p []byte) (int, error) {
	tw.t.Logf("node: %s", strings.TrimSpace(string(p)))
	return len(p), nil
}

// TestPaysOfficialExpressSeller: obol's buyer proxy pays a seller made of
// the official x402 npm packages, with USDC (ERC-3009) and OBOL (Permit2).
func TestPaysOfficialExpressSeller(t *testing.T) {
	for _, tc := range []struct{ sym, method string }{{"USDC", "eip3009"}, {"OBOL", "permit2"}} {
		t.Run(tc.sym, func(t *testing.T) {
			w := newWorld(t)
			endpoint := w.startExpressSeller(tc.method, w.prices[tc.sym])
			_, bob, res := w.presign(endpoint, tc.sym, "bob", 3)
			bb := w.newBuyer(endpoint, res, nil)
			aliceBefore := w.balance(tc.sym, w.payTo)
			for i := range 2 {
				code, body, err := bb.chat()
				if err != nil || code != 200 || !strings.Contains(body, "hello from @x402/express") {
					t.Fatalf("paid call %d: %d %s %v", i, code, body, err)
				}
			}
			if st := bb.status(); st.Remaining != 1 || st.Spent != 2 {
				t.Errorf("status %+v, want remaining 1 spent 2", st)
			}
			want := new(big.Int).Mul(w.prices[tc.sym], big.NewInt(2))
			if got := new(big.Int).Sub(w.balance(tc.sym, w.payTo), aliceBefore); got.Cmp(want) != 0 {
				t.Errorf("seller got %s, want %s", got, want)
			}
			if n := len(w.transfers(tc.sym, bob.Address())); n != 2 {
				t.Errorf("%d transfers, want 2", n)
			}
		})
	}
}
