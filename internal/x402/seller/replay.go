package seller

import (
	"sync"
	"time"
)

// replayGuard remembers the payment authorizations this seller is working
// on or has settled, so one signed payment buys one response: a verify-only
// gate would accept the same header again until the settlement lands, and a
// settled one again until the facilitator notices the used nonce.
//
// Entries live until the authorization expires (it cannot settle after
// that) or until retention has passed, whichever is first: beyond the
// retention the facilitator's on-chain nonce check is the guard, and memory
// stays bounded under long-lived buyer authorizations.
type replayGuard struct {
	mu        sync.Mutex
	entries   map[string]replayEntry
	retention time.Duration
	inserts   int
	lastSweep time.Time
}

type replayEntry struct {
	settled bool
	expires time.Time
}

type replayState int

const (
	replayFresh replayState = iota
	replayInFlight
	replaySettled
)

func newReplayGuard(retention time.Duration) *replayGuard {
	return &replayGuard{entries: make(map[string]replayEntry), retention: retention}
}

// acquire claims key for one request. It fails with the state of an
// existing claim.
func (g *replayGuard) acquire(key string, authEnd, now time.Time) replayState {
	g.mu.Lock()
	defer g.mu.Unlock()
	if e, ok := g.entries[key]; ok && now.Before(e.expires) {
		if e.settled {
			return replaySettled
		}
		return replayInFlight
	}
	exp := now.Add(g.retention)
	if !authEnd.IsZero() && authEnd.Before(exp) {
		exp = authEnd
	}
	g.entries[key] = replayEntry{expires: exp}
	g.inserts++
	if g.inserts >= 4096 || now.Sub(g.lastSweep) > time.Minute {
		g.sweepLocked(now)
	}
	return replayFresh
}

// release forgets a claim whose request delivered nothing, so the buyer may
// spend the same authorization again.
func (g *replayGuard) release(key string) {
	g.mu.Lock()
	delete(g.entries, key)
	g.mu.Unlock()
}

// settle keeps a claim for good: the response was delivered.
func (g *replayGuard) settle(key string) {
	g.mu.Lock()
	if e, ok := g.entries[key]; ok {
		e.settled = true
		g.entries[key] = e
	}
	g.mu.Unlock()
}

func (g *replayGuard) sweep(now time.Time) {
	g.mu.Lock()
	g.sweepLocked(now)
	g.mu.Unlock()
}

func (g *replayGuard) sweepLocked(now time.Time) {
	for k, e := range g.entries {
		if !now.Before(e.expires) {
			delete(g.entries, k)
		}
	}
	g.inserts = 0
	g.lastSweep = now
}

func (g *replayGuard) len() int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.entries)
}
