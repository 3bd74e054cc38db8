package cli

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/x402"
)

func TestSellerBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"routes":[{"name":"x","upstream":"http://127.0.0.1:1","payments":[{"network":"devnet","payTo":"0x1111111111111111111111111111111111111111","token":"USDC","price":"abc"}]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"seller", "--routes", bad}, "--facilitator-url is required"},
		{[]string{"seller", "--facilitator-url", "http://127.0.0.1:1"}, "--routes is required"},
		{[]string{"seller", "--facilitator-url", "http://127.0.0.1:1", "--routes", filepath.Join(dir, "missing.json")}, "read route file"},
		{[]string{"seller", "--facilitator-url", "http://127.0.0.1:1", "--routes", bad}, "not a decimal digit"},
		{[]string{"seller", "--facilitator-url", "ftp://x", "--routes", bad}, "not a decimal digit"},
	} {
		t.Run(tc.want, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code == 0 || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stderr %q; want failure mentioning %q", code, stderr, tc.want)
			}
		})
	}
}

// TestSellerRuns: `obol seller -o json` announces its routes as JSON, answers
// 402 on its route and serves /metrics on the metrics listener only.
func TestSellerRuns(t *testing.T) {
	routes := filepath.Join(t.TempDir(), "routes.json")
	if err := os.WriteFile(routes, []byte(`{"routes":[{"name":"chat","upstream":"http://127.0.0.1:1","payments":[{"network":"devnet","payTo":"0x1111111111111111111111111111111111111111","token":"USDC","price":"0.001"}]}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	addr, maddr := freeAddr(t), freeAddr(t)
	var out, errb syncBuffer
	g := &Globals{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	root := newRoot(g)
	root.SetArgs([]string{"--data-dir", t.TempDir(), "-o", "json", "seller", "--listen", addr, "--metrics-listen", maddr,
		"--facilitator-url", "http://127.0.0.1:1", "--routes", routes})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	var resp *http.Response
	deadline := time.Now().Add(10 * time.Second)
	for {
		var err error
		if resp, err = http.Get("http://" + addr + "/services/chat/v1/models"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("seller never answered: %v; stderr %s", err, errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	resp.Body.Close()
	pr, err := x402.DecodePaymentRequiredHeader(resp.Header.Get("PAYMENT-REQUIRED"))
	if resp.StatusCode != http.StatusPaymentRequired || err != nil || pr.Accepts[0].Amount != "1000" {
		t.Fatalf("route answered %d, %+v, %v", resp.StatusCode, pr, err)
	}
	if r, err := http.Get("http://" + addr + "/metrics"); err != nil || r.StatusCode == 200 {
		t.Errorf("the public listener serves /metrics")
	} else {
		r.Body.Close()
	}
	m, err := http.Get("http://" + maddr + "/metrics")
	if err != nil || m.StatusCode != 200 {
		t.Fatalf("/metrics: %v", err)
	}
	m.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("seller exited with %v", err)
	}
	var info struct {
		Listen string
		Routes []struct{ Name, Prefix string }
	}
	if err := json.Unmarshal([]byte(out.String()), &info); err != nil || info.Listen != addr || len(info.Routes) != 1 || info.Routes[0].Prefix != "/services/chat" {
		t.Fatalf("-o json output %q: %v", out.String(), err)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
