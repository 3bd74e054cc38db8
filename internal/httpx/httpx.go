// Package httpx turns error-returning handlers into http.Handlers: one place
// decides the status code and the JSON error body, and one access log line
// is written per request. Errors shown to clients are the user-safe message
// of an *Error; anything else becomes a generic 500 so internals (and
// secrets inside wrapped errors) never leak.
package httpx

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"time"
)

// HandlerFunc is an http.HandlerFunc that can fail.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Error is an error with a status code, a machine-readable code and a
// message safe to show to the client.
type Error struct {
	Status  int
	Code    string
	Message string
	Err     error // internal cause, logged, never sent
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf builds an *Error with a client-safe message.
func Errorf(status int, code, msg string) *Error {
	return &Error{Status: status, Code: code, Message: msg}
}

// Handle adapts h, writing {"error":{"code","message"}} for failures.
func Handle(log *slog.Logger, h HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		err := h(w, r)
		if err == nil {
			return
		}
		var he *Error
		if !errors.As(err, &he) {
			log.Error("handler failed", "method", r.Method, "path", r.URL.Path, "err", err)
			he = Errorf(http.StatusInternalServerError, "internal_error", "internal error")
		} else if he.Err != nil {
			log.Warn("request failed", "method", r.Method, "path", r.URL.Path, "status", he.Status, "err", he.Err)
		}
		WriteJSON(w, he.Status, map[string]any{"error": map[string]string{"code": he.Code, "message": he.Message}})
	})
}

// WriteJSON writes v as JSON with the given status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// statusRecorder remembers the status a handler wrote, for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach Flush and deadlines underneath.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Flush keeps streaming responses streaming through the recorder.
func (s *statusRecorder) Flush() {
	if s.status == 0 {
		s.status = http.StatusOK // flushing commits the headers
	}
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// AccessLog logs one debug line per request with status, size and latency.
func AccessLog(log *slog.Logger, component string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		log.Debug("http", "component", component, "method", r.Method, "path", r.URL.Path,
			"status", rec.status, "bytes", rec.bytes, "dur", time.Since(start))
	})
}
