package stack

import (
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/llm"
	llmconfig "github.com/obol-dev/obol/internal/llm/config"
	"github.com/obol-dev/obol/internal/llm/demomodel"
	"github.com/obol-dev/obol/internal/llm/models"
	"github.com/obol-dev/obol/internal/purchase"
)

// TestPaidRouteSurvivesGatewayReload: Alice sells the demo model, Bob buys
// it; once the purchase is Configured, paid/<model> is in Bob's model
// config (the source of truth), so a gateway reload — what `obol model
// prefer`-style rebuilds and restarts do — keeps serving it at once, with
// no wait for the reconciler's resync. Removing the purchase (`obol buy
// remove`) takes the route out of the source and the live router.
func TestPaidRouteSurvivesGatewayReload(t *testing.T) {
	ctx := context.Background()
	dm, err := demomodel.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer dm.Close()
	ch, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	start := func(name string) *Stack {
		s, err := New(Options{DataDir: filepath.Join(t.TempDir(), name), Config: testConfig(), Chain: ch})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if err := s.Start(ctx); err != nil {
			t.Fatal(err)
		}
		return s
	}
	alice, bob := start("alice"), start("bob")
	aliceAdmin, bobAdmin := adminOf(alice), adminOf(bob)

	// Alice's model, then her offer of it.
	if err := (models.Dir{Root: alice.DataDir()}).Edit(func(c *llmconfig.Config) error {
		return c.Add(models.CustomDeployment(dm.URL(), demomodel.ModelID, "", false))
	}); err != nil {
		t.Fatal(err)
	}
	if err := aliceAdmin.Reload(ctx); err != nil {
		t.Fatal(err)
	}
	ac := client.New(alice.URL("local"), aliceAdmin.MasterKey)
	o := &v1alpha1.ServiceOffer{TypeMeta: v1alpha1.TypeMetaServiceOffer(), ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: "demo"},
		Spec: v1alpha1.ServiceOfferSpec{Type: v1alpha1.OfferTypeInference, Model: &v1alpha1.ModelSpec{Name: demomodel.ModelID},
			Upstream: v1alpha1.UpstreamSpec{URL: alice.URL("local")},
			Payment: v1alpha1.PaymentOption{Network: "devnet", PayTo: alice.parts.signer.Address().Hex(), Asset: &v1alpha1.AssetSpec{Symbol: "USDC"},
				Price: v1alpha1.PriceSpec{PerRequest: "0.001"}}}}
	if _, err := ac.ApplyOffer(ctx, o); err != nil {
		t.Fatal(err)
	}
	var offer *v1alpha1.ServiceOffer
	eventually(t, "Alice's offer Ready", func() bool {
		offer, err = ac.GetOffer(ctx, "default", "demo")
		return err == nil && v1alpha1.IsConditionTrue(offer.Status.Conditions, v1alpha1.ConditionReady)
	})
	offerURL := alice.URL("public") + offer.EffectivePath()
	hc := &http.Client{}
	var svc *purchase.CatalogService
	eventually(t, "offer listed", func() bool { svc, err = purchase.FetchService(ctx, hc, offerURL); return err == nil })

	// Bob buys a pool, as `obol buy inference` does.
	if _, err := ch.Fund(ctx, bob.parts.signer.Address(), "USDC", big.NewInt(100_000_000)); err != nil {
		t.Fatal(err)
	}
	challenge, err := purchase.Probe(ctx, hc, svc.Endpoint, svc.Model)
	if err != nil {
		t.Fatal(err)
	}
	reader, err := purchase.NewEthReader(ch.EthClient())
	if err != nil {
		t.Fatal(err)
	}
	res, err := purchase.Presign(ctx, purchase.PresignOptions{Signer: bob.parts.signer, Service: svc, Challenge: challenge, Chain: reader, Count: 3})
	if err != nil {
		t.Fatal(err)
	}
	bc := client.New(bob.URL("local"), bobAdmin.MasterKey)
	pr := &v1alpha1.PurchaseRequest{TypeMeta: v1alpha1.TypeMetaPurchaseRequest(), ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: "demo"},
		Spec: v1alpha1.PurchaseRequestSpec{Endpoint: svc.Endpoint, Model: svc.Model, Count: int32(len(res.Auths)),
			PreSignedAuths: res.Auths, Payment: res.Payment}}
	if _, err := bc.ApplyPurchase(ctx, pr); err != nil {
		t.Fatal(err)
	}
	paid := pr.PublicModel()
	eventually(t, "Bob's purchase Configured", func() bool {
		got, err := bc.GetPurchase(ctx, "default", "demo")
		return err == nil && v1alpha1.IsConditionTrue(got.Status.Conditions, v1alpha1.ConditionConfigured)
	})
	bobDir := models.Dir{Root: bob.DataDir()}
	if !slices.Contains(sourceNames(t, bobDir), paid) {
		t.Fatalf("%s is not in Bob's source config: %v", paid, sourceNames(t, bobDir))
	}
	if code, body := paidChat(t, bob, paid); code != http.StatusOK {
		t.Fatalf("%s before the reload: %d %s", paid, code, body)
	}

	// The reload rebuilds the router from the source: the explicit route
	// (not just the gateway's implicit paid/* fallback) is there at once.
	req, _ := http.NewRequest(http.MethodPost, bob.URL("local")+"/admin/reload", strings.NewReader("{}"))
	req.Header.Set("Authorization", "Bearer "+bobAdmin.MasterKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/admin/reload: %d", resp.StatusCode)
	}
	if !slices.Contains(liveNames(t, bobAdmin), paid) {
		t.Fatalf("%s not in the live router right after the reload: %v", paid, liveNames(t, bobAdmin))
	}
	if !slices.Contains(advertised(t, bob), paid) {
		t.Fatalf("/v1/models does not list %s right after the reload: %v", paid, advertised(t, bob))
	}
	if code, body := paidChat(t, bob, paid); code != http.StatusOK {
		t.Fatalf("%s right after the reload: %d %s", paid, code, body)
	}

	// `obol buy remove`: the reconciler's DeleteRoute takes it out of both.
	if err := bc.DeletePurchase(ctx, "default", "demo"); err != nil {
		t.Fatal(err)
	}
	eventually(t, paid+" gone from the source and the live router", func() bool {
		return !slices.Contains(sourceNames(t, bobDir), paid) && !slices.Contains(liveNames(t, bobAdmin), paid)
	})
}

func adminOf(s *Stack) *llm.AdminClient {
	key, _ := ReadMasterKey(s.DataDir())
	return &llm.AdminClient{BaseURL: s.URL("local"), MasterKey: key}
}

func sourceNames(t *testing.T, d models.Dir) []string {
	t.Helper()
	cfg, err := d.Load()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, x := range cfg.Deployments() {
		out = append(out, x.ModelName)
	}
	return out
}

// liveNames are the live router's explicit entries (not the implicit
// paid/* and ollama/* fallbacks).
func liveNames(t *testing.T, a *llm.AdminClient) []string {
	t.Helper()
	list, err := a.ModelInfo(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range list {
		if implicit, _ := m.Info["implicit"].(bool); !implicit {
			out = append(out, m.ModelName)
		}
	}
	return out
}

func advertised(t *testing.T, s *Stack) []string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, s.URL("local")+"/v1/models", nil)
	req.Header.Set("Authorization", "Bearer "+adminOf(s).MasterKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct{ Data []struct{ ID string } }
	_ = json.NewDecoder(resp.Body).Decode(&doc)
	var out []string
	for _, m := range doc.Data {
		out = append(out, m.ID)
	}
	return out
}

func paidChat(t *testing.T, s *Stack, model string) (int, string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"model": model, "messages": []map[string]string{{"role": "user", "content": "hello"}}})
	req, _ := http.NewRequest(http.MethodPost, s.URL("local")+"/v1/chat/completions", strings.NewReader(string(body)))
	req.Header.Set("Authorization", "Bearer "+adminOf(s).MasterKey)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}
