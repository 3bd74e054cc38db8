package buyer

import (
	"encoding/json"
	"fmt"
	"sync/atomic"
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
	db      *db.DB
	writers atomic.Int64 // puts in progress
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

// put writes (or, with r == nil, deletes) one record durably. A lone
// writer commits at once (one fsync, ~2.5 ms here); when paid calls
// overlap they go through Batch and share fsyncs, which bbolt gathers for
// up to 10 ms — a delay worth paying only when there is company.
func (s *store) put(pool, id string, r *record) error {
	var v []byte
	if r != nil {
		var err error
		if v, err = json.Marshal(r); err != nil {
			return fmt.Errorf("encode auth state: %w", err)
		}
	}
	commit := s.db.Update
	if s.writers.Add(1) > 1 {
		commit = s.db.Batch
	}
	defer s.writers.Add(-1)
	err := commit(func(tx *db.Tx) error {
		b, err := tx.Bucket([]byte(bucketAuths)).CreateBucketIfNotExists([]byte(pool))
		if err != nil {
			return err
		}
		if v == nil {
			return b.Delete([]byte(id))
		}
		return b.Put([]byte(id), v)
	})
	if err != nil {
		return fmt.Errorf("write auth state %s/%s: %w", pool, id, err)
	}
	return nil
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
