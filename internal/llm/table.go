package llm

import (
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/obol-dev/obol/internal/llm/config"
)

// table is one immutable routing snapshot. Requests load it once and finish
// on it; admin changes build a new one and swap the pointer.
type table struct {
	cfg        *config.Config // the runtime config this table was built from (never mutated)
	groups     map[string]*group
	wild       []*group // wildcard groups, longest prefix first
	order      []string // model names in preference order (first appearance)
	list       []config.Deployment
	fallbacks  map[string][]string
	retries    int
	modelsJSON []byte // GET /v1/models body
}

// group is a set of deployments sharing one public model_name.
type group struct {
	name   string
	prefix string // for wildcard groups: model_name without the trailing '*'
	routes []*route
	next   atomic.Uint32 // round-robin cursor; shared by snapshots that reuse the group is fine
}

// route is one deployment, compiled for the hot path.
type route struct {
	id            string
	name          string // public model_name (metric label)
	family        string // openai | ollama | anthropic
	upstreamModel string // what the upstream is sent; with '*' for wildcards
	base          string // API base without trailing '/'
	authHeader    string // Authorization value for OpenAI-style upstreams
	apiKey        string // raw key for Anthropic
	keyErr        string // why the key could not be resolved ("" = fine)
	extra         []bodyPatch
	noThinking    bool
	cachePoints   []CachePoint // Anthropic prompt-cache marks
	timeout       time.Duration
	streamTimeout time.Duration
	m             *routeMetrics
}

// bodyPatch sets one top-level (or one-level nested) request field.
type bodyPatch struct {
	path string // sjson path (escaped)
	raw  []byte // JSON value
}

func (r *route) endpoint(kind string) string {
	switch r.family {
	case "ollama":
		return r.base + "/v1" + kind
	case "anthropic":
		return r.base + "/v1/messages"
	}
	return r.base + kind
}

// lookup finds the group serving model: exact name first, then the longest
// wildcard prefix. The returned string is what the wildcard matched.
func (t *table) lookup(model string) (*group, string) {
	if g := t.groups[model]; g != nil {
		return g, ""
	}
	for _, g := range t.wild {
		if strings.HasPrefix(model, g.prefix) {
			return g, model[len(g.prefix):]
		}
	}
	return nil, ""
}

// pick returns the group's routes starting at the round-robin cursor.
func (g *group) pick() int {
	if len(g.routes) == 1 {
		return 0
	}
	return int(g.next.Add(1)-1) % len(g.routes)
}

// buildOptions is what building a table needs besides the config.
type buildOptions struct {
	getenv    func(string) (string, bool)
	buyerURL  string
	ollamaURL string
	metrics   *metrics
}

// buildTable compiles a config into a routing snapshot. Any error leaves the
// caller's current table in place.
func buildTable(cfg *config.Config, o buildOptions) (*table, error) {
	ds := cfg.Deployments()
	rs := cfg.Router()
	t := &table{cfg: cfg, groups: map[string]*group{}, fallbacks: rs.Fallbacks, retries: rs.NumRetries}
	if o.buyerURL != "" && !slices.ContainsFunc(ds, func(d config.Deployment) bool { return d.ModelName == "paid/*" }) {
		ds = append(ds, PaidDeployment("*", o.buyerURL))
		ds[len(ds)-1].Info = map[string]any{"id": "obol-paid-wildcard", "implicit": true}
	}
	if o.ollamaURL != "" && !slices.ContainsFunc(ds, func(d config.Deployment) bool { return d.ModelName == "ollama/*" }) {
		ds = append(ds, config.Deployment{ModelName: "ollama/*", Params: map[string]any{"model": "ollama_chat/*", "api_base": o.ollamaURL},
			Info: map[string]any{"id": "obol-ollama-wildcard", "implicit": true}})
	}
	for i, d := range ds {
		r, err := compileRoute(d, rs, o)
		if err != nil {
			return nil, &config.FieldError{File: cfg.Name(), Line: cfg.Line(i), Field: fmt.Sprintf("model_list[%d]", i), Msg: err.Error()}
		}
		g := t.groups[d.ModelName]
		if g == nil {
			g = &group{name: d.ModelName}
			t.groups[d.ModelName] = g
			if implicit, _ := d.Info["implicit"].(bool); !implicit { // built-in routes are not advertised
				t.order = append(t.order, d.ModelName)
			}
			if p, ok := strings.CutSuffix(d.ModelName, "*"); ok {
				g.prefix = p
				t.wild = append(t.wild, g)
			}
		}
		g.routes = append(g.routes, r)
		t.list = append(t.list, d)
	}
	for _, g := range t.wild {
		delete(t.groups, g.name)
	}
	slices.SortStableFunc(t.wild, func(a, b *group) int { return len(b.prefix) - len(a.prefix) })
	t.modelsJSON = modelsBody(t.order)
	return t, nil
}

func modelsBody(names []string) []byte {
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	out := struct {
		Object string  `json:"object"`
		Data   []model `json:"data"`
	}{Object: "list", Data: make([]model, 0, len(names))}
	for _, n := range names {
		out.Data = append(out.Data, model{ID: n, Object: "model", Created: 1700000000, OwnedBy: "obol"})
	}
	b, _ := json.Marshal(out)
	return b
}

// defaultBases are the API bases of providers that have a public default.
var defaultBases = map[string]string{
	"openai":     "https://api.openai.com/v1",
	"openrouter": "https://openrouter.ai/api/v1",
	"ollama":     "http://127.0.0.1:11434",
	"anthropic":  "https://api.anthropic.com",
}

func compileRoute(d config.Deployment, rs config.Router, o buildOptions) (*route, error) {
	fam, upstream, err := config.SplitModel(d.Model())
	if err != nil {
		return nil, err
	}
	prov := config.Provider(d.Model())
	base := d.APIBase()
	if base == "" {
		base = defaultBases[prov]
		if base == "" && fam == "ollama" {
			base = defaultBases["ollama"]
		}
	}
	if base == "" {
		return nil, fmt.Errorf("litellm_params.api_base is required for provider %q", prov)
	}
	if strings.HasPrefix(base, config.EnvPrefix) {
		v, ok := o.getenv(strings.TrimPrefix(base, config.EnvPrefix))
		if !ok {
			return nil, fmt.Errorf("litellm_params.api_base: environment variable %s is not set", strings.TrimPrefix(base, config.EnvPrefix))
		}
		base = v
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("litellm_params.api_base %q is not an http(s) URL", base)
	}
	base = strings.TrimRight(base, "/")
	if fam == "ollama" || fam == "anthropic" {
		base = strings.TrimSuffix(base, "/v1") // both get their own /v1 path
	}
	r := &route{id: d.ID(), name: d.ModelName, family: fam, upstreamModel: upstream, base: base,
		noThinking: d.DisableThinking(), m: o.metrics.forModel(d.ModelName)}
	r.apiKey, r.keyErr = resolveKey(d.APIKey(), o.getenv)
	if r.apiKey != "" && r.family != "anthropic" {
		r.authHeader = "Bearer " + r.apiKey
	}
	if fam == "anthropic" && r.apiKey == "" && r.keyErr == "" {
		r.keyErr = "no api_key configured for this Anthropic model"
	}
	if eb, ok := d.Params["extra_body"].(map[string]any); ok {
		r.extra, err = extraPatches(eb)
		if err != nil {
			return nil, err
		}
	}
	if r.cachePoints, err = parseCachePoints(d.Params["cache_control_injection_points"]); err != nil {
		return nil, err
	}
	r.timeout = seconds(d.Params["timeout"], rs.Timeout)
	r.streamTimeout = seconds(d.Params["stream_timeout"], 0)
	if r.streamTimeout == 0 {
		r.streamTimeout = r.timeout
	}
	return r, nil
}

func resolveKey(k string, getenv func(string) (string, bool)) (key, problem string) {
	if name, ok := strings.CutPrefix(k, config.EnvPrefix); ok {
		v, found := getenv(name)
		if !found || v == "" {
			return "", "api_key refers to environment variable " + name + ", which is not set"
		}
		return v, ""
	}
	switch strings.ToLower(k) {
	case "", "none", "unused":
		return "", ""
	}
	return k, ""
}

func seconds(v any, def float64) time.Duration {
	if f, ok := config.Number(v); ok && f > 0 {
		return time.Duration(f * float64(time.Second))
	}
	return time.Duration(def * float64(time.Second))
}

// extraPatches turns extra_body into sjson operations, merging one level
// deep so `chat_template_kwargs: {enable_thinking: false}` adds to a
// client's own chat_template_kwargs instead of replacing them.
func extraPatches(eb map[string]any) ([]bodyPatch, error) {
	keys := make([]string, 0, len(eb))
	for k := range eb {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []bodyPatch
	for _, k := range keys {
		if sub, ok := eb[k].(map[string]any); ok && len(sub) > 0 {
			sk := make([]string, 0, len(sub))
			for s := range sub {
				sk = append(sk, s)
			}
			slices.Sort(sk)
			for _, s := range sk {
				raw, err := json.Marshal(sub[s])
				if err != nil {
					return nil, fmt.Errorf("litellm_params.extra_body.%s.%s: %w", k, s, err)
				}
				out = append(out, bodyPatch{path: escapePath(k) + "." + escapePath(s), raw: raw})
			}
			continue
		}
		raw, err := json.Marshal(eb[k])
		if err != nil {
			return nil, fmt.Errorf("litellm_params.extra_body.%s: %w", k, err)
		}
		out = append(out, bodyPatch{path: escapePath(k), raw: raw})
	}
	return out, nil
}

// escapePath escapes sjson's path metacharacters in one key.
func escapePath(k string) string {
	var b strings.Builder
	for _, c := range k {
		switch c {
		case '.', '*', '?', '|', '#', '@', '\\', '!', '=', '<', '>', '%', ':':
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// PaidDeployment is the model_list entry for `paid/<model>`: an
// OpenAI-compatible route to the buyer proxy at buyerURL (e.g.
// http://127.0.0.1:8402). The buyer strips the paid/ prefix itself.
func PaidDeployment(model, buyerURL string) config.Deployment {
	base := strings.TrimRight(buyerURL, "/")
	if !strings.HasSuffix(base, "/v1") {
		base += "/v1"
	}
	return config.Deployment{
		ModelName: "paid/" + model,
		Params:    map[string]any{"model": "openai/paid/" + model, "api_base": base, "api_key": "unused"},
	}
}
