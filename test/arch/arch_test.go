// Package arch enforces the import rules of docs/architecture.md §2: the
// dependency graph points cmd → cli → stack → components → core, components
// never import each other, and only internal/kube may use client-go or
// controller-runtime.
package arch

import (
	"encoding/json"
	"io"
	"os/exec"
	"strings"
	"testing"
)

const mod = "github.com/obol-dev/obol/"

type pkg struct {
	ImportPath string
	Deps       []string
}

func listPackages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps=false", "-json=ImportPath,Deps", "../../...")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var pkgs []pkg
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 3 {
		t.Fatalf("go list found only %d packages; the test is not looking at the module", len(pkgs))
	}
	return pkgs
}

// component returns the component a package belongs to ("" when it is not
// part of one). Test helper packages (…test) belong to their component.
func component(path string) string {
	rel := strings.TrimPrefix(path, mod)
	for _, c := range []string{"internal/llm", "internal/x402/seller", "internal/x402/facilitator",
		"internal/x402/buyer", "internal/catalog", "internal/controller/serviceoffer",
		"internal/controller/purchase", "internal/controller/runner", "internal/admin"} {
		if rel == c || strings.HasPrefix(rel, c+"/") {
			return c
		}
	}
	return ""
}

func isCore(path string) bool {
	rel := strings.TrimPrefix(path, mod)
	for _, c := range []string{"api/", "internal/x402", "internal/chain", "internal/db", "internal/store",
		"internal/wallet", "internal/config", "internal/httpx", "internal/atomicfile", "internal/purchase", "contracts"} {
		if rel == strings.TrimSuffix(c, "/") || strings.HasPrefix(rel, strings.TrimSuffix(c, "/")+"/") {
			return component(path) == ""
		}
	}
	return false
}

func TestImportRules(t *testing.T) {
	for _, p := range listPackages(t) {
		if !strings.HasPrefix(p.ImportPath, mod) {
			continue
		}
		rel := strings.TrimPrefix(p.ImportPath, mod)
		inKube := rel == "internal/kube" || strings.HasPrefix(rel, "internal/kube/")
		entry := strings.HasPrefix(rel, "cmd/") || strings.HasPrefix(rel, "internal/cli") || strings.HasPrefix(rel, "test/")
		for _, d := range p.Deps {
			if !inKube && !entry && (strings.HasPrefix(d, "sigs.k8s.io/controller-runtime") || strings.HasPrefix(d, "k8s.io/client-go")) {
				t.Errorf("%s depends on %s: only internal/kube may use client-go or controller-runtime", rel, d)
			}
			if !strings.HasPrefix(d, mod) {
				continue
			}
			drel := strings.TrimPrefix(d, mod)
			if !entry && (strings.HasPrefix(drel, "internal/cli") || (strings.HasPrefix(drel, "internal/stack") && !strings.HasPrefix(rel, "internal/stack"))) {
				t.Errorf("%s imports %s: components and core never import the stack or the CLI", rel, drel)
			}
			if c, dc := component(p.ImportPath), component(d); c != "" && dc != "" && c != dc {
				t.Errorf("%s imports %s: components never import each other; declare a small interface and let internal/stack wire it", rel, drel)
			}
			if isCore(p.ImportPath) && component(d) != "" {
				t.Errorf("core package %s imports component %s", rel, drel)
			}
		}
	}
}

// TestBinaryStaysLean: every obol process maps the whole binary, so what
// cmd/obol links is memory each process pays (docs/architecture.md,
// "Decisions"). go-ethereum's full node — peer-to-peer, sync, its
// databases — once made the binary 70 MB instead of 41; the dev chain
// needs only go-ethereum's core.
func TestBinaryStaysLean(t *testing.T) {
	// Each entry and everything below it; "eth" and "p2p" themselves only
	// (eth/gasestimator and p2p/netutil are small and used).
	heavy := []string{
		"github.com/ethereum/go-ethereum/node", "github.com/ethereum/go-ethereum/p2p/discover",
		"github.com/ethereum/go-ethereum/p2p/nat", "github.com/ethereum/go-ethereum/p2p/rlpx",
		"github.com/ethereum/go-ethereum/eth/catalyst",
		"github.com/ethereum/go-ethereum/eth/downloader", "github.com/ethereum/go-ethereum/eth/protocols",
		"github.com/ethereum/go-ethereum/eth/filters", "github.com/ethereum/go-ethereum/eth/tracers",
		"github.com/ethereum/go-ethereum/miner", "github.com/ethereum/go-ethereum/internal/ethapi",
		"github.com/cockroachdb/pebble",
	}
	for _, p := range listPackages(t) {
		if p.ImportPath != mod+"cmd/obol" {
			continue
		}
		for _, d := range p.Deps {
			if d == "github.com/ethereum/go-ethereum/eth" || d == "github.com/ethereum/go-ethereum/p2p" {
				t.Errorf("cmd/obol links %s: keep go-ethereum's full node out of the binary", d)
			}
			for _, h := range heavy {
				if d == h || strings.HasPrefix(d, h+"/") {
					t.Errorf("cmd/obol links %s (under %s): keep go-ethereum's full node and its databases out of the binary", d, h)
				}
			}
		}
		return
	}
	t.Fatal("cmd/obol not found")
}
