package catalog

import (
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// DefaultMaxAge is the Cache-Control max-age of the documents: short, so
// a drain or a new offer shows within a minute even through a CDN.
const DefaultMaxAge = time.Minute

// Options configure New.
type Options struct {
	// MaxAge is the Cache-Control max-age; default DefaultMaxAge.
	MaxAge time.Duration
	// Logger; default slog.Default().
	Logger *slog.Logger
}

// Handler serves the discovery documents from the current Snapshot. It
// answers 503 until the first snapshot arrives, so a starting seller never
// publishes an empty catalog by mistake.
type Handler struct {
	snap         atomic.Pointer[Snapshot]
	cacheControl string
	log          *slog.Logger
}

// New returns a Handler with no snapshot yet.
func New(opts Options) (*Handler, error) {
	if opts.MaxAge < 0 {
		return nil, fmt.Errorf("new catalog handler: negative max age %s", opts.MaxAge)
	}
	if opts.MaxAge == 0 {
		opts.MaxAge = DefaultMaxAge
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Handler{
		cacheControl: "public, max-age=" + strconv.Itoa(int(opts.MaxAge/time.Second)),
		log:          opts.Logger,
	}, nil
}

// Swap installs a new snapshot; requests in flight finish with the old one.
func (h *Handler) Swap(s *Snapshot) {
	if s == nil {
		return
	}
	h.snap.Store(s)
	for _, sk := range s.Skipped {
		h.log.Warn("offer left out of the catalog", "namespace", sk.Namespace, "name", sk.Name, "reason", sk.Reason)
	}
}

// Snapshot returns the snapshot being served, or nil.
func (h *Handler) Snapshot() *Snapshot { return h.snap.Load() }

// ServeHTTP implements http.Handler.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Access-Control-Allow-Origin", "*")
	hdr.Set("X-Content-Type-Options", "nosniff")
	switch r.Method {
	case http.MethodGet, http.MethodHead:
	case http.MethodOptions:
		hdr.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		hdr.Set("Access-Control-Allow-Headers", "*")
		hdr.Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		hdr.Set("Allow", "GET, HEAD, OPTIONS")
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed; use GET")
		return
	}
	s := h.snap.Load()
	if s == nil {
		hdr.Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "catalog_loading", "the catalog is loading; retry in a second")
		return
	}
	doc, ok := s.docs[r.URL.Path]
	if !ok {
		writeError(w, http.StatusNotFound, "not_found", "no document at "+r.URL.Path)
		return
	}
	hdr.Set("Cache-Control", h.cacheControl)
	hdr.Set("ETag", doc.etag)
	hdr.Set("Vary", "Accept-Encoding")
	if etagMatches(r.Header.Get("If-None-Match"), doc.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hdr.Set("Content-Type", doc.contentType)
	hdr.Set("Content-Length", strconv.Itoa(len(doc.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(doc.body) // a client gone mid-write is not our error
	}
}

func etagMatches(inm, etag string) bool {
	if inm == "" {
		return false
	}
	for _, t := range strings.Split(inm, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "{\"error\":{\"code\":%q,\"message\":%q}}\n", code, msg)
}
