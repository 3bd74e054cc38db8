package stack

import (
	"context"
	"net"
	"net/http"
	"testing"
	"time"
)

// TestShutdownDoesNotWaitForRequestlessConns: a connection that never sends
// a request (a transport's spare dial) must not hold a stop for 5 s.
func TestShutdownDoesNotWaitForRequestlessConns(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	fresh := &freshConns{}
	srv := &http.Server{Handler: http.NotFoundHandler(), ConnState: fresh.track}
	go srv.Serve(ln)
	idle, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	time.Sleep(150 * time.Millisecond) // let the server see it
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := shutdown(ctx, srv, fresh); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("shutdown took %s with one request-less connection open", d)
	}
}
