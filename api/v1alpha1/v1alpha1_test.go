package v1alpha1

import (
	"encoding/json"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

const payTo = "0x1111111111111111111111111111111111111111"

func validOffer() *ServiceOffer {
	return &ServiceOffer{
		TypeMeta:   TypeMetaServiceOffer(),
		ObjectMeta: metav1.ObjectMeta{Name: "my-qwen", Namespace: "default"},
		Spec: ServiceOfferSpec{
			Type:     OfferTypeInference,
			Model:    &ModelSpec{Name: "qwen3:0.6b"},
			Upstream: UpstreamSpec{URL: "http://127.0.0.1:11434"},
			Payment: PaymentOption{
				Network: "base-sepolia", PayTo: payTo,
				Price: PriceSpec{PerRequest: "0.001"},
			},
		},
	}
}

func TestDrainLifecycle(t *testing.T) {
	at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		drainAt   *time.Time
		grace     *time.Duration
		now       time.Time
		wantEnds  time.Time
		draining  bool
		expired   bool
		drainingN bool
	}{
		{name: "not draining", now: at},
		{name: "default grace mid-drain", drainAt: &at, now: at.Add(30 * time.Minute), wantEnds: at.Add(time.Hour), draining: true, drainingN: true},
		{name: "default grace at end", drainAt: &at, now: at.Add(time.Hour), wantEnds: at.Add(time.Hour), draining: true, expired: true},
		{name: "zero grace at drainAt", drainAt: &at, grace: ptr(time.Duration(0)), now: at, wantEnds: at, draining: true, expired: true},
		{name: "custom grace before end", drainAt: &at, grace: ptr(10 * time.Minute), now: at.Add(9 * time.Minute), wantEnds: at.Add(10 * time.Minute), draining: true, drainingN: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := validOffer()
			if tt.drainAt != nil {
				o.Spec.DrainAt = &metav1.Time{Time: *tt.drainAt}
			}
			if tt.grace != nil {
				o.Spec.DrainGracePeriod = &metav1.Duration{Duration: *tt.grace}
			}
			if got := o.DrainEndsAt(); !got.Equal(tt.wantEnds) {
				t.Errorf("DrainEndsAt = %v, want %v", got, tt.wantEnds)
			}
			if o.IsDraining() != tt.draining || o.DrainExpired(tt.now) != tt.expired || o.DrainingAt(tt.now) != tt.drainingN {
				t.Errorf("IsDraining=%v DrainExpired=%v DrainingAt=%v, want %v %v %v",
					o.IsDraining(), o.DrainExpired(tt.now), o.DrainingAt(tt.now), tt.draining, tt.expired, tt.drainingN)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func TestEffectiveDefaults(t *testing.T) {
	o := validOffer()
	if got := o.EffectivePath(); got != "/services/my-qwen" {
		t.Errorf("EffectivePath = %q", got)
	}
	o.Spec.Path = "/paid/qwen/"
	if got := o.EffectivePath(); got != "/paid/qwen" {
		t.Errorf("EffectivePath with trailing slash = %q", got)
	}
	if got := o.EffectiveHealthPath(); got != "/v1/models" {
		t.Errorf("inference health path = %q", got)
	}
	o.Spec.Type = OfferTypeHTTP
	if got := o.EffectiveHealthPath(); got != "/health" {
		t.Errorf("http health path = %q", got)
	}
	if got := o.Spec.Payment.EffectiveMaxTimeoutSeconds(); got != 300 {
		t.Errorf("max timeout = %d", got)
	}
}

func TestServiceOfferValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(o *ServiceOffer)
		want   []string // substrings, one per expected problem
	}{
		{name: "valid", mutate: func(*ServiceOffer) {}},
		{name: "valid http with CAIP-2 and permit2 asset", mutate: func(o *ServiceOffer) {
			o.Spec.Type, o.Spec.Model = OfferTypeHTTP, nil
			o.Spec.Payment.Network = "eip155:1337"
			o.Spec.Payment.Asset = &AssetSpec{Address: "0x2222222222222222222222222222222222222222", Symbol: "OBOL", Decimals: ptr(int32(18)), TransferMethod: TransferPermit2}
		}},
		{name: "price abc", mutate: func(o *ServiceOffer) { o.Spec.Payment.Price.PerRequest = "abc" }, want: []string{`spec.payment.price.perRequest: price "abc" is not a decimal number`}},
		{name: "negative price", mutate: func(o *ServiceOffer) { o.Spec.Payment.Price.PerRequest = "-1" }, want: []string{"is negative"}},
		{name: "zero price", mutate: func(o *ServiceOffer) { o.Spec.Payment.Price.PerRequest = "0.000" }, want: []string{"is zero"}},
		{name: "exponent price", mutate: func(o *ServiceOffer) { o.Spec.Payment.Price.PerRequest = "1e-3" }, want: []string{"not a decimal number"}},
		{name: "no price", mutate: func(o *ServiceOffer) { o.Spec.Payment.Price = PriceSpec{} }, want: []string{"no price"}},
		{name: "both prices", mutate: func(o *ServiceOffer) { o.Spec.Payment.Price.PerMTok = "1" }, want: []string{"either perRequest or perMTok"}},
		{name: "perMTok on http", mutate: func(o *ServiceOffer) {
			o.Spec.Type, o.Spec.Model = OfferTypeHTTP, nil
			o.Spec.Payment.Price = PriceSpec{PerMTok: "1.5"}
		}, want: []string{"per-token pricing is for inference"}},
		{name: "too precise for token", mutate: func(o *ServiceOffer) {
			o.Spec.Payment.Asset = &AssetSpec{Symbol: "USDC", Decimals: ptr(int32(6))}
			o.Spec.Payment.Price.PerRequest = "0.0000001"
		}, want: []string{"has 7 decimal places but the token has only 6"}},
		{name: "bad payTo", mutate: func(o *ServiceOffer) { o.Spec.Payment.PayTo = "0x123" }, want: []string{"spec.payment.payTo", "not an EVM address"}},
		{name: "zero payTo", mutate: func(o *ServiceOffer) { o.Spec.Payment.PayTo = "0x0000000000000000000000000000000000000000" }, want: []string{"zero address"}},
		{name: "bad network", mutate: func(o *ServiceOffer) { o.Spec.Payment.Network = "Base Sepolia!" }, want: []string{"neither an alias"}},
		{name: "missing model", mutate: func(o *ServiceOffer) { o.Spec.Model = nil }, want: []string{"spec.model.name"}},
		{name: "bad type", mutate: func(o *ServiceOffer) { o.Spec.Type = "agent" }, want: []string{`type "agent" is not one of`}},
		{name: "no upstream", mutate: func(o *ServiceOffer) { o.Spec.Upstream = UpstreamSpec{} }, want: []string{"no upstream"}},
		{name: "upstream not http", mutate: func(o *ServiceOffer) { o.Spec.Upstream.URL = "ftp://x" }, want: []string{"not an http(s) URL"}},
		{name: "upstream with credentials", mutate: func(o *ServiceOffer) { o.Spec.Upstream.URL = "http://u:p@127.0.0.1" }, want: []string{"carries credentials"}},
		{name: "bad name", mutate: func(o *ServiceOffer) { o.Name = "My_Offer" }, want: []string{"metadata.name"}},
		{name: "negative grace", mutate: func(o *ServiceOffer) { o.Spec.DrainGracePeriod = &metav1.Duration{Duration: -time.Second} }, want: []string{"negative"}},
		{name: "duplicate payment option", mutate: func(o *ServiceOffer) { o.Spec.Payments = []PaymentOption{o.Spec.Payment} }, want: []string{"spec.payments[0]: same network and asset as spec.payment"}},
		{name: "several problems at once", mutate: func(o *ServiceOffer) {
			o.Spec.Payment.Price.PerRequest = "abc"
			o.Spec.Payment.PayTo = "nope"
			o.Spec.Path = "/api"
		}, want: []string{"spec.path", "spec.payment.payTo", "spec.payment.price.perRequest"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := validOffer()
			tt.mutate(o)
			err := o.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Validate() = nil, want an error")
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not wrap ErrInvalid: %v", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestValidatePathReserved(t *testing.T) {
	for _, p := range []string{"/", "//", "/api", "/api/", "/api/services.json", "/openapi.json", "/skill.md",
		"/.well-known", "/.well-known/agent-registration.json", "/rpc", "/rpc/x", "/v1", "/v1/chat/completions",
		"/admin", "/admin/x", "/services", "/services/", "/a/../b", "/a//b", "/has space", "relative", "/x?y"} {
		if err := ValidatePath(p); err == nil {
			t.Errorf("ValidatePath(%q) = nil, want refusal", p)
		}
	}
	for _, p := range []string{"/services/a", "/apis", "/v1x", "/admins/tool", "/paid/model-1.2_x"} {
		if err := ValidatePath(p); err != nil {
			t.Errorf("ValidatePath(%q) = %v, want nil", p, err)
		}
	}
	if err := ValidatePath("/api/x"); err == nil || !strings.Contains(err.Error(), "reserved root /api") {
		t.Errorf("error does not name the reserved root: %v", err)
	}
}

func TestAtomicAmount(t *testing.T) {
	tests := []struct {
		price    string
		decimals int
		want     string
		wantErr  string
	}{
		{price: "0.001", decimals: 6, want: "1000"},
		{price: "0.5", decimals: 18, want: "500000000000000000"},
		{price: "0.001", decimals: 18, want: "1000000000000000"},
		{price: "2", decimals: 0, want: "2"},
		{price: "1.2300", decimals: 2, want: "123"},
		{price: "0.00001", decimals: 6, want: "10"},
		{price: "0.0000001", decimals: 6, wantErr: "decimal places"},
		{price: "1.5", decimals: 0, wantErr: "decimal places"},
		{price: "abc", decimals: 6, wantErr: "not a decimal"},
		{price: "1", decimals: 256, wantErr: "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.price, func(t *testing.T) {
			got, err := AtomicAmount(tt.price, tt.decimals)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("AtomicAmount(%q, %d) error = %v, want %q", tt.price, tt.decimals, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("AtomicAmount(%q, %d) = %v, %v; want %s", tt.price, tt.decimals, got, err, tt.want)
			}
		})
	}
}

func validPurchase() *PurchaseRequest {
	return &PurchaseRequest{
		TypeMeta:   TypeMetaPurchaseRequest(),
		ObjectMeta: metav1.ObjectMeta{Name: "qwen", Namespace: "default"},
		Spec: PurchaseRequestSpec{
			Endpoint: "http://127.0.0.1:8080/services/my-qwen",
			Model:    "qwen3:0.6b",
			Count:    2,
			PreSignedAuths: []PreSignedAuth{
				{ID: "0x01", Payment: runtime.RawExtension{Raw: []byte(`{"x402Version":2,"accepted":{},"payload":{"signature":"0x"}}`)}},
				{ID: "0x02", Payment: runtime.RawExtension{Raw: []byte(`{"x402Version":2,"accepted":{},"payload":{"signature":"0x"}}`)}},
			},
			Payment: PurchasePayment{Network: "eip155:1337", PayTo: payTo, Price: "1000",
				Asset: "0x2222222222222222222222222222222222222222", AssetSymbol: "USDC", AssetDecimals: 6, TransferMethod: TransferEIP3009},
		},
	}
}

func TestPurchaseRequestValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(p *PurchaseRequest)
		want   []string
	}{
		{name: "valid", mutate: func(*PurchaseRequest) {}},
		{name: "count 0", mutate: func(p *PurchaseRequest) { p.Spec.Count = 0 }, want: []string{"count 0 is out of range"}},
		{name: "count 2501", mutate: func(p *PurchaseRequest) { p.Spec.Count = 2501 }, want: []string{"count 2501 is out of range"}},
		{name: "more auths than count", mutate: func(p *PurchaseRequest) { p.Spec.Count = 1 }, want: []string{"never hold more than count"}},
		{name: "duplicate auth id", mutate: func(p *PurchaseRequest) { p.Spec.PreSignedAuths[1].ID = "0x01" }, want: []string{"repeats preSignedAuths[0]"}},
		{name: "auth not a payload", mutate: func(p *PurchaseRequest) { p.Spec.PreSignedAuths[0].Payment.Raw = []byte(`"abc"`) }, want: []string{"preSignedAuths[0].payment"}},
		{name: "auth wrong version", mutate: func(p *PurchaseRequest) {
			p.Spec.PreSignedAuths[0].Payment.Raw = []byte(`{"x402Version":3,"payload":{}}`)
		}, want: []string{"x402Version 1 or 2"}},
		{name: "price not atomic", mutate: func(p *PurchaseRequest) { p.Spec.Payment.Price = "0.001" }, want: []string{"spec.payment.price"}},
		{name: "paid prefix model", mutate: func(p *PurchaseRequest) { p.Spec.Model = "paid/x" }, want: []string{"already starts with paid/"}},
		{name: "bad endpoint", mutate: func(p *PurchaseRequest) { p.Spec.Endpoint = "seller" }, want: []string{"spec.endpoint"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := validPurchase()
			tt.mutate(p)
			err := p.Validate()
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("Validate() = %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Validate() = nil, want an error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

func TestJSONRoundTripAndDeepCopy(t *testing.T) {
	o := validOffer()
	o.Spec.DrainAt = &metav1.Time{Time: time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)}
	o.Spec.DrainGracePeriod = &metav1.Duration{Duration: 90 * time.Second}
	o.Status.Conditions = []metav1.Condition{{Type: ConditionReady, Status: metav1.ConditionTrue, Reason: ReasonReconciled,
		LastTransitionTime: metav1.Time{Time: time.Date(2026, 5, 1, 11, 0, 0, 0, time.UTC)}}}
	b, err := json.Marshal(o)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"drainGracePeriod":"1m30s"`) {
		t.Errorf("grace period not a duration string: %s", b)
	}
	var back ServiceOffer
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(o, &back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	cp := o.DeepCopy()
	cp.Spec.Model.Name = "other"
	cp.Status.Conditions[0].Reason = "x"
	if o.Spec.Model.Name == "other" || o.Status.Conditions[0].Reason == "x" {
		t.Error("DeepCopy shares memory with the original")
	}
	p := validPurchase()
	pc := p.DeepCopyObject().(*PurchaseRequest)
	pc.Spec.PreSignedAuths[0].Payment.Raw[0] = 'X'
	if p.Spec.PreSignedAuths[0].Payment.Raw[0] == 'X' {
		t.Error("PurchaseRequest DeepCopy shares auth bytes")
	}
}

func TestSchemeRegistration(t *testing.T) {
	s := runtime.NewScheme()
	if err := AddToScheme(s); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{KindServiceOffer, KindServiceOfferList, KindPurchaseRequest, KindPurchaseRequestList} {
		if !s.Recognizes(GroupVersion.WithKind(k)) {
			t.Errorf("scheme does not know %s", k)
		}
	}
}

func TestOperationallyReady(t *testing.T) {
	o := validOffer()
	set := func(t string, st metav1.ConditionStatus, reason string) {
		o.Status.Conditions = append(o.Status.Conditions, metav1.Condition{Type: t, Status: st, Reason: reason})
	}
	set(ConditionModelReady, metav1.ConditionTrue, ReasonDeclared)
	set(ConditionUpstreamHealthy, metav1.ConditionTrue, ReasonHealthy)
	set(ConditionPaymentGateReady, metav1.ConditionTrue, ReasonReconciled)
	if o.OperationallyReady() {
		t.Error("ready without RoutePublished")
	}
	set(ConditionRoutePublished, metav1.ConditionTrue, ReasonReconciled)
	set(ConditionRegistered, metav1.ConditionFalse, ReasonPending)
	if !o.OperationallyReady() {
		t.Error("not ready with the four gates True")
	}
	if o.RegistrationPending() {
		t.Error("registration pending although registration is off")
	}
	o.Spec.Registration = &RegistrationSpec{Enabled: true}
	if !o.RegistrationPending() {
		t.Error("registration not pending while Registered is False")
	}
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	if !o.Serving(now) {
		t.Error("a published offer is not served")
	}
	o.Spec.DrainAt = &metav1.Time{Time: now.Add(-30 * time.Minute)}
	if !o.Serving(now) {
		t.Error("a draining offer inside its grace period is not served")
	}
	if o.Serving(now.Add(30 * time.Minute)) {
		t.Error("an offer is served at its drainEndsAt")
	}
	o.Spec.DrainAt = nil
	o.DeletionTimestamp = &metav1.Time{Time: now}
	if o.Serving(now) {
		t.Error("a deleting offer is served")
	}
}

// FuzzAtomicAmount checks that any price the validator accepts converts
// exactly: atomic / 10^decimals equals the decimal price.
func FuzzAtomicAmount(f *testing.F) {
	for _, s := range []string{"0.001", "1", "abc", "-1", "1e5", "0.0000001", "00.1", "1.", ".5", strings.Repeat("9", 90)} {
		f.Add(s, 6)
	}
	f.Fuzz(func(t *testing.T, price string, decimals int) {
		n, err := AtomicAmount(price, decimals)
		if err != nil {
			return
		}
		want, ok := new(big.Rat).SetString(price)
		if !ok {
			t.Fatalf("accepted %q that big.Rat cannot parse", price)
		}
		got := new(big.Rat).SetFrac(n, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil))
		if got.Cmp(want) != 0 || n.Sign() <= 0 {
			t.Fatalf("AtomicAmount(%q, %d) = %s, which is not the price", price, decimals, n)
		}
	})
}

// FuzzServiceOfferDecodeValidate feeds arbitrary JSON through decode and
// Validate: never a panic, and an accepted offer always has a usable path.
func FuzzServiceOfferDecodeValidate(f *testing.F) {
	b, _ := json.Marshal(validOffer())
	f.Add(b)
	f.Add([]byte(`{"metadata":{"name":"x"},"spec":{"type":"http","path":"/api"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var o ServiceOffer
		if json.Unmarshal(data, &o) != nil {
			return
		}
		if o.Validate() == nil && ValidatePath(o.EffectivePath()) != nil && o.Spec.Path != "" {
			t.Fatalf("accepted offer with refused path %q", o.EffectivePath())
		}
	})
}

func TestRequestAmount(t *testing.T) {
	tests := []struct {
		price    PriceSpec
		decimals int
		want     string
	}{
		{PriceSpec{PerRequest: "0.001"}, 6, "1000"},
		{PriceSpec{PerMTok: "1.25"}, 6, "1250"},
		{PriceSpec{PerMTok: "0.000001"}, 6, "1"}, // rounds up, never free
		{PriceSpec{PerMTok: "2"}, 18, "2000000000000000"},
	}
	for _, tt := range tests {
		got, err := PaymentOption{Price: tt.price}.RequestAmount(tt.decimals)
		if err != nil || got.String() != tt.want {
			t.Errorf("RequestAmount(%+v, %d) = %v, %v; want %s", tt.price, tt.decimals, got, err, tt.want)
		}
	}
}

// FuzzPurchaseRequestDecodeValidate: arbitrary JSON never panics decode
// or Validate, and an accepted purchase keeps its pool within count.
func FuzzPurchaseRequestDecodeValidate(f *testing.F) {
	b, _ := json.Marshal(validPurchase())
	f.Add(b)
	f.Add([]byte(`{"metadata":{"name":"x"},"spec":{"count":1,"preSignedAuths":[{"id":"a","payment":{"x402Version":2,"payload":{}}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var p PurchaseRequest
		if json.Unmarshal(data, &p) != nil {
			return
		}
		if p.Validate() == nil && (int32(len(p.Spec.PreSignedAuths)) > p.Spec.Count || p.Spec.Count > MaxPurchaseCount) {
			t.Fatalf("accepted a pool of %d for count %d", len(p.Spec.PreSignedAuths), p.Spec.Count)
		}
	})
}
