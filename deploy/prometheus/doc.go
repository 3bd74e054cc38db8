// Package prometheus ships obol's Prometheus rule file (rules.yaml), so the
// stack and the Helm chart install the same bytes the tests check.
package prometheus

import _ "embed"

//go:embed rules.yaml
var rules []byte

// Rules returns the rule file. The caller must not modify the bytes.
func Rules() []byte { return rules }
