package llm_test

import (
	"context"
	"encoding/json"
	"errors"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/openai/openai-go/v3"
	"github.com/openai/openai-go/v3/option"

	"github.com/obol-dev/obol/internal/llm/llmtest"
	"github.com/obol-dev/obol/internal/nodetest"
)

// TestOpenAINodeClient drives the gateway with the official openai npm
// client, against an OpenAI-compatible upstream and an Anthropic one.
func TestOpenAINodeClient(t *testing.T) {
	dir := nodetest.Dir(t, "openai")
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	an := llmtest.NewAnthropic(t, "sk-ant-node")
	s := startGateway(t, echoConfig(up, `  - model_name: claude
    litellm_params: {model: anthropic/claude-sonnet-4-6, api_base: `+an.URL+`, api_key: sk-ant-node}
`))
	for _, model := range []string{"echo", "claude"} {
		t.Run(model, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, "node", "openai-gateway.mjs", s.url+"/v1", masterKey, model)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("node openai-gateway.mjs: %v\n%s", err, out)
			}
			var got struct {
				Plain   string `json:"plain"`
				Unknown int    `json:"unknown"`
			}
			trimmed := strings.TrimSpace(string(out))
			if err := json.Unmarshal([]byte(trimmed[strings.LastIndexByte(trimmed, '\n')+1:]), &got); err != nil || got.Plain != "NODE_OK" || got.Unknown != 404 {
				t.Fatalf("unexpected output (%v): %s", err, out)
			}
		})
	}
}

// TestOpenAIGoClient drives the gateway with the official openai-go client.
func TestOpenAIGoClient(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	s := startGateway(t, echoConfig(up, ""))
	c := openai.NewClient(option.WithBaseURL(s.url+"/v1/"), option.WithAPIKey(masterKey), option.WithMaxRetries(0))
	ctx := context.Background()

	resp, err := c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "echo",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("Reply exactly: GO_OK")},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.Choices[0].Message.Content; got != "GO_OK" {
		t.Errorf("content %q", got)
	}

	stream := c.Chat.Completions.NewStreaming(ctx, openai.ChatCompletionNewParams{
		Model:    "echo",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("go stream words")},
	})
	acc := openai.ChatCompletionAccumulator{}
	for stream.Next() {
		acc.AddChunk(stream.Current())
	}
	if err := stream.Err(); err != nil {
		t.Fatal(err)
	}
	if got := acc.Choices[0].Message.Content; got != "echo: go stream words" {
		t.Errorf("streamed content %q", got)
	}

	tool := openai.ChatCompletionFunctionTool(openai.FunctionDefinitionParam{
		Name:       "lookup",
		Parameters: openai.FunctionParameters{"type": "object", "properties": map[string]any{"text": map[string]any{"type": "string"}}},
	})
	resp, err = c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{
		Model:    "echo",
		Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("call tool from go")},
		Tools:    []openai.ChatCompletionToolUnionParam{tool},
	})
	if err != nil {
		t.Fatal(err)
	}
	if tc := resp.Choices[0].Message.ToolCalls; len(tc) != 1 || tc[0].Function.Name != "lookup" || !strings.Contains(tc[0].Function.Arguments, "call tool from go") {
		t.Errorf("tool calls %+v", tc)
	}

	_, err = c.Chat.Completions.New(ctx, openai.ChatCompletionNewParams{Model: "missing", Messages: []openai.ChatCompletionMessageParamUnion{openai.UserMessage("x")}})
	var apiErr *openai.Error
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 || apiErr.Code != "model_not_found" {
		t.Errorf("unknown model: %v", err)
	}
}
