package chain_test

import (
	"context"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/obol-dev/obol/internal/chain"
)

// TestTimeControlRacingSends: evm_mine <ts>, evm_setNextBlockTimestamp and
// evm_increaseTime interleaved with sends: the asked-for timestamps are
// the ones sealed, and block times stay strictly increasing.
func TestTimeControlRacingSends(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	rc := c.RPCClient()
	accts := chain.DevAccounts()
	nonce := uint64(0)
	send := func() error {
		tx := signTx(t, c, accts[0].Key, nonce, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
		nonce++
		return ec.SendTransaction(ctx, tx)
	}
	hasBlockAt := func(from uint64, ts uint64) bool {
		head, _ := ec.BlockNumber(ctx)
		for n := from; n <= head; n++ {
			if h, _ := ec.HeaderByNumber(ctx, new(big.Int).SetUint64(n)); h != nil && h.Time == ts {
				return true
			}
		}
		return false
	}
	for i := 0; i < 20; i++ {
		head, _ := ec.HeaderByNumber(ctx, nil)
		start := head.Number.Uint64() + 1
		var wg sync.WaitGroup
		var sendErr, mineErr error
		switch i % 3 {
		case 0: // evm_mine <ts> racing a send
			target := head.Time + 1000
			wg.Add(2)
			go func() { defer wg.Done(); sendErr = send() }()
			go func() { defer wg.Done(); mineErr = rc.CallContext(ctx, nil, "evm_mine", hexutil.Uint64(target)) }()
			wg.Wait()
			if sendErr != nil || mineErr != nil {
				t.Fatalf("round %d: send %v, evm_mine %v", i, sendErr, mineErr)
			}
			if !hasBlockAt(start, target) {
				t.Errorf("round %d: evm_mine(%d) racing a send sealed no block at that time", i, target)
			}
		case 1: // evm_setNextBlockTimestamp, then a send and an evm_mine racing
			target := head.Time + 500
			if err := rc.CallContext(ctx, nil, "evm_setNextBlockTimestamp", hexutil.Uint64(target)); err != nil {
				t.Fatal(err)
			}
			wg.Add(2)
			go func() { defer wg.Done(); sendErr = send() }()
			go func() { defer wg.Done(); mineErr = rc.CallContext(ctx, nil, "evm_mine") }()
			wg.Wait()
			if sendErr != nil || mineErr != nil {
				t.Fatalf("round %d: send %v, evm_mine %v", i, sendErr, mineErr)
			}
			if h, _ := ec.HeaderByNumber(ctx, new(big.Int).SetUint64(start)); h == nil || h.Time != target {
				t.Errorf("round %d: first block after evm_setNextBlockTimestamp(%d) = %v", i, target, h)
			}
		case 2: // evm_increaseTime then a send
			if err := rc.CallContext(ctx, nil, "evm_increaseTime", 60); err != nil {
				t.Fatal(err)
			}
			if err := send(); err != nil {
				t.Fatal(err)
			}
		}
	}
	checkChainShape(t, ec)
}
