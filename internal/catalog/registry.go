package catalog

import (
	"strings"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/x402"
)

// DefaultAssetSymbol is the token an option pays in when it names none.
const DefaultAssetSymbol = "USDC"

// FromRegistry turns the x402 network and token registry into the plain
// data the renderers read. identityRegistries maps a chain id to its
// ERC-8004 identity registry address (chains without one are left out of
// registrations[]).
func FromRegistry(r *x402.Registry, identityRegistries map[uint64]string) ([]Network, []Token) {
	var nets []Network
	var toks []Token
	for _, n := range r.Networks() {
		nets = append(nets, Network{Name: n.Name, Aliases: append([]string(nil), n.Aliases...), CAIP2: n.CAIP2,
			ChainID: n.ChainID, IdentityRegistry: identityRegistries[n.ChainID]})
		hasDefault := false
		for _, t := range r.Tokens(n.CAIP2) {
			def := !hasDefault && strings.EqualFold(t.Symbol, DefaultAssetSymbol)
			hasDefault = hasDefault || def
			toks = append(toks, Token{Network: t.Network, Symbol: t.Symbol, Address: t.Address.Hex(), Decimals: int(t.Decimals),
				TransferMethod: v1alpha1.TransferMethod(t.TransferMethod), EIP712Name: t.EIP712Name, EIP712Version: t.EIP712Version, Default: def})
		}
	}
	return nets, toks
}
