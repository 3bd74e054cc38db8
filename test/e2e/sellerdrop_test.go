package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/obol-dev/obol/internal/llm/llmtest"
)

// dropProxy stands between buyers and Alice's public listener, as a
// reverse proxy or tunnel does. Armed, it forwards the next paid request,
// lets Alice answer (and settle) in full, then stops listening and closes
// the buyer's connection without a word: from the buyer's side, the seller
// died right after settling.
type dropProxy struct {
	t      *testing.T
	addr   string
	target *url.URL
	armed  atomic.Bool

	mu      sync.Mutex
	ln      net.Listener
	srv     *http.Server
	settled string // the tx hash of the answer that was dropped
}

func newDropProxy(t *testing.T, target string) *dropProxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	p := &dropProxy{t: t, addr: "127.0.0.1:" + strconv.Itoa(freePort(t)), target: u}
	p.listen()
	t.Cleanup(p.close)
	return p
}

func (p *dropProxy) url() string { return "http://" + p.addr }

func (p *dropProxy) listen() {
	p.t.Helper()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		p.t.Fatalf("proxy listen %s: %v", p.addr, err)
	}
	rp := httputil.NewSingleHostReverseProxy(p.target)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Payment-Signature") != "" && p.armed.CompareAndSwap(true, false) {
			p.drop(w, r)
			return
		}
		rp.ServeHTTP(w, r)
	})}
	p.mu.Lock()
	p.ln, p.srv = ln, srv
	p.mu.Unlock()
	go srv.Serve(ln)
}

// drop forwards r to Alice, reads her whole answer, then closes the
// listener and the buyer's connection.
func (p *dropProxy) drop(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	out, _ := http.NewRequest(r.Method, p.target.String()+r.URL.RequestURI(), bytes.NewReader(body))
	out.Header = r.Header.Clone()
	resp, err := (&http.Client{Timeout: 30 * time.Second}).Do(out)
	if err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if raw, err := base64.StdEncoding.DecodeString(resp.Header.Get("Payment-Response")); err == nil {
			var st struct {
				Transaction string `json:"transaction"`
			}
			if json.Unmarshal(raw, &st) == nil {
				p.mu.Lock()
				p.settled = st.Transaction
				p.mu.Unlock()
			}
		}
	}
	p.mu.Lock()
	p.ln.Close() // a retry now finds nobody listening
	p.mu.Unlock()
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		conn.Close()
	}
}

func (p *dropProxy) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.srv != nil {
		p.srv.Close()
	}
}

// setPublicURL points Alice's catalogs at the proxy (seller.publicURL).
func setPublicURL(t *testing.T, dir, publicURL string) {
	t.Helper()
	path := filepath.Join(dir, "config.yaml")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cfg map[string]any
	if err := yaml.Unmarshal(raw, &cfg); err != nil {
		t.Fatal(err)
	}
	seller, _ := cfg["seller"].(map[string]any)
	if seller == nil {
		seller = map[string]any{}
	}
	seller["publicURL"] = publicURL
	cfg["seller"] = seller
	if raw, err = yaml.Marshal(cfg); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestSellerDropsAfterSettling is the seller (or the tunnel in front of
// it) going away after it settled a paid request but before the buyer read
// the answer, with the buyer's retry finding nobody listening. The auth
// was spent on chain, so Bob's pool must count it spent, not give it back.
func TestSellerDropsAfterSettling(t *testing.T) {
	t.Parallel() // it waits out the buyer's 30 s hold of an unseen outcome
	up := llmtest.NewUpstream(t, llmtest.Options{Name: "e2e", Models: []string{"qwen"}})
	alice := newNode(t, "alice", "")
	proxy := newDropProxy(t, alice.url("public"))
	setPublicURL(t, alice.dir, proxy.url())
	alice.up()
	chain := newChainView(t, alice.url("chain"))
	bob := newNode(t, "bob", alice.url("chain"))
	bob.up()
	bobAddr := bob.walletAddress()
	alice.json(nil, "model", "setup", "--provider", "custom", "--endpoint", up.URL, "--model", "qwen")
	alice.json(nil, "sell", "inference", "qwen", "--model", "qwen", "--price", "0.001")
	mustJSON(t, nil, "chain", "fund", bobAddr, "--token", "USDC", "--amount", "1", "--rpc", alice.url("chain"))
	offer := proxy.url() + "/services/qwen"
	if pr := bob.purchase("buy", "inference", offer, "--count", "3", "--yes"); pr.Status.Remaining != 3 {
		t.Fatalf("buy through the proxy: %+v", pr.Status)
	}
	chat := bob.url("local") + "/v1/chat/completions"
	req := `{"model":"paid/qwen","messages":[{"role":"user","content":"hi"}]}`
	if code, _, body := post(t, chat, bob.masterKey(), req); code != http.StatusOK {
		t.Fatalf("first paid call through the proxy: %d %s", code, body)
	}

	proxy.armed.Store(true)
	code, _, body := post(t, chat, bob.masterKey(), req)
	proxy.mu.Lock()
	settled := proxy.settled
	proxy.mu.Unlock()
	if code == http.StatusOK || settled == "" {
		t.Fatalf("the dropped call: Bob answered %d %s, Alice settled %q; want an error after a settlement", code, body, settled)
	}
	proxy.listen() // the seller is back

	var p poolStatus
	deadline := time.Now().Add(pendingWait)
	for {
		p = bob.pools()["default/qwen"]
		if p.InFlight == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	transfers := chain.transfersFrom(bobAddr)
	t.Logf("Bob's pool %+v; %d transfers from Bob on chain; the dropped call settled in %s", p, transfers, settled)
	if transfers != 2 {
		t.Fatalf("%d transfers from Bob on chain, want 2 (the first call and the dropped one)", transfers)
	}
	if p.Spent != transfers || p.Remaining != 3-transfers {
		t.Errorf("Bob's pool counts spent %d remaining %d, but %d of his 3 auths are spent on chain: "+
			"the auth of the dropped call went back to the pool", p.Spent, p.Remaining, transfers)
	}
}
