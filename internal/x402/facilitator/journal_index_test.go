package facilitator

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/db"
)

func openJournalDB(t testing.TB) *db.DB {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "obol.db"), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close() })
	return d
}

func testRecord(i int, state string) *Record {
	r := &Record{Key: fmt.Sprintf("k%06d", i), State: state, Network: "eip155:1337", Tx: fmt.Sprintf("0x%064x", i),
		Nonce: uint64(i), Raw: []byte{1}, Created: time.Unix(1_700_000_000+int64(i), 0).UTC()}
	if state != StateSent {
		r.Resolved = r.Created.Add(time.Second)
	}
	return r
}

// TestUnresolvedIndex: the pending pass sees exactly the `sent` records
// through the index as records are journaled, resolved and forgotten, and
// the state counts follow without a full read.
func TestUnresolvedIndex(t *testing.T) {
	j, err := newJournal(openJournalDB(t))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		if err := j.putBatch(testRecord(i, StateSent)); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.putAll([]*Record{testRecord(0, StateMined), testRecord(1, StateFailed), testRecord(9, StateMined)}); err != nil {
		t.Fatal(err)
	}
	if err := j.putBatch(testRecord(0, StateMined)); err != nil { // a final record written again
		t.Fatal(err)
	}
	if err := j.delete(testRecord(2, StateSent).Key); err != nil {
		t.Fatal(err)
	}
	recs, st, err := j.scan()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, r := range recs {
		keys = append(keys, r.Key)
	}
	if fmt.Sprint(keys) != "[k000003 k000004]" {
		t.Errorf("pending = %v, want [k000003 k000004]", keys)
	}
	if want := map[string]int{StateSent: 2, StateMined: 2, StateFailed: 1}; fmt.Sprint(st.byState) != fmt.Sprint(want) {
		t.Errorf("counts = %v, want %v", st.byState, want)
	}
	if !st.oldestSent.Equal(testRecord(3, StateSent).Created) {
		t.Errorf("oldest sent = %v, want record 3's", st.oldestSent)
	}
}

// TestUnresolvedIndexBuiltForOldJournal: a journal written before the index
// existed gets it from its `sent` records when opened, and the counts
// from one full read (which Run does in the background).
func TestUnresolvedIndexBuiltForOldJournal(t *testing.T) {
	d := openJournalDB(t)
	if err := d.EnsureBuckets(journalBucket); err != nil {
		t.Fatal(err)
	}
	if err := d.Update(func(tx *db.Tx) error {
		b := tx.Bucket([]byte(journalBucket))
		for i, state := range []string{StateSent, StateMined, StateSent, StateFailed, StateMined} {
			raw, _ := json.Marshal(testRecord(i, state))
			if err := b.Put([]byte(testRecord(i, state).Key), raw); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	j, err := newJournal(d)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.countFinal(); err != nil { // Run's first housekeeping step
		t.Fatal(err)
	}
	recs, st, err := j.scan()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Key != "k000000" || recs[1].Key != "k000002" {
		t.Errorf("pending after the index was built = %v", recs)
	}
	if want := map[string]int{StateSent: 2, StateMined: 2, StateFailed: 1}; fmt.Sprint(st.byState) != fmt.Sprint(want) {
		t.Errorf("counts = %v, want %v", st.byState, want)
	}
}

// BenchmarkPendingPass: the pending pass over a journal of 50,000 settled
// payments and 10 in flight reads the 10, not the 50,000.
func BenchmarkPendingPass(b *testing.B) {
	j, err := newJournal(openJournalDB(b))
	if err != nil {
		b.Fatal(err)
	}
	var recs []*Record
	for i := range 50_000 {
		recs = append(recs, testRecord(i, StateMined))
	}
	for i := range 10 {
		recs = append(recs, testRecord(100_000+i, StateSent))
	}
	if err := j.putAll(recs); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if pending, _, err := j.scan(); err != nil || len(pending) != 10 {
			b.Fatalf("pending = %d, %v", len(pending), err)
		}
	}
}
