package x402_test

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// rawJSON compares raw JSON by meaning, not by whitespace.
var rawJSON = cmp.Transformer("rawJSON", func(r json.RawMessage) any {
	var v any
	if err := json.Unmarshal(r, &v); err != nil {
		return string(r)
	}
	return v
})

// TestOfficialVectors verifies every payload the official @x402/evm client
// signed: header decoding, our hand-rolled EIP-712 digest against the
// client's, and the local verdict.
func TestOfficialVectors(t *testing.T) {
	vec := x402test.LoadVectors(t)
	v := x402.NewVerifier(x402.VerifierOptions{})
	run := func(t *testing.T, entries []x402test.Vector, req x402.PaymentRequirements, method string) {
		for i, e := range entries {
			p, err := x402.DecodePaymentHeader(e.PaymentSignatureHeader)
			if err != nil {
				t.Fatalf("%d: decode header: %v", i, err)
			}
			direct, err := x402.DecodePaymentPayload(e.PaymentPayload)
			if err != nil {
				t.Fatalf("%d: decode payload: %v", i, err)
			}
			if diff := cmp.Diff(direct, p, rawJSON); diff != "" {
				t.Fatalf("%d: header and JSON decode differ (-json +header):\n%s", i, diff)
			}
			pay, verr := v.Verify(p, &req)
			if verr != nil {
				t.Fatalf("%d: verify: %v", i, verr)
			}
			if pay.Payer != common.HexToAddress(e.Expected.Payer) || pay.Method != method {
				t.Fatalf("%d: payer %s method %s, want %s %s", i, pay.Payer, pay.Method, e.Expected.Payer, method)
			}
			var got common.Hash
			if pay.ERC3009 != nil {
				got = pay.ERC3009.Digest(x402.Domain{Name: "USDC", Version: "2", ChainID: 84532, VerifyingContract: pay.Asset}.Separator())
			} else {
				got = pay.Permit2.Digest(x402.Permit2Domain(84532).Separator())
			}
			if got.Hex() != e.Expected.EIP712Digest {
				t.Fatalf("%d: digest %s, official client %s", i, got.Hex(), e.Expected.EIP712Digest)
			}
		}
	}
	t.Run("eip3009", func(t *testing.T) { run(t, vec.EIP3009, vec.Requirements.EIP3009, x402.TransferEIP3009) })
	t.Run("permit2", func(t *testing.T) { run(t, vec.Permit2, vec.Requirements.Permit2, x402.TransferPermit2) })
}

// TestOfficialNegatives: our reason codes match the official facilitator's.
func TestOfficialNegatives(t *testing.T) {
	vec := x402test.LoadVectors(t)
	v := x402.NewVerifier(x402.VerifierOptions{})
	for _, n := range vec.Negative {
		t.Run(n.Description, func(t *testing.T) {
			p, err := x402.DecodePaymentPayload(n.PaymentPayload)
			if err != nil {
				t.Fatal(err)
			}
			req := n.PaymentRequirements
			_, verr := v.Verify(p, &req)
			if verr == nil {
				t.Fatal("verified; the official facilitator rejects it")
			}
			if string(verr.Reason) != n.Expected.InvalidReason {
				t.Fatalf("reason %s (%s), official %s", verr.Reason, verr.Message, n.Expected.InvalidReason)
			}
		})
	}
}

// TestDigestMatchesApitypes cross-checks the hand-rolled EIP-712 encoder
// against go-ethereum's generic one for all three message kinds.
func TestDigestMatchesApitypes(t *testing.T) {
	asset := common.HexToAddress("0x036CbD53842c5426634e7929541eC2318f3dCF7e")
	m := &x402.ERC3009Message{From: x402test.Address(t, "a"), To: x402test.Address(t, "b"), Value: math.MustParseBig256("123456789"),
		ValidAfter: math.MustParseBig256("0"), ValidBefore: math.MustParseBig256("99999999999"), Nonce: common.HexToHash("0x0102")}
	td := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"}},
			"TransferWithAuthorization": {{Name: "from", Type: "address"}, {Name: "to", Type: "address"}, {Name: "value", Type: "uint256"},
				{Name: "validAfter", Type: "uint256"}, {Name: "validBefore", Type: "uint256"}, {Name: "nonce", Type: "bytes32"}},
		},
		PrimaryType: "TransferWithAuthorization",
		Domain:      apitypes.TypedDataDomain{Name: "USDC", Version: "2", ChainId: math.NewHexOrDecimal256(1337), VerifyingContract: asset.Hex()},
		Message: apitypes.TypedDataMessage{"from": m.From.Hex(), "to": m.To.Hex(), "value": "123456789", "validAfter": "0",
			"validBefore": "99999999999", "nonce": m.Nonce.Hex()},
	}
	want, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Digest(x402.Domain{Name: "USDC", Version: "2", ChainID: 1337, VerifyingContract: asset}.Separator()); got != common.BytesToHash(want) {
		t.Fatalf("ERC-3009 digest %s, apitypes %x", got, want)
	}

	p := &x402.EIP2612Message{Owner: m.From, Spender: x402.Permit2Address, Value: math.MustParseBig256("5"), Nonce: math.MustParseBig256("7"), Deadline: math.MustParseBig256("1000")}
	td2 := apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": td.Types["EIP712Domain"],
			"Permit": {{Name: "owner", Type: "address"}, {Name: "spender", Type: "address"}, {Name: "value", Type: "uint256"},
				{Name: "nonce", Type: "uint256"}, {Name: "deadline", Type: "uint256"}},
		},
		PrimaryType: "Permit",
		Domain:      apitypes.TypedDataDomain{Name: "Obol Network", Version: "1", ChainId: math.NewHexOrDecimal256(1337), VerifyingContract: asset.Hex()},
		Message:     apitypes.TypedDataMessage{"owner": p.Owner.Hex(), "spender": p.Spender.Hex(), "value": "5", "nonce": "7", "deadline": "1000"},
	}
	want2, _, err := apitypes.TypedDataAndHash(td2)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Digest(x402.Domain{Name: "Obol Network", Version: "1", ChainID: 1337, VerifyingContract: asset}.Separator()); got != common.BytesToHash(want2) {
		t.Fatalf("EIP-2612 digest %s, apitypes %x", got, want2)
	}
}

func TestPaymentPayloadRoundTrip(t *testing.T) {
	vec := x402test.LoadVectors(t)
	for _, e := range vec.EIP3009[:3] {
		p, err := x402.DecodePaymentHeader(e.PaymentSignatureHeader)
		if err != nil {
			t.Fatal(err)
		}
		h, err := x402.EncodePaymentHeader(p)
		if err != nil {
			t.Fatal(err)
		}
		back, err := x402.DecodePaymentHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(p, back, rawJSON); diff != "" {
			t.Fatalf("round trip differs:\n%s", diff)
		}
		var a, b any
		_ = json.Unmarshal(e.PaymentPayload, &a)
		raw, _ := json.Marshal(p)
		_ = json.Unmarshal(raw, &b)
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("re-encoded payload differs from the official client's:\n%s", diff)
		}
	}
}

// TestRegistryDomainsMatchChain: the registry's Ethereum USDC domain hashes
// to the DOMAIN_SEPARATOR() the real contract returns on mainnet.
func TestRegistryDomainsMatchChain(t *testing.T) {
	reg, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := reg.Token("ethereum", "USDC")
	if err != nil {
		t.Fatal(err)
	}
	got := x402.Domain{Name: tok.EIP712Name, Version: tok.EIP712Version, ChainID: 1, VerifyingContract: tok.Address}.Separator()
	if want := "0x06c37168a7db5138defc7866392bb87a741f9b3d104deb5094588ce041cae335"; got.Hex() != want {
		t.Fatalf("USDC mainnet domain separator %s, on chain %s", got.Hex(), want)
	}
}
