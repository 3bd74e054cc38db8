package stack

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/chain"
)

// TestOfferLifecycle drives one stack the way the CLI does: an http offer
// becomes Ready, answers 402, is listed, registers on the identity
// registry, and after deletion the registration document stays published
// with active:false and the route is gone.
func TestOfferLifecycle(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	defer up.Close()
	ch, err := chain.New(chain.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ch.Close()
	ctx := context.Background()
	s, err := New(Options{DataDir: filepath.Join(t.TempDir(), "alice"), Config: testConfig(), Chain: ch})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	key, _ := ReadMasterKey(s.DataDir())
	c := client.New(s.URL("local"), key)
	o := &v1alpha1.ServiceOffer{ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: "echo"},
		Spec: v1alpha1.ServiceOfferSpec{Type: v1alpha1.OfferTypeHTTP, Upstream: v1alpha1.UpstreamSpec{URL: up.URL},
			Payment: v1alpha1.PaymentOption{Network: "devnet", PayTo: s.parts.signer.Address().Hex(), Price: v1alpha1.PriceSpec{PerRequest: "0.001"}}}}
	if _, err := c.ApplyOffer(ctx, o); err != nil {
		t.Fatal(err)
	}
	eventually(t, "offer answers 402", func() bool { return status(t, s.URL("public")+"/services/echo/x") == http.StatusPaymentRequired })
	eventually(t, "offer listed", func() bool { return len(services(t, s)) == 1 })
	reg, err := c.RegisterOffer(ctx, "default", "echo")
	if err != nil || reg.AgentID == "" {
		t.Fatalf("register: %+v, %v", reg, err)
	}
	again, err := c.RegisterOffer(ctx, "default", "echo")
	if err != nil || again.AgentID != reg.AgentID || again.TxHash != reg.TxHash {
		t.Fatalf("a second register minted again: %+v vs %+v (%v)", again, reg, err)
	}
	eventually(t, "registration document active", func() bool {
		doc := regDocument(t, s)
		return doc.Active && len(doc.Registrations) == 1 && doc.Registrations[0].AgentID.String() == reg.AgentID
	})
	if err := c.DeleteOffer(ctx, "default", "echo"); err != nil {
		t.Fatal(err)
	}
	eventually(t, "deleted offer unlisted and inactive", func() bool {
		doc := regDocument(t, s)
		return len(services(t, s)) == 0 && !doc.Active && len(doc.Registrations) == 1
	})
	if got := status(t, s.URL("public")+"/services/echo/x"); got != http.StatusForbidden {
		t.Fatalf("deleted offer's path answers %d, want 403 (fail closed)", got)
	}
}

func eventually(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func status(t *testing.T, url string) int {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func getJSON(t *testing.T, url string, v any) {
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	_ = json.NewDecoder(resp.Body).Decode(v)
}

func services(t *testing.T, s *Stack) []json.RawMessage {
	var doc struct{ Services []json.RawMessage }
	getJSON(t, s.URL("public")+"/api/services.json", &doc)
	return doc.Services
}

type regDoc struct {
	Active        bool `json:"active"`
	Registrations []struct {
		AgentID       json.Number `json:"agentId"`
		AgentRegistry string      `json:"agentRegistry"`
	} `json:"registrations"`
}

func regDocument(t *testing.T, s *Stack) regDoc {
	var doc regDoc
	getJSON(t, s.URL("public")+"/.well-known/agent-registration.json", &doc)
	return doc
}

// TestDrain: inside the grace period the offer still answers 402 and the
// catalog shows drainEndsAt; after it the path answers 404 and no
// document lists the offer.
func TestDrain(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") }))
	defer up.Close()
	ctx := context.Background()
	s, err := New(Options{DataDir: t.TempDir(), Config: testConfig()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	key, _ := ReadMasterKey(s.DataDir())
	c := client.New(s.URL("local"), key)
	now := metav1.NewTime(time.Now().Truncate(time.Second))
	o := &v1alpha1.ServiceOffer{ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: "echo"},
		Spec: v1alpha1.ServiceOfferSpec{Type: v1alpha1.OfferTypeHTTP, Upstream: v1alpha1.UpstreamSpec{URL: up.URL},
			Payment:          v1alpha1.PaymentOption{Network: "devnet", PayTo: s.parts.signer.Address().Hex(), Price: v1alpha1.PriceSpec{PerRequest: "0.001"}},
			DrainAt:          &now,
			DrainGracePeriod: &metav1.Duration{Duration: 4 * time.Second}}}
	if _, err := c.ApplyOffer(ctx, o); err != nil {
		t.Fatal(err)
	}
	eventually(t, "draining offer answers 402", func() bool { return status(t, s.URL("public")+"/services/echo/x") == http.StatusPaymentRequired })
	eventually(t, "catalog shows drainEndsAt", func() bool {
		var doc struct {
			Services []struct{ DrainEndsAt string }
		}
		getJSON(t, s.URL("public")+"/api/services.json", &doc)
		return len(doc.Services) == 1 && doc.Services[0].DrainEndsAt == now.Add(4*time.Second).UTC().Format(time.RFC3339)
	})
	eventually(t, "drained offer gone", func() bool {
		return status(t, s.URL("public")+"/services/echo/x") == http.StatusNotFound && len(services(t, s)) == 0
	})
}
