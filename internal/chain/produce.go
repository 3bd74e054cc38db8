package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/consensus/misc/eip1559"
	"github.com/ethereum/go-ethereum/consensus/misc/eip4844"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/core/vm"
	"github.com/ethereum/go-ethereum/crypto"
)

// devGasLimit is every block's gas limit (go-ethereum's default gas ceil).
const devGasLimit = 60_000_000

// produce builds one block on the head stamped ts, with as many of the
// pool's executable transactions as fit (best tip first, arrival order
// between equal tips), and inserts it. It does what a proof-of-stake
// block builder does: header from the parent, the fork's system calls
// before and after the transactions, then the chain's own validation,
// which executes the block again before it becomes the head.
func (c *Chain) produce(ctx context.Context, ts uint64) (*types.Block, error) {
	parent := c.bc.CurrentBlock()
	header := c.nextHeader(parent, ts)
	if err := c.engine.Prepare(c.bc, header); err != nil {
		return nil, fmt.Errorf("prepare block %d: %w", header.Number, err)
	}
	st, err := c.bc.StateAtForkBoundary(parent, header)
	if err != nil {
		return nil, fmt.Errorf("state of block %d: %w", parent.Number, err)
	}
	evm := vm.NewEVM(core.NewEVMBlockContext(header, c.bc, &header.Coinbase), st, c.config, vm.Config{})
	defer evm.Release()
	core.PreExecution(ctx, header.ParentBeaconRoot, parent, c.config, evm, header.Number, header.Time)

	gp := core.NewGasPool(header.GasLimit)
	txs, receipts, dropped := c.fill(ctx, evm, st, gp, header)
	header.GasUsed = gp.Used()
	var logs []*types.Log
	for _, r := range receipts {
		logs = append(logs, r.Logs...)
	}
	withdrawals := make([]*types.Withdrawal, 0)
	requests, _, err := core.PostExecution(ctx, c.config, header.Number, header.Time, logs, withdrawals, evm, uint32(len(txs)+1))
	if err != nil {
		return nil, fmt.Errorf("block %d system calls: %w", header.Number, err)
	}
	if requests != nil {
		h := types.CalcRequestsHash(requests)
		header.RequestsHash = &h
	}
	body := &types.Body{Transactions: txs, Withdrawals: withdrawals}
	c.engine.Finalize(c.bc, header, st, body)
	block := core.AssembleBlock(c.bc, header, st, body, receipts, nil)
	if err := st.Error(); err != nil {
		return nil, fmt.Errorf("build block %d: %w", header.Number, err)
	}
	if _, err := c.bc.InsertChain(types.Blocks{block}); err != nil {
		return nil, fmt.Errorf("insert block %d: %w", header.Number, err)
	}
	// Blocks are final as soon as they exist: "safe" and "finalized"
	// name the head, as on any single-producer dev chain.
	c.bc.SetFinalized(block.Header())
	c.bc.SetSafe(block.Header())
	c.pool.remove(dropped...)
	if head, err := c.bc.State(); err == nil {
		c.pool.reset(head, block.Transactions())
	}
	return block, nil
}

// nextHeader is the header of the child of parent stamped ts, before
// execution fills in gas, roots and requests.
func (c *Chain) nextHeader(parent *types.Header, ts uint64) *types.Header {
	number := new(big.Int).Add(parent.Number, common.Big1)
	random := crypto.Keccak256Hash(parent.Hash().Bytes()) // PREVRANDAO: varies, reproducible
	h := &types.Header{
		ParentHash: parent.Hash(),
		Number:     number,
		GasLimit:   core.CalcGasLimit(parent.GasLimit, devGasLimit),
		Time:       ts,
		MixDigest:  random,
		BaseFee:    eip1559.CalcBaseFee(c.config, parent),
	}
	if c.config.IsCancun(number, ts) {
		excess := eip4844.CalcExcessBlobGas(c.config, parent, ts)
		h.BlobGasUsed, h.ExcessBlobGas = new(uint64), &excess
		h.ParentBeaconRoot = &common.Hash{}
	}
	return h
}

// fill applies the pool's executable transactions to st until the block is
// full or nothing runnable is left. It returns what went in and what can
// never be mined (and is to leave the pool).
func (c *Chain) fill(ctx context.Context, evm *vm.EVM, st *state.StateDB, gp *core.GasPool, header *types.Header) (types.Transactions, []*types.Receipt, []droppedTx) {
	queues := c.pool.executable(st)
	var (
		txs      types.Transactions
		receipts []*types.Receipt
		dropped  []droppedTx
	)
	for {
		from, ok := bestHead(queues, header.BaseFee)
		if !ok {
			return txs, receipts, dropped
		}
		ptx := queues[from][0]
		st.SetTxContext(ptx.tx.Hash(), len(txs), uint32(len(txs)+1))
		snap, gpSnap := st.Snapshot(), gp.Snapshot()
		receipt, _, err := core.ApplyTransaction(ctx, evm, gp, st, header, ptx.tx)
		if err == nil {
			txs, receipts = append(txs, ptx.tx), append(receipts, receipt)
			queues[from] = queues[from][1:]
			continue
		}
		st.RevertToSnapshot(snap)
		gp.Set(gpSnap)
		switch {
		case errors.Is(err, core.ErrNonceTooLow):
			dropped = append(dropped, droppedTx{ptx, err})
			queues[from] = queues[from][1:]
		case errors.Is(err, core.ErrGasLimitReached), errors.Is(err, core.ErrInsufficientFunds):
			// May fit a later block or become affordable: keep it, but
			// nothing after it from this sender can run now.
			delete(queues, from)
		default:
			c.log.Debug("dropping transaction the block producer cannot apply", "tx", ptx.tx.Hash(), "err", err)
			dropped = append(dropped, droppedTx{ptx, fmt.Errorf("the block producer could not apply it: %w", err)})
			delete(queues, from)
		}
	}
}

// bestHead picks the sender whose next transaction pays the highest tip at
// baseFee (the earlier arrival on a tie). Transactions whose fee cap is
// under the base fee wait for a cheaper block.
func bestHead(queues map[common.Address][]*pooledTx, baseFee *big.Int) (common.Address, bool) {
	var (
		best    common.Address
		bestTx  *pooledTx
		bestTip *big.Int
	)
	for from, q := range queues {
		if len(q) == 0 {
			delete(queues, from)
			continue
		}
		tip, err := q[0].tx.EffectiveGasTip(baseFee)
		if err != nil {
			delete(queues, from)
			continue
		}
		if bestTx == nil || tip.Cmp(bestTip) > 0 || (tip.Cmp(bestTip) == 0 && q[0].seq < bestTx.seq) {
			best, bestTx, bestTip = from, q[0], tip
		}
	}
	return best, bestTx != nil
}
