package llm

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// anthropicVersion is the Messages API version header obol speaks.
const anthropicVersion = "2023-06-01"

// defaultMaxTokens is sent when the client gives none: Anthropic requires it.
const defaultMaxTokens = 4096

// OpenAI request shapes (only what translation needs).
type oaRequest struct {
	Model               string          `json:"model"`
	Messages            []oaMessage     `json:"messages"`
	MaxTokens           *int            `json:"max_tokens,omitempty"`
	MaxCompletionTokens *int            `json:"max_completion_tokens,omitempty"`
	Temperature         *float64        `json:"temperature,omitempty"`
	TopP                *float64        `json:"top_p,omitempty"`
	Stop                json.RawMessage `json:"stop,omitempty"`
	Stream              bool            `json:"stream,omitempty"`
	Tools               []oaTool        `json:"tools,omitempty"`
	ToolChoice          json.RawMessage `json:"tool_choice,omitempty"`
	User                string          `json:"user,omitempty"`
}

type oaMessage struct {
	Role       string          `json:"role"`
	Content    json.RawMessage `json:"content"`
	ToolCalls  []oaToolCall    `json:"tool_calls,omitempty"`
	ToolCallID string          `json:"tool_call_id,omitempty"`
}

type oaToolCall struct {
	Index    *int   `json:"index,omitempty"`
	ID       string `json:"id,omitempty"`
	Type     string `json:"type,omitempty"`
	Function struct {
		Name      string `json:"name,omitempty"`
		Arguments string `json:"arguments"`
	} `json:"function"`
}

type oaTool struct {
	Type     string `json:"type"`
	Function struct {
		Name        string          `json:"name"`
		Description string          `json:"description,omitempty"`
		Parameters  json.RawMessage `json:"parameters,omitempty"`
	} `json:"function"`
}

// Anthropic Messages shapes.
type anRequest struct {
	Model         string         `json:"model"`
	System        any            `json:"system,omitempty"` // string, or blocks when cache_control is injected
	Messages      []anMessage    `json:"messages"`
	MaxTokens     int            `json:"max_tokens"`
	Temperature   *float64       `json:"temperature,omitempty"`
	TopP          *float64       `json:"top_p,omitempty"`
	StopSequences []string       `json:"stop_sequences,omitempty"`
	Stream        bool           `json:"stream,omitempty"`
	Tools         []anTool       `json:"tools,omitempty"`
	ToolChoice    map[string]any `json:"tool_choice,omitempty"`
	Metadata      *anMetadata    `json:"metadata,omitempty"`
}

type anMetadata struct {
	UserID string `json:"user_id,omitempty"`
}

type anMessage struct {
	Role    string    `json:"role"`
	Content []anBlock `json:"content"`
}

type anBlock struct {
	Type      string          `json:"type"`
	Text      string          `json:"text,omitempty"`
	ID        string          `json:"id,omitempty"`
	Name      string          `json:"name,omitempty"`
	Input     json.RawMessage `json:"input,omitempty"`
	ToolUseID string          `json:"tool_use_id,omitempty"`
	Content   string          `json:"content,omitempty"`
	Source    *anSource       `json:"source,omitempty"`
	Thinking  string          `json:"thinking,omitempty"`
	Cache     *anCache        `json:"cache_control,omitempty"`
}

type anCache struct {
	Type string `json:"type"`
}

// CachePoint is one LiteLLM `cache_control_injection_points` entry: where
// to put an Anthropic prompt-cache breakpoint. Location must be "message";
// Role marks the system prompt ("system") or the last message of that role;
// Index, when set, marks that message of the translated list (negative
// counts from the end).
type CachePoint struct {
	Location string `json:"location"`
	Role     string `json:"role,omitempty"`
	Index    *int   `json:"index,omitempty"`
}

// parseCachePoints reads litellm_params.cache_control_injection_points.
func parseCachePoints(v any) ([]CachePoint, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out []CachePoint
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, fmt.Errorf("litellm_params.cache_control_injection_points must be a list of {location, role, index}")
	}
	for _, p := range out {
		if p.Location != "message" {
			return nil, fmt.Errorf("litellm_params.cache_control_injection_points: location %q is not supported (use message)", p.Location)
		}
	}
	return out, nil
}

// injectCache puts ephemeral cache_control marks where the points say.
func injectCache(r *anRequest, points []CachePoint) {
	eph := &anCache{Type: "ephemeral"}
	mark := func(m *anMessage) {
		if n := len(m.Content); n > 0 {
			m.Content[n-1].Cache = eph
		}
	}
	for _, p := range points {
		switch {
		case p.Index != nil:
			i := *p.Index
			if i < 0 {
				i += len(r.Messages)
			}
			if i >= 0 && i < len(r.Messages) {
				mark(&r.Messages[i])
			}
		case p.Role == "system":
			if s, ok := r.System.(string); ok && s != "" {
				r.System = []anBlock{{Type: "text", Text: s, Cache: eph}}
			}
		case p.Role != "":
			for i := len(r.Messages) - 1; i >= 0; i-- {
				if r.Messages[i].Role == p.Role {
					mark(&r.Messages[i])
					break
				}
			}
		}
	}
}

type anSource struct {
	Type      string `json:"type"`
	MediaType string `json:"media_type,omitempty"`
	Data      string `json:"data,omitempty"`
	URL       string `json:"url,omitempty"`
}

type anTool struct {
	Name        string          `json:"name"`
	Description string          `json:"description,omitempty"`
	InputSchema json.RawMessage `json:"input_schema"`
}

type anResponse struct {
	ID         string    `json:"id"`
	Model      string    `json:"model"`
	Content    []anBlock `json:"content"`
	StopReason string    `json:"stop_reason"`
	Usage      anUsage   `json:"usage"`
}

type anUsage struct {
	InputTokens              int `json:"input_tokens"`
	OutputTokens             int `json:"output_tokens"`
	CacheCreationInputTokens int `json:"cache_creation_input_tokens,omitempty"`
	CacheReadInputTokens     int `json:"cache_read_input_tokens,omitempty"`
}

// ToAnthropic translates an OpenAI chat completion request body into a
// Messages API request for model, with prompt-cache marks at points.
func ToAnthropic(body []byte, model string, points ...CachePoint) ([]byte, error) {
	var in oaRequest
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("read chat request: %w", err)
	}
	out := anRequest{Model: model, Temperature: in.Temperature, TopP: in.TopP, Stream: in.Stream, MaxTokens: defaultMaxTokens}
	if in.MaxCompletionTokens != nil {
		out.MaxTokens = *in.MaxCompletionTokens
	} else if in.MaxTokens != nil {
		out.MaxTokens = *in.MaxTokens
	}
	if in.User != "" {
		out.Metadata = &anMetadata{UserID: in.User}
	}
	if len(in.Stop) > 0 && string(in.Stop) != "null" {
		var one string
		if json.Unmarshal(in.Stop, &one) == nil {
			out.StopSequences = []string{one}
		} else if err := json.Unmarshal(in.Stop, &out.StopSequences); err != nil {
			return nil, fmt.Errorf("stop must be a string or a list of strings")
		}
	}
	var system []string
	for i, m := range in.Messages {
		switch m.Role {
		case "system", "developer":
			txt, err := textOf(m.Content)
			if err != nil {
				return nil, fmt.Errorf("messages[%d].content: %w", i, err)
			}
			system = append(system, txt)
		case "user", "assistant":
			blocks, err := contentBlocks(m.Content)
			if err != nil {
				return nil, fmt.Errorf("messages[%d].content: %w", i, err)
			}
			for _, tc := range m.ToolCalls {
				input := json.RawMessage(tc.Function.Arguments)
				if strings.TrimSpace(tc.Function.Arguments) == "" {
					input = json.RawMessage("{}")
				} else if !json.Valid(input) {
					return nil, fmt.Errorf("messages[%d].tool_calls: arguments of %s are not JSON", i, tc.Function.Name)
				}
				blocks = append(blocks, anBlock{Type: "tool_use", ID: tc.ID, Name: tc.Function.Name, Input: input})
			}
			out.Messages = appendMessage(out.Messages, m.Role, blocks)
		case "tool":
			txt, err := textOf(m.Content)
			if err != nil {
				return nil, fmt.Errorf("messages[%d].content: %w", i, err)
			}
			out.Messages = appendMessage(out.Messages, "user", []anBlock{{Type: "tool_result", ToolUseID: m.ToolCallID, Content: txt}})
		default:
			return nil, fmt.Errorf("messages[%d].role %q is not supported", i, m.Role)
		}
	}
	if len(system) > 0 {
		out.System = strings.Join(system, "\n\n")
	}
	for _, t := range in.Tools {
		schema := t.Function.Parameters
		if len(schema) == 0 || string(schema) == "null" {
			schema = json.RawMessage(`{"type":"object","properties":{}}`)
		}
		out.Tools = append(out.Tools, anTool{Name: t.Function.Name, Description: t.Function.Description, InputSchema: schema})
	}
	if len(in.ToolChoice) > 0 && string(in.ToolChoice) != "null" {
		tc, err := toolChoice(in.ToolChoice)
		if err != nil {
			return nil, err
		}
		out.ToolChoice = tc
	}
	injectCache(&out, points)
	return json.Marshal(out)
}

func toolChoice(raw json.RawMessage) (map[string]any, error) {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		switch s {
		case "auto":
			return map[string]any{"type": "auto"}, nil
		case "required":
			return map[string]any{"type": "any"}, nil
		case "none":
			return map[string]any{"type": "none"}, nil
		}
		return nil, fmt.Errorf("tool_choice %q is not supported", s)
	}
	var named struct {
		Function struct {
			Name string `json:"name"`
		} `json:"function"`
	}
	if err := json.Unmarshal(raw, &named); err != nil || named.Function.Name == "" {
		return nil, fmt.Errorf("tool_choice must be auto, required, none or {type:function,function:{name}}")
	}
	return map[string]any{"type": "tool", "name": named.Function.Name}, nil
}

// appendMessage merges consecutive turns of one role: Anthropic wants them alternating.
func appendMessage(ms []anMessage, role string, blocks []anBlock) []anMessage {
	if len(blocks) == 0 {
		return ms
	}
	if n := len(ms); n > 0 && ms[n-1].Role == role {
		ms[n-1].Content = append(ms[n-1].Content, blocks...)
		return ms
	}
	return append(ms, anMessage{Role: role, Content: blocks})
}

type oaPart struct {
	Type     string `json:"type"`
	Text     string `json:"text"`
	ImageURL struct {
		URL string `json:"url"`
	} `json:"image_url"`
}

func textOf(raw json.RawMessage) (string, error) {
	blocks, err := contentBlocks(raw)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, bl := range blocks {
		b.WriteString(bl.Text)
	}
	return b.String(), nil
}

func contentBlocks(raw json.RawMessage) ([]anBlock, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if s == "" {
			return nil, nil
		}
		return []anBlock{{Type: "text", Text: s}}, nil
	}
	var parts []oaPart
	if err := json.Unmarshal(raw, &parts); err != nil {
		return nil, fmt.Errorf("must be a string or a list of content parts")
	}
	var out []anBlock
	for _, p := range parts {
		switch p.Type {
		case "text":
			out = append(out, anBlock{Type: "text", Text: p.Text})
		case "image_url":
			src, err := imageSource(p.ImageURL.URL)
			if err != nil {
				return nil, err
			}
			out = append(out, anBlock{Type: "image", Source: src})
		default:
			return nil, fmt.Errorf("content part type %q is not supported", p.Type)
		}
	}
	return out, nil
}

func imageSource(u string) (*anSource, error) {
	if rest, ok := strings.CutPrefix(u, "data:"); ok {
		meta, data, ok := strings.Cut(rest, ",")
		mt, isB64 := strings.CutSuffix(meta, ";base64")
		if !ok || !isB64 {
			return nil, fmt.Errorf("image data URL must be base64")
		}
		if _, err := base64.StdEncoding.DecodeString(data); err != nil {
			return nil, fmt.Errorf("image data URL is not valid base64")
		}
		return &anSource{Type: "base64", MediaType: mt, Data: data}, nil
	}
	if strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://") {
		return &anSource{Type: "url", URL: u}, nil
	}
	return nil, fmt.Errorf("image_url must be a data: or http(s) URL")
}

var finishReasons = map[string]string{"end_turn": "stop", "stop_sequence": "stop", "max_tokens": "length", "tool_use": "tool_calls", "pause_turn": "stop", "refusal": "content_filter"}

func finishReason(s string) string {
	if f, ok := finishReasons[s]; ok {
		return f
	}
	return "stop"
}

// FromAnthropic translates a Messages API response into an OpenAI chat completion.
func FromAnthropic(body []byte) ([]byte, error) {
	var in anResponse
	if err := json.Unmarshal(body, &in); err != nil {
		return nil, fmt.Errorf("read Anthropic response: %w", err)
	}
	var text, thinking strings.Builder
	var calls []oaToolCall
	for _, b := range in.Content {
		switch b.Type {
		case "text":
			text.WriteString(b.Text)
		case "thinking":
			thinking.WriteString(b.Thinking)
		case "tool_use":
			tc := oaToolCall{ID: b.ID, Type: "function"}
			tc.Function.Name = b.Name
			tc.Function.Arguments = string(b.Input)
			if tc.Function.Arguments == "" {
				tc.Function.Arguments = "{}"
			}
			calls = append(calls, tc)
		}
	}
	msg := map[string]any{"role": "assistant", "content": nil}
	if text.Len() > 0 || len(calls) == 0 {
		msg["content"] = text.String()
	}
	if len(calls) > 0 {
		msg["tool_calls"] = calls
	}
	if thinking.Len() > 0 {
		msg["reasoning_content"] = thinking.String()
	}
	out := map[string]any{
		"id": "chatcmpl-" + in.ID, "object": "chat.completion", "created": time.Now().Unix(), "model": in.Model,
		"choices": []any{map[string]any{"index": 0, "message": msg, "finish_reason": finishReason(in.StopReason)}},
		"usage":   usage(in.Usage),
	}
	return json.Marshal(out)
}

func usage(u anUsage) map[string]any {
	prompt := u.InputTokens + u.CacheCreationInputTokens + u.CacheReadInputTokens
	m := map[string]any{"prompt_tokens": prompt, "completion_tokens": u.OutputTokens, "total_tokens": prompt + u.OutputTokens}
	if u.CacheReadInputTokens > 0 {
		m["prompt_tokens_details"] = map[string]any{"cached_tokens": u.CacheReadInputTokens}
	}
	return m
}

// anthropicError turns an Anthropic error body into OpenAI's shape.
func anthropicError(status int, body []byte) []byte {
	var in struct {
		Error struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"error"`
	}
	msg := strings.TrimSpace(string(body))
	typ := "upstream_error"
	if json.Unmarshal(body, &in) == nil && in.Error.Message != "" {
		msg, typ = in.Error.Message, in.Error.Type
	}
	if len(msg) > 512 {
		msg = msg[:512]
	}
	b, _ := json.Marshal(map[string]any{"error": map[string]any{"message": "anthropic: " + msg, "type": typ, "param": nil, "code": fmt.Sprint(status)}})
	return b
}

// forwardAnthropic sends a chat request to the Messages API and returns an
// OpenAI-shaped response (translated on the fly when streaming).
func (gw *Gateway) forwardAnthropic(ctx context.Context, rt *route, model string, body []byte, kind string, req request) (*http.Response, error) {
	if kind != "/chat/completions" {
		return nil, &apiError{Status: http.StatusBadRequest, Type: "invalid_request_error", Code: "unsupported_endpoint",
			Message: "model " + quote(rt.name) + " is an Anthropic model: it serves /v1/chat/completions only, not /v1" + kind}
	}
	ab, err := ToAnthropic(body, model, rt.cachePoints...)
	if err != nil {
		return nil, errBadRequest(err.Error())
	}
	up, err := http.NewRequestWithContext(ctx, http.MethodPost, rt.endpoint(kind), bytes.NewReader(ab))
	if err != nil {
		return nil, err
	}
	up.Header = http.Header{"Content-Type": {"application/json"}, "X-Api-Key": {rt.apiKey}, "Anthropic-Version": {anthropicVersion}}
	resp, err := gw.client.Do(up)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		return synthetic(resp.StatusCode, "application/json", anthropicError(resp.StatusCode, data)), nil
	}
	if !req.stream {
		data, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		out, err := FromAnthropic(data)
		if err != nil {
			return nil, err
		}
		return synthetic(resp.StatusCode, "application/json", out), nil
	}
	pr, pw := io.Pipe()
	go func() {
		defer resp.Body.Close()
		pw.CloseWithError(TranslateAnthropicStream(resp.Body, pw))
	}()
	return &http.Response{StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"text/event-stream"}, "Cache-Control": {"no-cache"}}, Body: pr}, nil
}

func synthetic(status int, ctype string, body []byte) *http.Response {
	return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {ctype}, "Content-Length": {fmt.Sprint(len(body))}},
		Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body))}
}

// TranslateAnthropicStream reads Messages API SSE events from r and writes
// OpenAI chat.completion.chunk events to w, ending with data: [DONE]. Each
// event is written with one Write, so a relay flushing per read sends each
// chunk as it comes.
func TranslateAnthropicStream(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 8<<20)
	st := &streamState{created: time.Now().Unix(), tools: map[int]int{}}
	for sc.Scan() {
		line := sc.Bytes()
		data, ok := bytes.CutPrefix(line, []byte("data:"))
		if !ok {
			continue // event: lines repeat the type that data carries
		}
		done, err := st.event(bytes.TrimSpace(data), w)
		if err != nil || done {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read Anthropic stream: %w", err)
	}
	return fmt.Errorf("anthropic stream ended before message_stop")
}

type streamState struct {
	id, model string
	created   int64
	tools     map[int]int // content block index → tool_calls index
	usage     anUsage
}

func (st *streamState) chunk(w io.Writer, delta map[string]any, finish any, extra map[string]any) error {
	c := map[string]any{"id": st.id, "object": "chat.completion.chunk", "created": st.created, "model": st.model,
		"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}}}
	for k, v := range extra {
		c[k] = v
	}
	b, err := json.Marshal(c)
	if err != nil {
		return err
	}
	buf := make([]byte, 0, len(b)+8)
	buf = append(append(append(buf, "data: "...), b...), "\n\n"...)
	_, err = w.Write(buf)
	return err
}

func (st *streamState) event(data []byte, w io.Writer) (done bool, err error) {
	var ev struct {
		Type    string `json:"type"`
		Index   int    `json:"index"`
		Message struct {
			ID    string  `json:"id"`
			Model string  `json:"model"`
			Usage anUsage `json:"usage"`
		} `json:"message"`
		ContentBlock anBlock `json:"content_block"`
		Delta        struct {
			Type        string `json:"type"`
			Text        string `json:"text"`
			PartialJSON string `json:"partial_json"`
			Thinking    string `json:"thinking"`
			StopReason  string `json:"stop_reason"`
		} `json:"delta"`
		Usage anUsage `json:"usage"`
		Error struct {
			Type    string `json:"type"`
			Message string `json:"message"`
		} `json:"error"`
	}
	if err := json.Unmarshal(data, &ev); err != nil {
		return false, fmt.Errorf("read Anthropic stream event: %w", err)
	}
	switch ev.Type {
	case "message_start":
		st.id, st.model, st.usage = "chatcmpl-"+ev.Message.ID, ev.Message.Model, ev.Message.Usage
		return false, st.chunk(w, map[string]any{"role": "assistant", "content": ""}, nil, nil)
	case "content_block_start":
		if ev.ContentBlock.Type == "tool_use" {
			i := len(st.tools)
			st.tools[ev.Index] = i
			return false, st.chunk(w, map[string]any{"tool_calls": []any{map[string]any{"index": i, "id": ev.ContentBlock.ID, "type": "function",
				"function": map[string]any{"name": ev.ContentBlock.Name, "arguments": ""}}}}, nil, nil)
		}
	case "content_block_delta":
		switch ev.Delta.Type {
		case "text_delta":
			return false, st.chunk(w, map[string]any{"content": ev.Delta.Text}, nil, nil)
		case "thinking_delta":
			return false, st.chunk(w, map[string]any{"reasoning_content": ev.Delta.Thinking}, nil, nil)
		case "input_json_delta":
			return false, st.chunk(w, map[string]any{"tool_calls": []any{map[string]any{"index": st.tools[ev.Index],
				"function": map[string]any{"arguments": ev.Delta.PartialJSON}}}}, nil, nil)
		}
	case "message_delta":
		st.usage.OutputTokens = ev.Usage.OutputTokens
		if ev.Usage.InputTokens > 0 {
			st.usage.InputTokens = ev.Usage.InputTokens
		}
		return false, st.chunk(w, map[string]any{}, finishReason(ev.Delta.StopReason), map[string]any{"usage": usage(st.usage)})
	case "message_stop":
		_, err := io.WriteString(w, "data: [DONE]\n\n")
		return true, err
	case "error":
		b, _ := json.Marshal(map[string]any{"error": map[string]any{"message": "anthropic: " + ev.Error.Message, "type": ev.Error.Type}})
		_, err := w.Write(append(append([]byte("data: "), b...), "\n\n"...))
		if err != nil {
			return true, err
		}
		return true, nil
	}
	return false, nil
}
