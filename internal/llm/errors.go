package llm

import (
	"encoding/json"
	"net/http"
)

// apiError is an error in OpenAI's shape: {"error":{"message","type","param","code"}}.
type apiError struct {
	Status  int     `json:"-"`
	Message string  `json:"message"`
	Type    string  `json:"type"`
	Param   *string `json:"param"`
	Code    string  `json:"code"`
}

func (e *apiError) Error() string { return e.Message }

func writeError(w http.ResponseWriter, e *apiError) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Del("Content-Length")
	w.WriteHeader(e.Status)
	_ = json.NewEncoder(w).Encode(struct {
		Error *apiError `json:"error"`
	}{e})
}

func errBadRequest(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Message: msg, Type: "invalid_request_error", Code: "invalid_request"}
}

func errModelNotFound(model string) *apiError {
	return &apiError{Status: http.StatusNotFound, Type: "invalid_request_error", Code: "model_not_found",
		Message: "model " + quote(model) + " is not configured on this gateway: see GET /v1/models"}
}

func errUnauthorized() *apiError {
	return &apiError{Status: http.StatusUnauthorized, Type: "authentication_error", Code: "invalid_api_key",
		Message: "missing or wrong API key: send Authorization: Bearer <master key>"}
}

func errUpstream(model, detail string) *apiError {
	return &apiError{Status: http.StatusBadGateway, Type: "upstream_error", Code: "upstream_unreachable",
		Message: "upstream for model " + quote(model) + " failed: " + detail}
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
