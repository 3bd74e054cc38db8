package seller

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/obol-dev/obol/internal/x402"
)

// Options configure a Seller.
type Options struct {
	// Facilitator verifies and settles (required). Usually an HTTPFacilitator.
	Facilitator Facilitator
	// Registerer receives the seller's metrics; nil keeps them unexported.
	// Each stack passes its own registry.
	Registerer prometheus.Registerer
	Logger     *slog.Logger
	// Now is the clock for drain ends and authorization time windows.
	Now func() time.Time
	// PaidPrefixes are the path roots where a path with no route is refused
	// with 403 instead of 404, so nothing under them is ever served free.
	// Default: ["/services/"].
	PaidPrefixes []string
	// PublicURL is the public base URL ("https://seller.example") used in
	// resource.url; default: the scheme and Host of each request.
	PublicURL string
	// UpstreamTransport carries the forwarded requests; default: a
	// dedicated keep-alive transport that ignores proxy environment.
	UpstreamTransport http.RoundTripper
	// UpstreamTimeout bounds one upstream exchange, body included
	// (default 10 min: model answers can be slow).
	UpstreamTimeout time.Duration
	// MaxRequestBody bounds the buffered request body (default 16 MiB).
	MaxRequestBody int64
	// MaxBufferedResponse is how much of a non-streaming upstream answer is
	// held back until it is settled (default 32 MiB); a longer answer is
	// streamed and its settlement sent as a trailer.
	MaxBufferedResponse int64
	// ReplayRetention is how long a settled payment stays remembered at
	// most (default 1 h; an authorization's own expiry ends it sooner).
	ReplayRetention time.Duration
}

// Seller is the paid gateway of the public listener: it matches a route,
// answers 402 challenges, checks payments locally and with the facilitator,
// forwards to the upstream, and settles only what the upstream served.
type Seller struct {
	fac        Facilitator
	log        *slog.Logger
	now        func() time.Time
	paid       []string
	publicURL  string
	upstream   *http.Client
	upTimeout  time.Duration
	maxBody    int64
	maxBuffer  int64
	verifier   *x402.Verifier
	replay     *replayGuard
	m          *metrics
	table      atomic.Pointer[routeTable]
	setMu      sync.Mutex // serializes SetRoutes (metrics pruning reads the old table)
	seenOffers map[[2]string]bool
}

// New validates opts and returns a Seller that answers 503 until the first
// SetRoutes.
func New(opts Options) (*Seller, error) {
	if opts.Facilitator == nil {
		return nil, errors.New("new seller: a Facilitator is required")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.PaidPrefixes == nil {
		opts.PaidPrefixes = []string{"/services/"}
	}
	if opts.UpstreamTransport == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.Proxy = nil
		tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 512, 256
		// The seller passes the upstream's encoding through untouched.
		tr.DisableCompression = true
		opts.UpstreamTransport = tr
	}
	setDefault(&opts.UpstreamTimeout, 10*time.Minute)
	setDefault(&opts.ReplayRetention, time.Hour)
	if opts.MaxRequestBody <= 0 {
		opts.MaxRequestBody = 16 << 20
	}
	if opts.MaxBufferedResponse <= 0 {
		opts.MaxBufferedResponse = 32 << 20
	}
	m, err := newMetrics(opts.Registerer)
	if err != nil {
		return nil, fmt.Errorf("register seller metrics: %w", err)
	}
	return &Seller{
		fac: opts.Facilitator, log: opts.Logger, now: opts.Now, paid: opts.PaidPrefixes,
		publicURL: strings.TrimSuffix(opts.PublicURL, "/"),
		upstream: &http.Client{Transport: opts.UpstreamTransport,
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }},
		upTimeout: opts.UpstreamTimeout, maxBody: opts.MaxRequestBody, maxBuffer: opts.MaxBufferedResponse,
		verifier: x402.NewVerifier(x402.VerifierOptions{Now: opts.Now}),
		replay:   newReplayGuard(opts.ReplayRetention), m: m, seenOffers: map[[2]string]bool{},
	}, nil
}

func setDefault(d *time.Duration, v time.Duration) {
	if *d <= 0 {
		*d = v
	}
}

// SetRoutes validates routes and swaps them in atomically. On error the
// previous table keeps serving and nothing changes.
func (s *Seller) SetRoutes(routes []Route) error {
	t, err := newRouteTable(routes)
	if err != nil {
		return fmt.Errorf("set routes: %w", err)
	}
	s.setMu.Lock()
	defer s.setMu.Unlock()
	s.table.Store(t)
	keep := map[[2]string]bool{}
	for _, r := range t.routes {
		keep[[2]string{r.Namespace, r.Name}] = true
	}
	s.m.prune(keep, s.seenOffers)
	s.seenOffers = keep
	return nil
}

// Ready reports whether the first route table has loaded; before that every
// request is answered 503, never served free.
func (s *Seller) Ready() bool { return s.table.Load() != nil }

// Run sweeps expired replay entries until ctx ends. Serving does not need
// it (entries are also swept as they are added); it returns memory sooner
// when traffic stops.
func (s *Seller) Run(ctx context.Context) error {
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			s.replay.sweep(s.now())
		}
	}
}

// ServeHTTP implements the paid path.
func (s *Seller) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t := s.table.Load()
	if t == nil {
		w.Header().Set("Retry-After", "1")
		writeError(w, http.StatusServiceUnavailable, "not_ready", "the seller is starting: routes have not loaded yet")
		return
	}
	setCORS(w.Header())
	p := cleanPath(r.URL.Path)
	rt := t.match(p)
	if rt == nil {
		if s.underPaidPrefix(p) {
			writeError(w, http.StatusForbidden, "no_route", "no offer serves "+p)
			return
		}
		writeError(w, http.StatusNotFound, "not_found", "nothing is served at "+p)
		return
	}
	if !rt.DrainEndsAt.IsZero() && !s.now().Before(rt.DrainEndsAt) {
		writeError(w, http.StatusNotFound, "offer_drained", "offer "+rt.Name+" has been drained (ended "+rt.DrainEndsAt.UTC().Format(time.RFC3339)+")")
		return
	}
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		w.WriteHeader(http.StatusNoContent) // CORS preflight: free, carries no payment
		return
	}
	// requests_total carries the asset of the option the payment is for;
	// requests that name none count under the route's first option.
	base := labelsFor(rt, &rt.Accepts[0])
	hdr, err := paymentHeader(r.Header)
	if err != nil {
		s.m.requests.WithLabelValues(base.slice()...).Inc()
		s.m.fail(base, ReasonAmbiguousHeaders)
		writeError(w, http.StatusBadRequest, ReasonAmbiguousHeaders, err.Error())
		return
	}
	if hdr == "" {
		s.m.requests.WithLabelValues(base.slice()...).Inc()
		s.m.required.WithLabelValues(base.slice()...).Inc()
		s.writeChallenge(w, r, rt, "", "")
		return
	}
	s.servePaid(w, r, rt, p, hdr)
}

func (s *Seller) underPaidPrefix(p string) bool {
	for _, pre := range s.paid {
		if strings.HasPrefix(p+"/", pre) || strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

// cleanPath resolves dot segments so "/services/a/../b" is matched and
// forwarded as "/services/b", never as a path the route table did not see.
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	c := path.Clean(p)
	if strings.HasSuffix(p, "/") && c != "/" {
		c += "/"
	}
	return c
}

// paymentHeader reads PAYMENT-SIGNATURE (v2) or X-PAYMENT (v1 transport;
// obol's own buyers send a v2 body in it). Clients that send both must send
// the same value: two different payments in one request are refused.
func paymentHeader(h http.Header) (string, error) {
	a, b := h.Values(x402.HeaderPaymentSignature), h.Values(x402.HeaderXPayment)
	if len(a) > 1 || len(b) > 1 {
		return "", errors.New("more than one payment header value")
	}
	switch {
	case len(a) == 1 && len(b) == 1 && strings.TrimSpace(a[0]) != strings.TrimSpace(b[0]):
		return "", errors.New("PAYMENT-SIGNATURE and X-PAYMENT carry different payments")
	case len(a) == 1:
		return a[0], nil
	case len(b) == 1:
		return b[0], nil
	}
	return "", nil
}

func setCORS(h http.Header) {
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Allow-Headers", "Content-Type, Authorization, PAYMENT-SIGNATURE, X-PAYMENT")
	h.Set("Access-Control-Expose-Headers", "PAYMENT-REQUIRED, PAYMENT-RESPONSE, X-PAYMENT-RESPONSE")
}

func labelsFor(rt *Route, a *Accept) labels {
	return labels{rt.Namespace, rt.Name, a.Chain, a.AssetSymbol}
}

// readBody buffers the request body up front: it has to be complete before
// money moves, and an HTTP/1 server cannot read it once the response has
// started (golang/go#40747).
func (s *Seller) readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, s.maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	if int64(len(b)) > s.maxBody {
		return nil, errBodyTooLarge
	}
	return b, nil
}

var errBodyTooLarge = errors.New("request body too large")
