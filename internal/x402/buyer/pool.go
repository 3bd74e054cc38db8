package buyer

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/x402"
)

// expiryMargin keeps an auth out of use when it would expire before a
// seller and its facilitator could settle it.
const expiryMargin = 30 * time.Second

type authState uint8

const (
	available authState = iota
	inFlight            // a paid request carrying it is out
	pending             // the outcome is unknown; the chain decides (resolve)
	spent
)

type entry struct {
	auth  *purchase.Auth
	state authState
	// pendingSince is when the outcome became unknown; zero when the
	// seller certainly did not settle (it refused the payment), so the
	// chain's "unused" can be believed at once.
	pendingSince time.Time
}

// pool is one purchase's auths in memory; the db holds the durable truth.
type pool struct {
	key, model, endpoint, network string
	// challenge is the seller's last 402, so the next call can pay at once.
	challenge atomic.Pointer[x402.PaymentRequired]

	mu      sync.Mutex
	entries []*entry
	byID    map[string]*entry
	free    []*entry // available, in signing order: take from the front
	spent   int
	busy    int // inFlight + pending
}

// Errors the proxy turns into answers.
var (
	errExhausted    = errors.New("no authorizations left")
	errAllBusy      = errors.New("every remaining authorization is in flight")
	errPriceChanged = errors.New("the seller changed its price")
	errNoMatch      = errors.New("no authorization matches the seller's terms")
)

func (p *pool) status(now time.Time) purchase.PoolStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.statusLocked(now)
}

func (p *pool) statusLocked(now time.Time) purchase.PoolStatus {
	expired := 0
	for _, e := range p.free {
		if !usable(e, now) {
			expired++
		}
	}
	return purchase.PoolStatus{PublicModel: "paid/" + p.model, Remaining: len(p.entries) - p.spent, Spent: p.spent,
		Network: p.network, TotalSigned: len(p.entries), InFlight: p.busy, Expired: expired}
}

func usable(e *entry, now time.Time) bool { return e.auth.Expires.After(now.Add(expiryMargin)) }

// take pops the first usable auth that pays one of accepts exactly and
// returns it with the accepted entry. Nothing changes on error.
func (p *pool) take(accepts []x402.PaymentRequirements, now time.Time) (*entry, *x402.PaymentRequirements, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	idx := -1
	for i, e := range p.free {
		if usable(e, now) {
			idx = i
			break
		}
	}
	if idx < 0 {
		st := p.statusLocked(now)
		if p.busy > 0 {
			return nil, nil, fmt.Errorf("%w: purchase %s has %d in flight and none free", errAllBusy, p.key, p.busy)
		}
		return nil, nil, fmt.Errorf("%w: purchase %s spent %d of %d (%d expired); refill with `obol buy refill %s` or buy again with `obol buy inference %s`",
			errExhausted, p.key, st.Spent, st.TotalSigned, st.Expired, shortName(p.key), p.endpoint)
	}
	e := p.free[idx]
	var why []string
	changed := false
	for i := range accepts {
		m := e.auth.Matches(&accepts[i])
		if m.Reason == "" {
			if idx == 0 {
				p.free[0] = nil
				p.free = p.free[1:] // the usual case: O(1)
			} else {
				p.free = slices.Delete(p.free, idx, idx+1)
			}
			e.state = inFlight
			p.busy++
			return e, &accepts[i], nil
		}
		changed = changed || m.PriceChanged
		why = append(why, m.Reason)
	}
	if changed {
		return nil, nil, fmt.Errorf("%w: purchase %s: %s", errPriceChanged, p.key, strings.Join(why, "; "))
	}
	return nil, nil, fmt.Errorf("%w: purchase %s: %s", errNoMatch, p.key, strings.Join(why, "; "))
}

// release puts an auth back: it was not spent. It goes to the back, so an
// auth a seller keeps refusing cannot block the ones behind it.
func (p *pool) release(e *entry) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e.state != inFlight && e.state != pending {
		return
	}
	e.state = available
	p.busy--
	p.free = append(p.free, e)
}

func (p *pool) markSpent(e *entry) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e.state == inFlight || e.state == pending {
		p.busy--
	}
	if e.state != spent {
		e.state = spent
		p.spent++
	}
}

// markPending parks an in-flight auth for the chain to decide. since is
// when its outcome became uncertain (the seller may still settle it, see
// Options.UncertainHold); zero when the seller certainly did not.
func (p *pool) markPending(e *entry, since time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if e.state == inFlight {
		e.state = pending
		e.pendingSince = since
	}
}

// held reports whether an unused-on-chain pending auth must stay out of
// the pool a while longer.
func (p *pool) held(e *entry, now time.Time, hold time.Duration) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return !e.pendingSince.IsZero() && now.Sub(e.pendingSince) < hold
}

// pendingEntries lists auths whose outcome the chain must decide.
func (p *pool) pendingEntries() []*entry {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []*entry
	for _, e := range p.entries {
		if e.state == pending {
			out = append(out, e)
		}
	}
	return out
}

func shortName(key string) string {
	if _, n, ok := strings.Cut(key, "/"); ok {
		return n
	}
	return key
}

func (p *pool) target() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.endpoint
}
