package buyer

import (
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/obol-dev/obol/internal/db"
)

// bucketAuths holds one nested bucket per purchase key; inside, one record
// per auth that is not simply available. An absent record means
// "available": a fresh pool costs no writes.
const bucketAuths = "buyer.auths"

// Durable auth states.
const (
	stInFlight = "inflight" // written before the paid request leaves
	stSpent    = "spent"    // written after a paid success, before answering
)

type record struct {
	State string    `json:"s"`
	At    time.Time `json:"at"`
	Tx    string    `json:"tx,omitempty"`
}

type store struct {
	db *db.DB

	mu      sync.Mutex
	pending []*op
	running bool // a flusher goroutine is committing
}

// op is one record write waiting for the group commit.
type op struct {
	pool, id string
	val      []byte // nil deletes
	done     chan error
}

func newStore(d *db.DB) (*store, error) {
	if err := d.EnsureBuckets(bucketAuths); err != nil {
		return nil, fmt.Errorf("open buyer state: %w", err)
	}
	return &store{db: d}, nil
}

// load returns the records of one pool.
func (s *store) load(pool string) (map[string]record, error) {
	out := map[string]record{}
	err := s.db.View(func(tx *db.Tx) error {
		b := tx.Bucket([]byte(bucketAuths)).Bucket([]byte(pool))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var r record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("auth %s: %w", k, err)
			}
			out[string(k)] = r
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read buyer state of %s: %w", pool, err)
	}
	return out, nil
}

// put writes (or, with r == nil, deletes) one record durably and returns
// once it is on disk. Writes are group-committed: a lone write commits at
// once (one fsync), and writes that arrive while a commit is running share
// the next one, so concurrent paid calls do not queue behind each other's
// fsyncs and none waits for a timer.
func (s *store) put(pool, id string, r *record) error {
	o := &op{pool: pool, id: id, done: make(chan error, 1)}
	if r != nil {
		var err error
		if o.val, err = json.Marshal(r); err != nil {
			return fmt.Errorf("encode auth state: %w", err)
		}
	}
	s.mu.Lock()
	s.pending = append(s.pending, o)
	if !s.running {
		s.running = true
		go s.flush()
	}
	s.mu.Unlock()
	if err := <-o.done; err != nil {
		return fmt.Errorf("write auth state %s/%s: %w", pool, id, err)
	}
	return nil
}

// flush commits pending writes in batches until none is left.
func (s *store) flush() {
	for {
		s.mu.Lock()
		batch := s.pending
		s.pending = nil
		if len(batch) == 0 {
			s.running = false
			s.mu.Unlock()
			return
		}
		s.mu.Unlock()
		err := s.db.Update(func(tx *db.Tx) error {
			root := tx.Bucket([]byte(bucketAuths))
			for _, o := range batch {
				b, err := root.CreateBucketIfNotExists([]byte(o.pool))
				if err != nil {
					return err
				}
				if o.val == nil {
					err = b.Delete([]byte(o.id))
				} else {
					err = b.Put([]byte(o.id), o.val)
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
		for _, o := range batch {
			o.done <- err
		}
	}
}

// drop forgets a removed pool.
func (s *store) drop(pool string) error {
	err := s.db.Update(func(tx *db.Tx) error {
		b := tx.Bucket([]byte(bucketAuths))
		if b.Bucket([]byte(pool)) == nil {
			return nil
		}
		return b.DeleteBucket([]byte(pool))
	})
	if err != nil {
		return fmt.Errorf("drop buyer state of %s: %w", pool, err)
	}
	return nil
}
