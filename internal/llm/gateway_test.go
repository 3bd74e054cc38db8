package llm_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/llmtest"
)

const masterKey = "sk-test-master"

// stack is a gateway under test on a loopback server.
type stack struct {
	gw      *llm.Gateway
	srv     *httptest.Server
	url     string // root
	source  string
	runtime string
	admin   *llm.AdminClient
}

func startGateway(t *testing.T, yaml string, mod ...func(*llm.Options)) *stack {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "models.yaml")
	if err := os.WriteFile(src, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	o := llm.Options{ConfigPath: src, RuntimePath: filepath.Join(dir, "runtime.yaml"), MasterKey: masterKey, Registry: prometheus.NewRegistry()}
	for _, m := range mod {
		m(&o)
	}
	gw, err := llm.New(o)
	if err != nil {
		t.Fatalf("llm.New: %v", err)
	}
	srv := httptest.NewServer(gw.Handler())
	t.Cleanup(srv.Close)
	return &stack{gw: gw, srv: srv, url: srv.URL, source: src, runtime: o.RuntimePath,
		admin: &llm.AdminClient{BaseURL: srv.URL, MasterKey: masterKey}}
}

// post sends a JSON body with the master key and returns status and body.
func (s *stack) post(t *testing.T, path, body string, hdr ...string) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, s.url+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+masterKey)
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
		} else {
			req.Header.Set(hdr[i], hdr[i+1])
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, b, resp.Header
}

func echoConfig(up *llmtest.Upstream, extra string) string {
	return fmt.Sprintf(`model_list:
  - model_name: echo
    litellm_params:
      model: openai/echo-upstream
      api_base: %s
      api_key: sk-upstream
%s`, up.URL, extra)
}

type chatResp struct {
	Model   string `json:"model"`
	Choices []struct {
		Message struct {
			Content   *string `json:"content"`
			Reasoning string  `json:"reasoning_content"`
			ToolCalls []struct {
				ID       string `json:"id"`
				Function struct {
					Name      string `json:"name"`
					Arguments string `json:"arguments"`
				} `json:"function"`
			} `json:"tool_calls"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
	Usage struct {
		PromptTokens     int `json:"prompt_tokens"`
		CompletionTokens int `json:"completion_tokens"`
	} `json:"usage"`
}

func decodeChat(t *testing.T, b []byte) chatResp {
	t.Helper()
	var c chatResp
	if err := json.Unmarshal(b, &c); err != nil || len(c.Choices) == 0 {
		t.Fatalf("not a chat completion (%v): %s", err, b)
	}
	return c
}

// sseContent joins the content deltas of an OpenAI SSE stream and checks it ends with [DONE].
func sseContent(t *testing.T, b []byte) (content string, toolArgs string, finish string) {
	t.Helper()
	sc := bufio.NewScanner(bytes.NewReader(b))
	done := false
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "data: ")
		if !ok {
			continue
		}
		if line == "[DONE]" {
			done = true
			continue
		}
		var ch struct {
			Choices []struct {
				Delta struct {
					Content   string `json:"content"`
					ToolCalls []struct {
						Function struct {
							Arguments string `json:"arguments"`
						} `json:"function"`
					} `json:"tool_calls"`
				} `json:"delta"`
				FinishReason *string `json:"finish_reason"`
			} `json:"choices"`
		}
		if err := json.Unmarshal([]byte(line), &ch); err != nil {
			t.Fatalf("bad SSE chunk %q: %v", line, err)
		}
		for _, c := range ch.Choices {
			content += c.Delta.Content
			for _, tc := range c.Delta.ToolCalls {
				toolArgs += tc.Function.Arguments
			}
			if c.FinishReason != nil {
				finish = *c.FinishReason
			}
		}
	}
	if !done {
		t.Fatalf("stream did not end with data: [DONE]:\n%s", b)
	}
	return content, toolArgs, finish
}

func TestChatPassthrough(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream", Models: []string{"echo-upstream"}})
	s := startGateway(t, echoConfig(up, ""))
	tools := `,"tools":[{"type":"function","function":{"name":"lookup","parameters":{"type":"object"}}}]`
	tests := []struct {
		name, body            string
		wantContent, wantTool string
		wantFinish            string
		stream                bool
	}{
		{name: "plain", body: `{"model":"echo","messages":[{"role":"user","content":"Reply exactly: MARK42"}]}`, wantContent: "MARK42", wantFinish: "stop"},
		{name: "stream", body: `{"model":"echo","stream":true,"messages":[{"role":"user","content":"hello there world"}]}`, wantContent: "echo: hello there world", wantFinish: "stop", stream: true},
		{name: "tools", body: `{"model":"echo","messages":[{"role":"user","content":"call tool please"}]` + tools + `}`, wantTool: `{"text":"call tool please"}`, wantFinish: "tool_calls"},
		{name: "tools stream", body: `{"model":"echo","stream":true,"messages":[{"role":"user","content":"call tool now"}]` + tools + `}`, wantTool: `{"text":"call tool now"}`, wantFinish: "tool_calls", stream: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, b, h := s.post(t, "/v1/chat/completions", tc.body)
			if code != 200 {
				t.Fatalf("status %d: %s", code, b)
			}
			var content, tool, finish string
			if tc.stream {
				if ct := h.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
					t.Fatalf("Content-Type %q", ct)
				}
				content, tool, finish = sseContent(t, b)
			} else {
				c := decodeChat(t, b)
				if c.Choices[0].Message.Content != nil {
					content = *c.Choices[0].Message.Content
				}
				if len(c.Choices[0].Message.ToolCalls) > 0 {
					tool = c.Choices[0].Message.ToolCalls[0].Function.Arguments
				}
				finish = c.Choices[0].FinishReason
			}
			got := []string{content, tool, finish}
			if diff := cmp.Diff([]string{tc.wantContent, tc.wantTool, tc.wantFinish}, got); diff != "" {
				t.Errorf("answer (-want +got):\n%s", diff)
			}
			last := up.Last()
			if a := last.Header.Get("Authorization"); a != "Bearer sk-upstream" {
				t.Errorf("upstream got Authorization %q, want the upstream key (never the master key)", a)
			}
			var sent struct{ Model string }
			_ = json.Unmarshal(last.Body, &sent)
			if sent.Model != "echo-upstream" {
				t.Errorf("upstream got model %q, want echo-upstream", sent.Model)
			}
		})
	}
}

func TestCompletionsEmbeddingsModels(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	s := startGateway(t, echoConfig(up, `  - model_name: second
    litellm_params: {model: openai/second, api_base: `+up.URL+`, api_key: sk-upstream}
`))
	code, b, _ := s.post(t, "/v1/completions", `{"model":"echo","prompt":"Reply exactly: C1"}`)
	if code != 200 || !bytes.Contains(b, []byte(`"text":"C1"`)) {
		t.Errorf("completions: %d %s", code, b)
	}
	code, b, _ = s.post(t, "/v1/responses", `{"model":"echo","input":"Reply exactly: R1"}`)
	if code != 200 || !bytes.Contains(b, []byte(`"text":"R1"`)) {
		t.Errorf("responses: %d %s", code, b)
	}
	code, b, _ = s.post(t, "/v1/embeddings", `{"model":"echo","input":["a","b"]}`)
	if code != 200 || bytes.Count(b, []byte(`"embedding":[`)) != 2 {
		t.Errorf("embeddings: %d %s", code, b)
	}
	req, _ := http.NewRequest(http.MethodGet, s.url+"/v1/models", nil)
	req.Header.Set("Authorization", "Bearer "+masterKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Data []struct{ ID string } `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, d := range list.Data {
		ids = append(ids, d.ID)
	}
	if diff := cmp.Diff([]string{"echo", "second"}, ids); diff != "" {
		t.Errorf("/v1/models in preference order (-want +got):\n%s", diff)
	}
}

func TestBadInput(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	down := httptest.NewServer(http.NotFoundHandler())
	downURL := down.URL + "/v1"
	down.Close()
	s := startGateway(t, echoConfig(up, `  - model_name: gone
    litellm_params: {model: openai/gone, api_base: `+downURL+`, api_key: sk-secret-upstream-key}
`))
	tests := []struct {
		name, path, body string
		hdr              []string
		wantStatus       int
		wantCode         string
		wantIn           string
	}{
		{"unknown model", "/v1/chat/completions", `{"model":"nope","messages":[]}`, nil, 404, "model_not_found", `"nope"`},
		{"malformed json", "/v1/chat/completions", `{"model":"echo",`, nil, 400, "invalid_request", "not valid JSON"},
		{"not an object", "/v1/chat/completions", `["echo"]`, nil, 400, "invalid_request", "JSON object"},
		{"no model", "/v1/chat/completions", `{"messages":[]}`, nil, 400, "invalid_request", `no "model"`},
		{"model not a string", "/v1/chat/completions", `{"model":7}`, nil, 400, "invalid_request", "must be a string"},
		{"missing key", "/v1/chat/completions", `{"model":"echo"}`, []string{"Authorization", ""}, 401, "invalid_api_key", "API key"},
		{"wrong key", "/v1/chat/completions", `{"model":"echo"}`, []string{"Authorization", "Bearer sk-wrong"}, 401, "invalid_api_key", "API key"},
		{"wrong key on admin", "/model/new", `{}`, []string{"Authorization", "Bearer sk-wrong"}, 401, "invalid_api_key", "API key"},
		{"upstream down", "/v1/chat/completions", `{"model":"gone","messages":[{"role":"user","content":"hi"}]}`, nil, 502, "upstream_unreachable", `"gone"`},
		{"unknown path", "/v1/nothing", `{}`, nil, 404, "not_found", "/v1/nothing"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, b, _ := s.post(t, tc.path, tc.body, tc.hdr...)
			var e struct {
				Error struct {
					Message, Type, Code string
				} `json:"error"`
			}
			if err := json.Unmarshal(b, &e); err != nil {
				t.Fatalf("not an OpenAI error: %s", b)
			}
			if code != tc.wantStatus || e.Error.Code != tc.wantCode || !strings.Contains(e.Error.Message, tc.wantIn) || e.Error.Type == "" {
				t.Errorf("got %d %+v, want %d code %s message containing %s", code, e.Error, tc.wantStatus, tc.wantCode, tc.wantIn)
			}
			for _, secret := range []string{"sk-secret-upstream-key", "sk-upstream", masterKey} {
				if bytes.Contains(b, []byte(secret)) {
					t.Errorf("answer leaks a key: %s", b)
				}
			}
		})
	}
}

func TestRetriesAndFallbacks(t *testing.T) {
	bad := llmtest.NewUpstream(t, llmtest.Options{Name: "bad", Fault: llmtest.Fault503})
	good := llmtest.NewUpstream(t, llmtest.Options{Name: "good"})
	slow := llmtest.NewUpstream(t, llmtest.Options{Name: "slow", Fault: llmtest.FaultSlow, Delay: 3e9})
	cfg := fmt.Sprintf(`model_list:
  - model_name: primary
    litellm_params: {model: openai/p, api_base: %[1]s}
  - model_name: backup
    litellm_params: {model: openai/b, api_base: %[2]s}
  - model_name: sluggish
    litellm_params: {model: openai/s, api_base: %[3]s, timeout: 0.2}
  - model_name: group
    litellm_params: {model: openai/g1, api_base: %[1]s}
  - model_name: group
    litellm_params: {model: openai/g2, api_base: %[2]s}
router_settings:
  num_retries: 1
  fallbacks: [{primary: [backup]}, {sluggish: [backup]}]
unknown_section: {kept: true}
`, bad.URL, good.URL, slow.URL)
	s := startGateway(t, cfg)
	for _, model := range []string{"primary", "sluggish", "group", "group"} {
		code, b, h := s.post(t, "/v1/chat/completions", `{"model":"`+model+`","messages":[{"role":"user","content":"Reply exactly: OK"}]}`)
		if code != 200 || h.Get("X-Fake-Upstream") != "good" {
			t.Errorf("%s: got %d from %q: %s", model, code, h.Get("X-Fake-Upstream"), b)
		}
	}
	// With every deployment failing, the last upstream answer is relayed as is.
	good.SetFault(llmtest.Fault524)
	code, _, _ := s.post(t, "/v1/chat/completions", `{"model":"primary","messages":[{"role":"user","content":"x"}]}`)
	if code != 524 {
		t.Errorf("all failing: got %d, want the upstream's 524", code)
	}
}

func TestThinkingAndExtraBody(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{Fault: llmtest.FaultReasoningOnly})
	cfg := fmt.Sprintf(`model_list:
  - model_name: thinker
    litellm_params: {model: openai/q, api_base: %[1]s}
  - model_name: quiet
    litellm_params: {model: openai/q, api_base: %[1]s, extra_body: {top_k: 5, chat_template_kwargs: {foo: 1}}}
    model_info: {disable_thinking: true}
`, up.URL)
	s := startGateway(t, cfg)
	_, b, _ := s.post(t, "/v1/chat/completions", `{"model":"thinker","messages":[{"role":"user","content":"Reply exactly: T1"}]}`)
	if c := decodeChat(t, b); c.Choices[0].Message.Content != nil && *c.Choices[0].Message.Content != "" {
		t.Errorf("thinker without disable_thinking should answer in reasoning only: %s", b)
	}
	_, b, _ = s.post(t, "/v1/chat/completions", `{"model":"quiet","chat_template_kwargs":{"mine":true},"messages":[{"role":"user","content":"Reply exactly: T2"}]}`)
	if c := decodeChat(t, b); c.Choices[0].Message.Content == nil || *c.Choices[0].Message.Content != "T2" {
		t.Errorf("quiet: %s", b)
	}
	var sent map[string]any
	if err := json.Unmarshal(up.Last().Body, &sent); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"mine": true, "foo": float64(1), "enable_thinking": false}
	if diff := cmp.Diff(want, sent["chat_template_kwargs"]); diff != "" {
		t.Errorf("chat_template_kwargs sent (-want +got):\n%s", diff)
	}
	if sent["top_k"] != float64(5) {
		t.Errorf("extra_body top_k not merged: %v", sent)
	}
}

func TestPaidRoutes(t *testing.T) {
	buyer := llmtest.NewUpstream(t, llmtest.Options{Name: "buyer"})
	s := startGateway(t, "model_list: []\n", func(o *llm.Options) { o.BuyerURL = strings.TrimSuffix(buyer.URL, "/v1") })
	code, b, h := s.post(t, "/v1/chat/completions", `{"model":"paid/qwen3","messages":[{"role":"user","content":"Reply exactly: P"}]}`)
	if code != 200 || h.Get("X-Fake-Upstream") != "buyer" {
		t.Fatalf("paid/qwen3: %d %s", code, b)
	}
	var sent struct{ Model string }
	_ = json.Unmarshal(buyer.Last().Body, &sent)
	if sent.Model != "paid/qwen3" {
		t.Errorf("buyer got model %q, want paid/qwen3", sent.Model)
	}
	// The reconciler's explicit entry, added through the typed client.
	id, err := s.admin.AddModel(context.Background(), llm.PaidDeployment("llama", buyer.URL))
	if err != nil {
		t.Fatal(err)
	}
	if code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"paid/llama","messages":[{"role":"user","content":"hi"}]}`); code != 200 {
		t.Fatalf("paid/llama: %d %s", code, b)
	}
	if err := s.admin.DeleteModel(context.Background(), id); err != nil {
		t.Fatal(err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"syntax", "model_list:\n  - model_name: a\n   litellm_params: [\n", "models.yaml"},
		{"missing model", "model_list:\n  - model_name: a\n    litellm_params:\n      api_base: http://x/v1\n", "models.yaml:4: model_list[0].litellm_params.model"},
		{"bad provider", "model_list:\n  - model_name: a\n    litellm_params:\n      model: bedrock/claude\n", "models.yaml:4: model_list[0].litellm_params.model provider \"bedrock\""},
		{"bad retries", "router_settings:\n  num_retries: many\n", "models.yaml:2: router_settings.num_retries"},
		{"bad cache point", "model_list:\n  - model_name: a\n    litellm_params: {model: anthropic/c, api_key: k, cache_control_injection_points: [{location: tool}]}\n", `location "tool" is not supported`},
		{"no api_base", "model_list:\n  - model_name: a\n    litellm_params: {model: hosted_vllm/x}\n", "model_list[0] litellm_params.api_base is required"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			src := filepath.Join(dir, "models.yaml")
			if err := os.WriteFile(src, []byte(tc.yaml), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := llm.New(llm.Options{ConfigPath: src, RuntimePath: filepath.Join(dir, "rt.yaml"), MasterKey: "k"})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestReloadKeepsOldTableOnBrokenSource(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	s := startGateway(t, echoConfig(up, ""))
	if err := os.WriteFile(s.source, []byte("model_list: {broken"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.admin.Reload(context.Background()); err == nil {
		t.Fatal("reload of a broken source succeeded")
	}
	if code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"echo","messages":[{"role":"user","content":"hi"}]}`); code != 200 {
		t.Fatalf("old table stopped serving: %d %s", code, b)
	}
	_ = config.EnvPrefix
}

func TestImplicitOllamaRouteAndMetrics(t *testing.T) {
	ollama := llmtest.NewUpstream(t, llmtest.Options{Name: "ollama"})
	reg := prometheus.NewRegistry()
	s := startGateway(t, "model_list: []\n", func(o *llm.Options) {
		o.OllamaURL = ollama.Server.URL
		o.Registry, o.Metrics = reg, reg
	})
	code, b, h := s.post(t, "/v1/chat/completions", `{"model":"ollama/llama3.2","messages":[{"role":"user","content":"Reply exactly: OLL"}]}`)
	if code != 200 || h.Get("X-Fake-Upstream") != "ollama" || !strings.Contains(string(b), "OLL") {
		t.Fatalf("ollama/llama3.2: %d %s", code, b)
	}
	var sent struct{ Model string }
	_ = json.Unmarshal(ollama.Last().Body, &sent)
	if sent.Model != "llama3.2" {
		t.Errorf("ollama got model %q", sent.Model)
	}
	if got := s.gw.Models(); len(got) != 0 {
		t.Errorf("built-in routes advertised in /v1/models: %v", got)
	}
	s.post(t, "/v1/chat/completions", `{"model":"nope","messages":[]}`)
	resp, err := http.Get(s.url + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if want := `obol_llm_requests_total{code="2xx",model="ollama/*"} 1`; !strings.Contains(string(body), want) {
		t.Errorf("/metrics lacks %s:\n%s", want, body)
	}
	if strings.Contains(string(body), `model="nope"`) {
		t.Error("an unknown model became a metric label")
	}
}

// TestEarlyUpstreamAnswer: an upstream that answers without reading a large
// body. The transport may still be sending (and closes the body later), so
// the gateway's pooled buffers are released on that close, not when the
// handler returns; run under -race this also checks nobody reuses them early.
func TestEarlyUpstreamAnswer(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"early"},"finish_reason":"stop"}]}`))
	}))
	t.Cleanup(up.Close)
	s := startGateway(t, "model_list:\n  - model_name: echo\n    litellm_params: {model: openai/echo, api_base: '"+up.URL+"/v1'}\n  - model_name: renamed\n    litellm_params: {model: openai/other, api_base: '"+up.URL+"/v1'}\n")
	big := strings.Repeat("x", 4<<20)
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				model := []string{"echo", "renamed"}[(i+w)%2]
				req, _ := http.NewRequest(http.MethodPost, s.url+"/v1/chat/completions", strings.NewReader(`{"model":"`+model+`","messages":[{"role":"user","content":"`+big+`"}]}`))
				req.Header.Set("Authorization", "Bearer "+masterKey)
				resp, err := http.DefaultClient.Do(req)
				if err != nil {
					errs <- err.Error()
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 || !strings.Contains(string(b), "early") {
					errs <- fmt.Sprintf("%d %.200s", resp.StatusCode, b)
					return
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestUpstreamClosedIdleConnection: pooled keep-alive connections that the
// upstream closed are replaced transparently, streaming or not.
func TestUpstreamClosedIdleConnection(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	s := startGateway(t, echoConfig(up, ""))
	for i := 0; i < 6; i++ {
		stream := i%2 == 1
		code, b, _ := s.post(t, "/v1/chat/completions", fmt.Sprintf(`{"model":"echo","stream":%v,"messages":[{"role":"user","content":"Reply exactly: C%d"}]}`, stream, i))
		if code != 200 || !strings.Contains(string(b), fmt.Sprintf("C%d", i)) {
			t.Fatalf("request %d after the upstream dropped its connections: %d %s", i, code, b)
		}
		up.Server.CloseClientConnections()
	}
}

// TestClientGoneMidStream: a client that leaves mid-stream frees the
// upstream request (goleak in TestMain catches a stuck one).
func TestClientGoneMidStream(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{ChunkDelay: 50 * time.Millisecond})
	s := startGateway(t, echoConfig(up, ""))
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/v1/chat/completions",
		strings.NewReader(`{"model":"echo","stream":true,"messages":[{"role":"user","content":"one two three four five six"}]}`))
	req.Header.Set("Authorization", "Bearer "+masterKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 64)
	if _, err := resp.Body.Read(buf); err != nil {
		t.Fatal(err)
	}
	cancel()
	resp.Body.Close()
	// The gateway still serves the next request normally.
	code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"echo","messages":[{"role":"user","content":"Reply exactly: AFTER"}]}`)
	if code != 200 || !strings.Contains(string(b), "AFTER") {
		t.Fatalf("after a client left mid-stream: %d %s", code, b)
	}
}

// TestUpstreamInformationalAnswer: a 103 Early Hints before the answer is skipped.
func TestUpstreamInformationalAnswer(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Link", "</x>; rel=preload")
		w.WriteHeader(http.StatusEarlyHints)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"after hints"},"finish_reason":"stop"}]}`))
	}))
	t.Cleanup(up.Close)
	s := startGateway(t, "model_list:\n  - model_name: echo\n    litellm_params: {model: openai/echo, api_base: '"+up.URL+"/v1'}\n")
	code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"echo","messages":[]}`)
	if code != 200 || !strings.Contains(string(b), "after hints") {
		t.Fatalf("%d %s", code, b)
	}
}
