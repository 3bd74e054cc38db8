// Package demomodel is the model `obol demo` sells when no real model is
// at hand: a tiny OpenAI-compatible server that obol runs itself. It is
// not a language model; every answer says so, and its id says "demo", so it
// is labelled as a demo model everywhere it appears (gateway, catalog,
// 402 description, the demo's output).
package demomodel

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/obol-dev/obol/internal/llm"
)

// ModelID is the demo model's id.
const ModelID = "obol-demo"

// Label is how the demo model is described wherever it is listed.
const Label = "demo model served by obol itself (not a language model)"

// Server is a running demo model.
type Server struct {
	srv *http.Server
	ln  net.Listener
}

// Start serves the demo model on addr (use 127.0.0.1:0 for a free port).
func Start(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("start demo model: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/models", models)
	mux.HandleFunc("POST /v1/chat/completions", chat)
	s := &Server{srv: &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}, ln: ln}
	go s.srv.Serve(ln) //nolint:errcheck // Serve returns ErrServerClosed after Close
	return s, nil
}

// URL is the OpenAI base URL (…/v1).
func (s *Server) URL() string { return "http://" + s.ln.Addr().String() + "/v1" }

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

func models(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": []map[string]any{
		{"id": ModelID, "object": "model", "owned_by": "obol", "description": Label}}})
}

type chatRequest struct {
	Model    string `json:"model"`
	Stream   bool   `json:"stream"`
	Messages []struct {
		Role    string          `json:"role"`
		Content json.RawMessage `json:"content"`
	} `json:"messages"`
}

// Reply is the demo model's answer to a prompt.
func Reply(prompt string) string {
	return fmt.Sprintf("[%s] You said: %q. This answer was paid for with x402 and settled on the dev chain.", ModelID, prompt)
}

func chat(w http.ResponseWriter, r *http.Request) {
	var req chatRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]string{"message": "body is not a chat request: " + err.Error(), "type": "invalid_request_error"}})
		return
	}
	prompt := ""
	if n := len(req.Messages); n > 0 {
		prompt = llm.MessageText(req.Messages[n-1].Content)
	}
	answer := Reply(prompt)
	id := fmt.Sprintf("chatcmpl-demo-%d", time.Now().UnixNano())
	if req.Stream {
		stream(w, id, answer)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": id, "object": "chat.completion", "created": time.Now().Unix(), "model": ModelID,
		"choices": []map[string]any{{"index": 0, "message": map[string]string{"role": "assistant", "content": answer}, "finish_reason": "stop"}},
		"usage":   map[string]int{"prompt_tokens": len(strings.Fields(prompt)), "completion_tokens": len(strings.Fields(answer)), "total_tokens": len(strings.Fields(prompt + " " + answer))}})
}

func stream(w http.ResponseWriter, id, answer string) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	flusher, _ := w.(http.Flusher)
	for i, word := range strings.SplitAfter(answer, " ") {
		delta := map[string]string{"content": word}
		if i == 0 {
			delta["role"] = "assistant"
		}
		chunk, _ := json.Marshal(map[string]any{"id": id, "object": "chat.completion.chunk", "model": ModelID,
			"choices": []map[string]any{{"index": 0, "delta": delta, "finish_reason": nil}}})
		fmt.Fprintf(w, "data: %s\n\n", chunk)
		if flusher != nil {
			flusher.Flush()
		}
	}
	end, _ := json.Marshal(map[string]any{"id": id, "object": "chat.completion.chunk", "model": ModelID,
		"choices": []map[string]any{{"index": 0, "delta": map[string]string{}, "finish_reason": "stop"}}})
	fmt.Fprintf(w, "data: %s\n\ndata: [DONE]\n\n", end)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
