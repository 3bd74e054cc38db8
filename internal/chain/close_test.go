package chain_test

import (
	"context"
	"math/big"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"go.uber.org/goleak"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/internal/chain"
)

func openFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatalf("count open files: %v", err)
	}
	return len(ents)
}

// TestCloseUnderLoad: Close while filters are installed and sends, calls
// and log queries are in flight (in process and over HTTP) returns, leaves
// no goroutine running and, for a persisted chain, no file open; calls
// after Close fail cleanly.
func TestCloseUnderLoad(t *testing.T) {
	ignore := goleak.IgnoreCurrent()
	fds := openFDs(t)
	for _, dir := range []string{"", t.TempDir()} {
		c, err := chain.New(chain.Options{DataDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		url, wait := serveUntil(t, ctx, c)
		httpc, err := ethclient.Dial(url)
		if err != nil {
			t.Fatal(err)
		}
		rc := c.RPCClient()
		var id string
		if err := rc.CallContext(ctx, &id, "eth_newFilter", map[string]any{"address": contracts.DevUSDCAddress}); err != nil {
			t.Fatal(err)
		}
		if err := rc.CallContext(ctx, &id, "eth_newBlockFilter"); err != nil {
			t.Fatal(err)
		}
		loop := deployLoop(t, c)
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for i, ec := range []*ethclient.Client{c.EthClient(), httpc, c.EthClient(), httpc} {
			wg.Add(1)
			go func(i int, ec *ethclient.Client) {
				defer wg.Done()
				a := chain.DevAccounts()[i]
				for n := uint64(0); ; n++ {
					select {
					case <-stop:
						return
					default:
					}
					tx := signTx(t, c, a.Key, n, big.NewInt(1e9), big.NewInt(1e11), 21000, &sinkAddr, big.NewInt(1), nil)
					if ec.SendTransaction(context.Background(), tx) != nil {
						return
					}
					_, _ = ec.CallContract(context.Background(), ethereum.CallMsg{To: &loop, Gas: 20_000_000}, nil)
					_, _ = ec.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: big.NewInt(0)})
				}
			}(i, ec)
		}
		time.Sleep(100 * time.Millisecond)
		closed := make(chan error, 1)
		t0 := time.Now()
		go func() { closed <- c.Close() }()
		select {
		case err := <-closed:
			t.Logf("%q: Close took %s", dir, time.Since(t0))
			if err != nil {
				t.Errorf("Close under load: %v", err)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("Close under load did not return")
		}
		close(stop)
		wg.Wait()
		if _, err := c.EthClient().BlockNumber(context.Background()); err == nil {
			t.Error("a call after Close succeeded")
		}
		if _, err := c.Fund(context.Background(), common.Address{1}, "ETH", big.NewInt(1)); err == nil {
			t.Error("Fund after Close succeeded")
		}
		httpc.Close()
		cancel()
		wait()
	}
	goleak.VerifyNone(t, ignore,
		goleak.IgnoreTopFunction("github.com/ethereum/go-ethereum/core.(*txSenderCacher).cache"),
		goleak.IgnoreTopFunction("github.com/syndtr/goleveldb/leveldb.(*DB).mpoolDrain"),
		goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"), // idle HTTP keep-alive conns of the test client
	)
	if after := openFDs(t); after > fds+2 {
		t.Errorf("open files: %d before, %d after Close", fds, after)
	}
}
