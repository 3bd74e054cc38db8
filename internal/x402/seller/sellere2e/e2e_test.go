// Package sellere2e_test runs the seller end to end on the dev chain: a
// real chain, the real facilitator over HTTP, the seller in front of a real
// upstream, and payments signed with the production signing code. Test
// packages may import several components; this one has no non-test code.
package sellere2e_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/chain/chaintest"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/llm/llmtest"
	"github.com/obol-dev/obol/internal/nodetest"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/seller"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// stack is a dev chain served on loopback, a facilitator, an upstream and
// the seller, wired the way internal/stack wires them.
type stack struct {
	t       testing.TB
	chain   *chain.Chain
	rpcURL  string
	ec      *ethclient.Client
	fac     *httptest.Server
	up      *httptest.Server
	upCalls atomic.Int64
	seller  *seller.Seller
	srv     *httptest.Server
	reg     *prometheus.Registry
	payTo   common.Address
	usdc    x402.PaymentRequirements
	obol    x402.PaymentRequirements
	routes  []seller.Route
	tokens  map[string]x402.Token
}

func newStack(t testing.TB) *stack {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	c, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatalf("start dev chain: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = c.Serve(ctx, ln) }()
	s := &stack{t: t, chain: c, rpcURL: "http://" + ln.Addr().String(), ec: c.EthClient(), reg: prometheus.NewRegistry(),
		payTo: x402test.Address(t, "e2e seller "+t.Name()), tokens: map[string]x402.Token{}}

	facKey := x402test.Key(t, "e2e facilitator "+t.Name())
	s.fund(crypto.PubkeyToAddress(facKey.PublicKey), "ETH", ether(100))
	d, err := db.Open(filepath.Join(t.TempDir(), db.FileName), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close() })
	f, err := facilitator.New(facilitator.Options{Signer: wallet.NewKeySigner(facKey), DB: d,
		Networks: []facilitator.Network{{Network: "devnet", Backend: s.ec}}, PollInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.Run(ctx) }()
	s.fac = httptest.NewServer(f.Handler())
	t.Cleanup(s.fac.Close)

	s.up = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.upCalls.Add(1)
		if strings.HasSuffix(r.URL.Path, "/fail") {
			http.Error(w, "upstream broke", http.StatusInternalServerError)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/stream") {
			w.Header().Set("Content-Type", "text/event-stream")
			for i := range 3 {
				fmt.Fprintf(w, "data: {\"chunk\":%d}\n\n", i)
				w.(http.Flusher).Flush()
			}
			fmt.Fprint(w, "data: [DONE]\n\n")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"payer": r.Header.Get("X-Payment-Payer"), "path": r.URL.Path})
	}))
	t.Cleanup(s.up.Close)

	reg, _ := x402.NewRegistry(x402.RegistryOptions{})
	for _, sym := range []string{"USDC", "OBOL"} {
		tok, err := reg.Token("devnet", sym)
		if err != nil {
			t.Fatal(err)
		}
		s.tokens[sym] = tok
	}
	s.usdc = s.tokens["USDC"].Requirements(big.NewInt(1000), s.payTo, 300)                  // 0.001 USDC
	s.obol = s.tokens["OBOL"].Requirements(big.NewInt(2_000_000_000_000_000), s.payTo, 300) // 0.002 OBOL
	fc, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: s.fac.URL})
	if err != nil {
		t.Fatal(err)
	}
	s.seller, err = seller.New(seller.Options{Facilitator: fc, Registerer: s.reg})
	if err != nil {
		t.Fatal(err)
	}
	sponsor := json.RawMessage(`{"info":{"description":"the facilitator calls the Permit2 proxy's settleWithPermit with your EIP-2612 permit","version":"1"},"schema":{}}`)
	s.routes = []seller.Route{{Namespace: "default", Name: "e2e", Prefix: "/services/e2e", Upstream: s.up.URL, Description: "e2e upstream",
		Accepts: []seller.Accept{
			{Requirements: s.usdc, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6},
			{Requirements: s.obol, Chain: "devnet", AssetSymbol: "OBOL", AssetDecimals: 18}},
		Extensions: map[string]json.RawMessage{x402.ExtensionEIP2612GasSponsoring: sponsor}}}
	if err := s.seller.SetRoutes(s.routes); err != nil {
		t.Fatal(err)
	}
	s.srv = httptest.NewServer(s.seller)
	t.Cleanup(s.srv.Close)
	return s
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func (s *stack) fund(to common.Address, token string, amount *big.Int) {
	s.t.Helper()
	if _, err := s.chain.Fund(context.Background(), to, token, amount); err != nil {
		s.t.Fatalf("fund %s %s: %v", to, token, err)
	}
}

// buyer is a fresh account holding tokens and a little ETH.
func (s *stack) buyer() *wallet.KeySigner {
	s.t.Helper()
	return wallet.NewKeySigner(chaintest.FundedKey(s.t, s.chain,
		map[string]*big.Int{"ETH": ether(1), "USDC": big.NewInt(1_000_000), "OBOL": ether(1)}))
}

var erc20 = func() abi.ABI {
	a, err := abi.JSON(strings.NewReader(`[
{"type":"function","name":"balanceOf","inputs":[{"name":"a","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
{"type":"function","name":"nonces","inputs":[{"name":"a","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
{"type":"event","name":"Transfer","inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},{"name":"value","type":"uint256","indexed":false}]}]`))
	if err != nil {
		panic(err)
	}
	return a
}()

func (s *stack) call(token common.Address, method string, who common.Address) *big.Int {
	s.t.Helper()
	data, _ := erc20.Pack(method, who)
	out, err := s.ec.CallContract(context.Background(), ethereum.CallMsg{To: &token, Data: data}, nil)
	if err != nil {
		s.t.Fatalf("%s: %v", method, err)
	}
	return new(big.Int).SetBytes(out)
}

func (s *stack) balance(sym string, who common.Address) *big.Int {
	return s.call(s.tokens[sym].Address, "balanceOf", who)
}

// transfersTo counts Transfer(from, payTo) logs of a token over the chain.
func (s *stack) transfersTo(sym string, from common.Address) int {
	s.t.Helper()
	logs, err := s.ec.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: big.NewInt(0),
		Addresses: []common.Address{s.tokens[sym].Address},
		Topics:    [][]common.Hash{{erc20.Events["Transfer"].ID}, {common.BytesToHash(from[:])}, {common.BytesToHash(s.payTo[:])}}})
	if err != nil {
		s.t.Fatal(err)
	}
	return len(logs)
}

type reply struct {
	status int
	header http.Header
	body   []byte
}

func (s *stack) do(path string, hdr map[string]string) reply {
	s.t.Helper()
	req, _ := http.NewRequest("POST", s.srv.URL+path, bytes.NewReader([]byte(`{"model":"m"}`)))
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, b}
}

func header(t testing.TB, p *x402.PaymentPayload) string {
	t.Helper()
	h, err := x402.EncodePaymentHeader(p)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// settledTx checks the settlement header against the chain: the header
// decodes to a successful settlement whose transaction is mined, succeeded,
// and holds exactly one Transfer of amount from payer to payTo.
func (s *stack) settledTx(r reply, sym string, payer common.Address, amount *big.Int) common.Hash {
	s.t.Helper()
	if r.status != http.StatusOK {
		s.t.Fatalf("paid request: %d %s", r.status, r.body)
	}
	sr, err := x402.DecodePaymentResponseHeader(r.header.Get("PAYMENT-RESPONSE"))
	if err != nil || !sr.Success || r.header.Get("X-PAYMENT-RESPONSE") != r.header.Get("PAYMENT-RESPONSE") {
		s.t.Fatalf("settle header %+v, %v", sr, err)
	}
	tx := common.HexToHash(sr.Transaction)
	rc, err := s.ec.TransactionReceipt(context.Background(), tx)
	if err != nil || rc.Status != types.ReceiptStatusSuccessful {
		s.t.Fatalf("receipt of %s: %v %+v", tx, err, rc)
	}
	var transfers int
	for _, l := range rc.Logs {
		if l.Address == s.tokens[sym].Address && len(l.Topics) == 3 && l.Topics[0] == erc20.Events["Transfer"].ID &&
			l.Topics[1] == common.BytesToHash(payer[:]) && l.Topics[2] == common.BytesToHash(s.payTo[:]) {
			if v := new(big.Int).SetBytes(l.Data); v.Cmp(amount) != 0 {
				s.t.Errorf("Transfer of %s, want %s", v, amount)
			}
			transfers++
		}
	}
	if transfers != 1 {
		s.t.Errorf("%d Transfer(payer → payTo) logs in the settlement, want 1", transfers)
	}
	return tx
}

func TestPaidRequestOnDevChain(t *testing.T) {
	s := newStack(t)

	// 402 with the offer's accepts[].
	r := s.do("/services/e2e/v1/chat/completions", nil)
	if r.status != http.StatusPaymentRequired {
		t.Fatalf("unpaid: %d %s", r.status, r.body)
	}
	pr, err := x402.DecodePaymentRequiredHeader(r.header.Get("PAYMENT-REQUIRED"))
	if err != nil {
		t.Fatal(err)
	}
	want := []x402.PaymentRequirements{s.usdc, s.obol}
	var wantRT []x402.PaymentRequirements
	b, _ := json.Marshal(want)
	_ = json.Unmarshal(b, &wantRT)
	if diff := cmp.Diff(wantRT, pr.Accepts); diff != "" {
		t.Fatalf("accepts[] (-want +got):\n%s", diff)
	}

	t.Run("erc3009 then replay", func(t *testing.T) {
		buyer := s.buyer()
		payerBefore, payToBefore := s.balance("USDC", buyer.Address()), s.balance("USDC", s.payTo)
		h := header(t, x402test.SignERC3009(t, buyer, pr.Accepts[0], x402.SignOptions{}))
		r := s.do("/services/e2e/v1/chat/completions", map[string]string{"PAYMENT-SIGNATURE": h})
		s.settledTx(r, "USDC", buyer.Address(), big.NewInt(1000))
		if !strings.Contains(string(r.body), buyer.Address().Hex()) {
			t.Errorf("upstream did not see X-Payment-Payer: %s", r.body)
		}
		if d := new(big.Int).Sub(payerBefore, s.balance("USDC", buyer.Address())); d.Int64() != 1000 {
			t.Errorf("payer paid %s, want 1000", d)
		}
		if d := new(big.Int).Sub(s.balance("USDC", s.payTo), payToBefore); d.Int64() != 1000 {
			t.Errorf("payTo received %s, want 1000", d)
		}
		calls := s.upCalls.Load()
		for _, hdr := range []string{"PAYMENT-SIGNATURE", "X-PAYMENT"} {
			r := s.do("/services/e2e/v1/chat/completions", map[string]string{hdr: h})
			if r.status != http.StatusPaymentRequired {
				t.Errorf("replay via %s: %d %s", hdr, r.status, r.body)
			}
		}
		// A second seller instance (a restart) has no memory of it: the
		// facilitator's chain check refuses it.
		fc, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: s.fac.URL})
		fresh, _ := seller.New(seller.Options{Facilitator: fc})
		_ = fresh.SetRoutes(s.routes)
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/services/e2e/x", strings.NewReader("{}"))
		req.Header.Set("PAYMENT-SIGNATURE", h)
		fresh.ServeHTTP(rec, req)
		if rec.Code != http.StatusPaymentRequired {
			t.Errorf("replay at a restarted seller: %d %s", rec.Code, rec.Body)
		}
		if s.upCalls.Load() != calls {
			t.Errorf("a replay reached the upstream")
		}
		if n := s.transfersTo("USDC", buyer.Address()); n != 1 {
			t.Errorf("%d transfers from the payer, want 1", n)
		}
		if d := new(big.Int).Sub(payerBefore, s.balance("USDC", buyer.Address())); d.Int64() != 1000 {
			t.Errorf("after replays the payer has paid %s, want 1000", d)
		}
	})

	t.Run("permit2 with EIP-2612 sponsoring", func(t *testing.T) {
		buyer := s.buyer()
		before := s.balance("OBOL", buyer.Address())
		nonce := s.call(s.tokens["OBOL"].Address, "nonces", buyer.Address())
		p := x402test.SignPermit2(t, buyer, pr.Accepts[1], x402.SignOptions{EIP2612: &x402.EIP2612Option{TokenNonce: nonce}})
		r := s.do("/services/e2e/v1/chat/completions", map[string]string{"X-PAYMENT": header(t, p)})
		s.settledTx(r, "OBOL", buyer.Address(), s.obolAmount())
		if d := new(big.Int).Sub(before, s.balance("OBOL", buyer.Address())); d.Cmp(s.obolAmount()) != 0 {
			t.Errorf("payer paid %s OBOL units, want %s", d, s.obolAmount())
		}
	})

	t.Run("v1 payload in X-PAYMENT", func(t *testing.T) {
		buyer := s.buyer()
		before := s.balance("USDC", buyer.Address())
		p := x402test.SignERC3009(t, buyer, pr.Accepts[0], x402.SignOptions{})
		p.X402Version = x402.V1
		r := s.do("/services/e2e/v1/chat/completions", map[string]string{"X-PAYMENT": header(t, p)})
		s.settledTx(r, "USDC", buyer.Address(), big.NewInt(1000))
		if d := new(big.Int).Sub(before, s.balance("USDC", buyer.Address())); d.Int64() != 1000 {
			t.Errorf("payer paid %s, want 1000", d)
		}
	})

	t.Run("stream settles after completion", func(t *testing.T) {
		buyer := s.buyer()
		before := s.balance("USDC", buyer.Address())
		req, _ := http.NewRequest("POST", s.srv.URL+"/services/e2e/v1/stream", strings.NewReader(`{"stream":true}`))
		req.Header.Set("PAYMENT-SIGNATURE", header(t, x402test.SignERC3009(t, buyer, pr.Accepts[0], x402.SignOptions{})))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(body), "data: [DONE]") {
			t.Fatalf("stream: %d %s", resp.StatusCode, body)
		}
		resp.Header.Set("PAYMENT-RESPONSE", resp.Trailer.Get("PAYMENT-RESPONSE"))
		resp.Header.Set("X-PAYMENT-RESPONSE", resp.Trailer.Get("X-PAYMENT-RESPONSE"))
		tx := s.settledTx(reply{resp.StatusCode, resp.Header, body}, "USDC", buyer.Address(), big.NewInt(1000))
		if !strings.Contains(string(body), ": PAYMENT-RESPONSE ") {
			t.Errorf("no SSE settlement comment in %q", body)
		}
		if d := new(big.Int).Sub(before, s.balance("USDC", buyer.Address())); d.Int64() != 1000 {
			t.Errorf("payer paid %s for the stream (tx %s), want 1000", d, tx)
		}
	})

	t.Run("upstream 500 settles nothing", func(t *testing.T) {
		buyer := s.buyer()
		before := s.balance("USDC", buyer.Address())
		h := header(t, x402test.SignERC3009(t, buyer, pr.Accepts[0], x402.SignOptions{}))
		r := s.do("/services/e2e/fail", map[string]string{"PAYMENT-SIGNATURE": h})
		if r.status != http.StatusInternalServerError || !strings.Contains(string(r.body), `"paymentSettled":false`) || r.header.Get("PAYMENT-RESPONSE") != "" {
			t.Fatalf("upstream failure: %d %s", r.status, r.body)
		}
		if after := s.balance("USDC", buyer.Address()); after.Cmp(before) != 0 {
			t.Errorf("payer charged %s for a failed upstream", new(big.Int).Sub(before, after))
		}
		if n := s.transfersTo("USDC", buyer.Address()); n != 0 {
			t.Errorf("%d transfers for a failed upstream", n)
		}
	})

	t.Run("facilitator down", func(t *testing.T) {
		fc, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: "http://" + closedAddr(t)})
		down, _ := seller.New(seller.Options{Facilitator: fc})
		_ = down.SetRoutes(s.routes)
		buyer := s.buyer()
		calls := s.upCalls.Load()
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("POST", "/services/e2e/x", strings.NewReader("{}"))
		req.Header.Set("PAYMENT-SIGNATURE", header(t, x402test.SignERC3009(t, buyer, pr.Accepts[0], x402.SignOptions{})))
		down.ServeHTTP(rec, req)
		if rec.Code != http.StatusServiceUnavailable || s.upCalls.Load() != calls {
			t.Errorf("facilitator down: %d, upstream calls +%d", rec.Code, s.upCalls.Load()-calls)
		}
	})

	t.Run("unfunded payer", func(t *testing.T) {
		poor := wallet.NewKeySigner(x402test.Key(t, "poor "+t.Name()))
		calls := s.upCalls.Load()
		h := header(t, x402test.SignERC3009(t, poor, pr.Accepts[0], x402.SignOptions{}))
		r := s.do("/services/e2e/x", map[string]string{"PAYMENT-SIGNATURE": h})
		if r.status != http.StatusPaymentRequired || s.upCalls.Load() != calls {
			t.Errorf("payer without funds: %d %s", r.status, r.body)
		}
	})
}

func (s *stack) obolAmount() *big.Int {
	v, _ := new(big.Int).SetString(s.obol.Amount, 10)
	return v
}

// closedAddr is a loopback address nothing listens on.
func closedAddr(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	_ = ln.Close()
	return addr
}

// TestOfficialX402Client pays through the seller with the official x402
// client (@x402/fetch + @x402/evm) on the dev chain, ERC-3009 (USDC) and
// Permit2 (OBOL, with the EIP-2612 sponsoring the 402 advertises: the buyer
// never sends an approve transaction).
func TestOfficialX402Client(t *testing.T) {
	dir := nodetest.Dir(t, "@x402/fetch", "@x402/evm")
	s := newStack(t)
	for _, tc := range []struct {
		method, sym string
		amount      *big.Int
	}{
		{"eip3009", "USDC", big.NewInt(1000)},
		{"permit2", "OBOL", s.obolAmount()},
	} {
		t.Run(tc.method, func(t *testing.T) {
			const count = 3
			key := x402test.Key(t, "node buyer "+t.Name())
			buyer := wallet.NewKeySigner(key)
			s.fund(buyer.Address(), tc.sym, new(big.Int).Mul(tc.amount, big.NewInt(10)))
			before, payToBefore := s.balance(tc.sym, buyer.Address()), s.balance(tc.sym, s.payTo)
			ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, "node", "x402-seller-pay.mjs", s.srv.URL+"/services/e2e/v1/chat/completions",
				s.rpcURL, hexutil.Encode(crypto.FromECDSA(key)), tc.method, fmt.Sprint(count))
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("node x402-seller-pay.mjs: %v\n%s", err, out)
			}
			var got struct {
				Payer string
				Paid  []struct {
					Status      int
					Transaction string
					Network     string
					Body        struct{ Payer string }
				}
			}
			line := strings.TrimSpace(string(out))
			if err := json.Unmarshal([]byte(line[strings.LastIndexByte(line, '\n')+1:]), &got); err != nil || len(got.Paid) != count {
				t.Fatalf("output (%v): %s", err, out)
			}
			seen := map[string]bool{}
			for _, p := range got.Paid {
				rc, err := s.ec.TransactionReceipt(ctx, common.HexToHash(p.Transaction))
				if err != nil || rc.Status != types.ReceiptStatusSuccessful || seen[p.Transaction] || p.Network != "eip155:1337" {
					t.Errorf("settlement %s: %v %+v (network %s)", p.Transaction, err, rc, p.Network)
				}
				seen[p.Transaction] = true
				if p.Body.Payer != buyer.Address().Hex() {
					t.Errorf("upstream saw payer %q, want %s", p.Body.Payer, buyer.Address().Hex())
				}
			}
			want := new(big.Int).Mul(tc.amount, big.NewInt(count))
			if d := new(big.Int).Sub(before, s.balance(tc.sym, buyer.Address())); d.Cmp(want) != 0 {
				t.Errorf("payer paid %s, want %s", d, want)
			}
			if d := new(big.Int).Sub(s.balance(tc.sym, s.payTo), payToBefore); d.Cmp(want) != 0 {
				t.Errorf("payTo received %s, want %s", d, want)
			}
			if n := s.transfersTo(tc.sym, buyer.Address()); n != count {
				t.Errorf("%d Transfer logs, want %d", n, count)
			}
		})
	}
}

// TestOpenAIClientThroughSeller: the official openai npm client, paying
// with @x402/fetch, calls an inference offer whose upstream is an
// OpenAI-compatible server that needs its own key (the route's
// UpstreamAuth); the stream parses although it ends with the seller's
// settlement comment, and both calls are paid on chain.
func TestOpenAIClientThroughSeller(t *testing.T) {
	dir := nodetest.Dir(t, "@x402/fetch", "@x402/evm")
	s := newStack(t)
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream", ChunkDelay: 5 * time.Millisecond})
	routes := append(s.routes, seller.Route{Namespace: "default", Name: "llm", Prefix: "/services/llm", Upstream: up.Server.URL,
		UpstreamAuth: "Bearer sk-upstream", Description: "echo model",
		Accepts: []seller.Accept{{Requirements: s.usdc, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6}}})
	if err := s.seller.SetRoutes(routes); err != nil {
		t.Fatal(err)
	}
	key := x402test.Key(t, "openai buyer")
	buyer := wallet.NewKeySigner(key)
	s.fund(buyer.Address(), "USDC", big.NewInt(1_000_000))
	before := s.balance("USDC", buyer.Address())
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "x402-seller-openai.mjs", s.srv.URL+"/services/llm/v1", s.rpcURL, hexutil.Encode(crypto.FromECDSA(key)), "echo")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node x402-seller-openai.mjs: %v\n%s", err, out)
	}
	var got struct {
		Plain  string
		Stream struct {
			Text   string
			Chunks int
		}
	}
	line := strings.TrimSpace(string(out))
	if err := json.Unmarshal([]byte(line[strings.LastIndexByte(line, '\n')+1:]), &got); err != nil || got.Plain != "PAID_OK" || got.Stream.Chunks < 2 {
		t.Fatalf("output (%v): %s", err, out)
	}
	if d := new(big.Int).Sub(before, s.balance("USDC", buyer.Address())); d.Int64() != 2000 {
		t.Errorf("payer paid %s for two calls, want 2000", d)
	}
	if n := s.transfersTo("USDC", buyer.Address()); n != 2 {
		t.Errorf("%d transfers, want 2", n)
	}
	if last := up.Last(); last.Header.Get("Authorization") != "Bearer sk-upstream" || last.Header.Get("X-Payment-Payer") != buyer.Address().Hex() {
		t.Errorf("upstream saw Authorization %q, payer %q", last.Header.Get("Authorization"), last.Header.Get("X-Payment-Payer"))
	}
}
