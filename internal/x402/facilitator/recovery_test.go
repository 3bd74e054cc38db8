package facilitator_test

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// TestKillBetweenBroadcastAndReceipt: the facilitator dies right after the
// broadcast; a new one on the same database resolves the payment to its one
// transaction, and the payer is debited once.
func TestKillBetweenBroadcastAndReceipt(t *testing.T) {
	var sent atomic.Value
	e := newEnv(t, func(o *facilitator.Options) {
		o.Fault = func(_ string, tx common.Hash) error { sent.Store(tx); return errors.New("killed") }
	})
	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 250, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	var s x402.SettleResponse
	if code := e.post("/settle", p, req, &s); code != 500 || s.Success {
		t.Fatalf("killed settle answered %d %+v", code, s)
	}
	tx := sent.Load().(common.Hash)
	e.stop() // the process is gone

	e.opts.Fault = nil
	e.start() // restart on the same database: New finishes pending settlements
	recs, err := e.fac.Records()
	if err != nil || len(recs) != 1 || recs[0].State != facilitator.StateMined || recs[0].Tx != tx.Hex() {
		t.Fatalf("journal after restart: %+v, %v", recs, err)
	}
	if code := e.post("/settle", p, req, &s); code != 200 || !s.Success || s.Transaction != tx.Hex() {
		t.Fatalf("settle after restart: %d %+v, want success with %s", code, s, tx.Hex())
	}
	if n := e.transfers(devUSDC, payer.Address()); n != 1 {
		t.Fatalf("%d Transfer logs, want 1", n)
	}
	if got := e.balance(devUSDC, payer.Address()); got.Int64() != 750 {
		t.Fatalf("payer balance %s, want 750 (debited once)", got)
	}
}

// dropSend is the chain as seen by a process that dies after journaling a
// transaction and before handing it to the node: SendTransaction does nothing.
type dropSend struct{ facilitator.Backend }

func (dropSend) SendTransaction(context.Context, *types.Transaction) error { return nil }

// TestKillBeforeBroadcast: the journal holds a signed transaction the node
// never saw; the restarted facilitator broadcasts those exact bytes.
func TestKillBeforeBroadcast(t *testing.T) {
	e := newEnv(t, nil)
	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: dropSend{e.ec}}}
	e.opts.ReceiptTimeout = 50 * time.Millisecond
	e.opts.Fault = func(string, common.Hash) error { return errors.New("killed") }
	e.start()
	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	var s x402.SettleResponse
	e.post("/settle", p, req, &s)
	recs, _ := e.fac.Records()
	if len(recs) != 1 || recs[0].State != facilitator.StateSent {
		t.Fatalf("journal before restart: %+v", recs)
	}
	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: e.ec}}
	e.opts.Fault = nil
	e.start()
	rc, err := waitReceipt(context.Background(), e.ec, common.HexToHash(recs[0].Tx))
	if err != nil || rc.Status != 1 {
		t.Fatalf("journaled transaction was not rebroadcast: %v", err)
	}
	if code := e.post("/settle", p, req, &s); code != 200 || !s.Success || s.Transaction != recs[0].Tx {
		t.Fatalf("settle after restart: %d %+v", code, s)
	}
	if n := e.transfers(devUSDC, payer.Address()); n != 1 {
		t.Fatalf("%d Transfer logs, want 1", n)
	}
}

// slowReceipts hides receipts until released: a chain whose confirmation
// takes longer than the facilitator waits.
type slowReceipts struct {
	facilitator.Backend
	hidden *atomic.Bool
}

func (s slowReceipts) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	if s.hidden.Load() {
		return nil, ethereum.NotFound
	}
	return s.Backend.TransactionReceipt(ctx, h)
}

// TestLateReceiptIsPending: a receipt later than ReceiptTimeout gives
// settlement_pending with the hash; Run finishes it, and a repeat returns
// the same transaction.
func TestLateReceiptIsPending(t *testing.T) {
	hidden := new(atomic.Bool)
	hidden.Store(true)
	e := newEnv(t, nil)
	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: slowReceipts{e.ec, hidden}}}
	e.opts.ReceiptTimeout = 100 * time.Millisecond
	e.opts.ResolveInterval = 20 * time.Millisecond
	e.start()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.fac.Run(ctx) }()
	defer func() { cancel(); <-done }()

	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	var s x402.SettleResponse
	if code := e.post("/settle", p, req, &s); code != 200 || s.Success || s.ErrorReason != x402.ReasonSettlementPending || s.Transaction == "" {
		t.Fatalf("late receipt: %d %+v, want pending with a hash", code, s)
	}
	var again x402.SettleResponse
	if e.post("/settle", p, req, &again); again.ErrorReason != x402.ReasonSettlementPending || again.Transaction != s.Transaction {
		t.Fatalf("repeat while pending: %+v", again)
	}
	hidden.Store(false)
	deadline := time.Now().Add(5 * time.Second)
	for {
		recs, _ := e.fac.Records()
		if len(recs) == 1 && recs[0].State == facilitator.StateMined {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Run did not finish the pending settlement: %+v", recs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if e.post("/settle", p, req, &again); !again.Success || again.Transaction != s.Transaction {
		t.Fatalf("after the receipt: %+v", again)
	}
	if n := e.transfers(devUSDC, payer.Address()); n != 1 {
		t.Fatalf("%d Transfer logs, want 1", n)
	}
}

// TestRetryAfterExpiry: a settle retried after the authorization's window
// closed still gets the recorded outcome, not a time-window error.
func TestRetryAfterExpiry(t *testing.T) {
	var skew atomic.Int64
	e := newEnv(t, func(o *facilitator.Options) {
		o.Now = func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }
	})
	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{ValidBefore: big.NewInt(time.Now().Unix() + 120)})
	var first, again x402.SettleResponse
	if e.post("/settle", p, req, &first); !first.Success {
		t.Fatalf("settle: %+v", first)
	}
	skew.Store(int64(time.Hour))
	var v x402.VerifyResponse
	if e.post("/verify", p, req, &v); v.InvalidReason != x402.ReasonExactValidBefore {
		t.Fatalf("verify after expiry: %+v", v)
	}
	if e.post("/settle", p, req, &again); !again.Success || again.Transaction != first.Transaction {
		t.Fatalf("settle after expiry: %+v, first %+v", again, first)
	}
}

// frontRun runs fn just before forwarding a broadcast: another party's
// settlement lands between our simulation and our transaction.
type frontRun struct {
	facilitator.Backend
	fn func()
}

func (f frontRun) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	f.fn()
	return f.Backend.SendTransaction(ctx, tx)
}

// TestFrontRunSettlementIsRecordedFailed: when another facilitator settles
// the payment after our simulation, our transaction reverts; the outcome is
// journaled as failed with its hash, repeats return it, and the payer pays once.
func TestFrontRunSettlementIsRecordedFailed(t *testing.T) {
	a := newEnv(t, nil)
	payer := a.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})

	b := &env{t: t, chain: a.chain, ec: a.ec, dbPath: filepath.Join(t.TempDir(), "b.db"), facKey: x402test.Key(t, "facilitator b")}
	b.fund(crypto.PubkeyToAddress(b.facKey.PublicKey), "ETH", ether(10))
	var once sync.Once
	b.opts = facilitator.Options{Signer: wallet.NewKeySigner(b.facKey), PollInterval: 5 * time.Millisecond,
		Networks: []facilitator.Network{{Network: "devnet", Backend: frontRun{a.ec, func() {
			once.Do(func() {
				if r, err := a.fac.Settle(context.Background(), p, &req); err != nil || !r.Success {
					t.Errorf("front-running settle: %+v %v", r, err)
				}
			})
		}}}}}
	b.start()

	var s, again x402.SettleResponse
	if code := b.post("/settle", p, req, &s); code != 200 || s.Success || s.ErrorReason != x402.ReasonExactTransactionFailed || s.Transaction == "" {
		t.Fatalf("front-run settle: %d %+v", code, s)
	}
	if b.post("/settle", p, req, &again); again != s {
		t.Fatalf("repeat: %+v, first %+v", again, s)
	}
	if n := a.transfers(devUSDC, payer.Address()); n != 1 {
		t.Fatalf("%d Transfer logs, want 1", n)
	}
}

// failNonce makes the node reject the first transaction with one nonce,
// after a later one was accepted: the later one waits in the node's queue
// behind the gap.
type failNonce struct {
	facilitator.Backend
	nonce     uint64
	otherSent chan struct{}
	once      sync.Once
	failed    atomic.Bool
}

func (f *failNonce) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if tx.Nonce() == f.nonce && f.failed.CompareAndSwap(false, true) {
		select {
		case <-f.otherSent:
		case <-time.After(10 * time.Second):
		}
		return errors.New("node rejected the transaction")
	}
	err := f.Backend.SendTransaction(ctx, tx)
	f.once.Do(func() { close(f.otherSent) })
	return err
}

// TestNonceGapIsFilled: a settlement whose broadcast failed leaves its nonce
// unused below a broadcast one; Run fills the gap so the later settlement
// is mined without waiting for new traffic.
func TestNonceGapIsFilled(t *testing.T) {
	e := newEnv(t, nil)
	first, err := e.ec.PendingNonceAt(context.Background(), e.fac.Address())
	if err != nil {
		t.Fatal(err)
	}
	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: &failNonce{Backend: e.ec, nonce: first, otherSent: make(chan struct{})}}}
	e.opts.ReceiptTimeout = 200 * time.Millisecond
	e.opts.ResolveInterval = 20 * time.Millisecond
	e.start()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.fac.Run(ctx) }()
	defer func() { cancel(); <-done }()

	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	ps := []*x402.PaymentPayload{x402test.SignERC3009(t, payer, req, x402.SignOptions{}), x402test.SignERC3009(t, payer, req, x402.SignOptions{})}
	codes := make([]int, 2)
	out := make([]x402.SettleResponse, 2)
	var wg sync.WaitGroup
	for i := range ps {
		wg.Add(1)
		go func() { defer wg.Done(); codes[i] = e.post("/settle", ps[i], req, &out[i]) }()
	}
	wg.Wait()
	failed := 0
	for i := range ps {
		if out[i].ErrorReason == x402.ReasonUnexpectedSettleError {
			failed = i
		}
	}
	other := 1 - failed
	if codes[failed] != 200 || out[failed].Transaction != "" || !strings.Contains(out[failed].ErrorMessage, "not broadcast") || out[other].Transaction == "" {
		t.Fatalf("want one failed broadcast (nothing paid) and one sent: %v %+v", codes, out)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		var s x402.SettleResponse
		if e.post("/settle", ps[other], req, &s); s.Success {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the settlement behind the gap never mined: %+v", s)
		}
		time.Sleep(20 * time.Millisecond)
	}
	var s x402.SettleResponse
	if e.post("/settle", ps[failed], req, &s); !s.Success {
		t.Fatalf("retry of the failed broadcast: %+v", s)
	}
	if n := e.transfers(devUSDC, payer.Address()); n != 2 {
		t.Fatalf("%d Transfer logs, want 2", n)
	}
}

// TestCallerGoneAfterBroadcast: a caller that disconnects once the
// transaction is out does not leave the payment's state unknown.
func TestCallerGoneAfterBroadcast(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := newEnv(t, func(o *facilitator.Options) {
		o.Fault = func(string, common.Hash) error { cancel(); return nil }
	})
	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	s, err := e.fac.Settle(ctx, p, &req)
	if err != nil || !s.Success {
		t.Fatalf("settle with the caller gone: %+v %v", s, err)
	}
	recs, err := e.fac.Records()
	if err != nil || len(recs) != 1 || recs[0].State != facilitator.StateMined {
		t.Fatalf("journal: %+v %v", recs, err)
	}
}

// dropHash never hands one transaction to the node: a journaled
// settlement whose rebroadcast has not happened yet.
type dropHash struct {
	facilitator.Backend
	hash common.Hash
}

func (d dropHash) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	if tx.Hash() == d.hash {
		return nil
	}
	return d.Backend.SendTransaction(ctx, tx)
}

// TestNewSettleNeverTakesAJournaledNonce: after a restart, a settlement
// journaled but not yet rebroadcast keeps its nonce; a new settlement takes
// the next one, so when the journaled bytes go out both settle. (Before the
// fix the new one took the nonce and the journaled payment could never
// settle: "replacement transaction underpriced", then "nonce too low".)
func TestNewSettleNeverTakesAJournaledNonce(t *testing.T) {
	e := newEnv(t, nil)
	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: dropSend{e.ec}}}
	e.opts.ReceiptTimeout = 50 * time.Millisecond
	e.opts.Fault = func(string, common.Hash) error { return errors.New("killed") }
	e.start()
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	first := e.payer("first", 1_000, 0)
	p1 := x402test.SignERC3009(t, first, req, x402.SignOptions{})
	var s x402.SettleResponse
	e.post("/settle", p1, req, &s)
	recs, _ := e.fac.Records()
	if len(recs) != 1 || recs[0].State != facilitator.StateSent {
		t.Fatalf("journal before restart: %+v", recs)
	}
	journaled := common.HexToHash(recs[0].Tx)

	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: dropHash{e.ec, journaled}}}
	e.opts.Fault = nil
	e.start()
	second := e.payer("second", 1_000, 0)
	p2 := x402test.SignERC3009(t, second, req, x402.SignOptions{})
	e.post("/settle", p2, req, &s) // queued behind the journaled nonce: pending for now

	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: e.ec}}
	e.opts.ReceiptTimeout = 0
	e.start() // rebroadcasts the journaled bytes
	for _, p := range []*x402.PaymentPayload{p1, p2} {
		deadline := time.Now().Add(10 * time.Second)
		for e.post("/settle", p, req, &s); !s.Success && time.Now().Before(deadline); e.post("/settle", p, req, &s) {
			time.Sleep(50 * time.Millisecond)
		}
		if !s.Success {
			t.Fatalf("settle after restart: %+v", s)
		}
	}
	for _, who := range []*wallet.KeySigner{first, second} {
		if n := e.transfers(devUSDC, who.Address()); n != 1 {
			t.Fatalf("%s: %d Transfer logs, want 1", who.Address().Hex(), n)
		}
	}
	// The journaled bytes themselves settled the first payment: its nonce
	// was not given away and replaced.
	e.post("/settle", p1, req, &s)
	if s.Transaction != journaled.Hex() {
		t.Fatalf("first payment settled by %s, want its journaled transaction %s", s.Transaction, journaled.Hex())
	}
}
