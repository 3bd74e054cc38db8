package x402_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// contractSigner names a contract as the payer and signs with another key,
// as a smart wallet's owner does.
type contractSigner struct {
	addr  common.Address
	owner string
	t     *testing.T
}

func (c contractSigner) Address() common.Address { return c.addr }

func (c contractSigner) SignHash(_ context.Context, d [32]byte) ([]byte, error) {
	return crypto.Sign(d[:], x402test.Key(c.t, c.owner))
}

// TestVerifyWithChecker: the SignatureChecker decides only signatures that
// do not recover to the payer, after every other check, and its verdicts
// and failures are the answers. (The chain side is in the facilitator's
// EIP-1271 tests on a dev chain.)
func TestVerifyWithChecker(t *testing.T) {
	now := time.Unix(1_900_000_000, 0)
	v := x402.NewVerifier(x402.VerifierOptions{Now: func() time.Time { return now }})
	payTo := x402test.Address(t, "seller")
	usdc := x402test.Requirements(t, "devnet", "USDC", 1000, payTo)
	obol := x402test.Requirements(t, "devnet", "OBOL", 1000, payTo)
	wallet := contractSigner{addr: x402test.Address(t, "wallet contract"), owner: "wallet owner", t: t}
	eoa := x402test.Signer(t, "payer")
	opts := x402.SignOptions{Now: now}
	c3009, cP2 := x402test.SignERC3009(t, wallet, usdc, opts), x402test.SignPermit2(t, wallet, obol, opts)

	var calls int
	accept := func(valid bool, err *x402.Error) x402.SignatureChecker {
		return func(payer common.Address, digest common.Hash, sig []byte) (bool, *x402.Error) {
			calls++
			if payer != wallet.addr || len(sig) == 0 || digest == (common.Hash{}) {
				t.Errorf("checker called with %s %x %x", payer.Hex(), digest, sig)
			}
			return valid, err
		}
	}
	chainDown := &x402.Error{Reason: x402.ReasonUnexpectedVerifyError, Message: "down"}
	wrongAmount := usdc
	wrongAmount.Amount = "999"

	tests := []struct {
		name      string
		p         *x402.PaymentPayload
		req       x402.PaymentRequirements
		check     x402.SignatureChecker
		want      x402.Reason // "" = valid
		wantCalls int
	}{
		{"no checker: refused as before", c3009, usdc, nil, x402.ReasonExactSignature, 0},
		{"checker accepts", c3009, usdc, accept(true, nil), "", 1},
		{"checker refuses", c3009, usdc, accept(false, nil), x402.ReasonExactSignature, 1},
		{"checker cannot tell", c3009, usdc, accept(false, chainDown), x402.ReasonUnexpectedVerifyError, 1},
		{"field check first", c3009, wrongAmount, accept(true, nil), x402.ReasonExactValueMismatch, 1},
		{"field check, checker cannot tell", c3009, wrongAmount, accept(false, chainDown), x402.ReasonExactValueMismatch, 1},
		{"permit2 checker accepts", cP2, obol, accept(true, nil), "", 1},
		{"permit2 checker refuses", cP2, obol, accept(false, nil), x402.ReasonPermit2InvalidSignature, 1},
		{"EOA never asks", x402test.SignERC3009(t, eoa, usdc, opts), usdc, accept(false, nil), "", 0},
		{"EOA permit2 never asks", x402test.SignPermit2(t, eoa, obol, opts), obol, accept(false, nil), "", 0},
		{"long contract signature", x402test.Mutate(t, c3009, func(ep *x402.ExactEVMPayload) { ep.Signature += strings.Repeat("ab", 100) }), usdc, accept(true, nil), "", 1},
		{"long signature without checker", x402test.Mutate(t, c3009, func(ep *x402.ExactEVMPayload) { ep.Signature += "ab" }), usdc, nil, x402.ReasonExactSignature, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls = 0
			pay, err := v.VerifyWith(tt.p, &tt.req, tt.check)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("refused: %v", err)
			case tt.want != "" && (err == nil || err.Reason != tt.want):
				t.Fatalf("got %v, want %s", err, tt.want)
			}
			if calls != tt.wantCalls {
				t.Fatalf("checker called %d times, want %d", calls, tt.wantCalls)
			}
			if tt.want == "" && pay.ContractSigned != (tt.wantCalls == 1) {
				t.Fatalf("ContractSigned %v", pay.ContractSigned)
			}
		})
	}
}

// TestEIP6492Refused: a signature with the EIP-6492 suffix (a wallet not
// deployed yet) is refused with a message saying so, checker or not, and
// the checker is not asked.
func TestEIP6492Refused(t *testing.T) {
	now := time.Unix(1_900_000_000, 0)
	v := x402.NewVerifier(x402.VerifierOptions{Now: func() time.Time { return now }})
	payTo := x402test.Address(t, "seller")
	usdc := x402test.Requirements(t, "devnet", "USDC", 1000, payTo)
	obol := x402test.Requirements(t, "devnet", "OBOL", 1000, payTo)
	wallet := contractSigner{addr: x402test.Address(t, "wallet contract"), owner: "wallet owner", t: t}
	wrap := func(p *x402.PaymentPayload) *x402.PaymentPayload {
		return x402test.Mutate(t, p, func(ep *x402.ExactEVMPayload) {
			body := append(common.LeftPadBytes([]byte{1}, 96), hexutil.MustDecode(ep.Signature)...)
			ep.Signature = hexutil.Encode(body) + strings.Repeat("6492", 16)
		})
	}
	never := func(common.Address, common.Hash, []byte) (bool, *x402.Error) {
		t.Error("checker asked about an EIP-6492 signature")
		return true, nil
	}
	for _, tc := range []struct {
		p    *x402.PaymentPayload
		req  x402.PaymentRequirements
		want x402.Reason
	}{
		{wrap(x402test.SignERC3009(t, wallet, usdc, x402.SignOptions{Now: now})), usdc, x402.ReasonExactSignature},
		{wrap(x402test.SignPermit2(t, wallet, obol, x402.SignOptions{Now: now})), obol, x402.ReasonPermit2InvalidSignature},
	} {
		for _, check := range []x402.SignatureChecker{nil, never} {
			_, err := v.VerifyWith(tc.p, &tc.req, check)
			if err == nil || err.Reason != tc.want || err.Message != x402.EIP6492Refusal {
				t.Fatalf("got %v, want %s %q", err, tc.want, x402.EIP6492Refusal)
			}
		}
	}
}
