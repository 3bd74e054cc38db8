package purchase

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/x402"
)

var usdcAccept = x402.PaymentRequirements{Scheme: "exact", Network: "eip155:1337", Asset: "0x036CbD53842c5426634e7929541eC2318f3dCF7e",
	Amount: "1000", PayTo: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", MaxTimeoutSeconds: 300,
	Extra: map[string]any{"name": "USDC", "version": "2", "assetTransferMethod": "eip3009"}}

func headerOf(t *testing.T, v any) http.Header {
	t.Helper()
	s, err := x402.EncodeHeader(v)
	if err != nil {
		t.Fatal(err)
	}
	return http.Header{"Payment-Required": []string{s}}
}

func TestParseChallenge(t *testing.T) {
	v2 := x402.PaymentRequired{X402Version: 2, Error: "pay", Accepts: []x402.PaymentRequirements{usdcAccept}}
	v2body, _ := json.Marshal(v2)
	v1body := `{"x402Version":1,"accepts":[{"scheme":"exact","network":"devnet","maxAmountRequired":"1000","resource":"http://x","payTo":"0x70997970C51812dc3A010C7d01b50e0d17dc79C8","asset":"0x036CbD53842c5426634e7929541eC2318f3dCF7e","maxTimeoutSeconds":300}]}`
	tests := []struct {
		name    string
		h       http.Header
		body    string
		want    string // accepts[0].Network, amount
		wantErr string
	}{
		{name: "v2 header", h: headerOf(t, v2), want: "eip155:1337 1000"},
		{name: "v2 body", body: string(v2body), want: "eip155:1337 1000"},
		{name: "v1 body names the network", body: v1body, want: "eip155:1337 1000"},
		{name: "header wins over body", h: headerOf(t, v2), body: "garbage", want: "eip155:1337 1000"},
		{name: "empty", wantErr: "empty body"},
		{name: "not json", body: "<html>", wantErr: "not x402 JSON"},
		{name: "version 3", body: `{"x402Version":3,"accepts":[]}`, wantErr: "x402Version 3"},
		{name: "no accepts", body: `{"x402Version":2,"accepts":[]}`, wantErr: "accepts[] is empty"},
		{name: "accepts wrong type", body: `{"x402Version":2,"accepts":{}}`, wantErr: "v2 body"},
		{name: "v1 unknown network", body: strings.Replace(v1body, "devnet", "moon", 1), wantErr: "moon"},
		{name: "bad header", h: http.Header{"Payment-Required": []string{"!!"}}, wantErr: "PAYMENT-REQUIRED"},
		{name: "header v1", h: headerOf(t, map[string]any{"x402Version": 1, "accepts": []any{}}), wantErr: "PAYMENT-REQUIRED"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := tc.h
			if h == nil {
				h = http.Header{}
			}
			pr, err := ParseChallenge(h, []byte(tc.body))
			if tc.wantErr != "" {
				if err == nil || !errors.Is(err, ErrMalformedChallenge) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want ErrMalformedChallenge with %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := pr.Accepts[0].Network + " " + pr.Accepts[0].Amount; got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func FuzzParseChallenge(f *testing.F) {
	v2, _ := json.Marshal(x402.PaymentRequired{X402Version: 2, Accepts: []x402.PaymentRequirements{usdcAccept}})
	f.Add("", string(v2))
	f.Add("", `{"x402Version":1,"accepts":[{"network":"base"}]}`)
	h, _ := x402.EncodeHeader(x402.PaymentRequired{X402Version: 2, Accepts: []x402.PaymentRequirements{usdcAccept}})
	f.Add(h, "")
	f.Add("e30=", "{}")
	f.Fuzz(func(t *testing.T, header, body string) {
		hd := http.Header{}
		if header != "" {
			hd.Set(x402.HeaderPaymentRequired, header)
		}
		pr, err := ParseChallenge(hd, []byte(body))
		if err != nil {
			if !errors.Is(err, ErrMalformedChallenge) {
				t.Fatalf("error %v is not ErrMalformedChallenge", err)
			}
			return
		}
		if len(pr.Accepts) == 0 {
			t.Fatal("a parsed challenge has no accepts")
		}
	})
}

func TestProbe(t *testing.T) {
	challenge, _ := json.Marshal(x402.PaymentRequired{X402Version: 2, Accepts: []x402.PaymentRequirements{usdcAccept}})
	tests := []struct {
		name    string
		handler http.HandlerFunc
		wantErr error
	}{
		{"payment gated", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path != "/services/q/v1/chat/completions" || r.Method != http.MethodPost {
				http.Error(w, "wrong path "+r.URL.Path, 404)
				return
			}
			w.WriteHeader(402)
			_, _ = w.Write(challenge)
		}, nil},
		{"free endpoint", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte(`{}`)) }, ErrNotPaymentGated},
		{"server error", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) }, ErrProbe},
		{"malformed 402", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(402) }, ErrMalformedChallenge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(tc.handler)
			defer srv.Close()
			pr, err := Probe(context.Background(), srv.Client(), srv.URL+"/services/q", "qwen")
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("err %v, want %v", err, tc.wantErr)
			}
			if err == nil {
				if diff := cmp.Diff(usdcAccept, pr.Accepts[0]); diff != "" {
					t.Errorf("accepts (-want +got):\n%s", diff)
				}
			}
		})
	}
	t.Run("unreachable", func(t *testing.T) {
		srv := httptest.NewServer(http.NotFoundHandler())
		srv.Close()
		if _, err := Probe(context.Background(), http.DefaultClient, srv.URL, "q"); !errors.Is(err, ErrProbe) {
			t.Fatalf("err %v, want ErrProbe", err)
		}
	})
}

func TestChatURL(t *testing.T) {
	for in, want := range map[string]string{
		"http://s/services/q":                     "http://s/services/q/v1/chat/completions",
		"http://s/services/q/":                    "http://s/services/q/v1/chat/completions",
		"http://s/services/q/v1/chat/completions": "http://s/services/q/v1/chat/completions",
	} {
		if got := ChatURL(in); got != want {
			t.Errorf("ChatURL(%s) = %s, want %s", in, got, want)
		}
	}
}
