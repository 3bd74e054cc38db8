package x402

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strings"
)

// HTTP header names of the x402 transports (v2 first, v1 second).
const (
	HeaderPaymentRequired   = "PAYMENT-REQUIRED"
	HeaderPaymentSignature  = "PAYMENT-SIGNATURE"
	HeaderXPayment          = "X-PAYMENT"
	HeaderPaymentResponse   = "PAYMENT-RESPONSE"
	HeaderXPaymentResponse  = "X-PAYMENT-RESPONSE"
	MaxHeaderBytes          = 16 << 10 // far above any real payload (~1.1 KB), bounds the decoder's work
	maxFacilitatorBodyBytes = 64 << 10
)

// EncodeHeader is base64 (standard alphabet, padded) of v's JSON, the form of
// every x402 header.
func EncodeHeader(v any) (string, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode header: %w", err)
	}
	return base64.StdEncoding.EncodeToString(b), nil
}

// decodeBase64 accepts the standard alphabet with or without padding, as the
// official decoders do, and rejects URL-safe base64 like they do.
func decodeBase64(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fail(ReasonInvalidPayload, "empty header")
	}
	if len(s) > MaxHeaderBytes {
		return nil, fail(ReasonInvalidPayload, fmt.Sprintf("header is %d bytes, limit %d", len(s), MaxHeaderBytes))
	}
	enc := base64.StdEncoding
	if len(s)%4 != 0 {
		enc = base64.RawStdEncoding
	}
	b, err := enc.DecodeString(s)
	if err != nil {
		return nil, fail(ReasonInvalidPayload, "header is not standard base64: "+err.Error())
	}
	return b, nil
}

// strictUnmarshal decodes one JSON value; json.Unmarshal already refuses
// trailing data after it.
func strictUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }

// wirePayload is the union of the v1 and v2 payload shapes, so a payload is
// decoded in one pass whatever its version.
type wirePayload struct {
	X402Version *int                       `json:"x402Version"`
	Resource    *ResourceInfo              `json:"resource,omitempty"`
	Accepted    PaymentRequirements        `json:"accepted"`
	Scheme      string                     `json:"scheme"`
	Network     string                     `json:"network"`
	Payload     json.RawMessage            `json:"payload"`
	Extensions  map[string]json.RawMessage `json:"extensions,omitempty"`
}

// DecodePaymentHeader decodes a PAYMENT-SIGNATURE or X-PAYMENT header into a
// v2 payload; v1 payloads are converted (see DecodePaymentPayload).
func DecodePaymentHeader(h string) (*PaymentPayload, error) {
	b, err := decodeBase64(h)
	if err != nil {
		return nil, err
	}
	return DecodePaymentPayload(b)
}

// DecodePaymentPayload parses a payment payload's JSON. A v1 payload
// ({x402Version:1, scheme, network, payload}) comes back in the v2 shape
// with Accepted.Scheme and Accepted.Network (CAIP-2) filled and
// X402Version left at 1, so callers can tell.
func DecodePaymentPayload(b []byte) (*PaymentPayload, error) {
	var w wirePayload
	if err := json.Unmarshal(b, &w); err != nil {
		return nil, fail(ReasonInvalidPayload, "payment payload: "+err.Error())
	}
	if w.X402Version == nil {
		return nil, fail(ReasonInvalidX402Version, "x402Version is missing")
	}
	if v := *w.X402Version; v != V1 && v != V2 {
		return nil, fail(ReasonInvalidX402Version, fmt.Sprintf("x402Version %d is not supported (1 or 2)", v))
	}
	if len(w.Payload) == 0 || string(w.Payload) == "null" {
		return nil, fail(ReasonInvalidPayload, "payment payload has no payload")
	}
	if *w.X402Version == V2 {
		return &PaymentPayload{X402Version: V2, Resource: w.Resource, Accepted: w.Accepted, Payload: w.Payload, Extensions: w.Extensions}, nil
	}
	network := w.Network
	if n, ok := LookupNetwork(w.Network); ok {
		network = n.CAIP2
	}
	return &PaymentPayload{X402Version: V1, Accepted: PaymentRequirements{Scheme: w.Scheme, Network: network}, Payload: w.Payload}, nil
}

// EncodePaymentHeader encodes a payload for PAYMENT-SIGNATURE / X-PAYMENT,
// in the v1 shape when p.X402Version is 1.
func EncodePaymentHeader(p *PaymentPayload) (string, error) {
	if p.X402Version == V1 {
		n, ok := LookupNetwork(p.Accepted.Network)
		name := p.Accepted.Network
		if ok {
			name = n.Name
		}
		return EncodeHeader(PaymentPayloadV1{X402Version: V1, Scheme: p.Accepted.Scheme, Network: name, Payload: p.Payload})
	}
	return EncodeHeader(p)
}

// DecodePaymentRequiredHeader decodes a PAYMENT-REQUIRED header (v2).
func DecodePaymentRequiredHeader(h string) (*PaymentRequired, error) {
	b, err := decodeBase64(h)
	if err != nil {
		return nil, err
	}
	var pr PaymentRequired
	if err := strictUnmarshal(b, &pr); err != nil {
		return nil, fail(ReasonInvalidPayload, "payment required: "+err.Error())
	}
	if pr.X402Version != V2 {
		return nil, fail(ReasonInvalidX402Version, fmt.Sprintf("PAYMENT-REQUIRED has x402Version %d, want 2", pr.X402Version))
	}
	return &pr, nil
}

// DecodePaymentResponseHeader decodes a PAYMENT-RESPONSE or X-PAYMENT-RESPONSE header.
func DecodePaymentResponseHeader(h string) (*SettleResponse, error) {
	b, err := decodeBase64(h)
	if err != nil {
		return nil, err
	}
	var sr SettleResponse
	if err := strictUnmarshal(b, &sr); err != nil {
		return nil, fail(ReasonInvalidPayload, "payment response: "+err.Error())
	}
	return &sr, nil
}

// ParseFacilitatorRequest decodes a /verify or /settle body of either
// version into the v2 payload and requirements.
func ParseFacilitatorRequest(body []byte) (*PaymentPayload, *PaymentRequirements, error) {
	if len(body) > maxFacilitatorBodyBytes {
		return nil, nil, fail(ReasonInvalidPayload, fmt.Sprintf("request body is %d bytes, limit %d", len(body), maxFacilitatorBodyBytes))
	}
	var req FacilitatorRequest
	if err := strictUnmarshal(body, &req); err != nil {
		return nil, nil, fail(ReasonInvalidPayload, "request body: "+err.Error())
	}
	if len(req.PaymentPayload) == 0 || req.PaymentPayload[0] != '{' {
		return nil, nil, fail(ReasonInvalidPayload, "paymentPayload must be the decoded JSON object, not a string")
	}
	if len(req.PaymentRequirements) == 0 || req.PaymentRequirements[0] != '{' {
		return nil, nil, fail(ReasonInvalidPaymentRequirements, "paymentRequirements must be a JSON object")
	}
	p, err := DecodePaymentPayload(req.PaymentPayload)
	if err != nil {
		return nil, nil, err
	}
	if req.X402Version != 0 && req.X402Version != p.X402Version {
		return nil, nil, fail(ReasonInvalidX402Version, fmt.Sprintf("request x402Version %d differs from the payload's %d", req.X402Version, p.X402Version))
	}
	var r PaymentRequirements
	if p.X402Version == V1 {
		var r1 PaymentRequirementsV1
		if err := strictUnmarshal(req.PaymentRequirements, &r1); err != nil {
			return nil, nil, fail(ReasonInvalidPaymentRequirements, "v1 payment requirements: "+err.Error())
		}
		if r, err = r1.ToV2(); err != nil {
			return nil, nil, err
		}
	} else if err := strictUnmarshal(req.PaymentRequirements, &r); err != nil {
		return nil, nil, fail(ReasonInvalidPaymentRequirements, "payment requirements: "+err.Error())
	}
	return p, &r, nil
}
