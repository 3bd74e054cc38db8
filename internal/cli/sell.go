package cli

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
)

// offerFlags are the flags `sell inference` and `sell http` share.
type offerFlags struct {
	namespace, price, token, chain, payTo, upstream, healthPath, path, description string
}

func (f *offerFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.StringVar(&f.namespace, "namespace", "default", "namespace of the offer")
	fl.StringVar(&f.price, "price", "", "price per request in token units, e.g. 0.001 (required)")
	fl.StringVar(&f.token, "token", "USDC", "token to be paid in: USDC (ERC-3009) or OBOL (Permit2)")
	fl.StringVar(&f.chain, "chain", "", "network: devnet, base-sepolia, base or ethereum (default: the stack's chain.network)")
	fl.StringVar(&f.payTo, "pay-to", "", "address that receives payments (default: the stack's wallet)")
	fl.StringVar(&f.path, "path", "", "public path prefix (default /services/<name>)")
	fl.StringVar(&f.description, "description", "", "description shown in the catalogs")
	_ = cmd.MarkFlagRequired("price")
}

// offer builds the ServiceOffer the flags describe.
func (g *Globals) offer(name string, typ v1alpha1.OfferType, f offerFlags) (*v1alpha1.ServiceOffer, error) {
	cfg, err := g.loadConfig(nil)
	if err != nil {
		return nil, err
	}
	if f.chain == "" {
		f.chain = cfg.Chain.Network
	}
	if err := checkToken(f.chain, f.token); err != nil {
		return nil, err
	}
	if f.payTo == "" {
		addr, err := wallet.Address(stack.WalletOptions(g.DataDir))
		if err != nil {
			return nil, fmt.Errorf("--pay-to not given and no stack wallet: %w", err)
		}
		f.payTo = addr.Hex()
	}
	o := &v1alpha1.ServiceOffer{
		TypeMeta:   v1alpha1.TypeMetaServiceOffer(),
		ObjectMeta: metav1.ObjectMeta{Namespace: f.namespace, Name: name},
		Spec: v1alpha1.ServiceOfferSpec{
			Type:     typ,
			Upstream: v1alpha1.UpstreamSpec{URL: f.upstream, HealthPath: f.healthPath},
			Path:     f.path,
			Payment: v1alpha1.PaymentOption{Network: f.chain, PayTo: f.payTo,
				Asset: &v1alpha1.AssetSpec{Symbol: strings.ToUpper(f.token)},
				Price: v1alpha1.PriceSpec{PerRequest: f.price}},
		},
	}
	if f.description != "" {
		o.Spec.Registration = &v1alpha1.RegistrationSpec{Description: f.description}
	}
	return o, nil
}

// checkToken refuses, before anything is created, a network or token the
// registry does not know (the offer could never become Ready).
func checkToken(network, token string) error {
	reg, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		return err
	}
	n, err := reg.Network(network)
	if err != nil {
		return fmt.Errorf("--chain %q: use devnet, base-sepolia, base or ethereum", network)
	}
	if _, err := reg.Token(n.CAIP2, token); err != nil {
		var known []string
		for _, t := range reg.Tokens(n.CAIP2) {
			known = append(known, t.Symbol)
		}
		return fmt.Errorf("--token %q is not a token on %s; use one of %s", token, n.Name, strings.Join(known, ", "))
	}
	return nil
}

func newSellCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sell",
		Short: "Sell a model or an HTTP service for x402 payments",
	}
	cmd.AddCommand(newSellInferenceCmd(g), newSellHTTPCmd(g), newSellListCmd(g), newSellStatusCmd(g), newSellTestCmd(g),
		newSellStopCmd(g), newSellDeleteCmd(g), newSellRegisterCmd(g))
	return cmd
}

func newSellInferenceCmd(g *Globals) *cobra.Command {
	var f offerFlags
	var model string
	cmd := &cobra.Command{
		Use:   "inference <name> --model M --price P",
		Short: "Sell a model of this stack's gateway (or of --upstream) per request",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, e, err := g.stackClient()
			if err != nil {
				return err
			}
			if f.upstream == "" {
				f.upstream = e["local"] // this stack's own model gateway
			}
			o, err := g.offer(args[0], v1alpha1.OfferTypeInference, f)
			if err != nil {
				return err
			}
			o.Spec.Model = &v1alpha1.ModelSpec{Name: model}
			return g.applyOffer(cmd.Context(), c, o, e)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&model, "model", "", "model to sell, as the gateway names it (required)")
	cmd.Flags().StringVar(&f.upstream, "upstream", "", "OpenAI-compatible upstream (default: this stack's model gateway)")
	_ = cmd.MarkFlagRequired("model")
	return cmd
}

func newSellHTTPCmd(g *Globals) *cobra.Command {
	var f offerFlags
	cmd := &cobra.Command{
		Use:   "http <name> --upstream URL --price P",
		Short: "Sell any HTTP service per request",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, e, err := g.stackClient()
			if err != nil {
				return err
			}
			o, err := g.offer(args[0], v1alpha1.OfferTypeHTTP, f)
			if err != nil {
				return err
			}
			return g.applyOffer(cmd.Context(), c, o, e)
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&f.upstream, "upstream", "", "the service's base URL (required)")
	cmd.Flags().StringVar(&f.healthPath, "health-path", "", "path probed for health (default /health)")
	_ = cmd.MarkFlagRequired("upstream")
	return cmd
}

// applyOffer creates or updates the offer and waits briefly for it to be
// Ready, so the printed URL answers 402 when the command returns.
func (g *Globals) applyOffer(ctx context.Context, c *client.Client, o *v1alpha1.ServiceOffer, e stack.Endpoints) error {
	res, err := c.ApplyOffer(ctx, o)
	if err != nil {
		return err
	}
	deadline := time.Now().Add(10 * time.Second)
	got := waitOffer(ctx, c, res.Object, deadline)
	url := e["public"] + got.EffectivePath()
	ready := v1alpha1.IsConditionTrue(got.Status.Conditions, v1alpha1.ConditionReady)
	notReady := conditionSummary(got)
	if ready {
		if _, err := waitPublished(ctx, url, deadline); err != nil {
			ready, notReady = false, err.Error()
		}
	}
	// Re-running a create is an update (of nothing, perhaps), never an error.
	result, changed := res.Result, res.Result != "unchanged"
	if !changed {
		result = "updated"
	}
	human := fmt.Sprintf("%s offer %s/%s: %s", result, o.Namespace, o.Name, url)
	if !ready {
		human += "\nnot ready yet: " + notReady
	}
	return g.emit(human, map[string]any{"result": result, "changed": changed, "url": url, "ready": ready, "offer": got})
}

// waitOffer polls until the reconciler has observed the offer's generation
// and it is Ready, or the deadline passes; it returns the last state seen.
func waitOffer(ctx context.Context, c *client.Client, o *v1alpha1.ServiceOffer, deadline time.Time) *v1alpha1.ServiceOffer {
	for {
		got, err := c.GetOffer(ctx, o.Namespace, o.Name)
		if err == nil {
			o = got
			if got.Status.ObservedGeneration == got.Generation && v1alpha1.IsConditionTrue(got.Status.Conditions, v1alpha1.ConditionReady) {
				return got
			}
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return o
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// waitPublished polls until a Ready offer is what a buyer finds: listed in
// the seller's catalog and answering 402 at its URL. Both are rebuilt from
// store watches a moment after the offer turns Ready.
func waitPublished(ctx context.Context, offerURL string, deadline time.Time) (*purchase.CatalogService, error) {
	hc := &http.Client{Timeout: 2 * time.Second}
	for {
		svc, err := purchase.FetchService(ctx, hc, offerURL)
		if err == nil && !answers402(ctx, hc, offerURL) {
			err = fmt.Errorf("%s does not answer 402 yet", offerURL)
		}
		if err == nil {
			return svc, nil
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return nil, fmt.Errorf("the offer is Ready but not published yet: %w", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func answers402(ctx context.Context, hc *http.Client, url string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return false
	}
	resp, err := hc.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusPaymentRequired
}

func conditionSummary(o *v1alpha1.ServiceOffer) string {
	var parts []string
	for _, c := range o.Status.Conditions {
		if c.Status != metav1.ConditionTrue && c.Type != v1alpha1.ConditionDraining {
			parts = append(parts, fmt.Sprintf("%s=%s (%s: %s)", c.Type, c.Status, c.Reason, c.Message))
		}
	}
	if len(parts) == 0 {
		return "waiting for the reconciler"
	}
	return strings.Join(parts, "; ")
}

func newSellListCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List offers",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, _, err := g.stackClient()
			if err != nil {
				return err
			}
			offers, err := c.ListOffers(cmd.Context())
			if err != nil {
				return err
			}
			var b strings.Builder
			tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAMESPACE\tNAME\tTYPE\tPRICE\tNETWORK\tREADY\tPATH")
			for _, o := range offers {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s %s\t%s\t%s\t%s\n", o.Namespace, o.Name, o.EffectiveType(), o.Spec.Payment.Price.PerRequest,
					assetSymbol(o), o.Spec.Payment.Network, readyString(o.Status.Conditions), o.EffectivePath())
			}
			tw.Flush()
			return g.emit(strings.TrimRight(b.String(), "\n"), map[string]any{"items": offers})
		},
	}
}

func assetSymbol(o *v1alpha1.ServiceOffer) string {
	if a := o.Spec.Payment.Asset; a != nil && a.Symbol != "" {
		return a.Symbol
	}
	return "USDC"
}

func readyString(conds []metav1.Condition) string {
	if c := v1alpha1.FindCondition(conds, v1alpha1.ConditionReady); c != nil {
		return string(c.Status)
	}
	return "Unknown"
}

// offerCmd is a command on one existing offer: `<use> <name> [--namespace]`.
func offerCmd(g *Globals, use, short string, run func(ctx context.Context, o *v1alpha1.ServiceOffer, e stack.Endpoints) error) *cobra.Command {
	var ns string
	cmd := &cobra.Command{
		Use:   use + " <name>",
		Short: short,
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, e, err := g.stackClient()
			if err != nil {
				return err
			}
			o, err := c.GetOffer(cmd.Context(), ns, args[0])
			if err != nil {
				return offerError(err, ns, args[0])
			}
			return run(cmd.Context(), o, e)
		},
	}
	cmd.Flags().StringVar(&ns, "namespace", "default", "namespace of the offer")
	return cmd
}

func newSellStatusCmd(g *Globals) *cobra.Command {
	return offerCmd(g, "status", "Show an offer's conditions, endpoint and registration",
		func(_ context.Context, o *v1alpha1.ServiceOffer, e stack.Endpoints) error {
			var b strings.Builder
			fmt.Fprintf(&b, "offer %s/%s (%s) at %s%s\n", o.Namespace, o.Name, o.EffectiveType(), e["public"], o.EffectivePath())
			for _, c := range o.Status.Conditions {
				fmt.Fprintf(&b, "  %-17s %-6s %s %s\n", c.Type, c.Status, c.Reason, c.Message)
			}
			if o.Status.AgentID != "" {
				fmt.Fprintf(&b, "Agent ID %s (tx %s)\n", o.Status.AgentID, o.Status.RegistrationTxHash)
			}
			return g.emit(strings.TrimRight(b.String(), "\n"), o)
		})
}

func offerError(err error, ns, name string) error {
	if errors.Is(err, client.ErrNotFound) {
		return fmt.Errorf("no offer %s/%s: see `obol sell list`", ns, name)
	}
	return err
}

func newSellTestCmd(g *Globals) *cobra.Command {
	return offerCmd(g, "test", "Probe the offer's public endpoint: it must answer 402 with what to pay",
		func(ctx context.Context, o *v1alpha1.ServiceOffer, e stack.Endpoints) error {
			endpoint := e["public"] + o.EffectivePath()
			pr, err := purchase.Probe(ctx, &http.Client{Timeout: 10 * time.Second}, endpoint, modelOf(o))
			if err != nil {
				return fmt.Errorf("probe %s: %w", endpoint, err)
			}
			var b strings.Builder
			fmt.Fprintf(&b, "%s answers 402 (x402 v%d) with %d way(s) to pay:", endpoint, pr.X402Version, len(pr.Accepts))
			for _, a := range pr.Accepts {
				fmt.Fprintf(&b, "\n  %s %s atomic of %s to %s (%s)", a.Scheme, a.Amount, a.Asset, a.PayTo, a.Network)
			}
			return g.emit(b.String(), pr)
		})
}

func modelOf(o *v1alpha1.ServiceOffer) string {
	if o.Spec.Model != nil {
		return o.Spec.Model.Name
	}
	return ""
}

// mutateOffer reads an offer, changes its spec and writes it back.
func (g *Globals) mutateOffer(ctx context.Context, ns, name string, change func(*v1alpha1.ServiceOffer)) (*v1alpha1.ServiceOffer, error) {
	c, _, err := g.stackClient()
	if err != nil {
		return nil, err
	}
	o, err := c.GetOffer(ctx, ns, name)
	if err != nil {
		return nil, offerError(err, ns, name)
	}
	change(o)
	res, err := c.ApplyOffer(ctx, o)
	if err != nil {
		return nil, err
	}
	return res.Object, nil
}

func newSellStopCmd(g *Globals) *cobra.Command {
	var ns string
	var grace time.Duration
	var force bool
	cmd := &cobra.Command{
		Use:   "stop <name>",
		Short: "Drain an offer: it serves and settles for --grace, then leaves every catalog",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if force {
				grace = 0
			}
			if err := v1alpha1.ValidateGracePeriod(grace); err != nil {
				return fmt.Errorf("--grace: %w", err)
			}
			now := metav1.NewTime(time.Now().UTC().Truncate(time.Second))
			o, err := g.mutateOffer(cmd.Context(), ns, args[0], func(o *v1alpha1.ServiceOffer) {
				o.Spec.DrainAt = &now
				o.Spec.DrainGracePeriod = &metav1.Duration{Duration: grace}
			})
			if err != nil {
				return err
			}
			ends := o.DrainEndsAt().UTC().Format(time.RFC3339)
			return g.emit(fmt.Sprintf("draining %s/%s: it serves until %s, then leaves every catalog", ns, args[0], ends),
				map[string]any{"drainEndsAt": ends, "offer": o})
		},
	}
	cmd.Flags().StringVar(&ns, "namespace", "default", "namespace of the offer")
	cmd.Flags().DurationVar(&grace, "grace", v1alpha1.DefaultDrainGracePeriod, "how long the offer keeps serving")
	cmd.Flags().BoolVar(&force, "force", false, "tear the route down now")
	return cmd
}

func newSellDeleteCmd(g *Globals) *cobra.Command {
	var ns string
	cmd := &cobra.Command{
		Use:   "delete <name>",
		Short: "Delete an offer (its route goes at once; use `sell stop` to drain first)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := g.stackClient()
			if err != nil {
				return err
			}
			if err := c.DeleteOffer(cmd.Context(), ns, args[0]); err != nil {
				return offerError(err, ns, args[0])
			}
			return g.emit(fmt.Sprintf("deleted offer %s/%s", ns, args[0]), map[string]any{"deleted": true})
		},
	}
	cmd.Flags().StringVar(&ns, "namespace", "default", "namespace of the offer")
	return cmd
}

func newSellRegisterCmd(g *Globals) *cobra.Command {
	var ns, agentName string
	cmd := &cobra.Command{
		Use:   "register <name>",
		Short: "Register the offer's agent on the chain's ERC-8004 identity registry",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if agentName != "" {
				if _, err := g.mutateOffer(cmd.Context(), ns, args[0], func(o *v1alpha1.ServiceOffer) {
					if o.Spec.Registration == nil {
						o.Spec.Registration = &v1alpha1.RegistrationSpec{}
					}
					o.Spec.Registration.Name = agentName
				}); err != nil {
					return err
				}
			}
			c, _, err := g.stackClient()
			if err != nil {
				return err
			}
			g.progress("registering %s/%s on its chain's identity registry…", ns, args[0])
			reg, err := c.RegisterOffer(cmd.Context(), ns, args[0])
			if err != nil {
				return fmt.Errorf("register %s/%s: %w", ns, args[0], err)
			}
			return g.emit(fmt.Sprintf("registered %s/%s: Agent ID %s (tx %s)", ns, args[0], reg.AgentID, reg.TxHash), reg)
		},
	}
	cmd.Flags().StringVar(&ns, "namespace", "default", "namespace of the offer")
	cmd.Flags().StringVar(&agentName, "agent-name", "", "agent name in the registration (default: the offer's)")
	return cmd
}
