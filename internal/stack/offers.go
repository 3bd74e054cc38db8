package stack

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/internal/catalog"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
)

// watchOffers keeps the seller's route table in step with the store (the
// gateways watch, they never call reconcilers). A draining route carries
// its end, so the seller stops serving it on time without a store write.
func (s *Stack) watchOffers(ctx context.Context) error {
	for ctx.Err() == nil {
		events, err := s.parts.offers.Watch(ctx, store.WatchOptions{})
		if err != nil {
			return fmt.Errorf("watch offers: %w", err)
		}
		synced := false
		for ev := range events {
			synced = synced || ev.Type == store.Synced
			if synced {
				s.publishRoutes(ctx)
			}
		}
		// The store ends a watch that falls too far behind; watch again.
	}
	return nil
}

// syncCatalog keeps the four discovery documents in step with the store.
func (s *Stack) syncCatalog(ctx context.Context) error {
	return catalog.Sync(ctx, catalog.SyncOptions{Store: s.parts.offers, Handler: s.parts.catalog,
		Base: func() catalog.Input {
			in := s.parts.base
			in.Identity.Registrations = s.parts.registrar.all()
			return in
		}, Logger: s.log.With("component", "catalog")})
}

// publishRoutes rebuilds the seller's routes from every offer in the store.
func (s *Stack) publishRoutes(ctx context.Context) {
	p := s.parts
	offers, err := p.offers.List(ctx, store.ListOptions{})
	if err != nil {
		s.log.Warn("list offers", "err", err)
		return
	}
	in := s.parts.base
	in.Now = time.Now()
	var routes []seller.Route
	for _, o := range offers {
		// A drained offer keeps its route so the seller answers 404 (gone),
		// not 403, on its path.
		drained := o.IsDraining() && o.DrainExpired(in.Now)
		if o.IsDeleting() || !(o.OperationallyReady() || drained) {
			continue
		}
		r, err := s.route(&in, o)
		if err == nil {
			err = r.Validate() // one bad offer must not take the whole table down
		}
		if err != nil {
			s.log.Warn("offer not routed", "offer", o.Namespace+"/"+o.Name, "err", err)
			continue
		}
		routes = append(routes, r)
	}
	if err := p.seller.SetRoutes(routes); err != nil {
		s.log.Error("set seller routes", "err", err)
	}
}

// catalogBase is what every catalog rendering and route shares: branding,
// and the networks and tokens payment options resolve against. It does not
// change while the stack runs, so it is built once.
func (s *Stack) catalogBase(p *parts) catalog.Input {
	in := catalog.Input{BaseURL: s.publicURL(), DisplayName: s.opts.Config.Seller.DisplayName, Tagline: s.opts.Config.Seller.Tagline}
	regs := map[uint64]string{}
	for _, n := range p.registry.Networks() {
		regs[n.ChainID] = contracts.IdentityRegistryAddress.Hex() // ERC-8004's address is the same on every chain
	}
	in.Networks, in.Tokens = catalog.FromRegistry(p.registry, regs)
	return in
}

// route turns a ready offer into the seller's route: its 402 asks for
// exactly what the catalog lists.
func (s *Stack) route(in *catalog.Input, o *v1alpha1.ServiceOffer) (seller.Route, error) {
	pays, err := in.ResolvePayments(o)
	if err != nil {
		return seller.Route{}, err
	}
	r := seller.Route{Namespace: o.Namespace, Name: o.Name, Prefix: o.EffectivePath(), Upstream: o.Spec.Upstream.URL,
		Description: catalog.Description(o)}
	if s.isLocalGateway(r.Upstream) {
		// An offer of this stack's own gateway: the seller authenticates
		// to it; the buyer never sees the master key.
		r.UpstreamAuth = "Bearer " + s.parts.masterKey
	}
	if o.IsDraining() {
		r.DrainEndsAt = o.DrainEndsAt()
	}
	for _, p := range pays {
		if s.sponsorsApproval(p) {
			// Official clients sign an EIP-2612 permit for Permit2 when the
			// 402 offers it, so they pay without a prior approve transaction.
			r.Extensions = map[string]json.RawMessage{x402.ExtensionEIP2612GasSponsoring: seller.EIP2612SponsoringExtension()}
		}
		r.Accepts = append(r.Accepts, seller.Accept{Chain: p.Network, AssetSymbol: p.Symbol, AssetDecimals: uint8(p.Decimals),
			Requirements: x402.PaymentRequirements{Scheme: x402.SchemeExact, Network: p.CAIP2, Asset: p.Asset, Amount: p.RequestAmount,
				PayTo: p.PayTo, MaxTimeoutSeconds: p.MaxTimeoutSeconds,
				Extra: map[string]any{"name": p.EIP712Name, "version": p.EIP712Version, "assetTransferMethod": p.TransferMethod}}})
	}
	return r, nil
}

// sponsorsApproval: a Permit2 payment in a token with EIP-2612 permit, which
// the embedded facilitator can settle with settleWithPermit.
func (s *Stack) sponsorsApproval(p catalog.Payment) bool {
	if p.TransferMethod != x402.TransferPermit2 {
		return false
	}
	t, err := s.parts.registry.Token(p.CAIP2, p.Asset)
	return err == nil && t.EIP2612
}

// isLocalGateway reports whether u points at this stack's local listener.
func (s *Stack) isLocalGateway(u string) bool {
	local := s.URL("local")
	return local != "" && strings.HasPrefix(strings.TrimRight(u, "/")+"/", local+"/")
}
