package purchase

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strings"

	"github.com/obol-dev/obol/internal/x402"
)

// CatalogAsset is a service's payment asset as /api/services.json lists it.
type CatalogAsset struct {
	Address        string `json:"address"`
	Symbol         string `json:"symbol"`
	Decimals       int    `json:"decimals"`
	TransferMethod string `json:"transferMethod"`
	EIP712Domain   struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	} `json:"eip712Domain"`
}

// CatalogService is the part of a /api/services.json entry the buyer
// checks a 402 against. Unknown fields are ignored: the catalog grows.
type CatalogService struct {
	Name             string       `json:"name"`
	Namespace        string       `json:"namespace"`
	Type             string       `json:"type"`
	Model            string       `json:"model"`
	Endpoint         string       `json:"endpoint"`
	Price            string       `json:"price"`
	PriceAtomicUnits string       `json:"priceAtomicUnits"`
	PayTo            string       `json:"payTo"`
	Network          string       `json:"network"`
	CAIP2Network     string       `json:"caip2Network"`
	Asset            CatalogAsset `json:"asset"`
	DrainEndsAt      string       `json:"drainEndsAt"`
}

// Catalog is a seller's /api/services.json.
type Catalog struct {
	SchemaVersion string           `json:"schemaVersion"`
	DisplayName   string           `json:"displayName"`
	Services      []CatalogService `json:"services"`
}

// maxCatalogBytes bounds the catalog read (a seller lists tens of services).
const maxCatalogBytes = 4 << 20

// FetchService reads the catalog of the seller hosting offerURL and returns
// the entry whose endpoint is offerURL.
func FetchService(ctx context.Context, client *http.Client, offerURL string) (*CatalogService, error) {
	u, err := url.Parse(offerURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("read catalog: %q is not an http(s) offer URL", offerURL)
	}
	catURL := u.Scheme + "://" + u.Host + "/api/services.json"
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, catURL, nil)
	if err != nil {
		return nil, fmt.Errorf("read catalog: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", catURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("read catalog %s: status %d", catURL, resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxCatalogBytes))
	if err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", catURL, err)
	}
	var cat Catalog
	if err := json.Unmarshal(b, &cat); err != nil {
		return nil, fmt.Errorf("read catalog %s: not a services.json document: %w", catURL, err)
	}
	want := strings.TrimRight(offerURL, "/")
	for i := range cat.Services {
		s := &cat.Services[i]
		if strings.TrimRight(s.Endpoint, "/") == want || samePath(s.Endpoint, u.Path) {
			return s, nil
		}
	}
	return nil, fmt.Errorf("read catalog %s: no service has endpoint %s (%d services listed)", catURL, offerURL, len(cat.Services))
}

// samePath matches a catalog endpoint by path: a seller behind a tunnel may
// list its public hostname while the buyer used another name for it.
func samePath(endpoint, path string) bool {
	u, err := url.Parse(endpoint)
	return err == nil && path != "" && strings.TrimRight(u.Path, "/") == strings.TrimRight(path, "/")
}

// Requirements is what the catalog entry says a request costs, in the
// accepts[] shape, for comparing with a 402.
func (s *CatalogService) Requirements() (x402.PaymentRequirements, error) {
	network := s.CAIP2Network
	if network == "" {
		network = s.Network
	}
	if _, ok := new(big.Int).SetString(s.PriceAtomicUnits, 10); !ok {
		return x402.PaymentRequirements{}, fmt.Errorf("catalog entry %s: priceAtomicUnits %q is not an integer", s.Name, s.PriceAtomicUnits)
	}
	method := s.Asset.TransferMethod
	if method == "" {
		method = x402.TransferEIP3009
	}
	return x402.PaymentRequirements{Scheme: x402.SchemeExact, Network: NormalizeNetwork(network), Asset: s.Asset.Address,
		Amount: s.PriceAtomicUnits, PayTo: s.PayTo,
		Extra: map[string]any{"name": s.Asset.EIP712Domain.Name, "version": s.Asset.EIP712Domain.Version, "assetTransferMethod": method}}, nil
}

// Diff lists how a 402 option differs from the terms the buyer expects
// (network, asset, payTo, amount, transfer method), naming the expected side
// by label ("catalog", "purchase"); empty when they agree.
func Diff(label string, catalog, offered *x402.PaymentRequirements) []string {
	var d []string
	if NormalizeNetwork(catalog.Network) != NormalizeNetwork(offered.Network) {
		d = append(d, fmt.Sprintf("network: %s %s, 402 %s", label, catalog.Network, offered.Network))
	}
	if !strings.EqualFold(catalog.Asset, offered.Asset) {
		d = append(d, fmt.Sprintf("asset: %s %s, 402 %s", label, catalog.Asset, offered.Asset))
	}
	if !strings.EqualFold(catalog.PayTo, offered.PayTo) {
		d = append(d, fmt.Sprintf("payTo: %s %s, 402 %s", label, catalog.PayTo, offered.PayTo))
	}
	ca, _ := new(big.Int).SetString(catalog.Amount, 10)
	oa, _ := new(big.Int).SetString(offered.Amount, 10)
	if ca == nil || oa == nil || ca.Cmp(oa) != 0 {
		d = append(d, fmt.Sprintf("price: %s %s, 402 %s (atomic units)", label, catalog.Amount, offered.Amount))
	}
	if catalog.TransferMethod() != offered.TransferMethod() {
		d = append(d, fmt.Sprintf("transfer method: %s %s, 402 %s", label, catalog.TransferMethod(), offered.TransferMethod()))
	}
	return d
}
