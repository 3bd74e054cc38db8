package stack

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"
)

// freshConns tracks server connections that have not sent a request yet.
// http.Server.Shutdown waits up to 5 s for such a connection (net/http
// counts a new connection as idle only after 5 s), and inside one process
// they are usually spare dials of the stack's own HTTP transports, which
// never send anything on them. Closing them is safe: no request was read.
type freshConns struct {
	mu sync.Mutex
	m  map[net.Conn]time.Time
}

func (f *freshConns) track(c net.Conn, st http.ConnState) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if st == http.StateNew {
		if f.m == nil {
			f.m = map[net.Conn]time.Time{}
		}
		f.m[c] = time.Now()
		return
	}
	delete(f.m, c)
}

// closeOlder closes fresh connections older than age (a younger one may
// be a client whose request is still on its way).
func (f *freshConns) closeOlder(age time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for c, at := range f.m {
		if time.Since(at) >= age {
			c.Close()
			delete(f.m, c)
		}
	}
}

// shutdown runs srv.Shutdown, closing request-less connections while it
// waits, so a stop takes as long as the in-flight requests, not 5 s more.
func shutdown(ctx context.Context, srv *http.Server, fresh *freshConns) error {
	done := make(chan error, 1)
	go func() { done <- srv.Shutdown(ctx) }()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-tick.C:
			fresh.closeOlder(100 * time.Millisecond)
		}
	}
}

// server is one listener's HTTP server with its fresh-connection tracker.
type server struct {
	*http.Server
	fresh *freshConns
}
