package store

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/obol-dev/obol/internal/db"
)

// Watch implements Store. The replay and the registration happen under the
// write lock, so no change falls between the replay and the live stream.
func (s *Embedded[O]) Watch(ctx context.Context, opts WatchOptions) (<-chan Event[O], error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, errors.New("watch: store is closed")
	}
	var items []O
	err := s.db.View(func(tx *db.Tx) error {
		var err error
		items, err = s.listTx(tx, opts.Namespace)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", s.kind.TypeMeta.Kind, err)
	}
	w := &subscriber[O]{
		namespace: opts.Namespace,
		wake:      make(chan struct{}, 1),
		stop:      make(chan struct{}),
		out:       make(chan Event[O]),
	}
	for _, o := range items {
		w.queue = append(w.queue, Event[O]{Type: Added, Object: o})
	}
	w.queue = append(w.queue, Event[O]{Type: Synced})
	s.subs[w] = struct{}{}
	go w.pump(ctx, func() {
		s.mu.Lock()
		delete(s.subs, w)
		s.mu.Unlock()
	})
	return w.out, nil
}

// publish hands an event to every matching watcher; called with s.mu held.
// Each watcher gets its own copy, so one consumer's mutation cannot leak
// into another's view or into the store.
func (s *Embedded[O]) publish(ev Event[O]) {
	for w := range s.subs {
		if w.namespace != "" && w.namespace != ev.Object.GetNamespace() {
			continue
		}
		if !w.push(Event[O]{Type: ev.Type, Object: ev.Object.DeepCopyObject().(O)}, s.maxLag) {
			// A watcher this far behind is stuck; ending its watch bounds
			// memory, and its next watch starts from a fresh replay.
			s.log.Warn("watcher too far behind; ending its watch", "backlog", s.maxLag)
			w.close()
			delete(s.subs, w)
		}
	}
}

// subscriber buffers events (up to the store's backlog limit) so a slow
// watcher never blocks writers; the pump goroutine delivers them in order.
type subscriber[O Object] struct {
	namespace string

	mu       sync.Mutex
	queue    []Event[O]
	stopOnce sync.Once

	wake chan struct{}
	stop chan struct{}
	out  chan Event[O]
}

// push queues ev; false when the backlog is full (the event is dropped).
func (w *subscriber[O]) push(ev Event[O], limit int) bool {
	w.mu.Lock()
	if len(w.queue) >= limit {
		w.mu.Unlock()
		return false
	}
	w.queue = append(w.queue, ev)
	w.mu.Unlock()
	select {
	case w.wake <- struct{}{}:
	default:
	}
	return true
}

func (w *subscriber[O]) close() { w.stopOnce.Do(func() { close(w.stop) }) }

func (w *subscriber[O]) pump(ctx context.Context, unregister func()) {
	defer close(w.out)
	defer unregister()
	for {
		w.mu.Lock()
		batch := w.queue
		w.queue = nil
		w.mu.Unlock()
		for _, ev := range batch {
			select {
			case w.out <- ev:
			case <-ctx.Done():
				return
			case <-w.stop:
				return
			}
		}
		if len(batch) > 0 {
			continue
		}
		select {
		case <-w.wake:
		case <-ctx.Done():
			return
		case <-w.stop:
			return
		}
	}
}
