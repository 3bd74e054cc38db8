package llmtest

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Anthropic is a fake Anthropic Messages API (POST /v1/messages) on loopback.
// It answers with Reply(last user text), or with a tool_use block when tools
// are offered and the user says "call tool"; streaming sends the real event
// sequence (message_start, content_block_*, ping, message_delta, message_stop).
type Anthropic struct {
	// URL is the API base (no /v1), as litellm_params.api_base takes it.
	URL    string
	Server *httptest.Server

	key  string
	mu   sync.Mutex
	reqs []Recorded
}

// NewAnthropic starts the fake; requests must carry x-api-key: key.
func NewAnthropic(t testing.TB, key string) *Anthropic {
	t.Helper()
	a := &Anthropic{key: key}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/messages", a.messages)
	a.Server = httptest.NewServer(mux)
	a.URL = a.Server.URL
	t.Cleanup(a.Server.Close)
	return a
}

// Last returns the last request seen.
func (a *Anthropic) Last() Recorded {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.reqs) == 0 {
		return Recorded{}
	}
	return a.reqs[len(a.reqs)-1]
}

type anthropicReq struct {
	Model     string `json:"model"`
	MaxTokens int    `json:"max_tokens"`
	Stream    bool   `json:"stream"`
	Messages  []struct {
		Role    string `json:"role"`
		Content []struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"content"`
	} `json:"messages"`
	Tools []struct {
		Name string `json:"name"`
	} `json:"tools"`
}

func (a *Anthropic) messages(w http.ResponseWriter, r *http.Request) {
	var req anthropicReq
	body, err := io.ReadAll(r.Body)
	if err == nil {
		a.mu.Lock()
		a.reqs = append(a.reqs, Recorded{Path: r.URL.Path, Header: r.Header.Clone(), Body: body})
		a.mu.Unlock()
		err = json.Unmarshal(body, &req)
	}
	anErr := func(status int, typ, msg string) {
		writeJSON(w, status, map[string]any{"type": "error", "error": map[string]any{"type": typ, "message": msg}})
	}
	switch {
	case r.Header.Get("X-Api-Key") != a.key:
		anErr(http.StatusUnauthorized, "authentication_error", "invalid x-api-key")
		return
	case r.Header.Get("Anthropic-Version") == "":
		anErr(http.StatusBadRequest, "invalid_request_error", "anthropic-version header is required")
		return
	case err != nil:
		anErr(http.StatusBadRequest, "invalid_request_error", "bad json")
		return
	case req.MaxTokens <= 0:
		anErr(http.StatusBadRequest, "invalid_request_error", "max_tokens: field required")
		return
	case len(req.Messages) == 0 || req.Messages[0].Role != "user":
		anErr(http.StatusBadRequest, "invalid_request_error", "messages: first message must use the user role")
		return
	}
	for i := 1; i < len(req.Messages); i++ {
		if req.Messages[i].Role == req.Messages[i-1].Role {
			anErr(http.StatusBadRequest, "invalid_request_error", "messages: roles must alternate")
			return
		}
	}
	var user string
	last := req.Messages[len(req.Messages)-1]
	for _, c := range last.Content {
		user += c.Text
	}
	tool := ""
	if len(req.Tools) > 0 && strings.Contains(strings.ToLower(user), "call tool") {
		tool = req.Tools[0].Name
	}
	text := Reply(user)
	args, _ := json.Marshal(map[string]string{"text": user})
	if !req.Stream {
		content := []any{map[string]any{"type": "text", "text": text}}
		stop := "end_turn"
		if tool != "" {
			content = []any{map[string]any{"type": "tool_use", "id": "toolu_1", "name": tool, "input": json.RawMessage(args)}}
			stop = "tool_use"
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": "msg_fake", "type": "message", "role": "assistant", "model": req.Model,
			"content": content, "stop_reason": stop, "usage": map[string]any{"input_tokens": 7, "output_tokens": 3}})
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fl, _ := w.(http.Flusher)
	ev := func(name string, v any) {
		b, _ := json.Marshal(v)
		fmt.Fprintf(w, "event: %s\ndata: %s\n\n", name, b)
		if fl != nil {
			fl.Flush()
		}
	}
	ev("message_start", map[string]any{"type": "message_start", "message": map[string]any{"id": "msg_fake", "type": "message", "role": "assistant",
		"model": req.Model, "content": []any{}, "usage": map[string]any{"input_tokens": 7, "output_tokens": 1}}})
	ev("ping", map[string]any{"type": "ping"})
	stop := "end_turn"
	if tool != "" {
		ev("content_block_start", map[string]any{"type": "content_block_start", "index": 0, "content_block": map[string]any{"type": "tool_use", "id": "toolu_1", "name": tool, "input": map[string]any{}}})
		half := len(args) / 2
		ev("content_block_delta", map[string]any{"type": "content_block_delta", "index": 0, "delta": map[string]any{"type": "input_json_delta", "partial_json": string(args[:half])}})
		ev("content_block_delta", map[string]any{"type": "content_block_delta", "index": 0, "delta": map[string]any{"type": "input_json_delta", "partial_json": string(args[half:])}})
		stop = "tool_use"
	} else {
		ev("content_block_start", map[string]any{"type": "content_block_start", "index": 0, "content_block": map[string]any{"type": "text", "text": ""}})
		for _, part := range strings.SplitAfter(text, " ") {
			ev("content_block_delta", map[string]any{"type": "content_block_delta", "index": 0, "delta": map[string]any{"type": "text_delta", "text": part}})
		}
	}
	ev("content_block_stop", map[string]any{"type": "content_block_stop", "index": 0})
	ev("message_delta", map[string]any{"type": "message_delta", "delta": map[string]any{"stop_reason": stop}, "usage": map[string]any{"output_tokens": 3}})
	ev("message_stop", map[string]any{"type": "message_stop"})
}
