package buyer

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/x402"
)

// maxRequestBytes bounds a request body the proxy buffers (it must replay
// the body after a 402).
const maxRequestBytes = 16 << 20

// statusOriginTimeout is Cloudflare's 524: the origin took too long.
const statusOriginTimeout = 524

// Handler serves the proxy: POST /v1/* (and /chat/completions) for bought
// models, GET /status and GET /healthz.
func (b *Buyer) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /status", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, b.Status())
	})
	mux.HandleFunc("GET /v1/models", b.serveModels)
	mux.HandleFunc("POST /v1/", b.serveModel)
	mux.HandleFunc("POST /chat/completions", b.serveModel)
	mux.HandleFunc("POST /completions", b.serveModel)
	mux.HandleFunc("POST /embeddings", b.serveModel)
	return mux
}

// serveModels lists the bought models in OpenAI's shape, for clients and
// health checks that ask the upstream what it serves.
func (b *Buyer) serveModels(w http.ResponseWriter, _ *http.Request) {
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		OwnedBy string `json:"owned_by"`
	}
	seen := map[string]bool{}
	data := []model{}
	b.mu.RLock()
	for _, p := range b.pools {
		if id := "paid/" + p.model; !seen[id] {
			seen[id] = true
			data = append(data, model{ID: id, Object: "model", OwnedBy: "x402-seller"})
		}
	}
	b.mu.RUnlock()
	slices.SortFunc(data, func(a, c model) int { return strings.Compare(a.ID, c.ID) })
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

// apiError is an answer the proxy makes itself, in OpenAI's error shape so
// the gateway and its clients show the message.
type apiError struct {
	status int
	code   string
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, e *apiError) {
	writeJSON(w, e.status, map[string]any{"error": map[string]any{"message": e.msg, "type": "x402_buyer_error", "code": e.code}})
}

func (b *Buyer) serveModel(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxRequestBytes))
	if err != nil {
		writeError(w, &apiError{http.StatusRequestEntityTooLarge, "request_too_large", fmt.Sprintf("request body unreadable or over %d bytes", maxRequestBytes)})
		return
	}
	model, body, err := rewriteModel(body)
	if err != nil {
		writeError(w, &apiError{http.StatusBadRequest, "invalid_request", err.Error()})
		return
	}
	p := b.poolFor(model)
	if p == nil {
		writeError(w, &apiError{http.StatusNotFound, "model_not_found", fmt.Sprintf("no purchase serves model %q; buy it with `obol buy inference <seller-offer-url> --model %s`", model, strings.TrimPrefix(model, "paid/"))})
		return
	}
	path := r.URL.Path
	if !strings.HasPrefix(path, "/v1/") {
		path = "/v1" + path
	}
	target := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(p.target(), "/"), "/v1"), "/") + path
	if aerr := b.pay(w, r, p, target, body); aerr != nil {
		b.metrics.failure.With(b.metrics.labels(p)).Inc()
		b.log.Warn("paid request failed", "purchase", p.key, "model", model, "code", aerr.code, "err", aerr.msg)
		writeError(w, aerr)
	}
}

// rewriteModel strips the paid/ prefix from the body's model.
func rewriteModel(body []byte) (string, []byte, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return "", nil, fmt.Errorf("request body is not a JSON object: %v", err)
	}
	var model string
	if err := json.Unmarshal(m["model"], &model); err != nil || model == "" {
		return "", nil, errors.New(`request body has no "model" string`)
	}
	remote := strings.TrimPrefix(model, "paid/")
	if remote == model {
		return model, body, nil
	}
	m["model"], _ = json.Marshal(remote)
	out, err := json.Marshal(m)
	if err != nil {
		return "", nil, fmt.Errorf("re-encode request: %v", err)
	}
	return model, out, nil
}

// pay runs one request. With a challenge remembered from this seller, it
// pays at once (saving the unpaid round trip, a full RTT to a remote
// seller); if the seller wants something else it answers 402, the auth is
// settled from the chain, and the call goes the long way: unpaid first,
// then paid with one auth that fits the fresh 402.
func (b *Buyer) pay(w http.ResponseWriter, r *http.Request, p *pool, target string, body []byte) *apiError {
	if ch := p.challenge.Load(); ch != nil {
		e, req, err := p.take(ch.Accepts, b.opts.Now())
		switch {
		case errors.Is(err, errExhausted), errors.Is(err, errAllBusy):
			return takeError(err) // asking the seller again would not change that
		case err == nil:
			if done, aerr := b.paid(w, r, p, e, req, ch, target, body, true); done {
				return aerr
			}
		}
		p.challenge.CompareAndSwap(ch, nil)
	}
	resp, err := b.send(r, target, body, "")
	if err != nil {
		return &apiError{http.StatusBadGateway, "seller_unreachable", fmt.Sprintf("seller %s: %v", target, err)}
	}
	if resp.StatusCode != http.StatusPaymentRequired {
		passThrough(w, resp)
		return nil
	}
	ch, err := readChallenge(resp)
	if err != nil {
		return &apiError{http.StatusBadGateway, "bad_seller_answer", fmt.Sprintf("seller %s: %v", target, err)}
	}
	e, req, err := p.take(ch.Accepts, b.opts.Now())
	if err != nil {
		return takeError(err)
	}
	_, aerr := b.paid(w, r, p, e, req, ch, target, body, false)
	if aerr == nil {
		p.challenge.Store(ch)
	}
	return aerr
}

// paid sends the request with auth e paying req. When speculative (the
// challenge came from memory) and the seller answers 402, nothing is
// written to w and done is false: the caller asks for a fresh challenge.
func (b *Buyer) paid(w http.ResponseWriter, r *http.Request, p *pool, e *entry, req *x402.PaymentRequirements,
	ch *x402.PaymentRequired, target string, body []byte, speculative bool) (done bool, aerr *apiError) {
	b.fault(FaultBeforeInFlight)
	header, err := e.auth.Header(req, ch.Resource)
	if err == nil {
		err = b.store.put(p.key, e.auth.ID, &record{State: stInFlight, At: b.opts.Now()})
	}
	if err != nil {
		p.release(e)
		return true, &apiError{http.StatusInternalServerError, "buyer_state", "cannot record the payment before sending it: " + err.Error()}
	}
	b.metrics.attempts.With(b.metrics.labels(p)).Inc()
	b.fault(FaultBeforeSend)
	resp, err := b.send(r, target, body, header)
	if err != nil {
		if neverSent(err) {
			b.giveBack(p, e)
		} else {
			b.unknown(p, e, true)
		}
		return true, &apiError{http.StatusBadGateway, "seller_unreachable", fmt.Sprintf("paid request to %s failed: %v", target, err)}
	}
	b.fault(FaultAfterAnswer)
	if speculative && resp.StatusCode == http.StatusPaymentRequired && settlement(resp.Header) == nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, purchase.MaxChallengeBytes))
		resp.Body.Close()
		b.unknown(p, e, false) // refused, so not settled by this request
		return false, nil
	}
	return true, b.finish(w, p, e, resp)
}

func takeError(err error) *apiError {
	switch {
	case errors.Is(err, errExhausted):
		return &apiError{http.StatusPaymentRequired, "auths_exhausted", err.Error()}
	case errors.Is(err, errAllBusy):
		return &apiError{http.StatusTooManyRequests, "auths_busy", err.Error()}
	case errors.Is(err, errPriceChanged):
		return &apiError{http.StatusPaymentRequired, "price_changed", err.Error()}
	default:
		return &apiError{http.StatusPaymentRequired, "terms_changed", err.Error()}
	}
}

func readChallenge(resp *http.Response) (*x402.PaymentRequired, error) {
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, purchase.MaxChallengeBytes))
	if err != nil {
		return nil, fmt.Errorf("read 402: %w", err)
	}
	return purchase.ParseChallenge(resp.Header, b)
}

// finish settles the accounting of a paid answer, then passes it on.
func (b *Buyer) finish(w http.ResponseWriter, p *pool, e *entry, resp *http.Response) *apiError {
	settle := settlement(resp.Header)
	switch {
	case resp.StatusCode < 300 && isStream(resp):
		// The seller settles after the stream completed, so the auth is
		// spent only if the whole stream arrived. Without Content-Length the
		// answer is chunked and ends (terminating chunk) only after the
		// handler returned, i.e. after the spend is on disk.
		copyHeaders(w, resp)
		w.Header().Del("Content-Length")
		w.WriteHeader(resp.StatusCode)
		err := streamBody(w, resp.Body)
		resp.Body.Close()
		copyTrailers(w, resp)
		if s := settlement(resp.Trailer); s != nil {
			settle = s
		}
		if err != nil || settle == nil || settle.Transaction == "" {
			b.unknown(p, e, true) // cut short, or no word of a settlement: the chain decides
			b.countOutcome(p, e)
			return nil
		}
		b.spend(p, e, settle)
		return nil
	case resp.StatusCode < 300 && (settle == nil || settle.Transaction == ""):
		// Success without a settlement: a seller that does not say, or an
		// endpoint that stopped charging. Only the chain knows; either way
		// it is decided before the answer goes out.
		b.unknown(p, e, true)
		b.countOutcome(p, e)
		passThrough(w, resp)
		return nil
	case resp.StatusCode < 300:
		b.spend(p, e, settle)
		b.fault(FaultAfterSpent)
		passThrough(w, resp)
		return nil
	case settle != nil && settle.Transaction != "":
		// The money moved (or is on its way) even though the answer failed.
		b.spend(p, e, settle)
		b.metrics.failure.With(b.metrics.labels(p)).Inc()
		passThrough(w, resp)
		return nil
	case resp.StatusCode == http.StatusPaymentRequired:
		why := refusalReason(resp)
		b.unknown(p, e, false) // "nonce already used" and its kin: ask the chain
		return &apiError{http.StatusPaymentRequired, "payment_refused", fmt.Sprintf("seller refused the payment of purchase %s: %s", p.key, why)}
	case resp.StatusCode == statusOriginTimeout:
		b.unknown(p, e, true)
	default:
		b.giveBack(p, e)
	}
	b.metrics.failure.With(b.metrics.labels(p)).Inc()
	passThrough(w, resp)
	return nil
}

// spend records the auth spent durably, then counts it. If the write fails
// the in-flight record stays, and Resolve settles it from the chain later.
func (b *Buyer) spend(p *pool, e *entry, s *x402.SettleResponse) {
	rec := &record{State: stSpent, At: b.opts.Now()}
	if s != nil {
		rec.Tx = s.Transaction
	}
	if err := b.store.put(p.key, e.auth.ID, rec); err != nil {
		b.log.Error("cannot record spent auth; the chain will decide", "purchase", p.key, "auth", e.auth.ID, "err", err)
		p.markPending(e, b.opts.Now())
		return
	}
	p.markSpent(e)
	b.metrics.success.With(b.metrics.labels(p)).Inc()
}

// countOutcome counts a call the chain decided: success when it spent the auth.
func (b *Buyer) countOutcome(p *pool, e *entry) {
	p.mu.Lock()
	st := e.state
	p.mu.Unlock()
	if st == spent {
		b.metrics.success.With(b.metrics.labels(p)).Inc()
	} else {
		b.metrics.failure.With(b.metrics.labels(p)).Inc()
	}
}

// giveBack returns an auth the seller certainly did not settle.
func (b *Buyer) giveBack(p *pool, e *entry) {
	if err := b.store.put(p.key, e.auth.ID, nil); err != nil {
		b.log.Error("cannot release auth; the chain will decide", "purchase", p.key, "auth", e.auth.ID, "err", err)
		p.markPending(e, time.Time{})
		return
	}
	p.release(e)
}

// unknown parks an auth whose outcome was not seen and asks the chain now;
// if the chain cannot answer, or says unused while the seller may still
// settle (uncertain), Run asks again later.
func (b *Buyer) unknown(p *pool, e *entry, uncertain bool) {
	var since time.Time
	if uncertain {
		since = b.opts.Now()
	}
	p.markPending(e, since)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := b.resolve(ctx, p, e); err != nil {
		b.log.Warn("auth outcome unknown; will ask the chain again", "purchase", p.key, "auth", e.auth.ID, "err", err)
	}
}

// refusalReason digs the error out of a 402 that refused a payment; such a
// 402 need not be a usable challenge (its accepts[] may be empty).
func refusalReason(resp *http.Response) string {
	defer resp.Body.Close()
	var v struct {
		Error string `json:"error"`
	}
	if h := resp.Header.Get(x402.HeaderPaymentRequired); h != "" {
		if pr, err := x402.DecodePaymentRequiredHeader(h); err == nil && pr.Error != "" {
			return pr.Error
		}
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, purchase.MaxChallengeBytes))
	if json.Unmarshal(b, &v) == nil && v.Error != "" {
		return v.Error
	}
	return "no reason given"
}

func settlement(h http.Header) *x402.SettleResponse {
	for _, k := range []string{x402.HeaderPaymentResponse, x402.HeaderXPaymentResponse} {
		if v := h.Get(k); v != "" {
			if s, err := x402.DecodePaymentResponseHeader(v); err == nil {
				return s
			}
		}
	}
	return nil
}

// send does one request to the seller, retrying transient failures with
// the same payment (a seller settles a nonce at most once, so a retry can
// never pay twice).
func (b *Buyer) send(r *http.Request, target string, body []byte, payment string) (*http.Response, error) {
	var lastErr error
	reached := false // some attempt may have reached the seller
	fail := func(err error) error {
		if reached {
			return &reachedError{err}
		}
		return err
	}
	for attempt := 0; attempt <= b.opts.Retries; attempt++ {
		req, err := http.NewRequestWithContext(r.Context(), http.MethodPost, target, bytes.NewReader(body))
		if err != nil {
			return nil, fail(fmt.Errorf("build request: %w", err))
		}
		req.Header.Set("Content-Type", "application/json")
		if a := r.Header.Get("Accept"); a != "" {
			req.Header.Set("Accept", a)
		}
		req.Header.Set("User-Agent", b.opts.UserAgent)
		if payment != "" {
			req.Header.Set(x402.HeaderPaymentSignature, payment)
			req.Header.Set(x402.HeaderXPayment, payment)
		}
		resp, err := b.opts.Client.Do(req)
		reached = reached || !neverSent(err)
		switch {
		case err == nil && resp.StatusCode == statusOriginTimeout && attempt < b.opts.Retries:
			_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
			resp.Body.Close()
			lastErr = fmt.Errorf("seller answered %d", statusOriginTimeout)
		case err == nil:
			return resp, nil
		case !transient(err) || r.Context().Err() != nil:
			return nil, fail(err)
		default:
			lastErr = err
		}
		b.log.Debug("transient seller failure, retrying", "target", target, "attempt", attempt+1, "err", lastErr)
	}
	return nil, fail(fmt.Errorf("gave up after %d attempts: %w", b.opts.Retries+1, lastErr))
}

// reachedError is a failed send of which an earlier attempt may have
// reached the seller: a retry that could not even dial says nothing about
// that attempt, which the seller may be settling.
type reachedError struct{ err error }

func (e *reachedError) Error() string { return e.err.Error() }
func (e *reachedError) Unwrap() error { return e.err }

// transient is a timeout, a reset connection or a connection closed before
// the answer: worth one more try.
func transient(err error) bool {
	var ne net.Error
	return (errors.As(err, &ne) && ne.Timeout()) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.EPIPE)
}

// neverSent is true when the request certainly did not reach the seller.
func neverSent(err error) bool {
	var op *net.OpError
	var re *reachedError
	return err != nil && !errors.As(err, &re) && errors.As(err, &op) && op.Op == "dial"
}

// isStream tells answers that flow as they are produced (the ones a seller
// settles only after they completed).
func isStream(resp *http.Response) bool {
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch mt {
	case "text/event-stream", "application/x-ndjson", "application/jsonl":
		return true
	}
	return false
}

// copyTrailers passes on the seller's trailers (a stream's settlement
// response travels there); they are sent after the body.
func copyTrailers(w http.ResponseWriter, resp *http.Response) {
	for k, vs := range resp.Trailer {
		for _, v := range vs {
			w.Header().Add(http.TrailerPrefix+k, v)
		}
	}
}

var hopHeaders = map[string]bool{"Connection": true, "Keep-Alive": true, "Transfer-Encoding": true,
	"Te": true, "Trailer": true, "Upgrade": true, "Proxy-Authenticate": true, "Proxy-Connection": true}

func copyHeaders(w http.ResponseWriter, resp *http.Response) {
	for k, vs := range resp.Header {
		if hopHeaders[k] {
			continue
		}
		for _, v := range vs {
			w.Header().Add(k, v)
		}
	}
}

// passThrough copies an answer verbatim, flushing per chunk for streams.
func passThrough(w http.ResponseWriter, resp *http.Response) {
	defer resp.Body.Close()
	copyHeaders(w, resp)
	w.WriteHeader(resp.StatusCode)
	_ = streamBody(w, resp.Body)
	copyTrailers(w, resp)
}

// streamBody copies src to w, flushing after every read so SSE chunks reach
// the client as they come. It reports the first read or write error.
func streamBody(w http.ResponseWriter, src io.Reader) error {
	rc := http.NewResponseController(w)
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return werr
			}
			_ = rc.Flush()
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// fault stops the call when the test hook says so: http.ErrAbortHandler
// drops the connection without an answer, and nothing after this point runs.
func (b *Buyer) fault(point string) {
	if b.opts.Fault != nil && b.opts.Fault(point) {
		panic(http.ErrAbortHandler)
	}
}
