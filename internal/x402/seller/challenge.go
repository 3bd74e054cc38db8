package seller

import (
	"encoding/json"
	"html/template"
	"math/big"
	"net/http"
	"strings"

	"github.com/obol-dev/obol/internal/x402"
)

// challengeBody is the 402 JSON body: the v2 PaymentRequired object, plus a
// human message when a payment was refused (the PAYMENT-REQUIRED header
// carries the PaymentRequired object alone).
type challengeBody struct {
	x402.PaymentRequired
	InvalidMessage string `json:"invalidMessage,omitempty"`
}

const msgPaymentRequired = "Payment required for this resource"

func (s *Seller) paymentRequired(rt *Route, r *http.Request, errText string) x402.PaymentRequired {
	pr := x402.PaymentRequired{
		X402Version: x402.V2,
		Error:       errText,
		Resource:    &x402.ResourceInfo{URL: s.resourceURL(rt, r), Description: rt.Description, MimeType: rt.MimeType},
		Accepts:     make([]x402.PaymentRequirements, len(rt.Accepts)),
		Extensions:  rt.Extensions,
	}
	for i := range rt.Accepts {
		pr.Accepts[i] = rt.Accepts[i].Requirements
	}
	return pr
}

// resourceURL is the configured URL of the offer, else the URL the client
// used (scheme from TLS or a trusted proxy's X-Forwarded-Proto).
func (s *Seller) resourceURL(rt *Route, r *http.Request) string {
	if rt.ResourceURL != "" {
		return rt.ResourceURL
	}
	if s.publicURL != "" {
		return s.publicURL + r.URL.Path
	}
	scheme := "http"
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		scheme = "https"
	}
	return scheme + "://" + r.Host + r.URL.Path
}

// writeChallenge answers 402 with the JSON body and PAYMENT-REQUIRED, or
// the HTML paywall when a browser asks for HTML.
func (s *Seller) writeChallenge(w http.ResponseWriter, r *http.Request, rt *Route, reason x402.Reason, msg string) {
	errText := msgPaymentRequired
	if reason != "" {
		errText = string(reason)
	}
	pr := s.paymentRequired(rt, r, errText)
	hdr, err := x402.EncodeHeader(pr)
	if err != nil {
		s.log.Error("encode PAYMENT-REQUIRED", "err", err)
		writeError(w, http.StatusInternalServerError, "internal_error", "could not build the payment challenge")
		return
	}
	w.Header().Set(x402.HeaderPaymentRequired, hdr)
	if wantsHTML(r) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusPaymentRequired)
		_ = paywall.Execute(w, paywallData(rt, pr, msg))
		return
	}
	writeJSON(w, http.StatusPaymentRequired, challengeBody{PaymentRequired: pr, InvalidMessage: msg})
}

// wantsHTML is true when the client prefers text/html to JSON, as a browser
// does; API clients (no Accept, */*, application/json) get JSON.
func wantsHTML(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept"), ",") {
		mt, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		switch strings.ToLower(strings.TrimSpace(mt)) {
		case "text/html", "application/xhtml+xml":
			return true
		case "application/json", "text/event-stream":
			return false
		}
	}
	return false
}

type paywallOption struct {
	Price, Symbol, Network, Method, PayTo, Asset string
}

type paywallView struct {
	Title, Description, URL, Message string
	Options                          []paywallOption
	JSON                             string
}

func paywallData(rt *Route, pr x402.PaymentRequired, msg string) paywallView {
	v := paywallView{Title: rt.Name, Description: rt.Description, URL: pr.Resource.URL, Message: msg}
	for _, a := range rt.Accepts {
		q := a.Requirements
		amt, _ := new(big.Int).SetString(q.Amount, 10)
		price, sym := x402.FormatAmount(amt, a.AssetDecimals), a.AssetSymbol
		if sym == "" {
			price, sym = q.Amount, "atomic units of "+q.Asset
		}
		net := a.Chain
		if net == "" {
			net = q.Network
		}
		v.Options = append(v.Options, paywallOption{Price: price, Symbol: sym, Network: net + " (" + q.Network + ")",
			Method: q.TransferMethod(), PayTo: q.PayTo, Asset: q.Asset})
	}
	b, _ := json.MarshalIndent(pr, "", "  ")
	v.JSON = string(b)
	return v
}

var paywall = template.Must(template.New("paywall").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Payment required: {{.Title}}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
code,pre{background:#f4f4f4;padding:.1rem .3rem}pre{padding:.6rem;overflow:auto}.err{color:#a00}</style></head>
<body><h1>402 Payment required</h1>
<p><strong>{{.Title}}</strong>{{if .Description}}: {{.Description}}{{end}}</p>
{{if .Message}}<p class="err">Your payment was refused: {{.Message}}</p>{{end}}
<p>This endpoint is paid per request with the <a href="https://x402.org">x402</a> protocol.
Use an x402 client (for example <code>@x402/fetch</code>, or <code>obol buy</code>) to pay and call
<code>{{.URL}}</code>.</p>
<table><tr><th>Price</th><th>Network</th><th>Transfer</th><th>Pay to</th></tr>
{{range .Options}}<tr><td>{{.Price}} {{.Symbol}}</td><td>{{.Network}}</td><td>{{.Method}}</td><td><code>{{.PayTo}}</code></td></tr>
{{end}}</table>
<h2>Machine-readable challenge</h2><pre>{{.JSON}}</pre>
</body></html>
`))

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeError answers in the project's JSON error shape (httpx).
func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]string{"code": code, "message": msg}})
}
