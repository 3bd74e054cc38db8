package buyer

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// seller is a local x402 v2 seller: it answers 402 with a challenge, checks
// a payment with the real x402 verifier, "settles" it by recording the
// nonce (refusing a second use, like the chain), and answers with an
// OpenAI completion and a PAYMENT-RESPONSE. Its settled set doubles as the
// chain the buyer reads, which is what a real chain is to both of them.
type seller struct {
	t   testing.TB
	srv *httptest.Server

	mu      sync.Mutex
	req     x402.PaymentRequirements
	settled map[string]bool // auth key → settled
	models  []string        // model field of every request seen
	paid    int
	unpaidN int // requests without a payment header
	// fault, when set, decides the answer for a paid request before the
	// normal path: return true when it answered.
	fault func(w http.ResponseWriter, r *http.Request, paidSoFar int) bool
	// unpaid, when set, answers unpaid requests instead of the 402.
	unpaid func(w http.ResponseWriter, r *http.Request) bool
	stream bool
}

func newSeller(t testing.TB, price int64) *seller {
	s := &seller{t: t, settled: map[string]bool{}}
	s.req = x402test.Requirements(t, "devnet", "USDC", price, x402test.Address(t, "seller"))
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *seller) setPrice(p int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.req.Amount = fmt.Sprint(p)
}

func (s *seller) endpoint() string { return s.srv.URL + "/services/qwen" }

func (s *seller) challenge(w http.ResponseWriter, msg string) {
	s.mu.Lock()
	pr := x402.PaymentRequired{X402Version: 2, Error: msg, Resource: &x402.ResourceInfo{URL: s.endpoint()},
		Accepts: []x402.PaymentRequirements{s.req}}
	s.mu.Unlock()
	h, _ := x402.EncodeHeader(pr)
	w.Header().Set(x402.HeaderPaymentRequired, h)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusPaymentRequired)
	_ = json.NewEncoder(w).Encode(pr)
}

func (s *seller) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	var in struct {
		Model string `json:"model"`
	}
	_ = json.Unmarshal(body, &in)
	s.mu.Lock()
	s.models = append(s.models, in.Model)
	fault, unpaid, paidSoFar := s.fault, s.unpaid, s.paid
	s.mu.Unlock()
	sig, xp := r.Header.Get(x402.HeaderPaymentSignature), r.Header.Get(x402.HeaderXPayment)
	if sig == "" {
		s.mu.Lock()
		s.unpaidN++
		s.mu.Unlock()
		if unpaid != nil && unpaid(w, r) {
			return
		}
		s.challenge(w, "Payment required")
		return
	}
	if sig != xp {
		s.t.Errorf("PAYMENT-SIGNATURE and X-PAYMENT differ")
	}
	if fault != nil && fault(w, r, paidSoFar) {
		return
	}
	p, err := x402.DecodePaymentHeader(sig)
	if err != nil {
		s.challenge(w, err.Error())
		return
	}
	s.mu.Lock()
	req := s.req
	s.mu.Unlock()
	pay, verr := x402.NewVerifier(x402.VerifierOptions{}).Verify(p, &req)
	if verr != nil {
		s.challenge(w, verr.Error())
		return
	}
	s.mu.Lock()
	if s.settled[pay.Key()] {
		s.mu.Unlock()
		s.challenge(w, string(x402.ReasonExactNonceAlreadyUsed))
		return
	}
	s.settled[pay.Key()] = true
	s.paid++
	s.mu.Unlock()
	st, _ := x402.EncodeHeader(x402.SettleResponse{Success: true, Transaction: "0x" + strings.Repeat("ab", 32), Network: req.Network, Payer: pay.Payer.Hex()})
	w.Header().Set(x402.HeaderPaymentResponse, st)
	w.Header().Set(x402.HeaderXPaymentResponse, st)
	if s.stream {
		w.Header().Set("Content-Type", "text/event-stream")
		for _, c := range []string{"hel", "lo"} {
			fmt.Fprintf(w, "data: {\"choices\":[{\"delta\":{\"content\":%q}}]}\n\n", c)
			w.(http.Flusher).Flush()
		}
		fmt.Fprint(w, "data: [DONE]\n\n")
		return
	}
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"object":"chat.completion","model":%q,"choices":[{"index":0,"message":{"role":"assistant","content":"hello from the seller"}}]}`, in.Model)
}

func (s *seller) paidCount() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.paid
}

// chainReader reads the seller's settled set as the chain would answer.
type chainReader struct{ s *seller }

func (c chainReader) BalanceOf(context.Context, common.Address, common.Address) (*big.Int, error) {
	return nil, fmt.Errorf("not on this chain")
}
func (c chainReader) Allowance(context.Context, common.Address, common.Address, common.Address) (*big.Int, error) {
	return nil, fmt.Errorf("not on this chain")
}
func (c chainReader) PermitNonce(context.Context, common.Address, common.Address) (*big.Int, error) {
	return nil, fmt.Errorf("not on this chain")
}
func (c chainReader) AuthorizationState(_ context.Context, token, from common.Address, nonce [32]byte) (bool, error) {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	p := x402.Payment{Method: x402.TransferEIP3009, Network: c.s.req.Network, Asset: token, Payer: from, ERC3009: &x402.ERC3009Message{Nonce: nonce}}
	return c.s.settled[p.Key()], nil
}
func (c chainReader) NonceBitmap(context.Context, common.Address, *big.Int) (*big.Int, error) {
	return nil, fmt.Errorf("permit2 not on this chain")
}

// signAuths signs n ERC-3009 auths paying s's current terms.
func signAuths(t testing.TB, req x402.PaymentRequirements, n int) []v1alpha1.PreSignedAuth {
	t.Helper()
	signer := x402test.Signer(t, "buyer")
	out := make([]v1alpha1.PreSignedAuth, 0, n)
	for i := range n {
		p := x402test.SignERC3009(t, signer, req, x402.SignOptions{ValidBefore: big.NewInt(time.Now().Add(time.Hour).Unix())})
		a, err := purchase.MarshalPayment(fmt.Sprintf("auth-%03d", i), p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

type harness struct {
	t      testing.TB
	seller *seller
	dbPath string
	db     *db.DB
	buyer  *Buyer
	proxy  *httptest.Server
	auths  []v1alpha1.PreSignedAuth
	opts   Options
}

const poolKey = "default/qwen-buy"

func newHarness(t testing.TB, n int, mod func(*Options)) *harness {
	h := &harness{t: t, seller: newSeller(t, 1000), dbPath: t.TempDir() + "/obol.db"}
	h.auths = signAuths(t, h.seller.req, n)
	// The double settles before it answers, so nothing lands late: an
	// unused auth can go back at once (TestUncertainHold covers the hold).
	h.opts = Options{Chain: func(string) (purchase.ChainReader, error) { return chainReader{h.seller}, nil },
		Logger: slog.New(slog.DiscardHandler), UncertainHold: time.Nanosecond}
	if mod != nil {
		mod(&h.opts)
	}
	h.start()
	return h
}

func (h *harness) start() {
	h.t.Helper()
	d, err := db.Open(h.dbPath, db.Options{})
	if err != nil {
		h.t.Fatal(err)
	}
	h.db = d
	opts := h.opts
	opts.DB = d
	b, err := New(opts)
	if err != nil {
		h.t.Fatal(err)
	}
	h.buyer = b
	if err := b.LoadPool(context.Background(), purchase.Pool{Key: poolKey, Model: "qwen", Endpoint: h.seller.endpoint(), Network: "eip155:1337", Auths: h.auths}); err != nil {
		h.t.Fatal(err)
	}
	h.proxy = httptest.NewServer(b.Handler())
	h.t.Cleanup(h.stop)
}

func (h *harness) stop() {
	if h.proxy != nil {
		h.proxy.Close()
		h.proxy = nil
	}
	if h.db != nil {
		h.db.Close()
		h.db = nil
	}
}

func (h *harness) restart() {
	h.stop()
	h.start()
}

type answer struct {
	status int
	body   string
	header http.Header
}

func (h *harness) chat(model string, stream bool) answer {
	h.t.Helper()
	body := fmt.Sprintf(`{"model":%q,"stream":%v,"messages":[{"role":"user","content":"hi"}]}`, model, stream)
	resp, err := http.Post(h.proxy.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, string(b), resp.Header}
}

func (h *harness) status() purchase.PoolStatus {
	h.t.Helper()
	st, ok := h.buyer.PoolStatus(poolKey)
	if !ok {
		h.t.Fatalf("pool %s not loaded", poolKey)
	}
	return st
}

// signAuthsFrom signs n more auths with ids starting at first.
func signAuthsFrom(t testing.TB, s *seller, n, first int) []v1alpha1.PreSignedAuth {
	t.Helper()
	out := signAuths(t, s.req, n)
	for i := range out {
		out[i].ID = fmt.Sprintf("auth-%03d", first+i)
	}
	return out
}

func newStoreAt(t testing.TB, path string) (*store, error) {
	t.Helper()
	d, err := db.Open(path, db.Options{})
	if err != nil {
		return nil, err
	}
	return newStore(d)
}
