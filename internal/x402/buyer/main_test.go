package buyer

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that no goroutine the buyer starts (the group-commit
// flusher, Run) outlives the tests. Idle keep-alive connections of the
// shared HTTP client are not ours.
func TestMain(m *testing.M) {
	goleak.VerifyTestMain(m,
		goleak.IgnoreTopFunction("net/http.(*persistConn).readLoop"),
		goleak.IgnoreTopFunction("net/http.(*persistConn).writeLoop"),
		goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"))
}
