package runner

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/store/storetest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

type offers = store.Store[*v1alpha1.ServiceOffer]

func newStore(t *testing.T) *store.Embedded[*v1alpha1.ServiceOffer] {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "obol.db"), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.NewServiceOffers(d, quiet)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(); d.Close() })
	return s
}

func create(t *testing.T, s offers, name string) *v1alpha1.ServiceOffer {
	t.Helper()
	o, err := s.Create(context.Background(), storetest.ServiceOfferFixture().New("default", name))
	if err != nil {
		t.Fatal(err)
	}
	return o
}

// recorder is a reconcile function that logs calls with their (fake) time.
type recorder struct {
	mu    sync.Mutex
	start time.Time
	calls []call
	fn    func(n int, k Key) (time.Duration, error)
}

type call struct {
	Key string
	At  time.Duration
}

func (r *recorder) reconcile(_ context.Context, ns, name string) (time.Duration, error) {
	r.mu.Lock()
	k := Key{ns, name}
	r.calls = append(r.calls, call{k.String(), time.Since(r.start)})
	n := len(r.calls)
	r.mu.Unlock()
	if r.fn != nil {
		return r.fn(n, k)
	}
	return 0, nil
}

func (r *recorder) snapshot() []call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]call(nil), r.calls...)
}

func start(t *testing.T, s offers, rec *recorder, mut func(*Options[*v1alpha1.ServiceOffer])) (stop func()) {
	t.Helper()
	rec.start = time.Now()
	o := Options[*v1alpha1.ServiceOffer]{Name: "test", Store: s, Reconcile: rec.reconcile, Logger: quiet}
	if mut != nil {
		mut(&o)
	}
	r, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- r.Run(ctx) }()
	<-r.Synced()
	return func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run returned %v after cancel", err)
		}
	}
}

func TestReplayAndEvents(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newStore(t)
		create(t, s, "a")
		rec := &recorder{}
		stop := start(t, s, rec, nil)
		defer stop()
		synctest.Wait()
		b := create(t, s, "b")
		synctest.Wait()
		if err := s.Delete(context.Background(), "default", "b"); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		_ = b
		want := []call{{"default/a", 0}, {"default/b", 0}, {"default/b", 0}}
		if diff := cmp.Diff(want, rec.snapshot()); diff != "" {
			t.Errorf("calls (-want +got):\n%s", diff)
		}
	})
}

func TestRequeueAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newStore(t)
		create(t, s, "a")
		rec := &recorder{fn: func(n int, _ Key) (time.Duration, error) {
			if n < 3 {
				return 10 * time.Minute, nil
			}
			return 0, nil
		}}
		stop := start(t, s, rec, nil)
		defer stop()
		time.Sleep(time.Hour)
		synctest.Wait()
		want := []call{{"default/a", 0}, {"default/a", 10 * time.Minute}, {"default/a", 20 * time.Minute}}
		if diff := cmp.Diff(want, rec.snapshot()); diff != "" {
			t.Errorf("calls (-want +got):\n%s", diff)
		}
	})
}

func TestBackoffThenRecover(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newStore(t)
		create(t, s, "a")
		rec := &recorder{fn: func(n int, _ Key) (time.Duration, error) {
			if n <= 4 {
				return 0, errors.New("upstream down")
			}
			if n == 5 {
				return 0, store.ErrConflict
			}
			return 0, nil
		}}
		stop := start(t, s, rec, func(o *Options[*v1alpha1.ServiceOffer]) {
			o.BaseBackoff, o.MaxBackoff = time.Second, 4*time.Second
		})
		defer stop()
		time.Sleep(time.Minute)
		synctest.Wait()
		// failures at 0, 1s, 3s, 7s (delays 1, 2, 4, capped 4), conflict at 11s, success at 15s
		var at []time.Duration
		for _, c := range rec.snapshot() {
			at = append(at, c.At)
		}
		want := []time.Duration{0, time.Second, 3 * time.Second, 7 * time.Second, 11 * time.Second, 15 * time.Second}
		if diff := cmp.Diff(want, at); diff != "" {
			t.Errorf("call times (-want +got):\n%s", diff)
		}
	})
}

// TestCoalescesAndSerializesPerKey: many writes to one key while it is
// being reconciled give fewer reconciles, never two at once for one key,
// and a final pass after the last write.
func TestCoalescesAndSerializesPerKey(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newStore(t)
		o := create(t, s, "a")
		var running, overlap atomic.Int32
		release := make(chan struct{})
		rec := &recorder{}
		rec.fn = func(n int, _ Key) (time.Duration, error) {
			if running.Add(1) > 1 {
				overlap.Add(1)
			}
			defer running.Add(-1)
			if n == 2 {
				<-release // hold the second pass while writes pile up
			}
			return 0, nil
		}
		stop := start(t, s, rec, func(o *Options[*v1alpha1.ServiceOffer]) { o.Workers = 4 })
		defer stop()
		synctest.Wait()
		fx := storetest.ServiceOfferFixture()
		var err error
		for range 10 {
			fx.MutateSpec(o)
			if o, err = s.Update(context.Background(), o); err != nil {
				t.Fatal(err)
			}
			synctest.Wait()
		}
		close(release)
		synctest.Wait()
		if overlap.Load() != 0 {
			t.Error("one key was reconciled by two workers at once")
		}
		if n := len(rec.snapshot()); n != 3 {
			t.Errorf("%d reconciles for 1 replay + 10 writes held behind one pass, want 3 (replay, first write, one coalesced pass)", n)
		}
	})
}

func TestPanicIsRetried(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newStore(t)
		create(t, s, "a")
		rec := &recorder{fn: func(n int, _ Key) (time.Duration, error) {
			if n == 1 {
				panic("bad object")
			}
			return 0, nil
		}}
		stop := start(t, s, rec, nil)
		defer stop()
		time.Sleep(time.Second)
		synctest.Wait()
		if n := len(rec.snapshot()); n != 2 {
			t.Errorf("%d calls, want 2 (the panic, then a retry)", n)
		}
	})
}

func TestResync(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newStore(t)
		create(t, s, "a")
		rec := &recorder{}
		stop := start(t, s, rec, func(o *Options[*v1alpha1.ServiceOffer]) { o.ResyncPeriod = time.Minute })
		defer stop()
		time.Sleep(3*time.Minute + time.Second)
		synctest.Wait()
		if n := len(rec.snapshot()); n != 4 {
			t.Errorf("%d calls in 3 minutes with a 1-minute resync, want 4", n)
		}
	})
}

func TestNewRequiresStoreAndReconcile(t *testing.T) {
	if _, err := New(Options[*v1alpha1.ServiceOffer]{}); err == nil {
		t.Fatal("New without Store and Reconcile succeeded")
	}
}
