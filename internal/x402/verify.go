package x402

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// TimeBuffer is how far in the future an authorization's end must lie when
// verified: it has to survive the trip to the chain (the reference
// facilitator uses 6 s).
const TimeBuffer = 6 * time.Second

// Payment is an exact-scheme payment that passed the local checks, parsed
// into what the chain needs.
type Payment struct {
	Method    string // TransferEIP3009 or TransferPermit2
	Network   string // CAIP-2
	ChainID   uint64
	Payer     common.Address
	Asset     common.Address
	PayTo     common.Address
	Amount    *big.Int
	Signature []byte // 65 bytes r‖s‖v, v in {27,28} (any length when ContractSigned)
	ERC3009   *ERC3009Message
	Permit2   *Permit2Message
	EIP2612   *EIP2612Permit // optional gas-sponsoring permit (Permit2 only)
	// ContractSigned: the signature does not ecrecover to the payer, whose
	// contract accepted it (EIP-1271, through VerifyWith's SignatureChecker).
	// ERC-3009 then settles through the `bytes signature` overload.
	ContractSigned bool
}

// EIP2612Permit is a parsed eip2612GasSponsoring extension.
type EIP2612Permit struct {
	Value, Deadline *big.Int
	V               uint8
	R, S            common.Hash
}

// Key identifies the authorization on chain: the same key can settle at most
// once (ERC-3009 nonces are per token and payer, Permit2 nonces per payer).
func (p *Payment) Key() string {
	var b strings.Builder
	b.WriteString(p.Method)
	b.WriteByte(':')
	b.WriteString(p.Network)
	b.WriteByte(':')
	if p.Method == TransferEIP3009 {
		b.WriteString(strings.ToLower(p.Asset.Hex()))
		b.WriteByte(':')
		b.WriteString(strings.ToLower(p.Payer.Hex()))
		b.WriteByte(':')
		b.WriteString(p.ERC3009.Nonce.Hex())
	} else {
		b.WriteString(strings.ToLower(p.Payer.Hex()))
		b.WriteByte(':')
		b.WriteString(p.Permit2.Nonce.String())
	}
	return b.String()
}

// VerifierOptions configure a Verifier.
type VerifierOptions struct {
	// Now is the clock for time windows; default time.Now.
	Now func() time.Time
}

// Verifier runs the local (chain-free) checks of the EVM exact scheme. It is
// safe for concurrent use.
type Verifier struct {
	now     func() time.Time
	domains DomainCache
}

// NewVerifier returns a Verifier.
func NewVerifier(opts VerifierOptions) *Verifier {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Verifier{now: opts.Now}
}

// SignatureChecker decides a signature that does not ecrecover to the payer:
// the facilitator asks the payer's contract (EIP-1271 isValidSignature of
// digest, the EIP-712 digest the token or Permit2 checks). valid false means
// not the payer's signature (the usual signature reason follows); a non-nil
// error means it could not tell (the chain did not answer), and is the
// answer. It is never called for a signature that recovers to the payer, so
// EOA payments never wait for it.
type SignatureChecker func(payer common.Address, digest common.Hash, sig []byte) (valid bool, err *Error)

// maxContractSignature bounds a signature handed to a SignatureChecker (a
// multisig's concatenated signatures, a wrapped passkey assertion, …).
const maxContractSignature = 4096

// eip6492Suffix ends an EIP-6492 signature (one for a wallet not deployed yet).
var eip6492Suffix = common.FromHex("0x6492649264926492649264926492649264926492649264926492649264926492")

// EIP6492Refusal is the message of the refusal of an EIP-6492 signature.
const EIP6492Refusal = "EIP-6492 counterfactual wallets are not supported: deploy the wallet first"

// Verify checks p against req without touching a chain: scheme, network,
// then for ERC-3009 recipient, exact amount, validBefore ≥ now+6 s,
// validAfter ≤ now, the EIP-712 domain, the signature (65 bytes, v 27/28,
// low s, recovers to from); for Permit2 spender, recipient, deadline,
// validAfter, amount, token, signature. When a signed field disagrees with
// req and the signature does not verify either, the payload was tampered
// with and the answer is the signature reason, as the official facilitator
// says. The error is always an *Error with a reason code; on error the
// Payment is still returned when the payer is known, so answers can name it.
// Only EOA signatures verify; see VerifyWith for contract payers.
func (v *Verifier) Verify(p *PaymentPayload, req *PaymentRequirements) (*Payment, *Error) {
	return v.VerifyWith(p, req, nil)
}

// VerifyWith is Verify that also accepts signatures of contract payers:
// when a signature does not ecrecover to the payer, check (when non-nil)
// decides. Every other check runs as in Verify and fails first; check is
// consulted only where Verify would answer with the signature reason (and,
// to tell a tampered payload from an authentic one, when a signed field
// disagrees with req). Signatures of other lengths than 65 bytes (up to 4
// KiB) are then accepted for check to decide. An EIP-6492 signature (a
// wallet not deployed yet) is refused either way.
func (v *Verifier) VerifyWith(p *PaymentPayload, req *PaymentRequirements, check SignatureChecker) (*Payment, *Error) {
	if p.Accepted.Scheme != SchemeExact || req.Scheme != SchemeExact {
		return nil, fail(ReasonExactScheme, "scheme must be exact")
	}
	if p.Accepted.Network != req.Network {
		return nil, fail(ReasonExactNetworkMismatch, "payload network "+p.Accepted.Network+" differs from required "+req.Network)
	}
	chainID, err := EVMChainID(req.Network)
	if err != nil {
		return nil, fail(ReasonInvalidNetwork, err.Error())
	}
	var ep ExactEVMPayload
	if err := json.Unmarshal(p.Payload, &ep); err != nil {
		return nil, fail(ReasonInvalidPayload, "exact payload: "+err.Error())
	}
	pay := &Payment{Network: req.Network, ChainID: chainID}
	if !common.IsHexAddress(req.PayTo) || !common.IsHexAddress(req.Asset) {
		return nil, fail(ReasonInvalidPaymentRequirements, "payTo and asset must be 0x addresses")
	}
	pay.PayTo, pay.Asset = common.HexToAddress(req.PayTo), common.HexToAddress(req.Asset)
	amount, ok := parseUint256(req.Amount)
	if !ok {
		return nil, fail(ReasonInvalidPaymentRequirements, "amount must be a decimal uint256")
	}
	pay.Amount = amount
	switch {
	case ep.Permit2Authorization != nil:
		return v.verifyPermit2(p, req, &ep, pay, check)
	case ep.Authorization != nil:
		return v.verifyERC3009(req, &ep, pay, check)
	default:
		return nil, fail(ReasonInvalidPayload, "exact payload has neither authorization nor permit2Authorization")
	}
}

func parseAddr(s string) (common.Address, bool) {
	if !common.IsHexAddress(s) {
		return common.Address{}, false
	}
	return common.HexToAddress(s), true
}

// parseSignature decodes a signature: 65 bytes, or with anyLength (a
// contract payer may sign otherwise) up to maxContractSignature bytes.
// EIP-6492 signatures are refused with a message saying so.
func parseSignature(s string, anyLength bool) ([]byte, *Error) {
	h := strings.TrimPrefix(s, "0x")
	if len(h) != 130 {
		if is6492Hex(h) {
			return nil, fail(ReasonExactSignature, EIP6492Refusal)
		}
		if !anyLength || len(h) == 0 || len(h)%2 != 0 || len(h) > 2*maxContractSignature {
			return nil, fail(ReasonExactSignature, "signature must be 65 bytes")
		}
	}
	b, err := hex.DecodeString(h)
	if err != nil {
		return nil, fail(ReasonExactFailedToParseSignature, "signature is not hex")
	}
	return b, nil
}

// is6492Hex reports whether the hex signature h ends with the EIP-6492 magic.
func is6492Hex(h string) bool {
	const n = 64 // hex digits of the 32-byte suffix
	if len(h) < n+2 {
		return false
	}
	suffix, err := hex.DecodeString(h[len(h)-n:])
	return err == nil && bytes.Equal(suffix, eip6492Suffix)
}

// signedBy reports whether sig is payer's signature of digest: an EOA
// signature that recovers to payer, else whatever check says (nil check:
// no). The EOA case never calls check.
func signedBy(payer common.Address, digest common.Hash, sig []byte, check SignatureChecker, pay *Payment) (bool, *Error) {
	if signer, ok := recoverSigner(digest, sig); ok && signer == payer {
		return true, nil
	}
	if check == nil {
		return false, nil
	}
	valid, err := check(payer, digest, sig)
	if valid && err == nil {
		pay.ContractSigned = true
		return true, nil
	}
	return false, err
}

// recoverSigner returns the address that signed digest. Only canonical
// signatures count: v 27/28 and s in the lower half of the curve order
// (a high-s twin of a valid signature is a malleability vector).
func recoverSigner(digest common.Hash, sig []byte) (common.Address, bool) {
	if len(sig) != 65 || (sig[64] != 27 && sig[64] != 28) {
		return common.Address{}, false
	}
	if bytes.Compare(sig[32:64], secp256k1HalfOrderB) > 0 {
		return common.Address{}, false
	}
	var rs [65]byte
	copy(rs[:], sig)
	rs[64] -= 27
	pub, err := crypto.Ecrecover(digest[:], rs[:])
	if err != nil || len(pub) != 65 {
		return common.Address{}, false
	}
	var a common.Address
	copy(a[:], crypto.Keccak256(pub[1:])[12:])
	return a, true
}

func (v *Verifier) verifyERC3009(req *PaymentRequirements, ep *ExactEVMPayload, pay *Payment, check SignatureChecker) (*Payment, *Error) {
	a := ep.Authorization
	m := &ERC3009Message{}
	var ok1, ok2, ok3, ok4, ok5 bool
	m.From, ok1 = parseAddr(a.From)
	m.To, ok2 = parseAddr(a.To)
	m.Value, ok3 = parseUint256(a.Value)
	m.ValidAfter, ok4 = parseUint256(a.ValidAfter)
	m.ValidBefore, ok5 = parseUint256(a.ValidBefore)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) {
		return nil, fail(ReasonInvalidPayload, "authorization fields must be 0x addresses and decimal uint256 strings")
	}
	nonce, err := hex.DecodeString(strings.TrimPrefix(a.Nonce, "0x"))
	if err != nil || len(nonce) != 32 {
		return nil, fail(ReasonInvalidPayload, "authorization nonce must be 32 bytes of 0x-hex")
	}
	copy(m.Nonce[:], nonce)
	pay.Method, pay.Payer, pay.ERC3009 = TransferEIP3009, m.From, m
	sig, perr := parseSignature(ep.Signature, check != nil)
	if perr != nil {
		return pay, perr
	}
	pay.Signature = sig
	name, version := req.ExtraString("name"), req.ExtraString("version")
	sigOK := func() (bool, *Error) {
		if name == "" || version == "" {
			return true, nil // cannot tell; the domain check reports it
		}
		sep := v.domains.Separator(Domain{Name: name, Version: version, ChainID: pay.ChainID, VerifyingContract: pay.Asset})
		return signedBy(m.From, m.Digest(sep), sig, check, pay)
	}
	now := v.now().Unix()
	var field *Error
	switch {
	case m.To != pay.PayTo:
		field = fail(ReasonExactRecipientMismatch, "authorization.to "+m.To.Hex()+" is not payTo "+pay.PayTo.Hex())
	case m.Value.Cmp(pay.Amount) != 0:
		field = fail(ReasonExactValueMismatch, "authorization.value "+m.Value.String()+" is not the required amount "+pay.Amount.String())
	case m.ValidBefore.Cmp(big.NewInt(now+int64(TimeBuffer/time.Second))) < 0:
		field = fail(ReasonExactValidBefore, "authorization expires (validBefore "+m.ValidBefore.String()+") before it could settle")
	case m.ValidAfter.Cmp(big.NewInt(now)) > 0:
		field = fail(ReasonExactValidAfter, "authorization is not valid yet (validAfter "+m.ValidAfter.String()+")")
	}
	if field != nil {
		// A checker that cannot tell leaves the field's reason: refused either way.
		if ok, cerr := sigOK(); !ok && cerr == nil {
			return pay, fail(ReasonExactSignature, "signature does not match the authorization")
		}
		pay.ContractSigned = false
		return pay, field
	}
	if name == "" || version == "" {
		return pay, fail(ReasonExactMissingEIP712Domain, "requirements.extra needs the token's EIP-712 name and version")
	}
	if ok, cerr := sigOK(); !ok {
		if cerr != nil {
			return pay, cerr
		}
		return pay, fail(ReasonExactSignature, "signature does not recover to authorization.from")
	}
	return pay, nil
}

func (v *Verifier) verifyPermit2(p *PaymentPayload, req *PaymentRequirements, ep *ExactEVMPayload, pay *Payment, check SignatureChecker) (*Payment, *Error) {
	a := ep.Permit2Authorization
	m := &Permit2Message{}
	var ok [8]bool
	m.Owner, ok[0] = parseAddr(a.From)
	m.Token, ok[1] = parseAddr(a.Permitted.Token)
	m.Amount, ok[2] = parseUint256(a.Permitted.Amount)
	m.Spender, ok[3] = parseAddr(a.Spender)
	m.Nonce, ok[4] = parseUint256(a.Nonce)
	m.Deadline, ok[5] = parseUint256(a.Deadline)
	m.WitnessTo, ok[6] = parseAddr(a.Witness.To)
	m.WitnessValidFrom, ok[7] = parseUint256(a.Witness.ValidAfter)
	for _, b := range ok {
		if !b {
			return nil, fail(ReasonInvalidPayload, "permit2Authorization fields must be 0x addresses and decimal uint256 strings")
		}
	}
	pay.Method, pay.Payer, pay.Permit2 = TransferPermit2, m.Owner, m
	sig, perr := parseSignature(ep.Signature, check != nil)
	if perr != nil {
		perr.Reason = ReasonPermit2InvalidSignature
		return pay, perr
	}
	pay.Signature = sig
	sigOK := func() (bool, *Error) {
		return signedBy(m.Owner, m.Digest(v.domains.Separator(Permit2Domain(pay.ChainID))), sig, check, pay)
	}
	now := v.now().Unix()
	var field *Error
	switch {
	case m.Spender != ExactPermit2Proxy:
		field = fail(ReasonPermit2InvalidSpender, "spender must be the x402 exact Permit2 proxy "+ExactPermit2Proxy.Hex())
	case m.WitnessTo != pay.PayTo:
		field = fail(ReasonPermit2RecipientMismatch, "witness.to "+m.WitnessTo.Hex()+" is not payTo "+pay.PayTo.Hex())
	case m.Deadline.Cmp(big.NewInt(now+int64(TimeBuffer/time.Second))) < 0:
		field = fail(ReasonPermit2DeadlineExpired, "permit deadline "+m.Deadline.String()+" passes before it could settle")
	case m.WitnessValidFrom.Cmp(big.NewInt(now)) > 0:
		field = fail(ReasonPermit2NotYetValid, "witness.validAfter "+m.WitnessValidFrom.String()+" is in the future")
	case m.Amount.Cmp(pay.Amount) != 0:
		field = fail(ReasonPermit2AmountMismatch, "permitted.amount "+m.Amount.String()+" is not the required amount "+pay.Amount.String())
	case m.Token != pay.Asset:
		field = fail(ReasonPermit2TokenMismatch, "permitted.token "+m.Token.Hex()+" is not the asset "+pay.Asset.Hex())
	}
	if field != nil {
		// A checker that cannot tell leaves the field's reason: refused either way.
		if ok, cerr := sigOK(); !ok && cerr == nil {
			return pay, fail(ReasonPermit2InvalidSignature, "signature does not match the permit")
		}
		pay.ContractSigned = false
		return pay, field
	}
	if ok, cerr := sigOK(); !ok {
		if cerr != nil {
			return pay, cerr
		}
		return pay, fail(ReasonPermit2InvalidSignature, "signature does not recover to permit2Authorization.from")
	}
	if raw, ok := p.Extensions[ExtensionEIP2612GasSponsoring]; ok {
		permit, err := v.parseEIP2612(raw, pay, now)
		if err != nil {
			return pay, err
		}
		pay.EIP2612 = permit
	}
	return pay, nil
}

func (v *Verifier) parseEIP2612(raw json.RawMessage, pay *Payment, now int64) (*EIP2612Permit, *Error) {
	var ext EIP2612Extension
	if err := json.Unmarshal(raw, &ext); err != nil {
		return nil, fail(ReasonEIP2612InvalidFormat, err.Error())
	}
	in := ext.Info
	from, ok1 := parseAddr(in.From)
	asset, ok2 := parseAddr(in.Asset)
	spender, ok3 := parseAddr(in.Spender)
	value, ok4 := parseUint256(in.Amount)
	deadline, ok5 := parseUint256(in.Deadline)
	sigHex := strings.TrimPrefix(in.Signature, "0x")
	sig, err := hex.DecodeString(sigHex)
	if !(ok1 && ok2 && ok3 && ok4 && ok5) || err != nil || len(sig) != 65 {
		return nil, fail(ReasonEIP2612InvalidFormat, "eip2612GasSponsoring.info needs addresses, decimal amount and deadline, and a 65-byte signature")
	}
	switch {
	case from != pay.Payer:
		return nil, fail(ReasonEIP2612FromMismatch, "permit owner is not the payer")
	case asset != pay.Asset:
		return nil, fail(ReasonEIP2612AssetMismatch, "permit asset is not the payment asset")
	case spender != Permit2Address:
		return nil, fail(ReasonEIP2612SpenderNotPermit, "permit spender must be Permit2")
	case deadline.Cmp(big.NewInt(now+int64(TimeBuffer/time.Second))) < 0:
		return nil, fail(ReasonEIP2612DeadlineExpired, "permit deadline has passed")
	case value.Cmp(pay.Permit2.Amount) != 0:
		return nil, fail(ReasonPermit2EIP2612Mismatch, "permit value must equal the permitted amount")
	}
	p := &EIP2612Permit{Value: value, Deadline: deadline, V: sig[64]}
	copy(p.R[:], sig[:32])
	copy(p.S[:], sig[32:64])
	return p, nil
}
