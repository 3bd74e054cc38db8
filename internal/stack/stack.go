// Package stack wires every obol component into one process: the dev chain
// (or RPC clients for real networks), the database and store, the
// facilitator, the seller gateway and catalog, the LLM gateway, the buyer
// proxy, the reconcilers and the admin API, each on its SPEC §2 listener.
// It is the only package that knows every component; components never
// import each other, they get what they need from here.
package stack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/config"
	"github.com/obol-dev/obol/internal/db"
)

// Options configure one stack.
type Options struct {
	// DataDir holds the database, keys, model config and chain state.
	DataDir string
	// Config is the boot configuration (config.Load + ApplyEnv + flags).
	Config config.Config
	// Logger; nil discards.
	Logger *slog.Logger
	// Chain, when set, is a dev chain shared with other stacks in this
	// process (the demo, tests); the stack then runs no chain of its own and
	// serves no chain listener.
	Chain *chain.Chain
	// ShutdownTimeout bounds the graceful drain of in-flight requests on
	// Close (default 30 s: a paid request waits for its settlement).
	ShutdownTimeout time.Duration
}

// Stack is a running set of components. Close it exactly once.
type Stack struct {
	opts    Options
	log     *slog.Logger
	layout  Layout
	lock    *pidLock
	db      *db.DB
	metrics *prometheus.Registry
	parts   *parts

	listeners map[string]net.Listener
	servers   []server
	ctx       context.Context
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	errc      chan error

	closeOnce sync.Once
	closers   []func() error // run in reverse order on Close
}

// New builds a stack and binds its listeners, or returns an error having
// released everything it took (nothing half-started). Call Start to serve.
func New(opts Options) (_ *Stack, err error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.ShutdownTimeout == 0 {
		opts.ShutdownTimeout = 30 * time.Second
	}
	if err := opts.Config.Validate(); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	s := &Stack{opts: opts, log: opts.Logger, layout: Layout{Dir: opts.DataDir}, metrics: prometheus.NewRegistry(), errc: make(chan error, 16)}
	defer func() {
		if err != nil {
			s.closeAll()
		}
	}()
	if _, err := Init(opts.DataDir); err != nil {
		return nil, err
	}
	if s.lock, err = lockPID(s.layout.PIDFile()); err != nil {
		return nil, err
	}
	os.Remove(s.layout.Endpoints()) // left by a killed stack: `up --detach` and the CLI must not find it before Start publishes ours
	s.closers = append(s.closers, func() error { s.lock.release(); return nil })
	if s.db, err = db.OpenDir(opts.DataDir); err != nil {
		return nil, err
	}
	s.closers = append(s.closers, s.db.Close)
	s.metrics.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	if s.listeners, err = listenAll(s.listenerSpecs()); err != nil {
		return nil, err
	}
	s.closers = append(s.closers, func() error {
		for _, ln := range s.listeners {
			ln.Close()
		}
		return nil
	})
	if s.parts, err = s.build(); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Stack) listenerSpecs() []listenerSpec {
	l := s.opts.Config.Listen
	specs := []listenerSpec{
		{"public", l.Public, "--public-addr", "OBOL_PUBLIC_ADDR"},
		{"local", l.Local, "--local-addr", "OBOL_LOCAL_ADDR"},
		{"buyer", l.Buyer, "--buyer-addr", "OBOL_BUYER_ADDR"},
	}
	if s.opts.Config.Facilitator.URL == "" {
		specs = append(specs, listenerSpec{"facilitator", l.Facilitator, "--facilitator-addr", "OBOL_FACILITATOR_ADDR"})
	}
	if s.opts.Chain == nil && s.opts.Config.Chain.Embedded {
		specs = append(specs, listenerSpec{"chain", l.Chain, "--chain-addr", "OBOL_CHAIN_ADDR"})
	}
	return specs
}

// Start serves every listener and runs the background loops until Close.
func (s *Stack) Start(ctx context.Context) error {
	s.ctx, s.cancel = context.WithCancel(ctx)
	hs := s.handlers()
	for _, name := range shutdownOrder(hs) {
		h := hs[name]
		ln, ok := s.listeners[name]
		if !ok {
			continue
		}
		fresh := &freshConns{}
		srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second, ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
			ConnState: fresh.track}
		s.servers = append(s.servers, server{srv, fresh})
		s.goRun(name, func(context.Context) error {
			if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		})
	}
	for name, run := range s.parts.loops() {
		s.goRun(name, run)
	}
	s.parts.startWatchers(s)
	return s.publishEndpoints()
}

// shutdownOrder lists the handlers in the order Close shuts their servers
// down: the entry listeners drain first, while the hops their requests
// still make (local → buyer proxy) keep serving.
func shutdownOrder(hs map[string]http.Handler) []string {
	order := []string{"public", "local", "buyer", "facilitator", "chain"}
	var out []string
	for _, n := range order {
		if _, ok := hs[n]; ok {
			out = append(out, n)
		}
	}
	for n := range hs {
		if !slices.Contains(order, n) {
			out = append(out, n)
		}
	}
	return out
}

func (s *Stack) publishEndpoints() error {
	e := Endpoints{}
	for name := range s.listeners {
		e[name] = s.URL(name)
	}
	raw, err := json.MarshalIndent(e, "", "  ")
	if err != nil {
		return err
	}
	path := s.layout.Endpoints()
	s.closers = append(s.closers, func() error { os.Remove(path); return nil })
	return atomicfile.Write(path, raw, 0o600)
}

// goRun runs fn with the stack's run context; a failure is reported on Err.
func (s *Stack) goRun(name string, fn func(context.Context) error) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		if err := fn(s.ctx); err != nil && s.ctx.Err() == nil {
			s.log.Error("component failed", "component", name, "err", err)
			select {
			case s.errc <- fmt.Errorf("%s: %w", name, err):
			default:
			}
		}
	}()
}

// Err delivers the first component failure; the caller should Close.
func (s *Stack) Err() <-chan error { return s.errc }

// DataDir is the stack's data dir.
func (s *Stack) DataDir() string { return s.opts.DataDir }

// Addr returns the bound address of a listener ("public", "local",
// "buyer", "facilitator", "chain"), or "" when it is off.
func (s *Stack) Addr(name string) string {
	if ln, ok := s.listeners[name]; ok {
		return ln.Addr().String()
	}
	return ""
}

// URL is http://Addr(name), or "".
func (s *Stack) URL(name string) string {
	if a := s.Addr(name); a != "" {
		return "http://" + a
	}
	return ""
}

// Close shuts down gracefully: listeners stop accepting, in-flight
// requests (paid ones included, with their settlement) finish within
// ShutdownTimeout, background loops stop, then the database closes.
func (s *Stack) Close() error {
	var err error
	s.closeOnce.Do(func() {
		sctx, cancel := context.WithTimeout(context.Background(), s.opts.ShutdownTimeout)
		defer cancel()
		for _, srv := range s.servers {
			if e := shutdown(sctx, srv.Server, srv.fresh); e != nil {
				err = errors.Join(err, fmt.Errorf("shut down server: %w", e))
			}
		}
		if s.cancel != nil {
			s.cancel()
		}
		s.wg.Wait()
		err = errors.Join(err, s.closeAll())
	})
	return err
}

func (s *Stack) closeAll() error {
	var err error
	for i := len(s.closers) - 1; i >= 0; i-- {
		err = errors.Join(err, s.closers[i]())
	}
	s.closers = nil
	return err
}
