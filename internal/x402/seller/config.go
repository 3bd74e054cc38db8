package seller

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/internal/x402"
)

// RouteFile is the JSON route table of a standalone seller (`obol seller
// --routes`); inside a stack the routes come from Ready ServiceOffers.
type RouteFile struct {
	Routes []RouteConfig `json:"routes"`
}

// RouteConfig is one route in a RouteFile.
type RouteConfig struct {
	Namespace         string          `json:"namespace,omitempty"` // default "default"
	Name              string          `json:"name"`
	Prefix            string          `json:"prefix,omitempty"` // default /services/<name>
	Upstream          string          `json:"upstream"`
	UpstreamAuth      string          `json:"upstreamAuth,omitempty"`
	Description       string          `json:"description,omitempty"`
	MimeType          string          `json:"mimeType,omitempty"`
	MaxTimeoutSeconds int64           `json:"maxTimeoutSeconds,omitempty"` // default 300
	Payments          []PaymentConfig `json:"payments"`
}

// PaymentConfig is one way to pay: a registry token by symbol and a
// decimal price, or any ERC-20 described in full with an atomic amount.
type PaymentConfig struct {
	Network string `json:"network"` // name, alias or CAIP-2
	PayTo   string `json:"payTo"`
	// Registry token: Token ("USDC", "OBOL") and Price in token units.
	Token string `json:"token,omitempty"`
	Price string `json:"price,omitempty"`
	// Any token: Asset, Amount (atomic), Symbol, Decimals, the EIP-712
	// domain and the transfer method (default eip3009).
	Asset          string `json:"asset,omitempty"`
	Amount         string `json:"amount,omitempty"`
	Symbol         string `json:"symbol,omitempty"`
	Decimals       uint8  `json:"decimals,omitempty"`
	EIP712Name     string `json:"eip712Name,omitempty"`
	EIP712Version  string `json:"eip712Version,omitempty"`
	TransferMethod string `json:"transferMethod,omitempty"`
	EIP2612        bool   `json:"eip2612,omitempty"` // the token has permit(): advertise gas sponsoring
}

const maxRouteFileBytes = 1 << 20

// EIP2612SponsoringExtension is the `eip2612GasSponsoring` entry a 402
// advertises for Permit2 tokens with EIP-2612: official clients then sign a
// permit to Permit2 instead of needing an approve transaction.
func EIP2612SponsoringExtension() json.RawMessage {
	return json.RawMessage(`{"info":{"description":"The facilitator sponsors the Permit2 approval: sign an EIP-2612 permit of the payment amount to Permit2.","version":"1"},` +
		`"schema":{"type":"object","properties":{"from":{"type":"string"},"asset":{"type":"string"},"spender":{"type":"string"},"amount":{"type":"string"},"nonce":{"type":"string"},"deadline":{"type":"string"},"signature":{"type":"string"},"version":{"type":"string"}},` +
		`"required":["from","asset","spender","amount","nonce","deadline","signature","version"]}}`)
}

// ParseRouteFile decodes and resolves a route file strictly (unknown
// fields are errors, every route is checked as SetRoutes would), naming
// the route and field at fault.
func ParseRouteFile(b []byte, reg *x402.Registry) ([]Route, error) {
	if len(b) > maxRouteFileBytes {
		return nil, fmt.Errorf("parse route file: %d bytes, limit %d", len(b), maxRouteFileBytes)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f RouteFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("parse route file: %w", err)
	}
	if dec.More() {
		return nil, errors.New("parse route file: trailing data after the JSON object")
	}
	if len(f.Routes) == 0 {
		return nil, errors.New("parse route file: no routes")
	}
	out := make([]Route, 0, len(f.Routes))
	for i, rc := range f.Routes {
		r, err := rc.resolve(reg)
		if err != nil {
			return nil, fmt.Errorf("parse route file: routes[%d] (%s): %w", i, rc.Name, err)
		}
		out = append(out, r)
	}
	if _, err := newRouteTable(out); err != nil {
		return nil, fmt.Errorf("parse route file: %w", err)
	}
	return out, nil
}

func (rc *RouteConfig) resolve(reg *x402.Registry) (Route, error) {
	r := Route{Namespace: rc.Namespace, Name: rc.Name, Prefix: rc.Prefix, Upstream: rc.Upstream, UpstreamAuth: rc.UpstreamAuth,
		Description: rc.Description, MimeType: rc.MimeType}
	if r.Namespace == "" {
		r.Namespace = "default"
	}
	if r.Prefix == "" {
		r.Prefix = "/services/" + rc.Name
	}
	timeout := rc.MaxTimeoutSeconds
	if timeout == 0 {
		timeout = 300
	}
	if len(rc.Payments) == 0 {
		return Route{}, errors.New("payments: at least one is required")
	}
	for j, pc := range rc.Payments {
		a, sponsor, err := pc.resolve(reg, timeout)
		if err != nil {
			return Route{}, fmt.Errorf("payments[%d]: %w", j, err)
		}
		r.Accepts = append(r.Accepts, a)
		if sponsor {
			r.Extensions = map[string]json.RawMessage{x402.ExtensionEIP2612GasSponsoring: EIP2612SponsoringExtension()}
		}
	}
	return r, nil
}

func (pc *PaymentConfig) resolve(reg *x402.Registry, timeout int64) (Accept, bool, error) {
	n, err := reg.Network(pc.Network)
	if err != nil {
		return Accept{}, false, err
	}
	if !common.IsHexAddress(pc.PayTo) {
		return Accept{}, false, fmt.Errorf("payTo %q is not a 0x address", pc.PayTo)
	}
	payTo := common.HexToAddress(pc.PayTo)
	if pc.Token != "" {
		if pc.Asset != "" || pc.Amount != "" {
			return Accept{}, false, errors.New("give either token and price, or asset and amount, not both")
		}
		tok, err := reg.Token(n.CAIP2, pc.Token)
		if err != nil {
			return Accept{}, false, err
		}
		amt, err := x402.ParseAmount(pc.Price, tok.Decimals)
		if err != nil {
			return Accept{}, false, err
		}
		if amt.Sign() == 0 {
			return Accept{}, false, fmt.Errorf("price %q is zero", pc.Price)
		}
		return Accept{Requirements: tok.Requirements(amt, payTo, timeout), Chain: n.Name, AssetSymbol: tok.Symbol, AssetDecimals: tok.Decimals},
			tok.EIP2612 && tok.TransferMethod == x402.TransferPermit2, nil
	}
	if !common.IsHexAddress(pc.Asset) || pc.Amount == "" || pc.Symbol == "" {
		return Accept{}, false, errors.New("without token, give asset (0x address), amount (atomic units) and symbol")
	}
	amt, ok := new(big.Int).SetString(pc.Amount, 10)
	if !ok || amt.Sign() <= 0 || strings.ContainsAny(pc.Amount, "+-") {
		return Accept{}, false, fmt.Errorf("amount %q must be a positive integer of atomic units", pc.Amount)
	}
	method := pc.TransferMethod
	if method == "" {
		method = x402.TransferEIP3009
	}
	tok := x402.Token{Network: n.CAIP2, Symbol: pc.Symbol, Address: common.HexToAddress(pc.Asset), Decimals: pc.Decimals,
		EIP712Name: pc.EIP712Name, EIP712Version: pc.EIP712Version, TransferMethod: method}
	return Accept{Requirements: tok.Requirements(amt, payTo, timeout), Chain: n.Name, AssetSymbol: pc.Symbol, AssetDecimals: pc.Decimals},
		pc.EIP2612 && method == x402.TransferPermit2, nil
}
