package chain_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/internal/chain"
)

const crashHelperEnv = "OBOL_CHAIN_CRASH_HELPER_DIR"

// TestCrashHelper is not a test on its own: TestPersistenceAfterKill runs
// the test binary with it selected to get a chain process it can kill -9.
func TestCrashHelper(t *testing.T) {
	dir := os.Getenv(crashHelperEnv)
	if dir == "" {
		return // only meaningful as TestPersistenceAfterKill's child process
	}
	c, err := chain.New(chain.Options{DataDir: dir})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	to := common.HexToAddress("0x00000000000000000000000000000000000DEAD1")
	for i := 0; i < 3; i++ {
		if _, err := c.Fund(context.Background(), to, "USDC", big.NewInt(1_000_000)); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
	}
	n, _ := c.EthClient().BlockNumber(context.Background())
	fmt.Printf("ready %d\n", n)
	time.Sleep(time.Minute) // killed long before
	os.Exit(1)
}

// TestPersistenceAfterKill: blocks a sender was told about survive a kill -9
// of the chain process.
func TestPersistenceAfterKill(t *testing.T) {
	dir := t.TempDir()
	cmd, out := spawnHelper(t, "TestCrashHelper", crashHelperEnv, dir)
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "ready ") {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("helper said %q, %v", line, err)
	}
	var block uint64
	fmt.Sscanf(line, "ready %d", &block)
	if err := cmd.Process.Kill(); err != nil { // SIGKILL: no Close, no flush
		t.Fatal(err)
	}
	_ = cmd.Wait()

	c := newChain(t, chain.Options{DataDir: dir})
	ctx := context.Background()
	n, err := c.EthClient().BlockNumber(ctx)
	if err != nil || n != block {
		t.Fatalf("after kill -9 the chain is at block %d (%v), want %d", n, err, block)
	}
	bal, err := tokenBalance(ctx, c, contracts.DevUSDCAddress, common.HexToAddress("0x00000000000000000000000000000000000DEAD1"))
	if err != nil || bal.Int64() != 3_000_000 {
		t.Errorf("balance after kill -9 = %v, %v; want 3000000", bal, err)
	}
}

// spawnHelper runs the test binary again with only test name selected and
// env set to dir: a chain process the caller can kill -9. It returns the
// child's stdout.
func spawnHelper(t *testing.T, name, env, dir string) (*exec.Cmd, io.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^"+name+"$", "-test.count=1")
	cmd.Env = append(os.Environ(), env+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out
}
