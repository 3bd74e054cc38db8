package v1alpha1

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/url"
	"regexp"
	"strings"
	"time"

	"k8s.io/apimachinery/pkg/util/validation"
)

// ErrInvalid is wrapped by every validation failure, so callers can map it
// to "bad request" with errors.Is.
var ErrInvalid = errors.New("invalid")

// FieldError is one problem with one field, worded so a person can fix it.
type FieldError struct {
	// Field is the JSON path, e.g. spec.payment.price.perRequest.
	Field string
	// Detail says what is wrong and what to write instead.
	Detail string
}

// Error implements error.
func (e FieldError) Error() string { return e.Field + ": " + e.Detail }

// ValidationError lists every problem found in one object, so a person fixes
// them all in one go instead of one per attempt.
type ValidationError struct {
	Kind, Name string
	Errors     []FieldError
}

// Error lists every problem, separated by semicolons.
func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Errors))
	for i, fe := range e.Errors {
		parts[i] = fe.Error()
	}
	return fmt.Sprintf("invalid %s %q: %s", e.Kind, e.Name, strings.Join(parts, "; "))
}

// Unwrap makes errors.Is(err, ErrInvalid) true.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

type fieldErrors []FieldError

func (fe *fieldErrors) add(field string, err error) {
	if err != nil {
		*fe = append(*fe, FieldError{Field: field, Detail: err.Error()})
	}
}

func (fe fieldErrors) result(kind, name string) error {
	if len(fe) == 0 {
		return nil
	}
	return &ValidationError{Kind: kind, Name: name, Errors: fe}
}

var (
	decimalRe = regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]+)?$`)
	atomicRe  = regexp.MustCompile(`^(0|[1-9][0-9]*)$`)
	addressRe = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)
	pathRe    = regexp.MustCompile(`^/[a-zA-Z0-9/_.-]*$`)
	caip2Re   = regexp.MustCompile(`^[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}$`)
	aliasRe   = regexp.MustCompile(`^[a-z][a-z0-9-]{0,62}$`)
)

// MaxPriceDigits bounds a price string so a hostile value cannot make the
// big-number conversion expensive.
const MaxPriceDigits = 80

// ValidatePrice checks a decimal price in token units, like "0.001".
func ValidatePrice(s string) error {
	switch {
	case s == "":
		return errors.New("price is empty; write a decimal amount of tokens like 0.001")
	case len(s) > MaxPriceDigits:
		return fmt.Errorf("price has %d characters; at most %d", len(s), MaxPriceDigits)
	case strings.HasPrefix(s, "-"):
		return fmt.Errorf("price %q is negative; a price must be greater than zero", s)
	case !decimalRe.MatchString(s):
		return fmt.Errorf("price %q is not a decimal number; write it like 0.001 (a dot, no exponent, no unit)", s)
	}
	r, _ := new(big.Rat).SetString(s)
	if r.Sign() == 0 {
		return fmt.Errorf("price %q is zero; a paid offer needs a price greater than zero", s)
	}
	return nil
}

// AtomicAmount converts a decimal price in token units into atomic units
// (price × 10^decimals). A price more precise than the token refuses rather
// than rounds, because a silently rounded price is not what the seller asked.
func AtomicAmount(price string, decimals int) (*big.Int, error) {
	if err := ValidatePrice(price); err != nil {
		return nil, err
	}
	if decimals < 0 || decimals > 255 {
		return nil, fmt.Errorf("token decimals %d out of range 0..255", decimals)
	}
	whole, frac, _ := strings.Cut(price, ".")
	frac = strings.TrimRight(frac, "0")
	if len(frac) > decimals {
		return nil, fmt.Errorf("price %s has %d decimal places but the token has only %d; round it to %d places", price, len(frac), decimals, decimals)
	}
	digits := whole + frac + strings.Repeat("0", decimals-len(frac))
	n, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("price %q is not a decimal number", price)
	}
	return n, nil
}

// ValidateAtomic checks an atomic amount: a positive decimal integer string.
func ValidateAtomic(s string) error {
	if len(s) > MaxPriceDigits || !atomicRe.MatchString(s) {
		return fmt.Errorf("amount %q is not a whole number of atomic units like 1000", s)
	}
	if s == "0" {
		return errors.New("amount is zero; it must be greater than zero")
	}
	return nil
}

// ValidateAddress checks a 0x-prefixed 20-byte hex EVM address.
func ValidateAddress(s string) error {
	if s == "" {
		return errors.New("address is empty; write a 0x address with 40 hex digits")
	}
	if !addressRe.MatchString(s) {
		return fmt.Errorf("%q is not an EVM address; write 0x followed by 40 hex digits", s)
	}
	if strings.EqualFold(s, "0x0000000000000000000000000000000000000000") {
		return errors.New("the zero address cannot receive payments; use your wallet address")
	}
	return nil
}

// ValidateNetwork checks the form of a network: an alias (base-sepolia) or a
// CAIP-2 id (eip155:84532). Whether the network is known is the registry's
// question, asked by the reconciler.
func ValidateNetwork(s string) error {
	if s == "" {
		return errors.New("network is empty; write an alias like base-sepolia or a CAIP-2 id like eip155:84532")
	}
	if !caip2Re.MatchString(s) && !aliasRe.MatchString(s) {
		return fmt.Errorf("network %q is neither an alias like base-sepolia nor a CAIP-2 id like eip155:84532", s)
	}
	return nil
}

// ReservedPaths are public roots that belong to the seller itself; an offer
// may not use them or anything under them.
func ReservedPaths() []string {
	return []string{"/api", "/openapi.json", "/skill.md", "/.well-known", "/rpc", "/v1", "/admin"}
}

// ValidatePath checks an offer's public path prefix.
func ValidatePath(p string) error {
	if len(p) > 512 {
		return fmt.Errorf("path is %d characters long; at most 512", len(p))
	}
	if !pathRe.MatchString(p) {
		return fmt.Errorf("path %q must start with / and use only letters, digits and / _ . -", p)
	}
	clean := strings.TrimRight(p, "/")
	if clean == "" {
		return errors.New("path / is reserved for the storefront; use /services/<name>")
	}
	for _, seg := range strings.Split(clean[1:], "/") {
		if seg == "" || seg == "." || seg == ".." {
			return fmt.Errorf("path %q has an empty, . or .. segment", p)
		}
	}
	if clean == ServicesPathPrefix {
		return fmt.Errorf("path %s would cover every offer; use %s/<name>", clean, ServicesPathPrefix)
	}
	for _, r := range ReservedPaths() {
		if clean == r || strings.HasPrefix(clean, r+"/") {
			return fmt.Errorf("path %q is under the reserved root %s (the seller's own documents and APIs live there); use %s/<name>", p, r, ServicesPathPrefix)
		}
	}
	return nil
}

// ValidateName checks a resource name or namespace (a DNS-1123 label).
func ValidateName(s string) error {
	if msgs := validation.IsDNS1123Label(s); len(msgs) > 0 {
		return fmt.Errorf("%q is not a valid name: %s", s, strings.Join(msgs, "; "))
	}
	return nil
}

// ValidateCount checks a purchase count.
func ValidateCount(n int32) error {
	if n < MinPurchaseCount || n > MaxPurchaseCount {
		return fmt.Errorf("count %d is out of range; buy between %d and %d authorizations", n, MinPurchaseCount, MaxPurchaseCount)
	}
	return nil
}

// ValidateGracePeriod checks a drain grace period.
func ValidateGracePeriod(d time.Duration) error {
	if d < 0 {
		return fmt.Errorf("grace period %s is negative; use 0s to stop at once or a duration like 1h", d)
	}
	if d > 30*24*time.Hour {
		return fmt.Errorf("grace period %s is longer than 30 days", d)
	}
	return nil
}

// ParseGracePeriod parses a user's --grace value like "1h" or "90s".
func ParseGracePeriod(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("grace period %q is not a duration; write it like 1h, 30m or 0s", s)
	}
	return d, ValidateGracePeriod(d)
}

// ValidateURL checks an absolute http(s) URL.
func ValidateURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL like http://127.0.0.1:11434", s)
	}
	if u.User != nil {
		return errors.New("the URL carries credentials; put them in the upstream's auth settings instead")
	}
	return nil
}

// Validate checks a ServiceOffer as a person wrote it, before it is stored
// or reconciled. It reports every problem at once.
func (o *ServiceOffer) Validate() error {
	var fe fieldErrors
	fe.add("metadata.name", ValidateName(o.Name))
	if o.Namespace != "" {
		fe.add("metadata.namespace", ValidateName(o.Namespace))
	}
	s := &o.Spec
	switch s.Type {
	case OfferTypeInference:
		if s.Model == nil || strings.TrimSpace(s.Model.Name) == "" {
			fe.add("spec.model.name", errors.New("an inference offer needs the model it sells (--model)"))
		}
	case OfferTypeHTTP:
	default:
		fe.add("spec.type", fmt.Errorf("type %q is not one of inference, http", s.Type))
	}
	o.validateUpstream(&fe)
	if s.Path != "" {
		fe.add("spec.path", ValidatePath(s.Path))
	}
	o.validatePayment(&fe, "spec.payment", s.Payment)
	seen := map[string]string{paymentKey(s.Payment): "spec.payment"}
	for i, p := range s.Payments {
		field := fmt.Sprintf("spec.payments[%d]", i)
		o.validatePayment(&fe, field, p)
		if prev, dup := seen[paymentKey(p)]; dup {
			fe.add(field, fmt.Errorf("same network and asset as %s; each option needs its own token or network", prev))
		}
		seen[paymentKey(p)] = field
	}
	if s.DrainGracePeriod != nil {
		fe.add("spec.drainGracePeriod", ValidateGracePeriod(s.DrainGracePeriod.Duration))
	}
	if r := s.Registration; r != nil {
		for i, sk := range r.Skills {
			if strings.TrimSpace(sk) == "" {
				fe.add(fmt.Sprintf("spec.registration.skills[%d]", i), errors.New("empty skill"))
			}
		}
	}
	return fe.result(KindServiceOffer, o.Name)
}

func paymentKey(p PaymentOption) string {
	asset := ""
	if p.Asset != nil {
		asset = strings.ToLower(p.Asset.Address) + "|" + strings.ToUpper(p.Asset.Symbol)
	}
	return p.Network + "|" + asset
}

func (o *ServiceOffer) validateUpstream(fe *fieldErrors) {
	u := o.Spec.Upstream
	switch {
	case u.URL != "" && u.Service != "":
		fe.add("spec.upstream", errors.New("set either url or service, not both"))
	case u.URL != "":
		fe.add("spec.upstream.url", ValidateURL(u.URL))
	case u.Service != "":
		fe.add("spec.upstream.service", ValidateName(u.Service))
		if u.Namespace != "" {
			fe.add("spec.upstream.namespace", ValidateName(u.Namespace))
		}
		if u.Port < 1 || u.Port > 65535 {
			fe.add("spec.upstream.port", fmt.Errorf("port %d is out of range 1..65535", u.Port))
		}
	default:
		fe.add("spec.upstream", errors.New("no upstream: give its URL (--upstream http://127.0.0.1:11434)"))
	}
	if u.HealthPath != "" && (!strings.HasPrefix(u.HealthPath, "/") || strings.ContainsAny(u.HealthPath, " \t\r\n")) {
		fe.add("spec.upstream.healthPath", fmt.Errorf("health path %q must start with / and contain no spaces", u.HealthPath))
	}
}

func (o *ServiceOffer) validatePayment(fe *fieldErrors, field string, p PaymentOption) {
	if p.Scheme != "" && p.Scheme != SchemeExact {
		fe.add(field+".scheme", fmt.Errorf("scheme %q is not supported; only exact", p.Scheme))
	}
	fe.add(field+".network", ValidateNetwork(p.Network))
	fe.add(field+".payTo", ValidateAddress(p.PayTo))
	if p.MaxTimeoutSeconds < 0 || p.MaxTimeoutSeconds > 86400 {
		fe.add(field+".maxTimeoutSeconds", fmt.Errorf("%d is out of range 1..86400 seconds", p.MaxTimeoutSeconds))
	}
	switch {
	case p.Price.PerRequest != "" && p.Price.PerMTok != "":
		fe.add(field+".price", errors.New("set either perRequest or perMTok, not both"))
	case p.Price.PerRequest != "":
		fe.add(field+".price.perRequest", ValidatePrice(p.Price.PerRequest))
	case p.Price.PerMTok != "":
		fe.add(field+".price.perMTok", ValidatePrice(p.Price.PerMTok))
		if o.Spec.Type != OfferTypeInference {
			fe.add(field+".price.perMTok", errors.New("per-token pricing is for inference offers; use perRequest"))
		}
	default:
		fe.add(field+".price", errors.New("no price: set perRequest (--price 0.001)"))
	}
	if a := p.Asset; a != nil {
		if a.Address != "" {
			fe.add(field+".asset.address", ValidateAddress(a.Address))
		}
		if a.Decimals != nil && (*a.Decimals < 0 || *a.Decimals > 255) {
			fe.add(field+".asset.decimals", fmt.Errorf("%d is out of range 0..255", *a.Decimals))
		}
		switch a.TransferMethod {
		case "", TransferEIP3009, TransferPermit2:
		default:
			fe.add(field+".asset.transferMethod", fmt.Errorf("%q is not one of eip3009, permit2", a.TransferMethod))
		}
		if a.Decimals != nil && *a.Decimals >= 0 && *a.Decimals <= 255 {
			price := p.Price.PerRequest
			if price == "" {
				price = p.Price.PerMTok
			}
			if ValidatePrice(price) == nil {
				if _, err := AtomicAmount(price, int(*a.Decimals)); err != nil {
					fe.add(field+".price", err)
				}
			}
		}
	}
}

// Validate checks a PurchaseRequest before it is stored. It checks form
// only; signatures are the buyer proxy's and the seller's business.
func (p *PurchaseRequest) Validate() error {
	var fe fieldErrors
	fe.add("metadata.name", ValidateName(p.Name))
	if p.Namespace != "" {
		fe.add("metadata.namespace", ValidateName(p.Namespace))
	}
	s := &p.Spec
	fe.add("spec.endpoint", ValidateURL(s.Endpoint))
	if strings.TrimSpace(s.Model) == "" {
		fe.add("spec.model", errors.New("model is empty; name the seller's model (--model)"))
	} else if strings.HasPrefix(s.Model, PaidModelPrefix) {
		fe.add("spec.model", fmt.Errorf("model %q already starts with %s; give the seller's own model id", s.Model, PaidModelPrefix))
	}
	fe.add("spec.count", ValidateCount(s.Count))
	if int32(len(s.PreSignedAuths)) > s.Count && ValidateCount(s.Count) == nil {
		fe.add("spec.preSignedAuths", fmt.Errorf("%d authorizations for a count of %d; the pool may never hold more than count", len(s.PreSignedAuths), s.Count))
	}
	ids := make(map[string]int, len(s.PreSignedAuths))
	for i, a := range s.PreSignedAuths {
		field := fmt.Sprintf("spec.preSignedAuths[%d]", i)
		if a.ID == "" {
			fe.add(field+".id", errors.New("empty id; use the authorization nonce"))
		} else if j, dup := ids[a.ID]; dup {
			fe.add(field+".id", fmt.Errorf("id %q repeats preSignedAuths[%d]; one authorization may be loaded once", a.ID, j))
		}
		ids[a.ID] = i
		fe.add(field+".payment", validatePaymentPayload(a.Payment.Raw))
	}
	pay := s.Payment
	fe.add("spec.payment.network", ValidateNetwork(pay.Network))
	fe.add("spec.payment.payTo", ValidateAddress(pay.PayTo))
	fe.add("spec.payment.price", ValidateAtomic(pay.Price))
	fe.add("spec.payment.asset", ValidateAddress(pay.Asset))
	if pay.AssetDecimals < 0 || pay.AssetDecimals > 255 {
		fe.add("spec.payment.assetDecimals", fmt.Errorf("%d is out of range 0..255", pay.AssetDecimals))
	}
	switch pay.TransferMethod {
	case "", TransferEIP3009, TransferPermit2:
	default:
		fe.add("spec.payment.transferMethod", fmt.Errorf("%q is not one of eip3009, permit2", pay.TransferMethod))
	}
	if r := s.AutoRefill; r != nil {
		if r.Threshold < 0 {
			fe.add("spec.autoRefill.threshold", errors.New("threshold is negative"))
		}
		if r.Enabled {
			fe.add("spec.autoRefill.count", ValidateCount(r.Count))
		}
		if r.MaxTotal < 0 {
			fe.add("spec.autoRefill.maxTotal", errors.New("maxTotal is negative"))
		}
	}
	return fe.result(KindPurchaseRequest, p.Name)
}

// validatePaymentPayload checks that a pre-signed auth is an x402 payment
// payload object of version 1 or 2 with a payload inside.
func validatePaymentPayload(raw []byte) error {
	if len(raw) == 0 {
		return errors.New("empty payment; it must be the signed x402 payment payload")
	}
	var pp struct {
		X402Version *int            `json:"x402Version"`
		Payload     json.RawMessage `json:"payload"`
	}
	if err := json.Unmarshal(raw, &pp); err != nil {
		return fmt.Errorf("payment is not a JSON object: %v", err)
	}
	if pp.X402Version == nil || (*pp.X402Version != 1 && *pp.X402Version != 2) {
		return errors.New("payment needs x402Version 1 or 2")
	}
	if len(pp.Payload) == 0 || pp.Payload[0] != '{' {
		return errors.New("payment has no payload object (signature and authorization)")
	}
	return nil
}

// ApproxTokensPerRequest is how a per-million-token price becomes the
// per-request amount a 402 asks for, until metered billing exists: one
// request is charged as 1000 tokens (perMTok 1.25 USDC → 0.00125 USDC).
const ApproxTokensPerRequest = 1000

// RequestAmount is the atomic amount one request costs under this option:
// perRequest as is, perMTok scaled by ApproxTokensPerRequest and rounded
// up to at least one atomic unit (never a free request).
func (p PaymentOption) RequestAmount(decimals int) (*big.Int, error) {
	if p.Price.PerRequest != "" {
		return AtomicAmount(p.Price.PerRequest, decimals)
	}
	perM, err := AtomicAmount(p.Price.PerMTok, decimals)
	if err != nil {
		return nil, err
	}
	n := new(big.Int).Mul(perM, big.NewInt(ApproxTokensPerRequest))
	q, r := new(big.Int).QuoRem(n, big.NewInt(1_000_000), new(big.Int))
	if r.Sign() > 0 {
		q.Add(q, big.NewInt(1))
	}
	return q, nil
}
