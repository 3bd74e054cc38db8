package config

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// full is a LiteLLM config using sections and keys the gateway does not model.
const full = `# a comment that should survive
model_list:
  - model_name: qwen3.5:9b
    litellm_params:
      model: ollama_chat/qwen3.5:9b
      api_base: http://127.0.0.1:11434
      rpm: 60
    model_info:
      mode: chat
      input_cost_per_token: 0.0
  - model_name: claude-sonnet-4-6
    litellm_params:
      model: claude-sonnet-4-6
      api_key: os.environ/ANTHROPIC_API_KEY
      cache_control_injection_points:
        - location: message
          role: system
  - model_name: "paid/*"
    litellm_params: {model: "openai/*", api_base: "http://127.0.0.1:8402/v1", api_key: unused}
router_settings:
  routing_strategy: simple-shuffle
  num_retries: 2
  timeout: 30
  fallbacks:
    - qwen3.5:9b: [claude-sonnet-4-6]
  redis_host: null
litellm_settings:
  drop_params: true
  cache: false
general_settings:
  master_key: os.environ/LITELLM_MASTER_KEY
environment_variables:
  FOO: bar
`

func mustParse(t *testing.T, s string) *Config {
	t.Helper()
	c, err := Parse("test.yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestParseFull(t *testing.T) {
	c := mustParse(t, full)
	var names []string
	for _, d := range c.Deployments() {
		names = append(names, d.ModelName)
		if d.ID() == "" {
			t.Errorf("%s has no id", d.ModelName)
		}
	}
	if diff := cmp.Diff([]string{"qwen3.5:9b", "claude-sonnet-4-6", "paid/*"}, names); diff != "" {
		t.Error(diff)
	}
	want := Router{NumRetries: 2, Timeout: 30, Fallbacks: map[string][]string{"qwen3.5:9b": {"claude-sonnet-4-6"}}}
	if diff := cmp.Diff(want, c.Router()); diff != "" {
		t.Errorf("router (-want +got):\n%s", diff)
	}
	if c.MasterKey() != "os.environ/LITELLM_MASTER_KEY" {
		t.Errorf("master key %q", c.MasterKey())
	}
	// Ids are stable across parses (a restart keeps them).
	if a, b := c.Deployments()[0].ID(), mustParse(t, full).Deployments()[0].ID(); a != b {
		t.Errorf("ids differ between parses: %s %s", a, b)
	}
}

func TestEditsKeepUnknownKeys(t *testing.T) {
	c := mustParse(t, full)
	if err := c.Add(Deployment{ModelName: "new", Params: map[string]any{"model": "openai/new", "api_base": "http://127.0.0.1:1/v1"}}); err != nil {
		t.Fatal(err)
	}
	if n, err := c.RemoveName("qwen3.5:9b"); err != nil || n != 1 {
		t.Fatalf("remove: %d %v", n, err)
	}
	if changed, err := c.Prefer([]string{"new"}); err != nil || !changed {
		t.Fatalf("prefer: %v %v", changed, err)
	}
	out, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	for _, keep := range []string{"# a comment that should survive", "cache_control_injection_points", "routing_strategy: simple-shuffle",
		"redis_host", "environment_variables", "FOO: bar", "drop_params: true", "master_key: os.environ/LITELLM_MASTER_KEY"} {
		if !strings.Contains(string(out), keep) {
			t.Errorf("rewrite lost %q:\n%s", keep, out)
		}
	}
	var names []string
	for _, d := range mustParse(t, string(out)).Deployments() {
		names = append(names, d.ModelName)
	}
	if diff := cmp.Diff([]string{"new", "claude-sonnet-4-6", "paid/*"}, names); diff != "" {
		t.Errorf("order after edits (-want +got):\n%s", diff)
	}
}

func TestUpsertAndRemoveID(t *testing.T) {
	c := mustParse(t, "model_list:\n  - {model_name: a, litellm_params: {model: openai/a, api_base: 'http://h/v1'}}\n  - {model_name: b, litellm_params: {model: openai/b, api_base: 'http://h/v1'}}\n")
	replaced, err := c.Upsert(Deployment{ModelName: "a", Params: map[string]any{"model": "openai/a2", "api_base": "http://h/v1"}})
	if err != nil || !replaced {
		t.Fatalf("upsert: %v %v", replaced, err)
	}
	ds := c.Deployments()
	if ds[0].Model() != "openai/a2" || len(ds) != 2 {
		t.Fatalf("after upsert: %+v", ds)
	}
	found, err := c.RemoveID(ds[1].ID())
	if err != nil || !found || len(c.Deployments()) != 1 {
		t.Fatalf("remove id: %v %v %d", found, err, len(c.Deployments()))
	}
	if found, _ := c.RemoveID("nope"); found {
		t.Error("removed an unknown id")
	}
}

func TestPreferErrors(t *testing.T) {
	c := mustParse(t, full)
	before, _ := c.Marshal()
	for _, names := range [][]string{{"nope"}, {"paid/*", "paid/*"}, {}} {
		if _, err := c.Prefer(names); err == nil {
			t.Errorf("prefer %v succeeded", names)
		}
	}
	if changed, err := c.Prefer([]string{"qwen3.5:9b"}); err != nil || changed {
		t.Errorf("prefer of the head: changed=%v err=%v", changed, err)
	}
	after, _ := c.Marshal()
	if string(before) != string(after) {
		t.Error("failed prefer changed the config")
	}
}

func TestEqual(t *testing.T) {
	reordered := `general_settings: {master_key: "os.environ/LITELLM_MASTER_KEY"}
environment_variables: {FOO: bar}
litellm_settings: {cache: false, drop_params: true}
router_settings:
  redis_host: ~
  fallbacks: [{"qwen3.5:9b": ["claude-sonnet-4-6"]}]
  timeout: 30.0
  num_retries: 2
  routing_strategy: "simple-shuffle"
model_list:
  - litellm_params: {api_base: "http://127.0.0.1:11434", model: "ollama_chat/qwen3.5:9b", rpm: 60}
    model_name: "qwen3.5:9b"
    model_info: {input_cost_per_token: 0, mode: chat}
  - model_name: claude-sonnet-4-6
    litellm_params:
      api_key: os.environ/ANTHROPIC_API_KEY
      model: claude-sonnet-4-6
      cache_control_injection_points: [{role: system, location: message}]
  - {model_name: "paid/*", litellm_params: {model: "openai/*", api_base: "http://127.0.0.1:8402/v1", api_key: unused}}
`
	tests := []struct {
		name string
		b    string
		want bool
	}{
		{"formatting and key order", reordered, true},
		{"list order matters", strings.Replace(full, "qwen3.5:9b: [claude-sonnet-4-6]", "qwen3.5:9b: [paid/*]", 1), false},
		{"a value differs", strings.Replace(full, "rpm: 60", "rpm: 61", 1), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Equal([]byte(full), []byte(tc.b))
			if err != nil || got != tc.want {
				t.Errorf("Equal = %v, %v; want %v", got, err, tc.want)
			}
		})
	}
	if _, err := Equal([]byte(full), []byte("a: [")); err == nil {
		t.Error("Equal of a broken file did not fail")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"top level list", "- a\n", "test.yaml:1: (top level) must be a mapping"},
		{"model_list not a list", "model_list: {a: 1}\n", "test.yaml:1: model_list must be a list"},
		{"item not a mapping", "model_list:\n  - just-a-name\n", "test.yaml:2: model_list[0] must be a mapping"},
		{"empty model_name", "model_list:\n  - model_name: ''\n    litellm_params: {model: openai/x}\n", "test.yaml:2: model_list[0].model_name is empty"},
		{"extra_body not a map", "model_list:\n  - model_name: a\n    litellm_params: {model: openai/x, extra_body: 3}\n", "model_list[0].litellm_params.extra_body must be a mapping"},
		{"bad timeout", "model_list:\n  - model_name: a\n    litellm_params: {model: openai/x, timeout: -1}\n", "litellm_params.timeout must be a positive number"},
		{"bad disable_thinking", "model_list:\n  - model_name: a\n    litellm_params: {model: openai/x}\n    model_info: {disable_thinking: maybe}\n", "model_info.disable_thinking must be true or false"},
		{"bad fallbacks", "router_settings:\n  fallbacks: 3\n", "test.yaml:2: router_settings.fallbacks must be a list"},
		{"bad master key", "general_settings:\n  master_key: [a]\n", "general_settings.master_key must be a string"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("test.yaml", []byte(tc.yaml))
			var fe *FieldError
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want a FieldError containing %q", err, tc.want)
			}
		})
	}
}

func TestRedacted(t *testing.T) {
	d := Deployment{ModelName: "a", Params: map[string]any{"model": "openai/a", "api_key": "sk-real", "aws_secret": "s", "other_key": "os.environ/X"}}
	r := d.Redacted()
	want := map[string]any{"model": "openai/a", "api_key": "<redacted>", "aws_secret": "<redacted>", "other_key": "os.environ/X"}
	if diff := cmp.Diff(want, r.Params); diff != "" {
		t.Error(diff)
	}
	if d.Params["api_key"] != "sk-real" {
		t.Error("Redacted changed the original")
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(full))
	f.Add([]byte("model_list: []\n"))
	f.Add([]byte("model_list:\n  - model_name: a\n    litellm_params: {model: openai/x}\n"))
	f.Add([]byte("router_settings: {num_retries: 2, fallbacks: [{a: [b]}]}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yaml", data)
		if err != nil {
			return
		}
		out, err := c.Marshal()
		if err != nil {
			t.Fatalf("marshal of a parsed config failed: %v", err)
		}
		c2, err := Parse("again.yaml", out)
		if err != nil {
			t.Fatalf("own output does not parse: %v\n%s", err, out)
		}
		if len(c2.Deployments()) != len(c.Deployments()) {
			t.Fatalf("round trip changed the model count")
		}
	})
}
