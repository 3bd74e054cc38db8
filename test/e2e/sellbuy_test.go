package e2e

import (
	"encoding/json"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/llm/llmtest"
)

// pricePerCall is the offers' price: 0.001 USDC = 1000 atomic units.
var pricePerCall = big.NewInt(1000)

// market is Alice (seller, runs the dev chain) and Bob (buyer, uses
// Alice's chain), both detached stacks, with Bob holding a pool of count
// auths for Alice's model "qwen" served by a fake OpenAI upstream.
type market struct {
	alice, bob *node
	chain      *chainView
	upstream   *llmtest.Upstream
	offerURL   string
	bobAddr    string
	aliceAddr  string
}

// newMarket walks a person's first session: init, up, model setup, sell,
// fund, buy (count auths; 0 buys nothing).
func newMarket(t *testing.T, count int) *market {
	t.Helper()
	m := &market{upstream: llmtest.NewUpstream(t, llmtest.Options{Name: "e2e", Models: []string{"qwen"}})}
	m.alice = newNode(t, "alice", "")
	m.alice.up()
	m.chain = newChainView(t, m.alice.url("chain"))
	m.bob = newNode(t, "bob", m.alice.url("chain"))
	m.bob.up()
	m.aliceAddr, m.bobAddr = m.alice.walletAddress(), m.bob.walletAddress()

	var setup struct {
		Provider string   `json:"provider"`
		Models   []string `json:"models"`
		Live     struct {
			Applied bool `json:"applied"`
		} `json:"live"`
	}
	m.alice.json(&setup, "model", "setup", "--provider", "custom", "--endpoint", m.upstream.URL, "--model", "qwen")
	if setup.Provider != "custom" || !cmp.Equal(setup.Models, []string{"qwen"}) || !setup.Live.Applied {
		t.Fatalf("model setup -o json: %+v", setup)
	}
	var sold struct {
		URL   string `json:"url"`
		Ready bool   `json:"ready"`
	}
	m.alice.json(&sold, "sell", "inference", "qwen", "--model", "qwen", "--price", "0.001")
	if want := m.alice.url("public") + "/services/qwen"; sold.URL != want || !sold.Ready {
		t.Fatalf("sell inference -o json: url %q ready %v, want %q ready", sold.URL, sold.Ready, want)
	}
	m.offerURL = sold.URL

	var funded struct {
		Atomic string `json:"atomicAmount"`
		TxHash string `json:"txHash"`
	}
	mustJSON(t, &funded, "chain", "fund", m.bobAddr, "--token", "USDC", "--amount", "10", "--rpc", m.alice.url("chain"))
	if funded.Atomic != "10000000" || len(funded.TxHash) != 66 {
		t.Fatalf("chain fund -o json: %+v", funded)
	}
	if count == 0 {
		return m // the caller buys (or fails to)
	}
	pr := m.bob.purchase("buy", "inference", m.offerURL, "--count", strconv.Itoa(count), "--yes")
	if pr.Status.PublicModel != "paid/qwen" || pr.Status.TotalSigned != count || pr.Status.Remaining != count || !pr.ready() {
		t.Fatalf("buy inference -o json: %+v", pr)
	}
	return m
}

// purchase is the part of a PurchaseRequest the tests read.
type purchase struct {
	Metadata struct {
		Name string `json:"name"`
	} `json:"metadata"`
	Spec struct {
		Count          int `json:"count"`
		PreSignedAuths []struct {
			ID string `json:"id"`
		} `json:"preSignedAuths"`
	} `json:"spec"`
	Status struct {
		PublicModel string `json:"publicModel"`
		Remaining   int    `json:"remaining"`
		Spent       int    `json:"spent"`
		TotalSigned int    `json:"totalSigned"`
		Conditions  []struct {
			Type   string `json:"type"`
			Status string `json:"status"`
		} `json:"conditions"`
	} `json:"status"`
}

func (p purchase) ready() bool {
	for _, c := range p.Status.Conditions {
		if c.Type == "Ready" {
			return c.Status == "True"
		}
	}
	return false
}

func (n *node) purchase(args ...string) purchase {
	n.t.Helper()
	var pr purchase
	n.json(&pr, args...)
	return pr
}

// paidCallNode makes one paid chat completion with the official openai npm
// client through Bob's gateway and returns the settlement it saw.
func paidCallNode(t *testing.T, bob *node, prompt string) (content, tx string) {
	t.Helper()
	dir := nodeDir(t)
	cmd := exec.Command("node", filepath.Join(dir, "e2e-paid-openai.mjs"), bob.url("local")+"/v1", bob.masterKey(), "paid/qwen", prompt)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("openai client paid call: %v\n%s%s", err, out, stderr)
	}
	var res struct {
		Content    string `json:"content"`
		Model      string `json:"model"`
		Settlement struct {
			Success     bool   `json:"success"`
			Transaction string `json:"transaction"`
			Payer       string `json:"payer"`
		} `json:"settlement"`
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("openai client output: %v\n%s", err, out)
	}
	if !strings.EqualFold(res.Settlement.Payer, bob.walletAddress()) {
		t.Errorf("settlement payer %s, want Bob %s", res.Settlement.Payer, bob.walletAddress())
	}
	return res.Content, res.Settlement.Transaction
}

// nodeDir finds test/node with its installed node_modules, or fails the
// test saying how to install them.
func nodeDir(t *testing.T) string {
	t.Helper()
	mods := os.Getenv("OBOL_NODE_MODULES")
	if mods == "" {
		mods = filepath.Join(repoRoot(), "test", "node", "node_modules")
	}
	if _, err := os.Stat(filepath.Join(mods, "openai", "package.json")); err != nil {
		t.Fatalf("the official openai npm client is not installed at %s: run `make node-deps`", mods)
	}
	dir, err := filepath.Abs(filepath.Dir(mods))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestSellBuyPayRestart is issue 7 item 5: two stacks driven by the built
// binary, a paid call with the official openai client, then both stacks go
// down and up again and everything is still there.
func TestSellBuyPayRestart(t *testing.T) {
	m := newMarket(t, 5)
	aliceBefore, bobBefore := m.chain.usdcBalance(m.aliceAddr), m.chain.usdcBalance(m.bobAddr)

	content, tx := paidCallNode(t, m.bob, "first paid call")
	if content != "echo: first paid call" {
		t.Errorf("paid answer %q", content)
	}
	if got := m.bob.pools()["default/qwen"]; got.Remaining != 4 || got.Spent != 1 || got.TotalSigned != 5 {
		t.Fatalf("after one paid call Bob's pool is %+v, want remaining 4 spent 1 of 5", got)
	}
	m.checkMoved(aliceBefore, bobBefore, 1)
	if m.chain.transfersFrom(m.bobAddr) != 1 {
		t.Fatalf("Transfer logs from Bob: %d, want 1 (tx %s)", m.chain.transfersFrom(m.bobAddr), tx)
	}

	// What `obol stack status` and the lists report, as JSON.
	var st struct {
		PID       int               `json:"pid"`
		Listeners map[string]string `json:"listeners"`
		Offers    int               `json:"offers"`
		Purchases int               `json:"purchases"`
		Models    []string          `json:"models"`
	}
	m.alice.json(&st, "stack", "status")
	if st.Offers != 1 || st.PID != m.alice.pid() || st.Listeners["chain"] != m.alice.url("chain") || !cmp.Equal(st.Models, []string{"qwen"}) {
		t.Errorf("alice stack status: %+v", st)
	}
	m.bob.json(&st, "stack", "status")
	if st.Purchases != 1 || !cmp.Equal(st.Models, []string{"paid/qwen"}) {
		t.Errorf("bob stack status: %+v", st)
	}
	var offers, buys struct {
		Items []json.RawMessage `json:"items"`
	}
	m.alice.json(&offers, "sell", "list")
	m.bob.json(&buys, "buy", "list")
	if len(offers.Items) != 1 || len(buys.Items) != 1 {
		t.Errorf("sell list %d items, buy list %d items, want 1 and 1", len(offers.Items), len(buys.Items))
	}
	var models struct {
		Models []struct {
			Name string `json:"name"`
		} `json:"models"`
	}
	m.alice.json(&models, "model", "list")
	if len(models.Models) != 1 || models.Models[0].Name != "qwen" {
		t.Errorf("model list: %+v", models)
	}

	// Both down (Bob first: his stack needs Alice's chain), both up again.
	m.bob.down()
	m.alice.down()
	blockBefore := uint64(0)
	m.alice.up()
	if blockBefore = m.chain.block(); blockBefore == 0 {
		t.Fatal("Alice's chain restarted at block 0: its state did not persist")
	}
	m.bob.up()
	if got := m.chain.usdcBalance(m.bobAddr); new(big.Int).Sub(bobBefore, got).Cmp(pricePerCall) != 0 {
		t.Fatalf("after restart Bob's balance is %s, want %s - %s", got, bobBefore, pricePerCall)
	}

	code, hdr, _ := post(t, m.offerURL+"/v1/chat/completions", "", `{"model":"qwen","messages":[{"role":"user","content":"hi"}]}`)
	if code != 402 || hdr.Get("Payment-Required") == "" {
		t.Fatalf("after restart an unpaid call got %d (PAYMENT-REQUIRED %q), want 402 with a challenge", code, hdr.Get("Payment-Required"))
	}
	if got := m.bob.pools()["default/qwen"]; got.Remaining != 4 || got.Spent != 1 {
		t.Fatalf("after restart Bob's pool is %+v, want remaining 4 spent 1", got)
	}
	// What a person reads: the purchase's status, refreshed from the pool
	// when the stack starts.
	if pr := m.waitPurchase(t, 4, 1); pr.Status.TotalSigned != 5 || !pr.ready() {
		t.Fatalf("after restart buy status says %+v", pr.Status)
	}
	content, tx2 := paidCallNode(t, m.bob, "after restart")
	if content != "echo: after restart" || tx2 == tx {
		t.Errorf("second paid call: %q tx %s (first tx %s)", content, tx2, tx)
	}
	if got := m.bob.pools()["default/qwen"]; got.Remaining != 3 || got.Spent != 2 || got.TotalSigned != 5 {
		t.Fatalf("after a second paid call Bob's pool is %+v, want remaining 3 spent 2 of 5", got)
	}
	m.checkMoved(aliceBefore, bobBefore, 2)
	nonces := m.chain.noncesUsed(m.bobAddr)
	if len(nonces) != 2 || nonces[0] == nonces[1] || m.chain.transfersFrom(m.bobAddr) != 2 {
		t.Fatalf("on chain: nonces %v, transfers %d; want 2 distinct", nonces, m.chain.transfersFrom(m.bobAddr))
	}
	for _, prompt := range []string{"first paid call", "after restart"} {
		if n := m.upstreamCalls(prompt); n != 1 {
			t.Errorf("the upstream saw %q %d times, want once", prompt, n)
		}
	}
	m.checkJSONEverywhere(t)
	m.checkRemoveAndDelete(t)
}

// checkJSONEverywhere runs the read-only commands with -o json: each exits
// 0 and prints exactly one JSON value.
func (m *market) checkJSONEverywhere(t *testing.T) {
	t.Helper()
	for _, tc := range []struct {
		n    *node
		args []string
	}{
		{m.alice, []string{"version"}},
		{m.alice, []string{"stack", "status"}},
		{m.alice, []string{"sell", "list"}},
		{m.alice, []string{"sell", "status", "qwen"}},
		{m.alice, []string{"sell", "test", "qwen"}},
		{m.alice, []string{"model", "list"}},
		{m.alice, []string{"model", "status"}},
		{m.alice, []string{"wallet", "address"}},
		{m.bob, []string{"buy", "list"}},
		{m.bob, []string{"buy", "status", "qwen"}},
		{m.bob, []string{"chain", "status", "--rpc", m.alice.url("chain")}},
	} {
		var v any
		tc.n.json(&v, tc.args...)
		if v == nil {
			t.Errorf("%v -o json printed null", tc.args)
		}
	}
}

// checkRemoveAndDelete undoes the purchase and the offer and checks both
// are gone where a person would look.
func (m *market) checkRemoveAndDelete(t *testing.T) {
	t.Helper()
	var rm struct {
		Removed bool `json:"removed"`
	}
	m.bob.json(&rm, "buy", "remove", "qwen")
	if !rm.Removed {
		t.Fatal("buy remove -o json did not say removed")
	}
	var st struct {
		Purchases int      `json:"purchases"`
		Models    []string `json:"models"`
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		m.bob.json(&st, "stack", "status")
		if st.Purchases == 0 && len(st.Models) == 0 && len(m.bob.pools()) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("10 s after buy remove Bob still has %+v, pools %v", st, m.bob.pools())
		}
		time.Sleep(100 * time.Millisecond)
	}
	var del struct {
		Deleted bool `json:"deleted"`
	}
	m.alice.json(&del, "sell", "delete", "qwen")
	if !del.Deleted {
		t.Fatal("sell delete -o json did not say deleted")
	}
	deadline = time.Now().Add(10 * time.Second)
	for {
		// Under /services/ a path no offer serves is refused (403
		// no_route), never passed on free.
		code, _, body := post(t, m.offerURL+"/v1/chat/completions", "", `{"model":"qwen","messages":[]}`)
		if code == http.StatusForbidden && strings.Contains(string(body), "no_route") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("10 s after sell delete the offer answers %d %s, want 403 no_route", code, body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	if r := m.alice.run("sell", "status", "qwen"); r.code != 1 || !strings.Contains(r.stderr, "no offer default/qwen") {
		t.Errorf("sell status of a deleted offer: %v", r)
	}
}

// checkMoved checks both balances moved by exactly calls × price.
func (m *market) checkMoved(aliceBefore, bobBefore *big.Int, calls int64) {
	m.chain.t.Helper()
	want := new(big.Int).Mul(pricePerCall, big.NewInt(calls))
	if d := new(big.Int).Sub(m.chain.usdcBalance(m.aliceAddr), aliceBefore); d.Cmp(want) != 0 {
		m.chain.t.Errorf("Alice received %s, want %s", d, want)
	}
	if d := new(big.Int).Sub(bobBefore, m.chain.usdcBalance(m.bobAddr)); d.Cmp(want) != 0 {
		m.chain.t.Errorf("Bob paid %s, want %s", d, want)
	}
}

// upstreamCalls counts the chat completions the upstream received whose
// body carries prompt.
func (m *market) upstreamCalls(prompt string) int {
	n := 0
	for _, r := range m.upstream.Requests() {
		if r.Path == "/v1/chat/completions" && strings.Contains(string(r.Body), prompt) {
			n++
		}
	}
	return n
}

// waitPurchase waits (10 s at most) until `obol buy status qwen` reports
// remaining and spent.
func (m *market) waitPurchase(t *testing.T, remaining, spent int) purchase {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		pr := m.bob.purchase("buy", "status", "qwen")
		if pr.Status.Remaining == remaining && pr.Status.Spent == spent {
			return pr
		}
		if time.Now().After(deadline) {
			t.Fatalf("buy status says remaining %d spent %d 10 s after the restart, want %d and %d",
				pr.Status.Remaining, pr.Status.Spent, remaining, spent)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
