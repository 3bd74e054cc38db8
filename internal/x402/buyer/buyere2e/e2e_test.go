// Package buyere2e_test runs the whole buy loop on the dev chain: a seller
// (obol's seller gateway and facilitator, or the official @x402/express
// middleware) and obol's buyer proxy with pre-signed auths, money moving on
// chain. Test packages may import several components; this one has no
// non-test code.
package buyere2e_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/buyer"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/seller"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

var transferTopic = crypto.Keccak256Hash([]byte("Transfer(address,address,uint256)"))

// world is one dev chain with Alice's seller on it.
type world struct {
	t      testing.TB
	chain  *chain.Chain
	rpcURL string
	ec     *ethclient.Client
	reader *purchase.EthReader
	payTo  common.Address
	tokens map[string]x402.Token
	prices map[string]*big.Int
	seller *httptest.Server // obol's seller gateway (when started)
	gw     *seller.Seller
	up     string
	log    *slog.Logger
}

func newWorld(t testing.TB) *world {
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
	w := &world{t: t, chain: c, rpcURL: "http://" + ln.Addr().String(), ec: c.EthClient(), payTo: x402test.Address(t, "alice "+t.Name()),
		tokens: map[string]x402.Token{}, log: slog.New(slog.DiscardHandler),
		prices: map[string]*big.Int{"USDC": big.NewInt(1000), "OBOL": big.NewInt(1_000_000_000_000_000)}} // 0.001 each
	if w.reader, err = purchase.NewEthReader(w.ec); err != nil {
		t.Fatal(err)
	}
	reg, _ := x402.NewRegistry(x402.RegistryOptions{})
	for _, sym := range []string{"USDC", "OBOL"} {
		if w.tokens[sym], err = reg.Token("devnet", sym); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// startSeller runs Alice's seller: obol's facilitator and seller gateway in
// front of an OpenAI-compatible upstream, selling /services/qwen for 0.001
// USDC (ERC-3009) or 0.001 OBOL (Permit2).
func (w *world) startSeller() {
	t := w.t
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	facKey := x402test.Key(t, "alice facilitator "+t.Name())
	w.fund(crypto.PubkeyToAddress(facKey.PublicKey), "ETH", ether(100))
	d, err := db.Open(filepath.Join(t.TempDir(), db.FileName), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close() })
	f, err := facilitator.New(facilitator.Options{Signer: wallet.NewKeySigner(facKey), DB: d,
		Networks: []facilitator.Network{{Network: "devnet", Backend: w.ec}}, PollInterval: 5 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = f.Run(ctx) }()
	fsrv := httptest.NewServer(f.Handler())
	t.Cleanup(fsrv.Close)
	up := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		var in struct {
			Model  string `json:"model"`
			Stream bool   `json:"stream"`
		}
		_ = json.NewDecoder(r.Body).Decode(&in)
		if in.Stream {
			rw.Header().Set("Content-Type", "text/event-stream")
			for _, c := range []string{"alice's ", "stream"} {
				fmt.Fprintf(rw, "data: {\"choices\":[{\"delta\":{\"content\":%q}}]}\n\n", c)
				rw.(http.Flusher).Flush()
			}
			fmt.Fprint(rw, "data: [DONE]\n\n")
			return
		}
		rw.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(rw, `{"object":"chat.completion","model":%q,"choices":[{"index":0,"message":{"role":"assistant","content":"alice's upstream answers"},"finish_reason":"stop"}]}`, in.Model)
	}))
	t.Cleanup(up.Close)
	fc, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: fsrv.URL})
	if err != nil {
		t.Fatal(err)
	}
	s, err := seller.New(seller.Options{Facilitator: fc})
	if err != nil {
		t.Fatal(err)
	}
	w.gw, w.up = s, up.URL
	w.setRoutes()
	w.seller = httptest.NewServer(s)
	t.Cleanup(w.seller.Close)
}

// setRoutes (re)publishes Alice's offer at the current prices.
func (w *world) setRoutes() {
	usdc := w.tokens["USDC"].Requirements(w.prices["USDC"], w.payTo, 300)
	obol := w.tokens["OBOL"].Requirements(w.prices["OBOL"], w.payTo, 300)
	if err := w.gw.SetRoutes([]seller.Route{{Namespace: "default", Name: "qwen", Prefix: "/services/qwen", Upstream: w.up,
		Accepts: []seller.Accept{{Requirements: usdc, Chain: "devnet", AssetSymbol: "USDC", AssetDecimals: 6},
			{Requirements: obol, Chain: "devnet", AssetSymbol: "OBOL", AssetDecimals: 18}}}}); err != nil {
		w.t.Fatal(err)
	}
}

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

func (w *world) fund(to common.Address, token string, amount *big.Int) {
	w.t.Helper()
	if _, err := w.chain.Fund(context.Background(), to, token, amount); err != nil {
		w.t.Fatalf("fund %s %s: %v", to, token, err)
	}
}

// bob is a fresh buyer wallet holding ETH, USDC and OBOL.
func (w *world) bob(label string) *wallet.KeySigner {
	w.t.Helper()
	k := x402test.Key(w.t, label+" "+w.t.Name())
	b := wallet.NewKeySigner(k)
	w.fund(b.Address(), "ETH", ether(1))
	w.fund(b.Address(), "USDC", big.NewInt(10_000_000))
	w.fund(b.Address(), "OBOL", ether(10))
	return b
}

func (w *world) balance(sym string, who common.Address) *big.Int {
	w.t.Helper()
	v, err := w.reader.BalanceOf(context.Background(), w.tokens[sym].Address, who)
	if err != nil {
		w.t.Fatal(err)
	}
	return v
}

// transfers lists Transfer(from → payTo) logs of a token in successful receipts.
func (w *world) transfers(sym string, from common.Address) []types.Log {
	w.t.Helper()
	logs, err := w.ec.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: big.NewInt(0),
		Addresses: []common.Address{w.tokens[sym].Address},
		Topics:    [][]common.Hash{{transferTopic}, {common.BytesToHash(from[:])}, {common.BytesToHash(w.payTo[:])}}})
	if err != nil {
		w.t.Fatal(err)
	}
	for _, l := range logs {
		rc, err := w.ec.TransactionReceipt(context.Background(), l.TxHash)
		if err != nil || rc.Status != types.ReceiptStatusSuccessful {
			w.t.Fatalf("transfer log in tx %s without a successful receipt: %v", l.TxHash, err)
		}
	}
	return logs
}

// approver sends approve(Permit2, amount) from key, as `obol buy` does after
// the user confirms.
func (w *world) approver(key *wallet.KeySigner, raw func() []byte) func(context.Context, common.Address, *big.Int) error {
	return func(ctx context.Context, token common.Address, amount *big.Int) error {
		k, err := crypto.ToECDSA(raw())
		if err != nil {
			return err
		}
		tok, err := bindings.NewDevOBOL(token, w.ec)
		if err != nil {
			return err
		}
		auth, err := bind.NewKeyedTransactorWithChainID(k, w.chain.ChainID())
		if err != nil {
			return err
		}
		tx, err := tok.Approve(auth, x402.Permit2Address, amount)
		if err != nil {
			return err
		}
		_, err = bind.WaitMined(ctx, w.ec, tx)
		return err
	}
}

// presign probes the offer and signs count auths for sym, as `obol buy` does.
func (w *world) presign(endpoint, sym, label string, count int) ([]byte, *wallet.KeySigner, *purchase.PresignResult) {
	w.t.Helper()
	key := x402test.Key(w.t, label+" "+w.t.Name())
	bob := w.bob(label)
	ch, err := purchase.Probe(context.Background(), http.DefaultClient, endpoint, "qwen")
	if err != nil {
		w.t.Fatal(err)
	}
	tok := w.tokens[sym]
	svc := &purchase.CatalogService{Name: "qwen", Endpoint: endpoint, PriceAtomicUnits: w.prices[sym].String(), PayTo: w.payTo.Hex(),
		CAIP2Network: tok.Network, Asset: purchase.CatalogAsset{Address: tok.Address.Hex(), Symbol: sym, Decimals: int(tok.Decimals), TransferMethod: tok.TransferMethod}}
	svc.Asset.EIP712Domain.Name, svc.Asset.EIP712Domain.Version = tok.EIP712Name, tok.EIP712Version
	raw := crypto.FromECDSA(key)
	res, err := purchase.Presign(context.Background(), purchase.PresignOptions{Signer: bob, Service: svc, Challenge: ch, Chain: w.reader,
		Count: count, TTL: time.Hour, Approve: w.approver(bob, func() []byte { return raw })})
	if err != nil {
		w.t.Fatal(err)
	}
	return raw, bob, res
}

// bobBuyer is Bob's buyer proxy over a database file; restart reopens it.
type bobBuyer struct {
	w      *world
	dbPath string
	d      *db.DB
	b      *buyer.Buyer
	srv    *httptest.Server
	pool   purchase.Pool
	fault  func(string) bool
}

func (w *world) newBuyer(endpoint string, res *purchase.PresignResult, fault func(string) bool) *bobBuyer {
	bb := &bobBuyer{w: w, dbPath: filepath.Join(w.t.TempDir(), db.FileName), fault: fault,
		pool: purchase.Pool{Key: "default/bob-qwen", Model: "qwen", Endpoint: endpoint, Network: res.Payment.Network, Auths: res.Auths}}
	bb.start()
	w.t.Cleanup(bb.stop)
	return bb
}

func (bb *bobBuyer) start() {
	t := bb.w.t
	d, err := db.Open(bb.dbPath, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	bb.d = d
	// The in-process seller settles before it answers, so a killed call's
	// outcome is final on chain when the buyer restarts: no hold needed.
	bb.b, err = buyer.New(buyer.Options{DB: d, Logger: bb.w.log, Fault: bb.fault, UncertainHold: time.Nanosecond,
		Chain: func(string) (purchase.ChainReader, error) { return bb.w.reader, nil }})
	if err != nil {
		t.Fatal(err)
	}
	if err := bb.b.LoadPool(context.Background(), bb.pool); err != nil {
		t.Fatal(err)
	}
	bb.srv = httptest.NewServer(bb.b.Handler())
}

func (bb *bobBuyer) stop() {
	if bb.srv != nil {
		bb.srv.CloseClientConnections()
		bb.srv.Close()
		bb.srv = nil
	}
	if bb.d != nil {
		_ = bb.d.Close()
		bb.d = nil
	}
}

func (bb *bobBuyer) chat() (int, string, error) {
	resp, err := http.Post(bb.srv.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"model":"paid/qwen","messages":[{"role":"user","content":"hello alice"}]}`))
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

func (bb *bobBuyer) status() purchase.PoolStatus {
	st, ok := bb.b.PoolStatus(bb.pool.Key)
	if !ok {
		bb.w.t.Fatal("pool not loaded")
	}
	return st
}

// TestBuyLoop: Bob buys 5 auths, one chat completion through his buyer
// proxy reaches Alice's upstream, and exactly the price moves on chain.
func TestBuyLoop(t *testing.T) {
	for _, sym := range []string{"USDC", "OBOL"} {
		t.Run(sym, func(t *testing.T) {
			w := newWorld(t)
			w.startSeller()
			endpoint := w.seller.URL + "/services/qwen"
			_, bob, res := w.presign(endpoint, sym, "bob", 5)
			bb := w.newBuyer(endpoint, res, nil)
			if st := bb.status(); st.Remaining != 5 || st.Spent != 0 {
				t.Fatalf("fresh pool %+v", st)
			}
			aliceBefore, bobBefore := w.balance(sym, w.payTo), w.balance(sym, bob.Address())
			code, body, err := bb.chat()
			if err != nil || code != 200 || !strings.Contains(body, "alice's upstream answers") {
				t.Fatalf("paid call: %d %s %v", code, body, err)
			}
			if st := bb.status(); st.Remaining != 4 || st.Spent != 1 {
				t.Errorf("after one call %+v, want remaining 4 spent 1", st)
			}
			price := w.prices[sym]
			if got := new(big.Int).Sub(w.balance(sym, w.payTo), aliceBefore); got.Cmp(price) != 0 {
				t.Errorf("alice got %s, want %s", got, price)
			}
			if got := new(big.Int).Sub(bobBefore, w.balance(sym, bob.Address())); got.Cmp(price) != 0 {
				t.Errorf("bob paid %s, want %s", got, price)
			}
			if n := len(w.transfers(sym, bob.Address())); n != 1 {
				t.Errorf("%d Transfer logs bob → alice, want 1", n)
			}
		})
	}
}
