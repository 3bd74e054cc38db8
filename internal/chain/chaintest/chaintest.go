// Package chaintest starts dev chains for tests: in memory, served on a
// loopback port if asked, closed when the test ends.
package chaintest

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"net"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/internal/chain"
)

// New starts a dev chain (in memory unless opts.DataDir is set) and closes
// it when the test ends.
func New(t testing.TB, opts chain.Options) *chain.Chain {
	t.Helper()
	c, err := chain.New(opts)
	if err != nil {
		t.Fatalf("start dev chain: %v", err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Errorf("close dev chain: %v", err)
		}
	})
	return c
}

// Serve serves c's JSON-RPC on a free loopback port until the test ends and
// returns its URL.
func Serve(t testing.TB, c *chain.Chain) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen for dev chain RPC: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve dev chain RPC: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// FundedKey returns a new key funded with the given atomic amounts per token
// symbol ("ETH", "USDC", "OBOL"), for tests that must not share a dev
// account's nonces or balances with other tests.
func FundedKey(t testing.TB, c *chain.Chain, amounts map[string]*big.Int) *ecdsa.PrivateKey {
	t.Helper()
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatalf("generate key: %v", err)
	}
	for sym := range amounts {
		if _, err := chain.LookupToken(sym); err != nil {
			t.Fatalf("FundedKey: %v", err)
		}
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	for _, tok := range chain.Tokens() { // fixed order: deterministic transactions
		amt, ok := amounts[tok.Symbol]
		if !ok {
			continue
		}
		if _, err := c.Fund(context.Background(), addr, tok.Symbol, amt); err != nil {
			t.Fatalf("fund %s with %s %s: %v", addr.Hex(), amt, tok.Symbol, err)
		}
	}
	return key
}
