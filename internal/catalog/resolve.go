package catalog

import (
	"fmt"

	"github.com/obol-dev/obol/api/v1alpha1"
)

// Payment is one payment option of an offer with its network and token
// resolved: what the seller's 402 asks for and what the catalog shows come
// from this one resolution, so they never disagree.
type Payment struct {
	Network           string // canonical short name (devnet)
	CAIP2             string // eip155:1337
	ChainID           uint64
	PayTo             string
	Asset             string // token address
	Symbol            string
	Decimals          int
	TransferMethod    string // eip3009 or permit2
	EIP712Name        string
	EIP712Version     string
	RequestAmount     string // atomic units one request pays
	MaxTimeoutSeconds int64
}

// ResolvePayments resolves every payment option of o against in's networks
// and tokens. Offers that fail here are the ones the documents skip.
func (in *Input) ResolvePayments(o *v1alpha1.ServiceOffer) ([]Payment, error) {
	var out []Payment
	for _, opt := range o.PaymentOptions() {
		p, err := in.resolve(opt)
		if err != nil {
			return nil, fmt.Errorf("offer %s/%s: %w", o.Namespace, o.Name, err)
		}
		out = append(out, Payment{
			Network: p.networkName, CAIP2: p.CAIP2Network, ChainID: p.ChainID, PayTo: p.PayTo,
			Asset: p.Asset.Address, Symbol: p.Asset.Symbol, Decimals: p.Asset.Decimals,
			TransferMethod: p.Asset.TransferMethod, EIP712Name: p.Asset.EIP712Domain.Name,
			EIP712Version: p.Asset.EIP712Domain.Version, RequestAmount: p.requestAmount,
			MaxTimeoutSeconds: p.maxTimeoutSeconds,
		})
	}
	return out, nil
}
