// Package facilitator is obol's x402 facilitator: GET /supported, POST
// /verify and POST /settle for the EVM exact scheme (ERC-3009 and Permit2),
// v1 and v2 request shapes. Verification runs the local checks of package
// x402, then simulates the settlement against the chain and maps a failure
// to its x402 reason. Settlement sends from the facilitator's key through a
// nonce manager, is idempotent per payment authorization, and is journaled
// in the stack's database so a restart finishes what a crash interrupted
// and never submits a payment twice.
package facilitator

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/x402"
)

// Network connects one chain to the facilitator.
type Network struct {
	// Network is a registry name, alias or CAIP-2 id (devnet, eip155:84532, …).
	Network string
	// Backend talks to the chain, usually an *ethclient.Client.
	Backend Backend
}

// Options configure a Facilitator.
type Options struct {
	Logger *slog.Logger
	// Signer signs settlement transactions; it pays the gas.
	Signer x402.Signer
	// Networks are the chains served; at least one.
	Networks []Network
	// Registry resolves network names; default the built-in registry.
	Registry *x402.Registry
	// DB holds the settlement journal (required: idempotency must survive restarts).
	DB *db.DB
	// Metrics registers the facilitator's collectors; default a private registry.
	Metrics prometheus.Registerer
	// Now is the clock for authorization windows, the journal's timestamps
	// and its retention; default time.Now.
	Now func() time.Time
	// ReceiptTimeout bounds how long /settle waits for a receipt before it
	// answers settlement_pending with the hash; default 20s.
	ReceiptTimeout time.Duration
	// PollInterval is the receipt polling period; default 100ms.
	PollInterval time.Duration
	// ResolveInterval is how often Run finishes pending settlements; default 2s.
	ResolveInterval time.Duration
	// JournalRetention is how long a final journal record (mined or
	// failed) is kept after its outcome; older ones are pruned at Run's start
	// and every PruneInterval. 0 keeps every record forever (the stack's
	// config defaults to 30 days). A `sent` record is never pruned.
	JournalRetention time.Duration
	// PruneInterval is how often Run prunes the journal; default 1h.
	PruneInterval time.Duration
	// Addr, when set, is where Run serves the HTTP API.
	Addr string
	// Fault, when set, is called after a settlement transaction is broadcast
	// and before its receipt is awaited; a non-nil error aborts the settle
	// there (tests use it to "kill" the facilitator at the worst moment).
	Fault func(key string, tx common.Hash) error
}

// Facilitator verifies and settles x402 payments.
type Facilitator struct {
	opts      Options
	log       *slog.Logger
	verifier  *x402.Verifier
	contracts *contracts
	journal   *journal
	networks  map[string]*network // by CAIP-2
	address   common.Address
	metrics   *metrics
	locks     keyLocks
	handler   http.Handler
	outMu     sync.Mutex
	outcomes  map[string]*Record // settled outcomes not yet journaled (see recordLater)
	flushMu   sync.Mutex         // one flush at a time
	bg        sync.WaitGroup     // background flushes
	pruning   sync.WaitGroup     // Run's prune loop
	closing   context.Context    // done once Close is called
	close     context.CancelFunc
}

type network struct {
	x402.Network
	backend Backend
	sender  *sender
}

// New builds a Facilitator and finishes the settlements a previous run left
// pending (best effort: Run keeps trying).
func New(opts Options) (*Facilitator, error) {
	if opts.Signer == nil || opts.DB == nil || len(opts.Networks) == 0 {
		return nil, errors.New("new facilitator: Signer, DB and at least one network are required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Registry == nil {
		r, err := x402.NewRegistry(x402.RegistryOptions{})
		if err != nil {
			return nil, fmt.Errorf("new facilitator: %w", err)
		}
		opts.Registry = r
	}
	if opts.Metrics == nil {
		opts.Metrics = prometheus.NewRegistry()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	opts.ReceiptTimeout = cmpOr(opts.ReceiptTimeout, 20*time.Second)
	opts.PollInterval = cmpOr(opts.PollInterval, 100*time.Millisecond)
	opts.ResolveInterval = cmpOr(opts.ResolveInterval, 2*time.Second)
	opts.PruneInterval = cmpOr(opts.PruneInterval, time.Hour)
	if opts.JournalRetention < 0 {
		return nil, fmt.Errorf("new facilitator: JournalRetention %s is negative (0 keeps every record)", opts.JournalRetention)
	}
	c, err := newContracts()
	if err != nil {
		return nil, err
	}
	j, err := newJournal(opts.DB)
	if err != nil {
		return nil, err
	}
	m, err := newMetrics(opts.Metrics)
	if err != nil {
		return nil, err
	}
	f := &Facilitator{
		opts: opts, log: opts.Logger, verifier: x402.NewVerifier(x402.VerifierOptions{Now: opts.Now}),
		contracts: c, journal: j, networks: map[string]*network{}, address: opts.Signer.Address(), metrics: m,
	}
	for _, n := range opts.Networks {
		info, err := opts.Registry.Network(n.Network)
		if err != nil {
			return nil, fmt.Errorf("new facilitator: %w", err)
		}
		if n.Backend == nil {
			return nil, fmt.Errorf("new facilitator: network %s has no backend", info.Name)
		}
		f.networks[info.CAIP2] = &network{Network: info, backend: n.Backend,
			sender: &sender{backend: n.Backend, chainID: info.ChainID, signer: opts.Signer, journal: j}}
	}
	f.handler = f.routes()
	f.closing, f.close = context.WithCancel(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := f.resolvePending(ctx); err != nil {
		f.log.Warn("finishing pending settlements failed; will retry", "err", err)
	}
	return f, nil
}

func cmpOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Address is the account that sends settlements (and pays their gas).
func (f *Facilitator) Address() common.Address { return f.address }

// Handler serves /supported, /verify and /settle.
func (f *Facilitator) Handler() http.Handler { return f.handler }

// Run serves the HTTP API on Options.Addr (when set), finishes pending
// settlements every ResolveInterval and, with a JournalRetention, prunes
// the journal at once and every PruneInterval, until ctx ends. It returns
// only once all of that work has stopped.
func (f *Facilitator) Run(ctx context.Context) error {
	// The journal's housekeeping ends with ctx or with Close, whichever
	// comes first.
	pctx, stopPruning := context.WithCancel(ctx)
	stopOnClose := context.AfterFunc(f.closing, stopPruning)
	f.pruning.Add(1)
	go func() {
		defer f.pruning.Done()
		f.housekeeping(pctx)
	}()
	defer f.pruning.Wait()
	defer stopOnClose()
	defer stopPruning()
	errc := make(chan error, 1)
	var srv *http.Server
	if f.opts.Addr != "" {
		ln, err := net.Listen("tcp", f.opts.Addr)
		if err != nil {
			return fmt.Errorf("listen on %s: %w", f.opts.Addr, err)
		}
		srv = &http.Server{Handler: f.handler, ReadHeaderTimeout: 10 * time.Second}
		f.log.Info("facilitator listening", "addr", ln.Addr().String(), "signer", f.address.Hex())
		go func() { errc <- srv.Serve(ln) }()
	}
	t := time.NewTicker(f.opts.ResolveInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			if srv != nil {
				sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				_ = srv.Shutdown(sctx)
				<-errc
			}
			return nil
		case err := <-errc:
			return fmt.Errorf("serve facilitator: %w", err)
		case <-t.C:
			if err := f.flushOutcomes(); err != nil {
				f.log.Warn("journal settlement outcomes", "err", err)
			}
			if err := f.resolvePending(ctx); err != nil && ctx.Err() == nil {
				f.log.Warn("finishing pending settlements", "err", err)
			}
		}
	}
}

// housekeeping counts the journal's final records for the metrics (a full
// read, kept off New so a long journal never delays a start), then, with a
// retention, prunes it now and every PruneInterval until ctx ends.
func (f *Facilitator) housekeeping(ctx context.Context) {
	if err := f.journal.countFinal(); err != nil {
		f.log.Warn("counting the settlement journal failed", "err", err)
	}
	if f.opts.JournalRetention <= 0 {
		return
	}
	t := time.NewTicker(f.opts.PruneInterval)
	defer t.Stop()
	for {
		if _, err := f.Prune(ctx); err != nil && ctx.Err() == nil {
			f.log.Warn("pruning the settlement journal failed; will retry", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Prune deletes the final journal records (mined, failed) whose outcome is
// older than JournalRetention, in batches of at most 1000 deletions per
// write transaction, and returns how many it deleted. It never deletes a
// `sent` record. With no retention it does nothing. Run calls it; tests
// and operators may call it directly.
func (f *Facilitator) Prune(ctx context.Context) (int, error) {
	if f.opts.JournalRetention <= 0 {
		return 0, nil
	}
	if err := f.flushOutcomes(); err != nil {
		return 0, err
	}
	n, err := f.journal.prune(ctx, f.opts.Now(), f.opts.JournalRetention)
	if n > 0 {
		f.metrics.pruned.Add(float64(n))
	}
	lvl := slog.LevelDebug
	if n > 0 {
		lvl = slog.LevelInfo
	}
	f.log.Log(ctx, lvl, "pruned the settlement journal", "records", n, "retention", f.opts.JournalRetention.String())
	return n, err
}

// Journal lists the settlement journal newest first, without the raw
// transactions, after flushing the outcomes held in memory.
func (f *Facilitator) Journal(q JournalQuery) ([]JournalEntry, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	if err := f.flushOutcomes(); err != nil {
		return nil, err
	}
	return ReadJournal(f.opts.DB, q)
}

// Supported lists the kinds this facilitator settles.
func (f *Facilitator) Supported() *x402.SupportedResponse {
	out := &x402.SupportedResponse{Extensions: []string{x402.ExtensionEIP2612GasSponsoring},
		Signers: map[string][]string{"eip155:*": {f.address.Hex()}}}
	for _, n := range f.opts.Registry.Networks() {
		if _, ok := f.networks[n.CAIP2]; !ok {
			continue
		}
		out.Kinds = append(out.Kinds,
			x402.SupportedKind{X402Version: x402.V2, Scheme: x402.SchemeExact, Network: n.CAIP2},
			x402.SupportedKind{X402Version: x402.V1, Scheme: x402.SchemeExact, Network: n.Name})
	}
	return out
}

// keyLocks serializes work per payment key; entries live only while used.
type keyLocks struct {
	mu sync.Mutex
	m  map[string]*keyLock
}

type keyLock struct {
	mu   sync.Mutex
	refs int
}

func (k *keyLocks) lock(key string) func() {
	k.mu.Lock()
	if k.m == nil {
		k.m = map[string]*keyLock{}
	}
	l := k.m[key]
	if l == nil {
		l = &keyLock{}
		k.m[key] = l
	}
	l.refs++
	k.mu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		k.mu.Lock()
		if l.refs--; l.refs == 0 {
			delete(k.m, key)
		}
		k.mu.Unlock()
	}
}
