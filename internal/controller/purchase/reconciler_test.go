package purchase_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/controller/purchase"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/models"
	buy "github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/buyer"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// seller is a small x402 seller on loopback: 402 with its terms, a paid
// request checked by the x402 verifier and answered with a completion.
type seller struct {
	srv     *httptest.Server
	mu      sync.Mutex
	req     x402.PaymentRequirements
	free    bool
	settled map[string]bool
}

func newSeller(t *testing.T) *seller {
	s := &seller{settled: map[string]bool{}, req: x402test.Requirements(t, "devnet", "USDC", 1000, x402test.Address(t, "seller"))}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *seller) serve(w http.ResponseWriter, r *http.Request) {
	_, _ = io.Copy(io.Discard, r.Body)
	s.mu.Lock()
	req, free := s.req, s.free
	s.mu.Unlock()
	h := r.Header.Get(x402.HeaderPaymentSignature)
	if free {
		_, _ = w.Write([]byte(`{"choices":[]}`))
		return
	}
	if h != "" {
		p, err := x402.DecodePaymentHeader(h)
		if err == nil {
			if pay, verr := x402.NewVerifier(x402.VerifierOptions{}).Verify(p, &req); verr == nil {
				s.mu.Lock()
				dup := s.settled[pay.Key()]
				s.settled[pay.Key()] = true
				s.mu.Unlock()
				if !dup {
					st, _ := x402.EncodeHeader(x402.SettleResponse{Success: true, Transaction: "0x" + strings.Repeat("cd", 32), Network: req.Network})
					w.Header().Set(x402.HeaderPaymentResponse, st)
					w.Header().Set("Content-Type", "application/json")
					_, _ = w.Write([]byte(`{"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"paid answer"}}]}`))
					return
				}
			}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusPaymentRequired)
	_ = json.NewEncoder(w).Encode(x402.PaymentRequired{X402Version: 2, Accepts: []x402.PaymentRequirements{req}})
}

type env struct {
	t       *testing.T
	seller  *seller
	store   store.Store[*v1alpha1.PurchaseRequest]
	buyer   *buyer.Buyer
	gateway *httptest.Server
	admin   *llm.AdminClient
	routes  models.Routes
	dir     models.Dir
	buyURL  string // the buyer proxy's OpenAI base, the routes' upstream
	rec     *purchase.Reconciler
	clock   time.Duration // added to the wall clock the reconciler sees
}

const masterKey = "sk-master"

func newEnv(t *testing.T) *env {
	e := &env{t: t, seller: newSeller(t)}
	d, err := db.Open(filepath.Join(t.TempDir(), "obol.db"), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	log := slog.New(slog.DiscardHandler)
	st, err := store.NewPurchaseRequests(d, log)
	if err != nil {
		t.Fatal(err)
	}
	e.store = st
	e.buyer, err = buyer.New(buyer.Options{DB: d, Logger: log,
		Chain: func(string) (buy.ChainReader, error) { return nil, fmt.Errorf("no chain in this test") }})
	if err != nil {
		t.Fatal(err)
	}
	bsrv := httptest.NewServer(e.buyer.Handler())
	t.Cleanup(bsrv.Close)
	e.dir = models.Dir{Root: t.TempDir()}
	if err := e.dir.EnsureSource(); err != nil {
		t.Fatal(err)
	}
	gw, err := llm.New(llm.Options{ConfigPath: e.dir.Source(), RuntimePath: e.dir.Runtime(), MasterKey: masterKey, Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	e.gateway = httptest.NewServer(gw.Handler())
	t.Cleanup(e.gateway.Close)
	e.admin = &llm.AdminClient{BaseURL: e.gateway.URL, MasterKey: masterKey}
	e.routes = models.Routes{Dir: e.dir, Admin: e.admin}
	e.buyURL = bsrv.URL + "/v1"
	e.rec, err = purchase.New(purchase.Options{Store: st, Prober: buy.HTTPProber{}, Pools: e.buyer, Routes: e.routes,
		BuyerURL: e.buyURL, Logger: log, Now: func() time.Time { return time.Now().Add(e.clock) }})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (e *env) auths(n int, amount int64) []v1alpha1.PreSignedAuth {
	req := e.seller.req
	req.Amount = fmt.Sprint(amount)
	out := make([]v1alpha1.PreSignedAuth, n)
	for i := range out {
		p := x402test.SignERC3009(e.t, x402test.Signer(e.t, "buyer"), req, x402.SignOptions{ValidBefore: big.NewInt(time.Now().Add(time.Hour).Unix())})
		a, err := buy.MarshalPayment(fmt.Sprintf("a%d", i), p)
		if err != nil {
			e.t.Fatal(err)
		}
		out[i] = a
	}
	return out
}

func (e *env) create(name, model string, auths []v1alpha1.PreSignedAuth, price string) {
	e.t.Helper()
	req := e.seller.req
	pr := &v1alpha1.PurchaseRequest{ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: name}, Spec: v1alpha1.PurchaseRequestSpec{
		Endpoint: e.seller.srv.URL + "/services/qwen", Model: model, Count: int32(max(len(auths), 1)), PreSignedAuths: auths,
		Payment: v1alpha1.PurchasePayment{Network: req.Network, PayTo: req.PayTo, Price: price, Asset: req.Asset,
			AssetSymbol: "USDC", AssetDecimals: 6, TransferMethod: v1alpha1.TransferEIP3009, EIP712Name: "USDC", EIP712Version: "2"}}}
	if _, err := e.store.Create(context.Background(), pr); err != nil {
		e.t.Fatal(err)
	}
}

func (e *env) reconcile(name string) *v1alpha1.PurchaseRequest {
	e.t.Helper()
	if _, err := e.rec.Reconcile(context.Background(), "default", name); err != nil {
		e.t.Fatal(err)
	}
	pr, err := e.store.Get(context.Background(), "default", name)
	if err != nil {
		e.t.Fatal(err)
	}
	return pr
}

type cond struct{ Type, Status, Reason string }

func conds(pr *v1alpha1.PurchaseRequest) []cond {
	var out []cond
	for _, c := range pr.Status.Conditions {
		out = append(out, cond{c.Type, string(c.Status), c.Reason})
	}
	return out
}

func (e *env) chat(model string) (int, string) {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.gateway.URL+"/v1/chat/completions",
		strings.NewReader(`{"model":"`+model+`","messages":[{"role":"user","content":"hi"}]}`))
	req.Header.Set("Authorization", "Bearer "+masterKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestReconcileToReadyAndPaidCallThroughGateway(t *testing.T) {
	e := newEnv(t)
	e.create("qwen-buy", "qwen", e.auths(3, 1000), "1000")
	pr := e.reconcile("qwen-buy")
	want := []cond{{"Probed", "True", "Validated"}, {"AuthsLoaded", "True", "Loaded"}, {"Configured", "True", "Written"}, {"Ready", "True", "Reconciled"}}
	if diff := cmp.Diff(want, conds(pr)); diff != "" {
		t.Fatalf("conditions (-want +got):\n%s", diff)
	}
	if pr.Status.PublicModel != "paid/qwen" || pr.Status.Remaining != 3 || pr.Status.TotalSigned != 3 || pr.Status.ProbedPrice != "1000" || pr.Status.ProbedAt == nil {
		t.Errorf("status %+v", pr.Status)
	}
	if len(pr.Finalizers) != 1 || pr.Finalizers[0] != purchase.Finalizer {
		t.Errorf("finalizers %v", pr.Finalizers)
	}
	code, body := e.chat("paid/qwen")
	if code != 200 || !strings.Contains(body, "paid answer") {
		t.Fatalf("paid call through the gateway: %d %s", code, body)
	}
	pr = e.reconcile("qwen-buy")
	if pr.Status.Remaining != 2 || pr.Status.Spent != 1 {
		t.Errorf("after one call: remaining %d spent %d", pr.Status.Remaining, pr.Status.Spent)
	}
	// A second reconcile with nothing new adds no second route.
	list, err := e.admin.ModelInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range list {
		if m.ModelName == "paid/qwen" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d paid/qwen routes, want 1", n)
	}
}

func TestProbeFailuresChangeNothing(t *testing.T) {
	tests := []struct {
		name       string
		setup      func(e *env)
		price      string
		wantReason string
		wantMsg    string
	}{
		{"unreachable", func(e *env) { e.seller.srv.Close() }, "1000", "ProbeError", "unreachable"},
		{"not payment-gated", func(e *env) { e.seller.free = true }, "1000", "NotPaymentGated", "without asking for payment"},
		{"price differs", func(e *env) {}, "900", "PricingMismatch", "price: purchase 900, 402 1000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.create("p", "qwen", e.auths(2, 1000), tc.price)
			tc.setup(e)
			pr := e.reconcile("p")
			c := v1alpha1.FindCondition(pr.Status.Conditions, "Probed")
			if c == nil || c.Reason != tc.wantReason || !strings.Contains(c.Message, tc.wantMsg) {
				t.Fatalf("Probed %+v, want %s with %q", c, tc.wantReason, tc.wantMsg)
			}
			if v1alpha1.IsConditionTrue(pr.Status.Conditions, "Ready") {
				t.Error("Ready")
			}
			if _, ok := e.buyer.PoolStatus("default/p"); ok {
				t.Error("pool loaded after a failed probe")
			}
			if ok, _ := e.routes.RouteExists(context.Background(), "paid/qwen", e.buyURL); ok {
				t.Error("route added after a failed probe")
			}
		})
	}
}

func TestBadAuths(t *testing.T) {
	tests := []struct {
		name       string
		auths      func(e *env) []v1alpha1.PreSignedAuth
		wantReason string
		wantMsg    string
	}{
		{"none", func(e *env) []v1alpha1.PreSignedAuth { return nil }, "NoAuths", "obol buy refill"},
		{"signed for another price", func(e *env) []v1alpha1.PreSignedAuth { return e.auths(1, 999) }, "InvalidAuths", "999"},
		{"garbage payload", func(e *env) []v1alpha1.PreSignedAuth {
			a := e.auths(1, 1000)
			a[0].Payment.Raw = []byte(`{"x402Version":2,"accepted":{},"payload":{"signature":"0x00"}}`)
			return a
		}, "InvalidAuths", "a0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := newEnv(t)
			e.create("p", "qwen", tc.auths(e), "1000")
			pr := e.reconcile("p")
			c := v1alpha1.FindCondition(pr.Status.Conditions, "AuthsLoaded")
			if c == nil || c.Reason != tc.wantReason || !strings.Contains(c.Message, tc.wantMsg) {
				t.Fatalf("AuthsLoaded %+v, want %s with %q", c, tc.wantReason, tc.wantMsg)
			}
			if _, ok := e.buyer.PoolStatus("default/p"); ok {
				t.Error("pool loaded")
			}
		})
	}
}

func TestExhaustedAndAutoRefillIntent(t *testing.T) {
	e := newEnv(t)
	e.create("p", "qwen", e.auths(2, 1000), "1000")
	pr, _ := e.store.Get(context.Background(), "default", "p")
	pr.Spec.AutoRefill = &v1alpha1.AutoRefill{Enabled: true, Threshold: 1, Count: 5}
	if _, err := e.store.Update(context.Background(), pr); err != nil {
		t.Fatal(err)
	}
	e.reconcile("p")
	if code, body := e.chat("paid/qwen"); code != 200 {
		t.Fatalf("%d %s", code, body)
	}
	pr = e.reconcile("p")
	if c := v1alpha1.FindCondition(pr.Status.Conditions, "Ready"); c.Status != "True" || !strings.Contains(c.Message, "auto-refill wanted") {
		t.Errorf("Ready %+v", c)
	}
	if code, _ := e.chat("paid/qwen"); code != 200 {
		t.Fatal(code)
	}
	code, body := e.chat("paid/qwen")
	if code != http.StatusPaymentRequired || !strings.Contains(body, "obol buy refill p") {
		t.Errorf("exhausted call: %d %s", code, body)
	}
	pr = e.reconcile("p")
	if c := v1alpha1.FindCondition(pr.Status.Conditions, "Ready"); c.Status != "False" || c.Reason != "Exhausted" {
		t.Errorf("Ready %+v", c)
	}
}

func TestDeletionKeepsSharedRoute(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	e.create("a", "qwen", e.auths(1, 1000), "1000")
	e.create("b", "qwen", e.auths(1, 1000), "1000")
	e.reconcile("a")
	e.reconcile("b")
	if err := e.store.Delete(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.rec.Reconcile(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.Get(ctx, "default", "a"); err == nil {
		t.Error("a still stored after its finalizer ran")
	}
	if _, ok := e.buyer.PoolStatus("default/a"); ok {
		t.Error("pool a still loaded")
	}
	if ok, _ := e.routes.RouteExists(ctx, "paid/qwen", e.buyURL); !ok {
		t.Fatal("route removed while b still serves qwen")
	}
	if err := e.store.Delete(ctx, "default", "b"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.rec.Reconcile(ctx, "default", "b"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := e.routes.RouteExists(ctx, "paid/qwen", e.buyURL); ok {
		t.Error("route kept after the last purchase went")
	}
	if _, err := e.rec.Reconcile(ctx, "default", "gone"); err != nil {
		t.Errorf("reconcile of a missing object: %v", err)
	}
}

// TestReprobeSeesPriceRaise: a Ready purchase is re-probed after
// ReprobeInterval and turns PricingMismatch when the seller raised its
// price; the pool stays loaded (the proxy refuses to overpay by itself).
func TestReprobeSeesPriceRaise(t *testing.T) {
	e := newEnv(t)
	e.create("p", "qwen", e.auths(2, 1000), "1000")
	if pr := e.reconcile("p"); !v1alpha1.IsConditionTrue(pr.Status.Conditions, "Ready") {
		t.Fatalf("not Ready: %+v", pr.Status.Conditions)
	}
	e.seller.mu.Lock()
	e.seller.req.Amount = "1500"
	e.seller.mu.Unlock()
	if pr := e.reconcile("p"); !v1alpha1.IsConditionTrue(pr.Status.Conditions, "Ready") {
		t.Fatalf("re-probed before the interval: %+v", pr.Status.Conditions)
	}
	e.clock = 11 * time.Minute
	pr := e.reconcile("p")
	c := v1alpha1.FindCondition(pr.Status.Conditions, "Probed")
	if c.Reason != "PricingMismatch" || !strings.Contains(c.Message, "price: purchase 1000, 402 1500") || pr.Status.ProbedPrice != "1500" {
		t.Fatalf("Probed %+v, probedPrice %s", c, pr.Status.ProbedPrice)
	}
	if v1alpha1.IsConditionTrue(pr.Status.Conditions, "Ready") {
		t.Error("still Ready")
	}
	if _, ok := e.buyer.PoolStatus("default/p"); !ok {
		t.Error("pool removed on a mismatch")
	}
	for _, c := range []string{"AuthsLoaded", "Configured"} {
		if !v1alpha1.IsConditionTrue(pr.Status.Conditions, c) {
			t.Errorf("%s went False on a price mismatch: %+v", c, v1alpha1.FindCondition(pr.Status.Conditions, c))
		}
	}
	if code, body := e.chat("paid/qwen"); code != http.StatusPaymentRequired || !strings.Contains(body, "price_changed") {
		t.Errorf("call at the raised price: %d %s", code, body)
	}
}
