package llm_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/llmtest"
)

// TestOllamaReal routes through the gateway to a real Ollama built from
// source (make ollama) serving a tiny generated GGUF model.
func TestOllamaReal(t *testing.T) {
	o := llmtest.StartOllama(t)
	s := startGateway(t, fmt.Sprintf(`model_list:
  - model_name: local-tiny
    litellm_params:
      model: ollama_chat/%s
      api_base: %s
  - model_name: local-tiny-v1
    litellm_params:
      model: ollama/%s
      api_base: %s/v1
`, o.Model, o.URL, o.Model, o.URL))
	for _, model := range []string{"local-tiny", "local-tiny-v1"} {
		t.Run(model, func(t *testing.T) {
			code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"`+model+`","max_tokens":8,"temperature":0,"messages":[{"role":"user","content":"hello world"}]}`)
			if code != 200 {
				t.Fatalf("status %d: %s", code, b)
			}
			c := decodeChat(t, b)
			if c.Choices[0].Message.Content == nil || *c.Choices[0].Message.Content == "" || c.Usage.CompletionTokens == 0 {
				t.Errorf("no generated content from Ollama: %s", b)
			}
			code, b, _ = s.post(t, "/v1/chat/completions", `{"model":"`+model+`","stream":true,"max_tokens":8,"temperature":0,"messages":[{"role":"user","content":"hello world"}]}`)
			if code != 200 {
				t.Fatalf("stream status %d: %s", code, b)
			}
			content, _, finish := sseContent(t, b)
			if content == "" || finish == "" {
				t.Errorf("stream: content %q finish %q:\n%s", content, finish, b)
			}
		})
	}
}

func TestAnthropicTranslation(t *testing.T) {
	an := llmtest.NewAnthropic(t, "sk-ant-test")
	t.Setenv("OBOL_TEST_ANTHROPIC_KEY", "sk-ant-test")
	s := startGateway(t, fmt.Sprintf(`model_list:
  - model_name: claude
    litellm_params:
      model: anthropic/claude-sonnet-4-6
      api_base: %s
      api_key: os.environ/OBOL_TEST_ANTHROPIC_KEY
      cache_control_injection_points: [{location: message, role: user}]
`, an.URL))
	tools := `,"tools":[{"type":"function","function":{"name":"lookup","description":"find","parameters":{"type":"object","properties":{"text":{"type":"string"}}}}}],"tool_choice":"auto"`
	history := `{"role":"system","content":"be brief"},{"role":"user","content":"first"},{"role":"assistant","content":null,"tool_calls":[{"id":"toolu_0","type":"function","function":{"name":"lookup","arguments":"{\"text\":\"x\"}"}}]},{"role":"tool","tool_call_id":"toolu_0","content":"result"},`
	tests := []struct {
		name, body                       string
		stream                           bool
		wantContent, wantArgs, wantFinal string
	}{
		{name: "text", body: `{"model":"claude","messages":[` + history + `{"role":"user","content":"Reply exactly: ANT1"}]}`, wantContent: "ANT1", wantFinal: "stop"},
		{name: "text stream", stream: true, body: `{"model":"claude","stream":true,"messages":[{"role":"user","content":"hi there"}]}`, wantContent: "echo: hi there", wantFinal: "stop"},
		{name: "tool", body: `{"model":"claude","messages":[{"role":"user","content":"call tool x"}]` + tools + `}`, wantArgs: `{"text":"call tool x"}`, wantFinal: "tool_calls"},
		{name: "tool stream", stream: true, body: `{"model":"claude","stream":true,"messages":[{"role":"user","content":"call tool y"}]` + tools + `}`, wantArgs: `{"text":"call tool y"}`, wantFinal: "tool_calls"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, b, _ := s.post(t, "/v1/chat/completions", tc.body)
			if code != 200 {
				t.Fatalf("status %d: %s", code, b)
			}
			var content, args, finish string
			if tc.stream {
				content, args, finish = sseContent(t, b)
			} else {
				c := decodeChat(t, b)
				if c.Choices[0].Message.Content != nil {
					content = *c.Choices[0].Message.Content
				}
				if len(c.Choices[0].Message.ToolCalls) > 0 {
					args = c.Choices[0].Message.ToolCalls[0].Function.Arguments
				}
				finish = c.Choices[0].FinishReason
				if c.Usage.PromptTokens != 7 || c.Usage.CompletionTokens != 3 {
					t.Errorf("usage not translated: %+v", c.Usage)
				}
			}
			if diff := cmp.Diff([]string{tc.wantContent, tc.wantArgs, tc.wantFinal}, []string{content, args, finish}); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	// The history was translated into Anthropic's shape.
	var sent struct {
		System   string `json:"system"`
		Messages []struct {
			Role    string           `json:"role"`
			Content []map[string]any `json:"content"`
		} `json:"messages"`
	}
	code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"claude","messages":[`+history+`{"role":"user","content":"again"}]}`)
	if code != 200 {
		t.Fatalf("history: %d %s", code, b)
	}
	if err := json.Unmarshal(an.Last().Body, &sent); err != nil {
		t.Fatal(err)
	}
	var roles, kinds []string
	for _, m := range sent.Messages {
		roles = append(roles, m.Role)
		for _, c := range m.Content {
			kinds = append(kinds, c["type"].(string))
		}
	}
	if sent.System != "be brief" || strings.Join(roles, ",") != "user,assistant,user" || strings.Join(kinds, ",") != "text,tool_use,tool_result,text" {
		t.Errorf("translated request: system %q roles %v blocks %v", sent.System, roles, kinds)
	}
	if k := an.Last().Header.Get("X-Api-Key"); k != "sk-ant-test" {
		t.Errorf("x-api-key %q", k)
	}
	// Anthropic models serve chat only.
	if code, b, _ := s.post(t, "/v1/embeddings", `{"model":"claude","input":"x"}`); code != 400 {
		t.Errorf("embeddings on an Anthropic model: %d %s", code, b)
	}
}

func TestAnthropicMissingKey(t *testing.T) {
	an := llmtest.NewAnthropic(t, "sk-ant-test")
	s := startGateway(t, fmt.Sprintf(`model_list:
  - model_name: claude
    litellm_params: {model: anthropic/claude-x, api_base: %s, api_key: os.environ/OBOL_TEST_UNSET_KEY_VAR}
`, an.URL))
	code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"claude","messages":[{"role":"user","content":"hi"}]}`)
	if code != 500 || !strings.Contains(string(b), "OBOL_TEST_UNSET_KEY_VAR") {
		t.Errorf("got %d %s, want 500 naming the unset variable", code, b)
	}
}

func TestToAnthropicCacheControl(t *testing.T) {
	body := []byte(`{"model":"c","messages":[{"role":"system","content":"long rules"},{"role":"user","content":"a"},{"role":"assistant","content":"b"},{"role":"user","content":"c"}]}`)
	idx := 0
	out, err := llm.ToAnthropic(body, "claude-x", llm.CachePoint{Location: "message", Role: "system"}, llm.CachePoint{Location: "message", Role: "user"}, llm.CachePoint{Location: "message", Index: &idx})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		System []struct {
			Text  string         `json:"text"`
			Cache map[string]any `json:"cache_control"`
		} `json:"system"`
		Messages []struct {
			Role    string `json:"role"`
			Content []struct {
				Text  string         `json:"text"`
				Cache map[string]any `json:"cache_control"`
			} `json:"content"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var marked []string
	for _, m := range got.Messages {
		for _, c := range m.Content {
			if c.Cache["type"] == "ephemeral" {
				marked = append(marked, c.Text)
			}
		}
	}
	if len(got.System) != 1 || got.System[0].Cache["type"] != "ephemeral" || strings.Join(marked, ",") != "a,c" {
		t.Errorf("cache marks: system %+v, marked messages %v\n%s", got.System, marked, out)
	}
	plain, _ := llm.ToAnthropic(body, "claude-x")
	if strings.Contains(string(plain), "cache_control") || !strings.Contains(string(plain), `"system":"long rules"`) {
		t.Errorf("without points: %s", plain)
	}
}
