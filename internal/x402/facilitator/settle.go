package facilitator

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/obol-dev/obol/internal/x402"
)

// ErrFault is returned by Settle when Options.Fault aborted it.
var ErrFault = errors.New("settlement aborted by fault hook")

var (
	// errNotBroadcast: the transaction surely did not reach the node (it
	// says so and does not know the hash); the payment is untouched.
	errNotBroadcast = errors.New("settlement not broadcast")
	// errDropped: a journaled transaction can never mine (its nonce was
	// used by another); its record is gone and the payment is untouched.
	errDropped = errors.New("settlement transaction replaced")
)

// check runs the local checks (with EIP-1271 for contract payers) and the
// chain simulation.
func (f *Facilitator) check(ctx context.Context, p *x402.PaymentPayload, req *x402.PaymentRequirements) (*network, *x402.Payment, uint64, *x402.Error) {
	n, ok := f.networks[req.Network]
	pay, verr := f.verifier.VerifyWith(p, req, f.signatureChecker(ctx, n, x402.ReasonUnexpectedVerifyError))
	if verr != nil {
		return nil, pay, 0, verr
	}
	if !ok {
		return nil, pay, 0, &x402.Error{Reason: x402.ReasonInvalidNetwork, Message: "this facilitator does not settle on " + req.Network}
	}
	gas, serr := f.simulate(ctx, n, pay, req, false)
	return n, pay, gas, serr
}

func payerOf(pay *x402.Payment) string {
	if pay == nil {
		return ""
	}
	return pay.Payer.Hex()
}

// Verify answers /verify: the local checks, then a simulation of the
// settlement on the chain. Nothing is sent.
func (f *Facilitator) Verify(ctx context.Context, p *x402.PaymentPayload, req *x402.PaymentRequirements) *x402.VerifyResponse {
	start := time.Now()
	_, pay, _, xerr := f.check(ctx, p, req)
	out := &x402.VerifyResponse{IsValid: xerr == nil, Payer: payerOf(pay)}
	if xerr != nil {
		out.InvalidReason, out.InvalidMessage = xerr.Reason, xerr.Message
	}
	f.metrics.observeVerify(out, time.Since(start))
	return out
}

// Settle answers /settle. One authorization settles at most once: a repeat
// (concurrent, retried or after a restart) gets the first outcome, never a
// second transaction. A receipt that does not come within ReceiptTimeout
// gives settlement_pending with the transaction hash. The error is non-nil
// only when the outcome is unknown (journal or RPC failure, fault hook).
func (f *Facilitator) Settle(ctx context.Context, p *x402.PaymentPayload, req *x402.PaymentRequirements) (*x402.SettleResponse, error) {
	start := time.Now()
	out, err := f.settle(ctx, p, req)
	f.metrics.observeSettle(out, err, time.Since(start))
	return out, err
}

func (f *Facilitator) settle(ctx context.Context, p *x402.PaymentPayload, req *x402.PaymentRequirements) (*x402.SettleResponse, error) {
	failed := func(pay *x402.Payment, e *x402.Error) *x402.SettleResponse {
		return &x402.SettleResponse{ErrorReason: e.Reason, ErrorMessage: e.Message, Payer: payerOf(pay), Network: req.Network}
	}
	n, ok := f.networks[req.Network]
	pay, verr := f.verifier.VerifyWith(p, req, f.signatureChecker(ctx, n, x402.ReasonUnexpectedSettleError))
	if verr != nil {
		// An authentic authorization that has since expired may already be
		// settled: a retry must get that outcome, not a time-window error.
		// (Window reasons are only given once the signature checked out.)
		if windowReason(verr.Reason) {
			unlock := f.locks.lock(pay.Key())
			defer unlock()
			if rec, err := f.lookup(pay.Key()); err == nil {
				if n, ok := f.networks[rec.Network]; ok {
					return f.finish(context.WithoutCancel(ctx), n, rec)
				}
			}
		}
		return failed(pay, verr), nil
	}
	if !ok {
		return failed(pay, &x402.Error{Reason: x402.ReasonInvalidNetwork, Message: "this facilitator does not settle on " + req.Network}), nil
	}
	key := pay.Key()
	unlock := f.locks.lock(key)
	defer unlock()
	rec, err := f.lookup(key)
	switch {
	case err == nil:
		return f.finish(ctx, n, rec)
	case !errors.Is(err, errNoRecord):
		return nil, fmt.Errorf("read settlement journal: %w", err)
	}
	gas, serr := f.simulate(ctx, n, pay, req, true)
	if serr != nil {
		return failed(pay, serr), nil
	}
	to, data, err := f.contracts.settlement(pay)
	if err != nil {
		return nil, fmt.Errorf("encode settlement: %w", err)
	}
	// From here on the work must finish even if the caller goes away: a
	// half-done broadcast would leave the payment's state unknown.
	ctx, cancelSend := context.WithTimeout(context.WithoutCancel(ctx), f.opts.ReceiptTimeout+30*time.Second)
	defer cancelSend()
	rec = &Record{Key: key, State: StateSent, Network: n.CAIP2, Method: pay.Method, Payer: pay.Payer.Hex(), PayTo: pay.PayTo.Hex(),
		Asset: pay.Asset.Hex(), Amount: pay.Amount.String(), Created: f.opts.Now().UTC()}
	tx, err := n.sender.send(ctx, to, data, gas+gas/4, rec)
	if errors.Is(err, errNotBroadcast) {
		return failed(pay, &x402.Error{Reason: x402.ReasonUnexpectedSettleError, Message: err.Error()}), nil
	}
	if err != nil {
		return nil, err
	}
	f.log.Info("settlement sent", "tx", tx.Hash().Hex(), "payer", rec.Payer, "amount", rec.Amount, "network", n.Name)
	if f.opts.Fault != nil {
		if err := f.opts.Fault(key, tx.Hash()); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrFault, err)
		}
	}
	return f.finish(ctx, n, rec)
}

func windowReason(r x402.Reason) bool {
	switch r {
	case x402.ReasonExactValidBefore, x402.ReasonExactValidAfter, x402.ReasonPermit2DeadlineExpired, x402.ReasonPermit2NotYetValid:
		return true
	}
	return false
}

// finish waits (bounded) for rec's receipt and records the outcome.
func (f *Facilitator) finish(ctx context.Context, n *network, rec *Record) (*x402.SettleResponse, error) {
	if rec.State != StateSent {
		return rec.response(), nil
	}
	wctx, cancel := context.WithTimeout(ctx, f.opts.ReceiptTimeout)
	defer cancel()
	t := time.NewTicker(f.opts.PollInterval)
	defer t.Stop()
	for {
		done, err := f.resolve(wctx, n, rec, true)
		if errors.Is(err, errDropped) {
			return &x402.SettleResponse{ErrorReason: x402.ReasonUnexpectedSettleError, Payer: rec.Payer, Network: rec.Network,
				ErrorMessage: "the settlement transaction was replaced before it mined; nothing was paid, settle again"}, nil
		}
		if err != nil && wctx.Err() == nil {
			f.log.Warn("receipt lookup failed", "tx", rec.Tx, "err", err)
		}
		if done {
			return rec.response(), nil
		}
		select {
		case <-wctx.Done():
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return rec.response(), nil // pending, with the hash
		case <-t.C:
		}
	}
}

// resolve looks up rec's receipt once; when mined it journals the outcome.
// A transaction the node no longer knows (crash before the broadcast, or a
// dropped one) is rebroadcast byte for byte: same hash, same nonce, so it
// can never be mined twice.
//
// With async, the outcome is journaled in the background: the request does
// not wait for a second fsync, and nothing is lost if that write is — a
// `sent` record is resolved again from its receipt.
func (f *Facilitator) resolve(ctx context.Context, n *network, rec *Record, async bool) (bool, error) {
	hash := common.HexToHash(rec.Tx)
	rc, err := n.backend.TransactionReceipt(ctx, hash)
	if err == nil {
		rec.Block, rec.Resolved = rc.BlockNumber.Uint64(), f.opts.Now().UTC()
		rec.State = StateMined
		switch {
		case rc.Status != types.ReceiptStatusSuccessful:
			rec.State, rec.Reason = StateFailed, x402.ReasonExactTransactionFailed
		case !f.contracts.transferLogged(rc, rec):
			rec.State, rec.Reason = StateFailed, x402.ReasonExactTransferEventMismatch
		}
		f.log.Info("settlement mined", "tx", rec.Tx, "block", rec.Block, "state", rec.State)
		if async {
			f.recordLater(rec)
			return true, nil
		}
		if err := f.journal.putBatch(rec); err != nil {
			return false, fmt.Errorf("journal settlement outcome: %w", err)
		}
		return true, nil
	}
	if !errors.Is(err, ethereum.NotFound) {
		return false, err
	}
	if _, _, err := n.backend.TransactionByHash(ctx, hash); errors.Is(err, ethereum.NotFound) {
		var tx types.Transaction
		if uerr := tx.UnmarshalBinary(rec.Raw); uerr != nil {
			return false, fmt.Errorf("decode journaled transaction: %w", uerr)
		}
		if serr := n.backend.SendTransaction(ctx, &tx); serr != nil && !isKnownTxErr(serr) {
			if isNonceTooLow(serr) {
				// Another transaction took the nonce, so ours can never be
				// mined: the authorization is still unused; forget the record
				// so the next settle starts over (its simulation tells).
				f.log.Warn("journaled settlement was replaced; dropping it", "tx", rec.Tx)
				if err := f.journal.delete(rec.Key); err != nil {
					return false, err
				}
				return false, errDropped
			}
			return false, fmt.Errorf("rebroadcast %s: %w", rec.Tx, serr)
		}
		f.log.Info("rebroadcast journaled settlement", "tx", rec.Tx)
	}
	return false, nil
}

// resolvePending closes nonce gaps, then finishes every journaled
// settlement without an outcome.
func (f *Facilitator) resolvePending(ctx context.Context) error {
	var errs []error
	for _, n := range f.networks {
		if err := n.sender.fillGaps(ctx); err != nil {
			errs = append(errs, err)
		}
	}
	recs, st, err := f.journal.scan()
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	f.metrics.observeJournal(st, f.opts.Now())
	for _, rec := range recs {
		n, ok := f.networks[rec.Network]
		if !ok {
			continue
		}
		unlock := f.locks.lock(rec.Key)
		// Re-read under the lock: a concurrent settle may have finished it.
		if cur, err := f.lookup(rec.Key); err == nil && cur.State == StateSent {
			if _, err := f.resolve(ctx, n, cur, false); err != nil {
				errs = append(errs, err)
			}
		}
		unlock()
	}
	return errors.Join(errs...)
}

// recordLater makes rec's outcome visible at once and leaves its journal
// write to the next flush: every outcome since the last flush shares one
// commit, and the request never waits for that fsync.
func (f *Facilitator) recordLater(rec *Record) {
	cp := *rec
	f.outMu.Lock()
	if f.outcomes == nil {
		f.outcomes = map[string]*Record{}
	}
	f.outcomes[cp.Key] = &cp
	n := len(f.outcomes)
	f.outMu.Unlock()
	if n >= maxUnflushed {
		f.bg.Add(1)
		go func() {
			defer f.bg.Done()
			if err := f.flushOutcomes(); err != nil {
				f.log.Warn("journal settlement outcomes; they will be resolved again from their receipts", "err", err)
			}
		}()
	}
}

// maxUnflushed bounds the outcomes held in memory between flushes.
const maxUnflushed = 256

// flushOutcomes journals the outcomes recorded since the last flush.
func (f *Facilitator) flushOutcomes() error {
	f.flushMu.Lock()
	defer f.flushMu.Unlock()
	f.outMu.Lock()
	batch := make([]*Record, 0, len(f.outcomes))
	for _, r := range f.outcomes {
		batch = append(batch, r)
	}
	f.outMu.Unlock()
	if len(batch) == 0 {
		return nil
	}
	if err := f.journal.putAll(batch); err != nil {
		return err
	}
	f.outMu.Lock()
	for _, r := range batch {
		if f.outcomes[r.Key] == r {
			delete(f.outcomes, r.Key)
		}
	}
	f.outMu.Unlock()
	return nil
}

// lookup returns the newest record of a payment: an outcome not yet
// flushed, else the journal's.
func (f *Facilitator) lookup(key string) (*Record, error) {
	f.outMu.Lock()
	r, ok := f.outcomes[key]
	f.outMu.Unlock()
	if ok {
		cp := *r
		return &cp, nil
	}
	return f.journal.get(key)
}

// Records lists the settlement journal (for inspection and tests), after
// flushing the outcomes held in memory.
func (f *Facilitator) Records() ([]*Record, error) {
	if err := f.flushOutcomes(); err != nil {
		return nil, err
	}
	return f.journal.all()
}

// Close stops Run's journal pruning (waiting for a batch under way) and
// flushes the outcomes held in memory; call it before closing the
// database. (Skipping the flush loses nothing: a `sent` record is resolved
// again from its receipt on the next start.)
func (f *Facilitator) Close() error {
	f.close()
	f.pruning.Wait()
	f.bg.Wait()
	return f.flushOutcomes()
}

func isKnownTxErr(err error) bool {
	s := strings.ToLower(err.Error())
	return strings.Contains(s, "already known") || strings.Contains(s, "known transaction")
}

func isNonceTooLow(err error) bool {
	return strings.Contains(strings.ToLower(err.Error()), "nonce too low")
}

// sender sends transactions from the facilitator's account on one chain.
// Nonces are handed out under a mutex, but the journal write and the
// broadcast happen outside it, so concurrent settles share blocks and
// fsyncs (the dev chain answers eth_sendRawTransaction once the block is
// mined). A nonce whose transaction was never broadcast is reused by the
// next send, which closes the gap it left.
type sender struct {
	backend Backend
	chainID uint64
	signer  x402.Signer
	journal *journal

	mu    sync.Mutex
	next  uint64
	known bool
	free  []uint64 // allocated, never broadcast: reuse first
	// held are the nonces of journaled settlements not yet seen mined: after
	// a restart (of the facilitator, or of a dev chain with it) they are
	// rebroadcast byte for byte, so a new settlement must never take them.
	held map[uint64]bool
}

func (s *sender) alloc(ctx context.Context) (uint64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.free) > 0 {
		i := 0
		for j, n := range s.free {
			if n < s.free[i] {
				i = j
			}
		}
		n := s.free[i]
		s.free = append(s.free[:i], s.free[i+1:]...)
		return n, nil
	}
	if !s.known {
		n, err := s.backend.PendingNonceAt(ctx, s.signer.Address())
		if err != nil {
			return 0, fmt.Errorf("read account nonce: %w", err)
		}
		if s.held, err = s.journal.pendingNonces(fmt.Sprintf("eip155:%d", s.chainID)); err != nil {
			return 0, fmt.Errorf("read journaled nonces: %w", err)
		}
		s.next, s.known = n, true
	}
	for s.held[s.next] {
		s.next++
	}
	n := s.next
	s.next++
	return n, nil
}

// fillGaps spends every released nonce below the next one with a 0-value
// transfer to self: a released nonce below broadcast ones holds those in
// the node's queue until something uses it, and without new settlements
// nothing would.
func (s *sender) fillGaps(ctx context.Context) error {
	s.mu.Lock()
	var gaps []uint64
	for _, n := range s.free {
		if s.known && n < s.next {
			gaps = append(gaps, n)
		}
	}
	s.free = slices.DeleteFunc(s.free, func(n uint64) bool { return slices.Contains(gaps, n) })
	s.mu.Unlock()
	var errs []error
	for _, n := range gaps {
		head, err := s.backend.HeaderByNumber(ctx, nil)
		if err == nil {
			var tip *big.Int
			if tip, err = s.backend.SuggestGasTipCap(ctx); err == nil {
				var tx *types.Transaction
				if tx, err = s.sign(ctx, n, tip, head.BaseFee, 21_000, s.signer.Address(), nil); err == nil {
					err = s.backend.SendTransaction(ctx, tx)
				}
			}
		}
		if err != nil && !isKnownTxErr(err) && !isNonceTooLow(err) {
			s.release(n)
			errs = append(errs, fmt.Errorf("fill nonce gap %d: %w", n, err))
		}
	}
	return errors.Join(errs...)
}

func (s *sender) release(n uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.free = append(s.free, n)
}

// resync forgets the nonce state after "nonce too low": someone else used
// the account, so the chain's view wins.
func (s *sender) resync() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.known, s.free = false, nil
}

func (s *sender) send(ctx context.Context, to common.Address, data []byte, gas uint64, rec *Record) (*types.Transaction, error) {
	for attempt := 0; ; attempt++ {
		tx, err := s.sendOnce(ctx, to, data, gas, rec)
		if err == nil || attempt > 0 || !isNonceTooLow(err) {
			return tx, err
		}
		s.resync()
	}
}

func (s *sender) sendOnce(ctx context.Context, to common.Address, data []byte, gas uint64, rec *Record) (*types.Transaction, error) {
	head, err := s.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("read chain head: %w", err)
	}
	tip, err := s.backend.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, fmt.Errorf("read gas tip: %w", err)
	}
	nonce, err := s.alloc(ctx)
	if err != nil {
		return nil, err
	}
	tx, err := s.sign(ctx, nonce, tip, head.BaseFee, gas, to, data)
	if err != nil {
		s.release(nonce)
		return nil, err
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		s.release(nonce)
		return nil, fmt.Errorf("encode settlement: %w", err)
	}
	rec.Tx, rec.Nonce, rec.Raw = tx.Hash().Hex(), nonce, raw
	// Journal first: once broadcast, a crash must still find the hash.
	if err := s.journal.putBatch(rec); err != nil {
		s.release(nonce)
		return nil, fmt.Errorf("journal settlement: %w", err)
	}
	err = s.backend.SendTransaction(ctx, tx)
	if err == nil || isKnownTxErr(err) {
		return tx, nil
	}
	if _, _, lerr := s.backend.TransactionByHash(ctx, tx.Hash()); lerr == nil {
		return tx, nil // it arrived despite the error
	}
	if !isNonceTooLow(err) {
		s.release(nonce)
	}
	if derr := s.journal.delete(rec.Key); derr != nil {
		return nil, fmt.Errorf("broadcast settlement: %w (and forgetting it failed: %v)", err, derr)
	}
	return nil, fmt.Errorf("%w: %w", errNotBroadcast, err)
}

func (s *sender) sign(ctx context.Context, nonce uint64, tip, baseFee *big.Int, gas uint64, to common.Address, data []byte) (*types.Transaction, error) {
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(cmpBig(baseFee), big.NewInt(2)))
	utx := types.NewTx(&types.DynamicFeeTx{ChainID: new(big.Int).SetUint64(s.chainID), Nonce: nonce, GasTipCap: tip,
		GasFeeCap: feeCap, Gas: gas, To: &to, Data: data})
	txSigner := types.LatestSignerForChainID(utx.ChainId())
	sig, err := s.signer.SignHash(ctx, txSigner.Hash(utx))
	if err != nil {
		return nil, fmt.Errorf("sign settlement: %w", err)
	}
	sig = append([]byte(nil), sig...)
	if len(sig) == 65 && sig[64] >= 27 {
		sig[64] -= 27
	}
	tx, err := utx.WithSignature(txSigner, sig)
	if err != nil {
		return nil, fmt.Errorf("sign settlement: %w", err)
	}
	return tx, nil
}

func cmpBig(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return v
}
