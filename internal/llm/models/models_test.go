package models

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSecrets(t *testing.T) {
	d := Dir{Root: t.TempDir()}
	if got := d.Secret("OPENAI_API_KEY"); got != "" {
		t.Fatalf("secret before set: %q", got)
	}
	for _, v := range []string{"sk-1", "sk-2"} {
		if err := d.SetSecret("OPENAI_API_KEY", v); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.SetSecret("ANTHROPIC_API_KEY", "sk-ant"); err != nil {
		t.Fatal(err)
	}
	if d.Secret("OPENAI_API_KEY") != "sk-2" || d.Secret("ANTHROPIC_API_KEY") != "sk-ant" {
		t.Fatalf("secrets: %q %q", d.Secret("OPENAI_API_KEY"), d.Secret("ANTHROPIC_API_KEY"))
	}
	st, err := os.Stat(d.Secrets())
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("secrets file mode: %v %v", st.Mode(), err)
	}
	for _, bad := range [][2]string{{"lower", "x"}, {"A B", "x"}, {"OK", "two\nlines"}} {
		if err := d.SetSecret(bad[0], bad[1]); err == nil {
			t.Errorf("SetSecret(%q, %q) accepted", bad[0], bad[1])
		}
	}
}

func TestOllamaDeployments(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"models":[{"name":"qwen3.5:9b"},{"name":"llama3.2:latest"}]}`))
	}))
	defer srv.Close()
	ds, err := OllamaDeployments(context.Background(), srv.URL+"/v1/", "")
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]string
	for _, d := range ds {
		got = append(got, [3]string{d.ModelName, d.Model(), d.APIBase()})
	}
	want := [][3]string{{"qwen3.5:9b", "ollama_chat/qwen3.5:9b", srv.URL}, {"llama3.2", "ollama_chat/llama3.2:latest", srv.URL}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Error(diff)
	}
	if _, err := OllamaDeployments(context.Background(), "http://127.0.0.1:1", ""); err == nil {
		t.Error("no error for a stopped Ollama")
	}
}

func TestDeploymentsValidate(t *testing.T) {
	d, key, err := CloudDeployment("anthropic", "", "")
	if err != nil || key != AnthropicKeyName || d.Model() != "anthropic/"+DefaultAnthropicModel || d.Validate() != nil {
		t.Fatalf("anthropic: %+v %s %v", d, key, err)
	}
	if _, _, err := CloudDeployment("bedrock", "", ""); err == nil {
		t.Error("bedrock accepted")
	}
	c := CustomDeployment("http://h:8000/v1/", "Qwen/Qwen3-8B", CustomKeyName("Qwen/Qwen3-8B"), true)
	if c.APIBase() != "http://h:8000/v1" || c.APIKey() != "os.environ/CUSTOM_QWEN_QWEN3_8B_API_KEY" || !c.DisableThinking() || c.Validate() != nil {
		t.Fatalf("custom: %+v", c)
	}
}
