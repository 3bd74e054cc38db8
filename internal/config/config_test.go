package config

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoadGood(t *testing.T) {
	c, err := Load("testdata/good.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want := Default()
	want.Listen.Public = "127.0.0.1:18080"
	want.Chain = Chain{Network: "base-sepolia", Embedded: false, ChainID: 1337, RPC: map[string]string{"base-sepolia": "http://127.0.0.1:9545"}}
	want.Seller.DisplayName = "Alice"
	if d := cmp.Diff(want, c); d != "" {
		t.Fatalf("config mismatch (-want +got):\n%s", d)
	}
}

func TestLoadBad(t *testing.T) {
	cases := map[string]string{
		"unknown-key.yaml": "line 3: field pubic not found",
		"bad-port.yaml":    `listen.local: "127.0.0.1:http-alt" has no valid port`,
		"bad-type.yaml":    "line 2: cannot unmarshal",
		"bad-url.yaml":     `facilitator.url: "ftp://example.org" is not an http(s) URL`,
	}
	for file, want := range cases {
		t.Run(file, func(t *testing.T) {
			_, err := Load(filepath.Join("testdata", file))
			if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), file) {
				t.Fatalf("Load error = %v; want it to name the file and say %q", err, want)
			}
		})
	}
}

func TestMissingFileIsDefault(t *testing.T) {
	c, err := Load(filepath.Join(t.TempDir(), "none.yaml"))
	if err != nil || !cmp.Equal(c, Default()) {
		t.Fatalf("Load(missing) = %+v, %v", c, err)
	}
}

func TestSaveLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	c := Default()
	c.Seller.PublicURL = "https://alice.example"
	if err := Save(path, c); err != nil {
		t.Fatal(err)
	}
	got, err := Load(path)
	if err != nil || !cmp.Equal(got, c) {
		t.Fatalf("round trip = %+v, %v", got, err)
	}
}

func TestApplyEnv(t *testing.T) {
	env := map[string]string{"OBOL_PUBLIC_ADDR": "127.0.0.1:9999", "OBOL_BUYER_RETRIES": "3"}
	c := Default()
	if err := ApplyEnv(&c, func(k string) (string, bool) { v, ok := env[k]; return v, ok }); err != nil {
		t.Fatal(err)
	}
	if c.Listen.Public != "127.0.0.1:9999" || c.Buyer.Retries != 3 {
		t.Fatalf("env not applied: %+v", c)
	}
	env["OBOL_BUYER_RETRIES"] = "lots"
	if err := ApplyEnv(&c, func(k string) (string, bool) { v, ok := env[k]; return v, ok }); err == nil || !strings.Contains(err.Error(), "OBOL_BUYER_RETRIES") {
		t.Fatalf("bad env error = %v", err)
	}
}
