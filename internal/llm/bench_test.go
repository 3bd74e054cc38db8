package llm

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/obol-dev/obol/internal/llm/config"
)

var benchBody = []byte(`{"model":"echo","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Say hello."}],"temperature":0.2,"max_tokens":64}`)

func benchTable(b *testing.B, n int) *table {
	b.Helper()
	var y bytes.Buffer
	y.WriteString("model_list:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&y, "  - model_name: model-%d\n    litellm_params: {model: openai/m%d, api_base: 'http://127.0.0.1:1/v1'}\n", i, i)
	}
	y.WriteString("  - model_name: echo\n    litellm_params: {model: openai/echo-up, api_base: 'http://127.0.0.1:1/v1'}\n")
	y.WriteString("  - model_name: paid/*\n    litellm_params: {model: openai/paid/*, api_base: 'http://127.0.0.1:1/v1'}\n")
	cfg, err := config.Parse("bench", y.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	m, _ := newMetrics(nil)
	t, err := buildTable(cfg, buildOptions{getenv: func(string) (string, bool) { return "", false }, metrics: m})
	if err != nil {
		b.Fatal(err)
	}
	return t
}

// BenchmarkLookup is routing: exact name and wildcard, in a 200-model table.
func BenchmarkLookup(b *testing.B) {
	t := benchTable(b, 200)
	for _, model := range []string{"echo", "model-150", "paid/qwen3"} {
		b.Run(model, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if g, _ := t.lookup(model); g == nil {
					b.Fatal("not found")
				}
			}
		})
	}
}

// BenchmarkRewrite is request parsing plus the targeted body rewrite.
func BenchmarkRewrite(b *testing.B) {
	t := benchTable(b, 10)
	g, _ := t.lookup("echo")
	plain := g.routes[0]
	thinking := *plain
	thinking.noThinking = true
	cases := []struct {
		name     string
		r        *route
		upstream string
	}{
		{"same-model", plain, "echo"},
		{"model-rename", plain, "echo-up"},
		{"rename+disable-thinking", &thinking, "echo-up"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			dst := make([]byte, 0, 1024)
			for b.Loop() {
				req, err := parseRequest(benchBody)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := rewriteBody(dst, benchBody, req, c.upstream, c.r, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkServeChat is one whole non-streaming request through the handler
// to a loopback upstream (the client side is in-memory).
func BenchmarkServeChat(b *testing.B) {
	resp := []byte(`{"id":"x","object":"chat.completion","created":1,"model":"echo","choices":[{"index":0,"message":{"role":"assistant","content":"Hello from the fake upstream."},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":6,"total_tokens":9}}`)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(resp)
	}))
	defer up.Close()
	dir := b.TempDir()
	src := filepath.Join(dir, "c.yaml")
	if err := os.WriteFile(src, []byte("model_list:\n  - model_name: echo\n    litellm_params: {model: openai/echo, api_base: '"+up.URL+"/v1', api_key: sk-up}\n"), 0o600); err != nil {
		b.Fatal(err)
	}
	gw, err := New(Options{ConfigPath: src, RuntimePath: filepath.Join(dir, "rt.yaml"), MasterKey: "k"})
	if err != nil {
		b.Fatal(err)
	}
	h := gw.Handler()
	b.ReportAllocs()
	for b.Loop() {
		req := httptest.NewRequest(http.MethodPost, "/v1/chat/completions", bytes.NewReader(benchBody))
		req.Header.Set("Authorization", "Bearer k")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatalf("status %d: %s", w.Code, w.Body)
		}
	}
}
