package catalog

import (
	"fmt"
	"strings"

	"github.com/obol-dev/obol/api/v1alpha1"
)

// SkillMarkdown renders /skill.md: a catalog an LLM agent can read and act
// on without any other documentation.
func SkillMarkdown(in Input) []byte {
	ls, _ := in.listed()
	return skillMarkdown(&in, ls)
}

func skillMarkdown(in *Input, ls []listing) []byte {
	base := in.base()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s Service Catalog\n\n", oneLine(in.displayName()))
	if in.Tagline != "" {
		fmt.Fprintf(&b, "> %s\n>\n", oneLine(in.Tagline))
	}
	fmt.Fprintf(&b, "> Generated from %d ready ServiceOffer(s). Every service is paid per call with x402 micropayments.\n>\n", len(ls))
	fmt.Fprintf(&b, "> Machine-readable: [/openapi.json](%s/openapi.json) · [/api/services.json](%s/api/services.json) · [/.well-known/agent-registration.json](%s/.well-known/agent-registration.json)\n\n",
		base, base, base)
	writeHowToPay(&b, base)
	b.WriteString("## Services\n\n")
	if len(ls) == 0 {
		b.WriteString("**No services currently available.**\n")
		return []byte(b.String())
	}
	b.WriteString("| Service | Type | Model | Pay with | Status | Endpoint |\n")
	b.WriteString("|---------|------|-------|----------|--------|----------|\n")
	for _, l := range ls {
		o := l.offer
		model := modelName(o)
		if model == "" {
			model = "—"
		}
		status := "available"
		if l.drainEndsAt != "" {
			status = "draining · ends `" + l.drainEndsAt + "`"
		}
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s | %s | `%s` |\n",
			o.Name, o.Name, o.EffectiveType(), cell(model), cell(payWith(l.payments)), status, l.endpoint)
	}
	b.WriteString("\n## Service Details\n")
	for _, l := range ls {
		writeServiceDetails(&b, l)
	}
	return []byte(b.String())
}

func writeHowToPay(b *strings.Builder, base string) {
	b.WriteString("## How to pay (x402)\n\n")
	b.WriteString("1. Call the endpoint without payment. The answer is `402 Payment Required` with a JSON body (the same object is base64 in the `PAYMENT-REQUIRED` header) whose `accepts[]` lists every way to pay: `scheme`, `network` (CAIP-2), `amount` (atomic units), `asset`, `payTo`, `maxTimeoutSeconds` and `extra{name, version, assetTransferMethod}`.\n")
	b.WriteString("2. Pick one entry you can pay.\n")
	b.WriteString("3. Sign it: an EIP-3009 `TransferWithAuthorization` when `extra.assetTransferMethod` is `eip3009`, a Permit2 `PermitWitnessTransferFrom` when it is `permit2` (the token must be approved for Permit2 once). It is gasless for you: the facilitator submits the transfer.\n")
	b.WriteString("4. Retry the same request with the base64 x402 payment payload in the `PAYMENT-SIGNATURE` header (x402 v2) or `X-PAYMENT`.\n")
	b.WriteString("5. A successful answer is `200` with the settlement (its transaction hash) base64 in `PAYMENT-RESPONSE` and `X-PAYMENT-RESPONSE`. You are charged only when the service answered successfully.\n\n")
	fmt.Fprintf(b, "Every operation in [/openapi.json](%s/openapi.json) carries the same payment details under `x-payment-info`.\n\n", base)
}

func writeServiceDetails(b *strings.Builder, l listing) {
	o := l.offer
	fmt.Fprintf(b, "\n### %s\n\n", o.Name)
	fmt.Fprintf(b, "- **Endpoint**: `%s`\n", l.endpoint)
	method, callURL, body := callOf(l)
	if body != "" {
		fmt.Fprintf(b, "- **Call**: `%s %s` (OpenAI-compatible chat completions, `\"model\": %q`)\n", method, callURL, modelName(o))
	} else {
		fmt.Fprintf(b, "- **Call**: any method and path under `%s/`\n", l.endpoint)
	}
	fmt.Fprintf(b, "- **Type**: %s\n", o.EffectiveType())
	if m := modelName(o); m != "" {
		fmt.Fprintf(b, "- **Model**: %s\n", oneLine(m))
	}
	if len(l.payments) == 1 {
		fmt.Fprintf(b, "- **Payment**: %s\n", paymentLine(l.payments[0]))
	} else {
		b.WriteString("- **Payment options** (pick one):\n")
		for i, p := range l.payments {
			fmt.Fprintf(b, "  %d. %s\n", i+1, paymentLine(p))
		}
	}
	if l.drainEndsAt != "" {
		fmt.Fprintf(b, "- **Drain ends at**: %s (the service stops after this time)\n", l.drainEndsAt)
	}
	if l.pending {
		b.WriteString("- **Registration**: on-chain ERC-8004 registration pending\n")
	}
	fmt.Fprintf(b, "- **Description**: %s\n", oneLine(Description(o)))
	b.WriteString("\n#### Try it\n\n```bash\n# 1. Ask for the price: the answer is 402 with accepts[]\n")
	b.WriteString(curl(method, callURL, body, ""))
	b.WriteString("# 2. Sign one accepts[] entry (see How to pay) and retry with the payment\n")
	b.WriteString(curl(method, callURL, body, `"PAYMENT-SIGNATURE: $PAYMENT"`))
	b.WriteString("```\n")
}

// callOf is the request an agent makes: chat completions for inference,
// a GET of the offer root for http.
func callOf(l listing) (method, url, body string) {
	if l.offer.EffectiveType() == v1alpha1.OfferTypeInference {
		body = fmt.Sprintf(`{"model":%q,"messages":[{"role":"user","content":"Hello"}]}`, modelName(l.offer))
		return "POST", l.endpoint + "/v1/chat/completions", body
	}
	return "GET", l.endpoint + "/", ""
}

func curl(method, url, body, header string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "curl -i -X %s '%s'", method, url)
	if body != "" {
		fmt.Fprintf(&b, " \\\n  -H 'Content-Type: application/json' \\\n  -d '%s'", strings.ReplaceAll(body, "'", `'\''`))
	}
	if header != "" {
		fmt.Fprintf(&b, " \\\n  -H %s", header)
	}
	b.WriteString("\n")
	return b.String()
}

func payWith(ps []payment) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.Price + " on " + p.networkName
	}
	return strings.Join(parts, " · ")
}

func paymentLine(p payment) string {
	return fmt.Sprintf("%s on %s (`%s`), asset `%s` (%s, %d decimals), pay to `%s`, 402 amount per request `%s`",
		p.Price, p.networkName, p.CAIP2Network, p.Asset.Address, p.Asset.TransferMethod, p.Asset.Decimals, p.PayTo, p.requestAmount)
}

// oneLine keeps operator text from breaking the markdown structure.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cell escapes a table cell.
func cell(s string) string { return strings.ReplaceAll(oneLine(s), "|", `\|`) }
