package chain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
	"github.com/ethereum/go-ethereum/consensus/misc/eip4844"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/trie"
)

// defaultTip is the priority fee the chain suggests and eth_sendTransaction
// pays: the producer takes any tip, so this only has to look like a real
// network's.
var defaultTip = big.NewInt(1e9)

// errHeaderNotFound is what state queries at a block that does not exist
// answer (go-ethereum's wording).
var errHeaderNotFound = errors.New("header not found")

func latest() rpc.BlockNumberOrHash { return rpc.BlockNumberOrHashWithNumber(rpc.LatestBlockNumber) }

// header resolves a block number or tag; nil when there is no such block.
// Every tag but "earliest" names the head: blocks are final when sealed
// and nothing is ever pending between rounds.
func (c *Chain) header(bn rpc.BlockNumberOrHash) (*types.Header, error) {
	if h, ok := bn.Hash(); ok {
		header := c.bc.GetHeaderByHash(h)
		if header == nil {
			return nil, nil
		}
		if bn.RequireCanonical && c.bc.GetCanonicalHash(header.Number.Uint64()) != h {
			return nil, fmt.Errorf("hash %s is not currently canonical", h.Hex())
		}
		return header, nil
	}
	n, _ := bn.Number()
	switch {
	case n == rpc.EarliestBlockNumber:
		return c.bc.GetHeaderByNumber(0), nil
	case n < 0:
		return c.bc.CurrentBlock(), nil
	}
	return c.bc.GetHeaderByNumber(uint64(n)), nil
}

// stateAt is the state after block bn.
func (c *Chain) stateAt(bn rpc.BlockNumberOrHash) (*state.StateDB, *types.Header, error) {
	h, err := c.header(bn)
	if err != nil {
		return nil, nil, err
	}
	if h == nil {
		return nil, nil, errHeaderNotFound
	}
	st, err := c.bc.StateAt(h.Root, h.Number, h.Time)
	if err != nil {
		return nil, nil, fmt.Errorf("state of block %d: %w", h.Number, err)
	}
	return st, h, nil
}

func (c *Chain) signer() types.Signer { return types.LatestSigner(c.config) }

// ethAPI is the eth namespace.
type ethAPI struct{ c *Chain }

// ChainId returns the chain id (EIP-695).
func (a *ethAPI) ChainId() *hexutil.Big { return (*hexutil.Big)(a.c.ChainID()) }

// BlockNumber returns the head block's number.
func (a *ethAPI) BlockNumber() hexutil.Uint64 {
	return hexutil.Uint64(a.c.bc.CurrentBlock().Number.Uint64())
}

// Syncing is always false: the dev chain is its only producer.
func (a *ethAPI) Syncing() bool { return false }

// Accounts lists the dev accounts, which eth_sendTransaction signs for.
func (a *ethAPI) Accounts() []common.Address {
	return append([]common.Address(nil), a.c.devAddrs...)
}

// GasPrice suggests a legacy gas price: the next base fee plus the tip.
func (a *ethAPI) GasPrice() *hexutil.Big {
	next := eip1559.CalcBaseFee(a.c.config, a.c.bc.CurrentBlock())
	return (*hexutil.Big)(next.Add(next, defaultTip))
}

// MaxPriorityFeePerGas suggests a tip.
func (a *ethAPI) MaxPriorityFeePerGas() *hexutil.Big {
	return (*hexutil.Big)(new(big.Int).Set(defaultTip))
}

// BlobBaseFee returns the blob base fee of the next block.
func (a *ethAPI) BlobBaseFee() *hexutil.Big {
	head := a.c.bc.CurrentBlock()
	next := &types.Header{Number: new(big.Int).Add(head.Number, common.Big1), Time: a.c.nextTime()}
	excess := eip4844.CalcExcessBlobGas(a.c.config, head, next.Time)
	next.ExcessBlobGas = &excess
	return (*hexutil.Big)(eip4844.CalcBlobFee(a.c.config, next))
}

// GetBalance returns the wei balance of addr after block bn.
func (a *ethAPI) GetBalance(addr common.Address, bn rpc.BlockNumberOrHash) (*hexutil.Big, error) {
	st, _, err := a.c.stateAt(bn)
	if err != nil {
		return nil, err
	}
	return (*hexutil.Big)(st.GetBalance(addr).ToBig()), nil
}

// GetTransactionCount returns addr's nonce; "pending" counts the pool.
func (a *ethAPI) GetTransactionCount(addr common.Address, bn rpc.BlockNumberOrHash) (*hexutil.Uint64, error) {
	st, _, err := a.c.stateAt(bn)
	if err != nil {
		return nil, err
	}
	n := st.GetNonce(addr)
	if num, ok := bn.Number(); ok && num == rpc.PendingBlockNumber {
		n = a.c.pool.nonce(addr, st)
	}
	return (*hexutil.Uint64)(&n), nil
}

// GetCode returns the code at addr after block bn.
func (a *ethAPI) GetCode(addr common.Address, bn rpc.BlockNumberOrHash) (hexutil.Bytes, error) {
	st, _, err := a.c.stateAt(bn)
	if err != nil {
		return nil, err
	}
	return st.GetCode(addr), nil
}

// GetStorageAt returns one storage slot of addr after block bn.
func (a *ethAPI) GetStorageAt(addr common.Address, slot string, bn rpc.BlockNumberOrHash) (hexutil.Bytes, error) {
	key, err := decodeSlot(slot)
	if err != nil {
		return nil, fmt.Errorf("unable to decode storage key: %w", err)
	}
	st, _, err := a.c.stateAt(bn)
	if err != nil {
		return nil, err
	}
	v := st.GetState(addr, key)
	return v[:], nil
}

// decodeSlot reads a storage key: 0x-hex of at most 32 bytes.
func decodeSlot(s string) (common.Hash, error) {
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		s = s[2:]
	}
	if len(s)%2 == 1 {
		s = "0" + s
	}
	b, err := hexutil.Decode("0x" + s)
	if err != nil && s != "" {
		return common.Hash{}, err
	}
	if len(b) > 32 {
		return common.Hash{}, errors.New("hex string too long, want at most 32 bytes")
	}
	return common.BytesToHash(b), nil
}

// GetBlockByNumber returns a block, or null when there is none.
func (a *ethAPI) GetBlockByNumber(n rpc.BlockNumber, full bool) (map[string]any, error) {
	return a.block(rpc.BlockNumberOrHashWithNumber(n), full)
}

// GetBlockByHash returns a block, or null when there is none.
func (a *ethAPI) GetBlockByHash(h common.Hash, full bool) (map[string]any, error) {
	return a.block(rpc.BlockNumberOrHashWithHash(h, false), full)
}

func (a *ethAPI) block(bn rpc.BlockNumberOrHash, full bool) (map[string]any, error) {
	if n, ok := bn.Number(); ok && n == rpc.PendingBlockNumber {
		return a.c.pendingBlock(), nil
	}
	b, err := a.c.blockAt(bn)
	if b == nil || err != nil {
		return nil, err
	}
	return marshalBlock(a.c.signer(), b, full), nil
}

// pendingBlock previews the block the producer would seal next: on top of
// the head, with the next timestamp and base fee and, since every send is
// mined at once, no transactions. Like any client's pending block it has
// no hash, nonce or miner yet.
func (c *Chain) pendingBlock() map[string]any {
	head := c.bc.CurrentBlock()
	h := c.nextHeader(head, c.nextTime())
	h.Root, h.Difficulty, h.ParentBeaconRoot = head.Root, new(big.Int), nil
	if c.config.IsPrague(h.Number, h.Time) {
		h.RequestsHash = &types.EmptyRequestsHash
	}
	b := types.NewBlock(h, &types.Body{Withdrawals: []*types.Withdrawal{}}, nil, trie.NewStackTrie(nil))
	m := marshalBlock(c.signer(), b, false)
	m["hash"], m["nonce"], m["miner"] = nil, nil, nil
	return m
}

// blockAt resolves bn to a whole block; nil when there is none.
func (c *Chain) blockAt(bn rpc.BlockNumberOrHash) (*types.Block, error) {
	h, err := c.header(bn)
	if h == nil || err != nil {
		return nil, err
	}
	return c.bc.GetBlock(h.Hash(), h.Number.Uint64()), nil
}

// GetBlockTransactionCountByNumber returns how many transactions a block has.
func (a *ethAPI) GetBlockTransactionCountByNumber(n rpc.BlockNumber) (*hexutil.Uint, error) {
	return a.txCount(rpc.BlockNumberOrHashWithNumber(n))
}

// GetBlockTransactionCountByHash returns how many transactions a block has.
func (a *ethAPI) GetBlockTransactionCountByHash(h common.Hash) (*hexutil.Uint, error) {
	return a.txCount(rpc.BlockNumberOrHashWithHash(h, false))
}

func (a *ethAPI) txCount(bn rpc.BlockNumberOrHash) (*hexutil.Uint, error) {
	b, err := a.c.blockAt(bn)
	if b == nil || err != nil {
		return nil, err
	}
	n := hexutil.Uint(len(b.Transactions()))
	return &n, nil
}

// GetTransactionByHash returns a mined or pooled transaction, or null.
func (a *ethAPI) GetTransactionByHash(h common.Hash) *rpcTx {
	if lookup, tx := a.c.bc.GetCanonicalTransaction(h); tx != nil {
		header := a.c.bc.GetHeaderByHash(lookup.BlockHash)
		return newRPCTx(a.c.signer(), tx, header, lookup.Index)
	}
	if tx, ok := a.c.pool.get(h); ok {
		return newRPCTx(a.c.signer(), tx, nil, 0)
	}
	return nil
}

// GetTransactionByBlockNumberAndIndex returns a block's index-th transaction, or null.
func (a *ethAPI) GetTransactionByBlockNumberAndIndex(n rpc.BlockNumber, index hexutil.Uint) (*rpcTx, error) {
	return a.txAt(rpc.BlockNumberOrHashWithNumber(n), index)
}

// GetTransactionByBlockHashAndIndex returns a block's index-th transaction, or null.
func (a *ethAPI) GetTransactionByBlockHashAndIndex(h common.Hash, index hexutil.Uint) (*rpcTx, error) {
	return a.txAt(rpc.BlockNumberOrHashWithHash(h, false), index)
}

func (a *ethAPI) txAt(bn rpc.BlockNumberOrHash, index hexutil.Uint) (*rpcTx, error) {
	b, err := a.c.blockAt(bn)
	if b == nil || err != nil || int(index) >= len(b.Transactions()) {
		return nil, err
	}
	return newRPCTx(a.c.signer(), b.Transactions()[index], b.Header(), uint64(index)), nil
}

// GetTransactionReceipt returns a mined transaction's receipt, or null.
func (a *ethAPI) GetTransactionReceipt(h common.Hash) (map[string]any, error) {
	lookup, tx := a.c.bc.GetCanonicalTransaction(h)
	if tx == nil {
		return nil, nil
	}
	receipts := a.c.bc.GetReceiptsByHash(lookup.BlockHash)
	if int(lookup.Index) >= len(receipts) {
		return nil, fmt.Errorf("receipts of block %s not found", lookup.BlockHash.Hex())
	}
	return marshalReceipt(a.c.signer(), receipts[lookup.Index], tx), nil
}

// GetBlockReceipts returns every receipt of a block, or null.
func (a *ethAPI) GetBlockReceipts(bn rpc.BlockNumberOrHash) ([]map[string]any, error) {
	b, err := a.c.blockAt(bn)
	if b == nil || err != nil {
		return nil, err
	}
	receipts := a.c.bc.GetReceiptsByHash(b.Hash())
	txs := b.Transactions()
	if len(receipts) != len(txs) {
		return nil, fmt.Errorf("receipts of block %s not found", b.Hash().Hex())
	}
	out := make([]map[string]any, len(txs))
	for i, tx := range txs {
		out[i] = marshalReceipt(a.c.signer(), receipts[i], tx)
	}
	return out, nil
}

// errOverrides: state and block overrides change what a call sees; the dev
// chain refuses them rather than ignore them.
var errOverrides = errors.New("state and block overrides are not supported by the obol dev chain")

func checkNoOverrides(overrides []json.RawMessage) error {
	for _, o := range overrides {
		if len(o) > 0 && string(o) != "null" && string(o) != "{}" {
			return errOverrides
		}
	}
	return nil
}

// Call executes a message on the state of a block (default latest)
// without creating a transaction.
func (a *ethAPI) Call(ctx context.Context, args txArgs, bn *rpc.BlockNumberOrHash, stateOverrides, blockOverrides *json.RawMessage) (hexutil.Bytes, error) {
	if err := checkNoOverrides(deref(stateOverrides, blockOverrides)); err != nil {
		return nil, err
	}
	return a.c.call(ctx, args, orLatest(bn))
}

// EstimateGas returns the least gas that makes the message succeed.
func (a *ethAPI) EstimateGas(ctx context.Context, args txArgs, bn *rpc.BlockNumberOrHash, stateOverrides, blockOverrides *json.RawMessage) (hexutil.Uint64, error) {
	if err := checkNoOverrides(deref(stateOverrides, blockOverrides)); err != nil {
		return 0, err
	}
	return a.c.estimateGas(ctx, args, orLatest(bn))
}

func deref(ps ...*json.RawMessage) []json.RawMessage {
	var out []json.RawMessage
	for _, p := range ps {
		if p != nil {
			out = append(out, *p)
		}
	}
	return out
}

func orLatest(bn *rpc.BlockNumberOrHash) rpc.BlockNumberOrHash {
	if bn == nil {
		return latest()
	}
	return *bn
}

// SendRawTransaction adds a signed transaction to the pool and returns
// once the block containing it is on chain.
func (a *ethAPI) SendRawTransaction(ctx context.Context, input hexutil.Bytes) (common.Hash, error) {
	return a.c.sendRaw(ctx, input)
}

// SendTransaction signs with a dev account's key and sends like
// SendRawTransaction.
func (a *ethAPI) SendTransaction(ctx context.Context, args txArgs) (common.Hash, error) {
	if args.From == nil {
		return common.Hash{}, fmt.Errorf("eth_sendTransaction: missing from")
	}
	key, ok := a.c.accounts[*args.From]
	if !ok {
		return common.Hash{}, fmt.Errorf("eth_sendTransaction: %s is not a dev account: sign the transaction yourself and use eth_sendRawTransaction", args.From.Hex())
	}
	return a.c.signAndSend(ctx, key, args)
}

// maxFeeHistory bounds eth_feeHistory's block count.
const maxFeeHistory = 1024

// feeHistory is eth_feeHistory's answer.
type feeHistory struct {
	OldestBlock      *hexutil.Big     `json:"oldestBlock"`
	Reward           [][]*hexutil.Big `json:"reward,omitempty"`
	BaseFee          []*hexutil.Big   `json:"baseFeePerGas,omitempty"`
	GasUsedRatio     []float64        `json:"gasUsedRatio"`
	BlobBaseFee      []*hexutil.Big   `json:"baseFeePerBlobGas,omitempty"`
	BlobGasUsedRatio []float64        `json:"blobGasUsedRatio,omitempty"`
}

// FeeHistory reports base fees, gas use and tip percentiles of the count
// blocks up to last, plus the base fee of the block after them.
func (a *ethAPI) FeeHistory(count math.HexOrDecimal64, last rpc.BlockNumber, percentiles []float64) (*feeHistory, error) {
	for i, p := range percentiles {
		if p < 0 || p > 100 || (i > 0 && p < percentiles[i-1]) {
			return nil, fmt.Errorf("invalid reward percentile: %v (percentiles must be ascending, between 0 and 100)", p)
		}
	}
	end, err := a.c.header(rpc.BlockNumberOrHashWithNumber(last))
	if err != nil {
		return nil, err
	}
	if end == nil {
		return nil, fmt.Errorf("block %d not found", last)
	}
	n := min(uint64(count), maxFeeHistory, end.Number.Uint64()+1)
	if n == 0 { // go-ethereum's answer: no blocks, oldest 0
		return &feeHistory{OldestBlock: (*hexutil.Big)(new(big.Int)), GasUsedRatio: []float64{}}, nil
	}
	first := end.Number.Uint64() + 1 - n
	out := &feeHistory{OldestBlock: (*hexutil.Big)(new(big.Int).SetUint64(first)), GasUsedRatio: []float64{}}
	for i := first; i <= end.Number.Uint64() && n > 0; i++ {
		b := a.c.bc.GetBlockByNumber(i)
		h := b.Header()
		out.BaseFee = append(out.BaseFee, (*hexutil.Big)(h.BaseFee))
		out.GasUsedRatio = append(out.GasUsedRatio, float64(h.GasUsed)/float64(h.GasLimit))
		if h.ExcessBlobGas != nil {
			out.BlobBaseFee = append(out.BlobBaseFee, (*hexutil.Big)(eip4844.CalcBlobFee(a.c.config, h)))
			maxBlob := eip4844.MaxBlobGasPerBlock(a.c.config, h.Time)
			out.BlobGasUsedRatio = append(out.BlobGasUsedRatio, float64(*h.BlobGasUsed)/float64(maxBlob))
		}
		if len(percentiles) > 0 {
			out.Reward = append(out.Reward, a.rewards(b, percentiles))
		}
	}
	if n > 0 {
		out.BaseFee = append(out.BaseFee, (*hexutil.Big)(eip1559.CalcBaseFee(a.c.config, end)))
		if end.ExcessBlobGas != nil {
			out.BlobBaseFee = append(out.BlobBaseFee, a.BlobBaseFee())
		}
	}
	return out, nil
}

// rewards are the tips paid at the given percentiles of a block's gas,
// each transaction weighted by the gas it used; zero for an empty block.
func (a *ethAPI) rewards(b *types.Block, percentiles []float64) []*hexutil.Big {
	out := make([]*hexutil.Big, len(percentiles))
	txs := b.Transactions()
	if len(txs) == 0 {
		for i := range out {
			out[i] = (*hexutil.Big)(new(big.Int))
		}
		return out
	}
	receipts := a.c.bc.GetReceiptsByHash(b.Hash())
	type paid struct {
		tip *big.Int
		gas uint64
	}
	sorted := make([]paid, len(txs))
	for i, tx := range txs {
		tip, _ := tx.EffectiveGasTip(b.BaseFee())
		gas := uint64(0)
		if i < len(receipts) {
			gas = receipts[i].GasUsed
		}
		sorted[i] = paid{tip: tip, gas: gas}
	}
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].tip.Cmp(sorted[j].tip) < 0 })
	var sum uint64
	idx := 0
	for i, p := range percentiles {
		threshold := uint64(float64(b.GasUsed()) * p / 100)
		for sum < threshold && idx < len(sorted)-1 {
			sum += sorted[idx].gas
			idx++
		}
		out[i] = (*hexutil.Big)(sorted[idx].tip)
	}
	return out
}

// netAPI is the net namespace.
type netAPI struct{ c *Chain }

// Version returns the network id, which is the chain id.
func (n netAPI) Version() string { return n.c.chainID.String() }

// Listening is true: the chain serves JSON-RPC.
func (netAPI) Listening() bool { return true }

// PeerCount is zero: a dev chain has no peers.
func (netAPI) PeerCount() hexutil.Uint { return 0 }

// txpoolAPI is the txpool namespace.
type txpoolAPI struct{ c *Chain }

// Status counts the pooled transactions: pending can run now, queued wait
// behind a nonce gap.
func (t txpoolAPI) Status() (map[string]hexutil.Uint, error) {
	p, err := t.content()
	if err != nil {
		return nil, err
	}
	count := func(m map[common.Address][]*types.Transaction) (n hexutil.Uint) {
		for _, txs := range m {
			n += hexutil.Uint(len(txs))
		}
		return n
	}
	return map[string]hexutil.Uint{"pending": count(p.pending), "queued": count(p.queued)}, nil
}

// Content lists the pooled transactions by sender and nonce.
func (t txpoolAPI) Content() (map[string]map[string]map[string]*rpcTx, error) {
	p, err := t.content()
	if err != nil {
		return nil, err
	}
	signer := t.c.signer()
	group := func(m map[common.Address][]*types.Transaction) map[string]map[string]*rpcTx {
		out := map[string]map[string]*rpcTx{}
		for a, txs := range m {
			byNonce := map[string]*rpcTx{}
			for _, tx := range txs {
				byNonce[fmt.Sprint(tx.Nonce())] = newRPCTx(signer, tx, nil, 0)
			}
			out[a.Hex()] = byNonce
		}
		return out
	}
	return map[string]map[string]map[string]*rpcTx{"pending": group(p.pending), "queued": group(p.queued)}, nil
}

func (t txpoolAPI) content() (poolContent, error) {
	st, err := t.c.bc.State()
	if err != nil {
		return poolContent{}, err
	}
	return t.c.pool.content(st), nil
}
