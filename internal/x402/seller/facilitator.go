package seller

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/obol-dev/obol/internal/x402"
)

// Facilitator verifies and settles payments for the seller. The normal
// implementation is HTTPFacilitator (a remote facilitator, or the embedded
// one on its loopback listener); the seller never signs anything itself.
type Facilitator interface {
	// Verify answers whether the payment is valid now. An error means the
	// facilitator could not answer (the seller replies 503); an invalid
	// payment is a response with IsValid false.
	Verify(ctx context.Context, req *FacilitatorRequest) (*x402.VerifyResponse, error)
	// Settle submits the payment. A response may carry a transaction even
	// when Success is false (pending or failed after broadcast).
	Settle(ctx context.Context, req *FacilitatorRequest) (*x402.SettleResponse, error)
}

// FacilitatorRequest is one payment for one requirement.
type FacilitatorRequest struct {
	Payload      *x402.PaymentPayload // decoded; X402Version 1 for v1 payloads
	Requirements x402.PaymentRequirements
	Resource     x402.ResourceInfo // for the v1 requirement shape, which carries it
}

// ErrFacilitatorUnavailable is returned when the facilitator cannot be
// reached or answers with something other than a verify/settle result.
var ErrFacilitatorUnavailable = errors.New("facilitator unavailable")

// HTTPFacilitatorOptions configure an HTTPFacilitator.
type HTTPFacilitatorOptions struct {
	// URL is the facilitator's base URL; /verify and /settle are appended.
	URL string
	// Client defaults to a client with its own transport (keep-alive pool
	// sized for concurrent buyers).
	Client *http.Client
	// VerifyTimeout (default 5 s) and SettleTimeout (default 60 s: a
	// settlement waits for its receipt) bound each call.
	VerifyTimeout, SettleTimeout time.Duration
	// Header is added to every call (e.g. Authorization for a hosted facilitator).
	Header http.Header
}

// HTTPFacilitator is the Facilitator over the x402 facilitator HTTP API.
type HTTPFacilitator struct {
	verifyURL, settleURL string
	client               *http.Client
	verifyTimeout        time.Duration
	settleTimeout        time.Duration
	header               http.Header
}

const maxFacilitatorAnswer = 64 << 10

// NewHTTPFacilitator validates opts and returns a client.
func NewHTTPFacilitator(opts HTTPFacilitatorOptions) (*HTTPFacilitator, error) {
	u, err := url.Parse(opts.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("parse facilitator URL %q: want http(s)://host[:port][/base]", opts.URL)
	}
	base := strings.TrimSuffix(u.String(), "/")
	if opts.Client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 256, 256
		opts.Client = &http.Client{Transport: tr}
	}
	if opts.VerifyTimeout <= 0 {
		opts.VerifyTimeout = 5 * time.Second
	}
	if opts.SettleTimeout <= 0 {
		opts.SettleTimeout = 60 * time.Second
	}
	return &HTTPFacilitator{verifyURL: base + "/verify", settleURL: base + "/settle", client: opts.Client,
		verifyTimeout: opts.VerifyTimeout, settleTimeout: opts.SettleTimeout, header: opts.Header.Clone()}, nil
}

// Verify calls POST /verify.
func (f *HTTPFacilitator) Verify(ctx context.Context, req *FacilitatorRequest) (*x402.VerifyResponse, error) {
	var out x402.VerifyResponse
	status, err := f.call(ctx, f.verifyURL, f.verifyTimeout, req, &out)
	if err != nil {
		return nil, err
	}
	// A facilitator may answer an invalid payment with 4xx; it is still an
	// answer as long as it names a reason.
	if status != http.StatusOK && (out.IsValid || out.InvalidReason == "") {
		return nil, fmt.Errorf("verify payment: %w: HTTP %d", ErrFacilitatorUnavailable, status)
	}
	return &out, nil
}

// Settle calls POST /settle.
func (f *HTTPFacilitator) Settle(ctx context.Context, req *FacilitatorRequest) (*x402.SettleResponse, error) {
	var out x402.SettleResponse
	status, err := f.call(ctx, f.settleURL, f.settleTimeout, req, &out)
	if err != nil {
		return nil, err
	}
	if status != http.StatusOK && out.Transaction == "" && out.ErrorReason == "" {
		return nil, fmt.Errorf("settle payment: %w: HTTP %d", ErrFacilitatorUnavailable, status)
	}
	if status != http.StatusOK {
		out.Success = false
	}
	return &out, nil
}

func (f *HTTPFacilitator) call(ctx context.Context, u string, timeout time.Duration, req *FacilitatorRequest, out any) (int, error) {
	body, err := encodeFacilitatorRequest(req)
	if err != nil {
		return 0, err
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return 0, fmt.Errorf("build facilitator request: %w", err)
	}
	for k, v := range f.header {
		hr.Header[k] = v
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := f.client.Do(hr)
	if err != nil {
		return 0, fmt.Errorf("call facilitator: %w: %w", ErrFacilitatorUnavailable, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxFacilitatorAnswer+1))
	if err != nil || len(b) > maxFacilitatorAnswer {
		return 0, fmt.Errorf("read facilitator answer: %w (HTTP %d, %d bytes, err %v)", ErrFacilitatorUnavailable, resp.StatusCode, len(b), err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		if resp.StatusCode == http.StatusOK {
			return 0, fmt.Errorf("decode facilitator answer: %w: %w", ErrFacilitatorUnavailable, err)
		}
		// A non-JSON error page: the status is all we have.
		return resp.StatusCode, nil
	}
	return resp.StatusCode, nil
}

// encodeFacilitatorRequest builds {x402Version, paymentPayload,
// paymentRequirements} in the payload's own version: a v1 payment goes out
// in the v1 shapes (network names, maxAmountRequired, resource per
// requirement), which is what a v1-speaking facilitator checks it against.
func encodeFacilitatorRequest(req *FacilitatorRequest) ([]byte, error) {
	p := req.Payload
	var payload, reqs any
	if p.X402Version == x402.V1 {
		name := req.Requirements.Network
		if n, ok := x402.LookupNetwork(name); ok {
			name = n.Name
		}
		payload = x402.PaymentPayloadV1{X402Version: x402.V1, Scheme: p.Accepted.Scheme, Network: name, Payload: p.Payload}
		q := req.Requirements
		reqs = x402.PaymentRequirementsV1{Scheme: q.Scheme, Network: name, MaxAmountRequired: q.Amount,
			Resource: req.Resource.URL, Description: req.Resource.Description, MimeType: req.Resource.MimeType,
			PayTo: q.PayTo, MaxTimeoutSeconds: q.MaxTimeoutSeconds, Asset: q.Asset, Extra: q.Extra}
	} else {
		payload, reqs = p, req.Requirements
	}
	body, err := json.Marshal(struct {
		X402Version         int `json:"x402Version"`
		PaymentPayload      any `json:"paymentPayload"`
		PaymentRequirements any `json:"paymentRequirements"`
	}{p.X402Version, payload, reqs})
	if err != nil {
		return nil, fmt.Errorf("encode facilitator request: %w", err)
	}
	return body, nil
}
