package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// PreflightMarker is the exact reply the preflight asks for.
const PreflightMarker = "OBOL_LLM_PREFLIGHT_OK"

// PreflightOptions say which endpoint and model to check.
type PreflightOptions struct {
	// Endpoint is the OpenAI-compatible base URL, including /v1.
	Endpoint string
	// Model is the upstream model id.
	Model string
	// APIKey is sent as Bearer when set.
	APIKey string
	// HTTPClient defaults to a client without overall timeout (the
	// per-step timeouts below apply).
	HTTPClient *http.Client
	// ModelsTimeout bounds GET /models (default 20 s); ChatTimeout bounds
	// each chat request (default 75 s).
	ModelsTimeout, ChatTimeout time.Duration
}

// PreflightResult is what a successful preflight found.
type PreflightResult struct {
	Endpoint        string   `json:"endpoint"`
	Model           string   `json:"model"`
	Models          []string `json:"models"`
	DisableThinking bool     `json:"disableThinking"`
	Content         string   `json:"content"`
}

// Preflight failure reasons, one per failure mode (PreflightError.Reason).
const (
	ReasonUnreachable   = "unreachable"
	ReasonModelsStatus  = "models_status"
	ReasonUnauthorized  = "unauthorized"
	ReasonModelMissing  = "model_not_listed"
	ReasonChatStatus    = "chat_status"
	ReasonChatTimeout   = "chat_timeout"
	ReasonBadAnswer     = "bad_answer"
	ReasonEmpty         = "empty_content"
	ReasonReasoningOnly = "reasoning_only"
	ReasonWrongAnswer   = "marker_missing"
)

// PreflightError says why an endpoint is not usable.
type PreflightError struct {
	Reason  string // one of the Reason* constants
	Message string // for people: what is wrong and what to do
}

func (e *PreflightError) Error() string { return e.Message }

// Preflight checks that an OpenAI-compatible endpoint serves model usably
// (SPEC §6): GET /models lists it; a chat request asking for an exact marker
// returns it as final content; if the answer is empty or reasoning only,
// one retry with chat_template_kwargs.enable_thinking=false, and when that
// works the result says DisableThinking.
func Preflight(ctx context.Context, o PreflightOptions) (PreflightResult, error) {
	if o.HTTPClient == nil {
		o.HTTPClient = &http.Client{}
	}
	if o.ModelsTimeout == 0 {
		o.ModelsTimeout = 20 * time.Second
	}
	if o.ChatTimeout == 0 {
		o.ChatTimeout = 75 * time.Second
	}
	base := strings.TrimRight(o.Endpoint, "/")
	res := PreflightResult{Endpoint: base, Model: o.Model}
	if !strings.HasPrefix(base, "http://") && !strings.HasPrefix(base, "https://") {
		return res, &PreflightError{Reason: ReasonUnreachable, Message: fmt.Sprintf("endpoint %q is not an http(s) URL: give the OpenAI-compatible base, e.g. http://127.0.0.1:8000/v1", o.Endpoint)}
	}
	models, err := preflightModels(ctx, o, base)
	if err != nil {
		return res, err
	}
	res.Models = models
	if len(models) > 0 && !contains(models, o.Model) {
		return res, &PreflightError{Reason: ReasonModelMissing, Message: fmt.Sprintf("model %q is not served by %s (GET /models lists: %s): check --model", o.Model, base, strings.Join(models, ", "))}
	}
	content, err := preflightChat(ctx, o, base, false)
	if err == nil {
		res.Content = content
		return res, nil
	}
	var pe *PreflightError
	if !errors.As(err, &pe) || (pe.Reason != ReasonEmpty && pe.Reason != ReasonReasoningOnly && pe.Reason != ReasonWrongAnswer) {
		return res, err
	}
	content, err2 := preflightChat(ctx, o, base, true)
	if err2 != nil {
		var pe2 *PreflightError
		if errors.As(err2, &pe2) {
			return res, &PreflightError{Reason: pe2.Reason, Message: pe.Message + "; retried with chat_template_kwargs.enable_thinking=false: " + pe2.Message}
		}
		return res, err2
	}
	res.Content, res.DisableThinking = content, true
	return res, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func preflightModels(ctx context.Context, o PreflightOptions, base string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, o.ModelsTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/models", nil)
	if err != nil {
		return nil, &PreflightError{Reason: ReasonUnreachable, Message: fmt.Sprintf("bad endpoint URL %q: %v", base, err)}
	}
	if o.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+o.APIKey)
	}
	resp, err := o.HTTPClient.Do(req)
	if err != nil {
		return nil, &PreflightError{Reason: ReasonUnreachable, Message: fmt.Sprintf("cannot reach %s/models: %s: is the server running at that address?", base, redactErr(err))}
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return nil, &PreflightError{Reason: ReasonUnauthorized, Message: fmt.Sprintf("%s/models answered %d: the endpoint rejected the API key (pass the right one with --api-key)", base, resp.StatusCode)}
	case resp.StatusCode != http.StatusOK:
		hint := ""
		if resp.StatusCode == http.StatusNotFound && !strings.HasSuffix(base, "/v1") {
			hint = ": the endpoint must be the OpenAI-compatible base URL, usually ending in /v1"
		}
		return nil, &PreflightError{Reason: ReasonModelsStatus, Message: fmt.Sprintf("GET %s/models answered %d%s", base, resp.StatusCode, hint)}
	}
	var list struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &list); err != nil {
		return nil, &PreflightError{Reason: ReasonModelsStatus, Message: fmt.Sprintf("GET %s/models did not return an OpenAI model list: %v", base, err)}
	}
	out := make([]string, 0, len(list.Data))
	for _, d := range list.Data {
		out = append(out, d.ID)
	}
	return out, nil
}

func preflightChat(ctx context.Context, o PreflightOptions, base string, noThinking bool) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, o.ChatTimeout)
	defer cancel()
	body := map[string]any{"model": o.Model, "temperature": 0, "max_tokens": 64, "stream": false,
		"messages": []any{map[string]any{"role": "user", "content": "Reply exactly: " + PreflightMarker}}}
	if noThinking {
		body["chat_template_kwargs"] = map[string]any{"enable_thinking": false}
	}
	b, _ := json.Marshal(body)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/chat/completions", bytes.NewReader(b))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	if o.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+o.APIKey)
	}
	resp, err := o.HTTPClient.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return "", &PreflightError{Reason: ReasonChatTimeout, Message: fmt.Sprintf("POST %s/chat/completions got no answer within %s", base, o.ChatTimeout)}
		}
		return "", &PreflightError{Reason: ReasonUnreachable, Message: fmt.Sprintf("POST %s/chat/completions failed: %s", base, redactErr(err))}
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if resp.StatusCode != http.StatusOK {
		snippet := strings.TrimSpace(string(data))
		if len(snippet) > 200 {
			snippet = snippet[:200]
		}
		return "", &PreflightError{Reason: ReasonChatStatus, Message: fmt.Sprintf("POST %s/chat/completions answered %d: %s", base, resp.StatusCode, snippet)}
	}
	var cr struct {
		Choices []struct {
			Message struct {
				Content          json.RawMessage `json:"content"`
				ReasoningContent string          `json:"reasoning_content"`
				Reasoning        string          `json:"reasoning"`
			} `json:"message"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(data, &cr); err != nil || len(cr.Choices) == 0 {
		return "", &PreflightError{Reason: ReasonBadAnswer, Message: fmt.Sprintf("POST %s/chat/completions did not return a chat completion with choices", base)}
	}
	m := cr.Choices[0].Message
	content := MessageText(m.Content)
	switch {
	case strings.Contains(content, PreflightMarker):
		return content, nil
	case strings.TrimSpace(content) == "" && (m.ReasoningContent != "" || m.Reasoning != ""):
		return "", &PreflightError{Reason: ReasonReasoningOnly, Message: "the model answered only in its reasoning, with empty final content"}
	case strings.TrimSpace(content) == "":
		return "", &PreflightError{Reason: ReasonEmpty, Message: "the model answered with empty content"}
	}
	if len(content) > 120 {
		content = content[:120] + "…"
	}
	return "", &PreflightError{Reason: ReasonWrongAnswer, Message: fmt.Sprintf("the model did not reply with the marker %s (it said %q)", PreflightMarker, content)}
}

// MessageText reads an OpenAI message.content as a string or a list of text parts.
func MessageText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var parts []struct {
		Text string `json:"text"`
	}
	_ = json.Unmarshal(raw, &parts)
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(p.Text)
	}
	return b.String()
}
