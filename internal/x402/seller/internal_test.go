package seller

import (
	"testing"
	"time"
)

func TestRouteMatch(t *testing.T) {
	mk := func(prefix string) Route { return Route{Prefix: prefix} }
	tbl := &routeTable{byPrefix: map[string]*Route{}}
	for _, p := range []string{"/services/a", "/services/a/b", "/services/c"} {
		r := mk(p)
		tbl.byPrefix[p] = &r
	}
	for _, tc := range []struct{ path, want string }{
		{"/services/a", "/services/a"},
		{"/services/a/", "/services/a"},
		{"/services/a/x/y", "/services/a"},
		{"/services/a/b", "/services/a/b"},
		{"/services/a/b/c", "/services/a/b"},
		{"/services/ab", ""},
		{"/services/a/bc", "/services/a"},
		{"/services", ""},
		{"/", ""},
		{"", ""},
	} {
		got := ""
		if r := tbl.match(tc.path); r != nil {
			got = r.Prefix
		}
		if got != tc.want {
			t.Errorf("match(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestForwardPath(t *testing.T) {
	for _, tc := range []struct{ base, prefix, path, want string }{
		{"", "/services/a", "/services/a", "/"},
		{"", "/services/a", "/services/a/v1/models", "/v1/models"},
		{"/base/", "/services/a", "/services/a/v1", "/base/v1"},
		{"/base", "/services/a", "/services/a/", "/base/"},
	} {
		if got := forwardPath(tc.base, tc.prefix, tc.path); got != tc.want {
			t.Errorf("forwardPath(%q,%q,%q) = %q, want %q", tc.base, tc.prefix, tc.path, got, tc.want)
		}
	}
}

func TestReplayGuard(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	g := newReplayGuard(time.Hour)
	if s := g.acquire("k", now.Add(10*time.Minute), now); s != replayFresh {
		t.Fatalf("first acquire: %v", s)
	}
	if s := g.acquire("k", time.Time{}, now); s != replayInFlight {
		t.Fatalf("second acquire while in flight: %v", s)
	}
	g.release("k")
	if s := g.acquire("k", now.Add(10*time.Minute), now); s != replayFresh {
		t.Fatalf("acquire after release: %v", s)
	}
	g.settle("k")
	if s := g.acquire("k", time.Time{}, now.Add(9*time.Minute)); s != replaySettled {
		t.Fatalf("acquire after settle: %v", s)
	}
	// After the authorization expired it cannot settle anywhere: forgotten.
	g.sweep(now.Add(11 * time.Minute))
	if g.len() != 0 {
		t.Fatalf("%d entries after expiry", g.len())
	}
	// Long-lived authorizations are kept for the retention only.
	g.acquire("long", now.Add(30*24*time.Hour), now)
	g.settle("long")
	if s := g.acquire("long", time.Time{}, now.Add(59*time.Minute)); s != replaySettled {
		t.Fatalf("within retention: %v", s)
	}
	g.sweep(now.Add(61 * time.Minute))
	if g.len() != 0 {
		t.Fatalf("%d entries after retention", g.len())
	}
}
