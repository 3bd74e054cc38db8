package seller

import (
	"encoding/json"
	"fmt"
	"math/big"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/internal/x402"
)

// Accept is one way to pay for a route: the `accepts[]` entry it advertises
// and the labels its metrics carry.
type Accept struct {
	Requirements x402.PaymentRequirements
	// Chain is the network's short name ("devnet", "base"), the `chain` label.
	Chain string
	// AssetSymbol ("USDC") is the `asset_symbol` label and the paywall's unit.
	AssetSymbol string
	// AssetDecimals lets the paywall show the price in token units.
	AssetDecimals uint8
}

// Route is one paid offer on the public listener. Routes are values: the
// seller copies them into an immutable table, so callers may reuse theirs.
type Route struct {
	Namespace, Name string // the ServiceOffer, the offer_* metric labels
	// Prefix is the path the offer owns ("/services/<name>"); requests under
	// it are forwarded with the prefix removed.
	Prefix string
	// Upstream is the base URL requests go to (http or https, with an
	// optional base path).
	Upstream string
	// UpstreamAuth, when set, replaces the client's Authorization header on
	// the upstream request (e.g. the LLM gateway's master key).
	UpstreamAuth string
	Description  string // resource.description of the 402
	MimeType     string // resource.mimeType (default application/json)
	// ResourceURL is resource.url; default: the request's own URL.
	ResourceURL string
	Accepts     []Accept
	// Extensions are advertised in the 402 (e.g. eip2612GasSponsoring).
	Extensions map[string]json.RawMessage
	// DrainEndsAt, when set, is the end of the drain grace period: the route
	// serves and settles until then and answers 404 afterwards.
	DrainEndsAt time.Time

	upstreamURL *url.URL // parsed Upstream, set by validate
}

// Validate reports whether SetRoutes would accept r. A caller building a
// table from many sources (offers) uses it to leave out one bad route
// instead of having the whole table refused.
func (r Route) Validate() error {
	return cloneRoute(r).validate()
}

// validate checks what the seller relies on at request time, so a bad route
// table is refused as a whole before it can serve.
func (r *Route) validate() error {
	if r.Namespace == "" || r.Name == "" {
		return fmt.Errorf("route %q: namespace and name are required", r.Prefix)
	}
	id := r.Namespace + "/" + r.Name
	if !strings.HasPrefix(r.Prefix, "/") || r.Prefix == "/" || path.Clean(r.Prefix) != r.Prefix {
		return fmt.Errorf("route %s: prefix %q must be a clean absolute path other than /", id, r.Prefix)
	}
	u, err := url.Parse(r.Upstream)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return fmt.Errorf("route %s: upstream %q must be an http(s) URL without query", id, r.Upstream)
	}
	r.upstreamURL = u
	if len(r.Accepts) == 0 {
		return fmt.Errorf("route %s: no payment option", id)
	}
	for i := range r.Accepts {
		if err := validateRequirements(&r.Accepts[i].Requirements); err != nil {
			return fmt.Errorf("route %s: accepts[%d]: %w", id, i, err)
		}
	}
	return nil
}

func validateRequirements(q *x402.PaymentRequirements) error {
	if q.Scheme != x402.SchemeExact {
		return fmt.Errorf("scheme %q is not exact", q.Scheme)
	}
	if _, err := x402.EVMChainID(q.Network); err != nil {
		return err
	}
	if !common.IsHexAddress(q.Asset) || !common.IsHexAddress(q.PayTo) {
		return fmt.Errorf("asset %q and payTo %q must be 0x addresses", q.Asset, q.PayTo)
	}
	if common.HexToAddress(q.PayTo) == (common.Address{}) {
		return fmt.Errorf("payTo is the zero address")
	}
	amt, ok := new(big.Int).SetString(q.Amount, 10)
	if !ok || amt.Sign() <= 0 || strings.TrimLeft(q.Amount, "0123456789") != "" {
		return fmt.Errorf("amount %q must be a positive decimal integer of atomic units", q.Amount)
	}
	if q.MaxTimeoutSeconds <= 0 {
		return fmt.Errorf("maxTimeoutSeconds must be positive")
	}
	switch q.TransferMethod() {
	case x402.TransferEIP3009:
		if q.ExtraString("name") == "" || q.ExtraString("version") == "" {
			return fmt.Errorf("eip3009 needs extra.name and extra.version (the token's EIP-712 domain)")
		}
	case x402.TransferPermit2:
	default:
		return fmt.Errorf("assetTransferMethod %q is not eip3009 or permit2", q.TransferMethod())
	}
	return nil
}

// routeTable is an immutable snapshot: built and validated whole, then
// swapped in, so a request never sees half a table.
type routeTable struct {
	byPrefix map[string]*Route
	routes   []*Route
}

func newRouteTable(in []Route) (*routeTable, error) {
	t := &routeTable{byPrefix: make(map[string]*Route, len(in))}
	for i := range in {
		r := cloneRoute(in[i])
		if err := r.validate(); err != nil {
			return nil, err
		}
		if old, dup := t.byPrefix[r.Prefix]; dup {
			return nil, fmt.Errorf("routes %s/%s and %s/%s share the prefix %s", old.Namespace, old.Name, r.Namespace, r.Name, r.Prefix)
		}
		t.byPrefix[r.Prefix] = r
		t.routes = append(t.routes, r)
	}
	return t, nil
}

// match returns the route with the longest prefix that is p or a
// path-segment ancestor of p ("/services/a" owns "/services/a/x" but not
// "/services/ab"). It walks up p's segments: O(depth), not O(routes).
func (t *routeTable) match(p string) *Route {
	for cand := p; cand != "" && cand != "/"; {
		if r, ok := t.byPrefix[cand]; ok {
			return r
		}
		i := strings.LastIndexByte(cand, '/')
		if i < 0 {
			break
		}
		cand = cand[:i]
	}
	return nil
}

func cloneRoute(r Route) *Route {
	r.Accepts = append([]Accept(nil), r.Accepts...)
	for i := range r.Accepts {
		q := &r.Accepts[i].Requirements
		if q.Extra != nil {
			extra := make(map[string]any, len(q.Extra))
			for k, v := range q.Extra {
				extra[k] = v
			}
			q.Extra = extra
		}
	}
	if r.Extensions != nil {
		ext := make(map[string]json.RawMessage, len(r.Extensions))
		for k, v := range r.Extensions {
			ext[k] = append(json.RawMessage(nil), v...)
		}
		r.Extensions = ext
	}
	if r.MimeType == "" {
		r.MimeType = "application/json"
	}
	return &r
}

// forwardPath is the upstream path for request path p under route prefix:
// the prefix is removed and the rest joined to the upstream's base path.
func forwardPath(base, prefix, p string) string {
	rest := strings.TrimPrefix(p, prefix)
	if rest == "" {
		rest = "/"
	}
	base = strings.TrimSuffix(base, "/")
	return base + rest
}
