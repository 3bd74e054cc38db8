package catalog

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/obol-dev/obol/api/v1alpha1"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func scenarios() map[string]Input {
	grace := 30 * time.Minute
	tomb := input()
	tomb.Identity = Identity{Name: "alice-agent", Registrations: []OnChainRegistration{{AgentID: "7", ChainID: 84532, Registry: registry}}}
	return map[string]Input{
		"active": input(
			readyOffer("my-qwen", registered("7", "natural_language_processing/text_generation")),
			readyOffer("weather", httpOffer, listed("data", 10)),
			readyOffer("big-model", perMTok("1.25")),
		),
		"draining": input(
			readyOffer("my-qwen", draining(10*time.Minute, nil), registered("7")),
			readyOffer("weather", httpOffer, draining(5*time.Minute, &grace)),
		),
		"drained": input(
			readyOffer("my-qwen", drained, registered("7")),
			readyOffer("weather", httpOffer),
		),
		"registration-pending": input(readyOffer("my-qwen", registrationPending)),
		"multi-payment":        input(readyOffer("my-qwen", multiPayment, listed("llm", 5))),
		"last-offer-deleted":   tomb,
	}
}

var goldenDocs = []struct{ path, file string }{
	{PathServices, "services.json"},
	{PathSkill, "skill.md"},
	{PathOpenAPI, "openapi.json"},
	{PathRegistration, "agent-registration.json"},
}

func TestGolden(t *testing.T) {
	for name, in := range scenarios() {
		t.Run(name, func(t *testing.T) {
			snap, err := Build(in)
			if err != nil {
				t.Fatal(err)
			}
			if len(snap.Skipped) > 0 {
				t.Fatalf("offers skipped: %+v", snap.Skipped)
			}
			for _, d := range goldenDocs {
				got := snap.Document(d.path)
				file := filepath.Join("testdata", name+"."+d.file+".golden")
				if *update {
					if err := os.WriteFile(file, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(file)
				if err != nil {
					t.Fatalf("%v (run go test -update to create it)", err)
				}
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Errorf("%s differs from %s (-want +got):\n%s", d.path, file, diff)
				}
			}
			validateServices(t, snap.Document(PathServices))
			checkNoAvailable(t, snap)
		})
	}
}

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(ServicesSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("services.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("services.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validateServices(t testing.TB, body []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("services.json is not JSON: %v", err)
	}
	if err := compileSchema(t).Validate(v); err != nil {
		t.Errorf("services.json does not match the schema: %v\n%s", err, body)
	}
}

// mustValidJSON renders services.json and validates it against the schema.
func mustValidJSON(t *testing.T, in Input) []byte {
	t.Helper()
	raw, err := ServicesJSON(in)
	if err != nil {
		t.Fatal(err)
	}
	validateServices(t, raw)
	return raw
}

// checkNoAvailable: no document has an "available" key at any depth, and
// skill.md has no Available column or bullet (Status says it instead).
func checkNoAvailable(t *testing.T, snap *Snapshot) {
	t.Helper()
	for _, p := range []string{PathServices, PathOpenAPI, PathRegistration} {
		var v any
		if err := json.Unmarshal(snap.Document(p), &v); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if path, found := findKey(v, "available", "$"); found {
			t.Errorf("%s has an available key at %s", p, path)
		}
	}
	md := string(snap.Document(PathSkill))
	for _, bad := range []string{"| Available", "**Available**", "Available |"} {
		if strings.Contains(md, bad) {
			t.Errorf("skill.md contains %q", bad)
		}
	}
}

func findKey(v any, key, path string) (string, bool) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			if strings.EqualFold(k, key) {
				return path + "." + k, true
			}
			if p, ok := findKey(c, key, path+"."+k); ok {
				return p, true
			}
		}
	case []any:
		for i, c := range x {
			if p, ok := findKey(c, key, path+"["+strconv.Itoa(i)+"]"); ok {
				return p, true
			}
		}
	}
	return "", false
}

// TestNoAvailableKeyDetector proves the check can fail.
func TestNoAvailableKeyDetector(t *testing.T) {
	var v any
	_ = json.Unmarshal([]byte(`{"services":[{"name":"x","Available":false}]}`), &v)
	if _, found := findKey(v, "available", "$"); !found {
		t.Fatal("findKey missed an Available key")
	}
}

func TestListingRule(t *testing.T) {
	f := metav1.ConditionFalse
	tests := []struct {
		name    string
		offer   v1alpha1.ServiceOffer
		listed  bool
		pending bool
	}{
		{name: "ready", offer: readyOffer("a"), listed: true},
		{name: "model not ready", offer: readyOffer("a", func(o *v1alpha1.ServiceOffer) {
			setCond(o, v1alpha1.ConditionModelReady, f, v1alpha1.ReasonMissingModel)
		})},
		{name: "upstream unhealthy", offer: readyOffer("a", func(o *v1alpha1.ServiceOffer) {
			setCond(o, v1alpha1.ConditionUpstreamHealthy, f, v1alpha1.ReasonUnhealthy)
		})},
		{name: "gate not ready", offer: readyOffer("a", func(o *v1alpha1.ServiceOffer) {
			setCond(o, v1alpha1.ConditionPaymentGateReady, f, v1alpha1.ReasonInvalidPayment)
		})},
		{name: "route not published", offer: readyOffer("a", func(o *v1alpha1.ServiceOffer) {
			setCond(o, v1alpha1.ConditionRoutePublished, f, v1alpha1.ReasonPathConflict)
		})},
		{name: "no status yet", offer: readyOffer("a", func(o *v1alpha1.ServiceOffer) { o.Status = v1alpha1.ServiceOfferStatus{} })},
		{name: "being deleted", offer: readyOffer("a", func(o *v1alpha1.ServiceOffer) { o.DeletionTimestamp = &metav1.Time{Time: testNow} })},
		{name: "drain ended, status stale", offer: readyOffer("a", func(o *v1alpha1.ServiceOffer) { o.Spec.DrainAt = &metav1.Time{Time: testNow.Add(-time.Hour)} })},
		{name: "mid-drain", offer: readyOffer("a", draining(time.Minute, nil)), listed: true},
		{name: "registration pending", offer: readyOffer("a", registrationPending), listed: true, pending: true},
		{name: "registered", offer: readyOffer("a", registered("3")), listed: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, skipped := Services(input(tt.offer))
			mustValidJSON(t, input(tt.offer))
			if len(skipped) > 0 {
				t.Fatalf("skipped: %+v", skipped)
			}
			if got := len(doc.Services) == 1; got != tt.listed {
				t.Fatalf("listed = %v, want %v", got, tt.listed)
			}
			if tt.listed && doc.Services[0].RegistrationPending != tt.pending {
				t.Errorf("registrationPending = %v, want %v", doc.Services[0].RegistrationPending, tt.pending)
			}
			md := string(SkillMarkdown(input(tt.offer)))
			if strings.Contains(md, "[a](#a)") != tt.listed {
				t.Errorf("skill.md lists the offer = %v, want %v", !tt.listed, tt.listed)
			}
			oa, _ := OpenAPIJSON(input(tt.offer))
			if strings.Contains(string(oa), "/services/a/") != tt.listed {
				t.Errorf("openapi.json lists the offer = %v, want %v", !tt.listed, tt.listed)
			}
		})
	}
}

func TestDrainEndsAtOnlyWhileDraining(t *testing.T) {
	grace := 0 * time.Second
	in := input(
		readyOffer("active", registered("1")),
		readyOffer("mid", draining(10*time.Minute, nil), registered("1")),
		readyOffer("zero-grace", draining(0, &grace)),
	)
	doc, _ := Services(in)
	got := map[string]string{}
	for _, s := range doc.Services {
		got[s.Name] = s.DrainEndsAt
	}
	want := map[string]string{"active": "", "mid": "2026-05-01T12:50:00Z"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("drainEndsAt per offer (-want +got):\n%s", diff)
	}
	raw := mustValidJSON(t, in)
	if n := strings.Count(string(raw), `"drainEndsAt"`); n != 1 {
		t.Errorf("drainEndsAt appears %d times in services.json, want 1", n)
	}
	reg := Registration(in)
	var drains []string
	for _, s := range reg.Services {
		drains = append(drains, s.DrainEndsAt)
	}
	if diff := cmp.Diff([]string{"", "2026-05-01T12:50:00Z"}, drains); diff != "" {
		t.Errorf("registration drainEndsAt (-want +got):\n%s", diff)
	}
	md := string(SkillMarkdown(in))
	for _, w := range []string{"| draining · ends `2026-05-01T12:50:00Z` |", "- **Drain ends at**: 2026-05-01T12:50:00Z", "| available |"} {
		if !strings.Contains(md, w) {
			t.Errorf("skill.md lacks %q", w)
		}
	}
	if strings.Count(md, "Drain ends at") != 1 {
		t.Errorf("skill.md has %d Drain ends at bullets, want 1", strings.Count(md, "Drain ends at"))
	}
}

func TestSortOrder(t *testing.T) {
	in := input(readyOffer("b"), readyOffer("a"), readyOffer("z", listed("x", 10)), readyOffer("y", listed("x", 10)), readyOffer("neg", listed("", -1)))
	mustValidJSON(t, in)
	doc, _ := Services(in)
	var names []string
	for _, s := range doc.Services {
		names = append(names, s.Name)
	}
	if diff := cmp.Diff([]string{"y", "z", "a", "b", "neg"}, names); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestPaymentResolution(t *testing.T) {
	d6 := int32(6)
	in := input(
		readyOffer("defaults"),
		readyOffer("multi", multiPayment),
		readyOffer("explicit", func(o *v1alpha1.ServiceOffer) {
			o.Spec.Payment.Network = "base"
			o.Spec.Payment.Asset = &v1alpha1.AssetSpec{Address: "0x3333333333333333333333333333333333333333", Symbol: "EURC", Decimals: &d6,
				TransferMethod: v1alpha1.TransferEIP3009, EIP712Name: "EURC", EIP712Version: "2"}
		}),
		readyOffer("unknown-network", func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Network = "polygon" }),
		readyOffer("unknown-token", func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Asset = &v1alpha1.AssetSpec{Symbol: "DOGE"} }),
		readyOffer("too-precise", func(o *v1alpha1.ServiceOffer) { o.Spec.Payment.Price.PerRequest = "0.0000001" }),
	)
	mustValidJSON(t, in)
	doc, skipped := Services(in)
	byName := map[string]Service{}
	for _, s := range doc.Services {
		byName[s.Name] = s
	}
	def := byName["defaults"]
	if def.PriceAtomicUnits != "1000" || def.Asset.Address != usdcAddr || def.Asset.EIP712Domain.Name != "USDC" || def.CAIP2Network != "eip155:84532" || def.ChainID != 84532 || def.Price != "0.001 USDC/request" {
		t.Errorf("default USDC resolution: %+v", def.payment)
	}
	m := byName["multi"]
	if len(m.Payments) != 2 || m.Payments[1].PriceAtomicUnits != "500000000000000000" || m.Payments[1].Asset.TransferMethod != "permit2" || m.Payments[1].Asset.EIP712Domain.Name != "Obol Network" {
		t.Errorf("multi-payment: %+v", m.Payments)
	}
	if diff := cmp.Diff(m.Payments[0], m.payment, cmp.AllowUnexported(payment{})); diff != "" {
		t.Errorf("flat fields do not mirror payments[0]:\n%s", diff)
	}
	if e := byName["explicit"]; e.Asset.Symbol != "EURC" || e.Asset.Address != "0x3333333333333333333333333333333333333333" || e.Network != "base" {
		t.Errorf("explicit asset: %+v", e.payment)
	}
	var reasons []string
	for _, s := range skipped {
		reasons = append(reasons, s.Name+": "+s.Reason)
	}
	want := []string{
		`unknown-network: unknown network "polygon"`,
		"unknown-token: asset DOGE is not known on base-sepolia; give address, symbol, decimals, transferMethod, eip712Name and eip712Version",
		"too-precise: price 0.0000001 has 7 decimal places but the token has only 6; round it to 6 places",
	}
	if diff := cmp.Diff(want, reasons); diff != "" {
		t.Errorf("skipped (-want +got):\n%s", diff)
	}
}

func TestRegistrationTombstone(t *testing.T) {
	in := input()
	in.Identity = Identity{Name: "alice-agent", Registrations: []OnChainRegistration{
		{AgentID: "7", ChainID: 84532, Registry: registry},
		{AgentID: "7", ChainID: 84532, Registry: registry}, // recorded twice
		{AgentID: "not-a-number", ChainID: 1, Registry: registry},
	}}
	doc := Registration(in)
	if doc.Active || doc.X402Support || len(doc.Services) != 0 || doc.Description != "Agent alice-agent (deactivated)" {
		t.Errorf("tombstone: %+v", doc)
	}
	want := []RegistrationRef{{AgentID: "7", AgentRegistry: "eip155:84532:" + registry}}
	if diff := cmp.Diff(want, doc.Registrations); diff != "" {
		t.Errorf("registrations (-want +got):\n%s", diff)
	}
	raw, _ := RegistrationJSON(in)
	if !strings.Contains(string(raw), `"agentId": 7,`) {
		t.Errorf("agentId is not a JSON number:\n%s", raw)
	}
}

func TestSkillMarkdownEscapesOperatorText(t *testing.T) {
	o := readyOffer("a", func(o *v1alpha1.ServiceOffer) {
		o.Spec.Model.Name = "evil|model"
		o.Spec.Registration = &v1alpha1.RegistrationSpec{Description: "line one\n## injected heading"}
	})
	md := string(SkillMarkdown(input(o)))
	if strings.Contains(md, "\n## injected") {
		t.Error("a description broke out of its bullet")
	}
	if !strings.Contains(md, `evil\|model`) {
		t.Error("a pipe in a table cell was not escaped")
	}
}

// FuzzBuild renders arbitrary offers marked ready: never a panic, and
// every offer the API validation accepts yields schema-valid services.json.
func FuzzBuild(f *testing.F) {
	for _, o := range []v1alpha1.ServiceOffer{readyOffer("a"), readyOffer("b", multiPayment), readyOffer("c", httpOffer, draining(time.Minute, nil))} {
		b, _ := json.Marshal(o.Spec)
		f.Add(b)
	}
	sch := compileSchema(f)
	f.Fuzz(func(t *testing.T, spec []byte) {
		o := readyOffer("fuzz")
		o.Spec = v1alpha1.ServiceOfferSpec{}
		if json.Unmarshal(spec, &o.Spec) != nil || o.Validate() != nil {
			return
		}
		snap, err := Build(input(o))
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(snap.Document(PathServices)))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Fatalf("schema: %v\n%s", err, snap.Document(PathServices))
		}
	})
}
