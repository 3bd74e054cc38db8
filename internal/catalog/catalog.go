// Package catalog renders the seller's discovery documents — the
// /api/services.json catalog, /skill.md for LLM agents, /openapi.json, and
// the ERC-8004 /.well-known/agent-registration.json — and serves them.
//
// The renderers are pure: everything they need (offers, the clock, the
// public base URL, the seller's branding, the chains and tokens) comes in
// as plain data in Input, so the same input always renders the same bytes
// and golden tests pin them. The seller stack rebuilds a Snapshot when the
// store changes and swaps it into the Handler atomically.
//
// Listing rule, shared by every document: an offer is listed when it is not
// being deleted, its drain has not ended, and ModelReady, UpstreamHealthy,
// PaymentGateReady and RoutePublished are True. Registered is not required;
// an offer whose registration is still pending is listed with
// registrationPending. While an offer drains, every document shows its
// drainEndsAt. There is no "available" field anywhere.
package catalog

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/obol-dev/obol/api/v1alpha1"
)

// SchemaVersion is the services.json envelope version.
const SchemaVersion = "1"

// Input is everything the renderers read.
type Input struct {
	// Now decides which drains have ended.
	Now time.Time
	// BaseURL is the public origin, e.g. https://seller.example.
	BaseURL string
	// DisplayName and Tagline brand the documents; DisplayName defaults
	// to "Obol Stack".
	DisplayName, Tagline string
	// Offers are all ServiceOffers; the renderers pick the listed ones.
	Offers []v1alpha1.ServiceOffer
	// Networks and Tokens resolve payment options (aliases, CAIP-2, the
	// default USDC, token decimals and EIP-712 domains).
	Networks []Network
	Tokens   []Token
	// Identity is the seller's ERC-8004 agent.
	Identity Identity
}

// Network is one chain, as the renderers need it.
type Network struct {
	// Name is the canonical short name (base-sepolia).
	Name string
	// Aliases are other accepted names.
	Aliases []string
	// CAIP2 is eip155:<chainId>.
	CAIP2 string
	// ChainID is the EVM chain id.
	ChainID uint64
	// IdentityRegistry is the ERC-8004 identity registry address, if any.
	IdentityRegistry string
}

// Token is one payable asset on one network.
type Token struct {
	// Network is the CAIP-2 id the token lives on.
	Network string
	// Symbol, Address, Decimals describe the token.
	Symbol   string
	Address  string
	Decimals int
	// TransferMethod is eip3009 or permit2.
	TransferMethod v1alpha1.TransferMethod
	// EIP712Name and EIP712Version are the signing domain.
	EIP712Name, EIP712Version string
	// Default marks the network's default asset (its USDC), used when an
	// offer names no asset.
	Default bool
}

// Identity is the seller's agent as the registration document shows it.
type Identity struct {
	// Name defaults to the first registered offer's registration.name,
	// then DisplayName.
	Name string
	// Description defaults to the tagline.
	Description string
	// Image is an icon URL; omitted when empty.
	Image string
	// Registrations are on-chain registrations recorded by the stack. They
	// are kept after the last offer is deleted, so the document can still
	// say which agent it deactivated. Offers' status.agentId add to them.
	Registrations []OnChainRegistration
}

// OnChainRegistration is one ERC-8004 agent on one chain.
type OnChainRegistration struct {
	AgentID  string // decimal token id
	ChainID  uint64
	Registry string // identity registry address
}

// defaultDisplayName brands documents when the seller set no name.
const defaultDisplayName = "Obol Stack"

// Skipped is an offer that met the listing rule but could not be rendered
// (an unknown network or token); the stack logs it.
type Skipped struct {
	Namespace, Name, Reason string
}

// listing is one listed offer with everything resolved.
type listing struct {
	offer       *v1alpha1.ServiceOffer
	endpoint    string
	payments    []payment
	drainEndsAt string // RFC3339, only while draining
	pending     bool
}

// payment is one resolved payment option.
type payment struct {
	Price            string      `json:"price"`
	PriceRaw         string      `json:"priceRaw"`
	PriceUnit        string      `json:"priceUnit"`
	PriceAtomicUnits string      `json:"priceAtomicUnits"`
	PayTo            string      `json:"payTo"`
	Network          string      `json:"network"`
	CAIP2Network     string      `json:"caip2Network"`
	ChainID          uint64      `json:"chainId"`
	Asset            assetDetail `json:"asset"`

	maxTimeoutSeconds int64
	networkName       string
	requestAmount     string // what one request's 402 asks for, atomic
}

type assetDetail struct {
	Address        string         `json:"address"`
	Symbol         string         `json:"symbol"`
	Decimals       int            `json:"decimals"`
	TransferMethod string         `json:"transferMethod"`
	EIP712Domain   eip712DomainJS `json:"eip712Domain"`
}

type eip712DomainJS struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

func (in *Input) displayName() string {
	if in.DisplayName != "" {
		return in.DisplayName
	}
	return defaultDisplayName
}

func (in *Input) base() string { return strings.TrimRight(in.BaseURL, "/") }

// listed applies the listing rule and resolves every listed offer, sorted
// by weight (descending), then name, then namespace.
func (in *Input) listed() ([]listing, []Skipped) {
	var out []listing
	var skipped []Skipped
	for i := range in.Offers {
		o := &in.Offers[i]
		if o.IsDeleting() || o.DrainExpired(in.Now) || !o.OperationallyReady() {
			continue
		}
		l := listing{offer: o, endpoint: in.base() + o.EffectivePath(), pending: o.RegistrationPending()}
		if o.DrainingAt(in.Now) {
			l.drainEndsAt = o.DrainEndsAt().UTC().Format(time.RFC3339)
		}
		var err error
		for _, opt := range o.PaymentOptions() {
			var p payment
			if p, err = in.resolve(opt); err != nil {
				break
			}
			l.payments = append(l.payments, p)
		}
		if err != nil {
			skipped = append(skipped, Skipped{Namespace: o.Namespace, Name: o.Name, Reason: err.Error()})
			continue
		}
		out = append(out, l)
	}
	slices.SortStableFunc(out, func(a, b listing) int {
		if wa, wb := weight(a.offer), weight(b.offer); wa != wb {
			return int(wb) - int(wa)
		}
		if c := strings.Compare(a.offer.Name, b.offer.Name); c != 0 {
			return c
		}
		return strings.Compare(a.offer.Namespace, b.offer.Namespace)
	})
	return out, skipped
}

func weight(o *v1alpha1.ServiceOffer) int32 {
	if o.Spec.Listing == nil {
		return 0
	}
	return o.Spec.Listing.Weight
}

func (in *Input) network(s string) (*Network, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i := range in.Networks {
		n := &in.Networks[i]
		if s == strings.ToLower(n.Name) || s == strings.ToLower(n.CAIP2) || slices.Contains(n.Aliases, s) {
			return n, true
		}
	}
	return nil, false
}

// token finds the asset an option pays in: the network's default when the
// option names none, else a known token matching address or symbol (its
// registry values fill what the offer left out), else the offer's own
// fully specified asset.
func (in *Input) token(n *Network, a *v1alpha1.AssetSpec) (Token, error) {
	var match *Token
	for i := range in.Tokens {
		t := &in.Tokens[i]
		if !strings.EqualFold(t.Network, n.CAIP2) {
			continue
		}
		switch {
		case a == nil && t.Default,
			a != nil && a.Address != "" && strings.EqualFold(a.Address, t.Address),
			a != nil && a.Address == "" && a.Symbol != "" && strings.EqualFold(a.Symbol, t.Symbol):
			match = t
		}
		if match != nil {
			break
		}
	}
	if a == nil {
		if match == nil {
			return Token{}, fmt.Errorf("network %s has no default asset; name one in payment.asset", n.Name)
		}
		return *match, nil
	}
	t := Token{Network: n.CAIP2}
	if match != nil {
		t = *match
	}
	if a.Address != "" {
		t.Address = a.Address
	}
	if a.Symbol != "" {
		t.Symbol = a.Symbol
	}
	if a.Decimals != nil {
		t.Decimals = int(*a.Decimals)
	}
	if a.TransferMethod != "" {
		t.TransferMethod = a.TransferMethod
	}
	if a.EIP712Name != "" {
		t.EIP712Name = a.EIP712Name
	}
	if a.EIP712Version != "" {
		t.EIP712Version = a.EIP712Version
	}
	if match == nil && (t.Address == "" || t.Symbol == "" || a.Decimals == nil || t.TransferMethod == "" || t.EIP712Name == "" || t.EIP712Version == "") {
		return Token{}, fmt.Errorf("asset %s%s is not known on %s; give address, symbol, decimals, transferMethod, eip712Name and eip712Version", a.Symbol, a.Address, n.Name)
	}
	return t, nil
}

func (in *Input) resolve(opt v1alpha1.PaymentOption) (payment, error) {
	n, ok := in.network(opt.Network)
	if !ok {
		return payment{}, fmt.Errorf("unknown network %q", opt.Network)
	}
	tok, err := in.token(n, opt.Asset)
	if err != nil {
		return payment{}, err
	}
	raw, unit, suffix := opt.Price.PerRequest, "perRequest", "request"
	if raw == "" {
		raw, unit, suffix = opt.Price.PerMTok, "perMTok", "MTok"
	}
	atomic, err := v1alpha1.AtomicAmount(raw, tok.Decimals)
	if err != nil {
		return payment{}, err
	}
	perRequest, err := opt.RequestAmount(tok.Decimals)
	if err != nil {
		return payment{}, err
	}
	return payment{
		Price:            fmt.Sprintf("%s %s/%s", raw, tok.Symbol, suffix),
		PriceRaw:         raw,
		PriceUnit:        unit,
		PriceAtomicUnits: atomic.String(),
		PayTo:            opt.PayTo,
		Network:          n.Name,
		CAIP2Network:     n.CAIP2,
		ChainID:          n.ChainID,
		Asset: assetDetail{
			Address: tok.Address, Symbol: tok.Symbol, Decimals: tok.Decimals,
			TransferMethod: string(tok.TransferMethod),
			EIP712Domain:   eip712DomainJS{Name: tok.EIP712Name, Version: tok.EIP712Version},
		},
		maxTimeoutSeconds: opt.EffectiveMaxTimeoutSeconds(),
		networkName:       n.Name,
		requestAmount:     perRequest.String(),
	}, nil
}

// Description is the operator's text or a generated one.
func Description(o *v1alpha1.ServiceOffer) string {
	if r := o.Spec.Registration; r != nil && strings.TrimSpace(r.Description) != "" {
		return strings.TrimSpace(r.Description)
	}
	if o.EffectiveType() == v1alpha1.OfferTypeInference && o.Spec.Model != nil {
		return fmt.Sprintf("%s inference via x402 micropayments", o.Spec.Model.Name)
	}
	return fmt.Sprintf("x402 payment-gated %s service", o.EffectiveType())
}

func modelName(o *v1alpha1.ServiceOffer) string {
	if o.EffectiveType() == v1alpha1.OfferTypeInference && o.Spec.Model != nil {
		return o.Spec.Model.Name
	}
	return ""
}
