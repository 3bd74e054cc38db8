// Package config reads, checks and edits LiteLLM-compatible gateway config
// files (`model_list`, `router_settings`, `litellm_settings`,
// `general_settings`, ...) without losing what it does not model: the file is
// kept as a YAML node tree, edits touch only the `model_list` items they are
// about, and every other key (and comment) survives a rewrite.
package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// EnvPrefix marks a value that is read from the environment at load time,
// as in LiteLLM: `api_key: os.environ/OPENAI_API_KEY`.
const EnvPrefix = "os.environ/"

// Deployment is one `model_list` entry: a public model name and where it goes.
// Params and Info keep every key of the file, known or not.
type Deployment struct {
	ModelName string         `json:"model_name" yaml:"model_name"`
	Params    map[string]any `json:"litellm_params" yaml:"litellm_params"`
	Info      map[string]any `json:"model_info,omitempty" yaml:"model_info,omitempty"`
}

// Model is `litellm_params.model`, e.g. "openai/gpt-4.1".
func (d Deployment) Model() string { return str(d.Params, "model") }

// APIBase is `litellm_params.api_base` ("" when unset).
func (d Deployment) APIBase() string { return str(d.Params, "api_base") }

// APIKey is `litellm_params.api_key` as written (possibly an os.environ/ reference).
func (d Deployment) APIKey() string { return str(d.Params, "api_key") }

// ID is `model_info.id` ("" when unset; Config.Deployments fills it in).
func (d Deployment) ID() string { return str(d.Info, "id") }

// DisableThinking reports `model_info.disable_thinking: true`, obol's mark for
// models that must get `chat_template_kwargs.enable_thinking=false`.
func (d Deployment) DisableThinking() bool {
	b, _ := d.Info["disable_thinking"].(bool)
	return b
}

// Clone returns a deep copy, so callers can edit it without touching a snapshot.
func (d Deployment) Clone() Deployment {
	out := Deployment{ModelName: d.ModelName}
	if d.Params != nil {
		out.Params, _ = deepCopy(d.Params).(map[string]any)
	}
	if d.Info != nil {
		out.Info, _ = deepCopy(d.Info).(map[string]any)
	}
	return out
}

// Redacted returns a copy whose secrets are hidden: api_key and any param
// whose name ends in "key", "token" or "secret" become "<redacted>" unless
// they are an os.environ/ reference (which names a variable, not a secret).
func (d Deployment) Redacted() Deployment {
	out := d.Clone()
	for k, v := range out.Params {
		s, ok := v.(string)
		if !ok || !isSecretKey(k) || strings.HasPrefix(s, EnvPrefix) || s == "" {
			continue
		}
		out.Params[k] = "<redacted>"
	}
	return out
}

func isSecretKey(k string) bool {
	k = strings.ToLower(k)
	return strings.HasSuffix(k, "key") || strings.HasSuffix(k, "token") || strings.HasSuffix(k, "secret") ||
		strings.Contains(k, "password")
}

// Validate checks the fields the gateway needs; the error names the field.
func (d Deployment) Validate() error {
	if strings.TrimSpace(d.ModelName) == "" {
		return &FieldError{Field: "model_name", Msg: "is empty: give the public model name clients will send"}
	}
	if d.Params == nil {
		return &FieldError{Field: "litellm_params", Msg: "is missing: it must hold at least `model`"}
	}
	m, ok := d.Params["model"].(string)
	if !ok || strings.TrimSpace(m) == "" {
		return &FieldError{Field: "litellm_params.model", Msg: "must be a string like openai/<model>, ollama/<model> or anthropic/<model>"}
	}
	if _, _, err := SplitModel(m); err != nil {
		return &FieldError{Field: "litellm_params.model", Msg: err.Error()}
	}
	for _, k := range []string{"api_base", "api_key"} {
		if v, ok := d.Params[k]; ok && v != nil {
			if _, isStr := v.(string); !isStr {
				return &FieldError{Field: "litellm_params." + k, Msg: "must be a string"}
			}
		}
	}
	if v, ok := d.Params["extra_body"]; ok && v != nil {
		if _, isMap := v.(map[string]any); !isMap {
			return &FieldError{Field: "litellm_params.extra_body", Msg: "must be a mapping of request fields"}
		}
	}
	for _, k := range []string{"timeout", "stream_timeout"} {
		if v, ok := d.Params[k]; ok && v != nil {
			if f, isNum := Number(v); !isNum || f <= 0 {
				return &FieldError{Field: "litellm_params." + k, Msg: "must be a positive number of seconds"}
			}
		}
	}
	if v, ok := d.Info["disable_thinking"]; ok {
		if _, isBool := v.(bool); !isBool {
			return &FieldError{Field: "model_info.disable_thinking", Msg: "must be true or false"}
		}
	}
	return nil
}

// Providers lists the `litellm_params.model` prefixes the gateway serves and
// the protocol each speaks.
var providers = map[string]string{
	"openai":        "openai",
	"custom_openai": "openai",
	"hosted_vllm":   "openai",
	"vllm":          "openai",
	"lm_studio":     "openai",
	"llamacpp":      "openai",
	"openrouter":    "openai",
	"ollama":        "ollama",
	"ollama_chat":   "ollama",
	"anthropic":     "anthropic",
}

// SplitModel splits `litellm_params.model` into the protocol family
// ("openai", "ollama" or "anthropic"), the provider prefix as written, and
// the upstream model name. As in LiteLLM, a bare name is OpenAI's, except
// claude-* which is Anthropic's.
func SplitModel(m string) (family, upstream string, err error) {
	prefix, rest, ok := strings.Cut(m, "/")
	if !ok {
		if strings.HasPrefix(m, "claude") {
			return "anthropic", m, nil
		}
		return "openai", m, nil
	}
	fam, known := providers[prefix]
	if !known {
		names := make([]string, 0, len(providers))
		for k := range providers {
			names = append(names, k)
		}
		slices.Sort(names)
		return "", "", fmt.Errorf("provider %q is not supported (supported: %s)", prefix, strings.Join(names, ", "))
	}
	if rest == "" {
		return "", "", fmt.Errorf("%q names no model after the provider", m)
	}
	return fam, rest, nil
}

// Provider returns the prefix of `litellm_params.model` ("openai" for a bare name).
func Provider(m string) string {
	if prefix, _, ok := strings.Cut(m, "/"); ok {
		return prefix
	}
	if strings.HasPrefix(m, "claude") {
		return "anthropic"
	}
	return "openai"
}

// FieldError is a problem with one field of a config file.
type FieldError struct {
	File  string // file name, "" when not from a file
	Line  int    // 1-based, 0 when unknown
	Field string // path such as model_list[2].litellm_params.model
	Msg   string
}

func (e *FieldError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteByte(':')
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:", e.Line)
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	b.WriteString(e.Field)
	b.WriteString(" ")
	b.WriteString(e.Msg)
	return b.String()
}

// Router holds the router settings the gateway honours.
type Router struct {
	NumRetries int                 // retries inside a model group after a failure
	Timeout    float64             // seconds for one upstream attempt, 0 = none
	Fallbacks  map[string][]string // model group → groups to try next, in order
}

// Config is one parsed config file.
type Config struct {
	name   string
	doc    *yaml.Node // document node; the single source of what is written back
	models []Deployment
	lines  []int // line of each model_list item, for errors
	router Router
	master string
}

// ErrEmpty is returned by Parse for a file with no YAML document in it.
var ErrEmpty = errors.New("config is empty")

// Parse reads a config file. name is used in error messages only. An empty
// file is a valid config with no models.
func Parse(name string, data []byte) (*Config, error) {
	c := &Config{name: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	if doc.Kind == 0 {
		doc = yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &FieldError{File: name, Line: line(&doc), Field: "(top level)", Msg: "must be a mapping with model_list, router_settings, ..."}
	}
	c.doc = &doc
	if err := c.load(); err != nil {
		return nil, err
	}
	return c, nil
}

func line(n *yaml.Node) int {
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		return n.Content[0].Line
	}
	return n.Line
}

func (c *Config) root() *yaml.Node { return c.doc.Content[0] }

// lookup returns the value node of key in mapping m, or nil.
func lookup(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func (c *Config) fieldErr(n *yaml.Node, field, msg string) error {
	ln := 0
	if n != nil {
		ln = n.Line
	}
	return &FieldError{File: c.name, Line: ln, Field: field, Msg: msg}
}

// load decodes the node tree into the typed view and checks it.
func (c *Config) load() error {
	c.models, c.lines = nil, nil
	ml := lookup(c.root(), "model_list")
	if ml != nil && !isNull(ml) {
		if ml.Kind != yaml.SequenceNode {
			return c.fieldErr(ml, "model_list", "must be a list of {model_name, litellm_params, model_info}")
		}
		for i, item := range ml.Content {
			d, err := c.decodeItem(i, item)
			if err != nil {
				return err
			}
			c.models = append(c.models, d)
			c.lines = append(c.lines, item.Line)
		}
	}
	if err := c.loadRouter(); err != nil {
		return err
	}
	c.master = ""
	if gs := lookup(c.root(), "general_settings"); gs != nil {
		if mk := lookup(gs, "master_key"); mk != nil && !isNull(mk) {
			if mk.Kind != yaml.ScalarNode {
				return c.fieldErr(mk, "general_settings.master_key", "must be a string")
			}
			c.master = mk.Value
		}
	}
	return nil
}

func isNull(n *yaml.Node) bool { return n.Kind == yaml.ScalarNode && n.Tag == "!!null" }

func (c *Config) decodeItem(i int, item *yaml.Node) (Deployment, error) {
	field := fmt.Sprintf("model_list[%d]", i)
	if item.Kind != yaml.MappingNode {
		return Deployment{}, c.fieldErr(item, field, "must be a mapping with model_name and litellm_params")
	}
	var d Deployment
	if err := item.Decode(&d); err != nil {
		return Deployment{}, c.fieldErr(item, field, "cannot be read: "+trimYAMLErr(err))
	}
	if err := d.Validate(); err != nil {
		var fe *FieldError
		if errors.As(err, &fe) {
			n := item
			parts := strings.Split(fe.Field, ".")
			for _, p := range parts {
				if next := lookup(n, p); next != nil {
					n = next
				}
			}
			return Deployment{}, c.fieldErr(n, field+"."+fe.Field, fe.Msg)
		}
		return Deployment{}, c.fieldErr(item, field, err.Error())
	}
	return d, nil
}

func trimYAMLErr(err error) string {
	return strings.TrimPrefix(err.Error(), "yaml: ")
}

// loadRouter reads router_settings, falling back to litellm_settings for the
// keys LiteLLM accepts in either place.
func (c *Config) loadRouter() error {
	c.router = Router{}
	for _, sec := range []string{"litellm_settings", "router_settings"} { // router_settings wins
		m := lookup(c.root(), sec)
		if m == nil || isNull(m) {
			continue
		}
		if m.Kind != yaml.MappingNode {
			return c.fieldErr(m, sec, "must be a mapping")
		}
		if n := lookup(m, "num_retries"); n != nil && !isNull(n) {
			var v int
			if err := n.Decode(&v); err != nil || v < 0 {
				return c.fieldErr(n, sec+".num_retries", "must be a whole number ≥ 0")
			}
			c.router.NumRetries = v
		}
		for _, k := range []string{"timeout", "request_timeout"} {
			if n := lookup(m, k); n != nil && !isNull(n) {
				var v float64
				if err := n.Decode(&v); err != nil || v <= 0 {
					return c.fieldErr(n, sec+"."+k, "must be a positive number of seconds")
				}
				c.router.Timeout = v
			}
		}
		if n := lookup(m, "fallbacks"); n != nil && !isNull(n) {
			var fb []map[string][]string
			if err := n.Decode(&fb); err != nil {
				return c.fieldErr(n, sec+".fallbacks", "must be a list like [{model-a: [model-b, model-c]}]")
			}
			c.router.Fallbacks = map[string][]string{}
			for _, m := range fb {
				for k, v := range m {
					c.router.Fallbacks[k] = append(c.router.Fallbacks[k], v...)
				}
			}
		}
	}
	return nil
}

// Name is the file name the config was parsed from.
func (c *Config) Name() string { return c.name }

// Router returns the router settings.
func (c *Config) Router() Router {
	r := c.router
	if r.Fallbacks != nil {
		r.Fallbacks = make(map[string][]string, len(c.router.Fallbacks))
		for k, v := range c.router.Fallbacks {
			r.Fallbacks[k] = slices.Clone(v)
		}
	}
	return r
}

// MasterKey returns general_settings.master_key as written ("" when unset).
func (c *Config) MasterKey() string { return c.master }

// Deployments returns copies of the model_list entries in file order
// (preference order). Each has model_info.id set: the file's own id, or one
// derived from the entry's content, so it is stable across restarts.
func (c *Config) Deployments() []Deployment {
	out := make([]Deployment, len(c.models))
	seen := map[string]int{}
	for i, d := range c.models {
		d = d.Clone()
		if d.ID() == "" {
			id := contentID(d)
			seen[id]++
			if n := seen[id]; n > 1 {
				id = fmt.Sprintf("%s-%d", id, n)
			}
			if d.Info == nil {
				d.Info = map[string]any{}
			}
			d.Info["id"] = id
		}
		out[i] = d
	}
	return out
}

// contentID is a short hash of the entry: same entry, same id, every start.
func contentID(d Deployment) string {
	b, _ := json.Marshal(struct {
		N string         `json:"n"`
		P map[string]any `json:"p"`
	}{d.ModelName, d.Params})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
}

// Line returns the line of the i-th model_list item (0 when unknown).
func (c *Config) Line(i int) int {
	if i < 0 || i >= len(c.lines) {
		return 0
	}
	return c.lines[i]
}

// Clone returns an independent copy for building a changed config.
func (c *Config) Clone() *Config {
	out, err := Parse(c.name, c.mustMarshal())
	if err != nil {
		panic(fmt.Sprintf("config: re-parse of own output failed: %v", err)) // a bug, not input
	}
	return out
}

func (c *Config) mustMarshal() []byte {
	b, err := c.Marshal()
	if err != nil {
		panic(fmt.Sprintf("config: marshal: %v", err))
	}
	return b
}

// Marshal renders the file: the original node tree with the edits applied.
func (c *Config) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(c.doc); err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("encode config: %w", err)
	}
	return buf.Bytes(), nil
}

// modelList returns the model_list sequence node, creating it if absent.
func (c *Config) modelList() *yaml.Node {
	r := c.root()
	if ml := lookup(r, "model_list"); ml != nil && ml.Kind == yaml.SequenceNode {
		return ml
	} else if ml != nil { // null: replace in place
		*ml = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		return ml
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "model_list"}
	val := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	r.Content = append([]*yaml.Node{key, val}, r.Content...)
	return val
}

// Add appends a deployment (LiteLLM semantics: same name = same group).
func (c *Config) Add(d Deployment) error {
	if err := d.Validate(); err != nil {
		return err
	}
	var n yaml.Node
	if err := n.Encode(d); err != nil {
		return fmt.Errorf("encode deployment: %w", err)
	}
	ml := c.modelList()
	ml.Content = append(ml.Content, &n)
	return c.load()
}

// Upsert replaces every entry named d.ModelName with d, in the place of the
// first one, or appends d when the name is new. It reports whether the
// name already existed.
func (c *Config) Upsert(d Deployment) (replaced bool, err error) {
	if err := d.Validate(); err != nil {
		return false, err
	}
	var n yaml.Node
	if err := n.Encode(d); err != nil {
		return false, fmt.Errorf("encode deployment: %w", err)
	}
	ml := c.modelList()
	out := ml.Content[:0:0]
	for i, item := range ml.Content {
		if i < len(c.models) && c.models[i].ModelName == d.ModelName {
			if !replaced {
				out = append(out, &n)
				replaced = true
			}
			continue
		}
		out = append(out, item)
	}
	if !replaced {
		out = append(out, &n)
	}
	ml.Content = out
	return replaced, c.load()
}

// RemoveID removes the entry with that model_info.id (as Deployments reports
// it). It reports whether one was found.
func (c *Config) RemoveID(id string) (bool, error) {
	ds := c.Deployments()
	for i, d := range ds {
		if d.ID() == id {
			ml := c.modelList()
			ml.Content = slices.Delete(ml.Content, i, i+1)
			return true, c.load()
		}
	}
	return false, nil
}

// RemoveName removes every entry with that model_name and returns how many.
func (c *Config) RemoveName(name string) (int, error) {
	ml := lookup(c.root(), "model_list")
	if ml == nil || ml.Kind != yaml.SequenceNode {
		return 0, nil
	}
	n := 0
	out := ml.Content[:0:0]
	for i, item := range ml.Content {
		if c.models[i].ModelName == name {
			n++
			continue
		}
		out = append(out, item)
	}
	ml.Content = out
	return n, c.load()
}

// Prefer moves the named model groups to the head of model_list in the given
// order; the rest keep their relative order. Unknown or repeated names are an
// error and change nothing. It reports whether the order changed.
func (c *Config) Prefer(names []string) (bool, error) {
	if len(names) == 0 {
		return false, errors.New("prefer: name at least one model")
	}
	have := map[string]bool{}
	for _, d := range c.models {
		have[d.ModelName] = true
	}
	seen := map[string]bool{}
	for _, n := range names {
		if !have[n] {
			return false, fmt.Errorf("prefer: model %q is not configured", n)
		}
		if seen[n] {
			return false, fmt.Errorf("prefer: model %q is named twice", n)
		}
		seen[n] = true
	}
	ml := c.modelList()
	var head, tail []*yaml.Node
	var headIdx []int
	for _, n := range names {
		for i, d := range c.models {
			if d.ModelName == n {
				head = append(head, ml.Content[i])
				headIdx = append(headIdx, i)
			}
		}
	}
	for i, d := range c.models {
		if !seen[d.ModelName] {
			tail = append(tail, ml.Content[i])
		}
	}
	changed := false
	for k, i := range headIdx {
		if k != i {
			changed = true
		}
	}
	if !changed {
		return false, nil
	}
	ml.Content = append(head, tail...)
	return true, c.load()
}

// Equal reports whether two config files mean the same: formatting, comments,
// quoting and key order do not count; list order does (it is preference order).
func Equal(a, b []byte) (bool, error) {
	var va, vb any
	if err := yaml.Unmarshal(a, &va); err != nil {
		return false, fmt.Errorf("parse first config: %w", err)
	}
	if err := yaml.Unmarshal(b, &vb); err != nil {
		return false, fmt.Errorf("parse second config: %w", err)
	}
	return reflect.DeepEqual(normalize(va), normalize(vb)), nil
}

// normalize makes numbers comparable (1 and 1.0 are the same value).
func normalize(v any) any {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			t[k] = normalize(x)
		}
		return t
	case []any:
		for i, x := range t {
			t[i] = normalize(x)
		}
		return t
	case int:
		return float64(t)
	case int64:
		return float64(t)
	case uint64:
		return float64(t)
	}
	return v
}

// Number converts a YAML or JSON number to float64.
func Number(v any) (float64, bool) {
	switch t := v.(type) {
	case int:
		return float64(t), true
	case int64:
		return float64(t), true
	case uint64:
		return float64(t), true
	case float64:
		return t, true
	case json.Number:
		f, err := t.Float64()
		return f, err == nil
	}
	return 0, false
}

func str(m map[string]any, k string) string {
	s, _ := m[k].(string)
	return s
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[k] = deepCopy(x)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = deepCopy(x)
		}
		return out
	}
	return v
}
