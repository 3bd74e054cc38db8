package x402

import (
	"encoding/json"
	"fmt"
)

// Protocol versions.
const (
	V1 = 1
	V2 = 2
)

// SchemeExact is the only payment scheme obol implements.
const SchemeExact = "exact"

// Asset transfer methods of the EVM exact scheme (PaymentRequirements.extra.assetTransferMethod).
const (
	TransferEIP3009 = "eip3009"
	TransferPermit2 = "permit2"
)

// Extension keys.
const (
	ExtensionEIP2612GasSponsoring = "eip2612GasSponsoring"
)

// ResourceInfo describes the paid resource (v2: top level of PaymentRequired).
type ResourceInfo struct {
	URL         string `json:"url"`
	Description string `json:"description,omitempty"`
	MimeType    string `json:"mimeType,omitempty"`
}

// PaymentRequirements is one acceptable way to pay (an `accepts[]` entry, v2).
type PaymentRequirements struct {
	Scheme            string         `json:"scheme"`
	Network           string         `json:"network"`
	Asset             string         `json:"asset"`
	Amount            string         `json:"amount"`
	PayTo             string         `json:"payTo"`
	MaxTimeoutSeconds int64          `json:"maxTimeoutSeconds"`
	Extra             map[string]any `json:"extra,omitempty"`
}

// ExtraString returns the string value of extra[key], "" when absent or not a string.
func (r *PaymentRequirements) ExtraString(key string) string {
	if r.Extra == nil {
		return ""
	}
	s, _ := r.Extra[key].(string)
	return s
}

// TransferMethod is extra.assetTransferMethod, defaulting to eip3009 as the spec says.
func (r *PaymentRequirements) TransferMethod() string {
	if m := r.ExtraString("assetTransferMethod"); m != "" {
		return m
	}
	return TransferEIP3009
}

// PaymentRequired is the v2 402 answer (JSON body and PAYMENT-REQUIRED header).
type PaymentRequired struct {
	X402Version int                        `json:"x402Version"`
	Error       string                     `json:"error,omitempty"`
	Resource    *ResourceInfo              `json:"resource,omitempty"`
	Accepts     []PaymentRequirements      `json:"accepts"`
	Extensions  map[string]json.RawMessage `json:"extensions,omitempty"`
}

// PaymentPayload is the v2 payment a client sends (PAYMENT-SIGNATURE / X-PAYMENT).
// Payload holds the scheme payload (see ExactEVMPayload) undecoded, so a
// payload is forwarded byte-for-byte to a facilitator.
type PaymentPayload struct {
	X402Version int                        `json:"x402Version"`
	Resource    *ResourceInfo              `json:"resource,omitempty"`
	Accepted    PaymentRequirements        `json:"accepted"`
	Payload     json.RawMessage            `json:"payload"`
	Extensions  map[string]json.RawMessage `json:"extensions,omitempty"`
}

// PaymentRequirementsV1 is a v1 `accepts[]` entry.
type PaymentRequirementsV1 struct {
	Scheme            string          `json:"scheme"`
	Network           string          `json:"network"`
	MaxAmountRequired string          `json:"maxAmountRequired"`
	Resource          string          `json:"resource"`
	Description       string          `json:"description"`
	MimeType          string          `json:"mimeType"`
	OutputSchema      json.RawMessage `json:"outputSchema,omitempty"`
	PayTo             string          `json:"payTo"`
	MaxTimeoutSeconds int64           `json:"maxTimeoutSeconds"`
	Asset             string          `json:"asset"`
	Extra             map[string]any  `json:"extra,omitempty"`
}

// PaymentRequiredV1 is the v1 402 body.
type PaymentRequiredV1 struct {
	X402Version int                     `json:"x402Version"`
	Error       string                  `json:"error,omitempty"`
	Accepts     []PaymentRequirementsV1 `json:"accepts"`
}

// PaymentPayloadV1 is the v1 payment: scheme and network at top level.
type PaymentPayloadV1 struct {
	X402Version int             `json:"x402Version"`
	Scheme      string          `json:"scheme"`
	Network     string          `json:"network"`
	Payload     json.RawMessage `json:"payload"`
}

// ToV2 converts v1 requirements to the v2 shape, mapping the network name to
// CAIP-2 (unknown names are an error: v1 had no other way to name a chain).
func (r *PaymentRequirementsV1) ToV2() (PaymentRequirements, error) {
	n, ok := LookupNetwork(r.Network)
	if !ok {
		return PaymentRequirements{}, fail(ReasonInvalidNetwork, fmt.Sprintf("unknown v1 network %q", r.Network))
	}
	return PaymentRequirements{
		Scheme: r.Scheme, Network: n.CAIP2, Asset: r.Asset, Amount: r.MaxAmountRequired,
		PayTo: r.PayTo, MaxTimeoutSeconds: r.MaxTimeoutSeconds, Extra: r.Extra,
	}, nil
}

// ExactEVMPayload is the `payload` of the EVM exact scheme: a signature and
// either an ERC-3009 authorization or a Permit2 authorization.
type ExactEVMPayload struct {
	Signature            string                `json:"signature"`
	Authorization        *EIP3009Authorization `json:"authorization,omitempty"`
	Permit2Authorization *Permit2Authorization `json:"permit2Authorization,omitempty"`
}

// EIP3009Authorization is a TransferWithAuthorization message; all values are
// strings on the wire (decimal integers, 0x-hex nonce).
type EIP3009Authorization struct {
	From        string `json:"from"`
	To          string `json:"to"`
	Value       string `json:"value"`
	ValidAfter  string `json:"validAfter"`
	ValidBefore string `json:"validBefore"`
	Nonce       string `json:"nonce"`
}

// Permit2Authorization is a PermitWitnessTransferFrom message with the x402
// witness; nonce is a decimal uint256.
type Permit2Authorization struct {
	From      string            `json:"from"`
	Permitted Permit2Permitted  `json:"permitted"`
	Spender   string            `json:"spender"`
	Nonce     string            `json:"nonce"`
	Deadline  string            `json:"deadline"`
	Witness   Permit2WitnessMsg `json:"witness"`
}

// Permit2Permitted is Permit2's TokenPermissions.
type Permit2Permitted struct {
	Token  string `json:"token"`
	Amount string `json:"amount"`
}

// Permit2WitnessMsg is the x402 witness: the recipient and the earliest time.
type Permit2WitnessMsg struct {
	To         string `json:"to"`
	ValidAfter string `json:"validAfter"`
}

// EIP2612Extension is the `eip2612GasSponsoring` extension entry a client adds
// so the facilitator can call the Permit2 proxy's settleWithPermit.
type EIP2612Extension struct {
	Info EIP2612Info `json:"info"`
}

// EIP2612Info is a signed EIP-2612 permit(owner=from, spender=Permit2).
type EIP2612Info struct {
	From      string `json:"from"`
	Asset     string `json:"asset"`
	Spender   string `json:"spender"`
	Amount    string `json:"amount"`
	Nonce     string `json:"nonce"`
	Deadline  string `json:"deadline"`
	Signature string `json:"signature"`
	Version   string `json:"version"`
}

// VerifyResponse is the facilitator's /verify answer.
type VerifyResponse struct {
	IsValid        bool   `json:"isValid"`
	InvalidReason  Reason `json:"invalidReason,omitempty"`
	InvalidMessage string `json:"invalidMessage,omitempty"`
	Payer          string `json:"payer,omitempty"`
}

// SettleResponse is the facilitator's /settle answer and the body of the
// PAYMENT-RESPONSE / X-PAYMENT-RESPONSE headers.
type SettleResponse struct {
	Success      bool   `json:"success"`
	ErrorReason  Reason `json:"errorReason,omitempty"`
	ErrorMessage string `json:"errorMessage,omitempty"`
	Payer        string `json:"payer,omitempty"`
	Transaction  string `json:"transaction"`
	Network      string `json:"network"`
	Amount       string `json:"amount,omitempty"`
}

// SupportedKind is one (version, scheme, network) a facilitator handles.
type SupportedKind struct {
	X402Version int            `json:"x402Version"`
	Scheme      string         `json:"scheme"`
	Network     string         `json:"network"`
	Extra       map[string]any `json:"extra,omitempty"`
}

// SupportedResponse is the facilitator's /supported answer.
type SupportedResponse struct {
	Kinds      []SupportedKind     `json:"kinds"`
	Extensions []string            `json:"extensions"`
	Signers    map[string][]string `json:"signers"`
}

// FacilitatorRequest is the body of /verify and /settle. The payload and the
// requirements stay raw until the version is known.
type FacilitatorRequest struct {
	X402Version         int             `json:"x402Version"`
	PaymentPayload      json.RawMessage `json:"paymentPayload"`
	PaymentRequirements json.RawMessage `json:"paymentRequirements"`
}
