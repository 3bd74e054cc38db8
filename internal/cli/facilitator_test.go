package cli

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/config"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

func TestFacilitatorBadInput(t *testing.T) {
	dir := t.TempDir()
	badKey := filepath.Join(dir, "bad.key")
	if err := os.WriteFile(badKey, []byte("not-a-key-secret-material"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"facilitator", "--key-file", badKey}, "--rpc is required"},
		{[]string{"facilitator", "--rpc", "http://127.0.0.1:1"}, "--key-file is required"},
		{[]string{"facilitator", "--rpc", "http://127.0.0.1:1", "--key-file", badKey}, "64 hex characters"},
		{[]string{"facilitator", "--rpc", "http://127.0.0.1:1", "--key-file", filepath.Join(dir, "missing")}, "read key file"},
	}
	for _, tc := range cases {
		t.Run(tc.want, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want failure mentioning %q", code, stderr, tc.want)
			}
			if strings.Contains(stderr, "not-a-key-secret-material") {
				t.Fatal("the key file's content leaked into the error")
			}
		})
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestFacilitatorRuns: `obol facilitator -o json` against a served dev chain
// announces itself as JSON and answers /supported until cancelled.
func TestFacilitatorRuns(t *testing.T) {
	c, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	cctx, ccancel := context.WithCancel(context.Background())
	defer ccancel()
	go func() { _ = c.Serve(cctx, ln) }()

	key := chain.DevAccounts()[3].Key
	keyFile := filepath.Join(t.TempDir(), "fac.key")
	if err := os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(key))+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	free, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := free.Addr().String()
	free.Close()

	var out, errb syncBuffer
	g := &Globals{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	root := newRoot(g)
	root.SetArgs([]string{"--data-dir", t.TempDir(), "-o", "json", "facilitator", "--listen", addr, "--rpc", "http://" + ln.Addr().String(), "--key-file", keyFile})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()

	var sup x402.SupportedResponse
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get("http://" + addr + "/supported")
		if err == nil {
			err = json.NewDecoder(resp.Body).Decode(&sup)
			resp.Body.Close()
			if err == nil {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("facilitator never answered: %v; stderr %s", err, errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if len(sup.Kinds) != 2 || sup.Kinds[0].Network != "eip155:1337" || sup.Signers["eip155:*"][0] != chain.DevAccounts()[3].Address.Hex() {
		t.Fatalf("/supported = %+v", sup)
	}
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("/metrics: %v", err)
	}
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("facilitator exited with %v", err)
	}
	var info map[string]any
	if err := json.Unmarshal([]byte(out.String()), &info); err != nil || info["network"] != "eip155:1337" || info["listen"] != addr {
		t.Fatalf("-o json output %q: %v", out.String(), err)
	}
}

func TestLoadSettlementKey(t *testing.T) {
	dir := t.TempDir()
	key := chain.DevAccounts()[4].Key
	blob, err := keystore.EncryptKey(&keystore.Key{Id: uuid.New(), Address: chain.DevAccounts()[4].Address, PrivateKey: key}, "s3cret", keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	ks := filepath.Join(dir, "key.json")
	pw := filepath.Join(dir, "pw")
	bad := filepath.Join(dir, "bad")
	hexFile := filepath.Join(dir, "key.hex")
	for f, c := range map[string]string{ks: string(blob), pw: "s3cret\n", bad: "nope\n", hexFile: "0x" + hex.EncodeToString(crypto.FromECDSA(key))} {
		if err := os.WriteFile(f, []byte(c), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct{ name, key, pw, err string }{
		{"keystore", ks, pw, ""},
		{"hex", hexFile, "", ""},
		{"wrong password", ks, bad, "unlock keystore"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := loadSettlementKey(tc.key, tc.pw)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "nope") {
					t.Fatalf("err %v, want %q without the password", err, tc.err)
				}
				return
			}
			if err != nil || crypto.PubkeyToAddress(got.PublicKey) != chain.DevAccounts()[4].Address {
				t.Fatalf("got %v, %v", got, err)
			}
		})
	}
}

func TestFacilitatorJournalBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"facilitator", "journal", "--state", "pending"}, `unknown state "pending": use sent, mined or failed`},
		{[]string{"facilitator", "journal", "--limit", "-1"}, "limit -1 is negative"},
		{[]string{"facilitator", "journal", "--limit", "many"}, `invalid argument "many"`},
		{[]string{"facilitator", "journal", "extra"}, "unknown command"},
		{[]string{"facilitator", "journal"}, "no database at"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code != 1 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want 1 mentioning %q", code, stderr, tc.want)
			}
		})
	}
	code, _, stderr := run(t, "facilitator", "--journal-retention", "-1h", "--rpc", "http://127.0.0.1:1", "--key-file", "x")
	if code != 1 || !strings.Contains(stderr, "--journal-retention -1h0m0s is negative") {
		t.Fatalf("negative retention: exit %d, %q", code, stderr)
	}
}

type journalOut struct {
	Items []facilitator.JournalEntry `json:"items"`
}

// TestFacilitatorJournalOffline: with no stack running the command reads
// the data dir's database; one held by another process is named.
func TestFacilitatorJournalOffline(t *testing.T) {
	dir := t.TempDir()
	d, err := db.OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	err = d.Update(func(tx *db.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte("x402_facilitator_settlements"))
		if err != nil {
			return err
		}
		for i, state := range []string{"mined", "sent", "failed", "mined"} {
			r := facilitator.Record{Key: fmt.Sprintf("eip3009:eip155:1337:0xtoken:0xpayer:%d", i), State: state, Network: "eip155:1337",
				Payer: "0xpayer", PayTo: "0xseller", Asset: "0xtoken", Amount: fmt.Sprint(100 + i), Tx: fmt.Sprintf("0x%064x", i),
				Raw: []byte{0xca, 0xfe, 0xba, 0xbe}, Created: base.Add(time.Duration(i) * time.Minute)}
			if state != "sent" {
				r.Block, r.Resolved = uint64(10+i), r.Created.Add(time.Second)
			}
			raw, _ := json.Marshal(r)
			if err := b.Put([]byte(r.Key), raw); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// Held by another process (a standalone facilitator): a clear refusal.
	code, _, stderr := runIn(t, dir, "facilitator", "journal")
	if code != 1 || !strings.Contains(stderr, "in use by another process") || !strings.Contains(stderr, "obol facilitator") {
		t.Fatalf("locked database: exit %d, %q", code, stderr)
	}
	d.Close()

	code, stdout, stderr := runIn(t, dir, "facilitator", "journal", "-o", "json")
	var got journalOut
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || len(got.Items) != 4 {
		t.Fatalf("exit %d, %q, %q", code, stdout, stderr)
	}
	if got.Items[0].Amount != "103" || got.Items[3].Amount != "100" || got.Items[0].Block != 13 {
		t.Fatalf("not newest first: %+v", got.Items)
	}
	if strings.Contains(stdout, "cafebabe") || strings.Contains(stdout, `"raw"`) {
		t.Fatalf("the raw transaction is listed: %s", stdout)
	}
	code, stdout, _ = runIn(t, dir, "facilitator", "journal", "--state", "mined", "--limit", "1", "-o", "json")
	got = journalOut{}
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || len(got.Items) != 1 || got.Items[0].Amount != "103" {
		t.Fatalf("mined, limit 1: exit %d, %s", code, stdout)
	}
	code, stdout, _ = runIn(t, dir, "facilitator", "journal", "--state", "sent")
	if code != 0 || !strings.Contains(stdout, "CREATED") || !strings.Contains(stdout, "2026-11-01T12:01:00Z  sent") || strings.Count(stdout, "\n") != 2 {
		t.Fatalf("human sent listing: exit %d\n%s", code, stdout)
	}
}

// TestFacilitatorJournalThroughStack: a running stack holds the database,
// so the command asks it through the admin API.
func TestFacilitatorJournalThroughStack(t *testing.T) {
	ch, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	dir := t.TempDir()
	cfg := config.Default()
	cfg.Listen = config.Listen{Public: "127.0.0.1:0", Local: "127.0.0.1:0", Buyer: "127.0.0.1:0", Facilitator: "127.0.0.1:0"}
	s, err := stack.New(stack.Options{DataDir: dir, Config: cfg, Chain: ch})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runIn(t, dir, "facilitator", "journal", "-o", "json")
	if code != 0 || strings.TrimSpace(stdout) != `{
  "items": []
}` {
		t.Fatalf("empty journal: exit %d, %q, %q", code, stdout, stderr)
	}

	payer := x402test.Signer(t, "journal payer")
	for _, tok := range []string{"ETH", "USDC"} {
		amount := big.NewInt(1_000)
		if tok == "ETH" {
			amount = big.NewInt(1e18)
		}
		if _, err := ch.Fund(context.Background(), payer.Address(), tok, amount); err != nil {
			t.Fatal(err)
		}
	}
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "journal seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	body, _ := json.Marshal(map[string]any{"x402Version": p.X402Version, "paymentPayload": p, "paymentRequirements": req})
	resp, err := http.Post(s.URL("facilitator")+"/settle", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var settled x402.SettleResponse
	_ = json.NewDecoder(resp.Body).Decode(&settled)
	resp.Body.Close()
	if !settled.Success {
		t.Fatalf("settle: %+v", settled)
	}

	code, stdout, stderr = runIn(t, dir, "facilitator", "journal", "-o", "json")
	var got journalOut
	if code != 0 || json.Unmarshal([]byte(stdout), &got) != nil || len(got.Items) != 1 {
		t.Fatalf("exit %d, %q, %q", code, stdout, stderr)
	}
	r := got.Items[0]
	if r.State != facilitator.StateMined || r.Tx != settled.Transaction || r.Payer != payer.Address().Hex() || r.Amount != "100" || r.Block == 0 || r.Resolved.IsZero() {
		t.Fatalf("record %+v, settled %+v", r, settled)
	}
	if code, _, stderr := runIn(t, dir, "facilitator", "journal", "--state", "nope"); code != 1 || !strings.Contains(stderr, "unknown state") {
		t.Fatalf("bad state with a stack: exit %d, %q", code, stderr)
	}
}
