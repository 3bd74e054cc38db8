package demomodel

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestChatAndStream(t *testing.T) {
	s, err := Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	resp, err := http.Post(s.URL()+"/chat/completions", "application/json",
		strings.NewReader(`{"model":"obol-demo","messages":[{"role":"user","content":"hi there"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Choices []struct{ Message struct{ Content string } }
	}
	json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if len(out.Choices) != 1 || out.Choices[0].Message.Content != Reply("hi there") {
		t.Fatalf("reply %+v", out)
	}
	resp, err = http.Post(s.URL()+"/chat/completions", "application/json",
		strings.NewReader(`{"model":"obol-demo","stream":true,"messages":[{"role":"user","content":[{"type":"text","text":"parts"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.HasSuffix(string(body), "data: [DONE]\n\n") || !strings.Contains(string(body), `\"parts\"`) {
		t.Fatalf("stream %s", body)
	}
	resp, _ = http.Post(s.URL()+"/chat/completions", "application/json", strings.NewReader(`{`))
	if resp.StatusCode != 400 {
		t.Fatalf("bad body status %d", resp.StatusCode)
	}
}
