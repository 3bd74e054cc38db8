package cli

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/wallet"
)

// TestRefill buys 5 auths in the demo world, refills 3 more, and checks
// that the pool grows to 8 with every auth usable; bad counts change nothing.
func TestRefill(t *testing.T) {
	ctx := context.Background()
	var out, errb bytes.Buffer
	g := &Globals{Output: "human", LogLevel: "error", Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	d := &demo{g: g, o: demoOptions{token: "USDC", price: "0.001", count: 5}, dir: t.TempDir(), started: time.Now()}
	defer d.close()
	if err := d.startWorld(ctx); err != nil {
		t.Fatal(err)
	}
	offerURL, _, err := d.sell(ctx)
	if err != nil {
		t.Fatal(err)
	}
	pr, err := d.buy(ctx, offerURL)
	if err != nil {
		t.Fatal(err)
	}
	signer, err := wallet.Open(stack.WalletOptions(d.bob.DataDir()))
	if err != nil {
		t.Fatal(err)
	}
	deps := buyDeps{Client: d.client(d.bob), Signer: signer, HTTP: &http.Client{Timeout: 10 * time.Second},
		RPC: func(string) (*ethclient.Client, error) { return d.chain.EthClient(), nil }}
	for _, bad := range []int{0, 2496} {
		if _, err := g.refill(ctx, pr, bad, true, deps); err == nil || !strings.Contains(err.Error(), "--count") {
			t.Fatalf("refill %d: %v", bad, err)
		}
	}
	more, err := g.refill(ctx, pr, 3, true, deps)
	if err != nil {
		t.Fatal(err)
	}
	if len(more.Spec.PreSignedAuths) != 8 || more.Spec.Count != 8 {
		t.Fatalf("after refill: %d auths, count %d", len(more.Spec.PreSignedAuths), more.Spec.Count)
	}
	deadline := time.Now().Add(10 * time.Second)
	for d.remaining(ctx, more) != 8 {
		if time.Now().After(deadline) {
			t.Fatalf("buyer pool has %d remaining, want 8", d.remaining(ctx, more))
		}
		time.Sleep(100 * time.Millisecond)
	}
}
