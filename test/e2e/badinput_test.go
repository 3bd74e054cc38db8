package e2e

import (
	"bytes"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// wantFail checks a run failed with exit 1, printed nothing on stdout and
// said every fragment on stderr.
func wantFail(t *testing.T, r result, fragments ...string) {
	t.Helper()
	if r.code != 1 {
		t.Errorf("exit %d, want 1\n%v", r.code, r)
	}
	if strings.TrimSpace(r.stdout) != "" {
		t.Errorf("a failed command printed on stdout:\n%v", r)
	}
	for _, f := range fragments {
		if !strings.Contains(r.stderr, f) {
			t.Errorf("stderr does not say %q:\n%s", f, r.stderr)
		}
	}
}

// TestBadStackInput is what a person gets wrong when starting a stack:
// each gives a clear error, and nothing is left half-started.
func TestBadStackInput(t *testing.T) {
	t.Run("unknown flags and commands", func(t *testing.T) {
		wantFail(t, obol(t, "stack", "up", "--bogus"), "unknown flag: --bogus")
		wantFail(t, obol(t, "--nope", "version"), "unknown flag: --nope")
		wantFail(t, obol(t, "stak"), `unknown command "stak"`, "stack")
		wantFail(t, obol(t, "version", "-o", "yaml"), `unknown output format "yaml"`)
	})

	t.Run("no stack running", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "nothing")
		for _, args := range [][]string{{"stack", "status"}, {"sell", "list"}, {"buy", "list"}, {"sell", "inference", "x", "--model", "m", "--price", "1"}} {
			wantFail(t, obol(t, append([]string{"--data-dir", dir}, args...)...), "no stack is running on "+dir, "obol stack up")
		}
		wantFail(t, obol(t, "--data-dir", dir, "stack", "logs"), "no log file", "--detach")
		var down struct {
			Stopped bool `json:"stopped"`
		}
		mustJSON(t, &down, "--data-dir", dir, "stack", "down")
		if down.Stopped {
			t.Error("stack down with nothing running says it stopped something")
		}
		if _, err := os.Stat(dir); !os.IsNotExist(err) {
			t.Errorf("commands against a missing data dir created it (%v)", err)
		}
	})

	t.Run("bad config, environment or address", func(t *testing.T) {
		n := newNode(t, "badcfg", "")
		cfg := filepath.Join(n.dir, "config.yaml")
		good, err := os.ReadFile(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cfg, []byte("listen:\n  pubic: 127.0.0.1:1\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		wantFail(t, obol(t, append(n.upArgs(), "--detach")...), cfg, "line 2", "pubic")
		if err := os.WriteFile(cfg, good, 0o600); err != nil {
			t.Fatal(err)
		}
		wantFail(t, obolEnv(t, []string{"OBOL_BUYER_RETRIES=abc"}, n.upArgs()...), "OBOL_BUYER_RETRIES", "not an integer")
		args := n.upArgs()
		for i, a := range args {
			if a == "--public-addr" {
				args[i+1] = "nonsense"
			}
		}
		wantFail(t, obol(t, args...), "listen.public", `"nonsense" is not host:port`)
		n.checkNothingRunning(t)
		if _, err := os.Stat(filepath.Join(n.dir, "obol.db")); err == nil {
			t.Error("a refused start created obol.db")
		}
	})

	t.Run("port in use", func(t *testing.T) {
		busy, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer busy.Close()
		for _, detach := range []bool{false, true} {
			n := newNode(t, "busy-"+strconv.FormatBool(detach), "")
			args := n.upArgs()
			for i, a := range args {
				if a == "--buyer-addr" {
					args[i+1] = busy.Addr().String()
				}
			}
			if detach {
				args = append(args, "--detach")
			}
			r := obol(t, args...)
			wantFail(t, r, "buyer listener", busy.Addr().String(), "in use", "--buyer-addr", "OBOL_BUYER_ADDR")
			n.checkNothingRunning(t)
		}
	})

	t.Run("unwritable data dir", func(t *testing.T) {
		dir := readOnlyDir(t)
		wantFail(t, obol(t, "--data-dir", dir, "stack", "init"), "data dir "+dir+" is not writable", "--data-dir")
		wantFail(t, obol(t, "--data-dir", dir, "stack", "up", "--public-addr", "127.0.0.1:0"), "data dir "+dir+" is not writable")
		wantFail(t, obol(t, "--data-dir", dir, "stack", "up", "--detach"), dir)
		file := filepath.Join(t.TempDir(), "a-file")
		if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		wantFail(t, obol(t, "--data-dir", filepath.Join(file, "obol"), "stack", "init"), file, "not a directory")
	})

	t.Run("corrupted database", func(t *testing.T) {
		n := newNode(t, "corrupt", "")
		n.up()
		n.down()
		dbPath := filepath.Join(n.dir, "obol.db")
		if _, err := os.Stat(dbPath); err != nil {
			t.Fatalf("no database after a first up/down: %v", err)
		}
		for _, tc := range []struct {
			name string
			junk []byte
		}{
			{"overwritten", bytes.Repeat([]byte("this is not a bbolt file\n"), 64<<10/25)},
			{"truncated", bytes.Repeat([]byte{0xAB}, 4100)}, // less than the two meta pages
		} {
			t.Run(tc.name, func(t *testing.T) {
				if err := os.WriteFile(dbPath, tc.junk, 0o600); err != nil {
					t.Fatal(err)
				}
				for _, detach := range []bool{false, true} {
					args := n.upArgs()
					if detach {
						args = append(args, "--detach")
					}
					wantFail(t, obol(t, args...), dbPath, "not a valid obol database", "move it aside")
					if got, _ := os.ReadFile(dbPath); !bytes.Equal(got, tc.junk) {
						t.Fatalf("stack up (detach %v) changed the corrupted database file: never reset it silently", detach)
					}
					n.checkNothingRunning(t)
				}
			})
		}
	})

	t.Run("second up on the same data dir", func(t *testing.T) {
		n := newNode(t, "twice", "")
		pid := n.up()
		want := "already running on this data dir (pid " + strconv.Itoa(pid) + ")"
		wantFail(t, obol(t, append(n.upArgs(), "--detach")...), want)
		wantFail(t, obol(t, n.upArgs()...), want, "obol stack down")
		if n.pid() != pid {
			t.Fatalf("the pid file says %d after the refused ups, want %d", n.pid(), pid)
		}
		var st struct {
			PID int `json:"pid"`
		}
		n.json(&st, "stack", "status")
		if st.PID != pid {
			t.Fatalf("stack status says pid %d, want the first stack's %d", st.PID, pid)
		}
	})
}

// readOnlyDir is an existing directory this process cannot create files in.
// root writes through permission bits, so as root it is a sysfs directory.
func readOnlyDir(t *testing.T) string {
	t.Helper()
	if os.Geteuid() != 0 {
		dir := filepath.Join(t.TempDir(), "ro")
		if err := os.Mkdir(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o700) })
		return dir
	}
	for _, dir := range []string{"/sys/kernel", "/proc/self"} {
		if f, err := os.CreateTemp(dir, ".obol-e2e-*"); err != nil {
			return dir
		} else {
			f.Close()
			os.Remove(f.Name())
		}
	}
	t.Fatal("found no directory root cannot write to")
	return ""
}

// checkNothingRunning checks a failed start left nothing behind: no
// process holds the data dir, no endpoints are published, and every
// listener's port is free again.
func (n *node) checkNothingRunning(t *testing.T) {
	t.Helper()
	if n.locked() {
		t.Errorf("%s: a process still holds the data dir after a failed start", n.name)
	}
	if _, err := os.Stat(filepath.Join(n.dir, "run", "endpoints.json")); err == nil {
		t.Errorf("%s: endpoints.json published by a failed start", n.name)
	}
	for l := range n.ports {
		ln, err := net.Listen("tcp", n.addr(l))
		if err != nil {
			t.Errorf("%s: the %s port is still bound after a failed start: %v", n.name, l, err)
			continue
		}
		ln.Close()
	}
}

// TestBadSellBuyInput is what a person gets wrong selling and buying: a
// clear error each time, and nothing is created or signed.
func TestBadSellBuyInput(t *testing.T) {
	m := newMarket(t, 0)
	t.Run("sell", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			args []string
			want []string
		}{
			{"price not a number", []string{"--price", "abc"}, []string{`price "abc" is not a decimal number`}},
			{"negative price", []string{"--price", "-1"}, []string{"-1"}},
			{"reserved path", []string{"--price", "0.001", "--path", "/admin"}, []string{`"/admin"`, "reserved", "/services/<name>"}},
			{"no price", nil, []string{`"price" not set`}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantFail(t, m.alice.run(append([]string{"sell", "inference", "bad", "--model", "qwen"}, tc.args...)...), tc.want...)
			})
		}
		var offers struct {
			Items []struct {
				Metadata struct {
					Name string `json:"name"`
				} `json:"metadata"`
			} `json:"items"`
		}
		m.alice.json(&offers, "sell", "list")
		if len(offers.Items) != 1 || offers.Items[0].Metadata.Name != "qwen" {
			t.Errorf("after refused sells the offers are %+v, want only qwen", offers.Items)
		}
	})

	t.Run("buy", func(t *testing.T) {
		ungated := ungatedSeller(t, m.alice.url("public"))
		dead := "http://127.0.0.1:" + strconv.Itoa(freePort(t)) + "/services/qwen"
		for _, tc := range []struct {
			name string
			args []string
			want []string
		}{
			{"count 0", []string{m.offerURL, "--count", "0"}, []string{"--count 0", "between 1 and 2500"}},
			{"count 2501", []string{m.offerURL, "--count", "2501"}, []string{"--count 2501", "between 1 and 2500"}},
			{"unreachable seller", []string{dead, "--yes"}, []string{dead[:strings.Index(dead, "/services")], "connection refused"}},
			{"not payment-gated", []string{ungated, "--yes"}, []string{ungated}},
			{"no such offer", []string{m.alice.url("public") + "/services/nope", "--yes"}, []string{"/services/nope"}},
			{"max price below the price", []string{m.offerURL, "--yes", "--max-price", "0.0001"}, []string{"0.0001"}},
			{"no terminal to confirm", []string{m.offerURL}, []string{"no terminal to ask on: pass --yes", "nothing was signed"}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				wantFail(t, m.bob.run(append([]string{"buy", "inference"}, tc.args...)...), tc.want...)
			})
		}
		var buys struct {
			Items []json.RawMessage `json:"items"`
		}
		m.bob.json(&buys, "buy", "list")
		if len(buys.Items) != 0 || len(m.bob.pools()) != 0 {
			t.Errorf("after refused buys Bob has %d purchases and pools %v, want none", len(buys.Items), m.bob.pools())
		}
		if n := m.chain.transfersFrom(m.bobAddr); n != 0 {
			t.Errorf("%d transfers from Bob after refused buys", n)
		}
	})
}

// ungatedSeller serves a copy of Alice's real catalog whose endpoint is a
// route that answers 200 without asking for payment: a buyer must refuse
// to sign for it.
func ungatedSeller(t *testing.T, alicePublic string) string {
	t.Helper()
	resp, err := httpc.Get(alicePublic + "/api/services.json")
	if err != nil {
		t.Fatal(err)
	}
	catalog, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("Alice's catalog: %d %v", resp.StatusCode, err)
	}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	endpoint := srv.URL + "/services/qwen"
	rewritten := strings.ReplaceAll(string(catalog), alicePublic+"/services/qwen", endpoint)
	mux.HandleFunc("GET /api/services.json", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, rewritten)
	})
	mux.HandleFunc("/services/qwen/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"free","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"free"},"finish_reason":"stop"}]}`)
	})
	return endpoint
}
