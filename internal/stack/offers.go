package stack

import (
	"context"
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

// drainTick re-renders the routes and documents so drain ends take effect
// without any write to the store.
const drainTick = 5 * time.Second

// watchOffers keeps the seller's route table and the catalog in step with
// the store: the gateways watch, they never call reconcilers.
func (s *Stack) watchOffers(ctx context.Context) error {
	events, err := s.parts.offers.Watch(ctx, store.WatchOptions{})
	if err != nil {
		return fmt.Errorf("watch offers: %w", err)
	}
	tick := time.NewTicker(drainTick)
	defer tick.Stop()
	synced := false
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-events:
			if !ok {
				return nil
			}
			if ev.Type == store.Synced {
				synced = true
			}
		case <-tick.C:
		}
		if synced {
			s.publishOffers(ctx)
		}
	}
}

// publishOffers rebuilds the seller's routes and the four documents from
// every offer in the store.
func (s *Stack) publishOffers(ctx context.Context) {
	p := s.parts
	offers, err := p.offers.List(ctx, store.ListOptions{})
	if err != nil {
		s.log.Warn("list offers", "err", err)
		return
	}
	in := s.catalogInput(offers)
	snap, err := catalog.Build(in)
	if err != nil {
		s.log.Error("render catalog", "err", err)
	} else {
		p.catalog.Swap(snap)
		for _, sk := range snap.Skipped {
			s.log.Warn("offer not listed", "offer", sk.Namespace+"/"+sk.Name, "reason", sk.Reason)
		}
	}
	var routes []seller.Route
	for _, o := range offers {
		if o.IsDeleting() || !o.OperationallyReady() {
			continue
		}
		r, err := s.route(&in, o)
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

func (s *Stack) catalogInput(offers []*v1alpha1.ServiceOffer) catalog.Input {
	in := catalog.Input{Now: time.Now(), BaseURL: s.publicURL(), DisplayName: s.opts.Config.Seller.DisplayName,
		Tagline: s.opts.Config.Seller.Tagline}
	for _, o := range offers {
		in.Offers = append(in.Offers, *o)
	}
	regs := map[uint64]string{}
	for _, n := range s.parts.registry.Networks() {
		regs[n.ChainID] = contracts.IdentityRegistryAddress.Hex() // ERC-8004's address is the same on every chain
	}
	in.Networks, in.Tokens = catalog.FromRegistry(s.parts.registry, regs)
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
		Description: description(o)}
	if s.isLocalGateway(r.Upstream) {
		// An offer of this stack's own gateway: the seller authenticates
		// to it; the buyer never sees the master key.
		r.UpstreamAuth = "Bearer " + s.parts.masterKey
	}
	if o.IsDraining() {
		r.DrainEndsAt = o.DrainEndsAt()
	}
	for _, p := range pays {
		r.Accepts = append(r.Accepts, seller.Accept{Chain: p.Network, AssetSymbol: p.Symbol, AssetDecimals: uint8(p.Decimals),
			Requirements: x402.PaymentRequirements{Scheme: x402.SchemeExact, Network: p.CAIP2, Asset: p.Asset, Amount: p.RequestAmount,
				PayTo: p.PayTo, MaxTimeoutSeconds: p.MaxTimeoutSeconds,
				Extra: map[string]any{"name": p.EIP712Name, "version": p.EIP712Version, "assetTransferMethod": p.TransferMethod}}})
	}
	return r, nil
}

func description(o *v1alpha1.ServiceOffer) string {
	if r := o.Spec.Registration; r != nil && r.Description != "" {
		return r.Description
	}
	if o.Spec.Model != nil {
		return o.Spec.Model.Name + " inference, paid per request with x402"
	}
	return o.Name + ", paid per request with x402"
}

// isLocalGateway reports whether u points at this stack's local listener.
func (s *Stack) isLocalGateway(u string) bool {
	local := s.URL("local")
	return local != "" && strings.HasPrefix(strings.TrimRight(u, "/")+"/", local+"/")
}
