// Package e2e holds black-box acceptance tests: they build the obol binary
// once and drive it the way a person does, through its flags, its files and
// its listeners. Every listener binds a free loopback port given by flag or
// config (never a default port: other tests run beside these), and every
// stack runs detached in its own temp data dir, stopped when its test ends.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// obolBin is the binary under test, built once by TestMain.
var obolBin string

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "obol-e2e-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e: temp dir:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	obolBin = filepath.Join(dir, "obol")
	build := exec.Command("go", "build", "-o", obolBin, "./cmd/obol")
	build.Dir = repoRoot()
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: go build ./cmd/obol:", err)
		return 1
	}
	return m.Run()
}

// repoRoot is two levels up from this package's directory.
func repoRoot() string {
	wd, _ := os.Getwd()
	return filepath.Clean(filepath.Join(wd, "..", ".."))
}

// result is one finished obol invocation.
type result struct {
	args           []string
	stdout, stderr string
	code           int
}

func (r result) String() string {
	return fmt.Sprintf("obol %s → exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(r.args, " "), r.code, r.stdout, r.stderr)
}

// obol runs the binary to completion (bounded by 2 minutes).
func obol(t testing.TB, args ...string) result {
	t.Helper()
	return obolEnv(t, nil, args...)
}

// obolEnv is obol with extra environment variables (KEY=value).
func obolEnv(t testing.TB, env []string, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, obolBin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	// An empty pipe, as under CI or an agent: no terminal to confirm on,
	// so confirmations must be given with --yes.
	cmd.Stdin = strings.NewReader("")
	err := cmd.Run()
	r := result{args: args, stdout: out.String(), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run obol %v: %v", args, err)
	}
	return r
}

// mustJSON runs obol with -o json, expects exit 0 and decodes stdout.
func mustJSON(t testing.TB, into any, args ...string) result {
	t.Helper()
	r := obol(t, append(args, "-o", "json")...)
	if r.code != 0 {
		t.Fatalf("%v", r)
	}
	if into != nil {
		decodeJSON(t, r, into)
	}
	return r
}

// decodeJSON decodes the whole of stdout as one JSON value.
func decodeJSON(t testing.TB, r result, into any) {
	t.Helper()
	if err := json.Unmarshal([]byte(r.stdout), into); err != nil {
		t.Fatalf("-o json output does not parse: %v\n%v", err, r)
	}
}

// freePort returns a loopback port nobody listens on right now.
func freePort(t testing.TB) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// node is one data dir and the fixed ports its stack binds, so a restart
// comes back on the same URLs (purchases and configs point at them).
type node struct {
	t     testing.TB
	name  string
	dir   string
	ports map[string]int // public, local, buyer, facilitator[, chain]
}

// newNode initialises a data dir. chainRPC == "" means the node runs the
// embedded dev chain (Alice); otherwise its config points at that chain
// (Bob) and its listeners are written into config.yaml, as a person would.
func newNode(t testing.TB, name, chainRPC string) *node {
	t.Helper()
	n := &node{t: t, name: name, dir: filepath.Join(t.TempDir(), name), ports: map[string]int{}}
	for _, l := range []string{"public", "local", "buyer", "facilitator"} {
		n.ports[l] = freePort(t)
	}
	var init struct {
		DataDir       string   `json:"dataDir"`
		Created       []string `json:"created"`
		WalletAddress string   `json:"walletAddress"`
	}
	mustJSON(t, &init, "--data-dir", n.dir, "stack", "init")
	if init.DataDir != n.dir || len(init.Created) == 0 || !strings.HasPrefix(init.WalletAddress, "0x") {
		t.Fatalf("stack init -o json: %+v", init)
	}
	if chainRPC == "" {
		n.ports["chain"] = freePort(t)
	} else {
		cfg := fmt.Sprintf(`listen:
  public: %s
  local: %s
  buyer: %s
  facilitator: %s
  chain: ""
chain:
  network: devnet
  embedded: false
  chainId: 1337
  rpc:
    devnet: %s
`, n.addr("public"), n.addr("local"), n.addr("buyer"), n.addr("facilitator"), chainRPC)
		if err := os.WriteFile(filepath.Join(n.dir, "config.yaml"), []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(n.stop)
	return n
}

func (n *node) addr(listener string) string { return "127.0.0.1:" + strconv.Itoa(n.ports[listener]) }
func (n *node) url(listener string) string  { return "http://" + n.addr(listener) }

// run runs obol on this node's data dir.
func (n *node) run(args ...string) result {
	n.t.Helper()
	return obol(n.t, append([]string{"--data-dir", n.dir}, args...)...)
}

// json runs obol -o json on this node's data dir and decodes its output.
func (n *node) json(into any, args ...string) {
	n.t.Helper()
	mustJSON(n.t, into, append([]string{"--data-dir", n.dir}, args...)...)
}

// upArgs are the `stack up` arguments: flags for a chain node (they must
// be repeated on every up), nothing for a config node.
func (n *node) upArgs() []string {
	args := []string{"--data-dir", n.dir, "stack", "up"}
	if lvl := os.Getenv("OBOL_E2E_LOG_LEVEL"); lvl != "" { // e.g. debug, to see a failure's detail
		args = append(args, "--log-level", lvl)
	}
	if _, ok := n.ports["chain"]; ok {
		for _, l := range []string{"public", "local", "buyer", "facilitator", "chain"} {
			args = append(args, "--"+l+"-addr", n.addr(l))
		}
	}
	return args
}

// up starts the stack detached and checks what `-o json` reports.
func (n *node) up() int {
	n.t.Helper()
	var out struct {
		PID       int               `json:"pid"`
		Endpoints map[string]string `json:"endpoints"`
		Log       string            `json:"log"`
	}
	mustJSON(n.t, &out, append(n.upArgs(), "--detach")...)
	for l := range n.ports {
		if out.Endpoints[l] != n.url(l) {
			n.t.Fatalf("%s: stack up reported %s = %q, want %q", n.name, l, out.Endpoints[l], n.url(l))
		}
	}
	if out.PID <= 0 || out.Log != filepath.Join(n.dir, "logs", "obol.log") {
		n.t.Fatalf("%s: stack up -o json: %+v", n.name, out)
	}
	return out.PID
}

// down stops the stack gracefully and checks it is gone.
func (n *node) down() {
	n.t.Helper()
	var out struct {
		Stopped bool `json:"stopped"`
		PID     int  `json:"pid"`
	}
	n.json(&out, "stack", "down")
	if !out.Stopped {
		n.t.Fatalf("%s: stack down did not stop anything", n.name)
	}
	if pid := n.pid(); pid != 0 {
		n.t.Fatalf("%s: pid %d still holds the data dir after stack down", n.name, pid)
	}
}

// pid is the pid in the pid file, 0 when none.
func (n *node) pid() int {
	raw, err := os.ReadFile(filepath.Join(n.dir, "run", "obol.pid"))
	if err != nil {
		return 0
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(raw)))
	return pid
}

// kill9 kills the stack without warning and waits until the process is
// gone and its pid-file lock with it.
func (n *node) kill9() {
	n.t.Helper()
	pid := n.pid()
	if pid == 0 {
		n.t.Fatalf("%s: no pid to kill", n.name)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		n.t.Fatalf("kill -9 %d: %v", pid, err)
	}
	waitGone(n.t, pid)
	deadline := time.Now().Add(10 * time.Second)
	for n.locked() {
		if time.Now().After(deadline) {
			n.t.Fatalf("%s: the pid file is still locked 10 s after kill -9 of %d", n.name, pid)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// halt stops the stack: `stack down` when graceful, else kill -9.
func (n *node) halt(graceful bool) {
	n.t.Helper()
	if graceful {
		n.down()
		return
	}
	n.kill9()
}

// locked reports whether a process holds the data dir's pid-file lock.
// A killed process's threads may still be finishing (an fsync in flight)
// after its leader shows as a zombie; the lock goes only when all are gone.
func (n *node) locked() bool {
	f, err := os.Open(filepath.Join(n.dir, "run", "obol.pid"))
	if err != nil {
		return false
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		return true
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}

// stop is the cleanup: a graceful down, then kill -9 if it hangs.
func (n *node) stop() {
	pid := n.pid()
	if pid == 0 || syscall.Kill(pid, 0) != nil {
		return
	}
	_ = syscall.Kill(pid, syscall.SIGTERM)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) && syscall.Kill(pid, 0) == nil {
		time.Sleep(50 * time.Millisecond)
	}
	if syscall.Kill(pid, 0) == nil {
		_ = syscall.Kill(pid, syscall.SIGKILL)
		n.t.Logf("%s: killed pid %d that did not stop in 20 s", n.name, pid)
	}
	if n.t.Failed() {
		// Keep the whole log where a person can read it after the temp
		// dirs are gone, and show its end here.
		raw, _ := os.ReadFile(filepath.Join(n.dir, "logs", "obol.log"))
		kept := filepath.Join(os.TempDir(), "obol-e2e-logs", strings.ReplaceAll(n.t.Name(), "/", "_")+"-"+n.name+".log")
		if os.MkdirAll(filepath.Dir(kept), 0o700) == nil && os.WriteFile(kept, raw, 0o600) == nil {
			n.t.Logf("%s: full log kept at %s", n.name, kept)
		}
		lines := strings.Split(strings.TrimRight(string(raw), "\n"), "\n")
		n.t.Logf("%s: last log lines:\n%s", n.name, strings.Join(lines[max(0, len(lines)-15):], "\n"))
	}
}

// waitGone waits until pid no longer exists. A detached stack is not our
// child (it runs in its own session), so there is nothing to reap.
func waitGone(t testing.TB, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if err := syscall.Kill(pid, 0); err != nil {
			return
		}
		// A zombie still answers kill 0; its state in /proc says Z.
		if st, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); strings.Contains(string(st), ") Z ") {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("pid %d still exists 10 s after kill", pid)
}

// httpc is the tests' client: short timeouts, no keep-alive surprises.
var httpc = &http.Client{Timeout: 30 * time.Second}

// post sends a JSON body and returns the status and body.
func post(t testing.TB, url, bearer, body string) (int, http.Header, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := httpc.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, _ = b.ReadFrom(resp.Body)
	return resp.StatusCode, resp.Header, b.Bytes()
}

// masterKey is the node's local master key, as a person copies it.
func (n *node) masterKey() string {
	raw, err := os.ReadFile(filepath.Join(n.dir, "secrets", "master-key"))
	if err != nil {
		n.t.Fatal(err)
	}
	return strings.TrimSpace(string(raw))
}

// poolStatus is one pool in the buyer proxy's GET /status.
type poolStatus struct {
	PublicModel string `json:"publicModel"`
	Remaining   int    `json:"remaining"`
	Spent       int    `json:"spent"`
	TotalSigned int    `json:"totalSigned"`
	InFlight    int    `json:"inFlight"`
	Expired     int    `json:"expired"`
}

// pools reads the buyer proxy's live accounting.
func (n *node) pools() map[string]poolStatus {
	n.t.Helper()
	out, err := n.tryPools()
	if err != nil {
		n.t.Fatalf("%s: %v", n.name, err)
	}
	return out
}

func (n *node) tryPools() (map[string]poolStatus, error) {
	resp, err := httpc.Get(n.url("buyer") + "/status")
	if err != nil {
		return nil, fmt.Errorf("buyer status: %w", err)
	}
	defer resp.Body.Close()
	var out map[string]poolStatus
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, fmt.Errorf("buyer status: %w", err)
	}
	return out, nil
}

// rss is the stack process's resident and peak memory, from /proc.
func (n *node) rss() string {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", n.pid()))
	if err != nil {
		return "unknown"
	}
	var parts []string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "VmRSS:") || strings.HasPrefix(line, "VmHWM:") {
			parts = append(parts, strings.Join(strings.Fields(line), " "))
		}
	}
	return strings.Join(parts, ", ")
}

// walletAddress is `obol wallet address -o json`.
func (n *node) walletAddress() string {
	n.t.Helper()
	var w struct {
		Address string `json:"address"`
	}
	n.json(&w, "wallet", "address")
	return w.Address
}
