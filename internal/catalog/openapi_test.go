package catalog

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// testdata/oas-3.1-schema.json is the OpenAPI Initiative's JSON Schema for
// OpenAPI 3.1 documents (OAI/OpenAPI-Specification schemas/v3.1/schema.json,
// id .../oas/3.1/schema/2021-05-20, Apache-2.0), kept as a test fixture.
func oasSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	raw, err := os.ReadFile("testdata/oas-3.1-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("oas-3.1-schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("oas-3.1-schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestOpenAPIIsValidOpenAPI31 validates every scenario's openapi.json
// against the official OpenAPI 3.1 schema, and checks that every
// operation's x-payment-info matches the offer's services.json entry.
func TestOpenAPIIsValidOpenAPI31(t *testing.T) {
	sch := oasSchema(t)
	for name, in := range scenarios() {
		t.Run(name, func(t *testing.T) {
			raw, err := OpenAPIJSON(in)
			if err != nil {
				t.Fatal(err)
			}
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(v); err != nil {
				t.Fatalf("not a valid OpenAPI 3.1 document: %v", err)
			}
			var doc struct {
				Paths map[string]map[string]json.RawMessage `json:"paths"`
			}
			if err := json.Unmarshal(raw, &doc); err != nil {
				t.Fatal(err)
			}
			services, _ := Services(in)
			for _, svc := range services.Services {
				found := 0
				for path, item := range doc.Paths {
					if !strings.HasPrefix(in.base()+path, svc.Endpoint+"/") {
						continue
					}
					for method, opRaw := range item {
						if method == "parameters" {
							continue
						}
						var op struct {
							Info struct {
								Accepts []struct {
									Network, Asset, PayTo, Amount string
								} `json:"accepts"`
							} `json:"x-payment-info"`
							DrainEndsAt string `json:"x-drain-ends-at"`
						}
						if err := json.Unmarshal(opRaw, &op); err != nil {
							t.Fatal(err)
						}
						found++
						if len(op.Info.Accepts) != len(svc.Payments) {
							t.Errorf("%s %s: %d accepts, %d payments", method, path, len(op.Info.Accepts), len(svc.Payments))
							continue
						}
						for i, a := range op.Info.Accepts {
							p := svc.Payments[i]
							if a.Network != p.CAIP2Network || a.Asset != p.Asset.Address || a.PayTo != p.PayTo || a.Amount != p.requestAmount {
								t.Errorf("%s %s accepts[%d] = %+v, services.json says %+v", method, path, i, a, p)
							}
						}
						if op.DrainEndsAt != svc.DrainEndsAt {
							t.Errorf("%s %s x-drain-ends-at %q, services.json drainEndsAt %q", method, path, op.DrainEndsAt, svc.DrainEndsAt)
						}
					}
				}
				if found == 0 {
					t.Errorf("service %s has no operation in openapi.json", svc.Name)
				}
			}
		})
	}
}

// TestOASSchemaCatchesMistakes proves the schema fixture rejects a broken document.
func TestOASSchemaCatchesMistakes(t *testing.T) {
	sch := oasSchema(t)
	for _, bad := range []string{
		`{"openapi":"3.0.3","info":{"title":"x","version":"1"},"paths":{}}`,
		`{"openapi":"3.1.0","info":{"title":"x"},"paths":{}}`,
		`{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{}}}}}}`,
		`{"openapi":"3.1.0","info":{"title":"x","version":"1"},"paths":{"/a":{"get":{"paymentInfo":{}}}}}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}
