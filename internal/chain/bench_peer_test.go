package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/internal/chain"
)

// gethURL points BenchmarkETHTransfers at a running `geth --dev` as the
// peer: go test -bench ETHTransfers ./internal/chain -args -geth http://127.0.0.1:8546
var gethURL = flag.String("geth", "", "JSON-RPC URL of a geth --dev to benchmark beside the dev chain")

// BenchmarkETHTransfers: plain ETH transfers per second through JSON-RPC,
// each sender sending one transaction at a time and waiting for its receipt
// (polling every millisecond), on the dev chain and, with -geth, on geth
// --dev (which also mines on arrival) with the very same client code.
func BenchmarkETHTransfers(b *testing.B) {
	for _, senders := range []int{1, 32} {
		b.Run(fmt.Sprintf("chain=obol/senders=%d", senders), func(b *testing.B) {
			c := newChain(b, chain.Options{})
			ec, err := ethclient.Dial(serve(b, c))
			if err != nil {
				b.Fatal(err)
			}
			defer ec.Close()
			benchETH(b, ec, senders, func(to common.Address) error {
				_, err := c.Fund(context.Background(), to, "ETH", big.NewInt(1e18))
				return err
			})
		})
		if *gethURL == "" {
			continue
		}
		b.Run(fmt.Sprintf("chain=geth-dev/senders=%d", senders), func(b *testing.B) {
			ec, err := ethclient.Dial(*gethURL)
			if err != nil {
				b.Fatal(err)
			}
			defer ec.Close()
			var coinbase []common.Address
			if err := ec.Client().Call(&coinbase, "eth_accounts"); err != nil || len(coinbase) == 0 {
				b.Fatalf("geth --dev has no unlocked account: %v", err)
			}
			benchETH(b, ec, senders, func(to common.Address) error {
				var h common.Hash
				err := ec.Client().Call(&h, "eth_sendTransaction", map[string]any{"from": coinbase[0], "to": to, "value": "0xde0b6b3a7640000"})
				if err != nil {
					return err
				}
				if err := waitReceipt(context.Background(), ec, h); err != nil {
					return err
				}
				// geth's pool updates its view of balances after the block,
				// in the background: give it that moment (setup, not timed).
				time.Sleep(50 * time.Millisecond)
				return nil
			})
		})
	}
}

func waitReceipt(ctx context.Context, ec *ethclient.Client, h common.Hash) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		rc, err := ec.TransactionReceipt(ctx, h)
		if err == nil {
			if rc.Status != types.ReceiptStatusSuccessful {
				return fmt.Errorf("transaction %s reverted", h.Hex())
			}
			return nil
		}
		// geth answers receipts of fresh blocks with this error while its
		// indexer catches up: not found yet.
		if !errors.Is(err, ethereum.NotFound) && !strings.Contains(err.Error(), "indexing is in progress") {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Millisecond):
		}
	}
}

func benchETH(b *testing.B, ec *ethclient.Client, senders int, fund func(common.Address) error) {
	ctx := context.Background()
	chainID, err := ec.ChainID(ctx)
	if err != nil {
		b.Fatal(err)
	}
	keys := make([]*ecdsa.PrivateKey, senders)
	for i := range keys {
		if keys[i], err = crypto.GenerateKey(); err != nil {
			b.Fatal(err)
		}
		if err := fund(crypto.PubkeyToAddress(keys[i].PublicKey)); err != nil {
			b.Fatal(err)
		}
	}
	head, err := ec.HeaderByNumber(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	feeCap := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(4)), big.NewInt(2e9))
	signer := types.LatestSignerForChainID(chainID)
	sink := common.HexToAddress("0x00000000000000000000000000000000005141C0")
	var next atomic.Int64
	var wg sync.WaitGroup
	errs := make(chan error, senders)
	b.ReportAllocs()
	b.ResetTimer()
	for _, key := range keys {
		wg.Add(1)
		go func(key *ecdsa.PrivateKey) {
			defer wg.Done()
			for nonce := uint64(0); next.Add(1) <= int64(b.N); nonce++ {
				tx, err := types.SignNewTx(key, signer, &types.DynamicFeeTx{
					ChainID: chainID, Nonce: nonce, GasTipCap: big.NewInt(2e9), GasFeeCap: feeCap, Gas: 21000, To: &sink, Value: big.NewInt(1),
				})
				if err == nil {
					err = ec.SendTransaction(ctx, tx)
				}
				if err == nil {
					err = waitReceipt(ctx, ec, tx.Hash())
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}(key)
	}
	wg.Wait()
	b.StopTimer()
	close(errs)
	for err := range errs {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "transfers/s")
}
