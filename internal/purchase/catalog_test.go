package purchase

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestFetchService(t *testing.T) {
	var base string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/services.json" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"schemaVersion":"1","services":[
			{"name":"a","endpoint":"https://public.example/services/a","priceAtomicUnits":"5","payTo":"0x1","caip2Network":"eip155:1337","asset":{"address":"0x2"}},
			{"name":"qwen","endpoint":"` + base + `/services/qwen","priceAtomicUnits":"1000","extraField":true,"asset":{"symbol":"USDC","decimals":6}}]}`))
	}))
	defer srv.Close()
	base = srv.URL
	tests := []struct {
		name, url, want, wantErr string
	}{
		{"by endpoint", srv.URL + "/services/qwen", "qwen", ""},
		{"trailing slash", srv.URL + "/services/qwen/", "qwen", ""},
		{"by path behind a tunnel", srv.URL + "/services/a", "a", ""},
		{"unknown offer", srv.URL + "/services/zzz", "", "no service has endpoint"},
		{"not a url", "ftp://x/y", "", "not an http(s) offer URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := FetchService(context.Background(), srv.Client(), tc.url)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil || s.Name != tc.want {
				t.Fatalf("got %+v, %v", s, err)
			}
		})
	}
	t.Run("not json", func(t *testing.T) {
		bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write([]byte("<html>")) }))
		defer bad.Close()
		if _, err := FetchService(context.Background(), bad.Client(), bad.URL+"/services/q"); err == nil || !strings.Contains(err.Error(), "not a services.json") {
			t.Fatalf("err %v", err)
		}
	})
}
