package seller

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/obol-dev/obol/internal/x402"
)

// HeaderPaymentPayer tells the upstream who paid (a checksummed address).
// A client's own copy is removed first: only the seller may assert it.
const HeaderPaymentPayer = "X-Payment-Payer"

// exchange is one verified payment on its way to the upstream.
type exchange struct {
	rt   *Route
	path string
	body []byte
	pay  *x402.Payment
	freq *FacilitatorRequest
	lbl  labels
}

// upstreamFailure is the JSON answer when a verified payment is not settled
// because the upstream failed: the client learns it was not charged.
type upstreamFailure struct {
	Error           errorBody `json:"error"`
	PaymentVerified bool      `json:"paymentVerified"`
	PaymentSettled  bool      `json:"paymentSettled"`
	UpstreamStatus  int       `json:"upstreamStatus,omitempty"`
	UpstreamBody    string    `json:"upstreamBody,omitempty"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

const maxUpstreamErrorBody = 4 << 10

// forward sends the request upstream and settles what it served. It reports
// whether the response was delivered (the payment is then spent for good).
func (s *Seller) forward(w http.ResponseWriter, r *http.Request, x *exchange) bool {
	ctx, cancel := context.WithTimeout(r.Context(), s.upTimeout)
	defer cancel()
	resp, err := s.upstream.Do(s.upstreamRequest(ctx, r, x))
	if err != nil {
		status := http.StatusBadGateway
		if errors.Is(err, context.DeadlineExceeded) {
			status = http.StatusGatewayTimeout
		}
		s.log.Warn("upstream request failed after verify", "offer", x.rt.Namespace+"/"+x.rt.Name, "err", err)
		s.upstreamFailed(w, x, status, 0, nil, "the upstream could not be reached")
		return false
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, maxUpstreamErrorBody))
		s.upstreamFailed(w, x, resp.StatusCode, resp.StatusCode, b, fmt.Sprintf("the upstream answered %d", resp.StatusCode))
		return false
	}
	if isStreaming(resp.Header) {
		return s.stream(w, r, x, resp, nil)
	}
	buf, err := io.ReadAll(io.LimitReader(resp.Body, s.maxBuffer+1))
	if err != nil {
		s.upstreamFailed(w, x, http.StatusBadGateway, 0, nil, "the upstream's answer broke off")
		return false
	}
	if int64(len(buf)) > s.maxBuffer {
		return s.stream(w, r, x, resp, buf)
	}
	return s.deliverSettled(w, r, x, resp, buf)
}

func (s *Seller) upstreamRequest(ctx context.Context, r *http.Request, x *exchange) *http.Request {
	u := *x.rt.upstreamURL
	u.Path = forwardPath(u.Path, x.rt.Prefix, x.path)
	u.RawPath = ""
	u.RawQuery = r.URL.RawQuery
	out, _ := http.NewRequestWithContext(ctx, r.Method, u.String(), bytes.NewReader(x.body))
	out.ContentLength = int64(len(x.body))
	if x.body == nil {
		out.Body = http.NoBody
	}
	copyHeaders(out.Header, r.Header)
	for _, h := range []string{x402.HeaderPaymentSignature, x402.HeaderXPayment, HeaderPaymentPayer} {
		out.Header.Del(h)
	}
	if x.rt.UpstreamAuth != "" {
		out.Header.Set("Authorization", x.rt.UpstreamAuth)
	}
	out.Header.Set(HeaderPaymentPayer, x.pay.Payer.Hex())
	if ip, _, err := net.SplitHostPort(r.RemoteAddr); err == nil {
		if prior := r.Header.Get("X-Forwarded-For"); prior != "" {
			ip = prior + ", " + ip
		}
		out.Header.Set("X-Forwarded-For", ip)
	}
	out.Header.Set("X-Forwarded-Host", r.Host)
	if r.TLS != nil {
		out.Header.Set("X-Forwarded-Proto", "https")
	} else if out.Header.Get("X-Forwarded-Proto") == "" {
		out.Header.Set("X-Forwarded-Proto", "http")
	}
	return out
}

// deliverSettled settles a complete, buffered answer and only then sends
// it: a settlement that fails leaves the client without the content and
// without a charge.
func (s *Seller) deliverSettled(w http.ResponseWriter, r *http.Request, x *exchange, resp *http.Response, buf []byte) bool {
	if r.Context().Err() != nil {
		return false // the client left; nothing delivered, nothing settled
	}
	sr, hdr, ok := s.settle(r, x)
	if !ok {
		if sr != nil && hdr != "" {
			w.Header().Set(x402.HeaderPaymentResponse, hdr)
			w.Header().Set(x402.HeaderXPaymentResponse, hdr)
			s.writeChallenge(w, r, x.rt, sr.ErrorReason, "settlement failed: "+sr.ErrorMessage)
			return false
		}
		writeJSON(w, http.StatusBadGateway, upstreamFailure{PaymentVerified: true,
			Error: errorBody{Code: ReasonSettlementFailed, Message: "the facilitator could not settle the payment; the response was withheld and nothing was charged"}})
		return false
	}
	h := w.Header()
	copyHeaders(h, resp.Header)
	h.Set(x402.HeaderPaymentResponse, hdr)
	h.Set(x402.HeaderXPaymentResponse, hdr)
	h.Set("Content-Length", fmt.Sprint(len(buf)))
	w.WriteHeader(resp.StatusCode)
	if _, err := w.Write(buf); err != nil {
		s.log.Info("client went away after a settled answer", "offer", x.rt.Namespace+"/"+x.rt.Name, "err", err)
	}
	return true
}

// settle calls the facilitator. ok means the response may be delivered:
// settled, or pending with a transaction on its way. hdr is the encoded
// settle response whenever there is one.
func (s *Seller) settle(r *http.Request, x *exchange) (*x402.SettleResponse, string, bool) {
	sr, err := s.fac.Settle(settleContext(r), x.freq)
	if err != nil {
		s.log.Warn("settle failed", "offer", x.rt.Namespace+"/"+x.rt.Name, "payer", x.pay.Payer.Hex(), "err", err)
		s.m.fail(x.lbl, ReasonSettlementFailed)
		return nil, "", false
	}
	if sr.Network == "" {
		sr.Network = x.freq.Requirements.Network
	}
	if sr.Payer == "" {
		sr.Payer = x.pay.Payer.Hex()
	}
	if !sr.Success && sr.Transaction == "" && sr.ErrorReason == "" {
		sr.ErrorReason = ReasonSettlementFailed
	}
	hdr, err := x402.EncodeHeader(sr)
	if err != nil {
		s.log.Error("encode settle response", "err", err)
		hdr = ""
	}
	switch {
	case sr.Success:
		s.m.charge(x.lbl, s.now())
		return sr, hdr, true
	case sr.Transaction != "":
		// Broadcast but not confirmed in the facilitator's time: the money
		// is on its way (the facilitator finishes it), so the client gets
		// its answer and the tx hash to follow.
		s.log.Warn("settlement pending", "offer", x.rt.Namespace+"/"+x.rt.Name, "tx", sr.Transaction, "reason", sr.ErrorReason)
		s.m.reasons.WithLabelValues(append(x.lbl.slice(), string(x402.ReasonSettlementPending))...).Inc()
		return sr, hdr, true
	default:
		s.log.Warn("settlement rejected", "offer", x.rt.Namespace+"/"+x.rt.Name, "reason", sr.ErrorReason, "msg", sr.ErrorMessage)
		s.m.fail(x.lbl, reasonLabel(sr.ErrorReason))
		return sr, hdr, false
	}
}

func (s *Seller) upstreamFailed(w http.ResponseWriter, x *exchange, status, upstreamStatus int, body []byte, msg string) {
	s.m.upstreamFailed.WithLabelValues(x.lbl.slice()...).Inc()
	out := upstreamFailure{PaymentVerified: true, UpstreamStatus: upstreamStatus,
		Error: errorBody{Code: "upstream_failed", Message: msg + "; the payment was verified but not settled, nothing was charged"}}
	if utf8.Valid(body) {
		out.UpstreamBody = string(body)
	}
	writeJSON(w, status, out)
}

// isStreaming tells answers that must flow as they are produced (server-sent
// events, NDJSON token streams) from ones that can be held until settled.
func isStreaming(h http.Header) bool {
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	switch mt {
	case "text/event-stream", "application/x-ndjson", "application/jsonl":
		return true
	}
	return false
}

// stream passes the answer through as it arrives, flushing every chunk, and
// settles after the upstream finished and the client took all of it. The
// settle response goes out as HTTP trailers and, for server-sent events,
// also as a final SSE comment line (fetch-based clients cannot read
// trailers; every SSE parser skips comments).
func (s *Seller) stream(w http.ResponseWriter, r *http.Request, x *exchange, resp *http.Response, prefix []byte) bool {
	h := w.Header()
	copyHeaders(h, resp.Header)
	h.Del("Content-Length")
	h.Set("Trailer", x402.HeaderPaymentResponse+", "+x402.HeaderXPaymentResponse)
	w.WriteHeader(resp.StatusCode)
	rc := http.NewResponseController(w)
	n, err := copyFlush(w, rc, io.MultiReader(bytes.NewReader(prefix), resp.Body))
	sse := strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream")
	if err != nil || r.Context().Err() != nil || n == 0 {
		s.log.Warn("stream did not complete; not settled", "offer", x.rt.Namespace+"/"+x.rt.Name, "bytes", n, "err", err)
		s.m.upstreamFailed.WithLabelValues(x.lbl.slice()...).Inc()
		if sse && r.Context().Err() == nil {
			_, _ = io.WriteString(w, ": x402 payment not settled: the upstream stream did not complete\n\n")
		}
		// A stream that delivered bytes was still (partly) served: the
		// payment stays spent so the same header cannot fetch it again.
		return n > 0
	}
	_, hdr, _ := s.settle(r, x)
	if hdr != "" {
		if sse {
			_, _ = io.WriteString(w, ": "+x402.HeaderPaymentResponse+" "+hdr+"\n\n")
			_ = rc.Flush()
		}
		h.Set(x402.HeaderPaymentResponse, hdr)
		h.Set(x402.HeaderXPaymentResponse, hdr)
	}
	return true
}

func copyFlush(w io.Writer, rc *http.ResponseController, src io.Reader) (int64, error) {
	buf := make([]byte, 32<<10)
	var n int64
	for {
		k, rerr := src.Read(buf)
		if k > 0 {
			if _, err := w.Write(buf[:k]); err != nil {
				return n, fmt.Errorf("write to client: %w", err)
			}
			n += int64(k)
			if err := rc.Flush(); err != nil {
				return n, fmt.Errorf("flush to client: %w", err)
			}
		}
		if rerr == io.EOF {
			return n, nil
		}
		if rerr != nil {
			return n, fmt.Errorf("read upstream: %w", rerr)
		}
	}
}

// hopHeaders are connection-scoped and never forwarded (RFC 9110 §7.6.1).
var hopHeaders = []string{"Connection", "Proxy-Connection", "Keep-Alive", "Proxy-Authenticate",
	"Proxy-Authorization", "Te", "Trailer", "Transfer-Encoding", "Upgrade"}

// copyHeaders copies src into dst without hop-by-hop headers and without
// x402 headers: an upstream cannot speak for the seller's payment.
func copyHeaders(dst, src http.Header) {
	skip := map[string]bool{}
	for _, v := range src.Values("Connection") {
		for _, f := range strings.Split(v, ",") {
			skip[http.CanonicalHeaderKey(strings.TrimSpace(f))] = true
		}
	}
	for _, k := range hopHeaders {
		skip[k] = true
	}
	for _, k := range []string{x402.HeaderPaymentResponse, x402.HeaderXPaymentResponse, x402.HeaderPaymentRequired} {
		skip[http.CanonicalHeaderKey(k)] = true
	}
	for k, vs := range src {
		if skip[k] {
			continue
		}
		dst[k] = append(dst[k][:0:0], vs...)
	}
}
