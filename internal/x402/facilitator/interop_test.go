package facilitator_test

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/nodetest"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// TestOfficialClientInterop: payloads signed by the official @x402/evm
// client are verified and settled by obol's facilitator, through the
// official HTTPFacilitatorClient.
func TestOfficialClientInterop(t *testing.T) {
	dir := nodetest.Dir(t, "@x402/core", "@x402/evm")
	e := newEnv(t, nil)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { _ = e.chain.Serve(ctx, ln) }()

	payerKey, unapprovedKey := x402test.Key(t, "node payer"), x402test.Key(t, "node unapproved")
	payer, unapproved := crypto.PubkeyToAddress(payerKey.PublicKey), crypto.PubkeyToAddress(unapprovedKey.PublicKey)
	for _, a := range []common.Address{payer, unapproved} {
		e.fund(a, "ETH", ether(1))
		e.fund(a, "USDC", ether(1))
		e.fund(a, "OBOL", ether(1))
	}
	e.approvePermit2(payerKey, devOBOL)
	payTo := x402test.Address(t, "node seller")

	nctx, ncancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer ncancel()
	hexKey := func(k []byte) string { return "0x" + hex.EncodeToString(k) }
	cmd := exec.CommandContext(nctx, "node", "x402-facilitator.mjs", e.srv.URL, "http://"+ln.Addr().String(),
		hexKey(crypto.FromECDSA(payerKey)), hexKey(crypto.FromECDSA(unapprovedKey)), payTo.Hex())
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("node x402-facilitator.mjs: %v\n%s", err, stderr.String())
	}
	var got struct {
		Supported x402.SupportedResponse `json:"supported"`
		Cases     map[string]struct {
			Payload json.RawMessage      `json:"payload"`
			Verify  x402.VerifyResponse  `json:"verify"`
			Settle  *x402.SettleResponse `json:"settle"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("node output %q: %v", raw, err)
	}
	if len(got.Supported.Kinds) == 0 || got.Supported.Signers["eip155:*"][0] != e.fac.Address().Hex() {
		t.Fatalf("official client read /supported as %+v", got.Supported)
	}
	for _, name := range []string{"eip3009", "permit2", "permit2-eip2612"} {
		c, ok := got.Cases[name]
		if !ok || !c.Verify.IsValid || c.Settle == nil || !c.Settle.Success || c.Settle.Transaction == "" {
			t.Fatalf("%s: verify %+v settle %+v\npayload %s", name, c.Verify, c.Settle, c.Payload)
		}
	}
	if c := got.Cases["permit2-eip2612"]; !strings.Contains(string(c.Payload), "eip2612GasSponsoring") {
		t.Fatalf("the official client did not add an EIP-2612 permit: %s", c.Payload)
	}
	if c := got.Cases["eip3009-wrong-amount"]; c.Verify.IsValid || c.Verify.InvalidReason != x402.ReasonExactValueMismatch {
		t.Fatalf("wrong amount: %+v", c.Verify)
	}
	if n := e.transfers(devUSDC, payer); n != 1 {
		t.Fatalf("%d USDC transfers from the payer, want 1", n)
	}
	if n := e.transfers(devOBOL, payer) + e.transfers(devOBOL, unapproved); n != 2 {
		t.Fatalf("%d OBOL transfers, want 2", n)
	}
	if b := e.balance(devOBOL, payTo); b.Int64() != 2500+3500 {
		t.Fatalf("payTo OBOL balance %s, want 6000", b)
	}
}

// TestOfficialV1ClientInterop: the official v1 client path (v1 network
// names, maxAmountRequired, the v1 request shape) against a facilitator
// settling on a dev chain that carries Base Sepolia's chain id.
func TestOfficialV1ClientInterop(t *testing.T) {
	dir := nodetest.Dir(t, "@x402/core", "@x402/evm")
	c, err := chain.New(chain.Options{ChainID: 84532})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	e := &env{t: t, chain: c, ec: c.EthClient(), dbPath: filepath.Join(t.TempDir(), "v1.db"), facKey: x402test.Key(t, "facilitator v1")}
	e.fund(crypto.PubkeyToAddress(e.facKey.PublicKey), "ETH", ether(10))
	e.opts = facilitator.Options{Signer: wallet.NewKeySigner(e.facKey), PollInterval: 5 * time.Millisecond,
		Networks: []facilitator.Network{{Network: "base-sepolia", Backend: e.ec}}}
	e.start()
	payerKey := x402test.Key(t, "node v1 payer")
	payer := crypto.PubkeyToAddress(payerKey.PublicKey)
	e.fund(payer, "USDC", big.NewInt(10_000))
	payTo := x402test.Address(t, "node v1 seller")

	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "x402-facilitator-v1.mjs", e.srv.URL, "0x"+hex.EncodeToString(crypto.FromECDSA(payerKey)), payTo.Hex())
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("node x402-facilitator-v1.mjs: %v\n%s", err, stderr.String())
	}
	var got struct {
		Payload json.RawMessage     `json:"payload"`
		Verify  x402.VerifyResponse `json:"verify"`
		Settle  x402.SettleResponse `json:"settle"`
		Again   x402.SettleResponse `json:"again"`
	}
	if err := json.Unmarshal(raw, &got); err != nil {
		t.Fatalf("node output %q: %v", raw, err)
	}
	if !strings.Contains(string(got.Payload), `"network":"base-sepolia"`) {
		t.Fatalf("not a v1 payload: %s", got.Payload)
	}
	if !got.Verify.IsValid || !got.Settle.Success || got.Settle.Network != "eip155:84532" || got.Again != got.Settle {
		t.Fatalf("verify %+v settle %+v again %+v", got.Verify, got.Settle, got.Again)
	}
	if b := e.balance(devUSDC, payTo); b.Int64() != 4200 {
		t.Fatalf("payTo balance %s, want 4200", b)
	}
}
