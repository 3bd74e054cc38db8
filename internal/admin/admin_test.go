package admin_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/client"
	"github.com/obol-dev/obol/internal/admin"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/store/storetest"
)

const key = "sk-test"

func newServer(t *testing.T) (*httptest.Server, store.Store[*v1alpha1.ServiceOffer]) {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), db.FileName), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	log := slog.New(slog.DiscardHandler)
	offers, err := store.NewServiceOffers(d, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(offers.Close)
	purchases, err := store.NewPurchaseRequests(d, log)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(purchases.Close)
	h := admin.New(admin.Options{Logger: log, MasterKey: key, Offers: offers, Purchases: purchases,
		Status: func(context.Context) (any, error) { return map[string]string{"state": "running"}, nil }})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, offers
}

func TestApplyCreateUpdateUnchanged(t *testing.T) {
	srv, offers := newServer(t)
	c := client.New(srv.URL, key)
	ctx := context.Background()
	o := storetest.ServiceOfferFixture().New("default", "qwen")
	for i, want := range []string{"created", "unchanged"} {
		res, err := c.ApplyOffer(ctx, o)
		if err != nil {
			t.Fatalf("apply %d: %v", i, err)
		}
		if res.Result != want {
			t.Fatalf("apply %d result %q, want %q", i, res.Result, want)
		}
	}
	o.Spec.Payment.Price.PerRequest = "0.002"
	res, err := c.ApplyOffer(ctx, o)
	if err != nil || res.Result != "updated" || res.Object.Generation != 2 {
		t.Fatalf("update: %+v, %v", res, err)
	}
	stored, _ := offers.Get(ctx, "default", "qwen")
	if stored.Spec.Payment.Price.PerRequest != "0.002" {
		t.Fatal("update did not reach the store")
	}
	list, err := c.ListOffers(ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %d, %v", len(list), err)
	}
	if err := c.DeleteOffer(ctx, "default", "qwen"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetOffer(ctx, "default", "qwen"); !errors.Is(err, client.ErrNotFound) {
		t.Fatalf("get after delete: %v", err)
	}
}

func TestBadInputChangesNothing(t *testing.T) {
	srv, offers := newServer(t)
	c := client.New(srv.URL, key)
	ctx := context.Background()
	bad := storetest.ServiceOfferFixture().New("default", "bad")
	bad.Spec.Payment.Price.PerRequest = "abc"
	_, err := c.ApplyOffer(ctx, bad)
	var apiErr *client.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusUnprocessableEntity || !strings.Contains(apiErr.Message, "price") {
		t.Fatalf("invalid price: %v", err)
	}
	bad.Spec.Payment.Price.PerRequest = "0.001"
	bad.Spec.Path = "/admin"
	if _, err := c.ApplyOffer(ctx, bad); err == nil || !strings.Contains(err.Error(), "reserved") {
		t.Fatalf("reserved path: %v", err)
	}
	if list, _ := offers.List(ctx, store.ListOptions{}); len(list) != 0 {
		t.Fatalf("a refused apply stored %d offers", len(list))
	}

	for _, tc := range []struct {
		name, body string
		status     int
	}{
		{"not json", "{", 400},
		{"unknown field", `{"spec":{"type":"http"},"bogus":1}`, 400},
		{"wrong kind", `{"kind":"PurchaseRequest"}`, 400},
		{"name mismatch", `{"metadata":{"name":"other"}}`, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodPut, srv.URL+"/admin/v1/serviceoffers/default/x", strings.NewReader(tc.body))
			req.Header.Set("Authorization", "Bearer "+key)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
		})
	}
}

func TestGuard(t *testing.T) {
	srv, _ := newServer(t)
	for _, tc := range []struct {
		name, auth, host, origin string
		status                   int
	}{
		{"no key", "", "", "", 401},
		{"wrong key", "Bearer nope", "", "", 401},
		{"right key", "Bearer " + key, "", "", 200},
		{"rebinding host", "Bearer " + key, "evil.example:4000", "", 403},
		{"foreign origin", "Bearer " + key, "", "https://evil.example", 403},
		{"localhost origin", "Bearer " + key, "localhost:4000", "http://localhost:3000", 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(http.MethodGet, srv.URL+"/admin/v1/status", nil)
			if tc.auth != "" {
				req.Header.Set("Authorization", tc.auth)
			}
			if tc.host != "" {
				req.Host = tc.host
			}
			if tc.origin != "" {
				req.Header.Set("Origin", tc.origin)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tc.status)
			}
		})
	}
}
