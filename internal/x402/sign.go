package x402

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Signer signs EIP-712 digests for one address. The wallet package
// implements it over keystores or a signer process; keys never pass through
// this package.
type Signer interface {
	Address() common.Address
	// SignHash signs a 32-byte digest and returns r‖s‖v (v 0/1 or 27/28).
	// Its shape is wallet.Signer's, so a wallet signs payments directly.
	SignHash(ctx context.Context, digest [32]byte) ([]byte, error)
}

// sign calls s and normalizes v to 27/28, the form tokens and Permit2 accept.
func sign(ctx context.Context, s Signer, digest common.Hash) ([]byte, error) {
	sig, err := s.SignHash(ctx, digest)
	if err != nil {
		return nil, fmt.Errorf("sign digest: %w", err)
	}
	if len(sig) != 65 {
		return nil, fmt.Errorf("sign digest: signer returned %d bytes, want 65", len(sig))
	}
	out := append([]byte(nil), sig...)
	if out[64] < 27 {
		out[64] += 27
	}
	return out, nil
}

// SignOptions tune a client signature. Zero values get the buyer defaults of
// SPEC §4: validAfter 0 (never the host clock: a dev chain's clock lags) and
// an end MaxTimeoutSeconds (at least an hour) from Now.
type SignOptions struct {
	Now         time.Time      // default time.Now()
	ValidAfter  *big.Int       // ERC-3009 validAfter / Permit2 witness.validAfter; default 0
	ValidBefore *big.Int       // ERC-3009 validBefore / Permit2 deadline; default Now+max(maxTimeout, 1h)
	Nonce       *big.Int       // default 32 random bytes
	Resource    *ResourceInfo  // echoed in the payload
	EIP2612     *EIP2612Option // Permit2 only: add an eip2612GasSponsoring permit
}

// EIP2612Option asks SignPermit2 to also sign an EIP-2612 permit of the
// payment amount to Permit2, so the facilitator can use settleWithPermit and
// the payer needs no approve transaction.
type EIP2612Option struct {
	TokenNonce *big.Int // the owner's current permit nonce on the token (nonces(owner))
	Deadline   *big.Int // default: the Permit2 deadline
}

func (o *SignOptions) defaults(req *PaymentRequirements) error {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.ValidAfter == nil {
		o.ValidAfter = new(big.Int)
	}
	if o.ValidBefore == nil {
		ttl := max(req.MaxTimeoutSeconds, 3600)
		o.ValidBefore = big.NewInt(o.Now.Unix() + ttl)
	}
	if o.Nonce == nil {
		var b [32]byte
		if _, err := rand.Read(b[:]); err != nil {
			return fmt.Errorf("draw nonce: %w", err)
		}
		o.Nonce = new(big.Int).SetBytes(b[:])
	}
	return nil
}

func requirementsFor(req *PaymentRequirements) (uint64, common.Address, common.Address, *big.Int, error) {
	chainID, err := EVMChainID(req.Network)
	if err != nil {
		return 0, common.Address{}, common.Address{}, nil, err
	}
	asset, ok1 := parseAddr(req.Asset)
	payTo, ok2 := parseAddr(req.PayTo)
	amount, ok3 := parseUint256(req.Amount)
	if !(ok1 && ok2 && ok3) {
		return 0, common.Address{}, common.Address{}, nil, fmt.Errorf("requirements need 0x asset and payTo and a decimal amount")
	}
	return chainID, asset, payTo, amount, nil
}

// SignERC3009 signs a TransferWithAuthorization paying req and returns the
// v2 payload (accepted = req).
func SignERC3009(ctx context.Context, s Signer, req PaymentRequirements, opts SignOptions) (*PaymentPayload, error) {
	if err := opts.defaults(&req); err != nil {
		return nil, err
	}
	chainID, asset, payTo, amount, err := requirementsFor(&req)
	if err != nil {
		return nil, fmt.Errorf("sign ERC-3009: %w", err)
	}
	name, version := req.ExtraString("name"), req.ExtraString("version")
	if name == "" || version == "" {
		return nil, fmt.Errorf("sign ERC-3009: requirements.extra lacks the token's EIP-712 name/version")
	}
	m := &ERC3009Message{From: s.Address(), To: payTo, Value: amount, ValidAfter: opts.ValidAfter, ValidBefore: opts.ValidBefore}
	opts.Nonce.FillBytes(m.Nonce[:])
	sig, err := sign(ctx, s, m.Digest(Domain{Name: name, Version: version, ChainID: chainID, VerifyingContract: asset}.Separator()))
	if err != nil {
		return nil, fmt.Errorf("sign ERC-3009: %w", err)
	}
	ep := ExactEVMPayload{Signature: hexutil.Encode(sig), Authorization: &EIP3009Authorization{
		From: m.From.Hex(), To: m.To.Hex(), Value: m.Value.String(), ValidAfter: m.ValidAfter.String(),
		ValidBefore: m.ValidBefore.String(), Nonce: m.Nonce.Hex(),
	}}
	return buildPayload(req, opts.Resource, ep, nil)
}

// SignPermit2 signs a Permit2 PermitWitnessTransferFrom (spender: the x402
// exact proxy, witness: payTo and validAfter) and, when asked, an EIP-2612
// permit to Permit2 for gas sponsoring.
func SignPermit2(ctx context.Context, s Signer, req PaymentRequirements, opts SignOptions) (*PaymentPayload, error) {
	if err := opts.defaults(&req); err != nil {
		return nil, err
	}
	chainID, asset, payTo, amount, err := requirementsFor(&req)
	if err != nil {
		return nil, fmt.Errorf("sign Permit2: %w", err)
	}
	m := &Permit2Message{Owner: s.Address(), Token: asset, Amount: amount, Spender: ExactPermit2Proxy,
		Nonce: opts.Nonce, Deadline: opts.ValidBefore, WitnessTo: payTo, WitnessValidFrom: opts.ValidAfter}
	sig, err := sign(ctx, s, m.Digest(Permit2Domain(chainID).Separator()))
	if err != nil {
		return nil, fmt.Errorf("sign Permit2: %w", err)
	}
	ep := ExactEVMPayload{Signature: hexutil.Encode(sig), Permit2Authorization: &Permit2Authorization{
		From: m.Owner.Hex(), Permitted: Permit2Permitted{Token: asset.Hex(), Amount: amount.String()},
		Spender: ExactPermit2Proxy.Hex(), Nonce: m.Nonce.String(), Deadline: m.Deadline.String(),
		Witness: Permit2WitnessMsg{To: payTo.Hex(), ValidAfter: m.WitnessValidFrom.String()},
	}}
	var ext map[string]json.RawMessage
	if opts.EIP2612 != nil {
		info, err := SignEIP2612(ctx, s, req, amount, opts.EIP2612.TokenNonce, firstNonNil(opts.EIP2612.Deadline, opts.ValidBefore))
		if err != nil {
			return nil, err
		}
		raw, err := json.Marshal(EIP2612Extension{Info: *info})
		if err != nil {
			return nil, fmt.Errorf("sign Permit2: %w", err)
		}
		ext = map[string]json.RawMessage{ExtensionEIP2612GasSponsoring: raw}
	}
	return buildPayload(req, opts.Resource, ep, ext)
}

func firstNonNil(a, b *big.Int) *big.Int {
	if a != nil {
		return a
	}
	return b
}

// SignEIP2612 signs permit(owner, Permit2, value, nonce, deadline) on the
// token named by req (its EIP-712 domain from req.extra).
func SignEIP2612(ctx context.Context, s Signer, req PaymentRequirements, value, tokenNonce, deadline *big.Int) (*EIP2612Info, error) {
	chainID, asset, _, _, err := requirementsFor(&req)
	if err != nil {
		return nil, fmt.Errorf("sign EIP-2612: %w", err)
	}
	name, version := req.ExtraString("name"), req.ExtraString("version")
	if name == "" || version == "" || tokenNonce == nil || deadline == nil {
		return nil, fmt.Errorf("sign EIP-2612: need the token's EIP-712 name/version, its permit nonce and a deadline")
	}
	m := &EIP2612Message{Owner: s.Address(), Spender: Permit2Address, Value: value, Nonce: tokenNonce, Deadline: deadline}
	sig, err := sign(ctx, s, m.Digest(Domain{Name: name, Version: version, ChainID: chainID, VerifyingContract: asset}.Separator()))
	if err != nil {
		return nil, fmt.Errorf("sign EIP-2612: %w", err)
	}
	return &EIP2612Info{From: m.Owner.Hex(), Asset: asset.Hex(), Spender: Permit2Address.Hex(), Amount: value.String(),
		Nonce: tokenNonce.String(), Deadline: deadline.String(), Signature: hexutil.Encode(sig), Version: "1"}, nil
}

func buildPayload(req PaymentRequirements, res *ResourceInfo, ep ExactEVMPayload, ext map[string]json.RawMessage) (*PaymentPayload, error) {
	raw, err := json.Marshal(ep)
	if err != nil {
		return nil, fmt.Errorf("encode exact payload: %w", err)
	}
	return &PaymentPayload{X402Version: V2, Resource: res, Accepted: req, Payload: raw, Extensions: ext}, nil
}
