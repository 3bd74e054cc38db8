package runner

import (
	"sync"
	"time"
)

// queue is a keyed work queue in the manner of client-go's: a key waits in
// the queue at most once, a key being processed is never handed to a second
// worker, and a key added while it is processed runs again afterwards.
// Delayed adds keep only the earliest deadline.
type queue struct {
	mu         sync.Mutex
	cond       *sync.Cond
	order      []Key
	queued     map[Key]bool
	processing map[Key]bool
	dirty      map[Key]bool
	timers     map[Key]*delayed
	shutdown   bool
}

type delayed struct {
	at    time.Time
	timer *time.Timer
}

func newQueue() *queue {
	q := &queue{queued: map[Key]bool{}, processing: map[Key]bool{}, dirty: map[Key]bool{}, timers: map[Key]*delayed{}}
	q.cond = sync.NewCond(&q.mu)
	return q
}

// add queues k now, cancelling any delayed add (now is earlier).
func (q *queue) add(k Key) {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.addLocked(k)
}

func (q *queue) addLocked(k Key) {
	if q.shutdown {
		return
	}
	if d, ok := q.timers[k]; ok {
		d.timer.Stop()
		delete(q.timers, k)
	}
	if q.processing[k] {
		q.dirty[k] = true
		return
	}
	if q.queued[k] {
		return
	}
	q.queued[k] = true
	q.order = append(q.order, k)
	q.cond.Signal()
}

// addAfter queues k after d, unless it is already due sooner.
func (q *queue) addAfter(k Key, d time.Duration) {
	if d <= 0 {
		q.add(k)
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.shutdown || q.queued[k] {
		return
	}
	at := time.Now().Add(d)
	if cur, ok := q.timers[k]; ok {
		if !cur.at.After(at) {
			return
		}
		cur.timer.Stop()
	}
	q.timers[k] = &delayed{at: at, timer: time.AfterFunc(d, func() {
		q.mu.Lock()
		defer q.mu.Unlock()
		if cur, ok := q.timers[k]; ok && cur.at.Equal(at) {
			delete(q.timers, k)
			q.addLocked(k)
		}
	})}
}

// get blocks for the next key; ok is false after shutdown.
func (q *queue) get() (Key, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.order) == 0 && !q.shutdown {
		q.cond.Wait()
	}
	if q.shutdown {
		return Key{}, false
	}
	k := q.order[0]
	q.order = q.order[1:]
	delete(q.queued, k)
	q.processing[k] = true
	return k, true
}

// done ends processing of k; a key added meanwhile is queued again.
func (q *queue) done(k Key) {
	q.mu.Lock()
	defer q.mu.Unlock()
	delete(q.processing, k)
	if q.dirty[k] {
		delete(q.dirty, k)
		q.addLocked(k)
	}
}

// idle reports whether nothing is queued or running (delayed adds may wait).
func (q *queue) idle() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.order) == 0 && len(q.processing) == 0
}

func (q *queue) stop() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.shutdown = true
	for k, d := range q.timers {
		d.timer.Stop()
		delete(q.timers, k)
	}
	q.cond.Broadcast()
}
