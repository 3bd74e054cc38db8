package facilitator

// Test hooks for the external test package.

// PutRecords writes records straight into f's journal.
func PutRecords(f *Facilitator, recs []*Record) error { return f.journal.putAll(recs) }

// SetPruneBatch sets the deletions per write transaction and returns a
// function restoring the old value.
func SetPruneBatch(n int) func() {
	old := pruneBatch
	pruneBatch = n
	return func() { pruneBatch = old }
}

// ResolvePending runs one pass of Run's pending-settlement work (which
// also refreshes the journal gauges).
var ResolvePending = (*Facilitator).resolvePending
