package cli

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
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
	"github.com/obol-dev/obol/internal/x402"
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
