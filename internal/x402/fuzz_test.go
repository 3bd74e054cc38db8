package x402_test

import (
	"encoding/base64"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// FuzzDecodePaymentHeader: any header either decodes or fails with a
// reason code, never panics; whatever decodes re-encodes and decodes again.
func FuzzDecodePaymentHeader(f *testing.F) {
	vec := x402test.LoadVectors(f)
	f.Add(vec.EIP3009[0].PaymentSignatureHeader)
	f.Add(vec.Permit2[0].PaymentSignatureHeader)
	f.Add(base64.StdEncoding.EncodeToString([]byte(`{"x402Version":1,"scheme":"exact","network":"base","payload":{}}`)))
	f.Add("")
	f.Add("e30=")
	f.Fuzz(func(t *testing.T, h string) {
		p, err := x402.DecodePaymentHeader(h)
		if err != nil {
			if reasonOf(err) == "" {
				t.Fatalf("error without a reason code: %v", err)
			}
			return
		}
		enc, err := x402.EncodePaymentHeader(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := x402.DecodePaymentHeader(enc); err != nil {
			t.Fatalf("re-encoded header does not decode: %v", err)
		}
	})
}

// FuzzVerify: arbitrary payload JSON against fixed requirements gets a
// verdict with a reason code, never a panic.
func FuzzVerify(f *testing.F) {
	vec := x402test.LoadVectors(f)
	f.Add([]byte(vec.EIP3009[0].PaymentPayload))
	f.Add([]byte(vec.Permit2[0].PaymentPayload))
	f.Add([]byte(`{"x402Version":2,"accepted":{"scheme":"exact","network":"eip155:84532"},"payload":{"authorization":{}}}`))
	f.Add([]byte(`{"x402Version":2,"accepted":{"scheme":"exact","network":"eip155:84532"},"payload":{"permit2Authorization":{"permitted":{}},"signature":"0x"},"extensions":{"eip2612GasSponsoring":{"info":{}}}}`))
	v := x402.NewVerifier(x402.VerifierOptions{Now: func() time.Time { return time.Unix(1_900_000_000, 0) }})
	req3009, reqP2 := vec.Requirements.EIP3009, vec.Requirements.Permit2
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := x402.DecodePaymentPayload(b)
		if err != nil {
			return
		}
		for _, req := range []x402.PaymentRequirements{req3009, reqP2} {
			pay, verr := v.Verify(p, &req)
			if verr == nil && (pay == nil || pay.Amount == nil || len(pay.Signature) != 65) {
				t.Fatalf("valid verdict without a complete payment: %+v", pay)
			}
			if verr != nil && verr.Reason == "" {
				t.Fatal("failure without a reason")
			}
		}
	})
}

// FuzzParseFacilitatorRequest covers the /verify and /settle body decoder.
func FuzzParseFacilitatorRequest(f *testing.F) {
	f.Add([]byte(`{"x402Version":2,"paymentPayload":{"x402Version":2,"payload":{}},"paymentRequirements":{}}`))
	f.Add([]byte(`{"x402Version":1,"paymentPayload":{"x402Version":1,"scheme":"exact","network":"base","payload":{}},"paymentRequirements":{"network":"base"}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _, err := x402.ParseFacilitatorRequest(b)
		if err != nil && reasonOf(err) == "" {
			t.Fatalf("error without a reason code: %v", err)
		}
	})
}

// FuzzParseAmount: a parsed price formats back to the same value.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"0.001", "1", "abc", "-1", "1.0000001", ".5"} {
		f.Add(s, uint8(6))
	}
	f.Fuzz(func(t *testing.T, s string, dec uint8) {
		dec %= 40
		v, err := x402.ParseAmount(s, dec)
		if err != nil {
			return
		}
		back, err := x402.ParseAmount(x402.FormatAmount(v, dec), dec)
		if err != nil || back.Cmp(v) != 0 {
			t.Fatalf("%q → %s → %s, %v", s, v, x402.FormatAmount(v, dec), err)
		}
	})
}
