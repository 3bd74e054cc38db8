package store_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strconv"
	"testing"

	bolt "go.etcd.io/bbolt"
	"go.uber.org/goleak"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/store/storetest"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

func openDB(t *testing.T) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "obol.db"), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func TestEmbeddedServiceOfferConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store[*v1alpha1.ServiceOffer] {
		s, err := store.NewServiceOffers(openDB(t), quiet)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		return s
	}, storetest.ServiceOfferFixture())
}

func TestEmbeddedPurchaseRequestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store[*v1alpha1.PurchaseRequest] {
		s, err := store.NewPurchaseRequests(openDB(t), quiet)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		return s
	}, storetest.PurchaseRequestFixture())
}

// TestEmbeddedDurable reopens the database: objects survive, and
// resourceVersions keep increasing instead of starting over (a reused
// resourceVersion would let a stale writer win).
func TestEmbeddedDurable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "obol.db")
	ctx := context.Background()
	fx := storetest.ServiceOfferFixture()
	d, err := db.Open(path, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := store.NewServiceOffers(d, quiet)
	o, err := s.Create(ctx, fx.New("default", "alpha"))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	d.Close()

	d, err = db.Open(path, db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	s, _ = store.NewServiceOffers(d, quiet)
	defer s.Close()
	got, err := s.Get(ctx, "default", "alpha")
	if err != nil {
		t.Fatal(err)
	}
	if got.UID != o.UID || got.ResourceVersion != o.ResourceVersion {
		t.Errorf("after reopen uid/rv = %s/%s, want %s/%s", got.UID, got.ResourceVersion, o.UID, o.ResourceVersion)
	}
	b, err := s.Create(ctx, fx.New("default", "beta"))
	if err != nil {
		t.Fatal(err)
	}
	if rvb, rvo := atoi(t, b.ResourceVersion), atoi(t, o.ResourceVersion); rvb <= rvo {
		t.Errorf("resourceVersion %s after reopen is not above %s", b.ResourceVersion, o.ResourceVersion)
	}
}

// TestEmbeddedRefusesInvalidSpec: the kind's Validate runs on Create and on
// spec updates, and a refused write changes nothing.
func TestEmbeddedRefusesInvalidSpec(t *testing.T) {
	ctx := context.Background()
	s, _ := store.NewServiceOffers(openDB(t), quiet)
	defer s.Close()
	fx := storetest.ServiceOfferFixture()
	bad := fx.New("default", "bad")
	bad.Spec.Payment.Price.PerRequest = "abc"
	if _, err := s.Create(ctx, bad); !errors.Is(err, store.ErrInvalid) || !errors.Is(err, v1alpha1.ErrInvalid) {
		t.Fatalf("Create with price abc: %v", err)
	}
	o, err := s.Create(ctx, fx.New("default", "good"))
	if err != nil {
		t.Fatal(err)
	}
	o.Spec.Path = "/api"
	if _, err := s.Update(ctx, o); !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("Update to reserved path: %v", err)
	}
	got, _ := s.Get(ctx, "default", "good")
	if got.Spec.Path != "" || got.Generation != 1 {
		t.Errorf("refused update was applied: path %q generation %d", got.Spec.Path, got.Generation)
	}
}

// TestEmbeddedReportsDamagedRecord: a record that does not decode is an
// error naming the record, not a silent skip or a crash.
func TestEmbeddedReportsDamagedRecord(t *testing.T) {
	d := openDB(t)
	s, _ := store.NewServiceOffers(d, quiet)
	defer s.Close()
	if err := d.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("store.ServiceOffer")).Put([]byte("default\x00x"), []byte("{not json"))
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(context.Background(), "default", "x"); err == nil {
		t.Fatal("Get of a damaged record succeeded")
	}
	if _, err := s.List(context.Background(), store.ListOptions{}); err == nil {
		t.Fatal("List over a damaged record succeeded")
	}
}

func TestEmbeddedCloseEndsWatches(t *testing.T) {
	s, _ := store.NewServiceOffers(openDB(t), quiet)
	ch, err := s.Watch(context.Background(), store.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	for range ch {
	}
	if _, err := s.Watch(context.Background(), store.WatchOptions{}); err == nil {
		t.Error("Watch on a closed store succeeded")
	}
}

// FuzzDecode feeds arbitrary bytes to the stored-record decoder: never a
// panic, and anything accepted names the key it is stored under.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("default\x00a"), []byte(`{"apiVersion":"obol.org/v1alpha1","kind":"ServiceOffer","metadata":{"name":"a","namespace":"default","resourceVersion":"3"}}`))
	f.Add([]byte("default\x00a"), []byte(`{"apiVersion":"obol.org/v1alpha1","kind":"PurchaseRequest","metadata":{"name":"a","namespace":"default","resourceVersion":"3"}}`))
	f.Add([]byte("x\x00y"), []byte(`{"kind":"ServiceOffer","spec":{"drainGracePeriod":"bogus"}}`))
	f.Add([]byte("x\x00y"), []byte(`null`))
	k := store.ServiceOfferKind()
	f.Fuzz(func(t *testing.T, key, data []byte) {
		o, err := store.Decode(k, key, data)
		if err != nil {
			return
		}
		if o.Namespace+"\x00"+o.Name != string(key) || o.Kind != v1alpha1.KindServiceOffer || o.ResourceVersion == "" {
			t.Fatalf("accepted %q under key %q", data, key)
		}
	})
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("resourceVersion %q is not a number: %v", s, err)
	}
	return n
}

// TestEmbeddedEndsStuckWatch: a watcher that stops reading is cut off once
// its backlog is full (bounded memory); writers never block on it, and the
// watcher sees its channel close after the events it was owed.
func TestEmbeddedEndsStuckWatch(t *testing.T) {
	ctx := context.Background()
	s, err := store.NewEmbedded(store.EmbeddedOptions[*v1alpha1.ServiceOffer]{DB: openDB(t), Kind: store.ServiceOfferKind(), Logger: quiet, MaxWatchBacklog: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ch, err := s.Watch(ctx, store.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	healthy, err := s.Watch(ctx, store.WatchOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fx := storetest.ServiceOfferFixture()
	for i := range 20 {
		if _, err := s.Create(ctx, fx.New("default", "o"+strconv.Itoa(i))); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			<-healthy // SYNCED
		}
		ev := <-healthy // a reader that keeps up sees every event
		if ev.Type != store.Added || ev.Object.Name != "o"+strconv.Itoa(i) {
			t.Fatalf("healthy watcher got %s %s", ev.Type, ev.Object.Name)
		}
	}
	n := 0
	for range ch {
		n++
	}
	if n >= 21 {
		t.Errorf("stuck watcher received %d events; it should have been cut off", n)
	}
}
