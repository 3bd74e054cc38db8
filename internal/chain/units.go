package chain

import (
	"fmt"
	"math/big"
	"strings"
)

// ParseUnits converts a decimal amount in whole tokens ("10", "0.25",
// "1.000001") to atomic units for a token with the given decimals, exactly:
// no floating point, and more fractional digits than decimals is an error
// rather than a rounding.
func ParseUnits(s string, decimals int) (*big.Int, error) {
	if s == "" {
		return nil, fmt.Errorf("parse amount: empty: give a decimal number such as 10 or 0.5")
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" || (hasDot && frac == "") || !allDigits(whole) || !allDigits(frac) {
		return nil, fmt.Errorf("parse amount %q: want a plain decimal number such as 10 or 0.5", s)
	}
	if len(frac) > decimals {
		return nil, fmt.Errorf("parse amount %q: more than %d decimal places", s, decimals)
	}
	if len(whole) > 60 {
		return nil, fmt.Errorf("parse amount %q: too large", s)
	}
	n, _ := new(big.Int).SetString(whole+frac+strings.Repeat("0", decimals-len(frac)), 10)
	return n, nil
}

// FormatUnits renders atomic units as a decimal amount in whole tokens,
// without trailing zeros.
func FormatUnits(v *big.Int, decimals int) string {
	neg := v.Sign() < 0
	s := new(big.Int).Abs(v).String()
	if len(s) <= decimals {
		s = strings.Repeat("0", decimals-len(s)+1) + s
	}
	whole, frac := s[:len(s)-decimals], strings.TrimRight(s[len(s)-decimals:], "0")
	out := whole
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
