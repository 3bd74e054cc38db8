package chain_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/goleak"

	"github.com/obol-dev/obol/internal/chain"
)

// TestCloseLeavesNoGoroutines: a chain that served, mined and persisted
// leaves nothing running after Close (the stack opens and closes chains in
// tests all day).
func TestCloseLeavesNoGoroutines(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	for _, dir := range []string{"", t.TempDir()} {
		c, err := chain.New(chain.Options{DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		_, wait := serveUntil(t, ctx, c)
		if _, err := c.Fund(context.Background(), common.HexToAddress("0x0000000000000000000000000000000000001eaf"), "USDC", big.NewInt(1)); err != nil {
			t.Fatal(err)
		}
		cancel()
		wait()
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
	goleak.VerifyNone(t, ignore,
		// go-ethereum's process-wide transaction sender cache, started once
		// and shared by every chain in the process.
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"),
		// goleveldb (the p2p node table) drains its memory pool for up to a
		// second after Close before exiting.
		goleak.IgnoreTopFunction("github.com/syndtr/goleveldb/leveldb.(*DB).mpoolDrain"),
	)
}
