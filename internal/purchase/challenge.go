package purchase

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/obol-dev/obol/internal/x402"
)

// MaxChallengeBytes bounds how much of a 402 body is read: real ones are a
// few KB, and a seller must not be able to make the buyer buffer more.
const MaxChallengeBytes = 256 << 10

// Errors of the probe, checked with errors.Is. Each maps to a reason of the
// Probed condition.
var (
	// ErrProbe means the seller could not be reached or answered nonsense.
	ErrProbe = errors.New("probe failed")
	// ErrNotPaymentGated means the endpoint answered without asking for payment.
	ErrNotPaymentGated = errors.New("endpoint is not payment-gated")
	// ErrMalformedChallenge means a 402 that is not a usable x402 challenge.
	ErrMalformedChallenge = errors.New("malformed 402 challenge")
)

// ParseChallenge decodes a seller's 402: the PAYMENT-REQUIRED header (v2)
// when present, else the JSON body (v2, or v1 converted to the v2 shape).
// The result has at least one accepts[] entry with CAIP-2 networks.
func ParseChallenge(h http.Header, body []byte) (*x402.PaymentRequired, error) {
	if v := h.Get(x402.HeaderPaymentRequired); v != "" {
		pr, err := x402.DecodePaymentRequiredHeader(v)
		if err != nil {
			return nil, fmt.Errorf("%w: PAYMENT-REQUIRED header: %v", ErrMalformedChallenge, err)
		}
		return checkChallenge(pr)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("%w: no PAYMENT-REQUIRED header and an empty body", ErrMalformedChallenge)
	}
	var probe struct {
		X402Version int `json:"x402Version"`
	}
	if err := json.Unmarshal(body, &probe); err != nil {
		return nil, fmt.Errorf("%w: body is not x402 JSON: %v", ErrMalformedChallenge, err)
	}
	switch probe.X402Version {
	case x402.V2:
		var pr x402.PaymentRequired
		if err := json.Unmarshal(body, &pr); err != nil {
			return nil, fmt.Errorf("%w: v2 body: %v", ErrMalformedChallenge, err)
		}
		return checkChallenge(&pr)
	case x402.V1:
		var p1 x402.PaymentRequiredV1
		if err := json.Unmarshal(body, &p1); err != nil {
			return nil, fmt.Errorf("%w: v1 body: %v", ErrMalformedChallenge, err)
		}
		pr := &x402.PaymentRequired{X402Version: x402.V1, Error: p1.Error}
		for i := range p1.Accepts {
			r, err := p1.Accepts[i].ToV2()
			if err != nil {
				return nil, fmt.Errorf("%w: accepts[%d]: %v", ErrMalformedChallenge, i, err)
			}
			pr.Accepts = append(pr.Accepts, r)
		}
		return checkChallenge(pr)
	default:
		return nil, fmt.Errorf("%w: x402Version %d (want 1 or 2)", ErrMalformedChallenge, probe.X402Version)
	}
}

func checkChallenge(pr *x402.PaymentRequired) (*x402.PaymentRequired, error) {
	if len(pr.Accepts) == 0 {
		return nil, fmt.Errorf("%w: accepts[] is empty", ErrMalformedChallenge)
	}
	for i := range pr.Accepts {
		pr.Accepts[i].Network = NormalizeNetwork(pr.Accepts[i].Network)
	}
	return pr, nil
}

// ChatURL is where a model offer takes chat completions: the offer URL
// with /v1/chat/completions appended (unless it is already there).
func ChatURL(endpoint string) string {
	e := strings.TrimRight(endpoint, "/")
	if strings.HasSuffix(e, "/chat/completions") {
		return e
	}
	return e + "/v1/chat/completions"
}

// Probe asks the seller's offer for its price without paying: a one-token
// chat completion for model, which a paid offer answers with a 402. The
// errors are ErrProbe (unreachable, or an answer that is neither 402 nor a
// success), ErrNotPaymentGated and ErrMalformedChallenge.
func Probe(ctx context.Context, client *http.Client, endpoint, model string) (*x402.PaymentRequired, error) {
	body, err := json.Marshal(map[string]any{"model": model, "max_tokens": 1,
		"messages": []map[string]string{{"role": "user", "content": "ping"}}})
	if err != nil {
		return nil, fmt.Errorf("%w: encode request: %v", ErrProbe, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ChatURL(endpoint), bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrProbe, err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %s unreachable: %v", ErrProbe, endpoint, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxChallengeBytes))
	if err != nil {
		return nil, fmt.Errorf("%w: read answer of %s: %v", ErrProbe, endpoint, err)
	}
	switch {
	case resp.StatusCode == http.StatusPaymentRequired:
		return ParseChallenge(resp.Header, b)
	case resp.StatusCode < 400:
		return nil, fmt.Errorf("%w: %s answered %d without asking for payment", ErrNotPaymentGated, endpoint, resp.StatusCode)
	default:
		return nil, fmt.Errorf("%w: %s answered %d: %s", ErrProbe, endpoint, resp.StatusCode, snippet(b))
	}
}

// HTTPProber probes sellers over HTTP (the purchase reconciler's Prober).
type HTTPProber struct {
	// Client defaults to one with a 30 s timeout.
	Client *http.Client
}

// Probe implements the reconciler's Prober with Probe.
func (p HTTPProber) Probe(ctx context.Context, endpoint, model string) (*x402.PaymentRequired, error) {
	c := p.Client
	if c == nil {
		c = &http.Client{Timeout: 30 * time.Second}
	}
	return Probe(ctx, c, endpoint, model)
}

func snippet(b []byte) string {
	s := strings.TrimSpace(string(b))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
