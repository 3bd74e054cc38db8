// Package runner drives a reconciler in embedded mode: it watches the store,
// turns every event into a keyed work item, and calls the reconciler for
// one key at a time per key, retrying failures with exponential backoff and
// honouring the reconciler's requeue-after. It is what controller-runtime's
// manager does in Kubernetes mode, small enough to read in one sitting.
package runner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/obol-dev/obol/internal/store"
)

// Key names one object.
type Key struct{ Namespace, Name string }

// String is namespace/name.
func (k Key) String() string { return k.Namespace + "/" + k.Name }

// ReconcileFunc reconciles one object. requeueAfter > 0 asks for another
// pass after that long even if nothing changes; an error retries with
// backoff. The object may be gone (deleted): that is not an error.
type ReconcileFunc func(ctx context.Context, namespace, name string) (requeueAfter time.Duration, err error)

// Options configure New.
type Options[O store.Object] struct {
	// Name labels logs ("serviceoffer").
	Name string
	// Store is watched for changes. Required.
	Store store.Store[O]
	// Reconcile is called per key. Required.
	Reconcile ReconcileFunc
	// Workers reconcile different keys in parallel; default 1.
	Workers int
	// BaseBackoff and MaxBackoff bound the retry delay after errors:
	// base × 2^(failures-1), capped. Defaults 200ms and 5m.
	BaseBackoff, MaxBackoff time.Duration
	// ResyncPeriod reconciles every object again this often (0 = never);
	// a safety net for effects that changed outside the store.
	ResyncPeriod time.Duration
	// Logger; default slog.Default().
	Logger *slog.Logger
}

// Runner is one reconcile loop.
type Runner[O store.Object] struct {
	o        Options[O]
	q        *queue
	log      *slog.Logger
	mu       sync.Mutex
	failures map[Key]int
	synced   chan struct{}
}

// New checks opts and builds a Runner.
func New[O store.Object](o Options[O]) (*Runner[O], error) {
	if o.Store == nil || o.Reconcile == nil {
		return nil, errors.New("new runner: Store and Reconcile are required")
	}
	if o.Workers <= 0 {
		o.Workers = 1
	}
	if o.BaseBackoff <= 0 {
		o.BaseBackoff = 200 * time.Millisecond
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = 5 * time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return &Runner[O]{o: o, q: newQueue(), log: o.Logger.With("controller", o.Name),
		failures: map[Key]int{}, synced: make(chan struct{})}, nil
}

// Synced is closed once the initial replay of the store is queued.
func (r *Runner[O]) Synced() <-chan struct{} { return r.synced }

// Idle reports whether no work is queued or running right now.
func (r *Runner[O]) Idle() bool { return r.q.idle() }

// Run watches and reconciles until ctx ends. It returns nil on
// cancellation and an error if the watch cannot be (re)established.
func (r *Runner[O]) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	for range r.o.Workers {
		wg.Go(func() { r.work(ctx) })
	}
	err := r.watch(ctx)
	r.q.stop()
	cancel()
	wg.Wait()
	if ctx.Err() != nil && err == nil {
		return nil
	}
	return err
}

// watch feeds the queue; when a watch ends early (the store dropped it) it
// starts a new one, whose replay re-queues everything: no change is lost.
func (r *Runner[O]) watch(ctx context.Context) error {
	var resync <-chan time.Time
	if r.o.ResyncPeriod > 0 {
		t := time.NewTicker(r.o.ResyncPeriod)
		defer t.Stop()
		resync = t.C
	}
	known := map[Key]bool{}
	first := true
	for ctx.Err() == nil {
		ch, err := r.o.Store.Watch(ctx, store.WatchOptions{})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("run %s: watch: %w", r.o.Name, err)
		}
	loop:
		for {
			select {
			case ev, ok := <-ch:
				if !ok {
					break loop
				}
				if ev.Type == store.Synced {
					if first {
						close(r.synced)
						first = false
					}
					continue
				}
				k := Key{ev.Object.GetNamespace(), ev.Object.GetName()}
				if ev.Type == store.Deleted {
					delete(known, k)
				} else {
					known[k] = true
				}
				r.q.add(k)
			case <-resync:
				for k := range known {
					r.q.add(k)
				}
			case <-ctx.Done():
				return nil
			}
		}
		if ctx.Err() == nil {
			r.log.Warn("watch ended; watching again")
			select {
			case <-time.After(r.o.BaseBackoff):
			case <-ctx.Done():
			}
		}
	}
	return nil
}

func (r *Runner[O]) work(ctx context.Context) {
	for {
		k, ok := r.q.get()
		if !ok {
			return
		}
		r.process(ctx, k)
		r.q.done(k)
	}
}

func (r *Runner[O]) process(ctx context.Context, k Key) {
	after, err := r.reconcile(ctx, k)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		d := r.backoff(k)
		lvl := slog.LevelWarn
		if errors.Is(err, store.ErrConflict) {
			lvl = slog.LevelDebug // someone else wrote first: just read again
		}
		r.log.Log(ctx, lvl, "reconcile failed; retrying", "key", k.String(), "retryIn", d, "err", err)
		r.q.addAfter(k, d)
		return
	}
	r.forget(k)
	if after > 0 {
		r.q.addAfter(k, after)
	}
}

// reconcile calls the reconciler and turns a panic into an error, so one
// bad object cannot stop the loop for every other.
func (r *Runner[O]) reconcile(ctx context.Context, k Key) (after time.Duration, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("reconcile %s panicked: %v", k, p)
		}
	}()
	return r.o.Reconcile(ctx, k.Namespace, k.Name)
}

func (r *Runner[O]) backoff(k Key) time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failures[k]++
	d := r.o.BaseBackoff
	for i := 1; i < r.failures[k] && d < r.o.MaxBackoff; i++ {
		d *= 2
	}
	return min(d, r.o.MaxBackoff)
}

func (r *Runner[O]) forget(k Key) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.failures, k)
}
