package e2e

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/go-cmp/cmp"
)

// killAt are the counts of answered calls at which the victim is killed:
// several kills give the races around a kill several chances to show.
var killAt = []int64{50, 100, 150}

const (
	pendingWait = 60 * time.Second // how long the books wait for pending auths to resolve
	killCalls   = 200              // paid calls attempted per run
	killWorkers = 8                // concurrent callers
	killPool    = 250              // auths Bob signs: more than the calls, so none runs dry
)

// TestKill9DuringPaidCalls kills a stack with SIGKILL three times during 200
// paid calls, restarting it each time, lets the calls finish and checks the
// books:
// every auth settled on chain is counted spent exactly once, nothing is
// lost or double-counted, and every answer the client got was paid for on
// a chain that still has it. Bob's kill leaves Alice's chain running;
// Alice's kill takes her chain (persisted in her data dir) down with her,
// and it must resume where it was.
func TestKill9DuringPaidCalls(t *testing.T) {
	t.Parallel() // most of its time is the buyer's 30 s hold of unseen outcomes
	for _, victim := range []string{"bob", "alice"} {
		t.Run(victim, func(t *testing.T) {
			t.Parallel()
			runOutages(t, victim, false)
		})
	}
}

// TestGracefulDownDuringPaidCalls is the same with `obol stack down` and
// `stack up`: in-flight paid requests finish and settle before the stack
// stops, so a caller of Bob's gateway gets an answer or no connection,
// never an error from a half-stopped stack, and the books agree with the
// chain.
func TestGracefulDownDuringPaidCalls(t *testing.T) {
	t.Parallel()
	for _, victim := range []string{"bob", "alice"} {
		t.Run(victim, func(t *testing.T) {
			t.Parallel()
			run := runOutages(t, victim, true)
			if victim != "bob" {
				return
			}
			// A connection refused or reset (a connection still in the
			// listener's backlog when it closed) was never served; an HTTP
			// error was accepted by the stack and then failed.
			for _, e := range run.downErrs {
				if strings.Contains(e, ": status ") {
					t.Errorf("during his graceful stop Bob's gateway accepted a call and failed it: %s", e)
				}
			}
		})
	}
}

// runOutages makes the paid calls, stops and restarts the victim at each
// killAt count (kill -9, or `stack down` when graceful), then checks the books.
func runOutages(t *testing.T, victim string, graceful bool) *callRun {
	t.Helper()
	m := newMarket(t, killPool)
	aliceBefore, bobBefore := m.chain.usdcBalance(m.aliceAddr), m.chain.usdcBalance(m.bobAddr)
	var signed purchase
	m.bob.json(&signed, "buy", "status", "qwen")

	run := newCallRun(m)
	restart := m.restartBob
	if victim == "alice" {
		restart = m.restartAlice
	}
	run.start()
	var blockAtStop uint64
	for _, n := range killAt {
		run.waitSuccesses(t, n)
		blockAtStop = m.chain.block()
		run.outage(func() { restart(t, graceful) })
	}
	run.wg.Wait()
	t.Logf("%s stopped %d times (graceful %v); %d ok, %d failed while down, %d unexpected failures",
		victim, len(killAt), graceful, run.ok.Load(), run.downFails.Load(), len(run.unexpected))
	for _, e := range run.unexpected[:min(len(run.unexpected), 5)] {
		t.Errorf("unexpected failure: %s", e)
	}
	if head := m.chain.block(); head < blockAtStop {
		t.Fatalf("the chain went back from block %d to %d across the stop", blockAtStop, head)
	}
	m.checkBooks(t, run, signed, aliceBefore, bobBefore)
	t.Logf("after the run: Alice %s, Bob %s", m.alice.rss(), m.bob.rss())
	return run
}

// callRun is killCalls paid calls made by killWorkers goroutines.
type callRun struct {
	m         *market
	jobs      chan int
	wg        sync.WaitGroup
	epoch     atomic.Int64 // kills so far; a call that spans one may fail
	ok        atomic.Int64
	downFails atomic.Int64

	mu         sync.Mutex
	down       chan struct{} // closed when the current outage ends; nil while up
	txs        []string      // settlement tx hashes of the answers received
	unexpected []string
	downErrs   []string // what the calls that failed during an outage saw
}

func newCallRun(m *market) *callRun {
	r := &callRun{m: m, jobs: make(chan int, killCalls)}
	for i := range killCalls {
		r.jobs <- i
	}
	close(r.jobs)
	return r
}

// outage runs kill-and-restart; calls failing meanwhile wait for its end.
func (r *callRun) outage(killAndRestart func()) {
	r.mu.Lock()
	r.down = make(chan struct{})
	r.epoch.Add(1)
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		close(r.down)
		r.down = nil
		r.mu.Unlock()
	}()
	killAndRestart()
}

func (r *callRun) start() {
	url, key := r.m.bob.url("local")+"/v1/chat/completions", r.m.bob.masterKey()
	for range killWorkers {
		r.wg.Add(1)
		go func() {
			defer r.wg.Done()
			// A fresh connection per call: a reset then means the stack
			// dropped a request it had accepted, never the keep-alive race
			// of a request sent on a connection the server just closed idle.
			c := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
			for i := range r.jobs {
				epoch := r.epoch.Load()
				tx, err := paidCall(c, url, key, i)
				if err == nil {
					r.ok.Add(1)
					r.mu.Lock()
					r.txs = append(r.txs, tx)
					r.mu.Unlock()
					continue
				}
				r.mu.Lock()
				down := r.down
				r.mu.Unlock()
				switch {
				case down != nil:
					r.downFailed(err)
					<-down
				case r.epoch.Load() != epoch: // the call spanned a kill that is over now
					r.downFailed(err)
				default:
					r.fail(err)
				}
			}
		}()
	}
}

func (r *callRun) downFailed(err error) {
	r.downFails.Add(1)
	r.mu.Lock()
	r.downErrs = append(r.downErrs, err.Error())
	r.mu.Unlock()
}

func (r *callRun) fail(err error) {
	r.mu.Lock()
	r.unexpected = append(r.unexpected, err.Error())
	r.mu.Unlock()
}

// waitSuccesses waits until n calls have been answered and paid.
func (r *callRun) waitSuccesses(t *testing.T, n int64) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for r.ok.Load() < n {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d paid calls succeeded in 60 s: %v", r.ok.Load(), n, r.unexpected)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// paidCall is one chat completion through Bob's gateway; it returns the
// settlement's tx hash.
func paidCall(c *http.Client, url, key string, i int) (string, error) {
	prompt := fmt.Sprintf("paid call %d", i)
	body := fmt.Sprintf(`{"model":"paid/qwen","messages":[{"role":"user","content":%q}]}`, prompt)
	req, _ := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := c.Do(req)
	if err != nil {
		return "", fmt.Errorf("call %d: %w", i, err)
	}
	defer resp.Body.Close()
	var out struct {
		Choices []struct {
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", fmt.Errorf("call %d: read answer: %w", i, err)
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("call %d: status %d: %.300s", i, resp.StatusCode, raw)
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		return "", fmt.Errorf("call %d: %w: %.300s", i, err, raw)
	}
	if len(out.Choices) == 0 || out.Choices[0].Message.Content != "echo: "+prompt {
		return "", fmt.Errorf("call %d: answer %+v", i, out)
	}
	raw, err = base64.StdEncoding.DecodeString(resp.Header.Get("Payment-Response"))
	if err != nil {
		return "", fmt.Errorf("call %d: PAYMENT-RESPONSE: %w", i, err)
	}
	var st struct {
		Success     bool   `json:"success"`
		Transaction string `json:"transaction"`
	}
	if err := json.Unmarshal(raw, &st); err != nil || !st.Success {
		return "", fmt.Errorf("call %d: settlement %s", i, raw)
	}
	return st.Transaction, nil
}

// restartBob kills Bob's stack and starts it again; it returns once his
// gateway routes paid/qwen to a loaded pool.
func (m *market) restartBob(t *testing.T, graceful bool) {
	t.Helper()
	m.bob.halt(graceful)
	if got := m.chain.block(); got == 0 {
		t.Fatal("Alice's chain did not answer while Bob was down")
	}
	m.bob.up()
	m.waitBobPool(t)
}

// restartAlice kills Alice's stack (and the chain in it) and starts it
// again; it returns once her offer answers 402 again.
func (m *market) restartAlice(t *testing.T, graceful bool) {
	t.Helper()
	m.alice.halt(graceful)
	m.alice.up()
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, _, _ := post(t, m.offerURL+"/v1/chat/completions", "", `{"model":"qwen","messages":[{"role":"user","content":"x"}]}`)
		if code == http.StatusPaymentRequired {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Alice's offer answers %d 30 s after her restart, want 402", code)
		}
		time.Sleep(50 * time.Millisecond)
	}
	m.waitBobPool(t)
}

func (m *market) waitBobPool(t *testing.T) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		pools, err := m.bob.tryPools()
		if p, ok := pools["default/qwen"]; ok && p.Remaining > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("Bob's pool is not loaded 30 s after his restart: %+v %v", pools, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// checkBooks is the accounting after the run, once no auth is pending.
func (m *market) checkBooks(t *testing.T, run *callRun, signed purchase, aliceBefore, bobBefore *big.Int) {
	t.Helper()
	var p poolStatus
	// A pending auth is held 30 s (the seller may still settle it) and then
	// resolved from the chain at the next 10 s tick.
	deadline := time.Now().Add(pendingWait)
	for {
		p = m.bob.pools()["default/qwen"]
		if p.InFlight == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if p.InFlight != 0 {
		t.Errorf("%d auths still pending %s after the run", p.InFlight, pendingWait)
	}
	if p.TotalSigned != killPool || p.Remaining+p.Spent+p.InFlight != p.TotalSigned {
		t.Errorf("pool %+v: remaining + spent + pending != signed %d", p, killPool)
	}
	transfers := m.chain.transfersFrom(m.bobAddr)
	if transfers != p.Spent {
		t.Errorf("Bob's pool counts %d spent, the chain has %d Transfer logs from Bob", p.Spent, transfers)
	}
	ok := int(run.ok.Load())
	if p.Spent < ok || p.Spent > ok+killWorkers+int(run.downFails.Load()) {
		t.Errorf("spent %d, answered %d, failed while down %d: spent must lie between the answers and the attempts", p.Spent, ok, run.downFails.Load())
	}
	ids := map[string]bool{}
	for _, a := range signed.Spec.PreSignedAuths {
		ids[strings.ToLower(a.ID)] = true
	}
	seen := map[string]bool{}
	for _, n := range m.chain.noncesUsed(m.bobAddr) {
		if seen[n] {
			t.Errorf("nonce %s used twice on chain", n)
		}
		if !ids[n] {
			t.Errorf("nonce %s used on chain is not one of Bob's signed auths", n)
		}
		seen[n] = true
	}
	m.checkReceipts(t, run.txs)
	want := new(big.Int).Mul(pricePerCall, big.NewInt(int64(p.Spent)))
	if d := new(big.Int).Sub(m.chain.usdcBalance(m.aliceAddr), aliceBefore); d.Cmp(want) != 0 {
		t.Errorf("Alice received %s, want spent × price = %s", d, want)
	}
	if d := new(big.Int).Sub(bobBefore, m.chain.usdcBalance(m.bobAddr)); d.Cmp(want) != 0 {
		t.Errorf("Bob paid %s, want spent × price = %s", d, want)
	}
	t.Logf("books: %d answered, %d spent, %d remaining of %d signed, %d transfers on chain", ok, p.Spent, p.Remaining, p.TotalSigned, transfers)
}

// checkReceipts checks every answer's settlement is a distinct, successful
// transaction on the (possibly restarted) chain.
func (m *market) checkReceipts(t *testing.T, txs []string) {
	t.Helper()
	dup := map[string]bool{}
	for _, h := range txs {
		if dup[h] {
			t.Errorf("two answers carry the same settlement tx %s", h)
		}
		dup[h] = true
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		rc, err := m.chain.ec.TransactionReceipt(ctx, common.HexToHash(h))
		cancel()
		if err != nil || rc.Status != 1 {
			t.Errorf("settlement %s of an answered call is not a successful tx on chain: %v", h, err)
		}
	}
}

// TestUpAfterKill9Serves is `stack up --detach` right after a kill -9: it
// must report the new stack once it serves, as it does on a clean data dir,
// not the dead stack's run/endpoints.json. Port 0 everywhere makes every
// start bind new ports, so stale endpoints differ from the live ones.
func TestUpAfterKill9Serves(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "phoenix")
	args := []string{"--data-dir", dir, "stack", "up", "--detach"}
	for _, l := range []string{"public", "local", "buyer", "facilitator", "chain"} {
		args = append(args, "--"+l+"-addr", "127.0.0.1:0")
	}
	n := &node{t: t, name: "phoenix", dir: dir}
	t.Cleanup(n.stop)
	type upOut struct {
		PID       int               `json:"pid"`
		Endpoints map[string]string `json:"endpoints"`
	}
	var first, second upOut
	mustJSON(t, &first, args...)
	n.kill9()
	mustJSON(t, &second, args...)
	var st struct {
		PID       int               `json:"pid"`
		Listeners map[string]string `json:"listeners"`
	}
	r := n.run("stack", "status", "-o", "json")
	if r.code != 0 {
		t.Fatalf("stack up --detach returned after a kill -9 (reporting %v; the dead stack had %v), but stack status fails right after it:\n%v",
			second.Endpoints, first.Endpoints, r)
	}
	decodeJSON(t, r, &st)
	if st.PID != second.PID {
		t.Fatalf("stack status says pid %d, stack up said %d", st.PID, second.PID)
	}
	if diff := cmp.Diff(st.Listeners, second.Endpoints); diff != "" {
		t.Errorf("stack up --detach after a kill -9 reported endpoints that are not the running stack's (-running +reported):\n%s\nthe dead stack's were %v", diff, first.Endpoints)
	}
}
