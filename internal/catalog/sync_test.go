package catalog

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"testing/synctest"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/store"
)

func listedNames(t *testing.T, h *Handler) []string {
	t.Helper()
	s := h.Snapshot()
	if s == nil {
		return nil
	}
	var doc ServicesDocument
	if err := json.Unmarshal(s.Document(PathServices), &doc); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, svc := range doc.Services {
		names = append(names, svc.Name+"@"+svc.DrainEndsAt)
	}
	return names
}

// putReady creates an offer and writes the status a reconciler would.
func putReady(t *testing.T, s store.Store[*v1alpha1.ServiceOffer], o v1alpha1.ServiceOffer) {
	t.Helper()
	ctx := context.Background()
	status := o.Status
	o.Status, o.ResourceVersion, o.Generation = v1alpha1.ServiceOfferStatus{}, "", 0
	created, err := s.Create(ctx, &o)
	if err != nil {
		t.Fatal(err)
	}
	created.Status = status
	if _, err := s.UpdateStatus(ctx, created); err != nil {
		t.Fatal(err)
	}
}

// TestSyncFollowsStoreAndDrainEnd: the handler's catalog follows store
// writes, and a draining offer leaves at drainEndsAt with no store write.
func TestSyncFollowsStoreAndDrainEnd(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		d, err := db.Open(filepath.Join(t.TempDir(), "obol.db"), db.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		s, err := store.NewServiceOffers(d, quiet)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		h, err := New(Options{Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error)
		go func() {
			done <- Sync(ctx, SyncOptions{Store: s, Handler: h, Logger: quiet, Base: func() Input {
				in := input()
				in.BaseURL = "http://127.0.0.1:8080"
				return in
			}})
		}()
		defer func() { cancel(); <-done }()

		synctest.Wait()
		if h.Snapshot() == nil || len(listedNames(t, h)) != 0 {
			t.Fatalf("after the initial sync: %v", listedNames(t, h))
		}
		now := time.Now()
		putReady(t, s, readyOffer("steady"))
		drainer := readyOffer("drainer")
		drainer.Spec.DrainAt = &metav1.Time{Time: now}
		drainer.Spec.DrainGracePeriod = &metav1.Duration{Duration: 10 * time.Minute}
		putReady(t, s, drainer)
		time.Sleep(time.Second)
		synctest.Wait()
		ends := now.Add(10 * time.Minute).UTC().Truncate(time.Second).Format(time.RFC3339)
		got := listedNames(t, h)
		if len(got) != 2 || got[0] != "drainer@"+ends || got[1] != "steady@" {
			t.Fatalf("while draining: %v", got)
		}
		time.Sleep(10 * time.Minute)
		synctest.Wait()
		if got := listedNames(t, h); len(got) != 1 || got[0] != "steady@" {
			t.Fatalf("after the drain ended: %v", got)
		}
		if err := s.Delete(context.Background(), "default", "steady"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Second)
		synctest.Wait()
		if got := listedNames(t, h); len(got) != 0 {
			t.Fatalf("after delete: %v", got)
		}
	})
}
