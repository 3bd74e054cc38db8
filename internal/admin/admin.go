// Package admin is the stack's local admin API for resources: ServiceOffers
// and PurchaseRequests over the store, and the stack's status. It is served
// on the local listener behind the master key; the CLI reaches it through
// the typed client in package client.
//
// Routes (all JSON):
//
//	GET    /admin/v1/{kind}                    list (kind: serviceoffers | purchaserequests)
//	GET    /admin/v1/{kind}/{namespace}/{name} one object; ETag is its resourceVersion
//	PUT    /admin/v1/{kind}/{namespace}/{name} create or update the spec (and labels,
//	                                           annotations); If-Match guards against races
//	DELETE /admin/v1/{kind}/{namespace}/{name}
//	POST   /admin/v1/serviceoffers/{namespace}/{name}/register
//	                                           register the offer's agent on chain (ERC-8004)
//	GET    /admin/v1/status                    the stack's status
//	GET    /admin/v1/facilitator/journal?state=&limit=
//	                                           the embedded facilitator's settlement
//	                                           journal, newest first ({"items": […]})
//
// Like caddy's admin endpoint, it refuses requests whose Host or Origin is
// not loopback, so a web page cannot drive it through DNS rebinding.
package admin

import (
	"context"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/httpx"
	"github.com/obol-dev/obol/internal/store"
)

// Prefix is where the admin API is mounted.
const Prefix = "/admin/v1/"

// StatusFunc reports the stack's status (any JSON-encodable value).
type StatusFunc func(ctx context.Context) (any, error)

// Options configure the admin API.
type Options struct {
	Logger    *slog.Logger
	MasterKey string
	Offers    store.Store[*v1alpha1.ServiceOffer]
	Purchases store.Store[*v1alpha1.PurchaseRequest]
	Status    StatusFunc
	// Register registers an offer's agent on chain (POST
	// …/serviceoffers/{ns}/{name}/register); nil answers 404.
	Register func(ctx context.Context, namespace, name string) (any, error)
	// Journal lists the embedded facilitator's settlement journal (state ""
	// is every state, limit 0 no limit; both are checked before the call);
	// nil answers 404.
	Journal func(ctx context.Context, state string, limit int) (any, error)
	// AllowRemote skips the loopback Host/Origin check (Kubernetes mode,
	// where the API sits behind a Service).
	AllowRemote bool
}

// New returns the admin API handler.
func New(opts Options) http.Handler {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	mux := http.NewServeMux()
	offers := resource[*v1alpha1.ServiceOffer]{store: opts.Offers, kind: store.ServiceOfferKind()}
	purchases := resource[*v1alpha1.PurchaseRequest]{store: opts.Purchases, kind: store.PurchaseRequestKind()}
	offers.mount(mux, opts.Logger, "serviceoffers")
	purchases.mount(mux, opts.Logger, "purchaserequests")
	mux.Handle("GET "+Prefix+"status", httpx.Handle(opts.Logger, func(w http.ResponseWriter, r *http.Request) error {
		if opts.Status == nil {
			return httpx.Errorf(http.StatusNotFound, "not_found", "status is not available")
		}
		st, err := opts.Status(r.Context())
		if err != nil {
			return err
		}
		httpx.WriteJSON(w, http.StatusOK, st)
		return nil
	}))
	mux.Handle("POST "+Prefix+"serviceoffers/{ns}/{name}/register", httpx.Handle(opts.Logger, func(w http.ResponseWriter, r *http.Request) error {
		if opts.Register == nil {
			return httpx.Errorf(http.StatusNotFound, "not_found", "registration is not available")
		}
		res, err := opts.Register(r.Context(), r.PathValue("ns"), r.PathValue("name"))
		if err != nil {
			if se := storeError(err); se != err {
				return se
			}
			return &httpx.Error{Status: http.StatusBadGateway, Code: "registration_failed", Message: err.Error()}
		}
		httpx.WriteJSON(w, http.StatusOK, res)
		return nil
	}))
	mux.Handle("GET "+Prefix+"facilitator/journal", httpx.Handle(opts.Logger, func(w http.ResponseWriter, r *http.Request) error {
		if opts.Journal == nil {
			return httpx.Errorf(http.StatusNotFound, "not_found", "this stack has no embedded facilitator journal")
		}
		q := r.URL.Query()
		limit := 0
		if s := q.Get("limit"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil || n < 0 {
				return httpx.Errorf(http.StatusBadRequest, "bad_query", fmt.Sprintf("limit %q is not a count: give 0 (every record) or more", s))
			}
			limit = n
		}
		switch st := q.Get("state"); st {
		case "", "sent", "mined", "failed":
		default:
			return httpx.Errorf(http.StatusBadRequest, "bad_query", fmt.Sprintf("unknown state %q: use sent, mined or failed", st))
		}
		items, err := opts.Journal(r.Context(), q.Get("state"), limit)
		if err != nil {
			return err
		}
		httpx.WriteJSON(w, http.StatusOK, map[string]any{"items": items})
		return nil
	}))
	return guard(opts, mux)
}

// guard enforces the master key and the loopback Host/Origin rule.
func guard(opts Options, next http.Handler) http.Handler {
	want := []byte("Bearer " + opts.MasterKey)
	return httpx.Handle(opts.Logger, func(w http.ResponseWriter, r *http.Request) error {
		if !opts.AllowRemote && (!loopbackHost(r.Host) || !loopbackOrigin(r.Header.Get("Origin"))) {
			return httpx.Errorf(http.StatusForbidden, "forbidden_host", "the admin API answers only loopback hosts and origins")
		}
		got := []byte(r.Header.Get("Authorization"))
		if opts.MasterKey == "" || subtle.ConstantTimeCompare(got, want) != 1 {
			return httpx.Errorf(http.StatusUnauthorized, "unauthorized", "missing or wrong master key: send Authorization: Bearer <master key> (see <data-dir>/secrets/master-key)")
		}
		next.ServeHTTP(w, r)
		return nil
	})
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func loopbackOrigin(origin string) bool {
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && loopbackHost(u.Host)
}
