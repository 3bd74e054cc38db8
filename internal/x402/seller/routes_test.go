package seller_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
)

func TestRoutingAndReadiness(t *testing.T) {
	fac, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: "http://127.0.0.1:1"})
	s, err := seller.New(seller.Options{Facilitator: fac})
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/services/chat/x", nil))
	if rec.Code != http.StatusServiceUnavailable || s.Ready() {
		t.Fatalf("before routes: %d ready=%v, want 503 and not ready", rec.Code, s.Ready())
	}
	e := newEnv(t)
	if !e.s.Ready() {
		t.Fatal("not ready after SetRoutes")
	}
	for _, tc := range []struct {
		path   string
		status int
		amount string
	}{
		{"/services/chat", 402, "1000"},
		{"/services/chat/v1/models", 402, "1000"},
		{"/services/chat/cheap/v1", 402, "1"},
		{"/services/chat/cheapskate", 402, "1000"},
		{"/services/chat/cheap/../x", 402, "1000"},
		{"/services/chatter", 403, ""},
		{"/services/", 403, ""},
		{"/services/nothing/here", 403, ""},
		{"/services/old/x", 404, ""},
		{"/elsewhere", 404, ""},
	} {
		t.Run(tc.path, func(t *testing.T) {
			r := e.do("GET", tc.path, nil, "")
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %s", r.status, tc.status, r.body)
			}
			if tc.amount != "" {
				pr, err := x402.DecodePaymentRequiredHeader(r.header.Get("PAYMENT-REQUIRED"))
				if err != nil || pr.Accepts[0].Amount != tc.amount {
					t.Errorf("matched the wrong route: %+v %v", pr, err)
				}
			}
		})
	}
	// The longer prefix's upstream base path is kept.
	r := e.do("GET", "/services/chat/cheap/v1/models", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.cheap)}, "")
	if r.status != 200 || !strings.Contains(string(r.body), `"path":"/base/v1/models"`) {
		t.Errorf("cheap route: %d %s", r.status, r.body)
	}
}

func TestSetRoutesRefusesBadTables(t *testing.T) {
	e := newEnv(t)
	good := e.routes()[0]
	for _, tc := range []struct {
		name string
		edit func(r *seller.Route)
		want string
	}{
		{"no name", func(r *seller.Route) { r.Name = "" }, "namespace and name"},
		{"relative prefix", func(r *seller.Route) { r.Prefix = "services/x" }, "clean absolute path"},
		{"unclean prefix", func(r *seller.Route) { r.Prefix = "/services/x/" }, "clean absolute path"},
		{"bad upstream", func(r *seller.Route) { r.Upstream = "ftp://x" }, "http(s) URL"},
		{"no accepts", func(r *seller.Route) { r.Accepts = nil }, "no payment option"},
		{"negative amount", func(r *seller.Route) { r.Accepts[0].Requirements.Amount = "-1" }, "positive decimal"},
		{"zero amount", func(r *seller.Route) { r.Accepts[0].Requirements.Amount = "0" }, "positive decimal"},
		{"bad payTo", func(r *seller.Route) { r.Accepts[0].Requirements.PayTo = "0xnope" }, "0x addresses"},
		{"bad network", func(r *seller.Route) { r.Accepts[0].Requirements.Network = "solana:abc" }, "not an EVM"},
		{"no domain", func(r *seller.Route) { r.Accepts[0].Requirements.Extra = nil }, "extra.name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			r.Accepts = append([]seller.Accept(nil), good.Accepts...)
			tc.edit(&r)
			err := e.s.SetRoutes([]seller.Route{r})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("SetRoutes error %v, want one containing %q", err, tc.want)
			}
			if got := e.do("GET", "/services/chat/cheap/x", nil, "").status; got != 402 {
				t.Errorf("the previous table stopped serving: %d", got)
			}
		})
	}
	dup := e.routes()
	dup[1].Prefix = dup[0].Prefix
	if err := e.s.SetRoutes(dup); err == nil || !strings.Contains(err.Error(), "share the prefix") {
		t.Errorf("duplicate prefixes: %v", err)
	}
}

func TestRemovedOfferMetricsArePruned(t *testing.T) {
	e := newEnv(t)
	e.do("GET", "/services/chat/cheap/x", nil, "")
	if e.metric("requests_total", "offer_name", "cheap") != 1 {
		t.Fatal("no series for cheap")
	}
	if err := e.s.SetRoutes(e.routes()[:1]); err != nil {
		t.Fatal(err)
	}
	if n := e.series("requests_total"); n != 0 {
		t.Errorf("%d requests_total series remain after the offers were removed", n)
	}
	if r := e.do("GET", "/services/chat/cheap/x", nil, ""); r.status != 402 {
		t.Errorf("cheap after removal: %d (the chat route should now own the path)", r.status)
	}
}

func TestDrainingOfferStillSettles(t *testing.T) {
	e := newEnv(t)
	routes := e.routes()
	routes[0].DrainEndsAt = time.Now().Add(time.Hour)
	if err := e.s.SetRoutes(routes); err != nil {
		t.Fatal(err)
	}
	r := e.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.usdc)}, "")
	if r.status != 200 || !decodeSettle(t, r.header.Get("PAYMENT-RESPONSE")).Success {
		t.Fatalf("draining offer inside its grace period: %d %s", r.status, r.body)
	}
	routes[0].DrainEndsAt = time.Now().Add(-time.Second)
	if err := e.s.SetRoutes(routes); err != nil {
		t.Fatal(err)
	}
	r = e.do("GET", "/services/chat/x", map[string]string{"PAYMENT-SIGNATURE": e.pay(e.usdc)}, "")
	if r.status != http.StatusNotFound || !strings.Contains(string(r.body), "offer_drained") || e.up.calls.Load() != 1 {
		t.Fatalf("drained offer: %d %s (upstream calls %d)", r.status, r.body, e.up.calls.Load())
	}
}

func TestPaywallEscapes(t *testing.T) {
	e := newEnv(t)
	routes := e.routes()
	routes[0].Description = `<script>alert("x")</script>`
	if err := e.s.SetRoutes(routes); err != nil {
		t.Fatal(err)
	}
	r := e.do("GET", "/services/chat/x", map[string]string{"Accept": "text/html"}, "")
	if strings.Contains(string(r.body), "<script>") || !strings.Contains(string(r.body), "&lt;script&gt;") {
		t.Errorf("the description was not escaped in the paywall page")
	}
}

func TestRouteValidate(t *testing.T) {
	e := newEnv(t)
	r := e.routes()[0]
	if err := r.Validate(); err != nil {
		t.Fatalf("good route: %v", err)
	}
	r.Upstream = "not a url"
	if err := r.Validate(); err == nil {
		t.Fatal("bad upstream accepted")
	}
}

func TestRunStopsOnCancel(t *testing.T) {
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	fac, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: "http://127.0.0.1:1"})
	s, _ := seller.New(seller.Options{Facilitator: fac})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

func TestEmptyTableIsReadyAndClosed(t *testing.T) {
	fac, _ := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: "http://127.0.0.1:1"})
	s, _ := seller.New(seller.Options{Facilitator: fac})
	if err := s.SetRoutes(nil); err != nil || !s.Ready() {
		t.Fatalf("SetRoutes(nil): %v, ready %v", err, s.Ready())
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/services/anything", nil))
	if rec.Code != http.StatusForbidden {
		t.Errorf("no offers: %d, want 403", rec.Code)
	}
}
