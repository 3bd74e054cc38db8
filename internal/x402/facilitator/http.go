package facilitator

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"

	"github.com/obol-dev/obol/internal/x402"
)

const maxBody = 64 << 10

func (f *Facilitator) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /supported", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, f.Supported()) })
	mux.HandleFunc("POST /verify", f.serveVerify)
	mux.HandleFunc("POST /settle", f.serveSettle)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, http.StatusOK, map[string]bool{"ok": true}) })
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// readRequest decodes a /verify or /settle body. A malformed request is a
// 400 with the reason code in the answer's own shape, so x402 clients that
// look for isValid/success still understand it.
func readRequest(r *http.Request) (*x402.PaymentPayload, *x402.PaymentRequirements, *x402.Error) {
	body, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, maxBody))
	if err != nil {
		return nil, nil, &x402.Error{Reason: x402.ReasonInvalidPayload, Message: "read body: " + err.Error()}
	}
	p, req, err := x402.ParseFacilitatorRequest(body)
	if err != nil {
		var xe *x402.Error
		if errors.As(err, &xe) {
			return nil, nil, xe
		}
		return nil, nil, &x402.Error{Reason: x402.ReasonInvalidPayload, Message: err.Error()}
	}
	return p, req, nil
}

func (f *Facilitator) serveVerify(w http.ResponseWriter, r *http.Request) {
	p, req, xerr := readRequest(r)
	if xerr != nil {
		out := &x402.VerifyResponse{InvalidReason: xerr.Reason, InvalidMessage: xerr.Message}
		f.metrics.observeVerify(out, 0)
		writeJSON(w, http.StatusBadRequest, out)
		return
	}
	writeJSON(w, http.StatusOK, f.Verify(r.Context(), p, req))
}

func (f *Facilitator) serveSettle(w http.ResponseWriter, r *http.Request) {
	p, req, xerr := readRequest(r)
	if xerr != nil {
		out := &x402.SettleResponse{ErrorReason: xerr.Reason, ErrorMessage: xerr.Message}
		f.metrics.observeSettle(out, nil, 0)
		writeJSON(w, http.StatusBadRequest, out)
		return
	}
	out, err := f.Settle(r.Context(), p, req)
	if err != nil {
		f.log.Error("settle failed", "err", err)
		writeJSON(w, http.StatusInternalServerError, &x402.SettleResponse{ErrorReason: x402.ReasonUnexpectedSettleError,
			ErrorMessage: "settlement outcome unknown; retry the same payment to get it", Network: req.Network})
		return
	}
	writeJSON(w, http.StatusOK, out)
}
