package chain_test

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/internal/chain"
)

func TestPersistence(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	to := common.HexToAddress("0x00000000000000000000000000000000000FEED0")

	c, err := chain.New(chain.Options{DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Fund(ctx, to, "USDC", big.NewInt(4_200_000)); err != nil {
		t.Fatal(err)
	}
	if err := c.IncreaseTime(3600e9); err != nil {
		t.Fatal(err)
	}
	head1, err := c.EthClient().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("a second process cannot open the same data dir", func(t *testing.T) {
		_, err := chain.New(chain.Options{DataDir: dir})
		if err == nil || !strings.Contains(err.Error(), "is in use by another process") {
			t.Fatalf("second open of one data dir: err = %v, want it refused as in use", err)
		}
	})
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}

	t.Run("another chain id is refused", func(t *testing.T) {
		_, err := chain.New(chain.Options{DataDir: dir, ChainID: 5})
		if err == nil || !strings.Contains(err.Error(), "holds chain id 1337") {
			t.Fatalf("reopen with chain id 5: %v", err)
		}
	})

	c2 := newChain(t, chain.Options{DataDir: dir})
	head2, err := c2.EthClient().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if head2.Hash() != head1.Hash() {
		t.Fatalf("reopened head = %d %s, want %d %s", head2.Number, head2.Hash().Hex(), head1.Number, head1.Hash().Hex())
	}
	bal, err := tokenBalance(ctx, c2, contracts.DevUSDCAddress, to)
	if err != nil || bal.Int64() != 4_200_000 {
		t.Fatalf("balance after restart = %v, %v; want 4200000", bal, err)
	}
	// The reopened chain keeps mining on top, never behind the old clock.
	if _, err := c2.Fund(ctx, to, "USDC", big.NewInt(1)); err != nil {
		t.Fatal(err)
	}
	head3, err := c2.EthClient().HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if head3.Number.Uint64() != head1.Number.Uint64()+1 || head3.Time <= head1.Time {
		t.Errorf("first block after restart: #%d at %d; want #%d after %d", head3.Number, head3.Time, head1.Number.Uint64()+1, head1.Time)
	}
}

// TestOldLayoutRefused: a data dir written by obol's first chain (go-ethereum's
// node layout) is refused with a message saying so, never read as an empty
// chain, and nothing in it is touched.
func TestOldLayoutRefused(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "obol-chain", "chaindata")
	if err := os.MkdirAll(old, 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := chain.New(chain.Options{DataDir: dir})
	if err == nil || !strings.Contains(err.Error(), "older obol") {
		t.Fatalf("New on an old-layout dir: err = %v, want a refusal naming the old layout", err)
	}
	for _, f := range []string{"chaindata", "chain.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); !os.IsNotExist(err) {
			t.Errorf("%s was created next to the old chain (stat: %v)", f, err)
		}
	}
}
