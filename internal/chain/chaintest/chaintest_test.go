package chaintest_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/chain/chaintest"
)

func TestServeAndFundedKey(t *testing.T) {
	c := chaintest.New(t, chain.Options{ChainID: 31337})
	ec, err := ethclient.Dial(chaintest.Serve(t, c))
	if err != nil {
		t.Fatal(err)
	}
	defer ec.Close()
	key := chaintest.FundedKey(t, c, map[string]*big.Int{"ETH": big.NewInt(1e18), "USDC": big.NewInt(5_000_000)})
	ctx := context.Background()
	id, err := ec.ChainID(ctx)
	if err != nil || id.Uint64() != 31337 {
		t.Fatalf("chain id over HTTP = %v, %v", id, err)
	}
	bal, err := ec.BalanceAt(ctx, crypto.PubkeyToAddress(key.PublicKey), nil)
	if err != nil || bal.Cmp(big.NewInt(1e18)) != 0 {
		t.Errorf("ETH balance = %v, %v", bal, err)
	}
}
