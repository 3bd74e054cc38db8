package httpx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestHandleErrors(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	cases := []struct {
		name       string
		err        error
		wantStatus int
		wantBody   string
	}{
		{"ok", nil, 200, "fine"},
		{"safe error", Errorf(400, "bad_request", "body is not JSON"), 400, `{"error":{"code":"bad_request","message":"body is not JSON"}}`},
		{"wrapped safe error", fmt.Errorf("decode: %w", Errorf(404, "not_found", "no such offer")), 404, `"no such offer"`},
		{"internal error hides cause", errors.New("db password hunter2 rejected"), 500, `{"error":{"code":"internal_error","message":"internal error"}}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := Handle(log, func(w http.ResponseWriter, r *http.Request) error {
				if tc.err == nil {
					io.WriteString(w, "fine")
				}
				return tc.err
			})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
			if rec.Code != tc.wantStatus || !strings.Contains(rec.Body.String(), tc.wantBody) {
				t.Fatalf("got %d %s; want %d containing %s", rec.Code, rec.Body, tc.wantStatus, tc.wantBody)
			}
			if strings.Contains(rec.Body.String(), "hunter2") {
				t.Fatal("internal error leaked to the client")
			}
		})
	}
	if !strings.Contains(logs.String(), "hunter2") {
		t.Fatal("internal error was not logged for the operator")
	}
}

func TestAccessLogKeepsFlusher(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	h := AccessLog(log, "test", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := http.NewResponseController(w).Flush(); err != nil {
			t.Errorf("flush through the access log failed: %v", err)
		}
		w.WriteHeader(202)
	}))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/y", nil))
	if !strings.Contains(logs.String(), "status=200") || !strings.Contains(logs.String(), "path=/y") {
		t.Fatalf("access log line missing: %s", logs.String())
	}
}
