// Package models manages a data dir's model configuration the way SPEC §6's
// table says: every change is made to the source of truth first
// (<data-dir>/llm/models.yaml, LiteLLM format), then to the live router of a
// running gateway through its admin API; when no gateway answers, the change
// simply applies at its next start.
package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
)

// Default models of the cloud providers (as obol-stack's setup uses them).
const (
	DefaultOpenAIModel    = "gpt-5.5"
	DefaultAnthropicModel = "claude-sonnet-4-6"
	DefaultOllamaURL      = "http://127.0.0.1:11434"
)

// Secret names the cloud providers' keys are stored under.
const (
	OpenAIKeyName    = "OPENAI_API_KEY"
	AnthropicKeyName = "ANTHROPIC_API_KEY"
)

// Dir is a data dir's model files.
type Dir struct{ Root string }

// Source is the source-of-truth config.
func (d Dir) Source() string { return filepath.Join(d.Root, "llm", "models.yaml") }

// Runtime is the gateway's writable runtime copy.
func (d Dir) Runtime() string { return filepath.Join(d.Root, "llm", "runtime.yaml") }

// Secrets is the NAME=value file (0600) holding provider keys.
func (d Dir) Secrets() string { return filepath.Join(d.Root, "secrets", "llm.env") }

// GatewayURLFile is written by a running `obol gateway` with its root URL.
func (d Dir) GatewayURLFile() string { return filepath.Join(d.Root, "llm", "gateway.url") }

// starter is the source config written on first use: keys LiteLLM knows
// and obol keeps.
const starter = `# obol model gateway: LiteLLM-compatible config. List order is preference
# order: the first model is the agents' default. Edit with ` + "`obol model ...`" + `
# or by hand; the gateway copies it to runtime.yaml at start.
model_list: []
litellm_settings:
  drop_params: true
`

// Load reads the source config, or the starter config when there is none.
func (d Dir) Load() (*config.Config, error) {
	data, err := os.ReadFile(d.Source())
	if errors.Is(err, os.ErrNotExist) {
		data = []byte(starter)
	} else if err != nil {
		return nil, fmt.Errorf("read model config: %w", err)
	}
	return config.Parse(d.Source(), data)
}

// SetSecret stores NAME=value in the secrets file, replacing an older value.
func (d Dir) SetSecret(name, value string) error {
	if !regexp.MustCompile(`^[A-Z_][A-Z0-9_]*$`).MatchString(name) || strings.ContainsAny(value, "\n\r") {
		return fmt.Errorf("store secret: bad name %q or value", name)
	}
	old, err := os.ReadFile(d.Secrets())
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("read secrets: %w", err)
	}
	var lines []string
	for _, ln := range strings.Split(string(old), "\n") {
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(strings.TrimSpace(ln), name+"=") {
			continue
		}
		lines = append(lines, ln)
	}
	lines = append(lines, name+"="+value)
	return atomicfile.Write(d.Secrets(), []byte(strings.Join(lines, "\n")+"\n"), 0o600)
}

// Secret reads one stored secret ("" when absent).
func (d Dir) Secret(name string) string {
	b, err := os.ReadFile(d.Secrets())
	if err != nil {
		return ""
	}
	return llm.ParseSecrets(b)[name]
}

// OllamaDeployments lists the models of an Ollama server (GET /api/tags) as
// entries, or just model when given. ":latest" is dropped from public names.
func OllamaDeployments(ctx context.Context, endpoint, model string) ([]config.Deployment, error) {
	if endpoint == "" {
		endpoint = DefaultOllamaURL
	}
	endpoint = strings.TrimSuffix(strings.TrimRight(endpoint, "/"), "/v1")
	names := []string{}
	if model != "" {
		names = append(names, model)
	} else {
		tags, err := ollamaTags(ctx, endpoint)
		if err != nil {
			return nil, err
		}
		if len(tags) == 0 {
			return nil, fmt.Errorf("ollama at %s has no models: pull one (`ollama pull qwen3.5:4b`) or pass --model", endpoint)
		}
		names = tags
	}
	out := make([]config.Deployment, 0, len(names))
	for _, n := range names {
		out = append(out, config.Deployment{ModelName: strings.TrimSuffix(n, ":latest"),
			Params: map[string]any{"model": "ollama_chat/" + n, "api_base": endpoint}})
	}
	return out, nil
}

func ollamaTags(ctx context.Context, endpoint string) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, endpoint+"/api/tags", nil)
	if err != nil {
		return nil, fmt.Errorf("ollama endpoint %q: %w", endpoint, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("ollama is not running at %s (%v): start it with `ollama serve` or pass --endpoint", endpoint, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("ollama at %s answered %d to /api/tags", endpoint, resp.StatusCode)
	}
	var tags struct {
		Models []struct {
			Name string `json:"name"`
		} `json:"models"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 4<<20)).Decode(&tags); err != nil {
		return nil, fmt.Errorf("read ollama model list: %w", err)
	}
	var out []string
	for _, m := range tags.Models {
		out = append(out, m.Name)
	}
	return out, nil
}

// CloudDeployment is the entry for an OpenAI or Anthropic model whose key is
// stored as the secret keyName.
func CloudDeployment(provider, model, endpoint string) (config.Deployment, string, error) {
	var keyName, prefix string
	switch provider {
	case "openai":
		keyName, prefix = OpenAIKeyName, "openai/"
		if model == "" {
			model = DefaultOpenAIModel
		}
	case "anthropic":
		keyName, prefix = AnthropicKeyName, "anthropic/"
		if model == "" {
			model = DefaultAnthropicModel
		}
	default:
		return config.Deployment{}, "", fmt.Errorf("provider %q is not a cloud provider", provider)
	}
	d := config.Deployment{ModelName: model, Params: map[string]any{"model": prefix + model, "api_key": config.EnvPrefix + keyName}}
	if endpoint != "" {
		d.Params["api_base"] = endpoint
	}
	return d, keyName, nil
}

// CustomDeployment is the entry for an OpenAI-compatible endpoint (its
// base URL including /v1). A key is referenced through keyName when set.
func CustomDeployment(endpoint, model, keyName string, disableThinking bool) config.Deployment {
	d := config.Deployment{ModelName: model, Params: map[string]any{"model": "openai/" + model, "api_base": strings.TrimRight(endpoint, "/"), "api_key": "none"}}
	if keyName != "" {
		d.Params["api_key"] = config.EnvPrefix + keyName
	}
	if disableThinking {
		d.Info = map[string]any{"disable_thinking": true}
	}
	return d
}

// CustomKeyName is the secret name for a custom endpoint's key.
func CustomKeyName(model string) string {
	up := strings.ToUpper(regexp.MustCompile(`[^A-Za-z0-9]+`).ReplaceAllString(model, "_"))
	return "CUSTOM_" + strings.Trim(up, "_") + "_API_KEY"
}

// Live is the live side of a change.
type Live struct {
	Admin *llm.AdminClient
}

// LiveResult says what happened to the running gateway.
type LiveResult struct {
	Applied bool   `json:"applied"`
	How     string `json:"how"`              // "model/new", "model/delete", "prefer", "reload" or "next start"
	Detail  string `json:"detail,omitempty"` // why it was not applied live
}

// reachable reports whether a gateway answers its health check.
func (l Live) reachable(ctx context.Context) bool {
	if l.Admin == nil || l.Admin.BaseURL == "" {
		return false
	}
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(l.Admin.BaseURL, "/")+"/health/liveliness", nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func notRunning(l Live) LiveResult {
	u := ""
	if l.Admin != nil {
		u = l.Admin.BaseURL
	}
	return LiveResult{How: "next start", Detail: "no gateway answered at " + u + ": the change applies when it starts"}
}

// Upsert replaces (or adds) deployments in the live router: delete the old
// entries of each name, then /model/new. When that fails, reload from the
// source (the restart fallback).
func (l Live) Upsert(ctx context.Context, ds []config.Deployment) LiveResult {
	if !l.reachable(ctx) {
		return notRunning(l)
	}
	for _, d := range ds {
		if _, err := l.Admin.DeleteModelName(ctx, d.ModelName); err == nil {
			_, err = l.Admin.AddModel(ctx, d)
			if err == nil {
				continue
			}
		}
		if err := l.Admin.Reload(ctx); err != nil {
			return LiveResult{How: "reload", Detail: err.Error()}
		}
		return LiveResult{Applied: true, How: "reload"}
	}
	return LiveResult{Applied: true, How: "model/new"}
}

// Remove deletes a model name from the live router.
func (l Live) Remove(ctx context.Context, name string) LiveResult {
	if !l.reachable(ctx) {
		return notRunning(l)
	}
	if _, err := l.Admin.DeleteModelName(ctx, name); err != nil {
		return LiveResult{How: "model/delete", Detail: err.Error() + " (the model goes at the next start)"}
	}
	return LiveResult{Applied: true, How: "model/delete"}
}

// Prefer reorders the live list.
func (l Live) Prefer(ctx context.Context, names []string) LiveResult {
	if !l.reachable(ctx) {
		return notRunning(l)
	}
	if err := l.Admin.Prefer(ctx, names); err != nil {
		return LiveResult{How: "prefer", Detail: err.Error()}
	}
	return LiveResult{Applied: true, How: "prefer"}
}

// Reload makes the gateway rebuild from the source (new provider keys).
func (l Live) Reload(ctx context.Context) LiveResult {
	if !l.reachable(ctx) {
		return notRunning(l)
	}
	if err := l.Admin.Reload(ctx); err != nil {
		return LiveResult{How: "reload", Detail: err.Error()}
	}
	return LiveResult{Applied: true, How: "reload"}
}

// Drift compares the source's model names with the live router's.
type Drift struct {
	Reachable bool     `json:"reachable"`
	Missing   []string `json:"missing"` // in the source, not live (hot-add failed)
	Extra     []string `json:"extra"`   // live, not in the source (added through the admin API only)
}

// Status compares the source config with the running gateway.
func (l Live) Status(ctx context.Context, src *config.Config) Drift {
	dr := Drift{Missing: []string{}, Extra: []string{}}
	if !l.reachable(ctx) {
		return dr
	}
	live, err := l.Admin.ModelInfo(ctx)
	if err != nil {
		return dr
	}
	dr.Reachable = true
	liveNames, srcNames := map[string]bool{}, map[string]bool{}
	for _, m := range live {
		liveNames[m.ModelName] = true
	}
	for _, d := range src.Deployments() {
		srcNames[d.ModelName] = true
		if !liveNames[d.ModelName] && !slices.Contains(dr.Missing, d.ModelName) {
			dr.Missing = append(dr.Missing, d.ModelName)
		}
	}
	for _, m := range live {
		if implicit, _ := m.Info["implicit"].(bool); implicit {
			continue // the gateway's built-in paid/* and ollama/* routes
		}
		if !srcNames[m.ModelName] && !slices.Contains(dr.Extra, m.ModelName) {
			dr.Extra = append(dr.Extra, m.ModelName)
		}
	}
	return dr
}
