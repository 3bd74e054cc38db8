package llm

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// maxBody bounds an inbound request body (prompts with images can be large).
const maxBody = 32 << 20

// bufPool holds request and rewrite buffers; copyPool holds response copy buffers.
var (
	bufPool  = sync.Pool{New: func() any { return new(sharedBuf) }}
	copyPool = sync.Pool{New: func() any { b := make([]byte, 16<<10); return &b }}
)

// sharedBuf is a pooled buffer that goes back to the pool only when its last
// user lets go: the handler, and every upstream request whose body reads
// from it. The transport may still be writing a request body after the
// response arrived (it closes the body when done), so the handler alone
// cannot decide when the bytes are free.
type sharedBuf struct {
	bytes.Buffer
	scratch []byte // rewrite output, kept for reuse
	refs    atomic.Int32
}

func getBuf() *sharedBuf {
	b := bufPool.Get().(*sharedBuf)
	b.Reset()
	b.refs.Store(1)
	return b
}

func (b *sharedBuf) acquire() { b.refs.Add(1) }

func (b *sharedBuf) release() {
	if b.refs.Add(-1) == 0 && b.Cap() <= 1<<20 { // do not keep huge prompts alive
		bufPool.Put(b)
	}
}

// upstreamBody is a request body that releases its buffers when the
// transport closes it.
type upstreamBody struct {
	bytes.Reader
	once sync.Once
	bufs [2]*sharedBuf
}

func (u *upstreamBody) Close() error {
	u.once.Do(func() {
		for _, b := range u.bufs {
			if b != nil {
				b.release()
			}
		}
	})
	return nil
}

// retryable reports statuses worth another deployment or group: rate limits,
// timeouts and server-side failures, never the client's own 4xx.
func retryable(status int) bool {
	switch status {
	case http.StatusRequestTimeout, http.StatusTooManyRequests, http.StatusInternalServerError,
		http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout, 524:
		return true
	}
	return false
}

// serveInference handles /v1/chat/completions, /v1/completions and /v1/embeddings.
func (gw *Gateway) serveInference(kind string) http.HandlerFunc {
	chat := kind == "/chat/completions"
	return func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		if !gw.authorized(r) {
			writeError(w, errUnauthorized())
			return
		}
		buf := getBuf()
		defer buf.release()
		if _, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, maxBody)); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				writeError(w, &apiError{Status: http.StatusRequestEntityTooLarge, Type: "invalid_request_error",
					Code: "request_too_large", Message: fmt.Sprintf("request body is larger than %d bytes", maxBody)})
				return
			}
			writeError(w, errBadRequest("cannot read the request body: "+err.Error()))
			return
		}
		body := buf.Bytes()
		req, err := parseRequest(body)
		if err != nil {
			writeError(w, errBadRequest(err.Error()))
			return
		}
		t := gw.table.Load()
		g, matched := t.lookup(req.model)
		if g == nil {
			writeError(w, errModelNotFound(req.model))
			return
		}
		status := gw.dispatch(w, r, t, g, matched, req, buf, kind, chat)
		g.routes[0].m.done(status, time.Since(start).Seconds())
	}
}

// attempt is one deployment to try.
type attempt struct {
	g       *group
	r       *route
	matched string
}

// dispatch tries the group's deployments (with retries), then its fallback
// groups, and relays the first usable answer. It returns the status sent.
func (gw *Gateway) dispatch(w http.ResponseWriter, r *http.Request, t *table, g *group, matched string,
	req request, body *sharedBuf, kind string, chat bool) int {
	var lastResp *http.Response
	var lastErr error
	var lastRoute *route
	tries := 0
	for _, a := range gw.plan(t, g, matched) {
		if tries > 0 {
			a.r.m.retries.Inc()
		}
		tries++
		resp, cancel, err := gw.forward(r.Context(), a, req, body, kind, chat)
		if err != nil {
			var ae *apiError
			if errors.As(err, &ae) { // our own verdict (bad translation, missing key): do not retry
				cancel()
				if lastResp != nil {
					lastResp.Body.Close()
				}
				writeError(w, ae)
				return ae.Status
			}
			a.r.m.upstreamDown.Inc()
			gw.log.Warn("upstream unreachable", "model", a.g.name, "deployment", a.r.id, "err", redactErr(err))
			cancel()
			lastErr, lastRoute = err, a.r
			if r.Context().Err() != nil {
				break
			}
			continue
		}
		if retryable(resp.StatusCode) {
			a.r.m.upstreamStatus.Inc()
			if lastResp != nil {
				lastResp.Body.Close()
			}
			lastResp, lastErr, lastRoute = resp, nil, a.r
			// keep cancel alive with the response: it is relayed if nothing better comes
			resp.Body = &cancelBody{ReadCloser: resp.Body, cancel: cancel}
			continue
		}
		if lastResp != nil {
			lastResp.Body.Close()
		}
		defer cancel()
		return gw.relay(w, resp, a.r, req)
	}
	if lastResp != nil {
		defer lastResp.Body.Close()
		return gw.relay(w, lastResp, lastRoute, req)
	}
	name := g.name
	if lastRoute != nil {
		name = req.model
	}
	detail := "no deployment answered"
	if lastErr != nil {
		detail = redactErr(lastErr)
	}
	e := errUpstream(name, detail)
	writeError(w, e)
	return e.Status
}

type cancelBody struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelBody) Close() error { err := c.ReadCloser.Close(); c.cancel(); return err }

// plan lists the attempts: 1+num_retries picks in the group (round-robin over
// its deployments), then each fallback group's deployments once.
func (gw *Gateway) plan(t *table, g *group, matched string) []attempt {
	n := 1 + t.retries
	out := make([]attempt, 0, n+len(t.fallbacks[g.name]))
	start := g.pick()
	for i := 0; i < n; i++ {
		out = append(out, attempt{g: g, r: g.routes[(start+i)%len(g.routes)], matched: matched})
	}
	for _, name := range t.fallbacks[g.name] {
		fg, m := t.lookup(name)
		if fg == nil || fg == g {
			continue
		}
		if fg.prefix != "" {
			m = name[len(fg.prefix):]
		}
		fs := fg.pick()
		for i := range fg.routes {
			out = append(out, attempt{g: fg, r: fg.routes[(fs+i)%len(fg.routes)], matched: m})
		}
	}
	return out
}

// forward sends one attempt upstream and returns the response headers.
func (gw *Gateway) forward(ctx context.Context, a attempt, req request, in *sharedBuf, kind string, chat bool) (*http.Response, context.CancelFunc, error) {
	body := in.Bytes()
	rt := a.r
	if rt.keyErr != "" {
		return nil, func() {}, &apiError{Status: http.StatusInternalServerError, Type: "configuration_error",
			Code: "missing_api_key", Message: "model " + quote(a.g.name) + ": " + rt.keyErr}
	}
	upstream := rt.upstreamModel
	if a.matched != "" || strings.Contains(upstream, "*") {
		upstream = strings.Replace(upstream, "*", a.matched, 1)
	}
	timeout := rt.timeout
	if req.stream {
		timeout = rt.streamTimeout
	}
	cancel := context.CancelFunc(func() {})
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, timeout)
	}
	if rt.family == "anthropic" {
		resp, err := gw.forwardAnthropic(ctx, rt, upstream, body, kind, req)
		return resp, cancel, err
	}
	out := getBuf()
	nb, err := rewriteBody(out.scratch[:0], body, req, upstream, rt, chat)
	if len(nb) > 0 && len(body) > 0 && &nb[0] != &body[0] {
		out.scratch = nb[:0] // keep the grown buffer with the pooled object
	}
	if err != nil {
		out.release()
		cancel()
		return nil, func() {}, &apiError{Status: http.StatusBadRequest, Type: "invalid_request_error", Code: "invalid_request",
			Message: "cannot rewrite the request: " + err.Error()}
	}
	// The body is fully in memory: the upstream request never reads from the
	// client connection (golang/go#40747 cuts streams otherwise). The buffers
	// go back to the pool when the transport closes the body.
	ub := &upstreamBody{bufs: [2]*sharedBuf{in, out}}
	in.acquire()
	ub.Reset(nb)
	up, err := http.NewRequestWithContext(ctx, http.MethodPost, rt.endpoint(kind), ub)
	if err != nil {
		ub.Close()
		cancel()
		return nil, func() {}, err
	}
	up.ContentLength = int64(len(nb))
	up.Header = http.Header{"Content-Type": {"application/json"}}
	if req.stream {
		up.Header["Accept"] = []string{"text/event-stream"}
	}
	if rt.authHeader != "" {
		up.Header["Authorization"] = []string{rt.authHeader}
	}
	resp, err := gw.client.Do(up)
	if err != nil {
		cancel()
		return nil, func() {}, err
	}
	return resp, cancel, nil
}

// hopHeaders are not relayed.
var hopHeaders = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Proxy-Authenticate": true, "Proxy-Authorization": true,
	"Te": true, "Trailer": true, "Transfer-Encoding": true, "Upgrade": true, "Set-Cookie": true,
}

// relay copies an upstream response to the client, flushing every read of an
// event stream so each SSE chunk leaves as soon as it arrives.
func (gw *Gateway) relay(w http.ResponseWriter, resp *http.Response, rt *route, req request) int {
	defer resp.Body.Close()
	h := w.Header()
	for k, v := range resp.Header {
		if !hopHeaders[k] {
			h[k] = v
		}
	}
	stream := strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream")
	if stream {
		h.Del("Content-Length")
	}
	w.WriteHeader(resp.StatusCode)
	bp := copyPool.Get().(*[]byte)
	defer copyPool.Put(bp)
	buf := *bp
	fl, _ := w.(http.Flusher)
	if stream && fl != nil {
		fl.Flush()
	}
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return resp.StatusCode // client went away
			}
			if stream && fl != nil {
				fl.Flush()
			}
		}
		if err != nil {
			if err != io.EOF {
				gw.log.Warn("upstream response cut", "model", rt.name, "err", redactErr(err))
			}
			return resp.StatusCode
		}
	}
}

// redactErr describes a transport error without URLs' userinfo or queries.
func redactErr(err error) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return "timed out"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timed out"
	}
	var oe *net.OpError
	if errors.As(err, &oe) {
		return oe.Op + " " + oe.Err.Error()
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}
