package facilitator_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

func TestSupported(t *testing.T) {
	e := newEnv(t, nil)
	resp, err := http.Get(e.srv.URL + "/supported")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got x402.SupportedResponse
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	want := x402.SupportedResponse{
		Kinds:      []x402.SupportedKind{{X402Version: 2, Scheme: "exact", Network: "eip155:1337"}, {X402Version: 1, Scheme: "exact", Network: "devnet"}},
		Extensions: []string{"eip2612GasSponsoring"},
		Signers:    map[string][]string{"eip155:*": {e.fac.Address().Hex()}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("/supported (-want +got):\n%s", diff)
	}
}

// TestSettleEIP3009 is the whole path over HTTP: verify, settle, one
// Transfer, balances moved by exactly the amount.
func TestSettleEIP3009(t *testing.T) {
	e := newEnv(t, nil)
	payer := e.payer("payer", 5_000, 0)
	payTo := x402test.Address(t, "seller")
	req := x402test.Requirements(t, "devnet", "USDC", 1_234, payTo)
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})

	var v x402.VerifyResponse
	if code := e.post("/verify", p, req, &v); code != 200 || !v.IsValid || v.Payer != payer.Address().Hex() {
		t.Fatalf("verify: %d %+v", code, v)
	}
	var s x402.SettleResponse
	if code := e.post("/settle", p, req, &s); code != 200 || !s.Success || s.Network != "eip155:1337" || s.Payer != payer.Address().Hex() || s.Amount != "1234" {
		t.Fatalf("settle: %d %+v", code, s)
	}
	if got := e.balance(devUSDC, payTo); got.Int64() != 1_234 {
		t.Fatalf("payTo balance %s, want 1234", got)
	}
	if got := e.balance(devUSDC, payer.Address()); got.Int64() != 5_000-1_234 {
		t.Fatalf("payer balance %s", got)
	}
	rc, err := e.ec.TransactionReceipt(context.Background(), common.HexToHash(s.Transaction))
	if err != nil || rc.Status != 1 {
		t.Fatalf("receipt of %s: %v", s.Transaction, err)
	}
	// The same payment again: the first outcome, no second transaction.
	var again x402.SettleResponse
	e.post("/settle", p, req, &again)
	if diff := cmp.Diff(s, again); diff != "" {
		t.Fatalf("repeated settle differs (-first +again):\n%s", diff)
	}
	if n := e.transfers(devUSDC, payer.Address()); n != 1 {
		t.Fatalf("%d Transfer logs, want 1", n)
	}
	// Verify after settlement: the chain says the nonce is spent.
	e.post("/verify", p, req, &v)
	if v.IsValid || v.InvalidReason != x402.ReasonExactNonceAlreadyUsed {
		t.Fatalf("verify of a settled payment: %+v", v)
	}
}

func TestSettlePermit2(t *testing.T) {
	e := newEnv(t, nil)
	payTo := x402test.Address(t, "seller")
	req := x402test.Requirements(t, "devnet", "OBOL", 7_000, payTo)

	t.Run("approved", func(t *testing.T) {
		payer := e.payer("p2 approved", 0, 10_000)
		e.approvePermit2(x402test.Key(t, "p2 approved "+e.t.Name()), devOBOL)
		p := x402test.SignPermit2(t, payer, req, x402.SignOptions{})
		var s x402.SettleResponse
		if e.post("/settle", p, req, &s); !s.Success {
			t.Fatalf("settle: %+v", s)
		}
		if got := e.balance(devOBOL, payer.Address()); got.Int64() != 3_000 {
			t.Fatalf("payer balance %s, want 3000", got)
		}
	})
	t.Run("eip2612 gas sponsoring, no approve", func(t *testing.T) {
		payer := e.payer("p2 sponsored", 0, 10_000)
		p := x402test.SignPermit2(t, payer, req, x402.SignOptions{EIP2612: &x402.EIP2612Option{TokenNonce: big.NewInt(0)}})
		var v x402.VerifyResponse
		if e.post("/verify", p, req, &v); !v.IsValid {
			t.Fatalf("verify: %+v", v)
		}
		var s x402.SettleResponse
		if e.post("/settle", p, req, &s); !s.Success {
			t.Fatalf("settle: %+v", s)
		}
		if got := e.balance(devOBOL, payTo); got.Sign() == 0 {
			t.Fatal("payTo got nothing")
		}
	})
}

// TestChainReasons: every reason that needs the chain, each from a real
// signed payload, and nothing sent for any of them.
func TestChainReasons(t *testing.T) {
	ahead := time.Now().Add(time.Hour)
	e := newEnv(t, func(o *facilitator.Options) { o.Now = func() time.Time { return ahead } })
	payTo := x402test.Address(t, "seller")
	usdc := x402test.Requirements(t, "devnet", "USDC", 1_000, payTo)
	obol := x402test.Requirements(t, "devnet", "OBOL", 1_000, payTo)
	rich := e.payer("rich", 10_000, 10_000)
	e.approvePermit2(x402test.Key(t, "rich "+t.Name()), devOBOL)
	poor := e.payer("poor", 0, 0)
	e.approvePermit2(x402test.Key(t, "poor "+t.Name()), devOBOL)
	unapproved := e.payer("unapproved", 0, 10_000)
	signOpts := func() x402.SignOptions { return x402.SignOptions{Now: ahead} }
	withExtra := func(r x402.PaymentRequirements, k, v string) x402.PaymentRequirements {
		r.Extra = map[string]any{"name": r.ExtraString("name"), "version": r.ExtraString("version"), "assetTransferMethod": r.ExtraString("assetTransferMethod"), k: v}
		return r
	}
	wrongVersion := withExtra(usdc, "version", "1")
	wrongName := withExtra(usdc, "name", "USD Coin")

	used := x402test.SignERC3009(t, rich, usdc, signOpts())
	usedP2 := x402test.SignPermit2(t, rich, obol, signOpts())
	for _, p := range []struct {
		p   *x402.PaymentPayload
		req x402.PaymentRequirements
	}{{used, usdc}, {usedP2, obol}} {
		var s x402.SettleResponse
		if e.post("/settle", p.p, p.req, &s); !s.Success {
			t.Fatalf("setup settle: %+v", s)
		}
	}
	reusedP2 := x402test.SignPermit2(t, rich, obol, x402.SignOptions{Now: ahead, Nonce: mustBig(t, x402test.Exact(t, usedP2).Permit2Authorization.Nonce), ValidBefore: big.NewInt(ahead.Unix() + 7200)})
	baseReq := x402test.Requirements(t, "base", "USDC", 1_000, payTo)
	fresh, freshP2 := x402test.SignERC3009(t, rich, usdc, signOpts()), x402test.SignPermit2(t, rich, obol, signOpts())
	withField := func(r x402.PaymentRequirements, fn func(*x402.PaymentRequirements)) x402.PaymentRequirements {
		fn(&r)
		return r
	}

	tests := []struct {
		name string
		p    *x402.PaymentPayload
		req  x402.PaymentRequirements
		want x402.Reason
	}{
		{"insufficient balance", x402test.SignERC3009(t, poor, usdc, signOpts()), usdc, x402.ReasonExactInsufficientBalance},
		{"nonce already used", used, usdc, x402.ReasonExactNonceAlreadyUsed},
		{"token version mismatch", x402test.SignERC3009(t, rich, wrongVersion, signOpts()), wrongVersion, x402.ReasonExactTokenVersionMismatch},
		{"token name mismatch", x402test.SignERC3009(t, rich, wrongName, signOpts()), wrongName, x402.ReasonExactTokenNameMismatch},
		{"not yet valid on chain", x402test.SignERC3009(t, rich, usdc, x402.SignOptions{Now: ahead, ValidAfter: big.NewInt(ahead.Unix() - 60)}), usdc, x402.ReasonExactValidAfter},
		{"permit2 allowance missing", x402test.SignPermit2(t, unapproved, obol, signOpts()), obol, x402.ReasonPermit2AllowanceRequired},
		{"permit2 insufficient balance", x402test.SignPermit2(t, poor, obol, signOpts()), obol, x402.ReasonPermit2InsufficientBalance},
		{"permit2 nonce reused", reusedP2, obol, x402.ReasonPermit2InvalidNonce},
		{"permit2 payment too early", x402test.SignPermit2(t, rich, obol, x402.SignOptions{Now: ahead, ValidAfter: big.NewInt(ahead.Unix() - 60)}), obol, x402.ReasonPermit2PaymentTooEarly},
		{"network not served", x402test.SignERC3009(t, rich, baseReq, signOpts()), baseReq, x402.ReasonInvalidNetwork},
		// Local reasons through the same HTTP path: answered before any chain work.
		{"wrong amount", fresh, withField(usdc, func(r *x402.PaymentRequirements) { r.Amount = "999" }), x402.ReasonExactValueMismatch},
		{"wrong recipient", fresh, withField(usdc, func(r *x402.PaymentRequirements) { r.PayTo = x402test.Address(t, "other").Hex() }), x402.ReasonExactRecipientMismatch},
		{"expired", x402test.SignERC3009(t, rich, usdc, x402.SignOptions{Now: ahead, ValidBefore: big.NewInt(ahead.Unix() + 1)}), usdc, x402.ReasonExactValidBefore},
		{"not yet valid", x402test.SignERC3009(t, rich, usdc, x402.SignOptions{Now: ahead, ValidAfter: big.NewInt(ahead.Unix() + 600)}), usdc, x402.ReasonExactValidAfter},
		{"wrong EIP-712 domain", x402test.SignERC3009(t, rich, wrongName, signOpts()), usdc, x402.ReasonExactSignature},
		{"unknown scheme", fresh, withField(usdc, func(r *x402.PaymentRequirements) { r.Scheme = "upto" }), x402.ReasonExactScheme},
		{"permit2 wrong amount", freshP2, withField(obol, func(r *x402.PaymentRequirements) { r.Amount = "1" }), x402.ReasonPermit2AmountMismatch},
	}
	facNonce := func() uint64 {
		n, err := e.ec.NonceAt(context.Background(), e.fac.Address(), nil)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := facNonce()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v x402.VerifyResponse
			if code := e.post("/verify", tt.p, tt.req, &v); code != 200 || v.IsValid || v.InvalidReason != tt.want {
				t.Fatalf("verify: %d %+v, want %s", code, v, tt.want)
			}
			var s x402.SettleResponse
			code := e.post("/settle", tt.p, tt.req, &s)
			if tt.p == used || tt.p == usedP2 || tt.p == reusedP2 {
				// Settled by this facilitator before: the first outcome again.
				if code != 200 || !s.Success || s.Transaction == "" {
					t.Fatalf("settle of a settled payment: %d %+v", code, s)
				}
				return
			}
			if code != 200 || s.Success || s.ErrorReason != tt.want || s.Transaction != "" {
				t.Fatalf("settle: %d %+v, want %s", code, s, tt.want)
			}
		})
	}
	if after := facNonce(); after != before {
		t.Fatalf("facilitator sent %d transactions for rejected payments", after-before)
	}
}

func mustBig(t *testing.T, s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		t.Fatalf("bad number %q", s)
	}
	return v
}

// TestBadRequests: malformed input gets a reason and a 400, nothing is
// sent, and the facilitator keeps serving.
func TestBadRequests(t *testing.T) {
	e := newEnv(t, nil)
	tests := []struct {
		name, body string
		want       x402.Reason
	}{
		{"not json", `{"x402Version":2,`, x402.ReasonInvalidPayload},
		{"payload as base64", `{"x402Version":2,"paymentPayload":"eyJhIjoxfQ==","paymentRequirements":{}}`, x402.ReasonInvalidPayload},
		{"unknown version", `{"x402Version":7,"paymentPayload":{"x402Version":7,"payload":{}},"paymentRequirements":{}}`, x402.ReasonInvalidX402Version},
		{"unknown v1 network", `{"x402Version":1,"paymentPayload":{"x402Version":1,"scheme":"exact","network":"mars","payload":{}},"paymentRequirements":{"network":"mars"}}`, x402.ReasonInvalidNetwork},
		{"huge", `{"x402Version":2,"paymentPayload":{"x402Version":2,"payload":"` + strings.Repeat("a", 70_000) + `"},"paymentRequirements":{}}`, x402.ReasonInvalidPayload},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v x402.VerifyResponse
			if code := e.postRaw("/verify", []byte(tt.body), &v); code != 400 || v.InvalidReason != tt.want {
				t.Fatalf("verify: %d %+v, want 400 %s", code, v, tt.want)
			}
			var s x402.SettleResponse
			if code := e.postRaw("/settle", []byte(tt.body), &s); code != 400 || s.ErrorReason != tt.want || s.Success {
				t.Fatalf("settle: %d %+v, want 400 %s", code, s, tt.want)
			}
		})
	}
	// Still serving, and a v1-shaped real payment settles.
	payer := e.payer("v1", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 10, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	ep := x402test.Exact(t, p)
	body, _ := json.Marshal(map[string]any{"x402Version": 1,
		"paymentPayload": map[string]any{"x402Version": 1, "scheme": "exact", "network": "devnet", "payload": ep},
		"paymentRequirements": map[string]any{"scheme": "exact", "network": "devnet", "maxAmountRequired": "10", "resource": "http://x/y",
			"description": "", "mimeType": "", "payTo": req.PayTo, "maxTimeoutSeconds": 60, "asset": req.Asset, "extra": req.Extra}})
	var s x402.SettleResponse
	if code := e.postRaw("/settle", body, &s); code != 200 || !s.Success {
		t.Fatalf("v1 settle: %d %+v", code, s)
	}
}

// TestConcurrentSettleOfOnePayment: 200 concurrent /settle calls of the same
// payment give one transaction and one Transfer.
func TestConcurrentSettleOfOnePayment(t *testing.T) {
	e := newEnv(t, nil)
	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	e.settleManyTimes(t, p, req, 200)
	if got := e.transfers(devUSDC, payer.Address()); got != 1 {
		t.Fatalf("%d Transfer logs, want exactly 1", got)
	}
	if got := e.balance(devUSDC, payer.Address()); got.Int64() != 900 {
		t.Fatalf("payer balance %s, want 900", got)
	}
}

// TestConcurrentSettlesOfDifferentPayments: 200 payments settle
// concurrently with 200 transactions and no nonce collision.
func TestConcurrentSettlesOfDifferentPayments(t *testing.T) {
	e := newEnv(t, nil)
	payer := e.payer("payer", 1_000_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 10, x402test.Address(t, "seller"))
	const n = 200
	ps := make([]*x402.PaymentPayload, n)
	for i := range ps {
		ps[i] = x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	}
	out := make([]x402.SettleResponse, n)
	var wg sync.WaitGroup
	sem := make(chan struct{}, 64)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			e.post("/settle", ps[i], req, &out[i])
		}()
	}
	wg.Wait()
	txs := map[string]bool{}
	for i := range out {
		if !out[i].Success {
			t.Fatalf("payment %d: %+v", i, out[i])
		}
		txs[out[i].Transaction] = true
	}
	if len(txs) != n {
		t.Fatalf("%d distinct transactions, want %d", len(txs), n)
	}
	if got := e.transfers(devUSDC, payer.Address()); got != n {
		t.Fatalf("%d Transfer logs, want %d", got, n)
	}
	recs, err := e.fac.Records()
	if err != nil {
		t.Fatal(err)
	}
	nonces := map[uint64]bool{}
	for _, r := range recs {
		if r.State != facilitator.StateMined || nonces[r.Nonce] {
			t.Fatalf("record %+v (duplicate nonce or not mined)", r)
		}
		nonces[r.Nonce] = true
	}
}

// TestChainUnreachable: when the RPC endpoint is down the answer says so
// (unexpected_*_error), blames no payment, and the facilitator keeps serving.
func TestChainUnreachable(t *testing.T) {
	e := newEnv(t, nil)
	payer := e.payer("payer", 1_000, 0)
	dead, err := ethclient.Dial("http://127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	e.stop()
	e.opts.Networks = []facilitator.Network{{Network: "devnet", Backend: dead}}
	e.start()
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	var v x402.VerifyResponse
	if code := e.post("/verify", p, req, &v); code != 200 || v.IsValid || v.InvalidReason != x402.ReasonUnexpectedVerifyError {
		t.Fatalf("verify with the chain down: %d %+v", code, v)
	}
	var s x402.SettleResponse
	if code := e.post("/settle", p, req, &s); code != 200 || s.Success || s.ErrorReason != x402.ReasonUnexpectedSettleError || s.Transaction != "" {
		t.Fatalf("settle with the chain down: %d %+v", code, s)
	}
	if recs, _ := e.fac.Records(); len(recs) != 0 {
		t.Fatalf("journal has %+v", recs)
	}
}
