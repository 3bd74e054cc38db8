package llm_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/llmtest"
)

func TestPreflight(t *testing.T) {
	closed := httptest.NewServer(nil)
	closedURL := closed.URL + "/v1"
	closed.Close()
	tests := []struct {
		name         string
		opts         llmtest.Options
		endpoint     func(*llmtest.Upstream) string
		model, key   string
		wantReason   string
		wantIn       string
		wantThinking bool
	}{
		{name: "ok", model: "echo"},
		{name: "thinking retry", opts: llmtest.Options{Fault: llmtest.FaultReasoningOnly}, model: "echo", wantThinking: true},
		{name: "unreachable", endpoint: func(*llmtest.Upstream) string { return closedURL }, model: "echo", wantReason: llm.ReasonUnreachable, wantIn: "cannot reach"},
		{name: "no /v1", endpoint: func(u *llmtest.Upstream) string { return u.Server.URL }, model: "echo", wantReason: llm.ReasonModelsStatus, wantIn: "ending in /v1"},
		{name: "bad key", opts: llmtest.Options{APIKey: "right"}, key: "wrong", model: "echo", wantReason: llm.ReasonUnauthorized, wantIn: "rejected the API key"},
		{name: "model missing", model: "other", wantReason: llm.ReasonModelMissing, wantIn: `"other" is not served`},
		{name: "503", opts: llmtest.Options{Fault: llmtest.Fault503}, model: "echo", wantReason: llm.ReasonChatStatus, wantIn: "answered 503"},
		{name: "empty", opts: llmtest.Options{Fault: llmtest.FaultEmpty}, model: "echo", wantReason: llm.ReasonEmpty, wantIn: "empty content"},
		{name: "off topic", opts: llmtest.Options{Fault: llmtest.FaultOffTopic}, model: "echo", wantReason: llm.ReasonWrongAnswer, wantIn: "did not reply with the marker"},
		{name: "slow", opts: llmtest.Options{Fault: llmtest.FaultSlow, Delay: 5 * time.Second}, model: "echo", wantReason: llm.ReasonChatTimeout, wantIn: "no answer within"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			up := llmtest.NewUpstream(t, tc.opts)
			ep := up.URL
			if tc.endpoint != nil {
				ep = tc.endpoint(up)
			}
			res, err := llm.Preflight(context.Background(), llm.PreflightOptions{Endpoint: ep, Model: tc.model, APIKey: tc.key, ChatTimeout: 300 * time.Millisecond})
			if tc.wantReason == "" {
				if err != nil {
					t.Fatalf("preflight failed: %v", err)
				}
				if res.DisableThinking != tc.wantThinking || !strings.Contains(res.Content, llm.PreflightMarker) {
					t.Errorf("result %+v", res)
				}
				return
			}
			var pe *llm.PreflightError
			if !errors.As(err, &pe) || pe.Reason != tc.wantReason || !strings.Contains(pe.Message, tc.wantIn) {
				t.Fatalf("error %v (%T), want reason %s containing %q", err, err, tc.wantReason, tc.wantIn)
			}
		})
	}
}
