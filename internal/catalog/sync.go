package catalog

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/store"
)

// SyncOptions configure Sync.
type SyncOptions struct {
	// Store is watched for ServiceOffers. Required.
	Store store.Store[*v1alpha1.ServiceOffer]
	// Handler receives each new snapshot. Required.
	Handler *Handler
	// Base returns everything but Offers and Now (base URL, branding,
	// networks, tokens, identity); it is called on every rebuild, so
	// branding or recorded registrations may change. Required.
	Base func() Input
	// Debounce coalesces bursts of store events into one rebuild; default 100ms.
	Debounce time.Duration
	// Logger; default slog.Default().
	Logger *slog.Logger
}

// Sync keeps Handler's snapshot in step with the store until ctx ends: it
// rebuilds after store changes (debounced) and at the moment a drain ends,
// because an offer leaves every catalog at drainEndsAt whether or not the
// store changes then.
func Sync(ctx context.Context, o SyncOptions) error {
	if o.Store == nil || o.Handler == nil || o.Base == nil {
		return errors.New("catalog sync: Store, Handler and Base are required")
	}
	if o.Debounce <= 0 {
		o.Debounce = 100 * time.Millisecond
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	for {
		ch, err := o.Store.Watch(ctx, store.WatchOptions{})
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("catalog sync: %w", err)
		}
		// A new watch replays everything, so the offer set starts empty
		// and nothing is published until its replay is complete.
		follow(ctx, o, ch)
		if ctx.Err() != nil {
			return nil
		}
		o.Logger.Warn("catalog watch ended; watching again")
		select { // do not spin if the store keeps ending watches
		case <-time.After(o.Debounce):
		case <-ctx.Done():
			return nil
		}
	}
}

// follow applies one watch's events until the watch or ctx ends.
func follow(ctx context.Context, o SyncOptions, ch <-chan store.Event[*v1alpha1.ServiceOffer]) {
	offers := map[string]*v1alpha1.ServiceOffer{}
	synced := false
	var debounce, drainEnd <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			switch ev.Type {
			case store.Synced:
				synced = true
				debounce = time.After(0)
				continue
			case store.Deleted:
				delete(offers, key(ev.Object))
			default:
				offers[key(ev.Object)] = ev.Object
			}
			if synced && debounce == nil {
				debounce = time.After(o.Debounce)
			}
		case <-debounce:
			debounce = nil
			drainEnd = rebuild(o, offers)
		case <-drainEnd:
			drainEnd = rebuild(o, offers)
		}
	}
}

func key(o *v1alpha1.ServiceOffer) string { return o.Namespace + "/" + o.Name }

// rebuild swaps in a new snapshot and returns a timer for the next drain end.
func rebuild(o SyncOptions, offers map[string]*v1alpha1.ServiceOffer) <-chan time.Time {
	in := o.Base()
	in.Now = time.Now()
	in.Offers = make([]v1alpha1.ServiceOffer, 0, len(offers))
	for _, so := range offers {
		in.Offers = append(in.Offers, *so)
	}
	slices.SortFunc(in.Offers, func(a, b v1alpha1.ServiceOffer) int { return strings.Compare(key(&a), key(&b)) })
	snap, err := Build(in)
	if err != nil {
		o.Logger.Error("catalog rebuild failed; serving the previous snapshot", "err", err)
		return nil
	}
	o.Handler.Swap(snap)
	var next time.Time
	for i := range in.Offers {
		if so := &in.Offers[i]; so.DrainingAt(in.Now) {
			if end := so.DrainEndsAt(); next.IsZero() || end.Before(next) {
				next = end
			}
		}
	}
	if next.IsZero() {
		return nil
	}
	return time.After(next.Sub(in.Now))
}
