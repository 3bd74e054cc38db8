package catalog

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/obol-dev/obol/api/v1alpha1"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func newServer(t *testing.T) (*Handler, *httptest.Server) {
	t.Helper()
	h, err := New(Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h) // loopback
	t.Cleanup(srv.Close)
	return h, srv
}

func do(t *testing.T, method, url string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func mustBuild(t testing.TB, in Input) *Snapshot {
	t.Helper()
	s, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	validateServices(t, s.Document(PathServices))
	return s
}

func TestHandlerBeforeFirstSnapshot(t *testing.T) {
	_, srv := newServer(t)
	resp, body := do(t, "GET", srv.URL+PathServices, nil)
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || !strings.Contains(body, "catalog_loading") {
		t.Fatalf("before the first snapshot: %d %q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
}

func TestHandlerServesDocuments(t *testing.T) {
	h, srv := newServer(t)
	snap := mustBuild(t, input(readyOffer("my-qwen")))
	h.Swap(snap)
	types := map[string]string{
		PathServices: "application/json; charset=utf-8", PathSkill: "text/markdown; charset=utf-8",
		PathOpenAPI: "application/json; charset=utf-8", PathRegistration: "application/json; charset=utf-8",
	}
	for _, p := range Paths() {
		t.Run(p, func(t *testing.T) {
			resp, body := do(t, "GET", srv.URL+p, nil)
			if resp.StatusCode != 200 || body != string(snap.Document(p)) {
				t.Fatalf("GET %s = %d, body matches snapshot: %v", p, resp.StatusCode, body == string(snap.Document(p)))
			}
			if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "*" {
				t.Errorf("Access-Control-Allow-Origin = %q", got)
			}
			if got := resp.Header.Get("Cache-Control"); got != "public, max-age=60" {
				t.Errorf("Cache-Control = %q", got)
			}
			if got := resp.Header.Get("Content-Type"); got != types[p] {
				t.Errorf("Content-Type = %q, want %q", got, types[p])
			}
			etag := resp.Header.Get("ETag")
			resp, body = do(t, "GET", srv.URL+p, map[string]string{"If-None-Match": etag})
			if resp.StatusCode != http.StatusNotModified || body != "" {
				t.Errorf("If-None-Match with the ETag = %d", resp.StatusCode)
			}
			resp, body = do(t, "HEAD", srv.URL+p, nil)
			if resp.StatusCode != 200 || body != "" || resp.ContentLength != int64(len(snap.Document(p))) {
				t.Errorf("HEAD = %d, %d bytes, Content-Length %d", resp.StatusCode, len(body), resp.ContentLength)
			}
		})
	}
}

func TestHandlerRefusals(t *testing.T) {
	h, srv := newServer(t)
	h.Swap(mustBuild(t, input()))
	tests := []struct {
		method, path string
		status       int
		header       string
	}{
		{"POST", PathServices, http.StatusMethodNotAllowed, "Allow"},
		{"DELETE", PathSkill, http.StatusMethodNotAllowed, "Allow"},
		{"GET", "/api/other.json", http.StatusNotFound, ""},
		{"GET", "/admin", http.StatusNotFound, ""},
		{"OPTIONS", PathServices, http.StatusNoContent, "Access-Control-Allow-Methods"},
	}
	for _, tt := range tests {
		resp, _ := do(t, tt.method, srv.URL+tt.path, nil)
		if resp.StatusCode != tt.status {
			t.Errorf("%s %s = %d, want %d", tt.method, tt.path, resp.StatusCode, tt.status)
		}
		if tt.header != "" && resp.Header.Get(tt.header) == "" {
			t.Errorf("%s %s lacks %s", tt.method, tt.path, tt.header)
		}
		if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Errorf("%s %s lacks CORS", tt.method, tt.path)
		}
	}
}

// TestHandlerSwapIsAtomic reads while snapshots are swapped: every body is
// one whole document of one snapshot, never a mix or a torn read.
func TestHandlerSwapIsAtomic(t *testing.T) {
	h, srv := newServer(t)
	a := mustBuild(t, input(readyOffer("alpha")))
	b := mustBuild(t, input(readyOffer("beta"), readyOffer("gamma")))
	h.Swap(a)
	valid := map[string]bool{string(a.Document(PathServices)): true, string(b.Document(PathServices)): true}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if i%2 == 0 {
				h.Swap(b)
			} else {
				h.Swap(a)
			}
		}
	})
	for range 200 {
		resp, body := do(t, "GET", srv.URL+PathServices, nil)
		if resp.StatusCode != 200 || !valid[body] {
			t.Fatalf("read a body that is neither snapshot (status %d)", resp.StatusCode)
		}
	}
	close(stop)
	wg.Wait()
}

func TestNewRejectsNegativeMaxAge(t *testing.T) {
	if _, err := New(Options{MaxAge: -time.Second}); err == nil {
		t.Fatal("negative max age accepted")
	}
}

func BenchmarkBuild100Offers(b *testing.B) {
	offers := make([]v1alpha1.ServiceOffer, 0, 100)
	for i := range 100 {
		offers = append(offers, readyOffer("offer-"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26)), multiPayment))
	}
	in := input(offers...)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Build(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkServeServicesJSON(b *testing.B) {
	h, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	h.Swap(mustBuild(b, input(readyOffer("a"), readyOffer("b", multiPayment))))
	req := httptest.NewRequest("GET", PathServices, nil)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkPeerServeContent serves the same bytes with the standard
// library's http.ServeContent, the peer for BenchmarkServeServicesJSON.
func BenchmarkPeerServeContent(b *testing.B) {
	body := mustBuild(b, input(readyOffer("a"), readyOffer("b", multiPayment))).Document(PathServices)
	req := httptest.NewRequest("GET", PathServices, nil)
	mod := time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC)
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		w.Header().Set("Content-Type", "application/json")
		http.ServeContent(w, req, "services.json", mod, bytes.NewReader(body))
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}
