package catalog

import (
	"strings"

	"github.com/obol-dev/obol/api/v1alpha1"
)

// OpenAPIDocument is /openapi.json; a struct so the top-level keys keep
// their conventional order.
type OpenAPIDocument struct {
	OpenAPI    string         `json:"openapi"`
	Info       map[string]any `json:"info"`
	Servers    []any          `json:"servers"`
	Tags       []any          `json:"tags"`
	Paths      map[string]any `json:"paths"`
	Components map[string]any `json:"components"`
}

// OpenAPI builds /openapi.json: OpenAPI 3.1 of the paid routes, each
// operation carrying its x402 payment details in x-payment-info (the same
// accepts[] the 402 answer lists) and, while draining, x-drain-ends-at.
func OpenAPI(in Input) *OpenAPIDocument {
	ls, _ := in.listed()
	return openAPI(&in, ls)
}

func openAPI(in *Input, ls []listing) *OpenAPIDocument {
	paths := map[string]any{}
	var tags []any
	for _, l := range ls {
		o := l.offer
		tags = append(tags, map[string]any{"name": o.Name, "description": Description(o)})
		info := paymentInfo(l)
		p := o.EffectivePath()
		if o.EffectiveType() == v1alpha1.OfferTypeInference {
			op := operation(l, info, "chatCompletions", "Chat completion with "+modelName(o)+" (OpenAI-compatible)")
			op["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{
				"schema": map[string]any{"$ref": "#/components/schemas/ChatCompletionRequest"},
			}}}
			paths[p+"/v1/chat/completions"] = map[string]any{"post": op}
			continue
		}
		sub := map[string]any{"name": "path", "in": "path", "required": true,
			"description": "Any path of the service; everything under the offer's prefix is paid.",
			"schema":      map[string]any{"type": "string"}}
		item := map[string]any{"parameters": []any{sub}}
		for _, m := range []string{"get", "post"} {
			op := operation(l, info, m, strings.ToUpper(m)+" "+o.Name)
			if m == "post" {
				op["requestBody"] = map[string]any{"required": false, "content": map[string]any{"*/*": map[string]any{"schema": map[string]any{}}}}
			}
			item[m] = op
		}
		paths[p+"/{path}"] = item
	}
	if tags == nil {
		tags = []any{}
	}
	desc := "Paid routes of this seller. Every operation is paid per call with x402 (see x-payment-info)."
	if in.Tagline != "" {
		desc = in.Tagline + "\n\n" + desc
	}
	return &OpenAPIDocument{
		OpenAPI: "3.1.0",
		Info:    map[string]any{"title": in.displayName() + " paid services", "version": SchemaVersion, "description": desc},
		Servers: []any{map[string]any{"url": in.base()}},
		Tags:    tags,
		Paths:   paths,
		Components: map[string]any{
			"schemas": map[string]any{
				"PaymentRequired":       paymentRequiredSchema(),
				"ChatCompletionRequest": chatSchema(),
			},
			"headers": map[string]any{
				"PAYMENT-RESPONSE": map[string]any{"description": "base64 JSON settlement: {success, transaction, network, payer}", "schema": map[string]any{"type": "string"}},
			},
		},
	}
}

// OpenAPIJSON renders /openapi.json.
func OpenAPIJSON(in Input) ([]byte, error) { return marshal(OpenAPI(in)) }

func operation(l listing, info map[string]any, id, summary string) map[string]any {
	op := map[string]any{
		"operationId": l.offer.Name + "_" + id,
		"summary":     summary,
		"description": Description(l.offer),
		"tags":        []any{l.offer.Name},
		"parameters": []any{
			header("PAYMENT-SIGNATURE", "base64 x402 v2 payment payload; omit it to get the 402 with the price"),
			header("X-PAYMENT", "base64 x402 payment payload (v1 header name, also accepted)"),
		},
		"x-payment-info": info,
		"responses": map[string]any{
			"200": map[string]any{"description": "Paid and served; the settlement is in PAYMENT-RESPONSE",
				"headers": map[string]any{"PAYMENT-RESPONSE": map[string]any{"$ref": "#/components/headers/PAYMENT-RESPONSE"}}},
			"402": map[string]any{"description": "Payment required (or refused); the same object is base64 in the PAYMENT-REQUIRED header",
				"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/PaymentRequired"}}}},
		},
	}
	if l.drainEndsAt != "" {
		op["x-drain-ends-at"] = l.drainEndsAt
	}
	return op
}

func header(name, desc string) map[string]any {
	return map[string]any{"name": name, "in": "header", "required": false, "description": desc, "schema": map[string]any{"type": "string"}}
}

// paymentInfo mirrors the 402's accepts[] so an agent can sign before it asks.
func paymentInfo(l listing) map[string]any {
	accepts := make([]any, len(l.payments))
	for i, p := range l.payments {
		accepts[i] = map[string]any{
			"scheme": v1alpha1.SchemeExact, "network": p.CAIP2Network, "amount": p.requestAmount,
			"asset": p.Asset.Address, "payTo": p.PayTo, "maxTimeoutSeconds": p.maxTimeoutSeconds,
			"extra": map[string]any{"name": p.Asset.EIP712Domain.Name, "version": p.Asset.EIP712Domain.Version, "assetTransferMethod": p.Asset.TransferMethod},
			"price": p.Price,
		}
	}
	return map[string]any{"protocol": "x402", "x402Version": 2, "accepts": accepts}
}

func paymentRequiredSchema() map[string]any {
	str := map[string]any{"type": "string"}
	return map[string]any{
		"type":     "object",
		"required": []any{"x402Version", "accepts"},
		"properties": map[string]any{
			"x402Version": map[string]any{"type": "integer", "const": 2},
			"error":       str,
			"resource":    map[string]any{"type": "object", "properties": map[string]any{"url": str, "description": str, "mimeType": str}},
			"accepts": map[string]any{"type": "array", "items": map[string]any{
				"type":     "object",
				"required": []any{"scheme", "network", "amount", "asset", "payTo", "maxTimeoutSeconds"},
				"properties": map[string]any{
					"scheme": str, "network": str, "amount": str, "asset": str, "payTo": str,
					"maxTimeoutSeconds": map[string]any{"type": "integer"},
					"extra":             map[string]any{"type": "object"},
				},
			}},
			"extensions": map[string]any{"type": "object"},
		},
	}
}

func chatSchema() map[string]any {
	return map[string]any{
		"type":     "object",
		"required": []any{"model", "messages"},
		"properties": map[string]any{
			"model":    map[string]any{"type": "string"},
			"messages": map[string]any{"type": "array", "items": map[string]any{"type": "object"}},
			"stream":   map[string]any{"type": "boolean"},
		},
	}
}
