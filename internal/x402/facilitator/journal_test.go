package facilitator_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

const retention = 30 * 24 * time.Hour

// clock is an injectable facilitator clock.
type clock struct{ off atomic.Int64 }

func (c *clock) now() time.Time          { return time.Now().Add(time.Duration(c.off.Load())) }
func (c *clock) advance(d time.Duration) { c.off.Add(int64(d)) }

// TestPrunedPaymentIsNotPaidTwice is the safety argument of pruning, on the
// dev chain: once a final record is pruned, a repeated settle of the same
// payment runs verify again, the chain says the authorization is used, and
// nothing is sent. A `sent` record older than the retention survives.
func TestPrunedPaymentIsNotPaidTwice(t *testing.T) {
	var clk clock
	var kill atomic.Bool
	e := newEnv(t, func(o *facilitator.Options) {
		o.Now, o.JournalRetention = clk.now, retention
		o.Fault = func(string, common.Hash) error {
			if kill.Load() {
				return errors.New("killed")
			}
			return nil
		}
	})
	payTo := x402test.Address(t, "seller")
	usdc := x402test.Requirements(t, "devnet", "USDC", 100, payTo)
	obol := x402test.Requirements(t, "devnet", "OBOL", 100, payTo)
	payer := e.payer("payer", 1_000, 1_000)
	e.approvePermit2(x402test.Key(t, "payer "+t.Name()), devOBOL)
	// Valid well past the retention, so only the chain can refuse a replay.
	long := x402.SignOptions{ValidBefore: big.NewInt(time.Now().Add(3 * retention).Unix())}
	p3009 := x402test.SignERC3009(t, payer, usdc, long)
	pP2 := x402test.SignPermit2(t, payer, obol, long)
	for _, c := range []struct {
		p   *x402.PaymentPayload
		req x402.PaymentRequirements
	}{{p3009, usdc}, {pP2, obol}} {
		var s x402.SettleResponse
		if e.post("/settle", c.p, c.req, &s); !s.Success {
			t.Fatalf("first settle: %+v", s)
		}
	}
	// A settlement stuck in `sent` (the process died after the broadcast).
	stuck := e.payer("stuck", 1_000, 0)
	kill.Store(true)
	var s x402.SettleResponse
	if code := e.post("/settle", x402test.SignERC3009(t, stuck, usdc, long), usdc, &s); code != 500 {
		t.Fatalf("killed settle answered %d %+v", code, s)
	}
	kill.Store(false)

	// Within the retention nothing goes.
	clk.advance(retention - time.Hour)
	if n, err := e.fac.Prune(context.Background()); err != nil || n != 0 {
		t.Fatalf("prune within retention: %d, %v", n, err)
	}
	clk.advance(2 * time.Hour)
	if n, err := e.fac.Prune(context.Background()); err != nil || n != 2 {
		t.Fatalf("prune past retention: %d, %v; want the 2 mined records", n, err)
	}
	recs, err := e.fac.Journal(facilitator.JournalQuery{})
	if err != nil || len(recs) != 1 || recs[0].State != facilitator.StateSent || recs[0].Payer != stuck.Address().Hex() {
		t.Fatalf("journal after prune: %+v, %v; want only the old sent record", recs, err)
	}

	for _, c := range []struct {
		p      *x402.PaymentPayload
		req    x402.PaymentRequirements
		reason x402.Reason
		token  common.Address
	}{{p3009, usdc, x402.ReasonExactNonceAlreadyUsed, devUSDC}, {pP2, obol, x402.ReasonPermit2InvalidNonce, devOBOL}} {
		var again x402.SettleResponse
		if code := e.post("/settle", c.p, c.req, &again); code != 200 || again.Success || again.ErrorReason != c.reason || again.Transaction != "" {
			t.Fatalf("settle after prune: %d %+v; want refused with %s and no transaction", code, again, c.reason)
		}
		if n := e.transfers(c.token, payer.Address()); n != 1 {
			t.Fatalf("%d Transfer logs of %s, want exactly 1", n, c.token)
		}
	}
	if recs, _ := e.fac.Journal(facilitator.JournalQuery{}); len(recs) != 1 {
		t.Fatalf("a refused settle journaled something: %+v", recs)
	}
}

func record(i int, state string, at time.Time) *facilitator.Record {
	r := &facilitator.Record{Key: fmt.Sprintf("eip3009:eip155:1337:token:payer:%05d", i), State: state, Network: "eip155:1337",
		Method: "eip3009", Payer: "0xpayer", PayTo: "0xseller", Asset: "0xtoken", Amount: "1", Tx: fmt.Sprintf("0x%064x", i),
		Nonce: uint64(i), Raw: []byte{0xde, 0xad}, Created: at.UTC()}
	if state != facilitator.StateSent {
		r.Block, r.Resolved = uint64(i), at.Add(time.Second).UTC()
	}
	return r
}

// TestPruneBatchesAndSentSurvive: a backlog larger than a batch is pruned
// in several write transactions; sent records of any age and recent final
// ones stay; the counter counts what went.
func TestPruneBatchesAndSentSurvive(t *testing.T) {
	defer facilitator.SetPruneBatch(100)()
	reg := prometheus.NewRegistry()
	var clk clock
	e := newEnv(t, func(o *facilitator.Options) { o.Now, o.JournalRetention, o.Metrics = clk.now, retention, reg })
	old := time.Now().Add(-2 * retention)
	var recs []*facilitator.Record
	for i := range 350 {
		state := facilitator.StateMined
		switch {
		case i%7 == 0:
			state = facilitator.StateSent
		case i%5 == 0:
			state = facilitator.StateFailed
		}
		at := old
		if i%10 == 3 {
			at = time.Now() // recent
		}
		recs = append(recs, record(i, state, at))
	}
	if err := facilitator.PutRecords(e.fac, recs); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, r := range recs {
		if r.State != facilitator.StateSent && r.Created.Before(time.Now().Add(-retention)) {
			want++
		}
	}
	n, err := e.fac.Prune(context.Background())
	if err != nil || n != want {
		t.Fatalf("pruned %d, %v; want %d", n, err, want)
	}
	left, err := e.fac.Journal(facilitator.JournalQuery{})
	if err != nil || len(left) != len(recs)-want {
		t.Fatalf("%d records left, %v; want %d", len(left), err, len(recs)-want)
	}
	sent := 0
	for _, r := range left {
		if r.State == facilitator.StateSent {
			sent++
		} else if time.Since(r.Created) > time.Hour {
			t.Fatalf("old final record survived: %+v", r)
		}
	}
	if sent != 50 {
		t.Fatalf("%d sent records left, want all 50", sent)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(fmt.Sprintf(`
# HELP obol_x402_facilitator_journal_pruned_total Final settlement journal records (mined|failed) deleted after the retention.
# TYPE obol_x402_facilitator_journal_pruned_total counter
obol_x402_facilitator_journal_pruned_total %d
`, want)), "obol_x402_facilitator_journal_pruned_total"); err != nil {
		t.Fatal(err)
	}
	if n, err := e.fac.Prune(context.Background()); err != nil || n != 0 {
		t.Fatalf("second prune: %d, %v", n, err)
	}
}

// TestNoRetentionKeepsEverything: JournalRetention 0 prunes nothing.
func TestNoRetentionKeepsEverything(t *testing.T) {
	e := newEnv(t, nil)
	if err := facilitator.PutRecords(e.fac, []*facilitator.Record{record(1, facilitator.StateMined, time.Now().Add(-10*retention))}); err != nil {
		t.Fatal(err)
	}
	if n, err := e.fac.Prune(context.Background()); err != nil || n != 0 {
		t.Fatalf("prune without retention: %d, %v", n, err)
	}
}

// TestRunPrunesAtStartAndStops: Run prunes at once and on its ticker; the
// loop ends with Run's context (goleak checks the package) and with Close.
func TestRunPrunesAtStartAndStops(t *testing.T) {
	reg := prometheus.NewRegistry()
	e := newEnv(t, func(o *facilitator.Options) {
		o.JournalRetention, o.PruneInterval, o.ResolveInterval, o.Metrics = retention, 20*time.Millisecond, 10*time.Millisecond, reg
	})
	put := func(i int, state string) {
		t.Helper()
		if err := facilitator.PutRecords(e.fac, []*facilitator.Record{record(i, state, time.Now().Add(-2*retention))}); err != nil {
			t.Fatal(err)
		}
	}
	put(1, facilitator.StateMined)
	put(2, facilitator.StateFailed)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- e.fac.Run(ctx) }()
	waitJournal := func(want int) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			recs, err := e.fac.Journal(facilitator.JournalQuery{})
			if err == nil && len(recs) == want {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("journal has %d records, %v; want %d", len(recs), err, want)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitJournal(0) // the start prune
	put(3, facilitator.StateMined)
	waitJournal(0) // a tick
	// Every pruned record is counted (the counter moves once the prune
	// pass that deleted them returns, a moment after the records go).
	for deadline := time.Now().Add(5 * time.Second); ; {
		err := testutil.GatherAndCompare(reg, strings.NewReader(`
# HELP obol_x402_facilitator_journal_pruned_total Final settlement journal records (mined|failed) deleted after the retention.
# TYPE obol_x402_facilitator_journal_pruned_total counter
obol_x402_facilitator_journal_pruned_total 3
`), "obol_x402_facilitator_journal_pruned_total")
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal(err)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := e.fac.Close(); err != nil { // stops the prune loop while Run still serves
		t.Fatal(err)
	}
	put(4, facilitator.StateMined)
	time.Sleep(100 * time.Millisecond)
	if recs, _ := e.fac.Journal(facilitator.JournalQuery{}); len(recs) != 1 {
		t.Fatalf("pruned after Close: %+v", recs)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return")
	}
}

// TestJournalGauges: records by state and the age of the oldest sent one.
func TestJournalGauges(t *testing.T) {
	reg := prometheus.NewRegistry()
	var clk clock
	e := newEnv(t, func(o *facilitator.Options) { o.Metrics, o.Now = reg, clk.now })
	now := time.Now()
	if err := facilitator.PutRecords(e.fac, []*facilitator.Record{
		record(1, facilitator.StateMined, now), record(2, facilitator.StateMined, now), record(3, facilitator.StateFailed, now),
	}); err != nil {
		t.Fatal(err)
	}
	// A journaled `sent` record whose transaction the chain never saw is
	// rebroadcast by the resolve pass; use none here so the pass leaves
	// the journal alone.
	if err := facilitator.ResolvePending(e.fac, context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := testutil.GatherAndCompare(reg, strings.NewReader(`
# HELP obol_x402_facilitator_journal_oldest_sent_age_seconds Age of the oldest journal record still in state sent (broadcast, no receipt yet); 0 when there is none.
# TYPE obol_x402_facilitator_journal_oldest_sent_age_seconds gauge
obol_x402_facilitator_journal_oldest_sent_age_seconds 0
# HELP obol_x402_facilitator_journal_records Settlement journal records by state (sent|mined|failed), as of the last pending-settlement pass.
# TYPE obol_x402_facilitator_journal_records gauge
obol_x402_facilitator_journal_records{state="failed"} 1
obol_x402_facilitator_journal_records{state="mined"} 2
obol_x402_facilitator_journal_records{state="sent"} 0
`), "obol_x402_facilitator_journal_records", "obol_x402_facilitator_journal_oldest_sent_age_seconds"); err != nil {
		t.Fatal(err)
	}
}

// TestJournalListing: newest first, filtered by state, limited, without
// the raw transaction.
func TestJournalListing(t *testing.T) {
	e := newEnv(t, nil)
	base := time.Now().Add(-time.Hour)
	var recs []*facilitator.Record
	for i := range 6 {
		state := []string{facilitator.StateSent, facilitator.StateMined, facilitator.StateFailed}[i%3]
		recs = append(recs, record(i, state, base.Add(time.Duration(i)*time.Minute)))
	}
	if err := facilitator.PutRecords(e.fac, recs); err != nil {
		t.Fatal(err)
	}
	all, err := e.fac.Journal(facilitator.JournalQuery{})
	if err != nil || len(all) != 6 {
		t.Fatalf("list: %d, %v", len(all), err)
	}
	for i := 1; i < len(all); i++ {
		if all[i].Created.After(all[i-1].Created) {
			t.Fatalf("not newest first: %v after %v", all[i].Created, all[i-1].Created)
		}
	}
	if all[0].Key != recs[5].Key {
		t.Fatalf("newest is %s, want %s", all[0].Key, recs[5].Key)
	}
	mined, err := e.fac.Journal(facilitator.JournalQuery{State: facilitator.StateMined, Limit: 1})
	if err != nil || len(mined) != 1 || mined[0].Key != recs[4].Key || mined[0].Block != 4 {
		t.Fatalf("mined, limit 1: %+v, %v", mined, err)
	}
	raw, _ := json.Marshal(all)
	if strings.Contains(string(raw), `"raw"`) || strings.Contains(string(raw), "dead") {
		t.Fatalf("listing carries the raw transaction: %s", raw)
	}
	for _, q := range []facilitator.JournalQuery{{State: "pending"}, {Limit: -1}} {
		if _, err := e.fac.Journal(q); err == nil {
			t.Fatalf("query %+v accepted", q)
		}
	}
}
