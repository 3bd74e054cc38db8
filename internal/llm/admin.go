package llm

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/llm/config"
)

// maxAdminBody bounds an admin request body.
const maxAdminBody = 1 << 20

// admin wraps an admin handler with the master-key check and error shape.
func (gw *Gateway) admin(h func(*http.Request) (any, *apiError)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !gw.authorized(r) {
			writeError(w, errUnauthorized())
			return
		}
		v, e := h(r)
		if e != nil {
			writeError(w, e)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
}

// ModelEntry is one item of GET /model/info, and the answer of /model/new.
type ModelEntry struct {
	ModelID   string         `json:"model_id,omitempty"`
	ModelName string         `json:"model_name"`
	Params    map[string]any `json:"litellm_params"`
	Info      map[string]any `json:"model_info"`
}

// NewModelRequest is the body of POST /model/new (LiteLLM's shape).
type NewModelRequest struct {
	ModelName string         `json:"model_name"`
	Params    map[string]any `json:"litellm_params"`
	Info      map[string]any `json:"model_info,omitempty"`
}

// DeleteModelRequest is the body of POST /model/delete (LiteLLM's shape).
type DeleteModelRequest struct {
	ID string `json:"id"`
}

func decodeStrict(r *http.Request, v any) *apiError {
	dec := json.NewDecoder(io.LimitReader(r.Body, maxAdminBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return errBadRequest("bad request body: " + err.Error())
	}
	if dec.More() {
		return errBadRequest("bad request body: more than one JSON value")
	}
	return nil
}

func (gw *Gateway) modelNew(r *http.Request) (any, *apiError) {
	var req NewModelRequest
	if e := decodeStrict(r, &req); e != nil {
		gw.metrics.admin.WithLabelValues("new", "bad_request").Inc()
		return nil, e
	}
	d := config.Deployment{ModelName: req.ModelName, Params: req.Params, Info: req.Info}
	if err := d.Validate(); err != nil {
		gw.metrics.admin.WithLabelValues("new", "bad_request").Inc()
		return nil, errBadRequest("bad model: " + err.Error())
	}
	if d.ID() == "" {
		if d.Info == nil {
			d.Info = map[string]any{}
		}
		d.Info["id"] = newID()
	}
	err := gw.change(func(c *config.Config) error {
		for _, x := range c.Deployments() {
			if x.ID() == d.ID() {
				return errBadRequest("a model with id " + quote(d.ID()) + " already exists")
			}
		}
		return c.Add(d)
	})
	if err != nil {
		gw.metrics.admin.WithLabelValues("new", "error").Inc()
		return nil, asAPIError(err)
	}
	gw.metrics.admin.WithLabelValues("new", "ok").Inc()
	gw.log.Info("model added", "model", d.ModelName, "id", d.ID())
	rd := d.Redacted()
	return ModelEntry{ModelID: d.ID(), ModelName: rd.ModelName, Params: rd.Params, Info: rd.Info}, nil
}

func (gw *Gateway) modelDelete(r *http.Request) (any, *apiError) {
	var req DeleteModelRequest
	if e := decodeStrict(r, &req); e != nil {
		gw.metrics.admin.WithLabelValues("delete", "bad_request").Inc()
		return nil, e
	}
	if req.ID == "" {
		gw.metrics.admin.WithLabelValues("delete", "bad_request").Inc()
		return nil, errBadRequest(`"id" is required: a model_info.id from GET /model/info`)
	}
	err := gw.change(func(c *config.Config) error {
		found, err := c.RemoveID(req.ID)
		if err != nil {
			return err
		}
		if !found {
			return &apiError{Status: http.StatusNotFound, Type: "invalid_request_error", Code: "model_not_found",
				Message: "no model with id " + quote(req.ID) + ": see GET /model/info"}
		}
		return nil
	})
	if err != nil {
		gw.metrics.admin.WithLabelValues("delete", "error").Inc()
		return nil, asAPIError(err)
	}
	gw.metrics.admin.WithLabelValues("delete", "ok").Inc()
	gw.log.Info("model deleted", "id", req.ID)
	return map[string]string{"message": "model " + req.ID + " deleted"}, nil
}

func (gw *Gateway) modelInfo(r *http.Request) (any, *apiError) {
	t := gw.table.Load()
	want := r.URL.Query().Get("litellm_model_id")
	data := make([]ModelEntry, 0, len(t.list))
	for _, d := range t.list {
		if want != "" && d.ID() != want {
			continue
		}
		rd := d.Redacted()
		data = append(data, ModelEntry{ModelName: rd.ModelName, Params: rd.Params, Info: rd.Info})
	}
	return struct {
		Data []ModelEntry `json:"data"`
	}{data}, nil
}

// PreferRequest is the body of POST /admin/prefer (obol's own: LiteLLM has
// no reorder API): move these model groups to the head of the list.
type PreferRequest struct {
	Models []string `json:"models"`
}

func (gw *Gateway) prefer(r *http.Request) (any, *apiError) {
	var req PreferRequest
	if e := decodeStrict(r, &req); e != nil {
		return nil, e
	}
	err := gw.change(func(c *config.Config) error {
		_, err := c.Prefer(req.Models)
		if err != nil {
			return errBadRequest(err.Error())
		}
		return nil
	})
	if err != nil {
		gw.metrics.admin.WithLabelValues("prefer", "error").Inc()
		return nil, asAPIError(err)
	}
	gw.metrics.admin.WithLabelValues("prefer", "ok").Inc()
	return map[string]any{"models": gw.Models()}, nil
}

// reload re-reads the source of truth (e.g. after `obol model prefer` or a
// new provider key), replacing the runtime copy and every admin change.
func (gw *Gateway) reload(*http.Request) (any, *apiError) {
	if err := gw.Reload(); err != nil {
		gw.metrics.admin.WithLabelValues("reload", "error").Inc()
		return nil, asAPIError(err)
	}
	gw.metrics.admin.WithLabelValues("reload", "ok").Inc()
	return map[string]any{"message": "reloaded", "models": gw.Models()}, nil
}

// Reload rebuilds the router from the source config, as a restart would.
// On any error the old table keeps serving.
func (gw *Gateway) Reload() error {
	gw.mu.Lock()
	defer gw.mu.Unlock()
	cfg, t, err := gw.loadSource()
	if err != nil {
		return err
	}
	if err := atomicfile.Write(gw.opts.RuntimePath, mustMarshal(cfg), 0o600); err != nil {
		return fmt.Errorf("write runtime config: %w", err)
	}
	gw.table.Store(t)
	gw.log.Info("gateway reloaded from source", "models", len(t.order))
	return nil
}

// change applies edit to a copy of the live runtime config, builds and
// checks the new table, persists it, then swaps it in. Any failure leaves
// the serving table and the runtime file as they were.
func (gw *Gateway) change(edit func(*config.Config) error) error {
	gw.mu.Lock()
	defer gw.mu.Unlock()
	next := gw.table.Load().cfg.Clone()
	if err := edit(next); err != nil {
		return err
	}
	t, err := gw.build(next)
	if err != nil {
		return errBadRequest("the change would break the config: " + err.Error())
	}
	if err := atomicfile.Write(gw.opts.RuntimePath, mustMarshal(next), 0o600); err != nil {
		return fmt.Errorf("write runtime config: %w", err)
	}
	gw.table.Store(t)
	return nil
}

func asAPIError(err error) *apiError {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae
	}
	var fe *config.FieldError
	if errors.As(err, &fe) {
		return errBadRequest(err.Error())
	}
	return &apiError{Status: http.StatusInternalServerError, Type: "server_error", Code: "internal", Message: err.Error()}
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// AdminClient is a typed client for a gateway's admin API (LiteLLM's
// shapes), for the CLI, the purchase reconciler and tests.
type AdminClient struct {
	// BaseURL is the gateway root, e.g. http://127.0.0.1:4000.
	BaseURL string
	// MasterKey is sent as Authorization: Bearer.
	MasterKey string
	// HTTPClient defaults to http.DefaultClient.
	HTTPClient *http.Client
}

// AddModel calls POST /model/new and returns the new model's id.
func (c *AdminClient) AddModel(ctx context.Context, d config.Deployment) (string, error) {
	var out ModelEntry
	if err := c.do(ctx, http.MethodPost, "/model/new", NewModelRequest{ModelName: d.ModelName, Params: d.Params, Info: d.Info}, &out); err != nil {
		return "", fmt.Errorf("add model %s: %w", d.ModelName, err)
	}
	return out.ModelID, nil
}

// DeleteModel calls POST /model/delete with a model_info.id.
func (c *AdminClient) DeleteModel(ctx context.Context, id string) error {
	if err := c.do(ctx, http.MethodPost, "/model/delete", DeleteModelRequest{ID: id}, nil); err != nil {
		return fmt.Errorf("delete model %s: %w", id, err)
	}
	return nil
}

// ModelInfo calls GET /model/info.
func (c *AdminClient) ModelInfo(ctx context.Context) ([]ModelEntry, error) {
	var out struct {
		Data []ModelEntry `json:"data"`
	}
	if err := c.do(ctx, http.MethodGet, "/model/info", nil, &out); err != nil {
		return nil, fmt.Errorf("model info: %w", err)
	}
	return out.Data, nil
}

// DeleteModelName deletes every deployment named name (ids from
// /model/info) and returns how many went.
func (c *AdminClient) DeleteModelName(ctx context.Context, name string) (int, error) {
	list, err := c.ModelInfo(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, m := range list {
		if m.ModelName != name {
			continue
		}
		id, _ := m.Info["id"].(string)
		if id == "" {
			continue
		}
		if err := c.DeleteModel(ctx, id); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// Prefer calls POST /admin/prefer: reorder the live list (and runtime copy).
func (c *AdminClient) Prefer(ctx context.Context, models []string) error {
	if err := c.do(ctx, http.MethodPost, "/admin/prefer", PreferRequest{Models: models}, nil); err != nil {
		return fmt.Errorf("prefer models: %w", err)
	}
	return nil
}

// Reload calls POST /admin/reload: rebuild from the source config.
func (c *AdminClient) Reload(ctx context.Context) error {
	if err := c.do(ctx, http.MethodPost, "/admin/reload", struct{}{}, nil); err != nil {
		return fmt.Errorf("reload gateway: %w", err)
	}
	return nil
}

// do sends one request.
func (c *AdminClient) do(ctx context.Context, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(c.BaseURL, "/")+path, body)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+c.MasterKey)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	hc := c.HTTPClient
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		var e struct {
			Error apiError `json:"error"`
		}
		if json.Unmarshal(data, &e) == nil && e.Error.Message != "" {
			return &StatusError{Status: resp.StatusCode, Message: e.Error.Message}
		}
		return &StatusError{Status: resp.StatusCode, Message: strings.TrimSpace(string(data))}
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return fmt.Errorf("decode answer: %w", err)
		}
	}
	return nil
}

// StatusError is a non-2xx answer from the admin API.
type StatusError struct {
	Status  int
	Message string
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("gateway answered %d: %s", e.Status, e.Message)
}
