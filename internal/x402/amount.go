package x402

import (
	"fmt"
	"math/big"
	"strings"
)

// ParseAmount converts a decimal price in token units ("0.001") to atomic
// units for a token with the given decimals, exactly: no floats, no
// rounding. More fractional digits than the token has is an error, as are
// signs, exponents, empty parts and values above uint256.
func ParseAmount(s string, decimals uint8) (*big.Int, error) {
	orig := s
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, fmt.Errorf("parse price %q: empty", orig)
	}
	if s[0] == '-' {
		return nil, fmt.Errorf("parse price %q: negative prices are not allowed", orig)
	}
	whole, frac, hasDot := strings.Cut(s, ".")
	if whole == "" && frac == "" || hasDot && frac == "" {
		return nil, fmt.Errorf("parse price %q: want digits like 0.001", orig)
	}
	for _, part := range []string{whole, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return nil, fmt.Errorf("parse price %q: %q is not a decimal digit (use a plain decimal like 0.001)", orig, c)
			}
		}
	}
	if len(frac) > int(decimals) {
		trimmed := strings.TrimRight(frac, "0")
		if len(trimmed) > int(decimals) {
			return nil, fmt.Errorf("parse price %q: more than %d decimal places, the token's smallest unit", orig, decimals)
		}
		frac = trimmed
	}
	digits := whole + frac + strings.Repeat("0", int(decimals)-len(frac))
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("parse price %q: not a number", orig)
	}
	if v.Cmp(maxUint256) > 0 {
		return nil, fmt.Errorf("parse price %q: too large", orig)
	}
	return v, nil
}

// FormatAmount renders atomic units as a decimal string in token units,
// without trailing zeros ("1000" with 6 decimals → "0.001").
func FormatAmount(atomic *big.Int, decimals uint8) string {
	if atomic == nil {
		return "0"
	}
	neg := atomic.Sign() < 0
	s := new(big.Int).Abs(atomic).String()
	if d := int(decimals); d > 0 {
		if len(s) <= d {
			s = strings.Repeat("0", d-len(s)+1) + s
		}
		s = strings.TrimRight(s[:len(s)-d]+"."+s[len(s)-d:], "0")
		s = strings.TrimSuffix(s, ".")
	}
	if neg {
		return "-" + s
	}
	return s
}

// parseUint256 parses a decimal uint256 string as x402 carries them.
func parseUint256(s string) (*big.Int, bool) {
	if s == "" || len(s) > 78 {
		return nil, false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return nil, false
		}
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok || v.Cmp(maxUint256) > 0 {
		return nil, false
	}
	return v, true
}
