package x402_test

import (
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// TestLocalReasons: every reason the local verifier can give, each from a
// real signed payload.
func TestLocalReasons(t *testing.T) {
	now := time.Unix(1_900_000_000, 0)
	v := x402.NewVerifier(x402.VerifierOptions{Now: func() time.Time { return now }})
	payer := x402test.Signer(t, "payer")
	payTo := x402test.Address(t, "seller")
	other := x402test.Address(t, "other")
	usdc := x402test.Requirements(t, "devnet", "USDC", 1000, payTo)
	obol := x402test.Requirements(t, "devnet", "OBOL", 1000, payTo)
	opts := func() x402.SignOptions { return x402.SignOptions{Now: now} }
	good3009 := x402test.SignERC3009(t, payer, usdc, opts())
	goodP2 := x402test.SignPermit2(t, payer, obol, opts())

	with := func(r x402.PaymentRequirements, fn func(*x402.PaymentRequirements)) x402.PaymentRequirements {
		r.Extra = map[string]any{}
		for k, v := range usdc.Extra {
			r.Extra[k] = v
		}
		if r.Asset == obol.Asset {
			r.Extra = map[string]any{"name": "Obol Network", "version": "1", "assetTransferMethod": "permit2"}
		}
		fn(&r)
		return r
	}
	highS := func(p *x402.PaymentPayload) *x402.PaymentPayload {
		return x402test.Mutate(t, p, func(ep *x402.ExactEVMPayload) {
			sig := hexutil.MustDecode(ep.Signature)
			n, _ := new(big.Int).SetString("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16)
			s := new(big.Int).Sub(n, new(big.Int).SetBytes(sig[32:64]))
			s.FillBytes(sig[32:64])
			sig[64] ^= 1 // 27 <-> 28: the same signer, the malleable twin
			ep.Signature = hexutil.Encode(sig)
		})
	}
	p2msg := func(fn func(*x402.Permit2Message)) *x402.PaymentPayload {
		m := &x402.Permit2Message{Owner: payer.Address(), Token: common.HexToAddress(obol.Asset), Amount: big.NewInt(1000),
			Spender: x402.ExactPermit2Proxy, Nonce: big.NewInt(42), Deadline: big.NewInt(now.Unix() + 600),
			WitnessTo: payTo, WitnessValidFrom: big.NewInt(0)}
		fn(m)
		return x402test.SignPermit2Message(t, x402test.Key(t, "payer"), obol, m)
	}
	eip2612 := func(fn func(*x402.EIP2612Info)) *x402.PaymentPayload {
		p := x402test.SignPermit2(t, payer, obol, x402.SignOptions{Now: now, EIP2612: &x402.EIP2612Option{TokenNonce: big.NewInt(0)}})
		var ext x402.EIP2612Extension
		if err := json.Unmarshal(p.Extensions[x402.ExtensionEIP2612GasSponsoring], &ext); err != nil {
			t.Fatal(err)
		}
		fn(&ext.Info)
		raw, _ := json.Marshal(ext)
		p.Extensions = map[string]json.RawMessage{x402.ExtensionEIP2612GasSponsoring: raw}
		return p
	}

	tests := []struct {
		name string
		p    *x402.PaymentPayload
		req  x402.PaymentRequirements
		want x402.Reason // "" = valid
	}{
		{"eip3009 valid", good3009, usdc, ""},
		{"permit2 valid", goodP2, obol, ""},
		{"permit2 with eip2612 valid", eip2612(func(*x402.EIP2612Info) {}), obol, ""},
		{"scheme", good3009, with(usdc, func(r *x402.PaymentRequirements) { r.Scheme = "upto" }), x402.ReasonExactScheme},
		{"network mismatch", good3009, with(usdc, func(r *x402.PaymentRequirements) { r.Network = "eip155:8453" }), x402.ReasonExactNetworkMismatch},
		{"recipient", good3009, with(usdc, func(r *x402.PaymentRequirements) { r.PayTo = other.Hex() }), x402.ReasonExactRecipientMismatch},
		{"value", good3009, with(usdc, func(r *x402.PaymentRequirements) { r.Amount = "999" }), x402.ReasonExactValueMismatch},
		{"valid before", x402test.SignERC3009(t, payer, usdc, x402.SignOptions{Now: now, ValidBefore: big.NewInt(now.Unix() + 5)}), usdc, x402.ReasonExactValidBefore},
		{"valid after", x402test.SignERC3009(t, payer, usdc, x402.SignOptions{Now: now, ValidAfter: big.NewInt(now.Unix() + 60)}), usdc, x402.ReasonExactValidAfter},
		{"missing domain", good3009, with(usdc, func(r *x402.PaymentRequirements) { r.Extra = nil }), x402.ReasonExactMissingEIP712Domain},
		{"wrong domain (mainnet USDC name on Base Sepolia)", good3009, with(usdc, func(r *x402.PaymentRequirements) { r.Extra["name"] = "USD Coin" }), x402.ReasonExactSignature},
		{"tampered value", x402test.Mutate(t, good3009, func(ep *x402.ExactEVMPayload) { ep.Authorization.Value = "999" }), with(usdc, func(r *x402.PaymentRequirements) { r.Amount = "999" }), x402.ReasonExactSignature},
		{"tampered value vs requirement", x402test.Mutate(t, good3009, func(ep *x402.ExactEVMPayload) { ep.Authorization.Value = "5" }), usdc, x402.ReasonExactSignature},
		{"other signer", x402test.Mutate(t, x402test.SignERC3009(t, x402test.Signer(t, "thief"), usdc, opts()), func(ep *x402.ExactEVMPayload) { ep.Authorization.From = payer.Address().Hex() }), usdc, x402.ReasonExactSignature},
		{"high s", highS(good3009), usdc, x402.ReasonExactSignature},
		{"short signature", x402test.Mutate(t, good3009, func(ep *x402.ExactEVMPayload) { ep.Signature = ep.Signature[:100] }), usdc, x402.ReasonExactSignature},
		{"signature not hex", x402test.Mutate(t, good3009, func(ep *x402.ExactEVMPayload) { ep.Signature = "0x" + string(make([]byte, 130)) }), usdc, x402.ReasonExactFailedToParseSignature},
		{"bad nonce", x402test.Mutate(t, good3009, func(ep *x402.ExactEVMPayload) { ep.Authorization.Nonce = "0x01" }), usdc, x402.ReasonInvalidPayload},
		{"bad value", x402test.Mutate(t, good3009, func(ep *x402.ExactEVMPayload) { ep.Authorization.Value = "-1" }), usdc, x402.ReasonInvalidPayload},
		{"no authorization", x402test.Mutate(t, good3009, func(ep *x402.ExactEVMPayload) { ep.Authorization = nil }), usdc, x402.ReasonInvalidPayload},
		{"bad requirements payTo", good3009, with(usdc, func(r *x402.PaymentRequirements) { r.PayTo = "nobody" }), x402.ReasonInvalidPaymentRequirements},
		{"permit2 spender", p2msg(func(m *x402.Permit2Message) { m.Spender = other }), obol, x402.ReasonPermit2InvalidSpender},
		{"permit2 recipient", goodP2, with(obol, func(r *x402.PaymentRequirements) { r.PayTo = other.Hex() }), x402.ReasonPermit2RecipientMismatch},
		{"permit2 deadline", p2msg(func(m *x402.Permit2Message) { m.Deadline = big.NewInt(now.Unix()) }), obol, x402.ReasonPermit2DeadlineExpired},
		{"permit2 not yet valid", p2msg(func(m *x402.Permit2Message) { m.WitnessValidFrom = big.NewInt(now.Unix() + 100) }), obol, x402.ReasonPermit2NotYetValid},
		{"permit2 amount", goodP2, with(obol, func(r *x402.PaymentRequirements) { r.Amount = "1" }), x402.ReasonPermit2AmountMismatch},
		{"permit2 token", p2msg(func(m *x402.Permit2Message) { m.Token = other }), obol, x402.ReasonPermit2TokenMismatch},
		{"permit2 signature", x402test.Mutate(t, goodP2, func(ep *x402.ExactEVMPayload) { ep.Permit2Authorization.Nonce = "43" }), obol, x402.ReasonPermit2InvalidSignature},
		{"permit2 high s", highS(goodP2), obol, x402.ReasonPermit2InvalidSignature},
		{"eip2612 from", eip2612(func(i *x402.EIP2612Info) { i.From = other.Hex() }), obol, x402.ReasonEIP2612FromMismatch},
		{"eip2612 asset", eip2612(func(i *x402.EIP2612Info) { i.Asset = other.Hex() }), obol, x402.ReasonEIP2612AssetMismatch},
		{"eip2612 spender", eip2612(func(i *x402.EIP2612Info) { i.Spender = other.Hex() }), obol, x402.ReasonEIP2612SpenderNotPermit},
		{"eip2612 deadline", eip2612(func(i *x402.EIP2612Info) { i.Deadline = "1" }), obol, x402.ReasonEIP2612DeadlineExpired},
		{"eip2612 amount", eip2612(func(i *x402.EIP2612Info) { i.Amount = "1" }), obol, x402.ReasonPermit2EIP2612Mismatch},
		{"eip2612 format", eip2612(func(i *x402.EIP2612Info) { i.Signature = "0x00" }), obol, x402.ReasonEIP2612InvalidFormat},
	}
	notEVM := with(usdc, func(r *x402.PaymentRequirements) { r.Network = "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp" })
	solana := *good3009
	solana.Accepted.Network = notEVM.Network
	tests = append(tests, struct {
		name string
		p    *x402.PaymentPayload
		req  x402.PaymentRequirements
		want x402.Reason
	}{"network not evm", &solana, notEVM, x402.ReasonInvalidNetwork})

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := tt.req
			pay, err := v.Verify(tt.p, &req)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("want valid, got %v", err)
			case tt.want != "" && err == nil:
				t.Fatalf("want %s, verified", tt.want)
			case err != nil && err.Reason != tt.want:
				t.Fatalf("reason %s (%s), want %s", err.Reason, err.Message, tt.want)
			}
			if tt.want == "" && pay.Payer != payer.Address() {
				t.Fatalf("payer %s, want %s", pay.Payer, payer.Address())
			}
		})
	}
}

func TestPaymentKeyIdentifiesAuthorization(t *testing.T) {
	v := x402.NewVerifier(x402.VerifierOptions{})
	payer := x402test.Signer(t, "payer")
	req := x402test.Requirements(t, "devnet", "USDC", 1000, x402test.Address(t, "seller"))
	p1 := x402test.SignERC3009(t, payer, req, x402.SignOptions{Nonce: big.NewInt(7)})
	p2 := x402test.SignERC3009(t, payer, req, x402.SignOptions{Nonce: big.NewInt(7), ValidBefore: big.NewInt(time.Now().Unix() + 9999)})
	p3 := x402test.SignERC3009(t, payer, req, x402.SignOptions{Nonce: big.NewInt(8)})
	key := func(p *x402.PaymentPayload) string {
		pay, err := v.Verify(p, &req)
		if err != nil {
			t.Fatal(err)
		}
		return pay.Key()
	}
	if key(p1) != key(p2) {
		t.Fatal("two signatures over one nonce must share a key: the chain settles only one")
	}
	if key(p1) == key(p3) {
		t.Fatal("different nonces must have different keys")
	}
}
