package chain

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

func newTestChain(t *testing.T) *Chain {
	t.Helper()
	c, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func signed(t *testing.T, c *Chain, key interface{}, nonce uint64, gas uint64, to common.Address, value *big.Int) *types.Transaction {
	t.Helper()
	k := key.(*DevAccount).Key
	tx, err := types.SignNewTx(k, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID: c.chainID, Nonce: nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), Gas: gas, To: &to, Value: value,
	})
	if err != nil {
		t.Fatal(err)
	}
	return tx
}

// TestRoundCapLeavesNothingBehind: when a round stops at maxBlocksPerSeal
// with minable transactions left whose senders returned long ago (they
// were sent behind a nonce gap), the chain still mines them.
func TestRoundCapLeavesNothingBehind(t *testing.T) {
	old := maxBlocksPerSeal
	maxBlocksPerSeal = 1
	t.Cleanup(func() { maxBlocksPerSeal = old })
	c := newTestChain(t)
	ctx := context.Background()
	ec := c.EthClient()
	// Code that loops until out of gas: each call burns its gas limit.
	dev := DevAccounts()
	deploy, _ := types.SignNewTx(dev[9].Key, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{
		ChainID: c.chainID, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), Gas: 100000, Data: common.FromHex("0x625b5f565f526003601df3"),
	})
	if err := ec.SendTransaction(ctx, deploy); err != nil {
		t.Fatal(err)
	}
	r, err := ec.TransactionReceipt(ctx, deploy.Hash())
	if err != nil {
		t.Fatal(err)
	}
	loop := r.ContractAddress
	// Nonces 1-4 first (they wait behind the gap), then nonce 0: 5 × 13M
	// gas is two 60M blocks, the cap is one block per round.
	var gapped []*types.Transaction
	for n := uint64(1); n <= 4; n++ {
		tx := signed(t, c, &dev[0], n, 13_000_000, loop, nil)
		if err := ec.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		gapped = append(gapped, tx)
	}
	if err := ec.SendTransaction(ctx, signed(t, c, &dev[0], 0, 13_000_000, loop, nil)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(3 * time.Second)
	for _, tx := range gapped {
		for {
			if _, err := ec.TransactionReceipt(ctx, tx.Hash()); err == nil {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("tx %s, minable, was left in the pool after a capped round", tx.Hash())
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
}

// TestUnaffordableAtMiningTime: a pooled transaction its sender can no
// longer pay for when it is mined (the balance fell after admission, as a
// delegated EIP-7702 account's can) leaves the pool like in go-ethereum's:
// it does not make every later round seal an extra empty block, and does
// not stop its sender's later transactions for good.
func TestUnaffordableAtMiningTime(t *testing.T) {
	c := newTestChain(t)
	ctx := context.Background()
	ec := c.EthClient()
	dev := DevAccounts()
	poor, _ := crypto.GenerateKey()
	poorAcct := DevAccount{Address: crypto.PubkeyToAddress(poor.PublicKey), Key: poor}
	if _, err := c.Fund(ctx, poorAcct.Address, "ETH", big.NewInt(1e16)); err != nil {
		t.Fatal(err)
	}
	// Admission saw enough; the balance is now short (put in the pool as
	// admission would have, after the balance check).
	tooDear := signed(t, c, &poorAcct, 0, 21000, common.Address{1}, big.NewInt(2e16))
	from, _ := types.Sender(c.pool.signer(), tooDear)
	c.pool.mu.Lock()
	c.pool.seq++
	ptx := &pooledTx{tx: tooDear, from: from, seq: c.pool.seq}
	c.pool.all[tooDear.Hash()] = ptx
	c.pool.bySender[from] = map[uint64]*pooledTx{0: ptx}
	c.pool.mu.Unlock()

	for n := uint64(0); n < 3; n++ {
		before, _ := ec.BlockNumber(ctx)
		if err := ec.SendTransaction(ctx, signed(t, c, &dev[1], n, 21000, common.Address{2}, big.NewInt(1))); err != nil {
			t.Fatal(err)
		}
		if after, _ := ec.BlockNumber(ctx); after != before+1 {
			t.Errorf("send %d sealed %d blocks with an unaffordable tx pooled, want 1", n, after-before)
		}
	}
	if _, ok := c.pool.get(tooDear.Hash()); ok {
		t.Error("the unaffordable transaction is still pooled")
	}
	// The sender can go on: its next send takes nonce 0 and is mined.
	var h common.Hash
	if err := c.RPCClient().CallContext(ctx, &h, "eth_sendTransaction", map[string]any{"from": dev[0].Address, "to": poorAcct.Address, "value": "0x1"}); err != nil {
		t.Fatal(err)
	}
	ok := signed(t, c, &poorAcct, 0, 21000, common.Address{1}, big.NewInt(1))
	if err := ec.SendTransaction(ctx, ok); err != nil {
		t.Fatalf("sender's next transaction: %v", err)
	}
	if _, err := ec.TransactionReceipt(ctx, ok.Hash()); err != nil {
		t.Fatalf("sender's next transaction not mined: %v", err)
	}
}

// TestFullPoolStillMines: a pool full of transactions waiting behind nonce
// gaps refuses more waiting ones with a clear error, but still takes (and
// mines) a transaction that can run now, or the chain would be stuck until
// restarted.
func TestFullPoolStillMines(t *testing.T) {
	c := newTestChain(t)
	ctx := context.Background()
	ec := c.EthClient()
	dev := DevAccounts()
	// Fill the pool as 64 senders × 64 gapped transactions would.
	c.pool.mu.Lock()
	for i := 0; len(c.pool.all) < poolCapacity; i++ {
		k, _ := crypto.GenerateKey()
		from := crypto.PubkeyToAddress(k.PublicKey)
		tx, _ := types.SignNewTx(k, types.LatestSignerForChainID(c.chainID), &types.DynamicFeeTx{ChainID: c.chainID, Nonce: 1, GasTipCap: big.NewInt(1), GasFeeCap: big.NewInt(1e11), Gas: 21000, To: &common.Address{}})
		c.pool.seq++
		ptx := &pooledTx{tx: tx, from: from, seq: c.pool.seq}
		c.pool.all[tx.Hash()] = ptx
		c.pool.bySender[from] = map[uint64]*pooledTx{1: ptx}
	}
	c.pool.mu.Unlock()
	err := ec.SendTransaction(ctx, signed(t, c, &dev[0], 1, 21000, common.Address{2}, big.NewInt(1)))
	if err == nil || err.Error() != errPoolFull.Error() {
		t.Errorf("a gapped tx into a full pool: %v; want %v", err, errPoolFull)
	}
	tx := signed(t, c, &dev[0], 0, 21000, common.Address{2}, big.NewInt(1))
	if err := ec.SendTransaction(ctx, tx); err != nil {
		t.Fatalf("a runnable tx into a full pool: %v", err)
	}
	if _, err := ec.TransactionReceipt(ctx, tx.Hash()); err != nil {
		t.Fatal(err)
	}
}
