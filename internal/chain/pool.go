package chain

import (
	"errors"
	"fmt"
	"math/big"
	"sort"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/state"
	"github.com/ethereum/go-ethereum/core/txpool"
	"github.com/ethereum/go-ethereum/core/types"
)

// Pool limits. A dev chain mines on arrival, so the pool only ever holds
// what a round is about to seal plus transactions waiting behind a nonce
// gap; the limits stop a runaway client, nothing else.
const (
	poolCapacity     = 4096
	poolAccountSlots = 64
	maxTxSize        = 128 * 1024
	// priceBump is the percentage a replacement must raise both fee caps by.
	priceBump = 10
)

// errPoolFull is returned when the pool holds poolCapacity transactions.
var errPoolFull = errors.New("transaction pool is full of transactions waiting behind nonce gaps: send the missing nonces first")

// acceptedTypes are the transaction types the pool takes. Blob
// transactions are left out: the dev chain has no blob sidecar store.
const acceptedTypes = 1<<types.LegacyTxType | 1<<types.AccessListTxType | 1<<types.DynamicFeeTxType | 1<<types.SetCodeTxType

// txPool holds transactions sent but not yet mined.
type txPool struct {
	c *Chain

	mu       sync.Mutex
	all      map[common.Hash]*pooledTx
	bySender map[common.Address]map[uint64]*pooledTx
	seq      uint64 // arrival order, the tie-break between equal tips
	// gone says why a transaction left the pool without being mined, for
	// its sender still waiting in sendRaw; bounded by maxGone.
	gone map[common.Hash]error
}

// maxGone bounds txPool.gone: reasons nobody collected are forgotten.
const maxGone = 4096

type pooledTx struct {
	tx   *types.Transaction
	from common.Address
	seq  uint64
}

func newTxPool(c *Chain) *txPool {
	return &txPool{c: c, all: map[common.Hash]*pooledTx{}, bySender: map[common.Address]map[uint64]*pooledTx{}, gone: map[common.Hash]error{}}
}

// signer recovers senders for any transaction type the chain accepts.
func (p *txPool) signer() types.Signer { return types.LatestSigner(p.c.config) }

// add validates tx against the head block and state and pools it. The
// errors are go-ethereum's own, so clients that match on "nonce too low"
// or "already known" keep working.
func (p *txPool) add(tx *types.Transaction) error {
	head := p.c.bc.CurrentBlock()
	signer := p.signer()
	if err := txpool.ValidateTransaction(tx, head, signer, &txpool.ValidationOptions{
		Config: p.c.config, Accept: acceptedTypes, MaxSize: maxTxSize, MinTip: new(big.Int),
	}); err != nil {
		return err
	}
	from, _ := types.Sender(signer, tx) // checked by ValidateTransaction
	st, err := p.c.bc.State()
	if err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if _, ok := p.all[tx.Hash()]; ok {
		return txpool.ErrAlreadyKnown
	}
	// The per-sender limit bounds what waits behind a nonce gap; the
	// sender's next nonce (the one that fills the gap) is always taken,
	// or a sender with full slots could never be unstuck.
	next := p.nextNonce(from, st)
	if err := txpool.ValidateTransactionWithState(tx, signer, &txpool.ValidationOptionsWithState{
		State: st,
		UsedAndLeftSlots: func(a common.Address) (int, int) {
			n := len(p.bySender[a])
			if tx.Nonce() <= next {
				return n, 1
			}
			return n, poolAccountSlots - n
		},
		ExistingExpenditure: p.expenditure,
		ExistingCost:        p.cost,
	}); err != nil {
		return err
	}
	old := p.bySender[from][tx.Nonce()]
	if old != nil && !outbids(tx, old.tx) {
		return txpool.ErrReplaceUnderpriced
	}
	// Like the per-sender limit, the capacity bounds what waits: a
	// transaction that runs now is mined at once and is always taken.
	if old == nil && tx.Nonce() > next && len(p.all) >= poolCapacity {
		return errPoolFull
	}
	if old != nil {
		delete(p.all, old.tx.Hash())
	}
	p.seq++
	ptx := &pooledTx{tx: tx, from: from, seq: p.seq}
	p.all[tx.Hash()] = ptx
	if p.bySender[from] == nil {
		p.bySender[from] = map[uint64]*pooledTx{}
	}
	p.bySender[from][tx.Nonce()] = ptx
	return nil
}

// outbids: a replacement raises both the fee cap and the tip by priceBump%.
func outbids(tx, old *types.Transaction) bool {
	bumped := func(v *big.Int) *big.Int {
		b := new(big.Int).Mul(v, big.NewInt(100+priceBump))
		return b.Div(b, big.NewInt(100))
	}
	return tx.GasFeeCap().Cmp(bumped(old.GasFeeCap())) >= 0 && tx.GasTipCap().Cmp(bumped(old.GasTipCap())) >= 0
}

func (p *txPool) expenditure(a common.Address) *big.Int {
	sum := new(big.Int)
	for _, ptx := range p.bySender[a] {
		sum.Add(sum, ptx.tx.Cost())
	}
	return sum
}

func (p *txPool) cost(a common.Address, nonce uint64) *big.Int {
	if ptx := p.bySender[a][nonce]; ptx != nil {
		return ptx.tx.Cost()
	}
	return nil
}

// get returns a pooled transaction by hash.
func (p *txPool) get(h common.Hash) (*types.Transaction, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ptx, ok := p.all[h]
	if !ok {
		return nil, false
	}
	return ptx.tx, true
}

// nonce is the next nonce of a: the state's, advanced past the pooled
// transactions that follow it without a gap.
func (p *txPool) nonce(a common.Address, st *state.StateDB) uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.nextNonce(a, st)
}

// nextNonce is nonce with mu held.
func (p *txPool) nextNonce(a common.Address, st *state.StateDB) uint64 {
	n := st.GetNonce(a)
	for p.bySender[a][n] != nil {
		n++
	}
	return n
}

// minable counts the senders whose next transaction the producer would
// take into a block with baseFee: executable, fee cap not under the base
// fee. Zero means sealing now would only make an empty block.
func (p *txPool) minable(st *state.StateDB, baseFee *big.Int) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := 0
	for a, byNonce := range p.bySender {
		if ptx := byNonce[st.GetNonce(a)]; ptx != nil && ptx.tx.GasFeeCapIntCmp(baseFee) >= 0 {
			n++
		}
	}
	return n
}

// status tells where transaction h is: pooled (and whether the producer
// would take it into a block with baseFee), or gone with the reason.
func (p *txPool) status(h common.Hash, st *state.StateDB, baseFee *big.Int) (pooled, minable bool, gone error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if ptx, ok := p.all[h]; ok {
		next := st.GetNonce(ptx.from)
		if ptx.tx.Nonce() < next {
			// Its nonce was mined by another transaction (the one it
			// replaced, taken by a round before the replacement came): it
			// is still pooled only until the producer's reset drops it.
			return false, false, staleNonce(ptx.tx.Nonce())
		}
		for n := next; n < ptx.tx.Nonce(); n++ {
			if q := p.bySender[ptx.from][n]; q == nil || q.tx.GasFeeCapIntCmp(baseFee) < 0 {
				return true, false, nil
			}
		}
		return true, ptx.tx.GasFeeCapIntCmp(baseFee) >= 0, nil
	}
	gone = p.gone[h]
	delete(p.gone, h)
	return false, false, gone
}

// staleNonce says why a pooled transaction can never be mined: its nonce
// is used by another.
func staleNonce(n uint64) error {
	return fmt.Errorf("%w: another transaction with nonce %d was mined first", core.ErrNonceTooLow, n)
}

// executable returns, per sender, the pooled transactions that can run on
// st in nonce order (those behind a nonce gap are left out).
func (p *txPool) executable(st *state.StateDB) map[common.Address][]*pooledTx {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[common.Address][]*pooledTx{}
	for a, byNonce := range p.bySender {
		for n := st.GetNonce(a); byNonce[n] != nil; n++ {
			out[a] = append(out[a], byNonce[n])
		}
	}
	return out
}

// droppedTx is a transaction the producer found can never be mined.
type droppedTx struct {
	ptx *pooledTx
	err error
}

// remove drops transactions that will never be mined.
func (p *txPool) remove(txs ...droppedTx) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, d := range txs {
		if p.all[d.ptx.tx.Hash()] == d.ptx {
			p.drop(d.ptx, d.err)
		}
	}
}

// drop removes ptx, remembering why for its waiting sender; mu held.
func (p *txPool) drop(ptx *pooledTx, why error) {
	if len(p.gone) >= maxGone {
		clear(p.gone)
	}
	p.gone[ptx.tx.Hash()] = why
	delete(p.all, ptx.tx.Hash())
	if byNonce := p.bySender[ptx.from]; byNonce[ptx.tx.Nonce()] == ptx {
		delete(byNonce, ptx.tx.Nonce())
		if len(byNonce) == 0 {
			delete(p.bySender, ptx.from)
		}
	}
}

// reset drops what st shows as mined (a nonce below the account's) and,
// as go-ethereum's pool does, what the sender can no longer pay for (its
// balance fell after the transaction was admitted): kept, it would never
// be mined and would hold up every later transaction of its sender.
func (p *txPool) reset(st *state.StateDB, mined types.Transactions) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, tx := range mined {
		if ptx := p.all[tx.Hash()]; ptx != nil {
			delete(p.all, tx.Hash())
			if p.bySender[ptx.from][tx.Nonce()] == ptx {
				delete(p.bySender[ptx.from], tx.Nonce())
			}
		}
	}
	for a, byNonce := range p.bySender {
		if len(byNonce) == 0 {
			delete(p.bySender, a)
			continue
		}
		next, balance := st.GetNonce(a), st.GetBalance(a).ToBig()
		for n, ptx := range byNonce {
			switch {
			case n < next:
				p.drop(ptx, staleNonce(n))
			case ptx.tx.Cost().Cmp(balance) > 0:
				p.drop(ptx, fmt.Errorf("%w: balance %v, tx cost %v (the balance fell after the transaction was sent)", core.ErrInsufficientFunds, balance, ptx.tx.Cost()))
			}
		}
	}
}

// poolContent is the pool split the way txpool_content reports it.
type poolContent struct {
	pending, queued map[common.Address][]*types.Transaction
}

// content splits the pool into executable and gapped transactions.
func (p *txPool) content(st *state.StateDB) poolContent {
	exec := p.executable(st)
	p.mu.Lock()
	defer p.mu.Unlock()
	out := poolContent{pending: map[common.Address][]*types.Transaction{}, queued: map[common.Address][]*types.Transaction{}}
	for a, byNonce := range p.bySender {
		runnable := map[*pooledTx]bool{}
		for _, ptx := range exec[a] {
			runnable[ptx] = true
			out.pending[a] = append(out.pending[a], ptx.tx)
		}
		for _, ptx := range byNonce {
			if !runnable[ptx] {
				out.queued[a] = append(out.queued[a], ptx.tx)
			}
		}
		sort.Slice(out.queued[a], func(i, j int) bool { return out.queued[a][i].Nonce() < out.queued[a][j].Nonce() })
		if len(out.queued[a]) == 0 {
			delete(out.queued, a)
		}
	}
	return out
}
