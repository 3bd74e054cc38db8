// Package x402test builds real signed x402 payments for tests: payers with
// deterministic keys, requirements for registry tokens, payloads signed
// through the production signing code, low-level signers for deliberately
// odd messages, and the official client's vectors (testdata/payloads.json).
package x402test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
)

// Key derives a deterministic private key from a label, so failures name
// stable addresses.
func Key(t testing.TB, label string) *ecdsa.PrivateKey {
	t.Helper()
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("obol x402test " + label)))
	if err != nil {
		t.Fatalf("derive key %q: %v", label, err)
	}
	return k
}

// Signer is a wallet signer over Key(label).
func Signer(t testing.TB, label string) *wallet.KeySigner {
	t.Helper()
	return wallet.NewKeySigner(Key(t, label))
}

// Address is the address of Key(label).
func Address(t testing.TB, label string) common.Address {
	t.Helper()
	return crypto.PubkeyToAddress(Key(t, label).PublicKey)
}

// Requirements returns exact-scheme requirements to pay amount (atomic) of
// the registry token symbol on network to payTo.
func Requirements(t testing.TB, network, symbol string, amount int64, payTo common.Address) x402.PaymentRequirements {
	t.Helper()
	reg, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tok, err := reg.Token(network, symbol)
	if err != nil {
		t.Fatal(err)
	}
	return tok.Requirements(big.NewInt(amount), payTo, 300)
}

// SignERC3009 signs req with s through x402.SignERC3009.
func SignERC3009(t testing.TB, s x402.Signer, req x402.PaymentRequirements, opts x402.SignOptions) *x402.PaymentPayload {
	t.Helper()
	p, err := x402.SignERC3009(context.Background(), s, req, opts)
	if err != nil {
		t.Fatalf("sign ERC-3009: %v", err)
	}
	return p
}

// SignPermit2 signs req with s through x402.SignPermit2.
func SignPermit2(t testing.TB, s x402.Signer, req x402.PaymentRequirements, opts x402.SignOptions) *x402.PaymentPayload {
	t.Helper()
	p, err := x402.SignPermit2(context.Background(), s, req, opts)
	if err != nil {
		t.Fatalf("sign Permit2: %v", err)
	}
	return p
}

// SignPermit2Message signs an arbitrary Permit2 message (any spender, any
// token) with key and wraps it as a payload accepting req: for checks that
// must see a valid signature over wrong content.
func SignPermit2Message(t testing.TB, key *ecdsa.PrivateKey, req x402.PaymentRequirements, m *x402.Permit2Message) *x402.PaymentPayload {
	t.Helper()
	chainID, err := x402.EVMChainID(req.Network)
	if err != nil {
		t.Fatal(err)
	}
	sig := signDigest(t, key, m.Digest(x402.Permit2Domain(chainID).Separator()))
	ep := x402.ExactEVMPayload{Signature: hexutil.Encode(sig), Permit2Authorization: &x402.Permit2Authorization{
		From: m.Owner.Hex(), Permitted: x402.Permit2Permitted{Token: m.Token.Hex(), Amount: m.Amount.String()},
		Spender: m.Spender.Hex(), Nonce: m.Nonce.String(), Deadline: m.Deadline.String(),
		Witness: x402.Permit2WitnessMsg{To: m.WitnessTo.Hex(), ValidAfter: m.WitnessValidFrom.String()},
	}}
	return wrap(t, req, ep)
}

// SignERC3009Message signs an arbitrary TransferWithAuthorization under the
// given domain with key.
func SignERC3009Message(t testing.TB, key *ecdsa.PrivateKey, req x402.PaymentRequirements, d x402.Domain, m *x402.ERC3009Message) *x402.PaymentPayload {
	t.Helper()
	sig := signDigest(t, key, m.Digest(d.Separator()))
	ep := x402.ExactEVMPayload{Signature: hexutil.Encode(sig), Authorization: &x402.EIP3009Authorization{
		From: m.From.Hex(), To: m.To.Hex(), Value: m.Value.String(), ValidAfter: m.ValidAfter.String(),
		ValidBefore: m.ValidBefore.String(), Nonce: m.Nonce.Hex(),
	}}
	return wrap(t, req, ep)
}

func signDigest(t testing.TB, key *ecdsa.PrivateKey, d common.Hash) []byte {
	t.Helper()
	sig, err := crypto.Sign(d[:], key)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return sig
}

func wrap(t testing.TB, req x402.PaymentRequirements, ep x402.ExactEVMPayload) *x402.PaymentPayload {
	t.Helper()
	raw, err := json.Marshal(ep)
	if err != nil {
		t.Fatal(err)
	}
	return &x402.PaymentPayload{X402Version: x402.V2, Accepted: req, Payload: raw}
}

// Mutate decodes p's exact payload, lets fn change it, and returns a copy
// with the changed payload (the signature is left as it was).
func Mutate(t testing.TB, p *x402.PaymentPayload, fn func(*x402.ExactEVMPayload)) *x402.PaymentPayload {
	t.Helper()
	var ep x402.ExactEVMPayload
	if err := json.Unmarshal(p.Payload, &ep); err != nil {
		t.Fatal(err)
	}
	fn(&ep)
	raw, err := json.Marshal(ep)
	if err != nil {
		t.Fatal(err)
	}
	cp := *p
	cp.Payload = raw
	return &cp
}

// Exact decodes p's exact payload.
func Exact(t testing.TB, p *x402.PaymentPayload) x402.ExactEVMPayload {
	t.Helper()
	var ep x402.ExactEVMPayload
	if err := json.Unmarshal(p.Payload, &ep); err != nil {
		t.Fatal(err)
	}
	return ep
}

// Unix is t's unix seconds as a *big.Int.
func Unix(tm time.Time) *big.Int { return big.NewInt(tm.Unix()) }

// Vectors is testdata/payloads.json: payloads signed by the official
// @x402/evm client, with the official verdicts on negative cases.
type Vectors struct {
	Params struct {
		Payer   string `json:"payer"`
		Network string `json:"network"`
		PayTo   string `json:"payTo"`
		Amount  string `json:"amount"`
		Token   struct {
			Address string `json:"address"`
		} `json:"token"`
	} `json:"params"`
	Requirements struct {
		EIP3009 x402.PaymentRequirements `json:"eip3009"`
		Permit2 x402.PaymentRequirements `json:"permit2"`
	} `json:"requirements"`
	EIP3009  []Vector   `json:"eip3009"`
	Permit2  []Vector   `json:"permit2"`
	Negative []Negative `json:"negative"`
}

// Vector is one valid signed payload.
type Vector struct {
	PaymentPayload         json.RawMessage `json:"paymentPayload"`
	PaymentSignatureHeader string          `json:"paymentSignatureHeader"`
	Expected               struct {
		EIP712Digest string `json:"eip712Digest"`
		IsValid      bool   `json:"isValid"`
		Payer        string `json:"payer"`
	} `json:"expected"`
}

// Negative is a mutated payload with the official facilitator's answer.
type Negative struct {
	Description         string                   `json:"description"`
	PaymentPayload      json.RawMessage          `json:"paymentPayload"`
	PaymentRequirements x402.PaymentRequirements `json:"paymentRequirements"`
	Expected            struct {
		IsValid       bool   `json:"isValid"`
		InvalidReason string `json:"invalidReason"`
		Payer         string `json:"payer"`
	} `json:"expected"`
}

// LoadVectors reads the official vectors shipped in internal/x402/testdata.
func LoadVectors(t testing.TB) *Vectors {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	b, err := os.ReadFile(filepath.Join(filepath.Dir(file), "..", "testdata", "payloads.json"))
	if err != nil {
		t.Fatalf("read vectors: %v", err)
	}
	var v Vectors
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("parse vectors: %v", err)
	}
	if len(v.EIP3009) == 0 || len(v.Permit2) == 0 || len(v.Negative) == 0 {
		t.Fatal("vectors file is missing entries")
	}
	return &v
}
