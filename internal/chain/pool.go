package chain

import (
	"errors"
	"math/big"
	"sort"
	"sync"

	"github.com/ethereum/go-ethereum/common"
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
var errPoolFull = errors.New("transaction pool is full: wait for the pending transactions to be mined")

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
}

type pooledTx struct {
	tx   *types.Transaction
	from common.Address
	seq  uint64
}

func newTxPool(c *Chain) *txPool {
	return &txPool{c: c, all: map[common.Hash]*pooledTx{}, bySender: map[common.Address]map[uint64]*pooledTx{}}
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
	if err := txpool.ValidateTransactionWithState(tx, signer, &txpool.ValidationOptionsWithState{
		State:               st,
		UsedAndLeftSlots:    func(a common.Address) (int, int) { n := len(p.bySender[a]); return n, poolAccountSlots - n },
		ExistingExpenditure: p.expenditure,
		ExistingCost:        p.cost,
	}); err != nil {
		return err
	}
	old := p.bySender[from][tx.Nonce()]
	if old != nil && !outbids(tx, old.tx) {
		return txpool.ErrReplaceUnderpriced
	}
	if old == nil && len(p.all) >= poolCapacity {
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
func (p *txPool) get(h common.Hash) (*types.Transaction, common.Address, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	ptx, ok := p.all[h]
	if !ok {
		return nil, common.Address{}, false
	}
	return ptx.tx, ptx.from, true
}

// nonce is the next nonce of a: the state's, advanced past the pooled
// transactions that follow it without a gap.
func (p *txPool) nonce(a common.Address, st *state.StateDB) uint64 {
	n := st.GetNonce(a)
	p.mu.Lock()
	defer p.mu.Unlock()
	for p.bySender[a][n] != nil {
		n++
	}
	return n
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

// remove drops transactions that will never be mined.
func (p *txPool) remove(txs ...*pooledTx) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, ptx := range txs {
		p.drop(ptx)
	}
}

func (p *txPool) drop(ptx *pooledTx) {
	delete(p.all, ptx.tx.Hash())
	if byNonce := p.bySender[ptx.from]; byNonce[ptx.tx.Nonce()] == ptx {
		delete(byNonce, ptx.tx.Nonce())
		if len(byNonce) == 0 {
			delete(p.bySender, ptx.from)
		}
	}
}

// reset drops what st shows as mined (a nonce below the account's).
func (p *txPool) reset(st *state.StateDB) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for a, byNonce := range p.bySender {
		next := st.GetNonce(a)
		for n, ptx := range byNonce {
			if n < next {
				p.drop(ptx)
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
