package serviceoffer

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/google/go-cmp/cmp"
	"go.uber.org/goleak"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
	"github.com/obol-dev/obol/internal/controller/runner"
	"github.com/obol-dev/obol/internal/db"
	"github.com/obol-dev/obol/internal/store"
	"github.com/obol-dev/obol/internal/x402"
)

func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

const payTo = "0x1111111111111111111111111111111111111111"

// upstream is a real loopback server whose health answer the test sets.
type upstream struct {
	*httptest.Server
	mu     sync.Mutex
	status int
}

func newUpstream(t *testing.T) *upstream {
	u := &upstream{status: 200}
	u.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u.mu.Lock()
		defer u.mu.Unlock()
		w.WriteHeader(u.status)
	}))
	t.Cleanup(u.Close)
	return u
}

func (u *upstream) set(status int) { u.mu.Lock(); u.status = status; u.mu.Unlock() }

// testStore opens an embedded store; validate=false stands in for a
// Kubernetes API server, which does not run our Go validation.
func testStore(t *testing.T, validate bool) store.Store[*v1alpha1.ServiceOffer] {
	t.Helper()
	d, err := db.Open(filepath.Join(t.TempDir(), "obol.db"), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	k := store.ServiceOfferKind()
	if !validate {
		k.Validate = nil
	}
	s, err := store.NewEmbedded(store.EmbeddedOptions[*v1alpha1.ServiceOffer]{DB: d, Kind: k, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(); d.Close() })
	return s
}

func registry(t *testing.T) *x402.Registry {
	t.Helper()
	r, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// prober never keeps connections alive, so no goroutine idles on a socket
// (synctest bubbles need every goroutine durably blocked to advance time).
func prober() HTTPProber {
	return HTTPProber{Client: &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}}
}

type recRegistrar struct {
	mu       sync.Mutex
	retained []string
	found    string
}

func (r *recRegistrar) FindAgent(_ context.Context, o *v1alpha1.ServiceOffer) (string, string, bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.found == "" {
		return "", "", false, nil
	}
	return r.found, "0xabc", true, nil
}

func (r *recRegistrar) Retain(_ context.Context, o *v1alpha1.ServiceOffer) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.retained = append(r.retained, o.Namespace+"/"+o.Name+"#"+o.Status.AgentID)
	return nil
}

func newReconciler(t *testing.T, s store.Store[*v1alpha1.ServiceOffer], now func() time.Time, reg Registrar) *Reconciler {
	t.Helper()
	r, err := New(Options{Store: s, Prober: prober(), Payments: RegistryPayments{Registry: registry(t)}, Registrar: reg, Now: now, Logger: quiet})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func offer(name, upstreamURL string, mut ...func(*v1alpha1.ServiceOffer)) *v1alpha1.ServiceOffer {
	o := &v1alpha1.ServiceOffer{
		ObjectMeta: metav1.ObjectMeta{Namespace: "default", Name: name},
		Spec: v1alpha1.ServiceOfferSpec{
			Type: v1alpha1.OfferTypeInference, Model: &v1alpha1.ModelSpec{Name: "tiny"},
			Upstream: v1alpha1.UpstreamSpec{URL: upstreamURL},
			Payment:  v1alpha1.PaymentOption{Network: "devnet", PayTo: payTo, Price: v1alpha1.PriceSpec{PerRequest: "0.001"}},
		},
	}
	for _, m := range mut {
		m(o)
	}
	return o
}

type condView struct{ Type, Status, Reason string }

func conds(o *v1alpha1.ServiceOffer) []condView {
	var out []condView
	for _, c := range o.Status.Conditions {
		out = append(out, condView{c.Type, string(c.Status), c.Reason})
	}
	return out
}

func all(pairs ...string) []condView {
	order := v1alpha1.ServiceOfferConditionOrder()
	out := make([]condView, len(order))
	for i, t := range order {
		out[i] = condView{t, pairs[2*i], pairs[2*i+1]}
	}
	return out
}

var t0 = time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)

func TestReconcileConditions(t *testing.T) {
	up := newUpstream(t)
	bad := newUpstream(t)
	bad.set(500)
	down := newUpstream(t)
	downURL := down.URL
	down.Close()
	d6, d18 := int32(6), int32(18)
	allGood := all("True", "Declared", "True", "Healthy", "True", "Reconciled", "True", "Reconciled", "True", "Disabled", "False", "Active", "True", "Reconciled")
	tests := []struct {
		name        string
		offer       *v1alpha1.ServiceOffer
		noValidate  bool
		want        []condView
		wantRequeue time.Duration
	}{
		{name: "ready inference", offer: offer("a", up.URL), want: allGood, wantRequeue: 30 * time.Second},
		{name: "http offer", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Type, o.Spec.Model = v1alpha1.OfferTypeHTTP, nil }),
			want: all("True", "Skipped", "True", "Healthy", "True", "Reconciled", "True", "Reconciled", "True", "Disabled", "False", "Active", "True", "Reconciled"), wantRequeue: 30 * time.Second},
		{name: "OBOL over permit2 by symbol", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) {
			o.Spec.Payment.Asset = &v1alpha1.AssetSpec{Symbol: "OBOL"}
			o.Spec.Payment.Price.PerRequest = "0.001"
		}), want: allGood, wantRequeue: 30 * time.Second},
		{name: "upstream 500", offer: offer("a", bad.URL),
			want: all("True", "Declared", "False", "Unhealthy", "True", "Reconciled", "False", "WaitingForUpstream", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "upstream down", offer: offer("a", downURL),
			want: all("True", "Declared", "False", "Unhealthy", "True", "Reconciled", "False", "WaitingForUpstream", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "unknown network", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Network = "polygon" }),
			want: all("True", "Declared", "True", "Healthy", "False", "InvalidPayment", "False", "WaitingForPaymentGate", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "unknown token", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) {
			o.Spec.Payment.Asset = &v1alpha1.AssetSpec{Symbol: "DOGE", Decimals: &d18}
		}),
			want: all("True", "Declared", "True", "Healthy", "False", "InvalidPayment", "False", "WaitingForPaymentGate", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "price finer than USDC", noValidate: true, offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Price.PerRequest = "0.0000001" }),
			want: all("True", "Declared", "True", "Healthy", "False", "InvalidPayment", "False", "WaitingForPaymentGate", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "price abc (no API validation)", noValidate: true, offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Price.PerRequest = "abc" }),
			want: all("True", "Declared", "True", "Healthy", "False", "InvalidPayment", "False", "WaitingForPaymentGate", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "reserved path (no API validation)", noValidate: true, offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Path = "/.well-known/x" }),
			want: all("True", "Declared", "True", "Healthy", "False", "ReservedPath", "False", "WaitingForPaymentGate", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "inference without model (no API validation)", noValidate: true, offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Model = nil }),
			want: all("False", "MissingModel", "True", "Healthy", "False", "InvalidSpec", "False", "WaitingForPaymentGate", "True", "Disabled", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "registration pending", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Registration = &v1alpha1.RegistrationSpec{Enabled: true} }),
			want: all("True", "Declared", "True", "Healthy", "True", "Reconciled", "True", "Reconciled", "False", "Pending", "False", "Active", "False", "Reconciling"), wantRequeue: 5 * time.Second},
		{name: "draining", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.DrainAt = &metav1.Time{Time: t0.Add(-10 * time.Minute)} }),
			want:        all("True", "Declared", "True", "Healthy", "True", "Reconciled", "True", "Reconciled", "True", "Disabled", "True", "Draining", "True", "Reconciled"),
			wantRequeue: 30 * time.Second},
		{name: "draining, end sooner than the probe interval", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) {
			o.Spec.DrainAt = &metav1.Time{Time: t0.Add(-time.Hour + 7*time.Second)}
		}), want: all("True", "Declared", "True", "Healthy", "True", "Reconciled", "True", "Reconciled", "True", "Disabled", "True", "Draining", "True", "Reconciled"), wantRequeue: 7 * time.Second},
		{name: "drained", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.DrainAt = &metav1.Time{Time: t0.Add(-2 * time.Hour)} }),
			want: all("True", "Declared", "True", "Healthy", "False", "Drained", "False", "Drained", "True", "Disabled", "False", "Drained", "False", "Reconciling")},
		{name: "force stop (grace 0)", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) {
			o.Spec.DrainAt = &metav1.Time{Time: t0}
			o.Spec.DrainGracePeriod = &metav1.Duration{}
		}), want: all("True", "Declared", "True", "Healthy", "False", "Drained", "False", "Drained", "True", "Disabled", "False", "Drained", "False", "Reconciling")},
		{name: "multi-payment with an explicit unknown asset", offer: offer("a", up.URL, func(o *v1alpha1.ServiceOffer) {
			o.Spec.Payments = []v1alpha1.PaymentOption{{Network: "devnet", PayTo: payTo, Price: v1alpha1.PriceSpec{PerRequest: "1"},
				Asset: &v1alpha1.AssetSpec{Address: "0x3333333333333333333333333333333333333333", Symbol: "EURC", Decimals: &d6,
					TransferMethod: v1alpha1.TransferEIP3009, EIP712Name: "EURC", EIP712Version: "2"}}}
		}), want: allGood, wantRequeue: 30 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := testStore(t, !tt.noValidate)
			ctx := context.Background()
			created, err := s.Create(ctx, tt.offer)
			if err != nil {
				t.Fatal(err)
			}
			r := newReconciler(t, s, func() time.Time { return t0 }, nil)
			requeue, err := r.Reconcile(ctx, "default", "a")
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Get(ctx, "default", "a")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, conds(got)); diff != "" {
				t.Errorf("conditions (-want +got):\n%s", diff)
				for _, c := range got.Status.Conditions {
					t.Logf("%s=%s %s: %s", c.Type, c.Status, c.Reason, c.Message)
				}
			}
			if requeue != tt.wantRequeue {
				t.Errorf("requeue = %v, want %v", requeue, tt.wantRequeue)
			}
			if got.Status.ObservedGeneration != created.Generation || got.Status.Endpoint != got.EffectivePath() {
				t.Errorf("observedGeneration %d endpoint %q", got.Status.ObservedGeneration, got.Status.Endpoint)
			}
			if !slices.Contains(got.Finalizers, Finalizer) {
				t.Error("finalizer not added")
			}
		})
	}
}

func TestPathConflictOlderWins(t *testing.T) {
	up := newUpstream(t)
	s := testStore(t, true)
	ctx := context.Background()
	clock := t0
	r := newReconciler(t, s, func() time.Time { return clock }, nil)
	if _, err := s.Create(ctx, offer("first", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Path = "/paid/x" })); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // creationTimestamp has second resolution
	if _, err := s.Create(ctx, offer("second", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Path = "/paid/x/" })); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"first", "second"} {
		if _, err := r.Reconcile(ctx, "default", n); err != nil {
			t.Fatal(err)
		}
	}
	first, _ := s.Get(ctx, "default", "first")
	second, _ := s.Get(ctx, "default", "second")
	if !v1alpha1.IsConditionTrue(first.Status.Conditions, v1alpha1.ConditionRoutePublished) {
		t.Error("the older offer lost its path")
	}
	if c := v1alpha1.FindCondition(second.Status.Conditions, v1alpha1.ConditionPaymentGateReady); c == nil || c.Reason != v1alpha1.ReasonPathConflict {
		t.Errorf("newer offer gate = %+v, want PathConflict", c)
	}
	// Once the older offer is deleted, the newer one takes the path.
	if err := s.Delete(ctx, "default", "first"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Reconcile(ctx, "default", "first"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Reconcile(ctx, "default", "second"); err != nil {
		t.Fatal(err)
	}
	second, _ = s.Get(ctx, "default", "second")
	if !v1alpha1.IsConditionTrue(second.Status.Conditions, v1alpha1.ConditionRoutePublished) {
		t.Errorf("newer offer did not take the freed path: %+v", conds(second))
	}
}

func TestStatusStableAcrossPasses(t *testing.T) {
	up := newUpstream(t)
	s := testStore(t, true)
	ctx := context.Background()
	clock := t0
	r := newReconciler(t, s, func() time.Time { return clock }, nil)
	if _, err := s.Create(ctx, offer("a", up.URL)); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Reconcile(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	first, _ := s.Get(ctx, "default", "a")
	clock = t0.Add(time.Minute)
	if _, err := r.Reconcile(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	second, _ := s.Get(ctx, "default", "a")
	if second.ResourceVersion != first.ResourceVersion {
		t.Error("an unchanged pass wrote the object")
	}
	up.set(503)
	clock = t0.Add(2 * time.Minute)
	if _, err := r.Reconcile(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	third, _ := s.Get(ctx, "default", "a")
	for _, c := range third.Status.Conditions {
		moved := c.LastTransitionTime.Time.Equal(clock)
		shouldMove := slices.Contains([]string{v1alpha1.ConditionUpstreamHealthy, v1alpha1.ConditionRoutePublished, v1alpha1.ConditionReady}, c.Type)
		if moved != shouldMove {
			t.Errorf("%s lastTransitionTime %v (moved=%v, want %v)", c.Type, c.LastTransitionTime, moved, shouldMove)
		}
	}
}

func TestRegistrationAndDeletion(t *testing.T) {
	up := newUpstream(t)
	s := testStore(t, true)
	ctx := context.Background()
	reg := &recRegistrar{}
	r := newReconciler(t, s, func() time.Time { return t0 }, reg)
	if _, err := s.Create(ctx, offer("a", up.URL, func(o *v1alpha1.ServiceOffer) { o.Spec.Registration = &v1alpha1.RegistrationSpec{Enabled: true} })); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Reconcile(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	o, _ := s.Get(ctx, "default", "a")
	if c := v1alpha1.FindCondition(o.Status.Conditions, v1alpha1.ConditionRegistered); c.Reason != v1alpha1.ReasonPending {
		t.Fatalf("Registered = %s, want Pending", c.Reason)
	}
	reg.mu.Lock()
	reg.found = "42"
	reg.mu.Unlock()
	if _, err := r.Reconcile(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	o, _ = s.Get(ctx, "default", "a")
	if o.Status.AgentID != "42" || o.Status.RegistrationTxHash != "0xabc" || !v1alpha1.IsConditionTrue(o.Status.Conditions, v1alpha1.ConditionReady) {
		t.Fatalf("after registration: agentId %q tx %q conditions %+v", o.Status.AgentID, o.Status.RegistrationTxHash, conds(o))
	}
	if err := s.Delete(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "default", "a"); err != nil {
		t.Fatal("the finalizer did not hold the deleted offer")
	}
	if _, err := r.Reconcile(ctx, "default", "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, "default", "a"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("offer still there after finalize: %v", err)
	}
	if diff := cmp.Diff([]string{"default/a#42"}, reg.retained); diff != "" {
		t.Errorf("retained (-want +got):\n%s", diff)
	}
}

// TestDrainLifecycle runs the reconciler under the runner on a fake clock:
// inside the grace period the offer serves and shows its end; at the end the
// route goes away, with no polling in between.
func TestDrainLifecycle(t *testing.T) {
	up := newUpstream(t)
	synctest.Test(t, func(t *testing.T) {
		s := testStore(t, true)
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		r, err := New(Options{Store: s, Prober: prober(), Payments: RegistryPayments{Registry: registry(t)}, Logger: quiet,
			ProbeInterval: 10 * time.Minute})
		if err != nil {
			t.Fatal(err)
		}
		run, err := runner.New(runner.Options[*v1alpha1.ServiceOffer]{Name: "serviceoffer", Store: s, Reconcile: r.Reconcile, Logger: quiet})
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error)
		go func() { done <- run.Run(ctx) }()
		defer func() { cancel(); <-done }()

		if _, err := s.Create(ctx, offer("a", up.URL)); err != nil {
			t.Fatal(err)
		}
		synctest.Wait()
		o, _ := s.Get(ctx, "default", "a")
		if !v1alpha1.IsConditionTrue(o.Status.Conditions, v1alpha1.ConditionReady) {
			t.Fatalf("not Ready: %+v", conds(o))
		}
		// obol sell stop --grace 1h
		o.Spec.DrainAt = &metav1.Time{Time: time.Now()}
		if _, err := s.Update(ctx, o); err != nil {
			t.Fatal(err)
		}
		ends := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
		time.Sleep(59 * time.Minute)
		synctest.Wait()
		o, _ = s.Get(ctx, "default", "a")
		d := v1alpha1.FindCondition(o.Status.Conditions, v1alpha1.ConditionDraining)
		if d.Status != metav1.ConditionTrue || !v1alpha1.IsConditionTrue(o.Status.Conditions, v1alpha1.ConditionRoutePublished) {
			t.Fatalf("inside the grace period: %+v", conds(o))
		}
		if want := "Drain ends at " + ends.Format(time.RFC3339); d.Message != want {
			t.Errorf("Draining message %q, want %q", d.Message, want)
		}
		time.Sleep(time.Minute + time.Second)
		synctest.Wait()
		o, _ = s.Get(ctx, "default", "a")
		for _, ty := range []string{v1alpha1.ConditionPaymentGateReady, v1alpha1.ConditionRoutePublished, v1alpha1.ConditionDraining} {
			if c := v1alpha1.FindCondition(o.Status.Conditions, ty); c.Status != metav1.ConditionFalse || c.Reason != v1alpha1.ReasonDrained {
				t.Errorf("after the drain %s = %s/%s, want False/Drained", ty, c.Status, c.Reason)
			}
		}
		if o.OperationallyReady() {
			t.Error("a drained offer is still operationally ready (catalogs would list it)")
		}
	})
}

func TestRegistryPayments(t *testing.T) {
	p := RegistryPayments{Registry: registry(t)}
	d6 := int32(6)
	tests := []struct {
		name string
		opt  v1alpha1.PaymentOption
		ok   bool
	}{
		{"default USDC", v1alpha1.PaymentOption{Network: "devnet", Price: v1alpha1.PriceSpec{PerRequest: "0.001"}}, true},
		{"CAIP-2 and OBOL", v1alpha1.PaymentOption{Network: "eip155:1337", Asset: &v1alpha1.AssetSpec{Symbol: "obol"}, Price: v1alpha1.PriceSpec{PerRequest: "0.000000000000000001"}}, true},
		{"too precise", v1alpha1.PaymentOption{Network: "devnet", Price: v1alpha1.PriceSpec{PerRequest: "0.0000001"}}, false},
		{"unknown network", v1alpha1.PaymentOption{Network: "solana", Price: v1alpha1.PriceSpec{PerRequest: "1"}}, false},
		{"unknown symbol", v1alpha1.PaymentOption{Network: "devnet", Asset: &v1alpha1.AssetSpec{Symbol: "DOGE"}, Price: v1alpha1.PriceSpec{PerRequest: "1"}}, false},
		{"fully described", v1alpha1.PaymentOption{Network: "base", Asset: &v1alpha1.AssetSpec{Address: "0x3333333333333333333333333333333333333333", Symbol: "EURC", Decimals: &d6,
			TransferMethod: v1alpha1.TransferEIP3009, EIP712Name: "EURC", EIP712Version: "2"}, Price: v1alpha1.PriceSpec{PerRequest: "1"}}, true},
	}
	for _, tt := range tests {
		if err := p.CheckPayment(tt.opt); (err == nil) != tt.ok {
			t.Errorf("%s: CheckPayment = %v, want ok=%v", tt.name, err, tt.ok)
		}
	}
}

func TestHTTPProber(t *testing.T) {
	up := newUpstream(t)
	p := prober()
	for status, ok := range map[int]bool{200: true, 204: true, 301: false, 404: false, 500: false} {
		up.set(status)
		if err := p.Probe(context.Background(), up.URL+"/health"); (err == nil) != ok {
			t.Errorf("status %d: Probe = %v, want ok=%v", status, err, ok)
		}
	}
}
