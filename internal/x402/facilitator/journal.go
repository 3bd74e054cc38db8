package facilitator

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/x402"
)

// journalBucket holds one record per payment authorization (Payment.Key).
const journalBucket = "x402_facilitator_settlements"

// unresolvedBucket indexes the keys of `sent` records, written in the same
// transaction as the record: the pending pass (every 2 s) reads only these,
// not a journal that keeps every settlement for the retention period.
const unresolvedBucket = "x402_facilitator_unresolved"

// Settlement states.
const (
	// StateSent: the signed transaction was written here before it was
	// broadcast; its receipt is not known yet.
	StateSent = "sent"
	// StateMined: the transaction is mined with status 1.
	StateMined = "mined"
	// StateFailed: the transaction is mined and reverted.
	StateFailed = "failed"
)

// Record is the journal entry of one settlement.
type Record struct {
	Key      string        `json:"key"`
	State    string        `json:"state"`
	Network  string        `json:"network"`
	Method   string        `json:"method"`
	Payer    string        `json:"payer"`
	PayTo    string        `json:"payTo"`
	Asset    string        `json:"asset"`
	Amount   string        `json:"amount"`
	Tx       string        `json:"tx"`
	Nonce    uint64        `json:"nonce"`
	Raw      hexutil.Bytes `json:"raw"` // the signed transaction, to rebroadcast the identical bytes
	Block    uint64        `json:"block,omitempty"`
	Reason   x402.Reason   `json:"reason,omitempty"`
	Created  time.Time     `json:"created"`
	Resolved time.Time     `json:"resolved,omitzero"`
}

// response renders a record as the settle answer it stands for.
func (r *Record) response() *x402.SettleResponse {
	out := &x402.SettleResponse{Transaction: r.Tx, Network: r.Network, Payer: r.Payer}
	switch r.State {
	case StateMined:
		out.Success, out.Amount = true, r.Amount
	case StateFailed:
		out.ErrorReason = r.Reason
	default:
		out.ErrorReason, out.ErrorMessage = x402.ReasonSettlementPending, "transaction broadcast, receipt not yet seen; settle again or poll later"
	}
	return out
}

// journal is the durable settlement log in the stack's database.
type journal struct {
	db       *db.DB
	inflight atomic.Int32 // journal writes under way, to pick Update or Batch
	// final counts mined and failed records for the metrics without reading
	// the journal: set by a full count when Run starts and after each
	// prune, moved on by every write that makes a record final.
	final struct {
		mined, failed atomic.Int64
	}
}

func newJournal(d *db.DB) (*journal, error) {
	j := &journal{db: d}
	if err := d.Update(func(tx *db.Tx) error {
		_, err := j.ensureIndex(tx)
		return err
	}); err != nil {
		return nil, fmt.Errorf("open settlement journal: %w", err)
	}
	return j, nil
}

// ensureIndex creates the buckets; a journal written before the index
// existed gets it built from its `sent` records, once.
func (j *journal) ensureIndex(tx *db.Tx) (built bool, err error) {
	if _, err := tx.CreateBucketIfNotExists([]byte(journalBucket)); err != nil {
		return false, err
	}
	if tx.Bucket([]byte(unresolvedBucket)) != nil {
		return false, nil
	}
	idx, err := tx.CreateBucket([]byte(unresolvedBucket))
	if err != nil {
		return false, err
	}
	return true, tx.Bucket([]byte(journalBucket)).ForEach(func(k, v []byte) error {
		var r Record
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("decode settlement record: %w", err)
		}
		if r.State == StateSent {
			return idx.Put(k, nil)
		}
		return nil
	})
}

// countFinal counts the mined and failed records (one full read).
func (j *journal) countFinal() error {
	var mined, failed int64
	err := j.db.View(func(tx *db.Tx) error {
		return tx.Bucket([]byte(journalBucket)).ForEach(func(_, v []byte) error {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode settlement record: %w", err)
			}
			switch r.State {
			case StateMined:
				mined++
			case StateFailed:
				failed++
			}
			return nil
		})
	})
	if err == nil {
		j.final.mined.Store(mined)
		j.final.failed.Store(failed)
	}
	return err
}

// put writes rec and keeps the index and the final counts in step, in tx:
// a final record counts once, when it is first written final (a `sent`
// record resolved, or a record journaled final at once).
func (j *journal) put(tx *db.Tx, rec *Record, raw []byte) error {
	b, idx, key := tx.Bucket([]byte(journalBucket)), tx.Bucket([]byte(unresolvedBucket)), []byte(rec.Key)
	existed, wasSent := b.Get(key) != nil, idx.Get(key) != nil
	if err := b.Put(key, raw); err != nil {
		return err
	}
	if rec.State == StateSent {
		return idx.Put(key, nil)
	}
	if existed && !wasSent {
		return nil // a final record written again
	}
	tx.OnCommit(func() { j.countResolved(rec.State) })
	if wasSent {
		return idx.Delete(key)
	}
	return nil
}

func (j *journal) countResolved(state string) {
	switch state {
	case StateMined:
		j.final.mined.Add(1)
	case StateFailed:
		j.final.failed.Add(1)
	}
}

var errNoRecord = errors.New("no settlement record")

func (j *journal) get(key string) (*Record, error) {
	var rec *Record
	err := j.db.View(func(tx *db.Tx) error {
		raw := tx.Bucket([]byte(journalBucket)).Get([]byte(key))
		if raw == nil {
			return errNoRecord
		}
		rec = new(Record)
		return json.Unmarshal(raw, rec)
	})
	return rec, err
}

// putBatch writes rec durably (fsync) before returning, tuned for concurrency: a lone writer commits at once
// (bbolt's Batch would hold it for its 10 ms batch window, which a single
// buyer feels on every payment); writers that overlap share one commit and
// one fsync. Either way it returns only once the record is durable.
func (j *journal) putBatch(rec *Record) error {
	raw, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("encode settlement record: %w", err)
	}
	write := func(tx *db.Tx) error { return j.put(tx, rec, raw) }
	defer j.inflight.Add(-1)
	if j.inflight.Add(1) == 1 {
		return j.db.Update(write)
	}
	return j.db.Batch(write)
}

// putAll writes many records in one commit.
func (j *journal) putAll(recs []*Record) error {
	raws := make([][]byte, len(recs))
	for i, r := range recs {
		raw, err := json.Marshal(r)
		if err != nil {
			return fmt.Errorf("encode settlement record: %w", err)
		}
		raws[i] = raw
	}
	return j.db.Update(func(tx *db.Tx) error {
		for i, r := range recs {
			if err := j.put(tx, r, raws[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// delete forgets a `sent` record (a settlement that never reached, or can
// never reach, the chain).
func (j *journal) delete(key string) error {
	return j.db.Update(func(tx *db.Tx) error {
		if err := tx.Bucket([]byte(unresolvedBucket)).Delete([]byte(key)); err != nil {
			return err
		}
		return tx.Bucket([]byte(journalBucket)).Delete([]byte(key))
	})
}

// pending lists records whose outcome is not known yet.
func (j *journal) pending() ([]*Record, error) {
	out, _, err := j.scan()
	return out, err
}

// pendingNonces are the transaction nonces of unresolved settlements on network.
func (j *journal) pendingNonces(network string) (map[uint64]bool, error) {
	recs, err := j.pending()
	if err != nil {
		return nil, err
	}
	out := map[uint64]bool{}
	for _, r := range recs {
		if r.Network == network && len(r.Raw) > 0 {
			out[r.Nonce] = true
		}
	}
	return out, nil
}

// all lists every record (for inspection and tests).
func (j *journal) all() ([]*Record, error) {
	var out []*Record
	err := j.db.View(func(tx *db.Tx) error {
		return tx.Bucket([]byte(journalBucket)).ForEach(func(_, v []byte) error {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return err
			}
			out = append(out, &r)
			return nil
		})
	})
	return out, err
}

// final reports whether a record's outcome is known (mined or failed).
func (r *Record) final() bool { return r.State == StateMined || r.State == StateFailed }

// age is the record's age at now: since its outcome, else since it was sent.
func (r *Record) age(now time.Time) time.Duration {
	at := r.Resolved
	if at.IsZero() {
		at = r.Created
	}
	return now.Sub(at)
}

// journalStats is what one scan of the journal tells the metrics.
type journalStats struct {
	byState    map[string]int
	oldestSent time.Time // zero when nothing is sent
}

// scan lists the records whose outcome is not known yet (through the
// index: its cost does not grow with the journal) and counts the journal
// by state for the metrics.
func (j *journal) scan() ([]*Record, journalStats, error) {
	var out []*Record
	var st journalStats
	err := j.db.View(func(tx *db.Tx) error {
		b := tx.Bucket([]byte(journalBucket))
		return tx.Bucket([]byte(unresolvedBucket)).ForEach(func(k, _ []byte) error {
			v := b.Get(k)
			if v == nil {
				return nil
			}
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode settlement record: %w", err)
			}
			out = append(out, &r)
			if st.oldestSent.IsZero() || r.Created.Before(st.oldestSent) {
				st.oldestSent = r.Created
			}
			return nil
		})
	})
	st.byState = map[string]int{StateSent: len(out), StateMined: int(j.final.mined.Load()), StateFailed: int(j.final.failed.Load())}
	return out, st, err
}

// pruneBatch bounds the deletions of one write transaction, so a large
// backlog never holds the database's write lock for long.
var pruneBatch = 1000

// prune deletes the final records (mined, failed) whose age at now exceeds
// retention, pruneBatch per write transaction, and returns how many it
// deleted. A `sent` record is never pruned, whatever its age: it is what
// makes a crash between broadcast and receipt safe. Candidates are found in
// a read transaction and checked again inside the write one.
func (j *journal) prune(ctx context.Context, now time.Time, retention time.Duration) (int, error) {
	if retention <= 0 {
		return 0, nil
	}
	old := func(v []byte) bool {
		var r Record
		return json.Unmarshal(v, &r) == nil && r.final() && r.age(now) > retention
	}
	total := 0
	var after []byte // the last key scanned; the next round starts past it
	for {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		var keys [][]byte
		done := true
		err := j.db.View(func(tx *db.Tx) error {
			c := tx.Bucket([]byte(journalBucket)).Cursor()
			k, v := c.First()
			if after != nil {
				k, v = c.Seek(after)
				if k != nil && bytes.Equal(k, after) {
					k, v = c.Next()
				}
			}
			for ; k != nil; k, v = c.Next() {
				if old(v) {
					keys = append(keys, bytes.Clone(k))
					if len(keys) == pruneBatch {
						after, done = bytes.Clone(k), false
						return nil
					}
				}
			}
			return nil
		})
		if err != nil {
			return total, fmt.Errorf("scan settlement journal: %w", err)
		}
		if len(keys) > 0 {
			n := 0
			err = j.db.Update(func(tx *db.Tx) error {
				n = 0
				b := tx.Bucket([]byte(journalBucket))
				for _, k := range keys {
					if v := b.Get(k); v != nil && old(v) {
						if err := b.Delete(k); err != nil {
							return err
						}
						n++
					}
				}
				return nil
			})
			if err != nil {
				return total, fmt.Errorf("prune settlement journal: %w", err)
			}
			total += n
		}
		if done {
			if total > 0 {
				return total, j.countFinal()
			}
			return total, nil
		}
	}
}

// JournalEntry is a settlement record as listed: the Record without the raw
// signed transaction.
type JournalEntry struct {
	Key      string      `json:"key"`
	State    string      `json:"state"`
	Network  string      `json:"network"`
	Method   string      `json:"method"`
	Payer    string      `json:"payer"`
	PayTo    string      `json:"payTo"`
	Asset    string      `json:"asset"`
	Amount   string      `json:"amount"`
	Tx       string      `json:"tx"`
	Block    uint64      `json:"block,omitempty"`
	Reason   x402.Reason `json:"reason,omitempty"`
	Created  time.Time   `json:"created"`
	Resolved time.Time   `json:"resolved,omitzero"`
}

// JournalQuery selects journal entries: State "" is every state, Limit 0
// is no limit.
type JournalQuery struct {
	State string
	Limit int
}

// Validate says what is wrong with q in words a person can act on.
func (q JournalQuery) Validate() error {
	switch q.State {
	case "", StateSent, StateMined, StateFailed:
	default:
		return fmt.Errorf("unknown state %q: use sent, mined or failed", q.State)
	}
	if q.Limit < 0 {
		return fmt.Errorf("limit %d is negative: give a count, or 0 for every record", q.Limit)
	}
	return nil
}

// ReadJournal lists the settlement journal in d, newest first. It only
// reads: a database without a journal lists nothing.
func ReadJournal(d *db.DB, q JournalQuery) ([]JournalEntry, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	out := []JournalEntry{}
	err := d.View(func(tx *db.Tx) error {
		b := tx.Bucket([]byte(journalBucket))
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode settlement record: %w", err)
			}
			if q.State == "" || r.State == q.State {
				out = append(out, r.entry())
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(a, b int) bool {
		if !out[a].Created.Equal(out[b].Created) {
			return out[a].Created.After(out[b].Created)
		}
		return out[a].Key < out[b].Key
	})
	if q.Limit > 0 && len(out) > q.Limit {
		out = out[:q.Limit]
	}
	return out, nil
}

func (r *Record) entry() JournalEntry {
	return JournalEntry{Key: r.Key, State: r.State, Network: r.Network, Method: r.Method, Payer: r.Payer, PayTo: r.PayTo,
		Asset: r.Asset, Amount: r.Amount, Tx: r.Tx, Block: r.Block, Reason: r.Reason, Created: r.Created, Resolved: r.Resolved}
}
