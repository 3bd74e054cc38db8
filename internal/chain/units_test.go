package chain_test

import (
	"math/big"
	"testing"

	"github.com/obol-dev/obol/internal/chain"
)

func TestParseUnits(t *testing.T) {
	tests := []struct {
		in       string
		decimals int
		want     string // atomic units; "" = error
	}{
		{"10", 6, "10000000"},
		{"0.5", 6, "500000"},
		{"1.000001", 6, "1000001"},
		{"1.0000001", 6, ""},
		{"0", 18, "0"},
		{"10", 18, "10000000000000000000"},
		{"007.25", 2, "725"},
		{"", 6, ""},
		{".5", 6, ""},
		{"5.", 6, ""},
		{"-1", 6, ""},
		{"+1", 6, ""},
		{"1e6", 6, ""},
		{"1,5", 6, ""},
		{" 1", 6, ""},
		{"1.2.3", 6, ""},
		{"0x10", 6, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := chain.ParseUnits(tt.in, tt.decimals)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseUnits(%q) = %s, want an error", tt.in, got)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParseUnits(%q, %d) = %v, %v; want %s", tt.in, tt.decimals, got, err, tt.want)
			}
		})
	}
}

func TestFormatUnits(t *testing.T) {
	for _, tt := range []struct {
		in       int64
		decimals int
		want     string
	}{{1_500_000, 6, "1.5"}, {1, 6, "0.000001"}, {0, 6, "0"}, {7, 0, "7"}, {-25, 1, "-2.5"}} {
		if got := chain.FormatUnits(big.NewInt(tt.in), tt.decimals); got != tt.want {
			t.Errorf("FormatUnits(%d, %d) = %q, want %q", tt.in, tt.decimals, got, tt.want)
		}
	}
}

// FuzzParseUnits: whatever is accepted formats back to an equal amount.
func FuzzParseUnits(f *testing.F) {
	for _, s := range []string{"1", "0.5", "1.000001", "", ".", "1e3", "99999999999999999999999.123456"} {
		f.Add(s, uint8(6))
	}
	f.Fuzz(func(t *testing.T, s string, d uint8) {
		decimals := int(d % 40)
		v, err := chain.ParseUnits(s, decimals)
		if err != nil {
			return
		}
		back, err := chain.ParseUnits(chain.FormatUnits(v, decimals), decimals)
		if err != nil || back.Cmp(v) != 0 {
			t.Fatalf("%q → %s → %q does not round-trip (%v)", s, v, chain.FormatUnits(v, decimals), err)
		}
	})
}
