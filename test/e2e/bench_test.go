package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// BenchmarkStackUpCold is `obol stack up --detach` on a fresh data dir until
// it reports ready: keys, config, the chain's genesis, dev ETH for the two
// keys, every listener serving. The down and the wipe are not timed.
// Allocations are the test process's (the binary is another process).
func BenchmarkStackUpCold(b *testing.B) {
	b.ReportAllocs()
	root := b.TempDir()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		dir := filepath.Join(root, strconv.Itoa(i))
		args := []string{"--data-dir", dir, "stack", "up", "--detach", "-o", "json"}
		for _, l := range []string{"public", "local", "buyer", "facilitator", "chain"} {
			args = append(args, "--"+l+"-addr", "127.0.0.1:0")
		}
		b.StartTimer()
		if r := obol(b, args...); r.code != 0 {
			b.Fatalf("%v", r)
		}
		b.StopTimer()
		if r := obol(b, "--data-dir", dir, "stack", "down"); r.code != 0 {
			b.Fatalf("%v", r)
		}
		os.RemoveAll(dir)
		b.StartTimer()
	}
}

// BenchmarkDemo is the wall time of `obol demo -o json`: a dev chain, two
// stacks and the whole sell → buy → paid call → settlement loop, then the
// cleanup.
func BenchmarkDemo(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if r := obol(b, "demo", "-o", "json"); r.code != 0 {
			b.Fatalf("%v", r)
		}
	}
}
