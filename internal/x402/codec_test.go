package x402_test

import (
	"encoding/base64"
	"errors"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

func reasonOf(err error) x402.Reason {
	var xe *x402.Error
	if errors.As(err, &xe) {
		return xe.Reason
	}
	return ""
}

func TestDecodePaymentHeaderErrors(t *testing.T) {
	b64 := func(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }
	tests := []struct {
		name, header string
		want         x402.Reason
	}{
		{"empty", "", x402.ReasonInvalidPayload},
		{"not base64", "%%%", x402.ReasonInvalidPayload},
		{"url-safe base64", strings.NewReplacer("+", "-", "/", "_").Replace(b64(`{"x402Version":2,"payload":{"a":"???>>>"}}`)), x402.ReasonInvalidPayload},
		{"not json", b64("hello"), x402.ReasonInvalidPayload},
		{"json array", b64("[1,2]"), x402.ReasonInvalidPayload},
		{"no version", b64(`{"payload":{}}`), x402.ReasonInvalidX402Version},
		{"version 3", b64(`{"x402Version":3,"payload":{}}`), x402.ReasonInvalidX402Version},
		{"no payload", b64(`{"x402Version":2,"accepted":{}}`), x402.ReasonInvalidPayload},
		{"trailing data", b64(`{"x402Version":2,"payload":{}} {}`), x402.ReasonInvalidPayload},
		{"wrong field type", b64(`{"x402Version":2,"payload":{},"accepted":{"maxTimeoutSeconds":"x"}}`), x402.ReasonInvalidPayload},
		{"too big", strings.Repeat("A", x402.MaxHeaderBytes+4), x402.ReasonInvalidPayload},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := x402.DecodePaymentHeader(tt.header)
			if got := reasonOf(err); got != tt.want {
				t.Fatalf("reason %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestV1PayloadConvertsToV2(t *testing.T) {
	p := x402test.SignERC3009(t, x402test.Signer(t, "payer"), x402test.Requirements(t, "base-sepolia", "USDC", 10, x402test.Address(t, "s")), x402.SignOptions{})
	p.X402Version = x402.V1
	h, err := x402.EncodePaymentHeader(p)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := base64.StdEncoding.DecodeString(h)
	if !strings.Contains(string(raw), `"network":"base-sepolia"`) || strings.Contains(string(raw), "accepted") {
		t.Fatalf("v1 header is not in the v1 shape: %s", raw)
	}
	back, err := x402.DecodePaymentHeader(h)
	if err != nil {
		t.Fatal(err)
	}
	if back.X402Version != 1 || back.Accepted.Network != "eip155:84532" || back.Accepted.Scheme != "exact" {
		t.Fatalf("v1 decode: %+v", back.Accepted)
	}
}

func TestParseFacilitatorRequest(t *testing.T) {
	t.Run("v1 shape", func(t *testing.T) {
		body := `{"x402Version":1,"paymentPayload":{"x402Version":1,"scheme":"exact","network":"base","payload":{"signature":"0x"}},
		"paymentRequirements":{"scheme":"exact","network":"base","maxAmountRequired":"10","resource":"http://x","description":"","mimeType":"","payTo":"0x0000000000000000000000000000000000000001","maxTimeoutSeconds":60,"asset":"0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913"}}`
		p, r, err := x402.ParseFacilitatorRequest([]byte(body))
		if err != nil {
			t.Fatal(err)
		}
		want := x402.PaymentRequirements{Scheme: "exact", Network: "eip155:8453", Asset: "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913", Amount: "10",
			PayTo: "0x0000000000000000000000000000000000000001", MaxTimeoutSeconds: 60}
		if diff := cmp.Diff(want, *r); diff != "" || p.Accepted.Network != "eip155:8453" {
			t.Fatalf("requirements (-want +got):\n%s", diff)
		}
	})
	bad := []struct {
		name, body string
		want       x402.Reason
	}{
		{"not json", `{`, x402.ReasonInvalidPayload},
		{"payload as base64 string", `{"x402Version":2,"paymentPayload":"eyJ4IjoxfQ==","paymentRequirements":{}}`, x402.ReasonInvalidPayload},
		{"requirements missing", `{"x402Version":2,"paymentPayload":{"x402Version":2,"payload":{}}}`, x402.ReasonInvalidPaymentRequirements},
		{"version disagreement", `{"x402Version":1,"paymentPayload":{"x402Version":2,"payload":{}},"paymentRequirements":{}}`, x402.ReasonInvalidX402Version},
		{"unknown v1 network", `{"x402Version":1,"paymentPayload":{"x402Version":1,"scheme":"exact","network":"nowhere","payload":{}},"paymentRequirements":{"network":"nowhere"}}`, x402.ReasonInvalidNetwork},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := x402.ParseFacilitatorRequest([]byte(tt.body))
			if got := reasonOf(err); got != tt.want {
				t.Fatalf("reason %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestHeaderRoundTrips(t *testing.T) {
	pr := &x402.PaymentRequired{X402Version: 2, Error: "Payment required", Resource: &x402.ResourceInfo{URL: "http://x/y"},
		Accepts: []x402.PaymentRequirements{x402test.Requirements(t, "devnet", "OBOL", 5, x402test.Address(t, "s"))}}
	h, err := x402.EncodeHeader(pr)
	if err != nil {
		t.Fatal(err)
	}
	back, err := x402.DecodePaymentRequiredHeader(h)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pr, back); diff != "" {
		t.Fatalf("PAYMENT-REQUIRED round trip:\n%s", diff)
	}
	sr := &x402.SettleResponse{Success: true, Transaction: "0xabc", Network: "eip155:1337", Payer: "0x1"}
	h, _ = x402.EncodeHeader(sr)
	sback, err := x402.DecodePaymentResponseHeader(strings.TrimRight(h, "=")) // unpadded is accepted too
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(sr, sback); diff != "" {
		t.Fatalf("PAYMENT-RESPONSE round trip:\n%s", diff)
	}
}

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in   string
		dec  uint8
		want string
		err  string
	}{
		{"0.001", 6, "1000", ""},
		{"1", 6, "1000000", ""},
		{"1.", 6, "", "want digits"},
		{".5", 6, "500000", ""},
		{"0.000001", 6, "1", ""},
		{"0.0000010", 6, "1", ""},
		{"0.0000001", 6, "", "more than 6 decimal places"},
		{"1.5", 18, "1500000000000000000", ""},
		{"123456789.1234567891234567891", 18, "", "more than 18"},
		{"0", 6, "0", ""},
		{"abc", 6, "", "not a decimal digit"},
		{"-1", 6, "", "negative"},
		{"1e3", 6, "", "not a decimal digit"},
		{"", 6, "", "empty"},
		{"1.2.3", 6, "", "not a decimal digit"},
		{"+1", 6, "", "not a decimal digit"},
		{strings.Repeat("9", 80), 0, "", "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := x402.ParseAmount(tt.in, tt.dec)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want containing %q", err, tt.err)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("got %v, %v; want %s", got, err, tt.want)
			}
			if back, _ := x402.ParseAmount(x402.FormatAmount(got, tt.dec), tt.dec); back.Cmp(got) != 0 {
				t.Fatalf("FormatAmount does not round-trip: %s", x402.FormatAmount(got, tt.dec))
			}
		})
	}
	if s := x402.FormatAmount(big.NewInt(1000), 6); s != "0.001" {
		t.Fatalf("FormatAmount = %s", s)
	}
}

func TestRegistry(t *testing.T) {
	reg, err := x402.NewRegistry(x402.RegistryOptions{RPCURLs: map[string]string{"base-sepolia": "http://127.0.0.1:9"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"devnet", "eip155:1337", "DEV", "base-sepolia", "eip155:84532", "base", "mainnet", "eip155:1"} {
		if _, err := reg.Network(name); err != nil {
			t.Errorf("network %q: %v", name, err)
		}
	}
	if n, _ := reg.Network("basesepolia"); n.RPCURL != "http://127.0.0.1:9" || n.ChainID != 84532 {
		t.Fatalf("base-sepolia = %+v", n)
	}
	domains := map[string][2]string{"devnet": {"USDC", "2"}, "base-sepolia": {"USDC", "2"}, "base": {"USD Coin", "2"}, "ethereum": {"USD Coin", "2"}}
	for net, d := range domains {
		tok, err := reg.Token(net, "usdc")
		if err != nil || tok.EIP712Name != d[0] || tok.EIP712Version != d[1] || tok.Decimals != 6 || tok.TransferMethod != x402.TransferEIP3009 {
			t.Errorf("%s USDC = %+v, %v", net, tok, err)
		}
	}
	obol, err := reg.Token("devnet", "0x0a09371a8b011d5110656ceBCc70603e53FD2c78")
	if err != nil || obol.Symbol != "OBOL" || obol.Decimals != 18 || obol.TransferMethod != x402.TransferPermit2 {
		t.Fatalf("devnet OBOL = %+v, %v", obol, err)
	}
	if _, err := reg.Network("solana"); err == nil || !strings.Contains(err.Error(), "devnet") {
		t.Fatalf("unknown network error should list the known ones: %v", err)
	}
	if _, err := x402.NewRegistry(x402.RegistryOptions{RPCURLs: map[string]string{"nowhere": "x"}}); err == nil {
		t.Fatal("an RPC URL for an unknown network must be refused")
	}
	if _, err := x402.NewRegistry(x402.RegistryOptions{Networks: []x402.Network{{Name: "x", CAIP2: "eip155:5", ChainID: 6}}}); err == nil {
		t.Fatal("a chain id that disagrees with the CAIP-2 id must be refused")
	}
}

func TestCAIP2(t *testing.T) {
	for _, ok := range []string{"eip155:1", "eip155:84532", "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp"} {
		if _, err := x402.ParseCAIP2(ok); err != nil {
			t.Errorf("%s: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "eip155", "e:1", "EIP155:1", "eip155:", "eip155:a b"} {
		if _, err := x402.ParseCAIP2(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
	for _, bad := range []string{"eip155:0", "eip155:01", "eip155:x", "solana:abc"} {
		if _, err := x402.EVMChainID(bad); err == nil {
			t.Errorf("EVMChainID(%q) succeeded", bad)
		}
	}
}
