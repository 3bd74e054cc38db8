package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/store/storetest"
)

func TestMutate(t *testing.T) {
	ctx := context.Background()
	s, _ := store.NewServiceOffers(openDB(t), quiet)
	defer s.Close()
	fx := storetest.ServiceOfferFixture()
	if _, err := s.Create(ctx, fx.New("default", "a")); err != nil {
		t.Fatal(err)
	}
	// Concurrent read-modify-writes all land.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := store.Mutate(ctx, store.Store[*v1alpha1.ServiceOffer](s), "default", "a", false, func(o *v1alpha1.ServiceOffer) error {
				fx.MutateSpec(o)
				return nil
			}); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	got, _ := s.Get(ctx, "default", "a")
	if fx.SpecCounter(got) != 8 {
		t.Errorf("counter %d after 8 mutations, want 8", fx.SpecCounter(got))
	}
	// A status mutation; an aborted one writes nothing.
	drain := metav1.NewTime(time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC))
	if _, err := store.Mutate(ctx, store.Store[*v1alpha1.ServiceOffer](s), "default", "a", false, func(o *v1alpha1.ServiceOffer) error {
		o.Spec.DrainAt = &drain
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	abort := errors.New("changed my mind")
	before, _ := s.Get(ctx, "default", "a")
	if _, err := store.Mutate(ctx, store.Store[*v1alpha1.ServiceOffer](s), "default", "a", true, func(o *v1alpha1.ServiceOffer) error {
		o.Status.Endpoint = "x"
		return abort
	}); !errors.Is(err, abort) {
		t.Fatalf("aborted Mutate: %v", err)
	}
	after, _ := s.Get(ctx, "default", "a")
	if after.ResourceVersion != before.ResourceVersion || after.Spec.DrainAt == nil {
		t.Error("an aborted Mutate wrote, or the drain did not land")
	}
	if _, err := store.Mutate(ctx, store.Store[*v1alpha1.ServiceOffer](s), "default", "missing", false, func(*v1alpha1.ServiceOffer) error { return nil }); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Mutate of a missing object: %v", err)
	}
}
