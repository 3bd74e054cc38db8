// Package buyer is the buyer proxy (127.0.0.1:8402): it serves OpenAI
// requests for bought models by calling the seller's offer and paying each
// 402 with one pre-signed authorization from the purchase's pool.
//
// Accounting rules (SPEC §9): an auth is written "in flight" to the
// database before a paid request leaves, "spent" after a successful paid
// answer and before the answer is passed on, and goes back to the pool when
// the seller refused it. When the outcome is unknown (a crash, a broken
// connection, a stream cut short) only the chain can tell: the auth stays
// pending until Resolve reads authorizationState / Permit2's nonce bitmap.
// An auth is never sent to two requests at once and never re-signed, so a
// nonce settles at most once whatever happens here.
package buyer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/purchase"
)

// Options configure a Buyer.
type Options struct {
	// DB holds the spent state (required).
	DB *db.DB
	// Chain returns the reader for a CAIP-2 network; it resolves auths whose
	// outcome was not seen. Required: without it a crash could lose count.
	Chain func(network string) (purchase.ChainReader, error)
	// Client calls sellers; default a client with a 120 s timeout.
	Client *http.Client
	// Retries is how many times a transient failure (timeout, connection
	// reset, 524) is retried with the same auth. Default 1; negative = 0.
	Retries int
	// ResolveInterval is how often Run re-checks pending auths. Default 10 s.
	ResolveInterval time.Duration
	// UncertainHold is how long an auth whose outcome was not seen stays
	// out of the pool while the chain says it is unused. The seller may
	// still settle it: its facilitator journals a settlement before
	// broadcasting and finishes it after a restart. Default 30 s.
	UncertainHold time.Duration
	// Registerer receives the buyer metrics; default a private registry.
	Registerer prometheus.Registerer
	// Logger; default slog.Default().
	Logger *slog.Logger
	// Now is the clock for auth expiry; default time.Now.
	Now func() time.Time
	// UserAgent is sent to sellers (some WAFs block library defaults).
	UserAgent string
	// Fault, when set, is called at each step of a paid call (see the
	// Fault* points); returning true aborts the call right there, as if the
	// process died: no further state is written and the client's connection
	// is dropped. Crash tests use it; production leaves it nil.
	Fault func(point string) bool
}

// Points of a paid call where Options.Fault can stop it.
const (
	FaultBeforeInFlight = "before-inflight" // auth taken, nothing written
	FaultBeforeSend     = "before-send"     // "in flight" written, request not sent
	FaultAfterAnswer    = "after-answer"    // seller answered (maybe settled), nothing recorded
	FaultAfterSpent     = "after-spent"     // "spent" written, answer not passed on
)

// Buyer is the proxy and its pools. Safe for concurrent use.
type Buyer struct {
	opts    Options
	log     *slog.Logger
	store   *store
	metrics *metrics

	mu    sync.RWMutex
	pools map[string]*pool // by purchase key
}

// New builds a Buyer; pools are added with LoadPool.
func New(opts Options) (*Buyer, error) {
	if opts.DB == nil {
		return nil, errors.New("new buyer: DB is required")
	}
	if opts.Chain == nil {
		return nil, errors.New("new buyer: Chain is required to resolve auths whose outcome was not seen")
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: 120 * time.Second}
	}
	if opts.Retries == 0 {
		opts.Retries = 1
	} else if opts.Retries < 0 {
		opts.Retries = 0
	}
	if opts.UncertainHold <= 0 {
		opts.UncertainHold = 30 * time.Second
	}
	if opts.ResolveInterval <= 0 {
		opts.ResolveInterval = 10 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "obol-buyer/1"
	}
	st, err := newStore(opts.DB)
	if err != nil {
		return nil, err
	}
	b := &Buyer{opts: opts, log: opts.Logger, store: st, pools: map[string]*pool{}}
	if b.metrics, err = newMetrics(opts.Registerer, b); err != nil {
		return nil, err
	}
	return b, nil
}

// LoadPool adds or replaces a purchase's pool. Every auth is parsed and its
// signature checked first; one bad auth refuses the whole load and the old
// pool keeps serving. Durable state is applied: spent auths stay spent, and
// auths that were in flight when the process stopped are resolved on chain.
func (b *Buyer) LoadPool(ctx context.Context, cfg purchase.Pool) error {
	if cfg.Key == "" || cfg.Model == "" || cfg.Endpoint == "" {
		return errors.New("load pool: key, model and endpoint are required")
	}
	p := &pool{key: cfg.Key, model: cfg.Model, endpoint: cfg.Endpoint, network: purchase.NormalizeNetwork(cfg.Network),
		byID: make(map[string]*entry, len(cfg.Auths))}
	parsed, err := parseAuths(cfg)
	if err != nil {
		return fmt.Errorf("load pool %s: %w", cfg.Key, err)
	}
	for _, pa := range parsed {
		if _, dup := p.byID[pa.ID]; dup {
			return fmt.Errorf("load pool %s: %w: auth id %s appears twice", cfg.Key, purchase.ErrInvalidAuth, pa.ID)
		}
		if p.network == "" {
			p.network = pa.Network
		}
		e := &entry{auth: pa}
		p.entries = append(p.entries, e)
		p.byID[pa.ID] = e
	}
	recs, err := b.store.load(cfg.Key)
	if err != nil {
		return fmt.Errorf("load pool %s: %w", cfg.Key, err)
	}
	b.mu.Lock()
	if old := b.pools[cfg.Key]; old != nil {
		old.merge(p, recs, b.opts.Now())
	} else {
		for _, e := range p.entries {
			p.applyRecord(e, recs, b.opts.Now())
		}
		b.pools[cfg.Key] = p
	}
	b.mu.Unlock()
	b.Resolve(ctx)
	return nil
}

// parseAuths decodes and verifies every auth, on every core (a signature
// recovery each: a 2500-auth pool is most of a second on one core), and
// checks each against cfg.Terms. The first error in order wins.
func parseAuths(cfg purchase.Pool) ([]*purchase.Auth, error) {
	out := make([]*purchase.Auth, len(cfg.Auths))
	errs := make([]error, len(cfg.Auths))
	workers := min(runtime.GOMAXPROCS(0), len(cfg.Auths))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(cfg.Auths); i = int(next.Add(1) - 1) {
				pa, err := purchase.ParseAuth(cfg.Auths[i])
				if err == nil && cfg.Terms != nil {
					if m := pa.Matches(cfg.Terms); m.Reason != "" {
						err = fmt.Errorf("%w %s does not pay the purchase's terms: %s", purchase.ErrInvalidAuth, pa.ID, m.Reason)
					}
				}
				out[i], errs[i] = pa, err
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// applyRecord sets a new entry's state from its durable record.
func (p *pool) applyRecord(e *entry, recs map[string]record, now time.Time) {
	switch recs[e.auth.ID].State {
	case stSpent:
		e.state = spent
		p.spent++
	case stInFlight:
		// In flight when the process stopped: only the chain knows, and
		// the seller may still be settling it.
		e.state = pending
		e.pendingSince = now
		p.busy++
	default:
		e.state = available
		p.free = append(p.free, e)
	}
}

// merge applies a reload (a refill or a spec edit) to the live pool:
// known auths keep their live state (requests in flight hold them), new
// auths join at the back, and available auths that left the spec leave the
// pool. Spent and busy auths stay, so the accounting never goes backwards.
func (p *pool) merge(n *pool, recs map[string]record, now time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	// model and network are the pool's identity (labels, routing); a
	// purchase that changes them is removed and loaded anew by the reconciler.
	p.endpoint = n.endpoint
	keep := p.entries[:0]
	for _, e := range p.entries {
		if _, still := n.byID[e.auth.ID]; still || e.state != available {
			keep = append(keep, e)
			continue
		}
		delete(p.byID, e.auth.ID)
		for i, f := range p.free {
			if f == e {
				p.free = append(p.free[:i], p.free[i+1:]...)
				break
			}
		}
	}
	p.entries = keep
	for _, e := range n.entries {
		if p.byID[e.auth.ID] != nil {
			continue
		}
		p.applyRecord(e, recs, now)
		p.entries = append(p.entries, e)
		p.byID[e.auth.ID] = e
	}
}

// RemovePool stops serving a purchase and forgets its state.
func (b *Buyer) RemovePool(_ context.Context, key string) error {
	b.mu.Lock()
	delete(b.pools, key)
	b.mu.Unlock()
	return b.store.drop(key)
}

// PoolStatus is the live accounting of one purchase.
func (b *Buyer) PoolStatus(key string) (purchase.PoolStatus, bool) {
	b.mu.RLock()
	p := b.pools[key]
	b.mu.RUnlock()
	if p == nil {
		return purchase.PoolStatus{}, false
	}
	return p.status(b.opts.Now()), true
}

// Status is every pool's accounting, by purchase key.
func (b *Buyer) Status() map[string]purchase.PoolStatus {
	b.mu.RLock()
	defer b.mu.RUnlock()
	out := make(map[string]purchase.PoolStatus, len(b.pools))
	for k, p := range b.pools {
		out[k] = p.status(b.opts.Now())
	}
	return out
}

// poolFor finds the pool serving model ("paid/<m>" or "<m>"): the first
// purchase, by key, that still has a usable auth, else the first one (so
// the error names a purchase).
func (b *Buyer) poolFor(model string) *pool {
	model = strings.TrimPrefix(model, "paid/")
	b.mu.RLock()
	var cands []*pool
	for _, p := range b.pools {
		if p.model == model {
			cands = append(cands, p)
		}
	}
	b.mu.RUnlock()
	sort.Slice(cands, func(i, j int) bool { return cands[i].key < cands[j].key })
	now := b.opts.Now()
	for _, p := range cands {
		p.mu.Lock()
		ok := false
		for _, e := range p.free {
			if usable(e, now) {
				ok = true
				break
			}
		}
		p.mu.Unlock()
		if ok {
			return p
		}
	}
	if len(cands) > 0 {
		return cands[0]
	}
	return nil
}

// Resolve asks the chain about every pending auth: used → spent, unused →
// back in the pool. Chain errors leave the auth pending for the next try.
func (b *Buyer) Resolve(ctx context.Context) {
	b.mu.RLock()
	pools := make([]*pool, 0, len(b.pools))
	for _, p := range b.pools {
		pools = append(pools, p)
	}
	b.mu.RUnlock()
	for _, p := range pools {
		for _, e := range p.pendingEntries() {
			if err := b.resolve(ctx, p, e); err != nil {
				b.log.Warn("auth outcome still unknown", "purchase", p.key, "auth", e.auth.ID, "err", err)
			}
		}
	}
}

func (b *Buyer) resolve(ctx context.Context, p *pool, e *entry) error {
	cr, err := b.opts.Chain(e.auth.Network)
	if err != nil {
		return fmt.Errorf("resolve auth: %w", err)
	}
	used, err := e.auth.Consumed(ctx, cr)
	if err != nil {
		return fmt.Errorf("resolve auth: %w", err)
	}
	if used {
		if err := b.store.put(p.key, e.auth.ID, &record{State: stSpent, At: b.opts.Now()}); err != nil {
			return err
		}
		p.markSpent(e)
		b.log.Info("auth was spent on chain", "purchase", p.key, "auth", e.auth.ID)
		return nil
	}
	if p.held(e, b.opts.Now(), b.opts.UncertainHold) {
		return nil // unused so far; a late settlement may still land
	}
	if err := b.store.put(p.key, e.auth.ID, nil); err != nil {
		return err
	}
	p.release(e)
	return nil
}

// Run resolves pending auths every ResolveInterval until ctx ends.
func (b *Buyer) Run(ctx context.Context) error {
	t := time.NewTicker(b.opts.ResolveInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			b.Resolve(ctx)
		}
	}
}
