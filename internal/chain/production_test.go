package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/internal/chain"
)

var sinkAddr = common.HexToAddress("0x000000000000000000000000000000000000dEaD")

// signTx signs a 1559 transaction for the chain.
func signTx(t testing.TB, c *chain.Chain, key *ecdsa.PrivateKey, nonce uint64, tip, feeCap *big.Int, gas uint64, to *common.Address, value *big.Int, data []byte) *types.Transaction {
	t.Helper()
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(c.ChainID()), &types.DynamicFeeTx{
		ChainID: c.ChainID(), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap, Gas: gas, To: to, Value: value, Data: data,
	})
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

// checkChainShape walks every block: numbers contiguous, parent hashes
// linked, timestamps strictly increasing, gas within the limit.
func checkChainShape(t *testing.T, ec *ethclient.Client) {
	t.Helper()
	ctx := context.Background()
	head, err := ec.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var prev *types.Header
	for n := uint64(0); n <= head; n++ {
		h, err := ec.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			t.Fatalf("block %d: %v", n, err)
		}
		if h.GasUsed > h.GasLimit {
			t.Errorf("block %d uses %d gas over its limit %d", n, h.GasUsed, h.GasLimit)
		}
		if prev != nil {
			if h.ParentHash != prev.Hash() {
				t.Errorf("block %d parent %s, want %s", n, h.ParentHash, prev.Hash())
			}
			if h.Time <= prev.Time {
				t.Errorf("block %d stamped %d, not after its parent's %d", n, h.Time, prev.Time)
			}
		}
		prev = h
	}
}

var transferABI = func() abi.ABI {
	a, err := abi.JSON(strings.NewReader(`[{"type":"function","name":"transfer","inputs":[{"name":"to","type":"address"},{"name":"v","type":"uint256"}],"outputs":[{"type":"bool"}]}]`))
	if err != nil {
		panic(err)
	}
	return a
}()

// TestStressSendsAndReads: raw and dev-account sends from many goroutines
// (two goroutines per eth_sendTransaction account, and one account used by
// both kinds of send) while others poll logs, filters, receipts, blocks,
// the pool and gas estimates. Every send that returns is mined; the chain
// stays linked; filters see every block and every log exactly once.
func TestStressSendsAndReads(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	rc := c.RPCClient()
	accts := chain.DevAccounts()
	var blockFilter, logFilter string
	if err := rc.CallContext(ctx, &blockFilter, "eth_newBlockFilter"); err != nil {
		t.Fatal(err)
	}
	if err := rc.CallContext(ctx, &logFilter, "eth_newFilter", map[string]any{"address": contracts.DevUSDCAddress}); err != nil {
		t.Fatal(err)
	}

	var (
		mu       sync.Mutex
		mined    []common.Hash
		usdcSent int
		errs     []error
	)
	fail := func(err error) { mu.Lock(); errs = append(errs, err); mu.Unlock() }
	sent := func(h common.Hash, usdc bool) {
		mu.Lock()
		mined = append(mined, h)
		if usdc {
			usdcSent++
		}
		mu.Unlock()
	}
	checkReceipt := func(h common.Hash) error {
		r, err := ec.TransactionReceipt(ctx, h)
		if err != nil {
			return fmt.Errorf("receipt of %s right after its send returned: %v", h, err)
		}
		if r.Status != types.ReceiptStatusSuccessful {
			return fmt.Errorf("tx %s failed", h)
		}
		return nil
	}
	const rounds = 6
	var senders sync.WaitGroup
	// Raw senders: accounts 0-3, nonces signed locally.
	for i := 0; i < 4; i++ {
		senders.Add(1)
		go func(a chain.DevAccount) {
			defer senders.Done()
			for n := uint64(0); n < rounds; n++ {
				tx := signTx(t, c, a.Key, n, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
				if err := ec.SendTransaction(ctx, tx); err != nil {
					fail(fmt.Errorf("raw %s/%d: %w", a.Address, n, err))
					return
				}
				if err := checkReceipt(tx.Hash()); err != nil {
					fail(err)
				}
				sent(tx.Hash(), false)
			}
		}(accts[i])
	}
	// eth_sendTransaction: accounts 4-7, two goroutines each, USDC transfers.
	data, _ := transferABI.Pack("transfer", sinkAddr, big.NewInt(1))
	for i := 4; i < 8; i++ {
		for g := 0; g < 2; g++ {
			senders.Add(1)
			go func(a chain.DevAccount) {
				defer senders.Done()
				for n := 0; n < rounds; n++ {
					var h common.Hash
					if err := rc.CallContext(ctx, &h, "eth_sendTransaction", map[string]any{
						"from": a.Address, "to": contracts.DevUSDCAddress, "input": hexutil.Bytes(data),
					}); err != nil {
						fail(fmt.Errorf("eth_sendTransaction %s: %w", a.Address, err))
						return
					}
					if err := checkReceipt(h); err != nil {
						fail(err)
					}
					sent(h, true)
				}
			}(accts[i])
		}
	}
	// Account 8: eth_sendTransaction and raw sends (pending nonce) mixed;
	// a raw send may lose its nonce to the other kind, then it retries.
	senders.Add(2)
	go func() {
		defer senders.Done()
		for n := 0; n < rounds; n++ {
			var h common.Hash
			if err := rc.CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": accts[8].Address, "to": sinkAddr, "value": "0x1"}); err != nil {
				fail(fmt.Errorf("mixed eth_sendTransaction: %w", err))
				return
			}
			if err := checkReceipt(h); err != nil {
				fail(err)
			}
			sent(h, false)
		}
	}()
	go func() {
		defer senders.Done()
		for n := 0; n < rounds; {
			nonce, err := ec.PendingNonceAt(ctx, accts[8].Address)
			if err != nil {
				fail(err)
				return
			}
			tx := signTx(t, c, accts[8].Key, nonce, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
			if err := ec.SendTransaction(ctx, tx); err != nil {
				if s := err.Error(); strings.Contains(s, "nonce too low") || strings.Contains(s, "replacement transaction underpriced") || strings.Contains(s, "already known") {
					continue
				}
				fail(fmt.Errorf("mixed raw: %w", err))
				return
			}
			// The raw send may have been queued behind the other's nonce
			// and so not be mined yet only if a gap existed, which a
			// pending nonce never leaves.
			if err := checkReceipt(tx.Hash()); err != nil {
				fail(err)
			}
			sent(tx.Hash(), false)
			n++
		}
	}()

	// Readers until the senders are done.
	stop := make(chan struct{})
	var readers sync.WaitGroup
	var seenBlocks []common.Hash
	var seenLogs int
	poll := func(f func() error) {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				if err := f(); err != nil {
					fail(err)
					return
				}
			}
		}()
	}
	poll(func() error {
		_, err := ec.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{contracts.DevUSDCAddress}})
		return err
	})
	poll(func() error {
		var hs []common.Hash
		if err := rc.CallContext(ctx, &hs, "eth_getFilterChanges", blockFilter); err != nil {
			return err
		}
		var ls []types.Log
		if err := rc.CallContext(ctx, &ls, "eth_getFilterChanges", logFilter); err != nil {
			return err
		}
		mu.Lock()
		seenBlocks = append(seenBlocks, hs...)
		seenLogs += len(ls)
		mu.Unlock()
		return nil
	})
	poll(func() error {
		var b map[string]any
		return rc.CallContext(ctx, &b, "eth_getBlockByNumber", "latest", true)
	})
	poll(func() error {
		var m map[string]any
		if err := rc.CallContext(ctx, &m, "txpool_content"); err != nil {
			return err
		}
		return rc.CallContext(ctx, &m, "txpool_status")
	})
	poll(func() error {
		_, err := ec.EstimateGas(ctx, ethereum.CallMsg{From: accts[9].Address, To: &contracts.DevUSDCAddress, Data: data})
		return err
	})
	poll(func() error {
		mu.Lock()
		hs := append([]common.Hash(nil), mined...)
		mu.Unlock()
		for _, h := range hs {
			if err := checkReceipt(h); err != nil {
				return err
			}
		}
		return nil
	})
	senders.Wait()
	close(stop)
	readers.Wait()
	for _, err := range errs {
		t.Error(err)
	}
	// One last poll collects what the filters have not reported yet.
	var hs []common.Hash
	var ls []types.Log
	if err := rc.CallContext(ctx, &hs, "eth_getFilterChanges", blockFilter); err != nil {
		t.Fatal(err)
	}
	if err := rc.CallContext(ctx, &ls, "eth_getFilterChanges", logFilter); err != nil {
		t.Fatal(err)
	}
	seenBlocks = append(seenBlocks, hs...)
	seenLogs += len(ls)
	head, _ := ec.BlockNumber(ctx)
	if uint64(len(seenBlocks)) != head {
		t.Errorf("block filter reported %d blocks, the chain has %d after genesis", len(seenBlocks), head)
	}
	for i, h := range seenBlocks {
		if want, _ := ec.HeaderByNumber(ctx, big.NewInt(int64(i+1))); want == nil || want.Hash() != h {
			t.Errorf("block filter's %d-th hash %s is not block %d", i, h, i+1)
			break
		}
	}
	if seenLogs != usdcSent {
		t.Errorf("log filter reported %d USDC logs, %d transfers were mined", seenLogs, usdcSent)
	}
	checkChainShape(t, ec)
	var status map[string]hexutil.Uint
	if err := rc.CallContext(ctx, &status, "txpool_status"); err != nil || status["pending"] != 0 || status["queued"] != 0 {
		t.Errorf("pool after the stress = %v, %v; want empty", status, err)
	}
	t.Logf("%d txs in %d blocks", len(mined), head)
}

// TestReplacementRacingItsRound: a replacement sent while the round that
// mines the original is running either wins (and is mined) or fails; it
// never returns success for a transaction that is not on chain.
func TestReplacementRacingItsRound(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	accts := chain.DevAccounts()
	deadline := time.Now().Add(2 * time.Second)
	var won, refused int
	for iter := 0; time.Now().Before(deadline); iter++ {
		a := accts[iter%len(accts)]
		base, err := ec.PendingNonceAt(ctx, a.Address)
		if err != nil {
			t.Fatal(err)
		}
		orig := signTx(t, c, a.Key, base+1, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
		if err := ec.SendTransaction(ctx, orig); err != nil { // behind a gap: pooled
			t.Fatal(err)
		}
		repl := signTx(t, c, a.Key, base+1, big.NewInt(2e9), big.NewInt(2e11), 21000, &sinkAddr, big.NewInt(2), nil)
		fill := signTx(t, c, a.Key, base, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
		var wg sync.WaitGroup
		var replErr error
		wg.Add(2)
		go func() { defer wg.Done(); _ = ec.SendTransaction(ctx, fill) }()
		go func() { defer wg.Done(); replErr = ec.SendTransaction(ctx, repl) }()
		wg.Wait()
		_, replMined := ec.TransactionReceipt(ctx, repl.Hash())
		_, origMined := ec.TransactionReceipt(ctx, orig.Hash())
		switch {
		case replErr == nil && replMined != nil:
			t.Fatalf("iteration %d: replacement send returned success, but it is not mined (%v); original mined: %v", iter, replMined, origMined == nil)
		case replErr == nil:
			won++
		default:
			refused++
		}
		if (replMined == nil) == (origMined == nil) {
			t.Fatalf("iteration %d: original mined %v, replacement mined %v: want exactly one", iter, origMined == nil, replMined == nil)
		}
	}
	t.Logf("replacement won %d, refused %d", won, refused)
}

// loopInit deploys code that loops until it runs out of gas: every call
// burns its whole gas limit.
var loopInit = common.FromHex("0x625b5f565f526003601df3")

func deployLoop(t *testing.T, c *chain.Chain) common.Address {
	t.Helper()
	ctx := context.Background()
	a := chain.DevAccounts()[9]
	n, _ := c.EthClient().PendingNonceAt(ctx, a.Address)
	tx, err := types.SignNewTx(a.Key, types.LatestSignerForChainID(c.ChainID()), &types.DynamicFeeTx{
		ChainID: c.ChainID(), Nonce: n, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), Gas: 100000, Data: loopInit,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.EthClient().SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	r, err := c.EthClient().TransactionReceipt(ctx, tx.Hash())
	if err != nil || r.Status != 1 {
		t.Fatalf("deploy loop: %v %v", r, err)
	}
	return r.ContractAddress
}

// TestHeavyRoundSpansBlocks: more gas than one block in one round is mined
// across several blocks, each within the gas limit; failing (out of gas)
// transactions are mined with status 0 and charged their whole gas.
func TestHeavyRoundSpansBlocks(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	loop := deployLoop(t, c)
	start, _ := ec.BlockNumber(ctx)
	const gas = 13_000_000 // 4 fit a 60M block, the 5th does not
	accts := chain.DevAccounts()[:5]
	var wg sync.WaitGroup
	txs := make([]*types.Transaction, len(accts))
	errs := make([]error, len(accts))
	for i, a := range accts {
		txs[i] = signTx(t, c, a.Key, 0, big.NewInt(1e9), big.NewInt(1e11), gas, &loop, nil, nil)
		wg.Add(1)
		go func(i int) { defer wg.Done(); errs[i] = ec.SendTransaction(ctx, txs[i]) }(i)
	}
	wg.Wait()
	blocks := map[uint64]bool{}
	for i, tx := range txs {
		if errs[i] != nil {
			t.Fatalf("send %d: %v", i, errs[i])
		}
		r, err := ec.TransactionReceipt(ctx, tx.Hash())
		if err != nil {
			t.Fatalf("receipt %d after send returned: %v", i, err)
		}
		if r.Status != 0 || r.GasUsed != gas {
			t.Errorf("loop tx %d: status %d gas %d; want 0 and %d", i, r.Status, r.GasUsed, gas)
		}
		blocks[r.BlockNumber.Uint64()] = true
	}
	end, _ := ec.BlockNumber(ctx)
	if len(blocks) < 2 {
		t.Errorf("%d txs of %d gas went into %d blocks; want at least 2", len(txs), gas, len(blocks))
	}
	if end-start != uint64(len(blocks)) {
		t.Errorf("the round sealed %d blocks, %d of them with the transactions", end-start, len(blocks))
	}
	checkChainShape(t, ec)
}

var _ = errors.New
var _ = crypto.Keccak256

// TestUnderpricedWaitsThenMines: a transaction whose fee cap is under the
// base fee waits in the pool without making any later round seal an extra
// empty block, and is mined once empty blocks have brought the base fee
// down to its cap.
func TestUnderpricedWaitsThenMines(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	accts := chain.DevAccounts()
	head, _ := ec.HeaderByNumber(ctx, nil)
	low := new(big.Int).Div(new(big.Int).Mul(head.BaseFee, big.NewInt(3)), big.NewInt(10)) // 30% of the base fee
	under := signTx(t, c, accts[1].Key, 0, big.NewInt(1), low, 21000, &sinkAddr, big.NewInt(1), nil)
	if err := ec.SendTransaction(ctx, under); err != nil {
		t.Fatal(err)
	}
	if _, pending, err := ec.TransactionByHash(ctx, under.Hash()); err != nil || !pending {
		t.Fatalf("underpriced tx: pending %v, %v; want it pooled", pending, err)
	}
	// Ordinary sends: one block each, no extra empty block for the waiting tx.
	for n := uint64(0); n < 3; n++ {
		before, _ := ec.BlockNumber(ctx)
		tx := signTx(t, c, accts[2].Key, n, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
		if err := ec.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		after, _ := ec.BlockNumber(ctx)
		t.Logf("send %d: blocks %d -> %d", n, before, after)
		if after != before+1 {
			t.Errorf("a send with an underpriced tx waiting sealed %d blocks, want 1", after-before)
		}
	}
	// Empty blocks lower the base fee by 1/8 each: a few evm_mine later it is mined.
	for i := 0; i < 15; i++ {
		if err := c.RPCClient().CallContext(ctx, nil, "evm_mine"); err != nil {
			t.Fatal(err)
		}
		if r, err := ec.TransactionReceipt(ctx, under.Hash()); err == nil {
			if r.Status != 1 {
				t.Fatalf("underpriced tx mined with status %d", r.Status)
			}
			b, _ := ec.HeaderByNumber(ctx, r.BlockNumber)
			if b.BaseFee.Cmp(low) > 0 {
				t.Fatalf("mined in a block whose base fee %s is over its cap %s", b.BaseFee, low)
			}
			return
		}
	}
	t.Fatal("underpriced transaction not mined after the base fee fell under its cap")
}

// TestRevertedTxChargedGas: a reverting transaction is mined with status 0
// and its gas is paid.
func TestRevertedTxChargedGas(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	a := chain.DevAccounts()[3]
	data, _ := transferABI.Pack("transfer", sinkAddr, new(big.Int).Lsh(big.NewInt(1), 200)) // more than anyone holds
	before, _ := ec.BalanceAt(ctx, a.Address, nil)
	tx := signTx(t, c, a.Key, 0, big.NewInt(1e9), big.NewInt(1e11), 100000, &contracts.DevUSDCAddress, nil, data)
	if err := ec.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	r, err := ec.TransactionReceipt(ctx, tx.Hash())
	if err != nil || r.Status != 0 {
		t.Fatalf("reverting tx: %+v, %v; want mined with status 0", r, err)
	}
	after, _ := ec.BalanceAt(ctx, a.Address, nil)
	paid := new(big.Int).Mul(new(big.Int).SetUint64(r.GasUsed), r.EffectiveGasPrice)
	if got := new(big.Int).Sub(before, after); got.Cmp(paid) != 0 || r.GasUsed <= 21000 {
		t.Errorf("balance fell by %s, want gasUsed %d × price %s = %s", got, r.GasUsed, r.EffectiveGasPrice, paid)
	}
}

// TestPoolAccountSlots: a sender's 65th pooled transaction is refused
// with go-ethereum's account-limit error.
func TestPoolAccountSlots(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	a := chain.DevAccounts()[5]
	for n := uint64(1); n <= 64; n++ { // nonce 0 missing: all wait
		if err := ec.SendTransaction(ctx, signTx(t, c, a.Key, n, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)); err != nil {
			t.Fatalf("nonce %d: %v", n, err)
		}
	}
	err := ec.SendTransaction(ctx, signTx(t, c, a.Key, 65, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil))
	if err == nil || !strings.Contains(err.Error(), "account limit exceeded") {
		t.Fatalf("65th pooled tx: %v; want account limit exceeded", err)
	}
	// A replacement of a pooled one is still allowed.
	if err := ec.SendTransaction(ctx, signTx(t, c, a.Key, 64, big.NewInt(2e9), big.NewInt(2e11), 21000, &sinkAddr, big.NewInt(1), nil)); err != nil {
		t.Fatalf("replacement with full slots: %v", err)
	}
	// Filling the gap mines all 65.
	if err := ec.SendTransaction(ctx, signTx(t, c, a.Key, 0, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)); err != nil {
		t.Fatal(err)
	}
	if n, _ := ec.NonceAt(ctx, a.Address, nil); n != 65 {
		t.Fatalf("nonce after the gap is filled = %d, want 65", n)
	}
}
