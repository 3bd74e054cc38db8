package llm

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// h1Transport is the upstream client for plain-http upstreams (local model
// servers, the buyer proxy): HTTP/1.1 over a pool of keep-alive connections,
// with the whole exchange done on the calling goroutine. net/http's
// Transport hands every request to two goroutines per connection (a writer
// and a reader) and back, which on a loopback hop costs more CPU than the
// gateway's own work. Anything but http:// goes to the fallback transport.
type h1Transport struct {
	dialer      net.Dialer
	fallback    http.RoundTripper
	maxIdle     int           // idle connections kept per host
	idleTimeout time.Duration // older idle connections are closed, not reused

	mu   sync.Mutex
	idle map[string][]*h1Conn
}

type h1Conn struct {
	c    net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
	key  string
	used time.Time
}

func newH1Transport(fallback http.RoundTripper) *h1Transport {
	return &h1Transport{
		dialer:   net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second},
		fallback: fallback, maxIdle: 512, idleTimeout: 50 * time.Second,
		idle: map[string][]*h1Conn{},
	}
}

// CloseIdleConnections closes the pooled connections.
func (t *h1Transport) CloseIdleConnections() {
	t.mu.Lock()
	idle := t.idle
	t.idle = map[string][]*h1Conn{}
	t.mu.Unlock()
	for _, cs := range idle {
		for _, c := range cs {
			c.c.Close()
		}
	}
	if ci, ok := t.fallback.(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}

func (t *h1Transport) get(ctx context.Context, key string) (*h1Conn, bool, error) {
	t.mu.Lock()
	for cs := t.idle[key]; len(cs) > 0; cs = t.idle[key] {
		c := cs[len(cs)-1]
		t.idle[key] = cs[:len(cs)-1]
		if time.Since(c.used) < t.idleTimeout {
			t.mu.Unlock()
			return c, true, nil
		}
		c.c.Close()
	}
	t.mu.Unlock()
	nc, err := t.dialer.DialContext(ctx, "tcp", key)
	if err != nil {
		return nil, false, err
	}
	return &h1Conn{c: nc, br: bufio.NewReaderSize(nc, 8<<10), bw: bufio.NewWriterSize(nc, 8<<10), key: key}, false, nil
}

func (t *h1Transport) put(c *h1Conn) {
	c.used = time.Now()
	t.mu.Lock()
	if len(t.idle[c.key]) < t.maxIdle {
		t.idle[c.key] = append(t.idle[c.key], c)
		t.mu.Unlock()
		return
	}
	t.mu.Unlock()
	c.c.Close()
}

// aLongTimeAgo is a deadline that unblocks any pending read or write.
var aLongTimeAgo = time.Unix(1, 0)

// RoundTrip implements http.RoundTripper.
func (t *h1Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Scheme != "http" {
		return t.fallback.RoundTrip(req)
	}
	ctx := req.Context()
	key := req.URL.Host
	if req.URL.Port() == "" {
		key = net.JoinHostPort(req.URL.Hostname(), "80")
	}
	for attempt := 0; ; attempt++ {
		pc, reused, err := t.get(ctx, key)
		if err != nil {
			closeReqBody(req)
			return nil, err
		}
		stop := context.AfterFunc(ctx, func() { _ = pc.c.SetDeadline(aLongTimeAgo) })
		resp, wrote, err := pc.roundTrip(req)
		if err == nil {
			resp.Body = &h1Body{rc: resp.Body, pc: pc, t: t, stop: stop, closeConn: resp.Close}
			closeReqBody(req)
			return resp, nil
		}
		stop()
		pc.c.Close()
		// A reused connection the server had already closed fails before
		// any answer: send again on a fresh one (the server never saw it).
		if reused && attempt == 0 && staleConn(err, wrote) && ctx.Err() == nil && rewind(&req) {
			continue
		}
		closeReqBody(req)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
}

// rewind makes the request body readable from the start again.
func rewind(req **http.Request) bool {
	r := *req
	switch {
	case r.Body == nil || r.Body == http.NoBody:
		return true
	case r.GetBody != nil:
		body, err := r.GetBody()
		if err != nil {
			return false
		}
		r2 := *r
		r2.Body = body
		*req = &r2
		return true
	}
	if s, ok := r.Body.(io.Seeker); ok {
		_, err := s.Seek(0, io.SeekStart)
		return err == nil
	}
	return false
}

func closeReqBody(req *http.Request) {
	if req.Body != nil {
		req.Body.Close()
	}
}

// staleConn reports errors of a keep-alive connection the peer closed.
func staleConn(err error, wrote bool) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.EPIPE) || (!wrote && errors.Is(err, net.ErrClosed))
}

// roundTrip writes the request and reads the response head. wrote says
// whether the whole request went out.
func (pc *h1Conn) roundTrip(req *http.Request) (*http.Response, bool, error) {
	bw := pc.bw
	bw.WriteString(req.Method)
	bw.WriteByte(' ')
	bw.WriteString(req.URL.RequestURI())
	bw.WriteString(" HTTP/1.1\r\nHost: ")
	bw.WriteString(req.URL.Host)
	bw.WriteString("\r\n")
	for k, vs := range req.Header {
		for _, v := range vs {
			bw.WriteString(k)
			bw.WriteString(": ")
			bw.WriteString(v)
			bw.WriteString("\r\n")
		}
	}
	if req.Body != nil && req.Body != http.NoBody && req.ContentLength > 0 {
		bw.WriteString("Content-Length: ")
		bw.WriteString(strconv.FormatInt(req.ContentLength, 10))
		bw.WriteString("\r\n\r\n")
		if _, err := io.Copy(bw, req.Body); err != nil {
			return pc.earlyAnswer(req, err)
		}
	} else if req.Method == http.MethodPost {
		bw.WriteString("Content-Length: 0\r\n\r\n")
	} else {
		bw.WriteString("\r\n")
	}
	if err := bw.Flush(); err != nil {
		return pc.earlyAnswer(req, err)
	}
	for {
		resp, err := http.ReadResponse(pc.br, req)
		if err != nil {
			return nil, true, err
		}
		// Informational answers (100 Continue, 103 Early Hints) precede the real one.
		if resp.StatusCode >= 100 && resp.StatusCode < 200 && resp.StatusCode != http.StatusSwitchingProtocols {
			resp.Body.Close()
			continue
		}
		return resp, true, nil
	}
}

// earlyAnswer handles a failed write: an upstream may answer (and close)
// without reading the whole body; its answer is still readable.
func (pc *h1Conn) earlyAnswer(req *http.Request, werr error) (*http.Response, bool, error) {
	_ = pc.c.SetReadDeadline(time.Now().Add(time.Second))
	resp, err := http.ReadResponse(pc.br, req)
	if err != nil {
		return nil, false, werr
	}
	_ = pc.c.SetReadDeadline(time.Time{})
	resp.Close = true // the connection is not reusable
	return resp, true, nil
}

// h1Body returns the connection to the pool once the body was read to its
// end, and closes it otherwise.
type h1Body struct {
	rc        io.ReadCloser
	pc        *h1Conn
	t         *h1Transport
	stop      func() bool
	closeConn bool
	eof, done bool
}

var errBodyClosed = errors.New("read on a closed upstream response body")

func (b *h1Body) Read(p []byte) (int, error) {
	if b.eof {
		return 0, io.EOF
	}
	if b.done {
		return 0, errBodyClosed
	}
	n, err := b.rc.Read(p)
	if err == io.EOF {
		b.eof = true
		b.finish()
	}
	return n, err
}

func (b *h1Body) Close() error {
	if !b.done {
		b.finish()
	}
	return nil
}

func (b *h1Body) finish() {
	b.done = true
	// stop reports false when the context already fired (deadline set).
	if b.stop() && b.eof && !b.closeConn {
		b.t.put(b.pc)
		return
	}
	b.pc.c.Close()
}
