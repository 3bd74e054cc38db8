package chain

import (
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
)

// The JSON shapes below are Ethereum's execution API (the same fields and
// encodings as go-ethereum and the other clients), which viem, ethers and
// ethclient decode.

// marshalHeader is a block header as eth_getBlockBy* reports it.
func marshalHeader(h *types.Header) map[string]any {
	m := map[string]any{
		"number":           (*hexutil.Big)(h.Number),
		"hash":             h.Hash(),
		"parentHash":       h.ParentHash,
		"nonce":            h.Nonce,
		"mixHash":          h.MixDigest,
		"sha3Uncles":       h.UncleHash,
		"logsBloom":        h.Bloom,
		"stateRoot":        h.Root,
		"miner":            h.Coinbase,
		"difficulty":       (*hexutil.Big)(h.Difficulty),
		"extraData":        hexutil.Bytes(h.Extra),
		"gasLimit":         hexutil.Uint64(h.GasLimit),
		"gasUsed":          hexutil.Uint64(h.GasUsed),
		"timestamp":        hexutil.Uint64(h.Time),
		"transactionsRoot": h.TxHash,
		"receiptsRoot":     h.ReceiptHash,
	}
	if h.BaseFee != nil {
		m["baseFeePerGas"] = (*hexutil.Big)(h.BaseFee)
	}
	if h.WithdrawalsHash != nil {
		m["withdrawalsRoot"] = h.WithdrawalsHash
	}
	if h.BlobGasUsed != nil {
		m["blobGasUsed"] = hexutil.Uint64(*h.BlobGasUsed)
	}
	if h.ExcessBlobGas != nil {
		m["excessBlobGas"] = hexutil.Uint64(*h.ExcessBlobGas)
	}
	if h.ParentBeaconRoot != nil {
		m["parentBeaconBlockRoot"] = h.ParentBeaconRoot
	}
	if h.RequestsHash != nil {
		m["requestsHash"] = h.RequestsHash
	}
	return m
}

// marshalBlock adds the body: transaction hashes, or whole transactions
// when full is set.
func marshalBlock(signer types.Signer, b *types.Block, full bool) map[string]any {
	m := marshalHeader(b.Header())
	m["size"] = hexutil.Uint64(b.Size())
	txs := make([]any, len(b.Transactions()))
	for i, tx := range b.Transactions() {
		if full {
			txs[i] = newRPCTx(signer, tx, b.Header(), uint64(i))
		} else {
			txs[i] = tx.Hash()
		}
	}
	m["transactions"] = txs
	m["uncles"] = []common.Hash{}
	if b.Withdrawals() != nil {
		m["withdrawals"] = b.Withdrawals()
	}
	return m
}

// rpcTx is a transaction as eth_getTransactionBy* reports it.
type rpcTx struct {
	BlockHash         *common.Hash                 `json:"blockHash"`
	BlockNumber       *hexutil.Big                 `json:"blockNumber"`
	BlockTimestamp    *hexutil.Uint64              `json:"blockTimestamp"`
	From              common.Address               `json:"from"`
	Gas               hexutil.Uint64               `json:"gas"`
	GasPrice          *hexutil.Big                 `json:"gasPrice"`
	GasFeeCap         *hexutil.Big                 `json:"maxFeePerGas,omitempty"`
	GasTipCap         *hexutil.Big                 `json:"maxPriorityFeePerGas,omitempty"`
	Hash              common.Hash                  `json:"hash"`
	Input             hexutil.Bytes                `json:"input"`
	Nonce             hexutil.Uint64               `json:"nonce"`
	To                *common.Address              `json:"to"`
	TransactionIndex  *hexutil.Uint64              `json:"transactionIndex"`
	Value             *hexutil.Big                 `json:"value"`
	Type              hexutil.Uint64               `json:"type"`
	Accesses          *types.AccessList            `json:"accessList,omitempty"`
	ChainID           *hexutil.Big                 `json:"chainId,omitempty"`
	AuthorizationList []types.SetCodeAuthorization `json:"authorizationList,omitempty"`
	V                 *hexutil.Big                 `json:"v"`
	R                 *hexutil.Big                 `json:"r"`
	S                 *hexutil.Big                 `json:"s"`
	YParity           *hexutil.Uint64              `json:"yParity,omitempty"`
}

// newRPCTx describes tx; block is nil for a pooled transaction. A mined
// fee-market transaction's gasPrice is what it paid per gas.
func newRPCTx(signer types.Signer, tx *types.Transaction, block *types.Header, index uint64) *rpcTx {
	from, _ := types.Sender(signer, tx)
	v, r, s := tx.RawSignatureValues()
	out := &rpcTx{
		Type: hexutil.Uint64(tx.Type()), From: from, Gas: hexutil.Uint64(tx.Gas()),
		GasPrice: (*hexutil.Big)(tx.GasPrice()), Hash: tx.Hash(), Input: tx.Data(),
		Nonce: hexutil.Uint64(tx.Nonce()), To: tx.To(), Value: (*hexutil.Big)(tx.Value()),
		V: (*hexutil.Big)(v), R: (*hexutil.Big)(r), S: (*hexutil.Big)(s),
	}
	if block != nil {
		hash, ts := block.Hash(), hexutil.Uint64(block.Time)
		idx := hexutil.Uint64(index)
		out.BlockHash, out.BlockNumber, out.BlockTimestamp, out.TransactionIndex = &hash, (*hexutil.Big)(block.Number), &ts, &idx
	}
	if tx.Type() == types.LegacyTxType {
		if id := tx.ChainId(); id.Sign() != 0 {
			out.ChainID = (*hexutil.Big)(id)
		}
		return out
	}
	al := tx.AccessList()
	parity := hexutil.Uint64(v.Sign())
	out.Accesses, out.ChainID, out.YParity = &al, (*hexutil.Big)(tx.ChainId()), &parity
	if tx.Type() == types.AccessListTxType {
		return out
	}
	out.GasFeeCap, out.GasTipCap = (*hexutil.Big)(tx.GasFeeCap()), (*hexutil.Big)(tx.GasTipCap())
	out.GasPrice = (*hexutil.Big)(tx.GasFeeCap())
	if block != nil && block.BaseFee != nil {
		out.GasPrice = (*hexutil.Big)(effectivePrice(tx, block.BaseFee))
	}
	out.AuthorizationList = tx.SetCodeAuthorizations()
	return out
}

// effectivePrice is min(baseFee + tip, feeCap).
func effectivePrice(tx *types.Transaction, baseFee *big.Int) *big.Int {
	p := new(big.Int).Add(tx.GasTipCap(), baseFee)
	if p.Cmp(tx.GasFeeCap()) > 0 {
		return new(big.Int).Set(tx.GasFeeCap())
	}
	return p
}

// marshalReceipt is a receipt as eth_getTransactionReceipt reports it.
func marshalReceipt(signer types.Signer, r *types.Receipt, tx *types.Transaction) map[string]any {
	from, _ := types.Sender(signer, tx)
	m := map[string]any{
		"blockHash":         r.BlockHash,
		"blockNumber":       (*hexutil.Big)(r.BlockNumber),
		"transactionHash":   tx.Hash(),
		"transactionIndex":  hexutil.Uint64(r.TransactionIndex),
		"from":              from,
		"to":                tx.To(),
		"gasUsed":           hexutil.Uint64(r.GasUsed),
		"cumulativeGasUsed": hexutil.Uint64(r.CumulativeGasUsed),
		"contractAddress":   nil,
		"logs":              r.Logs,
		"logsBloom":         r.Bloom,
		"type":              hexutil.Uint(tx.Type()),
		"effectiveGasPrice": (*hexutil.Big)(r.EffectiveGasPrice),
		"status":            hexutil.Uint(r.Status),
	}
	if r.Logs == nil {
		m["logs"] = []*types.Log{}
	}
	if r.ContractAddress != (common.Address{}) {
		m["contractAddress"] = r.ContractAddress
	}
	return m
}
