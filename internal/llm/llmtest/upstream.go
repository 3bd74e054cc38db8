// Package llmtest has real local servers for gateway tests: a fake
// OpenAI-compatible upstream with fault modes, a fake Anthropic Messages API,
// and helpers to run a real Ollama with a tiny generated model.
package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Fault is a misbehaviour of the fake upstream.
type Fault int

// Fault modes.
const (
	FaultNone          Fault = iota
	FaultReasoningOnly       // answer only in reasoning_content unless chat_template_kwargs.enable_thinking=false
	FaultEmpty               // empty content, always
	Fault503                 // 503 Service Unavailable
	Fault524                 // 524 (a Cloudflare-style upstream timeout)
	FaultSlow                // wait Options.Delay before answering
	FaultOffTopic            // answer with text that ignores the request
)

// Options configure an Upstream.
type Options struct {
	Name       string        // reported in the X-Fake-Upstream header; default "fake"
	Models     []string      // listed by GET /v1/models; default ["echo"]
	APIKey     string        // when set, requests must carry Authorization: Bearer APIKey
	Fault      Fault         // initial fault mode
	Delay      time.Duration // for FaultSlow
	ChunkDelay time.Duration // between streamed chunks
}

// Recorded is one request the upstream saw.
type Recorded struct {
	Path   string
	Header http.Header
	Body   []byte
}

// Upstream is a fake OpenAI-compatible server on loopback.
type Upstream struct {
	// URL is the API base including /v1, as LiteLLM's api_base wants it.
	URL string
	// Server is the underlying test server.
	Server *httptest.Server

	opts  Options
	fault atomic.Int32
	count atomic.Int64
	mu    sync.Mutex
	reqs  []Recorded
}

// NewUpstream starts a fake upstream, closed when the test ends.
func NewUpstream(t testing.TB, o Options) *Upstream {
	t.Helper()
	if o.Name == "" {
		o.Name = "fake"
	}
	if len(o.Models) == 0 {
		o.Models = []string{"echo"}
	}
	u := &Upstream{opts: o}
	u.fault.Store(int32(o.Fault))
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/models", u.models)
	mux.HandleFunc("POST /v1/chat/completions", u.chat)
	mux.HandleFunc("POST /v1/completions", u.completions)
	mux.HandleFunc("POST /v1/embeddings", u.embeddings)
	mux.HandleFunc("POST /v1/responses", u.responses)
	u.Server = httptest.NewServer(mux)
	u.URL = u.Server.URL + "/v1"
	t.Cleanup(u.Server.Close)
	return u
}

// SetFault switches the fault mode for the following requests.
func (u *Upstream) SetFault(f Fault) { u.fault.Store(int32(f)) }

// Count is how many inference requests arrived.
func (u *Upstream) Count() int64 { return u.count.Load() }

// Requests returns copies of the requests seen so far (at most the last 1000).
func (u *Upstream) Requests() []Recorded {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]Recorded(nil), u.reqs...)
}

// Last returns the last request (zero value when none).
func (u *Upstream) Last() Recorded {
	u.mu.Lock()
	defer u.mu.Unlock()
	if len(u.reqs) == 0 {
		return Recorded{}
	}
	return u.reqs[len(u.reqs)-1]
}

func (u *Upstream) record(r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return nil, false
	}
	u.count.Add(1)
	u.mu.Lock()
	if len(u.reqs) >= 1000 {
		u.reqs = u.reqs[1:]
	}
	u.reqs = append(u.reqs, Recorded{Path: r.URL.Path, Header: r.Header.Clone(), Body: body})
	u.mu.Unlock()
	return body, true
}

func (u *Upstream) authOK(w http.ResponseWriter, r *http.Request) bool {
	if u.opts.APIKey == "" || r.Header.Get("Authorization") == "Bearer "+u.opts.APIKey {
		return true
	}
	writeJSON(w, http.StatusUnauthorized, map[string]any{"error": map[string]any{"message": "bad key", "type": "invalid_request_error"}})
	return false
}

// faultAnswer writes the status faults and sleeps for FaultSlow; it reports
// whether the request was answered.
func (u *Upstream) faultAnswer(w http.ResponseWriter, r *http.Request) bool {
	w.Header().Set("X-Fake-Upstream", u.opts.Name)
	switch Fault(u.fault.Load()) {
	case Fault503:
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": map[string]any{"message": "overloaded", "type": "server_error"}})
		return true
	case Fault524:
		writeJSON(w, 524, map[string]any{"error": map[string]any{"message": "a timeout occurred", "type": "server_error"}})
		return true
	case FaultSlow:
		select {
		case <-time.After(u.opts.Delay):
		case <-r.Context().Done():
			return true
		}
	}
	return false
}

func (u *Upstream) models(w http.ResponseWriter, r *http.Request) {
	if !u.authOK(w, r) {
		return
	}
	data := []any{}
	for _, m := range u.opts.Models {
		data = append(data, map[string]any{"id": m, "object": "model", "created": 1700000000, "owned_by": "llmtest"})
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

// ChatRequest is the part of a chat request the fake reads.
type ChatRequest struct {
	Model    string `json:"model"`
	Stream   bool   `json:"stream"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
	Tools []struct {
		Function struct {
			Name string `json:"name"`
		} `json:"function"`
	} `json:"tools"`
	ChatTemplateKwargs map[string]any `json:"chat_template_kwargs"`
}

var markerRE = regexp.MustCompile(`(?i)reply exactly:\s*(\S+)`)

// Reply is what the fake answers to a user message: the marker of "Reply
// exactly: X", else "echo: <message>".
func Reply(user string) string {
	if m := markerRE.FindStringSubmatch(user); m != nil {
		return m[1]
	}
	return "echo: " + user
}

func lastUser(req ChatRequest) string {
	for i := len(req.Messages) - 1; i >= 0; i-- {
		m := req.Messages[i]
		if m.Role != "user" {
			continue
		}
		var s string
		if json.Unmarshal(m.Content, &s) == nil {
			return s
		}
		var parts []struct {
			Text string `json:"text"`
		}
		_ = json.Unmarshal(m.Content, &parts)
		var b strings.Builder
		for _, p := range parts {
			b.WriteString(p.Text)
		}
		return b.String()
	}
	return ""
}

func (u *Upstream) chat(w http.ResponseWriter, r *http.Request) {
	if !u.authOK(w, r) {
		return
	}
	body, ok := u.record(r)
	if !ok || u.faultAnswer(w, r) {
		return
	}
	var req ChatRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"message": "bad json: " + err.Error(), "type": "invalid_request_error"}})
		return
	}
	user := lastUser(req)
	content, reasoning := Reply(user), ""
	switch Fault(u.fault.Load()) {
	case FaultReasoningOnly:
		if v, ok := req.ChatTemplateKwargs["enable_thinking"].(bool); !ok || v {
			content, reasoning = "", "thinking about: "+user
		}
	case FaultEmpty:
		content = ""
	case FaultOffTopic:
		content = "I would rather talk about the weather."
	}
	var tool string
	if len(req.Tools) > 0 && strings.Contains(strings.ToLower(user), "call tool") {
		tool = req.Tools[0].Function.Name
	}
	if req.Stream {
		u.stream(w, req.Model, content, reasoning, tool, user)
		return
	}
	msg := map[string]any{"role": "assistant", "content": content}
	finish := "stop"
	if reasoning != "" {
		msg["reasoning_content"] = reasoning
	}
	if tool != "" {
		args, _ := json.Marshal(map[string]string{"text": user})
		msg["content"] = nil
		msg["tool_calls"] = []any{map[string]any{"id": "call_1", "type": "function", "function": map[string]any{"name": tool, "arguments": string(args)}}}
		finish = "tool_calls"
	}
	writeJSON(w, http.StatusOK, map[string]any{
		"id": "chatcmpl-fake", "object": "chat.completion", "created": 1700000000, "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "message": msg, "finish_reason": finish}},
		"usage":   map[string]any{"prompt_tokens": len(strings.Fields(user)), "completion_tokens": len(strings.Fields(content)), "total_tokens": len(strings.Fields(user)) + len(strings.Fields(content))},
	})
}

func (u *Upstream) stream(w http.ResponseWriter, model, content, reasoning, tool, user string) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	send := func(delta map[string]any, finish any) {
		b, _ := json.Marshal(map[string]any{"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1700000000, "model": model,
			"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}})
		fmt.Fprintf(w, "data: %s\n\n", b)
		if fl != nil {
			fl.Flush()
		}
		if u.opts.ChunkDelay > 0 {
			time.Sleep(u.opts.ChunkDelay)
		}
	}
	send(map[string]any{"role": "assistant", "content": ""}, nil)
	if reasoning != "" {
		send(map[string]any{"reasoning_content": reasoning}, nil)
	}
	finish := "stop"
	if tool != "" {
		args, _ := json.Marshal(map[string]string{"text": user})
		half := len(args) / 2
		send(map[string]any{"tool_calls": []any{map[string]any{"index": 0, "id": "call_1", "type": "function", "function": map[string]any{"name": tool, "arguments": string(args[:half])}}}}, nil)
		send(map[string]any{"tool_calls": []any{map[string]any{"index": 0, "function": map[string]any{"arguments": string(args[half:])}}}}, nil)
		finish = "tool_calls"
	} else {
		words := strings.SplitAfter(content, " ")
		for _, wd := range words {
			if wd != "" {
				send(map[string]any{"content": wd}, nil)
			}
		}
	}
	send(map[string]any{}, finish)
	fmt.Fprint(w, "data: [DONE]\n\n")
	if fl != nil {
		fl.Flush()
	}
}

func (u *Upstream) completions(w http.ResponseWriter, r *http.Request) {
	if !u.authOK(w, r) {
		return
	}
	body, ok := u.record(r)
	if !ok || u.faultAnswer(w, r) {
		return
	}
	var req struct {
		Model  string `json:"model"`
		Prompt string `json:"prompt"`
	}
	_ = json.Unmarshal(body, &req)
	writeJSON(w, http.StatusOK, map[string]any{"id": "cmpl-fake", "object": "text_completion", "created": 1700000000, "model": req.Model,
		"choices": []any{map[string]any{"index": 0, "text": Reply(req.Prompt), "finish_reason": "stop"}}})
}

func (u *Upstream) embeddings(w http.ResponseWriter, r *http.Request) {
	if !u.authOK(w, r) {
		return
	}
	body, ok := u.record(r)
	if !ok || u.faultAnswer(w, r) {
		return
	}
	var req struct {
		Model string `json:"model"`
		Input any    `json:"input"`
	}
	_ = json.Unmarshal(body, &req)
	n := 1
	if l, ok := req.Input.([]any); ok {
		n = len(l)
	}
	data := []any{}
	for i := 0; i < n; i++ {
		data = append(data, map[string]any{"object": "embedding", "index": i, "embedding": []float64{0.1, 0.2, float64(i)}})
	}
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "model": req.Model, "data": data, "usage": map[string]any{"prompt_tokens": n, "total_tokens": n}})
}

// responses answers the Responses API with Reply(input) as output text.
func (u *Upstream) responses(w http.ResponseWriter, r *http.Request) {
	if !u.authOK(w, r) {
		return
	}
	body, ok := u.record(r)
	if !ok || u.faultAnswer(w, r) {
		return
	}
	var req struct {
		Model string `json:"model"`
		Input string `json:"input"`
	}
	_ = json.Unmarshal(body, &req)
	text := Reply(req.Input)
	writeJSON(w, http.StatusOK, map[string]any{"id": "resp_fake", "object": "response", "created_at": 1700000000, "model": req.Model, "status": "completed",
		"output": []any{map[string]any{"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
			"content": []any{map[string]any{"type": "output_text", "text": text, "annotations": []any{}}}}}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
