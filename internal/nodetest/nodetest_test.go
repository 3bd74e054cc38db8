package nodetest

import (
	"os"
	"path/filepath"
	"testing"
)

func TestDirFindsTheClients(t *testing.T) {
	dir := Dir(t, "openai", "viem", "@x402/evm")
	if _, err := os.Stat(filepath.Join(dir, "package.json")); err != nil {
		t.Fatalf("%s is not test/node: %v", dir, err)
	}
}
