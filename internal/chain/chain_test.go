package chain_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/chain"
)

func newChain(t testing.TB, opts chain.Options) *chain.Chain {
	t.Helper()
	c, err := chain.New(opts)
	if err != nil {
		t.Fatalf("chain.New: %v", err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return c
}

func TestDevAccounts(t *testing.T) {
	// Hardhat's and Anvil's well-known addresses for the test mnemonic.
	want := []string{
		"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
		"0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
		"0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
		"0x90F79bf6EB2c4f870365E785982E1f101E93b906",
		"0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
		"0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
		"0x976EA74026E726554dB657fA54763abd0C3a0aa9",
		"0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
		"0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f",
		"0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
	}
	var got []string
	for _, a := range chain.DevAccounts() {
		got = append(got, a.Address.Hex())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dev accounts (-want +got):\n%s", diff)
	}
}

func TestGenesisTokens(t *testing.T) {
	c := newChain(t, chain.Options{})
	ec := c.EthClient()
	ctx := context.Background()
	id, err := ec.ChainID(ctx)
	if err != nil || id.Uint64() != chain.DefaultChainID {
		t.Fatalf("ChainID = %v, %v; want 1337", id, err)
	}
	type tokenView struct {
		Name, Symbol, Version string
		Decimals              uint8
		Balance, Supply       string
		Minter                bool
	}
	read := func(addr common.Address) tokenView {
		tok, err := bindings.NewDevUSDC(addr, ec) // the ERC-20/2612 part is shared
		if err != nil {
			t.Fatal(err)
		}
		o := &bind.CallOpts{Context: ctx}
		var v tokenView
		var e [6]error
		v.Name, e[0] = tok.Name(o)
		v.Symbol, e[1] = tok.Symbol(o)
		v.Version, e[2] = tok.Version(o)
		v.Decimals, e[3] = tok.Decimals(o)
		bal, e4 := tok.BalanceOf(o, chain.DevAccounts()[9].Address)
		sup, e5 := tok.TotalSupply(o)
		e[4], e[5] = e4, e5
		for _, err := range e {
			if err != nil {
				t.Fatalf("read token %s: %v", addr.Hex(), err)
			}
		}
		v.Balance, v.Supply = bal.String(), sup.String()
		m, err := tok.Minter(o)
		if err != nil {
			t.Fatal(err)
		}
		v.Minter = m != (common.Address{})
		return v
	}
	tests := []struct {
		addr common.Address
		want tokenView
	}{
		{contracts.DevUSDCAddress, tokenView{"USDC", "USDC", "2", 6, "1000000000000", "10000000000000", true}},
		{contracts.DevOBOLAddress, tokenView{"Obol Network", "OBOL", "1", 18, "1000000000000000000000000", "10000000000000000000000000", true}},
	}
	for _, tt := range tests {
		t.Run(tt.want.Symbol, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, read(tt.addr)); diff != "" {
				t.Errorf("token at genesis (-want +got):\n%s", diff)
			}
		})
	}
	for _, p := range contracts.Predeploys() {
		code, err := ec.CodeAt(ctx, p.Address, nil)
		if err != nil || len(code) == 0 {
			t.Errorf("no code for %s at %s (%v)", p.Contract, p.Address.Hex(), err)
		}
	}
}

func TestNewIsFast(t *testing.T) {
	start := time.Now()
	c := newChain(t, chain.Options{})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("New took %s; the stack's cold start budget is 1 s", d)
	}
	if _, err := c.EthClient().BlockNumber(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("New took %s", time.Since(start))
	_ = big.NewInt
}
