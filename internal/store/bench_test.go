package store_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/store/storetest"
)

// BenchmarkEmbeddedUpdateStatus is a reconciler's write: read-check the
// resourceVersion, encode, fsync, publish. Compare with BenchmarkRawBoltPut,
// the same bytes written by a bare fsynced bbolt transaction.
func BenchmarkEmbeddedUpdateStatus(b *testing.B) {
	d := openBenchDB(b)
	s, err := store.NewServiceOffers(d, quiet)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	fx := storetest.ServiceOfferFixture()
	ctx := context.Background()
	o, err := s.Create(ctx, fx.New("default", "bench"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		fx.MutateStatus(o)
		if o, err = s.UpdateStatus(ctx, o); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRawBoltPut(b *testing.B) {
	d := openBenchDB(b)
	fx := storetest.ServiceOfferFixture()
	o := fx.New("default", "bench")
	if err := d.EnsureBuckets("raw"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		fx.MutateStatus(o)
		data, err := json.Marshal(o)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Update(func(tx *db.Tx) error { return tx.Bucket([]byte("raw")).Put([]byte("default\x00bench"), data) }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEmbeddedGet is the read the gateways and reconcilers make.
func BenchmarkEmbeddedGet(b *testing.B) {
	d := openBenchDB(b)
	s, err := store.NewServiceOffers(d, quiet)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := s.Create(ctx, storetest.ServiceOfferFixture().New("default", "bench")); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Get(ctx, "default", "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

func openBenchDB(b *testing.B) *db.DB {
	b.Helper()
	d, err := db.Open(b.TempDir()+"/obol.db", db.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	return d
}
