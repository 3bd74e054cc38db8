// Package nodetest finds the official npm clients (openai, viem, @x402/*)
// that interop tests drive. They live in <repo>/test/node/node_modules,
// installed by `make node-deps`; the Makefile also exports their path as
// OBOL_NODE_MODULES. A test that needs them fails — never skips — when they
// are missing, saying how to install them.
package nodetest

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the absolute path of test/node (where the .mjs scripts are),
// after checking that every npm package named in need is installed.
func Dir(t testing.TB, need ...string) string {
	t.Helper()
	mods := os.Getenv("OBOL_NODE_MODULES")
	if mods == "" {
		root, err := repoRoot()
		if err != nil {
			t.Fatalf("find the repository root: %v", err)
		}
		mods = filepath.Join(root, "test", "node", "node_modules")
	}
	for _, pkg := range need {
		if _, err := os.Stat(filepath.Join(mods, pkg, "package.json")); err != nil {
			t.Fatalf("npm package %s is not installed in %s: run `make node-deps`", pkg, mods)
		}
	}
	dir, err := filepath.Abs(filepath.Dir(mods))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// repoRoot walks up from the working directory (a test's package dir) to
// the directory holding go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
