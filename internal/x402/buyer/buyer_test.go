package buyer

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"
	"k8s.io/apimachinery/pkg/runtime"

	"github.com/obol-dev/obol/api/v1alpha1"

	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/x402"
)

func TestPaidCall(t *testing.T) {
	for _, model := range []string{"paid/qwen", "qwen"} {
		t.Run(model, func(t *testing.T) {
			h := newHarness(t, 5, nil)
			a := h.chat(model, false)
			if a.status != http.StatusOK || !strings.Contains(a.body, "hello from the seller") {
				t.Fatalf("answer %d %s", a.status, a.body)
			}
			if a.header.Get("PAYMENT-RESPONSE") == "" {
				t.Errorf("settlement header not passed on")
			}
			want := purchase.PoolStatus{PublicModel: "paid/qwen", Remaining: 4, Spent: 1, Network: "eip155:1337", TotalSigned: 5}
			if diff := cmp.Diff(want, h.status()); diff != "" {
				t.Errorf("status (-want +got):\n%s", diff)
			}
			h.seller.mu.Lock()
			models := h.seller.models
			h.seller.mu.Unlock()
			if diff := cmp.Diff([]string{"qwen", "qwen"}, models); diff != "" {
				t.Errorf("seller saw models (-want +got):\n%s", diff)
			}
			if h.seller.paidCount() != 1 {
				t.Errorf("seller settled %d payments, want 1", h.seller.paidCount())
			}
		})
	}
}

func TestStatusAndHealth(t *testing.T) {
	h := newHarness(t, 3, nil)
	h.chat("paid/qwen", false)
	resp, err := http.Get(h.proxy.URL + "/status")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got map[string]purchase.PoolStatus
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
	want := map[string]purchase.PoolStatus{poolKey: {PublicModel: "paid/qwen", Remaining: 2, Spent: 1, Network: "eip155:1337", TotalSigned: 3}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("/status (-want +got):\n%s", diff)
	}
	mr, err := http.Get(h.proxy.URL + "/v1/models")
	if err != nil {
		t.Fatal(err)
	}
	var models struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	_ = json.NewDecoder(mr.Body).Decode(&models)
	mr.Body.Close()
	if len(models.Data) != 1 || models.Data[0].ID != "paid/qwen" {
		t.Errorf("/v1/models %+v", models)
	}
	hr, err := http.Get(h.proxy.URL + "/healthz")
	if err != nil || hr.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", err, hr)
	}
	hr.Body.Close()
}

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	h := newHarness(t, 2, func(o *Options) { o.Registerer = reg })
	h.chat("paid/qwen", false)
	h.chat("paid/qwen", false)
	h.chat("paid/qwen", false) // exhausted
	const exp = `
# HELP obol_x402_buyer_auth_remaining Authorizations not yet spent, per purchase.
# TYPE obol_x402_buyer_auth_remaining gauge
obol_x402_buyer_auth_remaining{chain="eip155:1337",model="qwen",purchase="default/qwen-buy"} 0
# HELP obol_x402_buyer_auth_spent Authorizations spent, per purchase.
# TYPE obol_x402_buyer_auth_spent gauge
obol_x402_buyer_auth_spent{chain="eip155:1337",model="qwen",purchase="default/qwen-buy"} 2
# HELP obol_x402_buyer_payment_attempts_total Paid requests sent to a seller with a pre-signed authorization.
# TYPE obol_x402_buyer_payment_attempts_total counter
obol_x402_buyer_payment_attempts_total{chain="eip155:1337",model="qwen",purchase="default/qwen-buy"} 2
# HELP obol_x402_buyer_payment_failure_total Paid requests that failed or could not be paid.
# TYPE obol_x402_buyer_payment_failure_total counter
obol_x402_buyer_payment_failure_total{chain="eip155:1337",model="qwen",purchase="default/qwen-buy"} 1
# HELP obol_x402_buyer_payment_success_total Paid requests answered successfully; the authorization was spent.
# TYPE obol_x402_buyer_payment_success_total counter
obol_x402_buyer_payment_success_total{chain="eip155:1337",model="qwen",purchase="default/qwen-buy"} 2
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(exp)); err != nil {
		t.Error(err)
	}
}

func TestSpentSurvivesReopen(t *testing.T) {
	h := newHarness(t, 5, nil)
	for range 2 {
		if a := h.chat("paid/qwen", false); a.status != 200 {
			t.Fatalf("answer %d %s", a.status, a.body)
		}
	}
	h.restart()
	if st := h.status(); st.Spent != 2 || st.Remaining != 3 {
		t.Fatalf("after reopen spent %d remaining %d, want 2 and 3", st.Spent, st.Remaining)
	}
	for range 3 {
		if a := h.chat("paid/qwen", false); a.status != 200 {
			t.Fatalf("answer %d %s", a.status, a.body)
		}
	}
	if a := h.chat("paid/qwen", false); a.status != http.StatusPaymentRequired || !strings.Contains(a.body, "auths_exhausted") {
		t.Fatalf("6th call: %d %s", a.status, a.body)
	}
	if got := h.seller.paidCount(); got != 5 {
		t.Errorf("seller settled %d, want 5 (no auth twice)", got)
	}
}

// TestCrashInFlight simulates a process that died after writing "in
// flight": one of the two auths had been settled by the seller, the other
// never arrived. The restart must ask the chain and get both right.
func TestCrashInFlight(t *testing.T) {
	h := newHarness(t, 4, nil)
	if a := h.chat("paid/qwen", false); a.status != 200 { // settles auth-000
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	h.stop()
	st, err := newStoreAt(t, h.dbPath)
	if err != nil {
		t.Fatal(err)
	}
	// auth-000 is spent; mark it in flight as if the spent write never
	// happened, and auth-001 in flight as if the request never left.
	for _, id := range []string{"auth-000", "auth-001"} {
		if err := st.put(poolKey, id, &record{State: stInFlight}); err != nil {
			t.Fatal(err)
		}
	}
	st.db.Close()
	h.start()
	want := purchase.PoolStatus{PublicModel: "paid/qwen", Remaining: 3, Spent: 1, Network: "eip155:1337", TotalSigned: 4}
	if diff := cmp.Diff(want, h.status()); diff != "" {
		t.Errorf("status after restart (-want +got):\n%s", diff)
	}
	for range 3 {
		if a := h.chat("paid/qwen", false); a.status != 200 {
			t.Fatalf("answer %d %s", a.status, a.body)
		}
	}
	if got := h.seller.paidCount(); got != 4 {
		t.Errorf("seller settled %d, want 4", got)
	}
}

// TestUnknownOutcomeChainDown: the chain cannot be read, so an auth whose
// outcome is unknown stays out of the pool until it can be.
func TestUnknownOutcomeChainDown(t *testing.T) {
	var mu sync.Mutex
	chainUp := false
	h := newHarness(t, 2, func(o *Options) {
		inner := o.Chain
		o.Chain = func(n string) (purchase.ChainReader, error) {
			mu.Lock()
			defer mu.Unlock()
			if !chainUp {
				return nil, net.ErrClosed
			}
			return inner(n)
		}
	})
	h.seller.fault = func(w http.ResponseWriter, r *http.Request, _ int) bool {
		// Hijack and drop the connection: the outcome is unknown.
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
		return true
	}
	a := h.chat("paid/qwen", false)
	if a.status != http.StatusBadGateway {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if st := h.status(); st.InFlight != 1 || st.Remaining != 2 || st.Spent != 0 {
		t.Fatalf("status %+v, want 1 in flight of 2 remaining", st)
	}
	mu.Lock()
	chainUp = true
	mu.Unlock()
	h.buyer.Resolve(context.Background())
	if st := h.status(); st.InFlight != 0 || st.Remaining != 2 {
		t.Fatalf("after resolve %+v, want the auth back", st)
	}
}

func TestTransientRetry(t *testing.T) {
	tests := []struct {
		name       string
		retries    int
		failures   int
		wantStatus int
		wantSpent  int
	}{
		{"one reset, default retry", 0, 1, 200, 1},
		{"two resets, default retry", 0, 2, http.StatusBadGateway, 0},
		{"two resets, two retries", 2, 2, 200, 1},
		{"one reset, retries off", -1, 1, http.StatusBadGateway, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, 2, func(o *Options) { o.Retries = tc.retries })
			var mu sync.Mutex
			n := 0
			h.seller.fault = func(w http.ResponseWriter, r *http.Request, _ int) bool {
				mu.Lock()
				defer mu.Unlock()
				if n >= tc.failures {
					return false
				}
				n++
				conn, _, _ := w.(http.Hijacker).Hijack()
				if tc, ok := conn.(*net.TCPConn); ok {
					_ = tc.SetLinger(0) // RST, not FIN
				}
				conn.Close()
				return true
			}
			a := h.chat("paid/qwen", false)
			if a.status != tc.wantStatus {
				t.Fatalf("answer %d %s", a.status, a.body)
			}
			st := h.status()
			if st.Spent != tc.wantSpent || st.Remaining+st.Spent != 2 || st.InFlight != 0 {
				t.Errorf("status %+v, want spent %d and nothing in flight", st, tc.wantSpent)
			}
		})
	}
}

func TestOriginTimeout524(t *testing.T) {
	h := newHarness(t, 2, nil)
	h.seller.fault = func(w http.ResponseWriter, _ *http.Request, _ int) bool {
		w.WriteHeader(524)
		return true
	}
	a := h.chat("paid/qwen", false)
	if a.status != 524 {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if st := h.status(); st.Spent != 0 || st.Remaining != 2 || st.InFlight != 0 {
		t.Errorf("status %+v: a 524 the chain says was not settled goes back to the pool", st)
	}
}

func TestPriceRaiseRefused(t *testing.T) {
	h := newHarness(t, 3, nil)
	h.seller.setPrice(2000)
	a := h.chat("paid/qwen", false)
	if a.status != http.StatusPaymentRequired || !strings.Contains(a.body, "price_changed") ||
		!strings.Contains(a.body, "2000") || !strings.Contains(a.body, "1000") {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if st := h.status(); st.Spent != 0 || st.Remaining != 3 || st.InFlight != 0 {
		t.Errorf("status %+v: nothing may be spent", st)
	}
	if h.seller.paidCount() != 0 {
		t.Errorf("seller was paid")
	}
}

func TestSellerAnswers(t *testing.T) {
	tests := []struct {
		name       string
		unpaid     func(w http.ResponseWriter, r *http.Request) bool
		fault      func(w http.ResponseWriter, r *http.Request, n int) bool
		wantStatus int
		wantBody   string
		wantSpent  int
	}{
		{name: "not payment-gated passes through", unpaid: func(w http.ResponseWriter, _ *http.Request) bool {
			_, _ = w.Write([]byte(`{"free":true}`))
			return true
		}, wantStatus: 200, wantBody: `{"free":true}`},
		{name: "malformed 402", unpaid: func(w http.ResponseWriter, _ *http.Request) bool {
			w.WriteHeader(402)
			_, _ = w.Write([]byte(`{"x402Version":2,"accepts":"nope"}`))
			return true
		}, wantStatus: 502, wantBody: "bad_seller_answer"},
		{name: "402 with empty accepts", unpaid: func(w http.ResponseWriter, _ *http.Request) bool {
			w.WriteHeader(402)
			_, _ = w.Write([]byte(`{"x402Version":2,"accepts":[]}`))
			return true
		}, wantStatus: 502, wantBody: "accepts[] is empty"},
		{name: "402 garbage header", unpaid: func(w http.ResponseWriter, _ *http.Request) bool {
			w.Header().Set("PAYMENT-REQUIRED", "%%%")
			w.WriteHeader(402)
			return true
		}, wantStatus: 502, wantBody: "bad_seller_answer"},
		{name: "upstream 500 after payment returns the auth", fault: func(w http.ResponseWriter, _ *http.Request, _ int) bool {
			http.Error(w, `{"paymentVerified":true,"paymentSettled":false}`, 500)
			return true
		}, wantStatus: 500, wantBody: "paymentSettled"},
		{name: "payment refused returns the auth", fault: func(w http.ResponseWriter, _ *http.Request, _ int) bool {
			w.WriteHeader(402)
			_, _ = w.Write([]byte(`{"x402Version":2,"error":"invalid_exact_evm_signature","accepts":[]}`))
			return true
		}, wantStatus: 402, wantBody: "invalid_exact_evm_signature"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, 2, nil)
			h.seller.unpaid, h.seller.fault = tc.unpaid, tc.fault
			a := h.chat("paid/qwen", false)
			if a.status != tc.wantStatus || !strings.Contains(a.body, tc.wantBody) {
				t.Fatalf("answer %d %s, want %d containing %q", a.status, a.body, tc.wantStatus, tc.wantBody)
			}
			st := h.status()
			if st.Spent != tc.wantSpent || st.Remaining != 2-tc.wantSpent || st.InFlight != 0 {
				t.Errorf("status %+v", st)
			}
		})
	}
}

func TestSellerUnreachable(t *testing.T) {
	h := newHarness(t, 2, nil)
	h.seller.srv.Close()
	a := h.chat("paid/qwen", false)
	if a.status != http.StatusBadGateway || !strings.Contains(a.body, "seller_unreachable") {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if st := h.status(); st.Remaining != 2 || st.InFlight != 0 {
		t.Errorf("status %+v", st)
	}
}

func TestExhaustedNamesPurchaseAndRefill(t *testing.T) {
	h := newHarness(t, 1, nil)
	if a := h.chat("paid/qwen", false); a.status != 200 {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	a := h.chat("paid/qwen", false)
	for _, want := range []string{"auths_exhausted", poolKey, "obol buy refill qwen-buy", "obol buy inference"} {
		if !strings.Contains(a.body, want) {
			t.Errorf("exhausted answer %s lacks %q", a.body, want)
		}
	}
}

func TestUnknownModel(t *testing.T) {
	h := newHarness(t, 1, nil)
	a := h.chat("paid/llama", false)
	if a.status != http.StatusNotFound || !strings.Contains(a.body, "model_not_found") {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
}

func TestStreamingPassthrough(t *testing.T) {
	h := newHarness(t, 2, nil)
	h.seller.stream = true
	a := h.chat("paid/qwen", true)
	if a.status != 200 || !strings.Contains(a.body, `"content":"hel"`) || !strings.Contains(a.body, "[DONE]") {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if st := h.status(); st.Spent != 1 || st.Remaining != 1 {
		t.Errorf("status %+v", st)
	}
}

// TestConcurrentNoDoubleSpend: more callers than auths. Every auth is
// spent exactly once and the rest are told the pool is empty or busy.
func TestConcurrentNoDoubleSpend(t *testing.T) {
	const auths, callers = 8, 24
	h := newHarness(t, auths, nil)
	var wg sync.WaitGroup
	codes := make([]int, callers)
	for i := range callers {
		wg.Go(func() { codes[i] = h.chat("paid/qwen", false).status })
	}
	wg.Wait()
	ok := 0
	for _, c := range codes {
		switch c {
		case 200:
			ok++
		case http.StatusPaymentRequired, http.StatusTooManyRequests:
		default:
			t.Errorf("unexpected status %d", c)
		}
	}
	st := h.status()
	if ok != st.Spent || st.Spent+st.Remaining != auths || h.seller.paidCount() != st.Spent {
		t.Errorf("ok %d, status %+v, seller settled %d", ok, st, h.seller.paidCount())
	}
}

func TestLoadPool(t *testing.T) {
	h := newHarness(t, 3, nil)
	good := h.auths
	tampered := append([]byte(nil), good[0].Payment.Raw...)
	tampered = []byte(strings.Replace(string(tampered), `"value":"1000"`, `"value":"1"`, 1))
	bad := good[0]
	bad.Payment.Raw = tampered
	tests := []struct {
		name    string
		pool    purchase.Pool
		wantErr string
	}{
		{"tampered auth", purchase.Pool{Key: "a/b", Model: "m", Endpoint: "http://x", Auths: append([]v1alpha1.PreSignedAuth{bad}, good[1:]...)}, "auth-000"},
		{"duplicate id", purchase.Pool{Key: "a/b", Model: "m", Endpoint: "http://x", Auths: []v1alpha1.PreSignedAuth{good[0], good[0]}}, "twice"},
		{"not json", purchase.Pool{Key: "a/b", Model: "m", Endpoint: "http://x", Auths: []v1alpha1.PreSignedAuth{{ID: "x", Payment: runtime.RawExtension{Raw: []byte("[")}}}}, "x"},
		{"no key", purchase.Pool{Model: "m", Endpoint: "http://x"}, "required"},
		{"auths do not pay the terms", purchase.Pool{Key: "a/b", Model: "m", Endpoint: "http://x", Auths: good, Terms: func() *x402.PaymentRequirements {
			r := h.seller.req
			r.Amount = "2000"
			return &r
		}()}, "does not pay the purchase's terms"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := h.buyer.LoadPool(context.Background(), tc.pool)
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("err %v, want %q", err, tc.wantErr)
			}
			if _, ok := h.buyer.PoolStatus("a/b"); ok {
				t.Errorf("a refused pool was loaded")
			}
		})
	}
}

func TestRefillKeepsState(t *testing.T) {
	h := newHarness(t, 2, nil)
	h.chat("paid/qwen", false)
	more := append(append([]v1alpha1.PreSignedAuth(nil), h.auths...), signAuthsFrom(t, h.seller, 3, 10)...)
	if err := h.buyer.LoadPool(context.Background(), purchase.Pool{Key: poolKey, Model: "qwen", Endpoint: h.seller.endpoint(), Auths: more}); err != nil {
		t.Fatal(err)
	}
	want := purchase.PoolStatus{PublicModel: "paid/qwen", Remaining: 4, Spent: 1, Network: "eip155:1337", TotalSigned: 5}
	if diff := cmp.Diff(want, h.status(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("after refill (-want +got):\n%s", diff)
	}
	if err := h.buyer.RemovePool(context.Background(), poolKey); err != nil {
		t.Fatal(err)
	}
	if a := h.chat("paid/qwen", false); a.status != http.StatusNotFound {
		t.Errorf("removed pool still serves: %d", a.status)
	}
}

func TestNewValidates(t *testing.T) {
	if _, err := New(Options{}); err == nil {
		t.Error("New without DB succeeded")
	}
	h := newHarness(t, 1, nil)
	if _, err := New(Options{DB: h.db}); err == nil || !strings.Contains(err.Error(), "Chain") {
		t.Errorf("New without chain: %v", err)
	}
}

// TestRunResolvesPending: an auth left pending while the chain was down is
// resolved by Run once the chain answers, and Run stops with its context.
func TestRunResolvesPending(t *testing.T) {
	var mu sync.Mutex
	chainUp := false
	h := newHarness(t, 1, func(o *Options) {
		inner := o.Chain
		o.ResolveInterval = 10 * time.Millisecond
		o.Chain = func(n string) (purchase.ChainReader, error) {
			mu.Lock()
			defer mu.Unlock()
			if !chainUp {
				return nil, net.ErrClosed
			}
			return inner(n)
		}
	})
	h.seller.fault = func(w http.ResponseWriter, r *http.Request, _ int) bool {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
		return true
	}
	h.chat("paid/qwen", false)
	if st := h.status(); st.InFlight != 1 {
		t.Fatalf("status %+v, want the auth pending", st)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.buyer.Run(ctx) }()
	mu.Lock()
	chainUp = true
	mu.Unlock()
	deadline := time.Now().Add(5 * time.Second)
	for h.status().InFlight != 0 {
		if time.Now().After(deadline) {
			t.Fatal("Run did not resolve the pending auth")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run: %v", err)
	}
	if st := h.status(); st.Remaining != 1 || st.Spent != 0 {
		t.Errorf("status %+v: the unsettled auth should be back", st)
	}
}

// TestExpiredAuthsAreNotSent: auths about to expire stay out of use and
// the exhausted answer counts them.
func TestExpiredAuthsAreNotSent(t *testing.T) {
	h := newHarness(t, 3, func(o *Options) { o.Now = func() time.Time { return time.Now().Add(2 * time.Hour) } })
	a := h.chat("paid/qwen", false)
	if a.status != http.StatusPaymentRequired || !strings.Contains(a.body, "auths_exhausted") || !strings.Contains(a.body, "3 expired") {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if h.seller.paidCount() != 0 {
		t.Error("an expired auth was sent")
	}
}

// TestChallengeRemembered: after the first 402 the buyer pays at once; a
// seller that changed its terms answers the remembered payment with 402,
// the auth comes back (the chain saw nothing), and the fresh 402 decides.
func TestChallengeRemembered(t *testing.T) {
	h := newHarness(t, 5, nil)
	for range 3 {
		if a := h.chat("paid/qwen", false); a.status != 200 {
			t.Fatalf("answer %d %s", a.status, a.body)
		}
	}
	h.seller.mu.Lock()
	unpaid := h.seller.unpaidN
	h.seller.mu.Unlock()
	if unpaid != 1 {
		t.Errorf("seller saw %d unpaid requests for 3 calls, want 1", unpaid)
	}
	h.seller.setPrice(1500)
	a := h.chat("paid/qwen", false)
	if a.status != http.StatusPaymentRequired || !strings.Contains(a.body, "price_changed") {
		t.Fatalf("after the raise: %d %s", a.status, a.body)
	}
	if st := h.status(); st.Spent != 3 || st.Remaining != 2 || st.InFlight != 0 || h.seller.paidCount() != 3 {
		t.Errorf("status %+v, seller paid %d", st, h.seller.paidCount())
	}
}

// TestFreeAnswerIsNotCounted: a seller that answers a paid request 200
// without a settlement (the route stopped charging) gets nothing counted:
// the chain saw no transfer, so the auth goes back.
func TestFreeAnswerIsNotCounted(t *testing.T) {
	h := newHarness(t, 2, nil)
	if a := h.chat("paid/qwen", false); a.status != 200 {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	h.seller.fault = func(w http.ResponseWriter, _ *http.Request, _ int) bool {
		_, _ = w.Write([]byte(`{"choices":[{"message":{"content":"free now"}}]}`))
		return true
	}
	if a := h.chat("paid/qwen", false); a.status != 200 || !strings.Contains(a.body, "free now") {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if st := h.status(); st.Spent != 1 || st.Remaining != 1 || st.InFlight != 0 {
		t.Errorf("status %+v", st)
	}
}

func TestBadRequests(t *testing.T) {
	h := newHarness(t, 1, nil)
	tests := []struct {
		name, body string
		wantStatus int
		wantCode   string
	}{
		{"not json", "model=paid/qwen", http.StatusBadRequest, "invalid_request"},
		{"no model", `{"messages":[]}`, http.StatusBadRequest, "invalid_request"},
		{"model not a string", `{"model":5}`, http.StatusBadRequest, "invalid_request"},
		{"too large", `{"model":"paid/qwen","pad":"` + strings.Repeat("x", maxRequestBytes) + `"}`, http.StatusRequestEntityTooLarge, "request_too_large"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := http.Post(h.proxy.URL+"/v1/chat/completions", "application/json", strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			_ = json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != tc.wantStatus || e.Error.Code != tc.wantCode {
				t.Errorf("%d %+v, want %d %s", resp.StatusCode, e, tc.wantStatus, tc.wantCode)
			}
		})
	}
	if st := h.status(); st.Remaining != 1 || h.seller.paidCount() != 0 {
		t.Errorf("bad requests touched the pool: %+v", st)
	}
}

// TestUncertainHold: a 524 leaves the payment's fate open — the seller's
// facilitator may still settle it (after a restart, from its journal). The
// auth stays out of the pool while the chain says "unused" for the hold;
// a settlement landing meanwhile makes it spent; one that never lands
// returns it to the pool once the hold has passed.
func TestUncertainHold(t *testing.T) {
	now := time.Now()
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	h := newHarness(t, 3, func(o *Options) { o.UncertainHold = time.Minute; o.Now = clock })
	var late []*x402.PaymentPayload // payments the "facilitator" will settle later
	h.seller.fault = func(w http.ResponseWriter, r *http.Request, _ int) bool {
		p, err := x402.DecodePaymentHeader(r.Header.Get(x402.HeaderPaymentSignature))
		if err != nil {
			return false
		}
		late = append(late, p)
		w.WriteHeader(524)
		return true
	}
	for range 2 {
		if a := h.chat("paid/qwen", false); a.status != 524 {
			t.Fatalf("answer %d %s", a.status, a.body)
		}
	}
	// Remaining counts every unspent auth, held ones included.
	if st := h.status(); st.InFlight != 2 || st.Remaining != 3 || st.Spent != 0 {
		t.Fatalf("right after two 524s: %+v; both auths must be held", st)
	}
	// The first payment settles late (the seller's facilitator came back).
	pay, verr := x402.NewVerifier(x402.VerifierOptions{}).Verify(late[0], &h.seller.req)
	if verr != nil {
		t.Fatal(verr)
	}
	h.seller.mu.Lock()
	h.seller.settled[pay.Key()] = true
	h.seller.mu.Unlock()
	h.buyer.Resolve(context.Background())
	if st := h.status(); st.Spent != 1 || st.InFlight != 1 || st.Remaining != 2 {
		t.Fatalf("after the late settlement: %+v", st)
	}
	advance(2 * time.Minute)
	h.buyer.Resolve(context.Background())
	if st := h.status(); st.Spent != 1 || st.InFlight != 0 || st.Remaining != 2 {
		t.Fatalf("after the hold: %+v; the never-settled auth goes back", st)
	}
}

// TestRetryThatCannotDialKeepsTheAuthHeld: the first attempt reaches the
// seller and the connection dies; the seller then goes away, so the retry
// cannot even dial. The seller may be settling the first attempt, so the
// auth must be held, not handed back as if it had never been sent.
func TestRetryThatCannotDialKeepsTheAuthHeld(t *testing.T) {
	h := newHarness(t, 2, func(o *Options) { o.UncertainHold = time.Hour; o.Retries = 1 })
	h.seller.fault = func(w http.ResponseWriter, _ *http.Request, _ int) bool {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
		h.seller.srv.Listener.Close() // the retry finds nobody listening
		return true
	}
	if a := h.chat("paid/qwen", false); a.status != http.StatusBadGateway {
		t.Fatalf("answer %d %s", a.status, a.body)
	}
	if st := h.status(); st.InFlight != 1 || st.Spent != 0 {
		t.Fatalf("status %+v: the auth that may be settling must be held", st)
	}
}
