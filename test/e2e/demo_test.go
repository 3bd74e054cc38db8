package e2e

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestDemoJSON runs `obol demo -o json` from the built binary, as the
// README tells a newcomer to, for both payment methods, and checks the
// exact deltas and that the demo leaves nothing behind.
func TestDemoJSON(t *testing.T) {
	for _, tc := range []struct {
		token, price, atomic string
	}{
		{"USDC", "0.001", "1000"},             // ERC-3009, 6 decimals
		{"OBOL", "0.002", "2000000000000000"}, // Permit2, 18 decimals
	} {
		t.Run(tc.token, func(t *testing.T) {
			tmp := t.TempDir()
			var res struct {
				OK              bool   `json:"ok"`
				SellerOfferURL  string `json:"seller_offer_url"`
				Model           string `json:"model"`
				Token           string `json:"token"`
				PriceAtomic     string `json:"price_atomic"`
				TxHash          string `json:"tx_hash"`
				SellerDelta     string `json:"seller_delta"`
				BuyerDelta      string `json:"buyer_delta"`
				RemainingBefore int    `json:"remaining_before"`
				RemainingAfter  int    `json:"remaining_after"`
				ElapsedMS       int64  `json:"elapsed_ms"`
			}
			// TMPDIR scopes the demo's own temp dir so the test can see
			// that it cleaned up after itself.
			r := obolEnv(t, []string{"TMPDIR=" + tmp}, "demo", "--token", tc.token, "--price", tc.price, "-o", "json")
			if r.code != 0 {
				t.Fatalf("%v", r)
			}
			decodeJSON(t, r, &res)
			if !res.OK || res.Token != tc.token || res.PriceAtomic != tc.atomic {
				t.Errorf("demo: ok %v token %s price %s, want ok %s %s", res.OK, res.Token, res.PriceAtomic, tc.token, tc.atomic)
			}
			if res.SellerDelta != tc.atomic || res.BuyerDelta != "-"+tc.atomic {
				t.Errorf("demo deltas: seller %s buyer %s, want exactly %s and -%s", res.SellerDelta, res.BuyerDelta, tc.atomic, tc.atomic)
			}
			if res.RemainingBefore != 5 || res.RemainingAfter != 4 {
				t.Errorf("demo pool: %d → %d, want 5 → 4", res.RemainingBefore, res.RemainingAfter)
			}
			if !regexp.MustCompile(`^0x[0-9a-f]{64}$`).MatchString(res.TxHash) {
				t.Errorf("demo tx hash %q", res.TxHash)
			}
			if !strings.HasPrefix(res.SellerOfferURL, "http://127.0.0.1:") || res.Model == "" || res.ElapsedMS <= 0 {
				t.Errorf("demo: offer %q model %q elapsed %d", res.SellerOfferURL, res.Model, res.ElapsedMS)
			}
			if p, ok := new(big.Int).SetString(res.PriceAtomic, 10); !ok || p.Sign() <= 0 {
				t.Errorf("price_atomic %q is not a positive decimal", res.PriceAtomic)
			}
			left, _ := filepath.Glob(filepath.Join(tmp, "obol-demo-*"))
			if len(left) != 0 {
				t.Errorf("the demo left %v behind", left)
			}
			if strings.Contains(r.stdout, "[1/") {
				t.Errorf("progress lines went to stdout with -o json:\n%s", r.stdout)
			}
		})
	}
}

// TestDemoKeep runs `obol demo --keep`: once the loop is done the stacks
// stay up at the URLs it prints, Bob's gateway still pays for calls, and
// Ctrl-C (SIGINT) stops everything and removes the demo's data.
func TestDemoKeep(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, obolBin, "demo", "--keep")
	cmd.Env = append(os.Environ(), "TMPDIR="+t.TempDir())
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	cmd.Stdout = &stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var dir, bobLocal string
	var seen []string
	sc := bufio.NewScanner(stderr)
	keepRe := regexp.MustCompile(`\(data in (\S+)\)`)
	bobRe := regexp.MustCompile(`bob: public \S+\s+local (\S+)`)
	for bobLocal == "" && sc.Scan() {
		line := sc.Text()
		seen = append(seen, line)
		if m := keepRe.FindStringSubmatch(line); m != nil {
			dir = m[1]
		}
		if m := bobRe.FindStringSubmatch(line); m != nil {
			bobLocal = m[1]
		}
	}
	if dir == "" || bobLocal == "" {
		t.Fatalf("demo --keep printed no data dir or no Bob URLs:\n%s", strings.Join(seen, "\n"))
	}
	go io.Copy(io.Discard, stderr)
	key, err := os.ReadFile(filepath.Join(dir, "bob", "secrets", "master-key"))
	if err != nil {
		t.Fatalf("Bob's master key in the kept demo: %v", err)
	}
	code, hdr, body := post(t, bobLocal+"/v1/chat/completions", strings.TrimSpace(string(key)),
		`{"model":"paid/obol-demo","messages":[{"role":"user","content":"still there?"}]}`)
	if code != 200 || hdr.Get("Payment-Response") == "" {
		t.Errorf("a paid call to the kept demo's Bob: %d (PAYMENT-RESPONSE %q) %s", code, hdr.Get("Payment-Response"), body)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("demo --keep after Ctrl-C: %v\nstdout:\n%s", err, stdout.String())
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the demo's data dir %s is still there after Ctrl-C (%v)", dir, err)
	}
}
