package stack

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/admin"
	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/catalog"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/models"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/buyer"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/seller"
)

// parts are the components of one stack.
type parts struct {
	chain       *chain.Chain // the dev chain (own or shared), nil on real networks only
	ownChain    bool
	registry    *x402.Registry
	clients     map[string]*ethclient.Client // CAIP-2 → RPC client
	signer      wallet.Signer                // the stack's wallet: receives payments, registers agents
	gasSigner   wallet.Signer                // the embedded facilitator's settlement key
	registrar   *registrar
	base        catalog.Input // see catalogBase
	masterKey   string
	offers      *store.Embedded[*v1alpha1.ServiceOffer]
	purchases   *store.Embedded[*v1alpha1.PurchaseRequest]
	facilitator *facilitator.Facilitator
	seller      *seller.Seller
	catalog     *catalog.Handler
	gateway     *llm.Gateway
	buyer       *buyer.Buyer
	admin       http.Handler
}

// build constructs every component; s.closers releases what it opened.
func (s *Stack) build() (*parts, error) {
	p := &parts{clients: map[string]*ethclient.Client{}}
	steps := []func(*parts) error{s.buildChain, s.buildKeys, s.buildStores, s.buildFacilitator, s.buildSeller, s.buildGateway, s.buildBuyer, s.buildRegistrar}
	for _, step := range steps {
		if err := step(p); err != nil {
			return nil, err
		}
	}
	p.base = s.catalogBase(p)
	p.admin = admin.New(admin.Options{Logger: s.log.With("component", "admin"), MasterKey: p.masterKey,
		Offers: p.offers, Purchases: p.purchases, Status: s.status, Register: s.registerOffer,
		Journal: func(_ context.Context, state string, limit int) (any, error) {
			return p.facilitator.Journal(facilitator.JournalQuery{State: state, Limit: limit})
		}})
	return p, nil
}

func (s *Stack) buildChain(p *parts) error {
	cfg := s.opts.Config.Chain
	rpcs := map[string]string{}
	for k, v := range cfg.RPC {
		rpcs[k] = v
	}
	switch {
	case s.opts.Chain != nil:
		p.chain = s.opts.Chain
	case cfg.Embedded:
		c, err := chain.New(chain.Options{ChainID: cfg.ChainID, DataDir: s.layout.ChainDir(), Logger: s.log.With("component", "chain")})
		if err != nil {
			return fmt.Errorf("start the dev chain: %w", err)
		}
		p.chain, p.ownChain = c, true
		s.closers = append(s.closers, c.Close)
	}
	reg, err := x402.NewRegistry(x402.RegistryOptions{RPCURLs: rpcs})
	if err != nil {
		return fmt.Errorf("network registry: %w", err)
	}
	p.registry = reg
	if p.chain != nil {
		n, ok := reg.NetworkByChainID(p.chain.ChainID().Uint64())
		if !ok {
			return fmt.Errorf("the dev chain's id %s is not a known network", p.chain.ChainID())
		}
		p.clients[n.CAIP2] = p.chain.EthClient()
	}
	for _, n := range reg.Networks() {
		if _, done := p.clients[n.CAIP2]; done || n.RPCURL == "" {
			continue
		}
		c, err := ethclient.Dial(n.RPCURL)
		if err != nil {
			return fmt.Errorf("chain.rpc for %s: %w", n.Name, err)
		}
		p.clients[n.CAIP2] = c
		s.closers = append(s.closers, func() error { c.Close(); return nil })
	}
	return nil
}

func (s *Stack) buildKeys(p *parts) error {
	var err error
	if p.signer, err = wallet.Open(WalletOptions(s.opts.DataDir)); err != nil {
		return err
	}
	if p.gasSigner, err = wallet.Open(FacilitatorKeyOptions(s.opts.DataDir)); err != nil {
		return err
	}
	if p.masterKey, err = ReadMasterKey(s.opts.DataDir); err != nil {
		return err
	}
	if p.chain != nil {
		// The dev chain is its own faucet: the facilitator's key pays
		// settlement gas and the wallet pays for registrations.
		for _, a := range []common.Address{p.gasSigner.Address(), p.signer.Address()} {
			if err := topUpETH(p.chain, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// topUpETH gives addr 10 dev ETH when it has less than 0.1.
func topUpETH(c *chain.Chain, addr common.Address) error {
	ctx := context.Background()
	bal, err := c.EthClient().BalanceAt(ctx, addr, nil)
	if err != nil || bal.Cmp(big.NewInt(1e17)) >= 0 {
		return err
	}
	if _, err := c.Fund(ctx, addr, "ETH", new(big.Int).Mul(big.NewInt(10), big.NewInt(1e18))); err != nil {
		return fmt.Errorf("fund %s with dev ETH: %w", addr.Hex(), err)
	}
	return nil
}

func (s *Stack) buildStores(p *parts) error {
	var err error
	if p.offers, err = store.NewServiceOffers(s.db, s.log.With("component", "store")); err != nil {
		return err
	}
	s.closers = append(s.closers, func() error { p.offers.Close(); return nil })
	if p.purchases, err = store.NewPurchaseRequests(s.db, s.log.With("component", "store")); err != nil {
		return err
	}
	s.closers = append(s.closers, func() error { p.purchases.Close(); return nil })
	return nil
}

func (s *Stack) buildFacilitator(p *parts) error {
	var nets []facilitator.Network
	for caip, c := range p.clients {
		nets = append(nets, facilitator.Network{Network: caip, Backend: c})
	}
	if len(nets) == 0 {
		return fmt.Errorf("no chain to settle on: enable the embedded dev chain or set chain.rpc in %s", s.layout.Config())
	}
	f, err := facilitator.New(facilitator.Options{Logger: s.log.With("component", "facilitator"), Signer: p.gasSigner,
		Networks: nets, Registry: p.registry, DB: s.db, Metrics: s.metrics,
		JournalRetention: time.Duration(s.opts.Config.Facilitator.JournalRetention)})
	if err != nil {
		return fmt.Errorf("facilitator: %w", err)
	}
	p.facilitator = f
	s.closers = append(s.closers, f.Close) // flushes journaled outcomes before the database closes
	return nil
}

func (s *Stack) buildSeller(p *parts) error {
	var fac seller.Facilitator = inprocFacilitator{p.facilitator}
	if u := s.opts.Config.Facilitator.URL; u != "" {
		hf, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: u})
		if err != nil {
			return fmt.Errorf("facilitator.url: %w", err)
		}
		fac = hf
	}
	sl, err := seller.New(seller.Options{Facilitator: fac, Registerer: s.metrics, Logger: s.log.With("component", "seller"),
		PublicURL: s.publicURL()})
	if err != nil {
		return fmt.Errorf("seller: %w", err)
	}
	p.seller = sl
	if p.catalog, err = catalog.New(catalog.Options{Logger: s.log.With("component", "catalog")}); err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	return nil
}

func (s *Stack) buildGateway(p *parts) error {
	dir := models.Dir{Root: s.opts.DataDir}
	if err := dir.EnsureSource(); err != nil {
		return err
	}
	gw, err := llm.New(llm.Options{ConfigPath: dir.Source(), RuntimePath: dir.Runtime(), MasterKey: p.masterKey,
		BuyerURL: s.URL("buyer"), SecretsFile: dir.Secrets(), Logger: s.log.With("component", "gateway"), Registry: s.metrics})
	if err != nil {
		return fmt.Errorf("model gateway: %w", err)
	}
	p.gateway = gw
	// `obol model …` finds the live gateway through this file.
	if err := atomicfile.Write(dir.GatewayURLFile(), []byte(s.URL("local")+"\n"), 0o600); err != nil {
		return err
	}
	s.closers = append(s.closers, func() error { os.Remove(dir.GatewayURLFile()); return nil })
	return nil
}

func (s *Stack) buildBuyer(p *parts) error {
	retries := s.opts.Config.Buyer.Retries
	if retries == 0 {
		retries = -1 // buyer.Options reads 0 as "default"; the config's 0 means none
	}
	b, err := buyer.New(buyer.Options{DB: s.db, Retries: retries, Registerer: s.metrics,
		Logger: s.log.With("component", "buyer"), Chain: p.chainReader})
	if err != nil {
		return fmt.Errorf("buyer proxy: %w", err)
	}
	p.buyer = b
	return nil
}

// chainReader gives the buy side read access to a network.
func (p *parts) chainReader(network string) (purchase.ChainReader, error) {
	n, err := p.registry.Network(network)
	if err != nil {
		return nil, err
	}
	c, ok := p.clients[n.CAIP2]
	if !ok {
		return nil, fmt.Errorf("no RPC for %s: set chain.rpc.%s in the config", n.Name, n.Name)
	}
	return purchase.NewEthReader(c)
}

func (s *Stack) publicURL() string {
	if u := s.opts.Config.Seller.PublicURL; u != "" {
		return u
	}
	return s.URL("public")
}

// handlers maps each listener to what it serves (SPEC §2).
func (s *Stack) handlers() map[string]http.Handler {
	p := s.parts
	public := http.NewServeMux()
	public.Handle("/services/", p.seller)
	for _, path := range catalog.Paths() {
		public.Handle(path, p.catalog)
	}
	public.Handle("/{$}", http.HandlerFunc(s.storefront))

	local := http.NewServeMux()
	local.Handle(admin.Prefix, p.admin)
	local.Handle("GET /metrics", promhttp.HandlerFor(s.metrics, promhttp.HandlerOpts{}))
	local.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	local.Handle("/", p.gateway.Handler())

	hs := map[string]http.Handler{"public": public, "local": local, "buyer": p.buyer.Handler(), "facilitator": p.facilitator.Handler()}
	if p.ownChain {
		hs["chain"] = p.chain.Handler()
	}
	return hs
}

// loops are the components' background work.
func (p *parts) loops() map[string]func(context.Context) error {
	return map[string]func(context.Context) error{
		"facilitator": p.facilitator.Run,
		"seller":      p.seller.Run,
		"buyer":       p.buyer.Run,
	}
}

// startWatchers starts the loops that keep gateways in step with the store,
// then the reconcilers. The reconcilers wait for the seller's first route
// table: a ServiceOffer reconciled before it would see the gate closed,
// mark a Ready offer not Ready, and withdraw its route for a retry period
// (a restarted stack would answer 403 where it answered 402).
func (p *parts) startWatchers(s *Stack) {
	s.goRun("offer-watch", s.watchOffers)
	s.goRun("catalog-sync", s.syncCatalog)
	s.goRun("controllers", func(ctx context.Context) error {
		for !p.seller.Ready() {
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(5 * time.Millisecond):
			}
		}
		return s.startControllers()
	})
}
