package models_test

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/models"
)

const editHelperEnv = "OBOL_MODELS_EDIT_HELPER_DIR"

// perWriter is how many models each writer adds, one Edit each: enough
// edits in flight that an unlocked load → edit → save loses some.
const perWriter = 25

// addModels adds models <who>-0 … through one Edit each.
func addModels(d models.Dir, who string) error {
	for i := range perWriter {
		name := fmt.Sprintf("%s-%d", who, i)
		if err := d.Edit(func(c *config.Config) error {
			return c.Add(models.CustomDeployment("http://127.0.0.1:1/v1", name, "", false))
		}); err != nil {
			return err
		}
	}
	return nil
}

// TestEditHelper is not a test on its own: TestEditConcurrent runs the test
// binary with it selected to get a second process editing the same file.
func TestEditHelper(t *testing.T) {
	dir := os.Getenv(editHelperEnv)
	if dir == "" {
		return // only meaningful as TestEditConcurrent's child process
	}
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil { // "go"
		fmt.Println("error:", err)
		os.Exit(1)
	}
	if err := addModels(models.Dir{Root: dir}, "child"); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("done")
	os.Exit(0)
}

// TestEditConcurrent: goroutines of this process and a second process edit
// the source config at once; no edit is lost.
func TestEditConcurrent(t *testing.T) {
	const goroutines = 8
	d := models.Dir{Root: t.TempDir()}
	if err := d.EnsureSource(); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestEditHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), editHelperEnv+"="+d.Root)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	out := bufio.NewReader(stdout)
	if line, err := out.ReadString('\n'); err != nil || line != "ready\n" {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("helper said %q, %v", line, err)
	}

	var wg sync.WaitGroup
	errs := make([]error, goroutines)
	start := make(chan struct{})
	for g := range goroutines {
		wg.Go(func() {
			<-start
			errs[g] = addModels(d, fmt.Sprintf("g%d", g))
		})
	}
	_, _ = io.WriteString(stdin, "go\n")
	close(start)
	wg.Wait()
	rest, _ := io.ReadAll(out)
	if err := cmd.Wait(); err != nil || !strings.Contains(string(rest), "done") {
		t.Fatalf("helper: %v\n%s", err, rest)
	}
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}

	cfg, err := d.Load()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, x := range cfg.Deployments() {
		have[x.ModelName] = true
	}
	var missing []string
	for _, who := range append([]string{"child"}, func() (w []string) {
		for g := range goroutines {
			w = append(w, fmt.Sprintf("g%d", g))
		}
		return w
	}()...) {
		for i := range perWriter {
			if n := fmt.Sprintf("%s-%d", who, i); !have[n] {
				missing = append(missing, n)
			}
		}
	}
	if len(missing) > 0 || len(cfg.Deployments()) != (goroutines+1)*perWriter {
		t.Fatalf("%d of %d edits lost (%d entries): %v", len(missing), (goroutines+1)*perWriter, len(cfg.Deployments()), missing)
	}
}

// TestEditErrorWritesNothing: when the edit fails the file is untouched.
func TestEditErrorWritesNothing(t *testing.T) {
	d := models.Dir{Root: t.TempDir()}
	if err := d.Edit(func(c *config.Config) error {
		return c.Add(models.CustomDeployment("http://127.0.0.1:1/v1", "kept", "", false))
	}); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(d.Source())
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err = d.Edit(func(c *config.Config) error {
		if _, err := c.RemoveName("kept"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Edit returned %v, want the edit's error", err)
	}
	after, _ := os.ReadFile(d.Source())
	if string(after) != string(before) {
		t.Fatalf("a failed edit changed the file:\n%s\n→\n%s", before, after)
	}
}
