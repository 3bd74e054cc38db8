package purchase

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/x402"
)

// Auth is one parsed pre-signed authorization: the payload to send and the
// facts the buyer needs to match it to a 402 and to find it on chain.
type Auth struct {
	ID      string
	Payload *x402.PaymentPayload
	Method  string // x402.TransferEIP3009 or x402.TransferPermit2
	Network string // CAIP-2
	Payer   common.Address
	Asset   common.Address
	PayTo   common.Address
	Amount  *big.Int
	// Expires is the last second the authorization is valid (ERC-3009
	// validBefore, Permit2 deadline).
	Expires time.Time
	// Nonce3009 is the ERC-3009 nonce; NoncePermit2 the Permit2 nonce.
	Nonce3009    [32]byte
	NoncePermit2 *big.Int
}

// ErrInvalidAuth marks a pre-signed auth that cannot be used: it does not
// decode, its signature does not recover, or it does not pay the purchase's
// terms. Checked with errors.Is.
var ErrInvalidAuth = errors.New("invalid pre-signed auth")

// ParseAuth decodes and checks one PreSignedAuth: it must be an exact-scheme
// EVM payment whose signature recovers to its payer (checked with the x402
// verifier against the payload's own accepted requirements). A pool of
// garbage is refused when it is loaded, not when it is spent. Expiry is not
// an error here: the caller compares Expires with its clock.
func ParseAuth(a v1alpha1.PreSignedAuth) (*Auth, error) {
	if a.ID == "" {
		return nil, fmt.Errorf("%w: id is empty", ErrInvalidAuth)
	}
	if len(a.Payment.Raw) == 0 {
		return nil, fmt.Errorf("%w %s: payment is empty", ErrInvalidAuth, a.ID)
	}
	p, err := x402.DecodePaymentPayload(a.Payment.Raw)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrInvalidAuth, a.ID, err)
	}
	if p.X402Version != x402.V2 {
		return nil, fmt.Errorf("%w %s: x402Version %d; pre-signed auths must be v2 payloads with accepted requirements", ErrInvalidAuth, a.ID, p.X402Version)
	}
	// Verify at the start of the validity window so only the signature and
	// the fields are judged, not the wall clock.
	start := validAfter(p.Payload)
	v := x402.NewVerifier(x402.VerifierOptions{Now: func() time.Time { return start }})
	req := p.Accepted
	pay, verr := v.Verify(p, &req)
	if verr != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrInvalidAuth, a.ID, verr)
	}
	out := &Auth{ID: a.ID, Payload: p, Method: pay.Method, Network: pay.Network, Payer: pay.Payer,
		Asset: pay.Asset, PayTo: pay.PayTo, Amount: pay.Amount}
	switch pay.Method {
	case x402.TransferEIP3009:
		out.Nonce3009 = pay.ERC3009.Nonce
		out.Expires = unixTime(pay.ERC3009.ValidBefore)
	case x402.TransferPermit2:
		out.NoncePermit2 = pay.Permit2.Nonce
		out.Expires = unixTime(pay.Permit2.Deadline)
	default:
		return nil, fmt.Errorf("%w %s: transfer method %q is not supported", ErrInvalidAuth, a.ID, pay.Method)
	}
	return out, nil
}

func validAfter(raw json.RawMessage) time.Time {
	var ep x402.ExactEVMPayload
	if json.Unmarshal(raw, &ep) != nil {
		return time.Unix(0, 0)
	}
	s := ""
	switch {
	case ep.Authorization != nil:
		s = ep.Authorization.ValidAfter
	case ep.Permit2Authorization != nil:
		s = ep.Permit2Authorization.Witness.ValidAfter
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Sign() < 0 {
		return time.Unix(0, 0)
	}
	return unixTime(v)
}

func unixTime(v *big.Int) time.Time {
	if v == nil || !v.IsInt64() {
		return time.Unix(1<<62, 0)
	}
	return time.Unix(v.Int64(), 0)
}

// Key identifies the authorization on chain (method, network, payer, nonce).
func (a *Auth) Key() string {
	if a.Method == x402.TransferEIP3009 {
		return fmt.Sprintf("%s:%s:%s:%s:%x", a.Method, a.Network, strings.ToLower(a.Asset.Hex()), strings.ToLower(a.Payer.Hex()), a.Nonce3009)
	}
	return fmt.Sprintf("%s:%s:%s:%s", a.Method, a.Network, strings.ToLower(a.Payer.Hex()), a.NoncePermit2)
}

// Mismatch says why an authorization cannot pay one 402 option; empty when it can.
// PriceChanged is set when everything but the amount agrees: the seller
// changed its price after the auths were signed.
type Mismatch struct {
	Reason       string
	PriceChanged bool
}

// Matches reports whether a can pay req exactly: same scheme, network,
// asset, payTo, transfer method and amount. Anything else would either be
// refused by the seller or, worse, overpay.
func (a *Auth) Matches(req *x402.PaymentRequirements) Mismatch {
	if req.Scheme != x402.SchemeExact {
		return Mismatch{Reason: fmt.Sprintf("scheme %q is not exact", req.Scheme)}
	}
	if NormalizeNetwork(req.Network) != a.Network {
		return Mismatch{Reason: fmt.Sprintf("network %s, the auths are for %s", req.Network, a.Network)}
	}
	if !sameAddr(req.Asset, a.Asset) {
		return Mismatch{Reason: fmt.Sprintf("asset %s, the auths pay in %s", req.Asset, a.Asset.Hex())}
	}
	if !sameAddr(req.PayTo, a.PayTo) {
		return Mismatch{Reason: fmt.Sprintf("payTo %s, the auths pay %s", req.PayTo, a.PayTo.Hex())}
	}
	if req.TransferMethod() != a.Method {
		return Mismatch{Reason: fmt.Sprintf("transfer method %s, the auths use %s", req.TransferMethod(), a.Method)}
	}
	amt, ok := new(big.Int).SetString(req.Amount, 10)
	if !ok || amt.Sign() <= 0 {
		return Mismatch{Reason: fmt.Sprintf("amount %q is not a positive decimal integer", req.Amount)}
	}
	if amt.Cmp(a.Amount) != 0 {
		return Mismatch{Reason: fmt.Sprintf("the seller now asks %s atomic units per request, the auths were signed for %s; refusing to pay a changed price (buy again at the new price)", amt, a.Amount), PriceChanged: true}
	}
	return Mismatch{}
}

func sameAddr(s string, a common.Address) bool {
	return common.IsHexAddress(s) && common.HexToAddress(s) == a
}

// NormalizeNetwork returns the CAIP-2 id of a network name, alias or CAIP-2
// id; unknown strings come back unchanged (lower-cased) so they never match
// by accident.
func NormalizeNetwork(s string) string {
	if n, ok := x402.LookupNetwork(s); ok {
		return n.CAIP2
	}
	return strings.ToLower(strings.TrimSpace(s))
}

// Header returns the base64 header value paying req with a: the signed
// payload with `accepted` set to the seller's entry (the signature does not
// cover it, and sellers compare it to their own) and the 402's resource.
func (a *Auth) Header(req *x402.PaymentRequirements, res *x402.ResourceInfo) (string, error) {
	p := *a.Payload
	p.Accepted = *req
	if res != nil {
		p.Resource = res
	}
	return x402.EncodePaymentHeader(&p)
}

// Consumed asks the chain whether the authorization was used: ERC-3009
// authorizationState(payer, nonce) on the token, or the Permit2 nonce bit.
func (a *Auth) Consumed(ctx context.Context, c ChainReader) (bool, error) {
	if a.Method == x402.TransferEIP3009 {
		return c.AuthorizationState(ctx, a.Asset, a.Payer, a.Nonce3009)
	}
	return Permit2NonceUsed(ctx, c, a.Payer, a.NoncePermit2)
}

// MarshalPayment encodes a payload as a PreSignedAuth's payment object.
func MarshalPayment(id string, p *x402.PaymentPayload) (v1alpha1.PreSignedAuth, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return v1alpha1.PreSignedAuth{}, fmt.Errorf("encode auth %s: %w", id, err)
	}
	out := v1alpha1.PreSignedAuth{ID: id}
	out.Payment.Raw = raw
	return out, nil
}
