package chain_test

import (
	"context"
	"encoding/json"
	"math/big"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/obol-dev/obol/internal/chain"
)

// TestHeaderFieldsAndSystemContracts: every sealed header follows EIP-1559
// (base fee from the parent), has Cancun's and Prague's fields (no blobs,
// the empty requests hash, a beacon root, empty withdrawals), the EIP-2935
// history contract holds the parent's hash, and BLOCKHASH works in eth_call.
func TestHeaderFieldsAndSystemContracts(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	accts := chain.DevAccounts()
	for n := uint64(0); n < 4; n++ {
		if err := ec.SendTransaction(ctx, signTx(t, c, accts[0].Key, n, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)); err != nil {
			t.Fatal(err)
		}
		if err := c.Mine(); err != nil {
			t.Fatal(err)
		}
	}
	head, _ := ec.BlockNumber(ctx)
	cfg := params.AllDevChainProtocolChanges
	for n := uint64(1); n <= head; n++ {
		b, err := ec.BlockByNumber(ctx, new(big.Int).SetUint64(n))
		if err != nil {
			t.Fatal(err)
		}
		h := b.Header()
		parent, _ := ec.HeaderByNumber(ctx, new(big.Int).SetUint64(n-1))
		if want := eip1559.CalcBaseFee(cfg, parent); h.BaseFee.Cmp(want) != 0 {
			t.Errorf("block %d base fee %s, want %s", n, h.BaseFee, want)
		}
		if h.ExcessBlobGas == nil || *h.ExcessBlobGas != 0 || h.BlobGasUsed == nil || *h.BlobGasUsed != 0 {
			t.Errorf("block %d blob fields %v %v", n, h.ExcessBlobGas, h.BlobGasUsed)
		}
		if h.RequestsHash == nil || *h.RequestsHash != types.EmptyRequestsHash {
			t.Errorf("block %d requestsHash %v", n, h.RequestsHash)
		}
		if h.ParentBeaconRoot == nil {
			t.Errorf("block %d has no parentBeaconBlockRoot", n)
		}
		if h.WithdrawalsHash == nil || *h.WithdrawalsHash != types.EmptyWithdrawalsHash || len(b.Withdrawals()) != 0 {
			t.Errorf("block %d withdrawals %v %v", n, h.WithdrawalsHash, b.Withdrawals())
		}
		if h.Difficulty.Sign() != 0 || h.UncleHash != types.EmptyUncleHash {
			t.Errorf("block %d difficulty %s uncles %s", n, h.Difficulty, h.UncleHash)
		}
		// EIP-2935: the history contract stores block n-1's hash in slot (n-1) % 8191.
		slot := common.BigToHash(new(big.Int).SetUint64((n - 1) % 8191))
		got, err := ec.StorageAt(ctx, params.HistoryStorageAddress, slot, new(big.Int).SetUint64(n))
		if err != nil || common.BytesToHash(got) != parent.Hash() {
			t.Errorf("EIP-2935 slot of block %d at block %d = %x, %v; want %s", n-1, n, got, err, parent.Hash())
		}
	}
	// BLOCKHASH(head-1) from a creation call that returns it.
	want, _ := ec.HeaderByNumber(ctx, new(big.Int).SetUint64(head-1))
	code := append([]byte{0x60, byte(head - 1), 0x40, 0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3}, nil...)
	out, err := ec.CallContract(ctx, ethereum.CallMsg{Data: code}, nil)
	if err != nil || common.BytesToHash(out) != want.Hash() {
		t.Errorf("BLOCKHASH(%d) in eth_call = %x, %v; want %s", head-1, out, err, want.Hash())
	}
}

// TestRPCEdgeCases: the corners of eth_call, eth_estimateGas, eth_getLogs,
// eth_feeHistory, block tags and batches, against go-ethereum's behaviour.
func TestRPCEdgeCases(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	rc := c.RPCClient()
	accts := chain.DevAccounts()
	for n := uint64(0); n < 3; n++ {
		if err := ec.SendTransaction(ctx, signTx(t, c, accts[0].Key, n, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)); err != nil {
			t.Fatal(err)
		}
	}
	nobody := common.HexToAddress("0x00000000000000000000000000000000000b0b01")

	t.Run("eth_call from an empty account with a gas price", func(t *testing.T) {
		var out hexutil.Bytes
		err := rc.CallContext(ctx, &out, "eth_call", map[string]any{"from": nobody, "to": sinkAddr, "gasPrice": "0x3b9aca00"}, "latest")
		if err == nil || !strings.Contains(err.Error(), "insufficient funds") {
			t.Errorf("err = %v; want insufficient funds (go-ethereum charges a priced call)", err)
		}
		if err := rc.CallContext(ctx, &out, "eth_call", map[string]any{"from": nobody, "to": sinkAddr}, "latest"); err != nil {
			t.Errorf("free call from an empty account: %v", err)
		}
	})
	t.Run("estimateGas of a plain transfer is 21000", func(t *testing.T) {
		for _, args := range []map[string]any{
			{"from": accts[1].Address, "to": sinkAddr, "value": "0x1"},
			{"from": accts[1].Address, "to": nobody},
			{"from": accts[1].Address, "to": sinkAddr, "value": "0x1", "maxFeePerGas": "0x174876e800"},
		} {
			var gas hexutil.Uint64
			if err := rc.CallContext(ctx, &gas, "eth_estimateGas", args); err != nil || gas != 21000 {
				t.Errorf("estimate %v = %d, %v; want 21000", args, gas, err)
			}
		}
	})
	t.Run("estimateGas with value over the balance", func(t *testing.T) {
		var gas hexutil.Uint64
		for _, args := range []map[string]any{
			{"from": nobody, "to": sinkAddr, "value": "0x1"},
			{"from": nobody, "to": sinkAddr, "value": "0x1", "gasPrice": "0x1"},
		} {
			err := rc.CallContext(ctx, &gas, "eth_estimateGas", args)
			if err == nil || !strings.Contains(err.Error(), "insufficient funds") {
				t.Errorf("estimate %v: err = %v; want insufficient funds", args, err)
			}
		}
	})
	t.Run("eth_call at earliest and at a canonical hash", func(t *testing.T) {
		var bal hexutil.Big
		if err := rc.CallContext(ctx, &bal, "eth_getBalance", sinkAddr, "earliest"); err != nil || bal.ToInt().Sign() != 0 {
			t.Errorf("balance at earliest = %v, %v; want 0", bal.ToInt(), err)
		}
		h1, _ := ec.HeaderByNumber(ctx, big.NewInt(1))
		if err := rc.CallContext(ctx, &bal, "eth_getBalance", sinkAddr, map[string]any{"blockHash": h1.Hash(), "requireCanonical": true}); err != nil || bal.ToInt().Int64() != 1 {
			t.Errorf("balance at block 1 by hash = %v, %v; want 1", bal.ToInt(), err)
		}
		var out hexutil.Bytes
		if err := rc.CallContext(ctx, &out, "eth_call", map[string]any{"to": sinkAddr}, "earliest"); err != nil {
			t.Errorf("eth_call at earliest: %v", err)
		}
		if err := rc.CallContext(ctx, &out, "eth_call", map[string]any{"to": sinkAddr}, map[string]any{"blockHash": common.Hash{1}, "requireCanonical": true}); err == nil {
			t.Error("eth_call at an unknown hash succeeded")
		}
	})
	t.Run("eth_getLogs pending", func(t *testing.T) {
		var logs []types.Log
		err := rc.CallContext(ctx, &logs, "eth_getLogs", map[string]any{"fromBlock": "pending"})
		if err == nil || !strings.Contains(err.Error(), "pending logs are not supported") {
			t.Errorf("getLogs from pending: %v; want go-ethereum's refusal", err)
		}
	})
	t.Run("eth_feeHistory count 0", func(t *testing.T) {
		var fh map[string]any
		if err := rc.CallContext(ctx, &fh, "eth_feeHistory", "0x0", "latest", []float64{}); err != nil {
			t.Fatal(err)
		}
		if fh["oldestBlock"] != "0x0" {
			t.Errorf("feeHistory(0) = %v; want go-ethereum's oldestBlock 0x0", fh)
		}
	})
	t.Run("safe and finalized name the head", func(t *testing.T) {
		head, _ := ec.HeaderByNumber(ctx, nil)
		for _, tag := range []string{"safe", "finalized", "latest"} {
			var b map[string]any
			if err := rc.CallContext(ctx, &b, "eth_getBlockByNumber", tag, false); err != nil || b["hash"] != head.Hash().Hex() {
				t.Errorf("%s = %v, %v; want the head %s", tag, b["hash"], err, head.Hash())
			}
		}
	})
	t.Run("a batch of 100", func(t *testing.T) {
		batch := make([]rpc.BatchElem, 100)
		for i := range batch {
			batch[i] = rpc.BatchElem{Method: "eth_getBlockByNumber", Args: []any{hexutil.Uint64(i % 4), false}, Result: new(json.RawMessage)}
		}
		if err := rc.BatchCallContext(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for i, e := range batch {
			if e.Error != nil || len(*e.Result.(*json.RawMessage)) < 10 {
				t.Errorf("batch element %d: %v %s", i, e.Error, *e.Result.(*json.RawMessage))
			}
		}
	})
}

// TestLogCap: an eth_getLogs answer over 10,000 logs is refused, one
// within it is whole.
func TestLogCap(t *testing.T) {
	c := newChain(t, chain.Options{})
	ctx := context.Background()
	ec := c.EthClient()
	// Code that emits n LOG0s per call: calldata word 0 is n.
	// PUSH0 CALLDATALOAD (n) loop: JUMPDEST DUP1 ISZERO PUSH1 end JUMPI PUSH0 PUSH0 LOG0 PUSH1 1 SWAP1 SUB PUSH1 2 JUMP end: JUMPDEST STOP
	runtime := common.FromHex("0x5f355b80156012575f5fa0600190036002565b00")
	init := append(common.FromHex("0x60"+hexByte(len(runtime))+"600a5f3960"+hexByte(len(runtime))+"5ff3"), runtime...)
	a := chain.DevAccounts()[7]
	deploy, _ := types.SignNewTx(a.Key, types.LatestSignerForChainID(c.ChainID()), &types.DynamicFeeTx{ChainID: c.ChainID(), GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e11), Gas: 200000, Data: init})
	if err := ec.SendTransaction(ctx, deploy); err != nil {
		t.Fatal(err)
	}
	r, err := ec.TransactionReceipt(ctx, deploy.Hash())
	if err != nil || r.Status != 1 {
		t.Fatalf("deploy: %v %v", r, err)
	}
	emitter := r.ContractAddress
	if code, _ := ec.CodeAt(ctx, emitter, nil); len(code) != len(runtime) {
		t.Fatalf("emitter code %x", code)
	}
	if g, err := ec.EstimateGas(ctx, ethereum.CallMsg{From: a.Address, To: &emitter, Data: common.BigToHash(big.NewInt(3)).Bytes()}); err != nil {
		t.Fatalf("estimate emit 3: %d %v", g, err)
	}
	for i, n := range []int64{5000, 5000} {
		tx := signTx(t, c, a.Key, uint64(i+1), big.NewInt(1e9), big.NewInt(1e11), 5_000_000, &emitter, nil, common.BigToHash(big.NewInt(n)).Bytes())
		if err := ec.SendTransaction(ctx, tx); err != nil {
			t.Fatal(err)
		}
		if r, err := ec.TransactionReceipt(ctx, tx.Hash()); err != nil || r.Status != 1 || len(r.Logs) != int(n) {
			t.Fatalf("emit: %+v, %v", r, err)
		}
	}
	logs, err := ec.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{emitter}})
	if err != nil || len(logs) != 10000 {
		t.Fatalf("10,000 logs: got %d, %v", len(logs), err)
	}
	tx := signTx(t, c, a.Key, 3, big.NewInt(1e9), big.NewInt(1e11), 100_000, &emitter, nil, common.BigToHash(big.NewInt(1)).Bytes())
	if err := ec.SendTransaction(ctx, tx); err != nil {
		t.Fatal(err)
	}
	_, err = ec.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), Addresses: []common.Address{emitter}})
	if err == nil || !strings.Contains(err.Error(), "more than 10000 results") {
		t.Fatalf("10,001 logs: err = %v; want the cap", err)
	}
}

func hexByte(n int) string { return hexutil.Encode([]byte{byte(n)})[2:] }

var _ = sync.Mutex{}
var _ = crypto.Keccak256
