package chain_test

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/obol-dev/obol/internal/chain"
)

// TestPoolReplacementAndGap: a transaction behind a nonce gap waits in the
// pool; replacing it needs both fee caps raised by 10%; filling the gap
// mines the replacement, never the one it replaced.
func TestPoolReplacementAndGap(t *testing.T) {
	c := newChain(t, chain.Options{})
	ec := c.EthClient()
	ctx := context.Background()
	acct := chain.DevAccounts()[3]
	sink := common.HexToAddress("0x000000000000000000000000000000000000dEaD")
	sign := func(nonce uint64, tip, feeCap int64) *types.Transaction {
		tx, err := types.SignNewTx(acct.Key, types.LatestSignerForChainID(c.ChainID()), &types.DynamicFeeTx{
			ChainID: c.ChainID(), Nonce: nonce, GasTipCap: big.NewInt(tip), GasFeeCap: big.NewInt(feeCap), Gas: 21000, To: &sink, Value: big.NewInt(1),
		})
		if err != nil {
			t.Fatal(err)
		}
		return tx
	}
	gapped := sign(1, 1e9, 1e11)
	if err := ec.SendTransaction(ctx, gapped); err != nil {
		t.Fatalf("send behind a gap: %v", err)
	}
	if err := ec.SendTransaction(ctx, sign(1, 1.05e9, 1.05e11)); err == nil || !strings.Contains(err.Error(), "replacement transaction underpriced") {
		t.Fatalf("5%% bump: err = %v, want replacement transaction underpriced", err)
	}
	replacement := sign(1, 1.2e9, 1.2e11)
	if err := ec.SendTransaction(ctx, replacement); err != nil {
		t.Fatalf("20%% bump: %v", err)
	}
	if _, pending, err := ec.TransactionByHash(ctx, replacement.Hash()); err != nil || !pending {
		t.Fatalf("replacement: pending = %v, err = %v; want it pooled", pending, err)
	}
	if _, _, err := ec.TransactionByHash(ctx, gapped.Hash()); err == nil {
		t.Fatal("the replaced transaction is still known")
	}
	if n, err := ec.PendingNonceAt(ctx, acct.Address); err != nil || n != 0 {
		t.Fatalf("pending nonce = %d, %v; want 0 (nonce 1 waits behind the gap)", n, err)
	}
	if err := ec.SendTransaction(ctx, sign(0, 1e9, 1e11)); err != nil {
		t.Fatalf("fill the gap: %v", err)
	}
	r, err := ec.TransactionReceipt(ctx, replacement.Hash())
	if err != nil || r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("replacement receipt = %+v, %v; want mined", r, err)
	}
	if n, err := ec.NonceAt(ctx, acct.Address, nil); err != nil || n != 2 {
		t.Fatalf("nonce after the gap is filled = %d, %v; want 2", n, err)
	}
}

// TestPoolRefusesBlobTransactions: the dev chain keeps no blob sidecars,
// so type-3 transactions are refused at the door with go-ethereum's
// reason, not accepted and never mined.
func TestPoolRefusesBlobTransactions(t *testing.T) {
	c := newChain(t, chain.Options{})
	acct := chain.DevAccounts()[4]
	tx, err := types.SignNewTx(acct.Key, types.LatestSignerForChainID(c.ChainID()), &types.BlobTx{
		ChainID: uint256.MustFromBig(c.ChainID()), GasTipCap: uint256.NewInt(1e9), GasFeeCap: uint256.NewInt(1e11), Gas: 21000,
		BlobFeeCap: uint256.NewInt(1e9), BlobHashes: []common.Hash{{0x01}}, // a versioned hash; the type is refused before it matters
	})
	if err != nil {
		t.Fatal(err)
	}
	err = c.EthClient().SendTransaction(context.Background(), tx)
	if err == nil || !strings.Contains(err.Error(), "not supported") {
		t.Fatalf("blob transaction: err = %v, want a refusal naming the type as not supported", err)
	}
}
