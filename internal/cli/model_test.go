package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/llmtest"
	"github.com/obol-dev/obol/internal/llm/models"
)

// runIn executes the CLI in-process against a given data dir.
func runIn(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(append([]string{"--data-dir", dir}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// startCLIGateway runs `obol gateway` in-process until the returned stop is called.
func startCLIGateway(t *testing.T, dir string) (url string, stop func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	g := &Globals{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	root := newRoot(g)
	root.SetArgs([]string{"--data-dir", dir, "--log-level", "warn", "gateway", "--listen", addr})
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	url = "http://" + addr
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url + "/health/liveliness")
		if err == nil {
			resp.Body.Close()
			break
		}
		select {
		case err := <-done:
			t.Fatalf("gateway exited: %v\n%s", err, errb.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("gateway did not start: %s", errb.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	return url, func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("gateway exit: %v", err)
		}
	}
}

func liveModels(t *testing.T, url string) []string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url+"/v1/models", nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("OBOL_MASTER_KEY"))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var l struct {
		Data []struct{ ID string } `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&l); err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, d := range l.Data {
		out = append(out, d.ID)
	}
	return out
}

func TestModelCommandsAgainstGateway(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("OBOL_MASTER_KEY", "sk-cli-test")
	t.Setenv("OBOL_GATEWAY_URL", "")
	thinker := llmtest.NewUpstream(t, llmtest.Options{Fault: llmtest.FaultReasoningOnly, Models: []string{"qwen-think"}})
	tags := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/tags" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte(`{"models":[{"name":"llama3.2:latest"},{"name":"nomic-embed-text:latest"}]}`))
	}))
	t.Cleanup(tags.Close)

	url, stop := startCLIGateway(t, dir)
	if got := liveModels(t, url); len(got) != 0 {
		t.Fatalf("fresh gateway serves %v", got)
	}

	// custom: preflight first, disable_thinking recorded, hot-added.
	code, out, errs := runIn(t, dir, "model", "setup", "--provider", "custom", "--endpoint", thinker.URL, "--model", "qwen-think", "-o", "json")
	if code != 0 {
		t.Fatalf("setup custom: exit %d: %s %s", code, out, errs)
	}
	var sr setupResult
	if err := json.Unmarshal([]byte(out), &sr); err != nil || !sr.DisableThinking || !sr.Live.Applied || sr.Live.How != "model/new" {
		t.Fatalf("setup custom result %+v (%v): %s", sr, err, out)
	}
	// The live router sends enable_thinking=false, so the thinking model answers.
	body := `{"model":"qwen-think","messages":[{"role":"user","content":"Reply exactly: LIVE"}]}`
	req, _ := http.NewRequest(http.MethodPost, url+"/v1/chat/completions", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer sk-cli-test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var cr struct {
		Choices []struct{ Message struct{ Content string } } `json:"choices"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&cr)
	resp.Body.Close()
	if len(cr.Choices) == 0 || cr.Choices[0].Message.Content != "LIVE" {
		t.Fatalf("hot-added custom model answered %+v", cr)
	}

	// ollama: every model from /api/tags.
	if code, out, errs := runIn(t, dir, "model", "setup", "--provider", "ollama", "--endpoint", tags.URL); code != 0 {
		t.Fatalf("setup ollama: %d %s %s", code, out, errs)
	}
	want := []string{"qwen-think", "llama3.2", "nomic-embed-text"}
	if diff := cmp.Diff(want, liveModels(t, url)); diff != "" {
		t.Fatalf("live models after setup (-want +got):\n%s", diff)
	}

	// A runtime-only addition (the admin API alone, not the source) ...
	admin := &llm.AdminClient{BaseURL: url, MasterKey: "sk-cli-test"}
	if _, err := admin.AddModel(context.Background(), llm.PaidDeployment("remote", "http://127.0.0.1:8402")); err != nil {
		t.Fatal(err)
	}
	code, out, _ = runIn(t, dir, "model", "status", "-o", "json")
	var st struct {
		Drift models.Drift `json:"drift"`
	}
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil || !st.Drift.Reachable || strings.Join(st.Drift.Extra, ",") != "paid/remote" {
		t.Fatalf("status: %d %s", code, out)
	}

	// prefer reorders source and live.
	if code, out, errs := runIn(t, dir, "model", "prefer", "llama3.2"); code != 0 {
		t.Fatalf("prefer: %d %s %s", code, out, errs)
	}
	if got := liveModels(t, url); got[0] != "llama3.2" {
		t.Fatalf("live order after prefer: %v", got)
	}
	// remove goes from both.
	if code, out, errs := runIn(t, dir, "model", "remove", "nomic-embed-text"); code != 0 {
		t.Fatalf("remove: %d %s %s", code, out, errs)
	}
	if code, _, errs := runIn(t, dir, "model", "remove", "nomic-embed-text"); code == 0 || !strings.Contains(errs, "not configured") {
		t.Fatalf("second remove: %d %s", code, errs)
	}

	// ... is gone after a restart, which rebuilds from the source.
	stop()
	url, stop = startCLIGateway(t, dir)
	defer stop()
	if diff := cmp.Diff([]string{"llama3.2", "qwen-think"}, liveModels(t, url)); diff != "" {
		t.Fatalf("after restart (-want +got):\n%s", diff)
	}
	code, out, _ = runIn(t, dir, "model", "list", "-o", "json")
	var list struct {
		Models []modelRow `json:"models"`
	}
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list.Models) != 2 || !list.Models[0].Default || !list.Models[1].DisableThinking {
		t.Fatalf("list: %d %s", code, out)
	}
	if code, out, _ := runIn(t, dir, "model", "token"); code != 0 || strings.TrimSpace(out) != "sk-cli-test" {
		t.Fatalf("token: %d %q", code, out)
	}
}

func TestModelSetupFailuresChangeNothing(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("OBOL_MASTER_KEY", "sk-cli-test")
	t.Setenv("OBOL_GATEWAY_URL", "http://127.0.0.1:1")
	t.Setenv("OPENAI_API_KEY", "")
	t.Setenv("LLM_API_KEY", "")
	empty := llmtest.NewUpstream(t, llmtest.Options{Fault: llmtest.FaultEmpty})
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"preflight fails", []string{"--provider", "custom", "--endpoint", empty.URL, "--model", "echo"}, "preflight failed, nothing saved"},
		{"custom without endpoint", []string{"--provider", "custom", "--model", "x"}, "--endpoint"},
		{"unknown provider", []string{"--provider", "bedrock"}, `unknown provider "bedrock"`},
		{"no key", []string{"--provider", "openai"}, "no API key for openai"},
		{"ollama down", []string{"--provider", "ollama", "--endpoint", "http://127.0.0.1:1"}, "ollama is not running"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := runIn(t, dir, append([]string{"model", "setup"}, tc.args...)...)
			if code == 0 || !strings.Contains(errs, tc.want) {
				t.Fatalf("exit %d stderr %q, want failure with %q", code, errs, tc.want)
			}
			if _, err := os.Stat(models.Dir{Root: dir}.Source()); !os.IsNotExist(err) {
				t.Fatalf("a failed setup wrote the source of truth")
			}
		})
	}
	// With no gateway running, a good setup still lands in the source.
	good := llmtest.NewUpstream(t, llmtest.Options{})
	code, out, errs := runIn(t, dir, "model", "setup", "--provider", "custom", "--endpoint", good.URL, "--model", "echo", "--api-key", "sk-endpoint")
	if code != 0 || !strings.Contains(out, "not applied now") {
		t.Fatalf("offline setup: %d %s %s", code, out, errs)
	}
	d := models.Dir{Root: dir}
	src, _ := os.ReadFile(d.Source())
	if strings.Contains(string(src), "sk-endpoint") || d.Secret(models.CustomKeyName("echo")) != "sk-endpoint" {
		t.Fatalf("the key must be in the secrets file, not the config:\n%s", src)
	}
	cfg, err := config.Parse("src", src)
	if err != nil || len(cfg.Deployments()) != 1 {
		t.Fatalf("source after offline setup: %v\n%s", err, src)
	}
}

func TestSmokeLLM(t *testing.T) {
	good := llmtest.NewUpstream(t, llmtest.Options{})
	thinker := llmtest.NewUpstream(t, llmtest.Options{Fault: llmtest.FaultReasoningOnly})
	bad := llmtest.NewUpstream(t, llmtest.Options{Fault: llmtest.Fault503})
	if code, out, _ := run(t, "smoke", "llm", "--endpoint", good.URL, "--model", "echo"); code != 0 || !strings.Contains(out, "LLM_PREFLIGHT_OK") {
		t.Fatalf("good: %d %s", code, out)
	}
	if code, out, _ := run(t, "smoke", "llm", "--endpoint", thinker.URL, "--model", "echo"); code != 0 || !strings.Contains(out, "enable_thinking=false") {
		t.Fatalf("thinker: %d %s", code, out)
	}
	if code, _, errs := run(t, "smoke", "llm", "--endpoint", bad.URL, "--model", "echo"); code != 1 || !strings.Contains(errs, "answered 503") {
		t.Fatalf("503: %d %s", code, errs)
	}
	code, out, _ := run(t, "smoke", "llm", "--endpoint", good.URL, "--model", "missing", "-o", "json")
	var res smokeResult
	if err := json.Unmarshal([]byte(out), &res); code != 1 || err != nil || res.OK || res.Reason != llm.ReasonModelMissing {
		t.Fatalf("missing model json: %d %s", code, out)
	}
}

// TestModelSetupCloudKeyLive: a new provider key applies to the running
// gateway without a restart, and runtime-only routes survive it.
func TestModelSetupCloudKeyLive(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("OBOL_MASTER_KEY", "sk-cli-test")
	t.Setenv("OBOL_GATEWAY_URL", "")
	t.Setenv("ANTHROPIC_API_KEY", "")
	t.Setenv("LLM_API_KEY", "")
	an := llmtest.NewAnthropic(t, "sk-ant-good")
	url, stop := startCLIGateway(t, dir)
	defer stop()
	admin := &llm.AdminClient{BaseURL: url, MasterKey: "sk-cli-test"}
	if _, err := admin.AddModel(context.Background(), llm.PaidDeployment("remote", "http://127.0.0.1:8402")); err != nil {
		t.Fatal(err)
	}
	chat := func() (int, string) {
		req, _ := http.NewRequest(http.MethodPost, url+"/v1/chat/completions", strings.NewReader(`{"model":"claude-x","messages":[{"role":"user","content":"Reply exactly: KEYED"}]}`))
		req.Header.Set("Authorization", "Bearer sk-cli-test")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b := new(bytes.Buffer)
		_, _ = b.ReadFrom(resp.Body)
		return resp.StatusCode, b.String()
	}
	for _, tc := range []struct {
		key      string
		wantCode int
		wantIn   string
	}{
		{"sk-ant-wrong", 401, "invalid x-api-key"},
		{"sk-ant-good", 200, "KEYED"},
	} {
		code, out, errs := runIn(t, dir, "model", "setup", "--provider", "anthropic", "--model", "claude-x", "--endpoint", an.URL, "--api-key", tc.key, "-o", "json")
		if code != 0 || !strings.Contains(out, `"applied": true`) {
			t.Fatalf("setup anthropic: %d %s %s", code, out, errs)
		}
		if c, body := chat(); c != tc.wantCode || !strings.Contains(body, tc.wantIn) {
			t.Fatalf("with key %s: %d %s", tc.key, c, body)
		}
		if strings.Contains(out, tc.key) {
			t.Fatalf("setup output echoes the key: %s", out)
		}
	}
	list, err := admin.ModelInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range list {
		names = append(names, m.ModelName)
	}
	if !strings.Contains(strings.Join(names, ","), "paid/remote") {
		t.Fatalf("the paid route did not survive the key change: %v", names)
	}
}
