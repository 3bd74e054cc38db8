package chain_test

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/obol-dev/obol/contracts"

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

// TestLogFilterKeepsItsRange: eth_getFilterChanges of a log filter reports
// only logs inside the filter's fromBlock/toBlock, as go-ethereum's does.
func TestLogFilterKeepsItsRange(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	rc := c.RPCClient()
	a := chain.DevAccounts()[6]
	data, _ := transferABI.Pack("transfer", sinkAddr, big.NewInt(1))
	head, _ := ec.BlockNumber(ctx)
	var upTo, from string
	if err := rc.CallContext(ctx, &upTo, "eth_newFilter", map[string]any{"address": contracts.DevUSDCAddress, "toBlock": hexutil.Uint64(head + 1)}); err != nil {
		t.Fatal(err)
	}
	if err := rc.CallContext(ctx, &from, "eth_newFilter", map[string]any{"address": contracts.DevUSDCAddress, "fromBlock": hexutil.Uint64(head + 3)}); err != nil {
		t.Fatal(err)
	}
	for n := uint64(0); n < 4; n++ { // blocks head+1 … head+4, one log each
		if err := ec.SendTransaction(ctx, signTx(t, c, a.Key, n, big.NewInt(1e9), big.NewInt(1e11), 100000, &contracts.DevUSDCAddress, nil, data)); err != nil {
			t.Fatal(err)
		}
	}
	for id, want := range map[string][]uint64{upTo: {head + 1}, from: {head + 3, head + 4}} {
		var logs []types.Log
		if err := rc.CallContext(ctx, &logs, "eth_getFilterChanges", id); err != nil {
			t.Fatal(err)
		}
		var got []uint64
		for _, l := range logs {
			got = append(got, l.BlockNumber)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("filter changes in blocks %v, want %v", got, want)
		}
	}
}
