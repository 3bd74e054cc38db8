package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
		"unknown-key.yaml":        "line 3: field pubic not found",
		"bad-port.yaml":           `listen.local: "127.0.0.1:http-alt" has no valid port`,
		"bad-type.yaml":           "line 2: cannot unmarshal",
		"bad-url.yaml":            `facilitator.url: "ftp://example.org" is not an http(s) URL`,
		"bad-retention.yaml":      `line 3: facilitator.journalRetention: "3 days" is not a duration`,
		"negative-retention.yaml": `line 4: facilitator.journalRetention: "-1h" is negative`,
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

func TestJournalRetention(t *testing.T) {
	if d := Default().Facilitator.JournalRetention; d != Duration(30*24*time.Hour) || d.String() != "720h" {
		t.Fatalf("default retention %v (%s), want 720h", time.Duration(d), d)
	}
	path := filepath.Join(t.TempDir(), FileName)
	for _, d := range []Duration{0, Duration(90 * time.Minute), DefaultJournalRetention} {
		c := Default()
		c.Facilitator.JournalRetention = d
		if err := Save(path, c); err != nil {
			t.Fatal(err)
		}
		got, err := Load(path)
		if err != nil || got.Facilitator.JournalRetention != d {
			t.Fatalf("round trip of %s: %v, %v", d, time.Duration(got.Facilitator.JournalRetention), err)
		}
	}
	raw, _ := os.ReadFile(path)
	if !strings.Contains(string(raw), "journalRetention: 720h\n") {
		t.Fatalf("saved config:\n%s", raw)
	}
	env := map[string]string{"OBOL_FACILITATOR_JOURNAL_RETENTION": "0"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	c := Default()
	if err := ApplyEnv(&c, lookup); err != nil || c.Facilitator.JournalRetention != 0 {
		t.Fatalf("env 0: %v, %v", c.Facilitator.JournalRetention, err)
	}
	for _, bad := range []string{"-5m", "forever", "30d"} {
		env["OBOL_FACILITATOR_JOURNAL_RETENTION"] = bad
		if err := ApplyEnv(&c, lookup); err == nil || !strings.Contains(err.Error(), "OBOL_FACILITATOR_JOURNAL_RETENTION") {
			t.Fatalf("env %q: %v", bad, err)
		}
	}
	c = Default()
	c.Facilitator.JournalRetention = -1
	if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "facilitator.journalRetention") {
		t.Fatalf("Validate negative: %v", err)
	}
}
