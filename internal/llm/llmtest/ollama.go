package llmtest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// OllamaBinEnv names the variable that points at an ollama binary; without
// it the binary is looked up in <repo>/.cache/ollama/bin (built by
// `make ollama`, i.e. scripts/ollama.sh).
const OllamaBinEnv = "OBOL_OLLAMA_BIN"

// RequireOllamaEnv, when "1" (set by `make test`), turns a missing ollama
// binary into a test failure instead of a skip.
const RequireOllamaEnv = "OBOL_REQUIRE_OLLAMA"

// Ollama is a real Ollama server on loopback serving the tiny model.
type Ollama struct {
	// URL is the server root, e.g. http://127.0.0.1:41234 (Ollama's
	// OpenAI-compatible API is under /v1).
	URL string
	// Model is the name the tiny model was created under ("tiny").
	Model string
}

// OllamaBinary finds the ollama binary or explains how to build it.
func OllamaBinary() (string, error) {
	if p := os.Getenv(OllamaBinEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("no ollama binary at %s (%s): run `make ollama` (scripts/ollama.sh builds it, ~5 min once)", p, OllamaBinEnv)
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			p := filepath.Join(dir, ".cache", "ollama", "bin", "ollama")
			if _, err := os.Stat(p); err != nil {
				return "", fmt.Errorf("no ollama binary at %s: run `make ollama` (scripts/ollama.sh builds it, ~5 min once)", p)
			}
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the test directory; set %s", OllamaBinEnv)
		}
		dir = parent
	}
}

// StartOllama runs `ollama serve` on a free loopback port with its own model
// store, creates the tiny model in it, and stops the server when the test
// ends. Without the binary it skips, or fails under `make test`.
func StartOllama(t testing.TB) *Ollama {
	t.Helper()
	bin, err := OllamaBinary()
	if err != nil {
		if os.Getenv(RequireOllamaEnv) == "1" {
			t.Fatalf("real-Ollama test cannot run: %v", err)
		}
		t.Skipf("skipping the real-Ollama test: %v", err)
	}
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	env := append(os.Environ(), "OLLAMA_HOST="+addr, "OLLAMA_MODELS="+filepath.Join(dir, "models"),
		"HOME="+dir, "OLLAMA_NOPRUNE=1", "OLLAMA_KEEP_ALIVE=5m")
	logf, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve")
	cmd.Env, cmd.Stdout, cmd.Stderr = env, logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatalf("start ollama: %v", err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		logf.Close()
	})
	o := &Ollama{URL: "http://" + addr, Model: "tiny"}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(o.URL + "/api/version")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("ollama did not answer on %s within 30s (log: %s)", addr, readLog(logf.Name()))
		}
		time.Sleep(100 * time.Millisecond)
	}
	gguf := filepath.Join(dir, "tiny.gguf")
	if err := WriteTinyGGUF(gguf); err != nil {
		t.Fatal(err)
	}
	mf := filepath.Join(dir, "Modelfile")
	if err := os.WriteFile(mf, []byte("FROM "+gguf+"\nPARAMETER num_ctx 256\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	create := exec.CommandContext(ctx, bin, "create", o.Model, "-f", mf)
	create.Env = env
	if out, err := create.CombinedOutput(); err != nil {
		t.Fatalf("ollama create: %v: %s", err, out)
	}
	return o
}

func readLog(p string) string {
	b, _ := os.ReadFile(p)
	s := string(b)
	if len(s) > 2000 {
		s = s[len(s)-2000:]
	}
	return strings.TrimSpace(s)
}
