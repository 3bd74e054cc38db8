package llm

import (
	"errors"
	"unicode/utf8"

	"github.com/tidwall/gjson"
	"github.com/tidwall/sjson"
)

// request is what the gateway needs to know about an inbound JSON body. It
// is read with a targeted scan, not a full decode: the body is forwarded as
// it came except for the fields the route must change.
type request struct {
	model    string
	modelIdx int // byte offset of the model value in the body, 0 = absent
	modelLen int // length of the raw model value
	stream   bool
}

// errNoModel and errBadModel are 400s with a clear message.
var (
	errNoModel  = errors.New(`the request has no "model" field: name one of GET /v1/models`)
	errBadModel = errors.New(`"model" must be a string`)
	errBadJSON  = errors.New("the request body is not valid JSON")
	errNotObj   = errors.New("the request body must be a JSON object")
)

// parseRequest validates the body and finds model and stream.
func parseRequest(body []byte) (request, error) {
	if !gjson.ValidBytes(body) {
		return request{}, errBadJSON
	}
	i := 0
	for i < len(body) && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n') {
		i++
	}
	if i == len(body) || body[i] != '{' {
		return request{}, errNotObj
	}
	res := gjson.GetManyBytes(body, "model", "stream")
	m := res[0]
	if !m.Exists() {
		return request{}, errNoModel
	}
	if m.Type != gjson.String || m.Str == "" {
		return request{}, errBadModel
	}
	return request{model: m.Str, modelIdx: m.Index, modelLen: len(m.Raw), stream: res[1].Type == gjson.True}, nil
}

// rewriteBody returns the body to send upstream: the model replaced by
// upstream (when it differs), extra_body merged, thinking disabled when the
// route asks. dst is a reusable buffer; the body itself is never modified,
// and when nothing changes the body is returned as is.
func rewriteBody(dst, body []byte, req request, upstream string, r *route, chat bool) ([]byte, error) {
	out := body
	if upstream != req.model {
		if req.modelIdx <= 0 {
			return nil, errNoModel
		}
		dst = append(dst[:0], body[:req.modelIdx]...)
		dst = appendJSONString(dst, upstream)
		dst = append(dst, body[req.modelIdx+req.modelLen:]...)
		out = dst
	}
	var err error
	for _, p := range r.extra {
		if out, err = sjson.SetRawBytes(out, p.path, p.raw); err != nil {
			return nil, err
		}
	}
	if r.noThinking && chat {
		if out, err = sjson.SetRawBytes(out, "chat_template_kwargs.enable_thinking", []byte("false")); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// appendJSONString appends s as a JSON string literal.
func appendJSONString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c < 0x20:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, `\ufffd`...)
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}
