package models_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/models"
)

const masterKey = "sk-test-master"

// upstream is an OpenAI-compatible server on loopback standing in for the
// buyer proxy: it answers every chat with its name and the model asked for.
func upstream(t *testing.T, name string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Model string }
		_ = json.NewDecoder(r.Body).Decode(&req)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"object":"chat.completion","model":%q,"choices":[{"index":0,"message":{"role":"assistant","content":"%s:%s"}}]}`,
			req.Model, name, req.Model)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/v1"
}

// gateway is a real llm.Gateway on loopback serving the data dir's source
// config, as `obol gateway` and the stack run it.
func gateway(t *testing.T, d models.Dir) *llm.AdminClient {
	t.Helper()
	if err := d.EnsureSource(); err != nil {
		t.Fatal(err)
	}
	gw, err := llm.New(llm.Options{ConfigPath: d.Source(), RuntimePath: d.Runtime(), MasterKey: masterKey})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gw.Handler())
	t.Cleanup(srv.Close)
	return &llm.AdminClient{BaseURL: srv.URL, MasterKey: masterKey}
}

// chat asks the gateway for model and returns the status and the answer.
func chat(t *testing.T, a *llm.AdminClient, model string) (int, string) {
	t.Helper()
	body := `{"model":"` + model + `","messages":[{"role":"user","content":"hi"}]}`
	req, _ := http.NewRequest(http.MethodPost, a.BaseURL+"/v1/chat/completions", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+masterKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out struct {
		Choices []struct{ Message struct{ Content string } }
	}
	if json.Unmarshal(raw, &out) == nil && len(out.Choices) > 0 {
		return resp.StatusCode, out.Choices[0].Message.Content
	}
	return resp.StatusCode, string(raw)
}

// names lists the model names of the source and of the live router.
func names(t *testing.T, d models.Dir, a *llm.AdminClient) (src, live []string) {
	t.Helper()
	cfg, err := d.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range cfg.Deployments() {
		src = append(src, x.ModelName)
	}
	list, err := a.ModelInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range list {
		live = append(live, m.ModelName)
	}
	return src, live
}

func count(xs []string, x string) int {
	n := 0
	for _, s := range xs {
		if s == x {
			n++
		}
	}
	return n
}

// TestRoutesSurviveReload: a paid route is written to the source of truth
// and applied live, so the gateway's /admin/reload (what a restart does)
// keeps it; deleting it removes it from both.
func TestRoutesSurviveReload(t *testing.T) {
	ctx := context.Background()
	d := models.Dir{Root: t.TempDir()}
	admin := gateway(t, d)
	// A model the user configured, so the route is added next to it.
	if err := d.Edit(func(c *config.Config) error {
		return c.Add(models.CustomDeployment(upstream(t, "own"), "local-model", "", false))
	}); err != nil {
		t.Fatal(err)
	}
	if err := admin.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	r := models.Routes{Dir: d, Admin: admin}
	buyer := upstream(t, "buyer")

	if ok, err := r.RouteExists(ctx, "paid/qwen", buyer); ok || err != nil {
		t.Fatalf("RouteExists before AddRoute: %v %v", ok, err)
	}
	if err := r.AddRoute(ctx, "paid/qwen", buyer); err != nil {
		t.Fatal(err)
	}
	src, live := names(t, d, admin)
	if count(src, "paid/qwen") != 1 || count(live, "paid/qwen") != 1 || src[0] != "local-model" {
		t.Fatalf("after AddRoute: source %v, live %v", src, live)
	}
	raw, _ := os.ReadFile(d.Source())
	if !bytes.Contains(raw, []byte("model_name: paid/qwen")) || !bytes.Contains(raw, []byte(buyer)) {
		t.Fatalf("source file lacks the route:\n%s", raw)
	}
	if code, ans := chat(t, admin, "paid/qwen"); code != 200 || ans != "buyer:paid/qwen" {
		t.Fatalf("paid/qwen live: %d %q", code, ans)
	}
	if ok, err := r.RouteExists(ctx, "paid/qwen", buyer); !ok || err != nil {
		t.Fatalf("RouteExists after AddRoute: %v %v", ok, err)
	}

	// The gateway rebuilds from the source: the route is still there.
	if err := admin.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if code, ans := chat(t, admin, "paid/qwen"); code != 200 || ans != "buyer:paid/qwen" {
		t.Fatalf("paid/qwen after /admin/reload: %d %q", code, ans)
	}
	if ok, err := r.RouteExists(ctx, "paid/qwen", buyer); !ok || err != nil {
		t.Fatalf("RouteExists after reload: %v %v", ok, err)
	}

	// The buyer proxy moved (another port after a restart): the old route
	// is stale, and adding again replaces it in both places.
	moved := upstream(t, "moved")
	if ok, _ := r.RouteExists(ctx, "paid/qwen", moved); ok {
		t.Fatal("a route to the old buyer URL counts as existing")
	}
	if err := r.AddRoute(ctx, "paid/qwen", moved); err != nil {
		t.Fatal(err)
	}
	src, live = names(t, d, admin)
	if count(src, "paid/qwen") != 1 || count(live, "paid/qwen") != 1 {
		t.Fatalf("after re-adding: source %v, live %v", src, live)
	}
	if code, ans := chat(t, admin, "paid/qwen"); code != 200 || ans != "moved:paid/qwen" {
		t.Fatalf("paid/qwen after the move: %d %q", code, ans)
	}

	// Removed from the source by hand (`obol model remove`): reported
	// missing, and adding repairs the source without a second live entry.
	if err := d.Edit(func(c *config.Config) error { _, err := c.RemoveName("paid/qwen"); return err }); err != nil {
		t.Fatal(err)
	}
	if ok, _ := r.RouteExists(ctx, "paid/qwen", moved); ok {
		t.Fatal("a route missing from the source counts as existing")
	}
	if err := r.AddRoute(ctx, "paid/qwen", moved); err != nil {
		t.Fatal(err)
	}
	if src, live = names(t, d, admin); count(src, "paid/qwen") != 1 || count(live, "paid/qwen") != 1 {
		t.Fatalf("after repair: source %v, live %v", src, live)
	}

	if err := r.DeleteRoute(ctx, "paid/qwen"); err != nil {
		t.Fatal(err)
	}
	if src, live = names(t, d, admin); count(src, "paid/qwen") != 0 || count(live, "paid/qwen") != 0 || count(src, "local-model") != 1 {
		t.Fatalf("after DeleteRoute: source %v, live %v", src, live)
	}
	if code, _ := chat(t, admin, "paid/qwen"); code != http.StatusNotFound {
		t.Fatalf("paid/qwen after DeleteRoute: %d", code)
	}
	if err := admin.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	if _, live = names(t, d, admin); count(live, "paid/qwen") != 0 {
		t.Fatalf("paid/qwen back after reload: %v", live)
	}
}

// TestAddRouteGatewayDown: with no gateway answering, the source change
// stands (the next start serves it) and the error goes back to the
// reconciler, which retries.
func TestAddRouteGatewayDown(t *testing.T) {
	d := models.Dir{Root: t.TempDir()}
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	r := models.Routes{Dir: d, Admin: &llm.AdminClient{BaseURL: dead.URL, MasterKey: masterKey}}
	if err := r.AddRoute(context.Background(), "paid/qwen", "http://127.0.0.1:8402/v1"); err == nil {
		t.Fatal("AddRoute with no gateway: no error")
	}
	cfg, err := d.Load()
	if err != nil {
		t.Fatal(err)
	}
	if ds := cfg.Deployments(); len(ds) != 1 || ds[0].ModelName != "paid/qwen" || ds[0].APIBase() != "http://127.0.0.1:8402/v1" {
		t.Fatalf("source after AddRoute with no gateway: %+v", ds)
	}
	// The gateway that starts next serves it.
	admin := gateway(t, d)
	if _, live := names(t, d, admin); count(live, "paid/qwen") != 1 {
		t.Fatalf("a gateway started on the source does not serve paid/qwen: %v", live)
	}
}
