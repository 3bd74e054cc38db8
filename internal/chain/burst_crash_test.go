package chain_test

import (
	"bufio"
	"context"
	"fmt"
	"math/big"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/obol-dev/obol/internal/chain"
)

const burstHelperEnv = "OBOL_CHAIN_BURST_HELPER_DIR"

// TestBurstCrashHelper is TestKillDuringBurst's child process: it sends
// from four accounts concurrently and prints each hash once its send has
// returned, until it is killed.
func TestBurstCrashHelper(t *testing.T) {
	dir := os.Getenv(burstHelperEnv)
	if dir == "" {
		return
	}
	c, err := chain.New(chain.Options{DataDir: dir})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	ctx := context.Background()
	ec := c.EthClient()
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(a chain.DevAccount) {
			defer wg.Done()
			nonce, err := ec.NonceAt(ctx, a.Address, nil)
			if err != nil {
				fmt.Println("error:", err)
				os.Exit(1)
			}
			for ; ; nonce++ {
				tx := signTx(t, c, a.Key, nonce, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
				if err := ec.SendTransaction(ctx, tx); err != nil {
					fmt.Println("error:", err)
					os.Exit(1)
				}
				mu.Lock()
				fmt.Println("mined", tx.Hash().Hex())
				mu.Unlock()
			}
		}(chain.DevAccounts()[i])
	}
	wg.Wait()
}

// TestKillDuringBurst: kill -9 in the middle of a burst of sends. Reopened
// (twice), the head's state is there, every transaction a sender was told
// is mined is on chain, the pool is empty and sends go on from the right
// nonces.
func TestKillDuringBurst(t *testing.T) {
	dir := t.TempDir()
	cmd, out := spawnHelper(t, "TestBurstCrashHelper", burstHelperEnv, dir)
	r := bufio.NewScanner(out)
	var mined []common.Hash
	for r.Scan() {
		line := r.Text()
		if h, ok := strings.CutPrefix(line, "mined "); ok {
			mined = append(mined, common.HexToHash(h))
			if len(mined) == 60 {
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
			}
			continue
		}
		if strings.HasPrefix(line, "error:") {
			_ = cmd.Process.Kill()
			t.Fatalf("helper: %s", line)
		}
	}
	_ = cmd.Wait()
	if len(mined) < 60 {
		t.Fatalf("helper reported %d mined transactions before it ended", len(mined))
	}
	ctx := context.Background()
	for reopen := 1; reopen <= 2; reopen++ {
		c, err := chain.New(chain.Options{DataDir: dir})
		if err != nil {
			t.Fatalf("reopen %d: %v", reopen, err)
		}
		ec := c.EthClient()
		head, err := ec.HeaderByNumber(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := ec.BalanceAt(ctx, sinkAddr, head.Number); err != nil {
			t.Errorf("reopen %d: state of head %d: %v", reopen, head.Number, err)
		}
		for _, h := range mined {
			if _, err := ec.TransactionReceipt(ctx, h); err != nil {
				t.Errorf("reopen %d: tx %s reported mined before the kill: %v", reopen, h, err)
				break
			}
		}
		var status map[string]hexutil.Uint
		if err := c.RPCClient().CallContext(ctx, &status, "txpool_status"); err != nil || status["pending"]+status["queued"] != 0 {
			t.Errorf("reopen %d: pool %v, %v; want empty", reopen, status, err)
		}
		for i := 0; i < 4; i++ {
			a := chain.DevAccounts()[i]
			n, err := ec.NonceAt(ctx, a.Address, nil)
			if err != nil {
				t.Fatal(err)
			}
			tx := signTx(t, c, a.Key, n, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
			if err := ec.SendTransaction(ctx, tx); err != nil {
				t.Errorf("reopen %d: send from %s at nonce %d: %v", reopen, a.Address, n, err)
			} else if rc, err := ec.TransactionReceipt(ctx, tx.Hash()); err != nil || rc.Status != types.ReceiptStatusSuccessful {
				t.Errorf("reopen %d: receipt %v, %v", reopen, rc, err)
			}
		}
		checkChainShape(t, ec)
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
