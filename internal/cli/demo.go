package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/spf13/cobra"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/config"
	llmconfig "github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/demomodel"
	"github.com/obol-dev/obol/internal/llm/models"
	"github.com/obol-dev/obol/internal/stack"
	"github.com/obol-dev/obol/internal/wallet"
)

// demoOptions are the flags of `obol demo`.
type demoOptions struct {
	model, token, price string
	count               int
	keep                bool
}

// demoResult is `obol demo -o json`: amounts are decimal strings of atomic units.
type demoResult struct {
	OK              bool   `json:"ok"`
	SellerOfferURL  string `json:"seller_offer_url"`
	Model           string `json:"model"`
	Token           string `json:"token"`
	PriceAtomic     string `json:"price_atomic"`
	TxHash          string `json:"tx_hash"`
	SellerDelta     string `json:"seller_delta"`
	BuyerDelta      string `json:"buyer_delta"`
	RemainingBefore int    `json:"remaining_before"`
	RemainingAfter  int    `json:"remaining_after"`
	ElapsedMS       int64  `json:"elapsed_ms"`
	Answer          string `json:"-"` // shown in the progress lines only
}

func newDemoCmd(g *Globals) *cobra.Command {
	var o demoOptions
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Run the whole sell → discover → buy → pay → settle loop on a dev chain",
		Long: "Starts a dev chain and two stacks in this process — Alice sells, Bob buys — then walks the loop:\n" +
			"sell a model, read the catalog, buy a pool of pre-signed payments, make one paid chat completion\n" +
			"through Bob's gateway as paid/<model>, and check the settlement on chain. Exit 0 only when both\n" +
			"balances moved by exactly the price. The model is a built-in demo model unless --model names a\n" +
			"model of a local Ollama (127.0.0.1:11434).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.token = strings.ToUpper(o.token)
			if o.token != "USDC" && o.token != "OBOL" {
				return fmt.Errorf("--token %q: use USDC (ERC-3009) or OBOL (Permit2)", o.token)
			}
			return g.runDemo(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.model, "model", "", "sell this model of a running local Ollama instead of the demo model")
	f.StringVar(&o.token, "token", "USDC", "token to pay in: USDC (ERC-3009) or OBOL (Permit2)")
	f.StringVar(&o.price, "price", "0.001", "price per request in token units")
	f.IntVar(&o.count, "count", 5, "auths Bob pre-signs")
	f.BoolVar(&o.keep, "keep", false, "leave the chain and both stacks running and print their URLs")
	return cmd
}

// demo is one run's world: the chain, the model upstream, two stacks.
type demo struct {
	g       *Globals
	o       demoOptions
	dir     string
	chain   *chain.Chain
	model   *demomodel.Server
	alice   *stack.Stack
	bob     *stack.Stack
	step    int
	started time.Time
}

const demoSteps = 7

func (d *demo) say(format string, args ...any) {
	d.step++
	d.g.progress("[%d/%d] %s", d.step, demoSteps, fmt.Sprintf(format, args...))
}

func (g *Globals) runDemo(ctx context.Context, o demoOptions) (err error) {
	d := &demo{g: g, o: o, started: time.Now()}
	if d.dir, err = os.MkdirTemp("", "obol-demo-"); err != nil {
		return fmt.Errorf("create demo dir: %w", err)
	}
	defer func() {
		if !o.keep || err != nil {
			d.close()
		}
	}()
	res, err := d.run(ctx)
	if err != nil {
		return err
	}
	if err := g.emit(d.summary(res), res); err != nil {
		return err
	}
	if o.keep {
		d.printKept()
		<-ctx.Done()
		d.close()
	}
	if !res.OK {
		return &ExitError{Code: 1, Err: errors.New("the balances did not move by exactly the price")}
	}
	return nil
}

func (d *demo) run(ctx context.Context) (*demoResult, error) {
	if err := d.startWorld(ctx); err != nil {
		return nil, err
	}
	offerURL, price, err := d.sell(ctx)
	if err != nil {
		return nil, err
	}
	pr, err := d.buy(ctx, offerURL)
	if err != nil {
		return nil, err
	}
	return d.pay(ctx, offerURL, price, pr)
}

// startWorld starts the chain, the model and both stacks on free ports.
func (d *demo) startWorld(ctx context.Context) error {
	var err error
	if d.chain, err = chain.New(chain.Options{}); err != nil {
		return err
	}
	d.say("dev chain up (chain id %s, in memory)", d.chain.ChainID())
	if d.o.model == "" {
		if d.model, err = demomodel.Start("127.0.0.1:0"); err != nil {
			return err
		}
	}
	if d.alice, err = d.startStack(ctx, "alice"); err != nil {
		return err
	}
	if d.bob, err = d.startStack(ctx, "bob"); err != nil {
		return err
	}
	d.say("two stacks up: Alice sells at %s, Bob buys through %s", d.alice.URL("public"), d.bob.URL("local"))
	return nil
}

func (d *demo) startStack(ctx context.Context, name string) (*stack.Stack, error) {
	dir := filepath.Join(d.dir, name)
	if _, err := stack.Init(dir); err != nil {
		return nil, err
	}
	cfg := config.Default()
	cfg.Listen = config.Listen{Public: "127.0.0.1:0", Local: "127.0.0.1:0", Buyer: "127.0.0.1:0", Facilitator: "127.0.0.1:0"}
	cfg.Seller.DisplayName = name + "'s obol stack (demo)"
	if name == "alice" {
		if err := d.configureModel(ctx, dir); err != nil {
			return nil, err
		}
	}
	s, err := stack.New(stack.Options{DataDir: dir, Config: cfg, Chain: d.chain, Logger: d.g.demoLogger(dir)})
	if err != nil {
		return nil, err
	}
	return s, s.Start(ctx)
}

// configureModel writes Alice's model config: the demo model, or the
// named model of a local Ollama.
func (d *demo) configureModel(ctx context.Context, dir string) error {
	var dep llmconfig.Deployment
	if d.o.model == "" {
		dep = models.CustomDeployment(d.model.URL(), demomodel.ModelID, "", false)
		dep.Info = map[string]any{"description": demomodel.Label}
	} else {
		deps, err := ollamaModel(ctx, d.o.model)
		if err != nil {
			return err
		}
		dep = deps[0]
	}
	return models.Dir{Root: dir}.Edit(func(cfg *llmconfig.Config) error {
		_, err := cfg.Upsert(dep)
		return err
	})
}

// ollamaModel finds model on the local Ollama, or says why it cannot.
func ollamaModel(ctx context.Context, model string) ([]llmconfig.Deployment, error) {
	all, err := models.OllamaDeployments(ctx, models.DefaultOllamaURL, "")
	if err != nil {
		return nil, fmt.Errorf("--model %s needs a running Ollama at %s: %w", model, models.DefaultOllamaURL, err)
	}
	for _, dep := range all {
		if dep.ModelName == strings.TrimSuffix(model, ":latest") {
			return []llmconfig.Deployment{dep}, nil
		}
	}
	return nil, fmt.Errorf("Ollama at %s has no model %q: pull it first (`ollama pull %s`)", models.DefaultOllamaURL, model, model)
}

// demoLogger writes a stack's logs to demo.log in its data dir, keeping
// the terminal for the demo's own progress lines.
func (g *Globals) demoLogger(dir string) *slog.Logger {
	var w io.Writer = io.Discard
	if f, err := os.OpenFile(filepath.Join(dir, "demo.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600); err == nil {
		w = f // closed with the process; the demo is short-lived
	}
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(g.LogLevel))
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lvl}))
}

func (d *demo) modelName() string {
	if d.o.model != "" {
		return strings.TrimSuffix(d.o.model, ":latest")
	}
	return demomodel.ModelID
}

// sell makes Alice's offer and waits until her catalog lists it.
func (d *demo) sell(ctx context.Context) (string, string, error) {
	c := d.client(d.alice)
	alice, err := wallet.Address(stack.WalletOptions(d.alice.DataDir()))
	if err != nil {
		return "", "", err
	}
	o := &v1alpha1.ServiceOffer{TypeMeta: v1alpha1.TypeMetaServiceOffer(),
		ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: d.modelName()},
		Spec: v1alpha1.ServiceOfferSpec{Type: v1alpha1.OfferTypeInference, Model: &v1alpha1.ModelSpec{Name: d.modelName()},
			Upstream: v1alpha1.UpstreamSpec{URL: d.alice.URL("local")},
			Payment: v1alpha1.PaymentOption{Network: "devnet", PayTo: alice.Hex(), Asset: &v1alpha1.AssetSpec{Symbol: d.o.token},
				Price: v1alpha1.PriceSpec{PerRequest: d.o.price}}}}
	if d.o.model == "" {
		o.Spec.Registration = &v1alpha1.RegistrationSpec{Description: "obol-demo: " + demomodel.Label}
	}
	if _, err := c.ApplyOffer(ctx, o); err != nil {
		return "", "", err
	}
	got := waitOffer(ctx, c, o, time.Now().Add(15*time.Second))
	if !v1alpha1.IsConditionTrue(got.Status.Conditions, v1alpha1.ConditionReady) {
		return "", "", fmt.Errorf("Alice's offer did not become ready: %s", conditionSummary(got))
	}
	offerURL := d.alice.URL("public") + got.EffectivePath()
	d.say("Alice sells %s at %s %s/request → %s", d.modelLabel(), d.o.price, d.o.token, offerURL)
	svc, err := waitPublished(ctx, offerURL, time.Now().Add(10*time.Second))
	if err != nil {
		return "", "", err
	}
	d.say("Alice's catalog lists it: %s (%s atomic units, pay to %s)", svc.Price, svc.PriceAtomicUnits, svc.PayTo)
	return offerURL, svc.PriceAtomicUnits, nil
}

func (d *demo) modelLabel() string {
	if d.o.model == "" {
		return demomodel.ModelID + " (" + demomodel.Label + ")"
	}
	return d.o.model + " (local Ollama)"
}

// buy funds Bob from the dev chain's faucet and buys a pool.
func (d *demo) buy(ctx context.Context, offerURL string) (*v1alpha1.PurchaseRequest, error) {
	signer, err := wallet.Open(stack.WalletOptions(d.bob.DataDir()))
	if err != nil {
		return nil, err
	}
	if _, err := d.chain.Fund(ctx, signer.Address(), d.o.token, d.tokenUnits(100)); err != nil {
		return nil, fmt.Errorf("fund Bob: %w", err)
	}
	pr, err := d.g.buy(ctx, buyPlan{Namespace: "default", OfferURL: offerURL, Count: d.o.count, Yes: true},
		buyDeps{Client: d.client(d.bob), Signer: signer, HTTP: &http.Client{Timeout: 30 * time.Second},
			RPC: func(string) (*ethclient.Client, error) { return d.chain.EthClient(), nil }})
	if err != nil {
		return nil, err
	}
	if !v1alpha1.IsConditionTrue(pr.Status.Conditions, v1alpha1.ConditionReady) {
		return nil, fmt.Errorf("Bob's purchase did not become ready: %+v", pr.Status.Conditions)
	}
	d.say("Bob bought %d pre-signed auths → %s is Ready on his gateway (remaining %d)", pr.Status.TotalSigned, pr.PublicModel(), pr.Status.Remaining)
	return pr, nil
}

func (d *demo) tokenUnits(n int64) *big.Int {
	if d.o.token == "OBOL" {
		return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18))
	}
	return big.NewInt(n * 1e6)
}

func (d *demo) client(s *stack.Stack) *client.Client {
	key, _ := stack.ReadMasterKey(s.DataDir())
	return client.New(s.URL("local"), key)
}

func removeAll(dir string) { _ = os.RemoveAll(dir) }
