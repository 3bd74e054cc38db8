package llm

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{`{"model":"echo","messages":[]}`, `{"model":"a\"b","stream":true}`, `{"model":7}`, `[]`, `{`, ` {"x":{"model":"inner"},"model":"outer"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, err := parseRequest(body)
		if err != nil {
			return
		}
		r := &route{noThinking: true, extra: []bodyPatch{{path: "top_k", raw: []byte("3")}}}
		out, err := rewriteBody(nil, body, req, "up/"+req.model, r, true)
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("rewrite produced invalid JSON from %q: %q", body, out)
		}
		if got := gjson.GetBytes(out, "model").Str; got != "up/"+req.model {
			t.Fatalf("model after rewrite %q, want %q (body %q)", got, "up/"+req.model, body)
		}
	})
}

func FuzzToAnthropic(f *testing.F) {
	f.Add([]byte(`{"model":"m","messages":[{"role":"system","content":"s"},{"role":"user","content":[{"type":"text","text":"hi"}]},{"role":"assistant","tool_calls":[{"id":"1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","tool_call_id":"1","content":"r"}],"tools":[{"type":"function","function":{"name":"f"}}],"tool_choice":"required","stop":"x"}`))
	f.Add([]byte(`{"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}}]}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		out, err := ToAnthropic(body, "claude")
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid JSON: %s", out)
		}
	})
}

func FuzzFromAnthropic(f *testing.F) {
	f.Add([]byte(`{"id":"m","model":"c","content":[{"type":"text","text":"hi"},{"type":"tool_use","id":"t","name":"f","input":{"a":1}}],"stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":2}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		out, err := FromAnthropic(body)
		if err == nil && !json.Valid(out) {
			t.Fatalf("invalid JSON: %s", out)
		}
	})
}

func FuzzTranslateAnthropicStream(f *testing.F) {
	f.Add([]byte("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"m\",\"model\":\"c\"}}\n\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\"}}\n\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{}\"}}\n\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"tool_use\"}}\n\ndata: {\"type\":\"message_stop\"}\n\n"))
	f.Add([]byte("data: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"busy\"}}\n\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		var out bytes.Buffer
		_ = TranslateAnthropicStream(bytes.NewReader(in), &out)
		for _, ev := range strings.Split(out.String(), "\n\n") {
			data, ok := strings.CutPrefix(ev, "data: ")
			if !ok || data == "[DONE]" {
				continue
			}
			if !json.Valid([]byte(data)) {
				t.Fatalf("invalid chunk %q", data)
			}
		}
	})
}
