package serviceoffer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/x402"
)

// Prober checks an upstream's health URL.
type Prober interface {
	// Probe returns nil when url answers 2xx.
	Probe(ctx context.Context, url string) error
}

// PaymentChecker decides whether a payment option can be sold: a known
// network, a known (or fully described) asset, a price the asset can express.
type PaymentChecker interface {
	CheckPayment(opt v1alpha1.PaymentOption) error
}

// Gate reports whether the seller gateway can take the route (embedded:
// the in-process seller is running; Kubernetes: the Deployment is available).
type Gate interface {
	Ready(ctx context.Context) error
}

// Registrar is the reconciler's view of ERC-8004 registration. It never
// signs: registering is `obol sell register`, which records agentId and the
// transaction in status. The reconciler only looks for a registration made
// elsewhere and keeps the record when an offer is deleted.
type Registrar interface {
	// FindAgent looks for the offer's agent registration on its network.
	FindAgent(ctx context.Context, o *v1alpha1.ServiceOffer) (agentID, txHash string, found bool, err error)
	// Retain records a deleted offer's registration so the registration
	// document keeps naming it (inactive) after the last offer is gone.
	Retain(ctx context.Context, o *v1alpha1.ServiceOffer) error
}

// HTTPProber probes with GET and a short timeout: 2xx is healthy.
type HTTPProber struct {
	// Client; default a client with a 2s timeout.
	Client *http.Client
}

// Probe implements Prober.
func (p HTTPProber) Probe(ctx context.Context, url string) error {
	c := p.Client
	if c == nil {
		c = &http.Client{Timeout: 2 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("probe %s: %w", url, err)
	}
	resp, err := c.Do(req)
	if err != nil {
		return fmt.Errorf("probe %s: %w", url, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // let the connection be reused
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("probe %s: status %d, want 2xx", url, resp.StatusCode)
	}
	return nil
}

// RegistryPayments checks payment options against the x402 network and
// token registry.
type RegistryPayments struct{ Registry *x402.Registry }

// DefaultAssetSymbol is the asset of an option that names none.
const DefaultAssetSymbol = "USDC"

// CheckPayment implements PaymentChecker.
func (p RegistryPayments) CheckPayment(opt v1alpha1.PaymentOption) error {
	if p.Registry == nil {
		return errors.New("no network registry configured")
	}
	n, err := p.Registry.Network(opt.Network)
	if err != nil {
		return fmt.Errorf("network %q is not known; use one of devnet, base-sepolia, base, ethereum or their CAIP-2 ids", opt.Network)
	}
	a := opt.Asset
	ref := DefaultAssetSymbol
	if a != nil && a.Address != "" {
		ref = a.Address
	} else if a != nil && a.Symbol != "" {
		ref = a.Symbol
	}
	decimals := -1
	if tok, err := p.Registry.Token(n.CAIP2, ref); err == nil {
		decimals = int(tok.Decimals)
	} else if a == nil || a.Address == "" || a.Symbol == "" || a.Decimals == nil || a.TransferMethod == "" || a.EIP712Name == "" || a.EIP712Version == "" {
		return fmt.Errorf("asset %s is not known on %s; give its address, symbol, decimals, transferMethod, eip712Name and eip712Version", ref, n.Name)
	}
	if a != nil && a.Decimals != nil {
		decimals = int(*a.Decimals)
	}
	if _, err := opt.RequestAmount(decimals); err != nil {
		return err
	}
	return nil
}
