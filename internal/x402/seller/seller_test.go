package seller_test

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

type env struct {
	t     testing.TB
	fac   *facilitatorServer
	up    *upstream
	s     *seller.Seller
	srv   *httptest.Server
	reg   *prometheus.Registry
	payer x402.Signer
	payTo common.Address
	usdc  x402.PaymentRequirements // /services/chat, first option
	obol  x402.PaymentRequirements // /services/chat, second option (Permit2)
	cheap x402.PaymentRequirements // /services/chat/cheap
}

func newEnv(t testing.TB) *env {
	t.Helper()
	e := &env{t: t, fac: newFacilitatorServer(t), up: newUpstream(t), reg: prometheus.NewRegistry(),
		payer: x402test.Signer(t, "buyer"), payTo: x402test.Address(t, "seller")}
	e.usdc = x402test.Requirements(t, "devnet", "USDC", 1000, e.payTo)
	e.obol = x402test.Requirements(t, "devnet", "OBOL", 1_000_000_000_000_000, e.payTo)
	e.cheap = x402test.Requirements(t, "devnet", "USDC", 1, e.payTo)
	fac, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: e.fac.URL()})
	if err != nil {
		t.Fatal(err)
	}
	e.s, err = seller.New(seller.Options{Facilitator: fac, Registerer: e.reg})
	if err != nil {
		t.Fatal(err)
	}
	e.srv = httptest.NewServer(e.s)
	t.Cleanup(e.srv.Close)
	if err := e.s.SetRoutes(e.routes()); err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) routes() []seller.Route {
	return []seller.Route{
		{Namespace: "default", Name: "chat", Prefix: "/services/chat", Upstream: e.up.srv.URL, Description: "a chat model",
			Accepts: []seller.Accept{{Requirements: e.usdc, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6},
				{Requirements: e.obol, Chain: "devnet", AssetSymbol: "OBOL", AssetDecimals: 18}}},
		{Namespace: "default", Name: "cheap", Prefix: "/services/chat/cheap", Upstream: e.up.srv.URL + "/base",
			Accepts: []seller.Accept{{Requirements: e.cheap, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6}}},
		{Namespace: "default", Name: "old", Prefix: "/services/old", Upstream: e.up.srv.URL,
			DrainEndsAt: time.Now().Add(-time.Minute),
			Accepts:     []seller.Accept{{Requirements: e.usdc, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6}}},
	}
}

func (e *env) header(p *x402.PaymentPayload) string {
	e.t.Helper()
	h, err := x402.EncodePaymentHeader(p)
	if err != nil {
		e.t.Fatal(err)
	}
	return h
}

func (e *env) pay(req x402.PaymentRequirements) string {
	e.t.Helper()
	if req.TransferMethod() == x402.TransferPermit2 {
		return e.header(x402test.SignPermit2(e.t, e.payer, req, x402.SignOptions{}))
	}
	return e.header(x402test.SignERC3009(e.t, e.payer, req, x402.SignOptions{}))
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (e *env) do(method, path string, hdr map[string]string, body string) reply {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range resp.Trailer {
		resp.Header[k] = v
	}
	return reply{resp.StatusCode, resp.Header, b}
}

func (e *env) metric(name string, lv ...string) float64 {
	e.t.Helper()
	mfs, err := e.reg.Gather()
	if err != nil {
		e.t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() != "obol_x402_verifier_"+name {
			continue
		}
		var sum float64
		for _, m := range mf.GetMetric() {
			ok := true
			for i := 0; i+1 < len(lv); i += 2 {
				found := false
				for _, l := range m.GetLabel() {
					if l.GetName() == lv[i] && l.GetValue() == lv[i+1] {
						found = true
					}
				}
				ok = ok && found
			}
			if ok {
				sum += m.GetCounter().GetValue() + m.GetGauge().GetValue()
			}
		}
		return sum
	}
	return 0
}

// series counts the label sets of a metric.
func (e *env) series(name string) int {
	e.t.Helper()
	mfs, err := e.reg.Gather()
	if err != nil {
		e.t.Fatal(err)
	}
	for _, mf := range mfs {
		if mf.GetName() == "obol_x402_verifier_"+name {
			return len(mf.GetMetric())
		}
	}
	return 0
}

func decodeSettle(t *testing.T, h string) *x402.SettleResponse {
	t.Helper()
	sr, err := x402.DecodePaymentResponseHeader(h)
	if err != nil {
		t.Fatalf("decode settle header %q: %v", h, err)
	}
	return sr
}

func TestChallenge(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", "/services/chat/v1/chat/completions", nil, `{}`)
	if r.status != http.StatusPaymentRequired {
		t.Fatalf("status %d, want 402: %s", r.status, r.body)
	}
	var body x402.PaymentRequired
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	hdr, err := x402.DecodePaymentRequiredHeader(r.header.Get("PAYMENT-REQUIRED"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&body, hdr); diff != "" {
		t.Errorf("PAYMENT-REQUIRED header differs from the body (-body +header):\n%s", diff)
	}
	want := x402.PaymentRequired{X402Version: 2, Error: "Payment required for this resource",
		Resource: &x402.ResourceInfo{URL: e.srv.URL + "/services/chat/v1/chat/completions", Description: "a chat model", MimeType: "application/json"},
		Accepts:  []x402.PaymentRequirements{e.usdc, e.obol}}
	// JSON round trip of the expectation, so numbers in extra compare alike.
	var wantRT x402.PaymentRequired
	b, _ := json.Marshal(want)
	_ = json.Unmarshal(b, &wantRT)
	if diff := cmp.Diff(wantRT, body); diff != "" {
		t.Errorf("402 body (-want +got):\n%s", diff)
	}
	if e.up.calls.Load() != 0 || e.fac.verifies.Load() != 0 {
		t.Errorf("an unpaid request reached the upstream or the facilitator")
	}
	if got := e.metric("payment_required_total", "offer_name", "chat", "asset_symbol", "USDC"); got != 1 {
		t.Errorf("payment_required_total = %v, want 1", got)
	}

	html := e.do("GET", "/services/chat/", map[string]string{"Accept": "text/html,application/xhtml+xml;q=0.9"}, "")
	if html.status != http.StatusPaymentRequired || !strings.HasPrefix(html.header.Get("Content-Type"), "text/html") {
		t.Fatalf("browser got %d %s, want a 402 HTML page", html.status, html.header.Get("Content-Type"))
	}
	for _, want := range []string{"0.001 USDC", "0.001 OBOL", "a chat model", e.payTo.Hex()} {
		if !strings.Contains(string(html.body), want) {
			t.Errorf("paywall page lacks %q", want)
		}
	}
	if html.header.Get("PAYMENT-REQUIRED") == "" {
		t.Errorf("the paywall page lacks the PAYMENT-REQUIRED header")
	}
}

func TestPaidRequest(t *testing.T) {
	for _, tc := range []struct {
		name, header string
		v1           bool
		req          func(e *env) x402.PaymentRequirements
	}{
		{"erc3009 PAYMENT-SIGNATURE", "PAYMENT-SIGNATURE", false, func(e *env) x402.PaymentRequirements { return e.usdc }},
		{"erc3009 X-PAYMENT", "X-PAYMENT", false, func(e *env) x402.PaymentRequirements { return e.usdc }},
		{"permit2 PAYMENT-SIGNATURE", "PAYMENT-SIGNATURE", false, func(e *env) x402.PaymentRequirements { return e.obol }},
		{"erc3009 v1 payload", "X-PAYMENT", true, func(e *env) x402.PaymentRequirements { return e.usdc }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			req := tc.req(e)
			permit2 := req.TransferMethod() == x402.TransferPermit2
			p := x402test.SignERC3009(t, e.payer, tc.req(e), x402.SignOptions{})
			if permit2 {
				p = x402test.SignPermit2(t, e.payer, tc.req(e), x402.SignOptions{})
			}
			if tc.v1 {
				p.X402Version = x402.V1
			}
			r := e.do("POST", "/services/chat/v1/chat/completions?stream=false", map[string]string{
				tc.header: e.header(p), "X-Payment-Payer": "0x000000000000000000000000000000000000dEaD",
				"Content-Type": "application/json"}, `{"model":"m"}`)
			if r.status != http.StatusOK {
				t.Fatalf("status %d: %s", r.status, r.body)
			}
			var got map[string]string
			if err := json.Unmarshal(r.body, &got); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(map[string]string{"path": "/v1/chat/completions", "query": "stream=false", "body": `{"model":"m"}`}, got); diff != "" {
				t.Errorf("upstream saw (-want +got):\n%s", diff)
			}
			up, _ := e.up.lastRequest()
			if got := up.Header.Values("X-Payment-Payer"); len(got) != 1 || got[0] != e.payer.Address().Hex() {
				t.Errorf("upstream X-Payment-Payer = %q, want only %s", got, e.payer.Address().Hex())
			}
			for _, h := range []string{"PAYMENT-SIGNATURE", "X-PAYMENT"} {
				if up.Header.Get(h) != "" {
					t.Errorf("payment header %s reached the upstream", h)
				}
			}
			if r.header.Get("X-Upstream") != "yes" {
				t.Errorf("upstream headers were not passed back")
			}
			sr := decodeSettle(t, r.header.Get("PAYMENT-RESPONSE"))
			if !sr.Success || !strings.HasPrefix(sr.Transaction, "0x") || sr.Network != "eip155:1337" || sr.Payer != e.payer.Address().Hex() {
				t.Errorf("settle response %+v", sr)
			}
			if r.header.Get("X-PAYMENT-RESPONSE") != r.header.Get("PAYMENT-RESPONSE") {
				t.Errorf("X-PAYMENT-RESPONSE differs from PAYMENT-RESPONSE")
			}
			if e.fac.settled() != 1 {
				t.Errorf("settled %d payments, want 1", e.fac.settled())
			}
			if tc.v1 {
				var fr struct {
					X402Version         int
					PaymentRequirements x402.PaymentRequirementsV1
				}
				_ = json.Unmarshal(e.fac.lastRequest(), &fr)
				if fr.X402Version != 1 || fr.PaymentRequirements.MaxAmountRequired != "1000" || fr.PaymentRequirements.Network != "devnet" {
					t.Errorf("v1 payment reached the facilitator as %s", e.fac.lastRequest())
				}
			}
			sym := "USDC"
			if permit2 {
				sym = "OBOL"
			}
			for name, want := range map[string]float64{"requests_total": 1, "payment_verified_total": 1, "charged_requests_total": 1, "payment_failed_total": 0} {
				if got := e.metric(name, "offer_name", "chat", "asset_symbol", sym); got != want {
					t.Errorf("%s{asset_symbol=%s} = %v, want %v", name, sym, got, want)
				}
			}
			if last := e.metric("last_payment_success_seconds", "offer_name", "chat"); time.Since(time.Unix(int64(last), 0)) > time.Minute {
				t.Errorf("last_payment_success_seconds = %v, not now", last)
			}
		})
	}
}

func TestReplayIsRejected(t *testing.T) {
	e := newEnv(t)
	h := e.pay(e.usdc)
	if r := e.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": h}, ""); r.status != 200 {
		t.Fatalf("first use: %d %s", r.status, r.body)
	}
	for _, hdr := range []string{"PAYMENT-SIGNATURE", "X-PAYMENT"} {
		r := e.do("GET", "/services/chat/x", map[string]string{hdr: h}, "")
		if r.status != http.StatusPaymentRequired || !strings.Contains(string(r.body), seller.ReasonReplayed) {
			t.Errorf("replay via %s: %d %s, want 402 %s", hdr, r.status, r.body, seller.ReasonReplayed)
		}
	}
	if e.up.calls.Load() != 1 || e.fac.settles.Load() != 1 {
		t.Errorf("upstream calls %d, settles %d; want 1 and 1", e.up.calls.Load(), e.fac.settles.Load())
	}
	if got := e.metric("payment_failure_reasons_total", "reason", seller.ReasonReplayed); got != 2 {
		t.Errorf("failure reason %s = %v, want 2", seller.ReasonReplayed, got)
	}
}

func TestConcurrentSamePaymentServedOnce(t *testing.T) {
	e := newEnv(t)
	e.fac.settleDelay.Store(int64(50 * time.Millisecond))
	h := e.pay(e.usdc)
	const n = 16
	var wg sync.WaitGroup
	codes := make([]int, n)
	for i := range n {
		wg.Go(func() { codes[i] = e.do("GET", "/services/chat/x", map[string]string{"X-PAYMENT": h}, "").status })
	}
	wg.Wait()
	ok := 0
	for _, c := range codes {
		switch c {
		case 200:
			ok++
		case 402:
		default:
			t.Errorf("unexpected status %d", c)
		}
	}
	if ok != 1 || e.fac.settles.Load() != 1 || e.up.calls.Load() != 1 {
		t.Errorf("%d answers 200, %d settles, %d upstream calls; want exactly one each", ok, e.fac.settles.Load(), e.up.calls.Load())
	}
}

func TestUpstreamFailureSettlesNothing(t *testing.T) {
	e := newEnv(t)
	h := e.pay(e.usdc)
	r := e.do("POST", "/services/chat/fail", map[string]string{"PAYMENT-SIGNATURE": h}, `{}`)
	if r.status != http.StatusInternalServerError {
		t.Fatalf("status %d, want the upstream's 500", r.status)
	}
	var body struct {
		Error           struct{ Code string }
		PaymentVerified bool
		PaymentSettled  bool
		UpstreamStatus  int
		UpstreamBody    string
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("body %s: %v", r.body, err)
	}
	if body.Error.Code != "upstream_failed" || !body.PaymentVerified || body.PaymentSettled || body.UpstreamStatus != 500 || !strings.Contains(body.UpstreamBody, "model crashed") {
		t.Errorf("upstream failure body: %s", r.body)
	}
	if r.header.Get("PAYMENT-RESPONSE") != "" || e.fac.settles.Load() != 0 {
		t.Errorf("a failed upstream answer was settled")
	}
	if got := e.metric("upstream_failed_after_verify_total", "offer_name", "chat"); got != 1 {
		t.Errorf("upstream_failed_after_verify_total = %v, want 1", got)
	}
	// Nothing was delivered, so the buyer may spend the same authorization.
	if r := e.do("POST", "/services/chat/ok", map[string]string{"PAYMENT-SIGNATURE": h}, `{}`); r.status != 200 {
		t.Errorf("reusing an unspent authorization: %d %s", r.status, r.body)
	}
}

func TestFacilitatorDown(t *testing.T) {
	e := newEnv(t)
	e.fac.down.Store(true)
	r := e.do("POST", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.usdc)}, `{}`)
	if r.status != http.StatusServiceUnavailable || !strings.Contains(string(r.body), seller.ReasonFacilitatorUnreachable) {
		t.Fatalf("status %d %s, want 503 %s", r.status, r.body, seller.ReasonFacilitatorUnreachable)
	}
	if e.up.calls.Load() != 0 {
		t.Errorf("the upstream was called without a verified payment")
	}

	// Closed port: the same answer.
	fac, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: "http://127.0.0.1:1"})
	s, _ := seller.New(seller.Options{Facilitator: fac})
	_ = s.SetRoutes(e.routes())
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/services/chat/x", nil)
	req.Header.Set("PAYMENT-SIGNATURE", e.pay(e.usdc))
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable || e.up.calls.Load() != 0 {
		t.Errorf("unreachable facilitator: %d, upstream calls %d", rec.Code, e.up.calls.Load())
	}
}

func TestSettlementRejectedWithholdsAnswer(t *testing.T) {
	e := newEnv(t)
	e.fac.settleReject.Store(x402.ReasonInsufficientFunds)
	r := e.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.usdc)}, "")
	if r.status != http.StatusPaymentRequired || strings.Contains(string(r.body), `"path"`) {
		t.Fatalf("status %d body %s: want 402 without the upstream's content", r.status, r.body)
	}
	if sr := decodeSettle(t, r.header.Get("PAYMENT-RESPONSE")); sr.Success || sr.ErrorReason != x402.ReasonInsufficientFunds {
		t.Errorf("settle header %+v", sr)
	}
	if got := e.metric("charged_requests_total"); got != 0 {
		t.Errorf("charged %v", got)
	}
}

func TestStreamSettlesAfterCompletion(t *testing.T) {
	e := newEnv(t)
	e.up.release = make(chan struct{})
	req, _ := http.NewRequest("POST", e.srv.URL+"/services/chat/sse", strings.NewReader(`{"stream":true}`))
	req.Header.Set("PAYMENT-SIGNATURE", e.pay(e.usdc))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	first, err := br.ReadString('\n')
	if err != nil || first != "data: {\"n\":1}\n" {
		t.Fatalf("first event %q, %v: the stream was not flushed", first, err)
	}
	if e.fac.settles.Load() != 0 {
		t.Fatalf("settled before the stream completed")
	}
	close(e.up.release)
	rest, err := io.ReadAll(br)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rest), "data: [DONE]") {
		t.Errorf("stream tail %q", rest)
	}
	i := strings.Index(string(rest), ": PAYMENT-RESPONSE ")
	if i < 0 {
		t.Fatalf("no SSE settlement comment in %q", rest)
	}
	comment := strings.TrimSpace(strings.TrimPrefix(strings.SplitN(string(rest[i:]), "\n", 2)[0], ": PAYMENT-RESPONSE "))
	if sr := decodeSettle(t, comment); !sr.Success {
		t.Errorf("SSE comment settle %+v", sr)
	}
	if tr := resp.Trailer.Get("PAYMENT-RESPONSE"); tr != comment || resp.Trailer.Get("X-PAYMENT-RESPONSE") != comment {
		t.Errorf("trailer %q, comment %q", tr, comment)
	}
	if e.fac.settles.Load() != 1 {
		t.Errorf("settles = %d", e.fac.settles.Load())
	}
}

func TestBrokenStreamIsNotSettled(t *testing.T) {
	e := newEnv(t)
	r := e.do("POST", "/services/chat/broken-sse", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.usdc)}, `{}`)
	_ = r
	if e.fac.settles.Load() != 0 {
		t.Errorf("a stream the upstream broke off was settled")
	}
	if got := e.metric("upstream_failed_after_verify_total"); got != 1 {
		t.Errorf("upstream_failed_after_verify_total = %v", got)
	}
}

func TestPendingSettlementDelivers(t *testing.T) {
	e := newEnv(t)
	e.fac.settlePending.Store(true)
	h := e.pay(e.usdc)
	r := e.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": h}, "")
	if r.status != 200 || !strings.Contains(string(r.body), `"path"`) {
		t.Fatalf("pending settlement: %d %s, want the answer", r.status, r.body)
	}
	sr := decodeSettle(t, r.header.Get("PAYMENT-RESPONSE"))
	if sr.Success || sr.ErrorReason != x402.ReasonSettlementPending || sr.Transaction != "0x"+strings.Repeat("ab", 32) {
		t.Errorf("settle header %+v", sr)
	}
	if got := e.metric("payment_failure_reasons_total", "reason", "settlement_pending"); got != 1 {
		t.Errorf("settlement_pending reasons = %v", got)
	}
	if got := e.metric("charged_requests_total"); got != 0 {
		t.Errorf("charged before confirmation: %v", got)
	}
	// The money is on its way: the same payment cannot buy a second answer.
	if r := e.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": h}, ""); r.status != http.StatusPaymentRequired {
		t.Errorf("replay of a pending payment: %d", r.status)
	}
}
