// Package llm is obol's model gateway: an OpenAI-compatible router that
// loads LiteLLM `model_list` configs unchanged, forwards to OpenAI-compatible
// servers (vLLM, llama.cpp, LM Studio, OpenAI, OpenRouter, the x402 buyer
// proxy), Ollama and Anthropic (translated), and changes its routes live
// through LiteLLM's admin API (/model/new, /model/delete, /model/info).
//
// The route table is an immutable snapshot behind an atomic pointer: a
// request loads it once and finishes on it, an admin change builds and checks
// a new one and swaps it in, and a bad change leaves the old one serving.
// The source config is copied to a runtime file at start; admin changes are
// written there; a restart starts again from the source.
package llm

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/llm/config"
)

// Options configure a Gateway.
type Options struct {
	// ConfigPath is the source-of-truth config (LiteLLM YAML). Required.
	ConfigPath string
	// RuntimePath is the writable runtime copy the gateway serves from and
	// writes admin changes to. It is overwritten from ConfigPath at start.
	RuntimePath string
	// MasterKey is the Bearer key for every endpoint but health. When empty,
	// general_settings.master_key of the config is used (os.environ/ works).
	MasterKey string
	// BuyerURL, when set, adds an implicit `paid/*` route to the x402 buyer
	// proxy at that URL (e.g. http://127.0.0.1:8402) unless the config has one.
	BuyerURL string
	// OllamaURL, when set (e.g. http://127.0.0.1:11434), adds an implicit
	// `ollama/*` route to that Ollama server unless the config has one, so
	// any model pulled there is reachable as ollama/<model> without setup.
	OllamaURL string
	// SecretsFile is an optional NAME=value file (mode 0600) consulted before
	// the process environment for os.environ/ references; re-read on reload.
	SecretsFile string
	// Listen is the address Run serves on, e.g. 127.0.0.1:4000.
	Listen string
	// Logger receives operational logs; nil discards them.
	Logger *slog.Logger
	// Registry receives the gateway's metrics; nil keeps them unregistered.
	Registry prometheus.Registerer
	// Metrics, when set, is served unauthenticated on GET /metrics.
	Metrics prometheus.Gatherer
	// Transport overrides the upstream transport (tests); nil uses a tuned one.
	Transport http.RoundTripper
}

// Gateway is a running model router.
type Gateway struct {
	opts      Options
	log       *slog.Logger
	table     atomic.Pointer[table]
	mu        sync.Mutex // serializes admin changes and their file writes
	client    *http.Client
	metrics   *metrics
	masterKey string
	bearer    string
	handler   http.Handler
}

// New loads the source config, writes the runtime copy and builds the first
// route table. A broken config is an error naming file, line and field.
func New(o Options) (*Gateway, error) {
	if o.ConfigPath == "" {
		return nil, errors.New("new gateway: ConfigPath is required")
	}
	if o.RuntimePath == "" {
		return nil, errors.New("new gateway: RuntimePath is required (a writable file for the runtime copy)")
	}
	gw := &Gateway{opts: o, log: o.Logger}
	if gw.log == nil {
		gw.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if gw.metrics, err = newMetrics(o.Registry); err != nil {
		return nil, fmt.Errorf("register gateway metrics: %w", err)
	}
	tr := o.Transport
	if tr == nil {
		tr = newH1Transport(NewTransport())
	}
	gw.client = &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	cfg, t, err := gw.loadSource()
	if err != nil {
		return nil, err
	}
	gw.masterKey = o.MasterKey
	if gw.masterKey == "" {
		gw.masterKey, _ = resolveKey(cfg.MasterKey(), gw.getenv)
	}
	if gw.masterKey == "" {
		return nil, errors.New("new gateway: no master key: pass --master-key, set OBOL_MASTER_KEY, or set general_settings.master_key in " + o.ConfigPath)
	}
	gw.bearer = "Bearer " + gw.masterKey
	if err := atomicfile.Write(o.RuntimePath, mustMarshal(cfg), 0o600); err != nil {
		return nil, fmt.Errorf("write runtime config: %w", err)
	}
	gw.table.Store(t)
	gw.handler = gw.routes()
	gw.log.Info("gateway config loaded", "source", o.ConfigPath, "runtime", o.RuntimePath, "models", len(t.order))
	return gw, nil
}

// NewTransport returns the upstream transport: many idle connections per
// host (a gateway talks to few hosts, hard), HTTP/1.1 only, no implicit
// compression (bodies are relayed as they come).
func NewTransport() *http.Transport {
	return &http.Transport{
		Proxy:                 nil,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:          1024,
		MaxIdleConnsPerHost:   512,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 0,
		DisableCompression:    true,
		ForceAttemptHTTP2:     false,
	}
}

// loadSource reads and compiles the source config without installing it.
func (gw *Gateway) loadSource() (*config.Config, *table, error) {
	data, err := os.ReadFile(gw.opts.ConfigPath)
	if err != nil {
		return nil, nil, fmt.Errorf("read gateway config: %w", err)
	}
	cfg, err := config.Parse(gw.opts.ConfigPath, data)
	if err != nil {
		return nil, nil, err
	}
	t, err := gw.build(cfg)
	if err != nil {
		return nil, nil, err
	}
	return cfg, t, nil
}

func (gw *Gateway) build(cfg *config.Config) (*table, error) {
	getenv := gw.getenv
	if secrets, err := readSecrets(gw.opts.SecretsFile); err != nil {
		return nil, err
	} else if secrets != nil {
		getenv = func(k string) (string, bool) {
			if v, ok := secrets[k]; ok {
				return v, true
			}
			return os.LookupEnv(k)
		}
	}
	t, err := buildTable(cfg, buildOptions{getenv: getenv, buyerURL: gw.opts.BuyerURL, ollamaURL: gw.opts.OllamaURL, metrics: gw.metrics})
	if err != nil {
		return nil, err
	}
	for _, g := range t.groups {
		for _, r := range g.routes {
			if r.keyErr != "" {
				gw.log.Warn("model will fail until its key is set", "model", g.name, "problem", r.keyErr)
			}
		}
	}
	return t, nil
}

func (gw *Gateway) getenv(k string) (string, bool) {
	if secrets, err := readSecrets(gw.opts.SecretsFile); err == nil {
		if v, ok := secrets[k]; ok {
			return v, true
		}
	}
	return os.LookupEnv(k)
}

// Handler serves the OpenAI API, the admin API and health checks.
func (gw *Gateway) Handler() http.Handler { return gw.handler }

func (gw *Gateway) routes() http.Handler {
	mux := http.NewServeMux()
	for _, kind := range []string{"/chat/completions", "/completions", "/embeddings", "/responses"} {
		h := gw.serveInference(kind)
		mux.Handle("POST /v1"+kind, h)
		mux.Handle("POST "+kind, h)
	}
	mux.HandleFunc("POST /v1/messages", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &apiError{Status: http.StatusNotFound, Type: "invalid_request_error", Code: "not_found",
			Message: "the Anthropic Messages entry point is not served: use POST /v1/chat/completions"})
	})
	mux.HandleFunc("GET /v1/models", gw.serveModels)
	mux.HandleFunc("GET /models", gw.serveModels)
	mux.HandleFunc("POST /model/new", gw.admin(gw.modelNew))
	mux.HandleFunc("POST /model/delete", gw.admin(gw.modelDelete))
	mux.HandleFunc("GET /model/info", gw.admin(gw.modelInfo))
	mux.HandleFunc("GET /v1/model/info", gw.admin(gw.modelInfo))
	mux.HandleFunc("POST /admin/reload", gw.admin(gw.reload))
	mux.HandleFunc("POST /admin/prefer", gw.admin(gw.prefer))
	health := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"status":"healthy"}`))
	}
	mux.HandleFunc("GET /health/readiness", health)
	mux.HandleFunc("GET /health/liveliness", health)
	mux.HandleFunc("GET /healthz", health)
	if gw.opts.Metrics != nil {
		mux.Handle("GET /metrics", promhttp.HandlerFor(gw.opts.Metrics, promhttp.HandlerOpts{}))
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, &apiError{Status: http.StatusNotFound, Type: "invalid_request_error", Code: "not_found",
			Message: r.Method + " " + r.URL.Path + " is not an endpoint of this gateway"})
	})
	return mux
}

// authorized checks the master key in Authorization: Bearer or x-api-key.
func (gw *Gateway) authorized(r *http.Request) bool {
	if a := r.Header.Get("Authorization"); a != "" {
		return subtle.ConstantTimeCompare([]byte(a), []byte(gw.bearer)) == 1
	}
	if k := r.Header.Get("X-Api-Key"); k != "" {
		return subtle.ConstantTimeCompare([]byte(k), []byte(gw.masterKey)) == 1
	}
	return false
}

func (gw *Gateway) serveModels(w http.ResponseWriter, r *http.Request) {
	if !gw.authorized(r) {
		writeError(w, errUnauthorized())
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(gw.table.Load().modelsJSON)
}

// Models returns the public model names in preference order.
func (gw *Gateway) Models() []string {
	return append([]string{}, gw.table.Load().order...)
}

// Run serves Handler on Options.Listen until ctx ends, then shuts down,
// letting in-flight requests (streams included) finish for up to 30 s.
func (gw *Gateway) Run(ctx context.Context) error {
	if gw.opts.Listen == "" {
		return errors.New("run gateway: Options.Listen is empty")
	}
	ln, err := net.Listen("tcp", gw.opts.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", gw.opts.Listen, err)
	}
	return gw.Serve(ctx, ln)
}

// Serve is Run on a listener the caller opened.
func (gw *Gateway) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: gw.handler, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second,
		ErrorLog: slog.NewLogLogger(gw.log.Handler(), slog.LevelWarn)}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	gw.log.Info("gateway listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("serve gateway: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down gateway: %w", err)
	}
	<-errc
	return nil
}

func mustMarshal(c *config.Config) []byte {
	b, err := c.Marshal()
	if err != nil {
		panic(err) // encoding a parsed node tree cannot fail
	}
	return b
}

// readSecrets parses a NAME=value file; a missing path or file is no secrets.
func readSecrets(path string) (map[string]string, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read secrets file: %w", err)
	}
	return ParseSecrets(data), nil
}

// ParseSecrets reads NAME=value lines; blank lines and # comments are skipped
// and one pair of surrounding quotes is removed.
func ParseSecrets(data []byte) map[string]string {
	out := map[string]string{}
	for _, ln := range strings.Split(string(data), "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		k, v, ok := strings.Cut(ln, "=")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		}
		out[strings.TrimSpace(k)] = v
	}
	return out
}
