package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	"golang.org/x/sys/unix"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/purchase"
	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/wallet"
	"github.com/obol-dev/obol/internal/x402"
)

// buyPlan is one `obol buy` run: what is bought, from whom, with what.
type buyPlan struct {
	Namespace, Name string
	OfferURL        string
	Model           string
	Count           int
	MaxPrice        string // token units; "" = no limit
	Yes             bool   // skip confirmations
}

// buyDeps are the outside things a buy needs; the CLI and the demo fill them.
type buyDeps struct {
	Client  *client.Client
	Signer  wallet.Signer
	RPC     func(network string) (*ethclient.Client, error)
	Confirm func(question string) bool
	HTTP    *http.Client
}

// buy checks the seller's terms, pre-signs the auths and creates the
// PurchaseRequest. Every check runs before the first signature, and the
// PurchaseRequest is created only once every auth is signed.
func (g *Globals) buy(ctx context.Context, p buyPlan, d buyDeps) (*v1alpha1.PurchaseRequest, error) {
	svc, err := purchase.FetchService(ctx, d.HTTP, p.OfferURL)
	if err != nil {
		return nil, err
	}
	if p.Model == "" {
		p.Model = svc.Model
	}
	if p.Model == "" {
		return nil, fmt.Errorf("the offer at %s names no model: give --model", p.OfferURL)
	}
	if p.Name == "" {
		p.Name = purchaseName(p.Model)
	}
	g.progress("probing %s …", svc.Endpoint)
	challenge, err := purchase.Probe(ctx, d.HTTP, svc.Endpoint, p.Model)
	if err != nil {
		return nil, err
	}
	var maxPrice *big.Int
	if p.MaxPrice != "" {
		if maxPrice, err = x402.ParseAmount(p.MaxPrice, uint8(svc.Asset.Decimals)); err != nil {
			return nil, fmt.Errorf("--max-price: %w", err)
		}
	}
	ec, err := d.RPC(svc.CAIP2Network)
	if err != nil {
		return nil, err
	}
	reader, err := purchase.NewEthReader(ec)
	if err != nil {
		return nil, err
	}
	if !p.Yes && !d.Confirm(fmt.Sprintf("buy %d requests of %s at %s from %s (at most %d × the price)?", p.Count, p.Model, svc.Price, svc.Endpoint, p.Count)) {
		return nil, errors.New("cancelled: nothing was signed")
	}
	res, err := purchase.Presign(ctx, purchase.PresignOptions{Signer: d.Signer, Service: svc, Challenge: challenge, Chain: reader,
		Count: p.Count, MaxPrice: maxPrice, Progress: g.signingProgress(p.Count),
		Approve: approver(d, ec, p.Yes)})
	if err != nil {
		return nil, err
	}
	pr := &v1alpha1.PurchaseRequest{TypeMeta: v1alpha1.TypeMetaPurchaseRequest(),
		ObjectMeta: metav1.ObjectMeta{Namespace: p.Namespace, Name: p.Name},
		Spec: v1alpha1.PurchaseRequestSpec{Endpoint: svc.Endpoint, Model: p.Model, Count: int32(len(res.Auths)),
			PreSignedAuths: res.Auths, Payment: res.Payment}}
	applied, err := d.Client.ApplyPurchase(ctx, pr)
	if err != nil {
		return nil, fmt.Errorf("create purchase %s/%s (the %d signed auths were not stored): %w", p.Namespace, p.Name, len(res.Auths), err)
	}
	return waitPurchase(ctx, d.Client, applied.Object, 20*time.Second), nil
}

// purchaseName turns a model id into a resource name.
func purchaseName(model string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(model) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// signingProgress prints a line at every tenth of the signatures.
func (g *Globals) signingProgress(total int) func(done, total int) {
	step := max(total/10, 1)
	return func(done, total int) {
		if done%step == 0 || done == total {
			g.progress("signed %d/%d authorizations", done, total)
		}
	}
}

// approver sends the one-time approve(Permit2) a Permit2 payment needs,
// after asking.
func approver(d buyDeps, ec *ethclient.Client, yes bool) func(context.Context, common.Address, *big.Int) error {
	return func(ctx context.Context, token common.Address, amount *big.Int) error {
		if !yes && !d.Confirm(fmt.Sprintf("Permit2 needs a one-time allowance of %s atomic units of %s; send approve?", amount, token.Hex())) {
			return purchase.ErrAllowanceRequired
		}
		chainID, err := ec.ChainID(ctx)
		if err != nil {
			return err
		}
		tok, err := bindings.NewDevOBOL(token, ec) // any ERC-20's approve has this ABI
		if err != nil {
			return err
		}
		tx, err := tok.Approve(wallet.TransactOpts(ctx, d.Signer, chainID), x402.Permit2Address, amount)
		if err != nil {
			return fmt.Errorf("approve Permit2: %w", err)
		}
		return waitReceipt(ctx, ec, tx.Hash())
	}
}

func waitReceipt(ctx context.Context, ec *ethclient.Client, h common.Hash) error {
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if rc, err := ec.TransactionReceipt(ctx, h); err == nil {
			if rc.Status != 1 {
				return fmt.Errorf("transaction %s reverted", h.Hex())
			}
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
	return fmt.Errorf("transaction %s not mined after 2 minutes", h.Hex())
}

// waitPurchase polls until the purchase is Ready or the timeout passes.
func waitPurchase(ctx context.Context, c *client.Client, pr *v1alpha1.PurchaseRequest, timeout time.Duration) *v1alpha1.PurchaseRequest {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if got, err := c.GetPurchase(ctx, pr.Namespace, pr.Name); err == nil {
			pr = got
			if v1alpha1.IsConditionTrue(got.Status.Conditions, v1alpha1.ConditionReady) {
				break
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	return pr
}

// confirmer asks on the terminal; without one it refuses and says how to agree.
func (g *Globals) confirmer() func(string) bool {
	return func(q string) bool {
		if f, ok := g.Stdin.(*os.File); !ok || !isTerminal(f) {
			fmt.Fprintf(g.Stderr, "%s\nno terminal to ask on: pass --yes to agree\n", q)
			return false
		}
		fmt.Fprintf(g.Stderr, "%s [y/N] ", q)
		line, _ := bufio.NewReader(g.Stdin).ReadString('\n')
		return strings.EqualFold(strings.TrimSpace(line), "y") || strings.EqualFold(strings.TrimSpace(line), "yes")
	}
}

// isTerminal asks the terminal driver, so /dev/null (a character device
// too) is not mistaken for a person to ask.
func isTerminal(f *os.File) bool {
	if f == nil {
		return false
	}
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

// rpcFor finds a JSON-RPC endpoint for a network: the running stack's dev
// chain, or chain.rpc in the config.
func (g *Globals) rpcFor(e stack.Endpoints) func(string) (*ethclient.Client, error) {
	return func(network string) (*ethclient.Client, error) {
		reg, err := x402.NewRegistry(x402.RegistryOptions{})
		if err != nil {
			return nil, err
		}
		n, err := reg.Network(network)
		if err != nil {
			return nil, err
		}
		cfg, err := g.loadConfig(nil)
		if err != nil {
			return nil, err
		}
		url := cfg.Chain.RPC[n.Name]
		if url == "" {
			url = cfg.Chain.RPC[n.CAIP2]
		}
		if url == "" && e["chain"] != "" && n.ChainID == cfg.Chain.ChainID {
			url = e["chain"]
		}
		if url == "" {
			return nil, fmt.Errorf("no RPC for %s: set chain.rpc.%s in %s", n.Name, n.Name, stack.Layout{Dir: g.DataDir}.Config())
		}
		return ethclient.Dial(url)
	}
}

func newBuyCmd(g *Globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "buy",
		Short: "Buy paid models from other sellers; agents use them as paid/<model>",
	}
	cmd.AddCommand(newBuyInferenceCmd(g), newBuyListCmd(g), newBuyStatusCmd(g), newBuyRemoveCmd(g), newBuyRefillCmd(g))
	return cmd
}

func newBuyInferenceCmd(g *Globals) *cobra.Command {
	p := buyPlan{Namespace: "default"}
	cmd := &cobra.Command{
		Use:   "inference <seller-offer-url>",
		Short: "Pre-sign a bounded pool of payments for a seller's model and expose it as paid/<model>",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if p.Count < v1alpha1.MinPurchaseCount || p.Count > v1alpha1.MaxPurchaseCount {
				return fmt.Errorf("--count %d: buy between %d and %d authorizations", p.Count, v1alpha1.MinPurchaseCount, v1alpha1.MaxPurchaseCount)
			}
			c, e, err := g.stackClient()
			if err != nil {
				return err
			}
			signer, err := wallet.Open(stack.WalletOptions(g.DataDir))
			if err != nil {
				return err
			}
			p.OfferURL = args[0]
			pr, err := g.buy(cmd.Context(), p, buyDeps{Client: c, Signer: signer, RPC: g.rpcFor(e), Confirm: g.confirmer(),
				HTTP: &http.Client{Timeout: 30 * time.Second}})
			if err != nil {
				return err
			}
			return g.emitPurchase(pr)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&p.Count, "count", 5, "how many requests to pre-pay (1..2500); the most you can lose is count × price")
	fl.StringVar(&p.Model, "model", "", "model to buy (default: the offer's)")
	fl.StringVar(&p.MaxPrice, "max-price", "", "refuse if one request costs more than this, in token units")
	fl.StringVar(&p.Name, "name", "", "name of the purchase (default: from the model)")
	fl.StringVar(&p.Namespace, "namespace", "default", "namespace of the purchase")
	fl.BoolVar(&p.Yes, "yes", false, "do not ask for confirmation")
	return cmd
}

func (g *Globals) emitPurchase(pr *v1alpha1.PurchaseRequest) error {
	st := pr.Status
	human := fmt.Sprintf("purchase %s/%s: %s, remaining %d, spent %d, signed %d", pr.Namespace, pr.Name, pr.PublicModel(), st.Remaining, st.Spent, st.TotalSigned)
	if !v1alpha1.IsConditionTrue(st.Conditions, v1alpha1.ConditionReady) {
		human += "\nnot ready yet:"
		for _, c := range st.Conditions {
			if c.Status != metav1.ConditionTrue {
				human += fmt.Sprintf(" %s=%s (%s: %s)", c.Type, c.Status, c.Reason, c.Message)
			}
		}
	}
	return g.emit(human, pr)
}

func newBuyListCmd(g *Globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List purchases with their remaining and spent auths",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			c, _, err := g.stackClient()
			if err != nil {
				return err
			}
			prs, err := c.ListPurchases(cmd.Context())
			if err != nil {
				return err
			}
			var b strings.Builder
			tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "NAMESPACE\tNAME\tMODEL\tREMAINING\tSPENT\tREADY\tENDPOINT")
			for _, p := range prs {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%s\n", p.Namespace, p.Name, p.PublicModel(), p.Status.Remaining, p.Status.Spent,
					readyString(p.Status.Conditions), p.Spec.Endpoint)
			}
			tw.Flush()
			return g.emit(strings.TrimRight(b.String(), "\n"), map[string]any{"items": prs})
		},
	}
}

func newBuyStatusCmd(g *Globals) *cobra.Command {
	var ns string
	cmd := &cobra.Command{
		Use:   "status <name>",
		Short: "Show a purchase's conditions and pool",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := g.stackClient()
			if err != nil {
				return err
			}
			pr, err := c.GetPurchase(cmd.Context(), ns, args[0])
			if errors.Is(err, client.ErrNotFound) {
				return fmt.Errorf("no purchase %s/%s: see `obol buy list`", ns, args[0])
			}
			if err != nil {
				return err
			}
			return g.emitPurchase(pr)
		},
	}
	cmd.Flags().StringVar(&ns, "namespace", "default", "namespace of the purchase")
	return cmd
}

func newBuyRemoveCmd(g *Globals) *cobra.Command {
	var ns string
	cmd := &cobra.Command{
		Use:   "remove <name>",
		Short: "Remove a purchase: its pool and (unless another purchase serves it) its paid/<model> route",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, _, err := g.stackClient()
			if err != nil {
				return err
			}
			if err := c.DeletePurchase(cmd.Context(), ns, args[0]); errors.Is(err, client.ErrNotFound) {
				return fmt.Errorf("no purchase %s/%s: see `obol buy list`", ns, args[0])
			} else if err != nil {
				return err
			}
			return g.emit(fmt.Sprintf("removed purchase %s/%s", ns, args[0]), map[string]any{"removed": true})
		},
	}
	cmd.Flags().StringVar(&ns, "namespace", "default", "namespace of the purchase")
	return cmd
}

func newBuyRefillCmd(g *Globals) *cobra.Command {
	var ns string
	var count int
	var yes bool
	cmd := &cobra.Command{
		Use:   "refill <name>",
		Short: "Pre-sign more auths for a purchase, at the price it was bought at",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, e, err := g.stackClient()
			if err != nil {
				return err
			}
			pr, err := c.GetPurchase(cmd.Context(), ns, args[0])
			if errors.Is(err, client.ErrNotFound) {
				return fmt.Errorf("no purchase %s/%s: see `obol buy list`", ns, args[0])
			} else if err != nil {
				return err
			}
			signer, err := wallet.Open(stack.WalletOptions(g.DataDir))
			if err != nil {
				return err
			}
			more, err := g.refill(cmd.Context(), pr, count, yes, buyDeps{Client: c, Signer: signer, RPC: g.rpcFor(e),
				Confirm: g.confirmer(), HTTP: &http.Client{Timeout: 30 * time.Second}})
			if err != nil {
				return err
			}
			return g.emitPurchase(more)
		},
	}
	cmd.Flags().StringVar(&ns, "namespace", "default", "namespace of the purchase")
	cmd.Flags().IntVar(&count, "count", 5, "how many auths to add")
	cmd.Flags().BoolVar(&yes, "yes", false, "do not ask for confirmation")
	return cmd
}

// refill signs count more auths and appends them to the purchase. The
// purchase's price is the ceiling: a seller that raised it is refused.
func (g *Globals) refill(ctx context.Context, pr *v1alpha1.PurchaseRequest, count int, yes bool, d buyDeps) (*v1alpha1.PurchaseRequest, error) {
	total := len(pr.Spec.PreSignedAuths) + count
	if count < 1 || total > v1alpha1.MaxPurchaseCount {
		return nil, fmt.Errorf("--count %d: a purchase holds at most %d auths and this one has %d; buy a new one instead",
			count, v1alpha1.MaxPurchaseCount, len(pr.Spec.PreSignedAuths))
	}
	svc, err := purchase.FetchService(ctx, d.HTTP, pr.Spec.Endpoint)
	if err != nil {
		return nil, err
	}
	challenge, err := purchase.Probe(ctx, d.HTTP, svc.Endpoint, pr.Spec.Model)
	if err != nil {
		return nil, err
	}
	ec, err := d.RPC(pr.Spec.Payment.Network)
	if err != nil {
		return nil, err
	}
	reader, err := purchase.NewEthReader(ec)
	if err != nil {
		return nil, err
	}
	maxPrice, _ := new(big.Int).SetString(pr.Spec.Payment.Price, 10)
	// The unspent auths already promise remaining × price of the balance.
	reserved := new(big.Int).Mul(maxPrice, big.NewInt(int64(pr.Status.Remaining)))
	if !yes && !d.Confirm(fmt.Sprintf("add %d auths to %s/%s at %s?", count, pr.Namespace, pr.Name, svc.Price)) {
		return nil, errors.New("cancelled: nothing was signed")
	}
	res, err := purchase.Presign(ctx, purchase.PresignOptions{Signer: d.Signer, Service: svc, Challenge: challenge, Chain: reader,
		Count: count, MaxPrice: maxPrice, Reserved: reserved, Progress: g.signingProgress(count), Approve: approver(d, ec, yes)})
	if err != nil {
		return nil, err
	}
	pr.Spec.PreSignedAuths = append(pr.Spec.PreSignedAuths, res.Auths...)
	pr.Spec.Count = int32(total)
	applied, err := d.Client.ApplyPurchase(ctx, pr)
	if err != nil {
		return nil, fmt.Errorf("store the %d new auths of %s/%s: %w", count, pr.Namespace, pr.Name, err)
	}
	return waitPurchase(ctx, d.Client, applied.Object, 20*time.Second), nil
}
