package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/spf13/cobra"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
)

type sellerFlags struct {
	listen, metricsListen, facilitatorURL, routes string
}

func newSellerCmd(g *Globals) *cobra.Command {
	var f sellerFlags
	cmd := &cobra.Command{
		Use:   "seller",
		Short: "Run the x402 seller gateway on its own, with routes from a file",
		Long: "Puts the routes of --routes behind an x402 paywall: 402 challenges, payments checked locally\n" +
			"and by the facilitator at --facilitator-url, requests forwarded to each route's upstream, and\n" +
			"settlement only after the upstream answered successfully. Inside `obol stack up` the seller\n" +
			"serves the stack's ServiceOffers instead; see docs/seller.md for the route file format.",
		Example: "  obol seller --listen 127.0.0.1:8080 --facilitator-url http://127.0.0.1:8403 --routes routes.json",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return g.runSeller(cmd.Context(), f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.listen, "listen", "127.0.0.1:8080", "address of the public (paid) listener")
	fl.StringVar(&f.metricsListen, "metrics-listen", "", "address to serve /metrics on (off when empty; never the public listener)")
	fl.StringVar(&f.facilitatorURL, "facilitator-url", "", "base URL of the x402 facilitator (required)")
	fl.StringVar(&f.routes, "routes", "", "JSON route file (required)")
	return cmd
}

func (g *Globals) runSeller(ctx context.Context, f sellerFlags) error {
	if f.facilitatorURL == "" {
		return errors.New("--facilitator-url is required: the facilitator that verifies and settles (e.g. http://127.0.0.1:8403)")
	}
	if f.routes == "" {
		return errors.New("--routes is required: a JSON route file (see docs/seller.md)")
	}
	b, err := os.ReadFile(f.routes)
	if err != nil {
		return fmt.Errorf("read route file: %w", err)
	}
	reg, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		return err
	}
	routes, err := seller.ParseRouteFile(b, reg)
	if err != nil {
		return fmt.Errorf("%s: %w", f.routes, err)
	}
	fac, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: f.facilitatorURL})
	if err != nil {
		return err
	}
	metrics := prometheus.NewRegistry()
	s, err := seller.New(seller.Options{Facilitator: fac, Registerer: metrics, Logger: g.Logger()})
	if err != nil {
		return err
	}
	if err := s.SetRoutes(routes); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another seller running? choose another --listen)", f.listen, err)
	}
	servers := []*http.Server{{Handler: s, ReadHeaderTimeout: 10 * time.Second}}
	listeners := []net.Listener{ln}
	info := map[string]any{"listen": ln.Addr().String(), "facilitator": f.facilitatorURL, "routes": routeInfo(routes)}
	if f.metricsListen != "" {
		mln, err := net.Listen("tcp", f.metricsListen)
		if err != nil {
			_ = ln.Close()
			return fmt.Errorf("listen on %s: %w (choose another --metrics-listen)", f.metricsListen, err)
		}
		mux := http.NewServeMux()
		mux.Handle("/metrics", promhttp.HandlerFor(metrics, promhttp.HandlerOpts{}))
		servers = append(servers, &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second})
		listeners = append(listeners, mln)
		info["metrics"] = mln.Addr().String()
	}
	if err := g.emit(fmt.Sprintf("seller on http://%s with %d route(s), facilitator %s", ln.Addr(), len(routes), f.facilitatorURL), info); err != nil {
		return err
	}
	return serveUntilDone(ctx, s.Run, servers, listeners)
}

func routeInfo(routes []seller.Route) []map[string]any {
	out := make([]map[string]any, 0, len(routes))
	for _, r := range routes {
		var accepts []string
		for _, a := range r.Accepts {
			accepts = append(accepts, a.Requirements.Amount+" "+a.AssetSymbol+" on "+a.Chain)
		}
		out = append(out, map[string]any{"name": r.Namespace + "/" + r.Name, "prefix": r.Prefix, "upstream": r.Upstream, "accepts": accepts})
	}
	return out
}

// serveUntilDone serves until ctx ends or a server fails, then shuts every
// server down gracefully.
func serveUntilDone(ctx context.Context, run func(context.Context) error, servers []*http.Server, lns []net.Listener) error {
	errc := make(chan error, len(servers)+1)
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() { errc <- run(rctx) }()
	for i, srv := range servers {
		go func() { errc <- srv.Serve(lns[i]) }()
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			err = nil
		}
	}
	sctx, scancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer scancel()
	for _, srv := range servers {
		if serr := srv.Shutdown(sctx); serr != nil && err == nil {
			err = serr
		}
	}
	return err
}
