package buyere2e_test

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	ctrl "github.com/obol-dev/obol/internal/controller/purchase"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/x402/buyer"
)

// bobStack is Bob's side wired as internal/stack wires it: the store, the
// purchase reconciler, the buyer proxy and the LLM gateway with its admin
// API, all on one database.
type bobStack struct {
	w       *world
	store   store.Store[*v1alpha1.PurchaseRequest]
	buyer   *buyer.Buyer
	bsrv    *httptest.Server
	gateway *httptest.Server
	rec     *ctrl.Reconciler
}

const bobKey = "sk-bob"

func (w *world) newBobStack() *bobStack {
	t := w.t
	dir := t.TempDir()
	d, err := db.Open(filepath.Join(dir, db.FileName), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close() })
	s := &bobStack{w: w}
	if s.store, err = store.NewPurchaseRequests(d, w.log); err != nil {
		t.Fatal(err)
	}
	if s.buyer, err = buyer.New(buyer.Options{DB: d, Logger: w.log,
		Chain: func(string) (purchase.ChainReader, error) { return w.reader, nil }}); err != nil {
		t.Fatal(err)
	}
	s.bsrv = httptest.NewServer(s.buyer.Handler())
	t.Cleanup(s.bsrv.Close)
	src := filepath.Join(dir, "litellm.yaml")
	if err := os.WriteFile(src, []byte("model_list: []\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	gw, err := llm.New(llm.Options{ConfigPath: src, RuntimePath: filepath.Join(dir, "runtime.yaml"), MasterKey: bobKey, Logger: w.log})
	if err != nil {
		t.Fatal(err)
	}
	s.gateway = httptest.NewServer(gw.Handler())
	t.Cleanup(s.gateway.Close)
	if s.rec, err = ctrl.New(ctrl.Options{Store: s.store, Prober: purchase.HTTPProber{}, Pools: s.buyer,
		Routes: &llm.AdminClient{BaseURL: s.gateway.URL, MasterKey: bobKey}, BuyerURL: s.bsrv.URL + "/v1", Logger: w.log}); err != nil {
		t.Fatal(err)
	}
	return s
}

// buy creates the PurchaseRequest from a presign result and reconciles it.
func (s *bobStack) buy(name, endpoint string, res *purchase.PresignResult) *v1alpha1.PurchaseRequest {
	t := s.w.t
	pr := &v1alpha1.PurchaseRequest{ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: name},
		Spec: v1alpha1.PurchaseRequestSpec{Endpoint: endpoint, Model: "qwen", Count: int32(len(res.Auths)),
			PreSignedAuths: res.Auths, Payment: res.Payment}}
	if _, err := s.store.Create(context.Background(), pr); err != nil {
		t.Fatal(err)
	}
	return s.reconcile(name)
}

func (s *bobStack) reconcile(name string) *v1alpha1.PurchaseRequest {
	t := s.w.t
	if _, err := s.rec.Reconcile(context.Background(), "default", name); err != nil {
		t.Fatal(err)
	}
	pr, err := s.store.Get(context.Background(), "default", name)
	if err != nil {
		t.Fatal(err)
	}
	return pr
}

func (s *bobStack) chat() (int, string, error) {
	req, _ := http.NewRequest(http.MethodPost, s.gateway.URL+"/v1/chat/completions",
		strings.NewReader(`{"model":"paid/qwen","messages":[{"role":"user","content":"hello alice"}]}`))
	req.Header.Set("Authorization", "Bearer "+bobKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

func (s *bobStack) status() map[string]purchase.PoolStatus {
	resp, err := http.Get(s.bsrv.URL + "/status")
	if err != nil {
		s.w.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]purchase.PoolStatus
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		s.w.t.Fatal(err)
	}
	return out
}

// TestTwoStacks: Alice sells, Bob buys 5 auths; the PurchaseRequest goes
// Ready, Bob's gateway serves paid/qwen through his buyer proxy, and one
// call moves exactly the price on chain.
func TestTwoStacks(t *testing.T) {
	for _, sym := range []string{"USDC", "OBOL"} {
		t.Run(sym, func(t *testing.T) {
			w := newWorld(t)
			w.startSeller()
			endpoint := w.seller.URL + "/services/qwen"
			_, bob, res := w.presign(endpoint, sym, "bob", 5)
			s := w.newBobStack()
			pr := s.buy("qwen-from-alice", endpoint, res)
			if !v1alpha1.IsConditionTrue(pr.Status.Conditions, v1alpha1.ConditionReady) {
				t.Fatalf("not Ready: %+v", pr.Status.Conditions)
			}
			if st := s.status()["default/qwen-from-alice"]; st.Remaining != 5 || st.PublicModel != "paid/qwen" || st.Network != "eip155:1337" {
				t.Fatalf("/status %+v", st)
			}
			aliceBefore, bobBefore := w.balance(sym, w.payTo), w.balance(sym, bob.Address())
			code, body, err := s.chat()
			if err != nil || code != 200 || !strings.Contains(body, "alice's upstream answers") {
				t.Fatalf("paid/qwen through Bob's gateway: %d %s %v", code, body, err)
			}
			pr = s.reconcile("qwen-from-alice")
			if pr.Status.Remaining != 4 || pr.Status.Spent != 1 || pr.Status.TotalSigned != 5 {
				t.Errorf("status remaining %d spent %d signed %d", pr.Status.Remaining, pr.Status.Spent, pr.Status.TotalSigned)
			}
			price := w.prices[sym]
			if got := new(big.Int).Sub(w.balance(sym, w.payTo), aliceBefore); got.Cmp(price) != 0 {
				t.Errorf("alice got %s, want %s", got, price)
			}
			if got := new(big.Int).Sub(bobBefore, w.balance(sym, bob.Address())); got.Cmp(price) != 0 {
				t.Errorf("bob paid %s, want %s", got, price)
			}
			if n := len(w.transfers(sym, bob.Address())); n != 1 {
				t.Errorf("%d Transfer logs, want 1", n)
			}
		})
	}
}
