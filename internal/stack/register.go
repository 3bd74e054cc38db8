package stack

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/catalog"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
)

// registrar registers offers on the identity registry with the stack's
// wallet and keeps every registration in the store's ledger, which outlives
// the offers, so the registration document keeps naming the agent
// (active:false) after the last offer is deleted.
type registrar struct {
	ledger   *store.Registrations
	signer   wallet.Signer
	registry *x402.Registry
	clients  map[string]*ethclient.Client
	agentURI func() string
}

func (s *Stack) buildRegistrar(p *parts) error {
	ledger, err := store.NewRegistrations(s.db)
	if err != nil {
		return err
	}
	p.registrar = &registrar{ledger: ledger, signer: p.signer, registry: p.registry, clients: p.clients,
		agentURI: func() string { return s.publicURL() + catalog.PathRegistration }}
	return nil
}

// FindAgent implements serviceoffer.Registrar from the ledger.
func (r *registrar) FindAgent(ctx context.Context, o *v1alpha1.ServiceOffer) (string, string, bool, error) {
	rec, ok, err := r.record(ctx, o.Namespace+"/"+o.Name)
	if err != nil || !ok {
		return "", "", false, err
	}
	return rec.AgentID, rec.TxHash, true, nil
}

// Retain implements serviceoffer.Registrar: the ledger never drops a record.
func (r *registrar) Retain(context.Context, *v1alpha1.ServiceOffer) error { return nil }

func (r *registrar) record(ctx context.Context, offer string) (store.Registration, bool, error) {
	all, err := r.ledger.List(ctx)
	for _, rec := range all {
		if rec.Offer == offer {
			return rec, true, nil
		}
	}
	return store.Registration{}, false, err
}

// all lists every registration, for the registration document.
func (r *registrar) all() []catalog.OnChainRegistration {
	recs, _ := r.ledger.List(context.Background())
	out := make([]catalog.OnChainRegistration, 0, len(recs))
	for _, rec := range recs {
		out = append(out, catalog.OnChainRegistration{AgentID: rec.AgentID, ChainID: rec.ChainID, Registry: rec.Registry})
	}
	return out
}

// Register mints the offer's agent on its network's identity registry and
// records it. An offer already registered keeps its agent: never a second mint.
func (r *registrar) Register(ctx context.Context, o *v1alpha1.ServiceOffer) (store.Registration, error) {
	key := o.Namespace + "/" + o.Name
	if rec, ok, err := r.record(ctx, key); err != nil || ok {
		return rec, err
	}
	n, err := r.registry.Network(o.Spec.Payment.Network)
	if err != nil {
		return store.Registration{}, err
	}
	client, ok := r.clients[n.CAIP2]
	if !ok {
		return store.Registration{}, fmt.Errorf("no RPC for %s: set chain.rpc.%s in the config", n.Name, n.Name)
	}
	reg, err := bindings.NewIdentityRegistry(contracts.IdentityRegistryAddress, client)
	if err != nil {
		return store.Registration{}, err
	}
	tx, err := reg.Register1(wallet.TransactOpts(ctx, r.signer, new(big.Int).SetUint64(n.ChainID)), r.agentURI())
	if err != nil {
		return store.Registration{}, fmt.Errorf("send register transaction: %w", err)
	}
	wctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	rc, err := bind.WaitMined(wctx, client, tx)
	if err != nil {
		return store.Registration{}, fmt.Errorf("wait for register transaction %s: %w", tx.Hash().Hex(), err)
	}
	if rc.Status != types.ReceiptStatusSuccessful {
		return store.Registration{}, fmt.Errorf("register transaction %s reverted", tx.Hash().Hex())
	}
	rec := store.Registration{Offer: key, TxHash: tx.Hash().Hex(), ChainID: n.ChainID, Registry: contracts.IdentityRegistryAddress.Hex()}
	for _, l := range rc.Logs {
		if ev, err := reg.ParseRegistered(*l); err == nil {
			rec.AgentID = ev.AgentId.String()
		}
	}
	if rec.AgentID == "" {
		return store.Registration{}, errors.New("the register transaction emitted no Registered event")
	}
	return rec, r.ledger.Record(ctx, rec)
}

// registerOffer registers an offer's agent and writes the result into the
// offer's status, where `obol sell status` and the catalogs read it.
func (s *Stack) registerOffer(ctx context.Context, ns, name string) (any, error) {
	o, err := s.parts.offers.Get(ctx, ns, name)
	if err != nil {
		return nil, err
	}
	if r := o.Spec.Registration; r == nil || !r.Enabled {
		// Registering publishes the offer in the registration document.
		if o.Spec.Registration == nil {
			o.Spec.Registration = &v1alpha1.RegistrationSpec{}
		}
		o.Spec.Registration.Enabled = true
		if o, err = s.parts.offers.Update(ctx, o); err != nil {
			return nil, err
		}
	}
	rec, err := s.parts.registrar.Register(ctx, o)
	if err != nil {
		return nil, err
	}
	for attempt := 0; attempt < 5; attempt++ {
		o.Status.AgentID, o.Status.RegistrationTxHash = rec.AgentID, rec.TxHash
		if _, err = s.parts.offers.UpdateStatus(ctx, o); !errors.Is(err, store.ErrConflict) {
			break
		}
		if o, err = s.parts.offers.Get(ctx, ns, name); err != nil {
			return nil, err
		}
	}
	return rec, err
}
