package facilitator

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/x402"
)

// journalBucket holds one record per payment authorization (Payment.Key).
const journalBucket = "x402_facilitator_settlements"

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
}

func newJournal(d *db.DB) (*journal, error) {
	if err := d.EnsureBuckets(journalBucket); err != nil {
		return nil, fmt.Errorf("open settlement journal: %w", err)
	}
	return &journal{db: d}, nil
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
	write := func(tx *db.Tx) error { return tx.Bucket([]byte(journalBucket)).Put([]byte(rec.Key), raw) }
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
		b := tx.Bucket([]byte(journalBucket))
		for i, r := range recs {
			if err := b.Put([]byte(r.Key), raws[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

func (j *journal) delete(key string) error {
	return j.db.Update(func(tx *db.Tx) error { return tx.Bucket([]byte(journalBucket)).Delete([]byte(key)) })
}

// pending lists records whose outcome is not known yet.
func (j *journal) pending() ([]*Record, error) {
	var out []*Record
	err := j.db.View(func(tx *db.Tx) error {
		return tx.Bucket([]byte(journalBucket)).ForEach(func(_, v []byte) error {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("decode settlement record: %w", err)
			}
			if r.State == StateSent {
				out = append(out, &r)
			}
			return nil
		})
	})
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
