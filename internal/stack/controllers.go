package stack

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/obol-dev/obol/api/v1alpha1"
	purchasectl "github.com/obol-dev/obol/internal/controller/purchase"
	"github.com/obol-dev/obol/internal/controller/runner"
	"github.com/obol-dev/obol/internal/controller/serviceoffer"
	"github.com/obol-dev/obol/internal/llm"
	"github.com/obol-dev/obol/internal/llm/models"
	"github.com/obol-dev/obol/internal/purchase"
)

// startControllers runs the ServiceOffer and PurchaseRequest reconcilers
// under the embedded runner. They change the world only through the small
// effect interfaces wired here.
func (s *Stack) startControllers() error {
	p := s.parts
	probeClient := &http.Client{Timeout: 2 * time.Second, Transport: s.localAuth(http.DefaultTransport)}
	so, err := serviceoffer.New(serviceoffer.Options{Store: p.offers, Prober: serviceoffer.HTTPProber{Client: probeClient},
		Payments: serviceoffer.RegistryPayments{Registry: p.registry}, Gate: sellerGate{s}, Registrar: p.registrar,
		Logger: s.log.With("component", "serviceoffer")})
	if err != nil {
		return err
	}
	soRun, err := runner.New(runner.Options[*v1alpha1.ServiceOffer]{Name: "serviceoffer", Store: p.offers, Reconcile: so.Reconcile,
		Logger: s.log.With("component", "serviceoffer")})
	if err != nil {
		return err
	}
	// paid/<model> routes go to the source config (under its lock) and then
	// live, so a gateway reload or restart keeps them.
	routes := models.Routes{Dir: models.Dir{Root: s.opts.DataDir}, Admin: &llm.AdminClient{BaseURL: s.URL("local"), MasterKey: p.masterKey}}
	pr, err := purchasectl.New(purchasectl.Options{Store: p.purchases, Prober: purchase.HTTPProber{}, Pools: p.buyer,
		Routes: routes, BuyerURL: s.URL("buyer") + "/v1", StatusInterval: 3 * time.Second,
		Logger: s.log.With("component", "purchase")})
	if err != nil {
		return err
	}
	// The resync re-adds a paid/<model> route removed by hand (`obol model
	// remove`) while its purchase exists.
	prRun, err := runner.New(runner.Options[*v1alpha1.PurchaseRequest]{Name: "purchase", Store: p.purchases, ResyncPeriod: 30 * time.Second,
		Reconcile: func(ctx context.Context, ns, name string) (time.Duration, error) {
			res, err := pr.Reconcile(ctx, ns, name)
			return res.RequeueAfter, err
		}, Logger: s.log.With("component", "purchase")})
	if err != nil {
		return err
	}
	s.goRun("serviceoffer-controller", soRun.Run)
	s.goRun("purchase-controller", prRun.Run)
	return nil
}

// sellerGate is Ready once the seller has its first route table.
type sellerGate struct{ s *Stack }

func (g sellerGate) Ready(context.Context) error {
	if !g.s.parts.seller.Ready() {
		return errors.New("the seller gateway has not loaded its routes yet")
	}
	return nil
}

// localAuth adds the master key to requests for this stack's own local
// listener (the reconciler probes /v1/models of the stack's gateway).
func (s *Stack) localAuth(next http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		if s.isLocalGateway(r.URL.String()) {
			r = r.Clone(r.Context())
			r.Header.Set("Authorization", "Bearer "+s.parts.masterKey)
		}
		return next.RoundTrip(r)
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
