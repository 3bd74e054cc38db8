package seller_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/seller"
)

const payTo = "0x1111111111111111111111111111111111111111"

func registry(t testing.TB) *x402.Registry {
	t.Helper()
	r, err := x402.NewRegistry(x402.RegistryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestParseRouteFile(t *testing.T) {
	file := `{"routes":[
 {"name":"chat","upstream":"http://127.0.0.1:9000","description":"d","payments":[
   {"network":"devnet","payTo":"` + payTo + `","token":"USDC","price":"0.001"},
   {"network":"eip155:1337","payTo":"` + payTo + `","token":"obol","price":"0.5"}]},
 {"namespace":"ns","name":"custom","prefix":"/paid","upstream":"http://127.0.0.1:9001","maxTimeoutSeconds":60,"payments":[
   {"network":"devnet","payTo":"` + payTo + `","asset":"0x2222222222222222222222222222222222222222","amount":"1000","symbol":"TST","decimals":6,"eip712Name":"Test","eip712Version":"2"}]}]}`
	routes, err := seller.ParseRouteFile([]byte(file), registry(t))
	if err != nil {
		t.Fatal(err)
	}
	type view struct {
		NS, Name, Prefix, Amount, Asset, Symbol, Chain, Method string
		Timeout                                                int64
		Sponsor                                                bool
	}
	var got []view
	for _, r := range routes {
		for _, a := range r.Accepts {
			q := a.Requirements
			_, sponsor := r.Extensions[x402.ExtensionEIP2612GasSponsoring]
			got = append(got, view{r.Namespace, r.Name, r.Prefix, q.Amount, q.Asset, a.AssetSymbol, a.Chain, q.TransferMethod(), q.MaxTimeoutSeconds, sponsor})
		}
	}
	want := []view{
		{"default", "chat", "/services/chat", "1000", "0x036CbD53842c5426634e7929541eC2318f3dCF7e", "USDC", "devnet", "eip3009", 300, true},
		{"default", "chat", "/services/chat", "500000000000000000", "0x0a09371a8b011d5110656ceBCc70603e53FD2c78", "OBOL", "devnet", "permit2", 300, true},
		{"ns", "custom", "/paid", "1000", "0x2222222222222222222222222222222222222222", "TST", "devnet", "eip3009", 60, false},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("routes (-want +got):\n%s", diff)
	}
}

func TestParseRouteFileErrors(t *testing.T) {
	pay := func(extra string) string {
		return `{"routes":[{"name":"x","upstream":"http://127.0.0.1:1","payments":[{"network":"devnet","payTo":"` + payTo + `"` + extra + `}]}]}`
	}
	for _, tc := range []struct{ name, file, want string }{
		{"not json", `routes:`, "parse route file"},
		{"unknown field", `{"routes":[],"extra":1}`, "unknown field"},
		{"no routes", `{"routes":[]}`, "no routes"},
		{"trailing", `{"routes":[]} {}`, "trailing data"},
		{"no payments", `{"routes":[{"name":"x","upstream":"http://127.0.0.1:1"}]}`, "at least one"},
		{"price abc", pay(`,"token":"USDC","price":"abc"`), "not a decimal digit"},
		{"negative price", pay(`,"token":"USDC","price":"-1"`), "negative"},
		{"zero price", pay(`,"token":"USDC","price":"0"`), "zero"},
		{"too precise", pay(`,"token":"USDC","price":"0.0000001"`), "decimal places"},
		{"unknown token", pay(`,"token":"DOGE","price":"1"`), "no token"},
		{"unknown network", `{"routes":[{"name":"x","upstream":"http://127.0.0.1:1","payments":[{"network":"mars","payTo":"` + payTo + `","token":"USDC","price":"1"}]}]}`, "unknown network"},
		{"bad payTo", `{"routes":[{"name":"x","upstream":"http://127.0.0.1:1","payments":[{"network":"devnet","payTo":"0xabc","token":"USDC","price":"1"}]}]}`, "payTo"},
		{"both forms", pay(`,"token":"USDC","price":"1","amount":"5"`), "not both"},
		{"custom without symbol", pay(`,"asset":"0x2222222222222222222222222222222222222222","amount":"5"`), "symbol"},
		{"custom negative", pay(`,"asset":"0x2222222222222222222222222222222222222222","amount":"-5","symbol":"T"`), "positive"},
		{"custom no domain", pay(`,"asset":"0x2222222222222222222222222222222222222222","amount":"5","symbol":"T"`), "extra.name"},
		{"bad upstream", `{"routes":[{"name":"x","upstream":"nope","payments":[{"network":"devnet","payTo":"` + payTo + `","token":"USDC","price":"1"}]}]}`, "http(s) URL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := seller.ParseRouteFile([]byte(tc.file), registry(t))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// FuzzParseRouteFile: any file is either refused with an error or yields
// routes SetRoutes accepts.
func FuzzParseRouteFile(f *testing.F) {
	reg := registry(f)
	f.Add([]byte(`{"routes":[{"name":"chat","upstream":"http://127.0.0.1:9000","payments":[{"network":"devnet","payTo":"` + payTo + `","token":"USDC","price":"0.001"}]}]}`))
	f.Add([]byte(`{"routes":[{"name":"c","prefix":"/p","upstream":"https://x","payments":[{"network":"devnet","payTo":"` + payTo + `","asset":"0x2222222222222222222222222222222222222222","amount":"1","symbol":"T","eip712Name":"a","eip712Version":"1"}]}]}`))
	f.Add([]byte(`{}`))
	fac, err := seller.NewHTTPFacilitator(seller.HTTPFacilitatorOptions{URL: "http://127.0.0.1:1"})
	if err != nil {
		f.Fatal(err)
	}
	s, err := seller.New(seller.Options{Facilitator: fac})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		routes, err := seller.ParseRouteFile(b, reg)
		if err != nil {
			return
		}
		if err := s.SetRoutes(routes); err != nil {
			t.Fatalf("ParseRouteFile accepted routes SetRoutes refuses: %v", err)
		}
	})
}
