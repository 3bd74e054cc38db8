package llm_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/llmtest"
)

func TestAdminModelLifecycle(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	s := startGateway(t, echoConfig(up, "litellm_settings: {drop_params: true, custom_thing: [1, 2]}\n"))
	ctx := context.Background()

	id, err := s.admin.AddModel(ctx, config.Deployment{ModelName: "hot", Params: map[string]any{
		"model": "openai/hot-up", "api_base": up.URL, "api_key": "sk-upstream"}})
	if err != nil {
		t.Fatal(err)
	}
	if code, b, _ := s.post(t, "/v1/chat/completions", `{"model":"hot","messages":[{"role":"user","content":"Reply exactly: HOT"}]}`); code != 200 || !strings.Contains(string(b), "HOT") {
		t.Fatalf("hot-added model: %d %s", code, b)
	}
	list, err := s.admin.ModelInfo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range list {
		names = append(names, m.ModelName)
		if k := m.Params["api_key"]; k != "<redacted>" {
			t.Errorf("/model/info shows api_key %v, want <redacted>", k)
		}
		if m.Info["id"] == "" {
			t.Errorf("%s has no model_info.id", m.ModelName)
		}
	}
	if strings.Join(names, ",") != "echo,hot" {
		t.Errorf("/model/info names %v", names)
	}
	rt, err := os.ReadFile(s.runtime)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"model_name: hot", "custom_thing", "drop_params: true"} {
		if !strings.Contains(string(rt), want) {
			t.Errorf("runtime copy lacks %q:\n%s", want, rt)
		}
	}
	src, _ := os.ReadFile(s.source)
	if strings.Contains(string(src), "hot") {
		t.Errorf("the source of truth was changed by /model/new:\n%s", src)
	}

	// Bad bodies change nothing.
	for _, body := range []string{`{`, `{"model_name":"x"}`, `{"model_name":"x","litellm_params":{"model":"bedrock/x"}}`,
		`{"model_name":"","litellm_params":{"model":"openai/x","api_base":"http://127.0.0.1:1/v1"}}`, `{"model_name":"x","litellm_params":{"model":"openai/x"},"bogus":1}`,
		`{"model_name":"x","litellm_params":{"model":"hosted_vllm/x"}}`} {
		code, b, _ := s.post(t, "/model/new", body)
		if code != 400 {
			t.Errorf("/model/new %s: %d %s, want 400", body, code, b)
		}
	}
	if code, b, _ := s.post(t, "/model/delete", `{"id":"nope"}`); code != 404 {
		t.Errorf("/model/delete unknown id: %d %s", code, b)
	}
	if code, b, _ := s.post(t, "/model/delete", `{}`); code != 400 {
		t.Errorf("/model/delete without id: %d %s", code, b)
	}
	if rt2, _ := os.ReadFile(s.runtime); string(rt2) != string(rt) {
		t.Errorf("a rejected change rewrote the runtime copy")
	}

	if err := s.admin.DeleteModel(ctx, id); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := s.post(t, "/v1/chat/completions", `{"model":"hot","messages":[]}`); code != 404 {
		t.Errorf("deleted model still served: %d", code)
	}
	var se *llm.StatusError
	if err := s.admin.DeleteModel(ctx, id); !errors.As(err, &se) || se.Status != 404 {
		t.Errorf("second delete: %v", err)
	}

	// A restart starts again from the source of truth.
	if _, err := s.admin.AddModel(ctx, config.Deployment{ModelName: "hot2", Params: map[string]any{"model": "openai/x", "api_base": up.URL}}); err != nil {
		t.Fatal(err)
	}
	gw2, err := llm.New(llm.Options{ConfigPath: s.source, RuntimePath: s.runtime, MasterKey: masterKey})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(gw2.Models(), ","); got != "echo" {
		t.Errorf("after restart models = %s, want echo (from the source)", got)
	}
}

// TestHotChangesUnderLoad runs 100 /model/new + /model/delete cycles while
// a load generator calls models that stay configured: no request may fail.
func TestHotChangesUnderLoad(t *testing.T) {
	up := llmtest.NewUpstream(t, llmtest.Options{APIKey: "sk-upstream"})
	s := startGateway(t, echoConfig(up, fmt.Sprintf(`  - model_name: steady
    litellm_params: {model: openai/steady, api_base: %s, api_key: sk-upstream}
`, up.URL)))
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	stop := make(chan struct{})
	var ok, failed atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	client := &http.Client{Transport: llm.NewTransport()}
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			models := []string{"echo", "steady"}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				stream := i%3 == 0
				body := fmt.Sprintf(`{"model":%q,"stream":%v,"messages":[{"role":"user","content":"Reply exactly: L%d"}]}`, models[(i+w)%2], stream, i)
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.url+"/v1/chat/completions", strings.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+masterKey)
				resp, err := client.Do(req)
				if err != nil {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, err.Error())
					continue
				}
				data, rerr := io.ReadAll(resp.Body)
				b := string(data)
				resp.Body.Close()
				want := fmt.Sprintf("L%d", i)
				if resp.StatusCode != 200 || rerr != nil || !strings.Contains(b, want) || (stream && !strings.Contains(b, "[DONE]")) {
					failed.Add(1)
					firstErr.CompareAndSwap(nil, fmt.Sprintf("status %d err %v body %.200s", resp.StatusCode, rerr, b))
					continue
				}
				ok.Add(1)
			}
		}(w)
	}
	for i := 0; i < 100; i++ {
		id, err := s.admin.AddModel(ctx, config.Deployment{ModelName: fmt.Sprintf("tmp-%d", i),
			Params: map[string]any{"model": "openai/tmp", "api_base": up.URL, "api_key": "sk-upstream"}})
		if err != nil {
			t.Fatalf("cycle %d add: %v", i, err)
		}
		if err := s.admin.DeleteModel(ctx, id); err != nil {
			t.Fatalf("cycle %d delete: %v", i, err)
		}
	}
	close(stop)
	wg.Wait()
	if failed.Load() != 0 || ok.Load() < 100 {
		t.Fatalf("%d requests ok, %d failed (first: %v)", ok.Load(), failed.Load(), firstErr.Load())
	}
	t.Logf("%d requests served during 100 add/delete cycles, 0 failed", ok.Load())
	if got := strings.Join(s.gw.Models(), ","); got != "echo,steady" {
		t.Errorf("models after the cycles: %s", got)
	}
}
