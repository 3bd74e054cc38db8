package prometheus

import (
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
)

// metrics are the series obol exports (SPEC §8); a rule naming anything
// else has a typo and would silently record nothing.
var metrics = []string{
	"obol_x402_verifier_requests_total",
	"obol_x402_verifier_payment_required_total",
	"obol_x402_verifier_payment_verified_total",
	"obol_x402_verifier_payment_failed_total",
	"obol_x402_verifier_charged_requests_total",
	"obol_x402_verifier_payment_failure_reasons_total",
	"obol_x402_verifier_upstream_failed_after_verify_total",
	"obol_x402_verifier_last_payment_success_seconds",
	"obol_x402_buyer_payment_attempts_total",
	"obol_x402_buyer_payment_success_total",
	"obol_x402_buyer_payment_failure_total",
	"obol_x402_buyer_auth_remaining",
	"obol_x402_buyer_auth_spent",
	"obol_x402_facilitator_journal_oldest_sent_age_seconds",
}

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func parse(t *testing.T, content []byte) *rulefmt.RuleGroups {
	t.Helper()
	// rulefmt.Parse is what `promtool check rules` runs: strict YAML,
	// every expression through the PromQL parser, templates compiled.
	groups, errs := rulefmt.Parse(content, false, model.LegacyValidation, parser.NewParser(parser.Options{}), quiet)
	for _, err := range errs {
		t.Errorf("rules.yaml: %v", err)
	}
	if groups == nil {
		t.Fatal("rules.yaml parsed to nothing")
	}
	return groups
}

func TestRulesParse(t *testing.T) {
	groups := parse(t, Rules())
	records := map[string]string{}
	var alerts []string
	p := parser.NewParser(parser.Options{})
	for _, g := range groups.Groups {
		for _, r := range g.Rules {
			expr, err := p.ParseExpr(r.Expr)
			if err != nil {
				t.Errorf("%s%s: %v", r.Record, r.Alert, err)
				continue
			}
			name := r.Record + r.Alert
			for _, problem := range checkExpr(expr) {
				t.Errorf("%s: %s", name, problem)
			}
			if r.Record != "" {
				records[r.Record] = strings.Join(strings.Fields(r.Expr), " ")
				if strings.Count(r.Record, ":") != 2 {
					t.Errorf("record %s is not level:metric:operations", r.Record)
				}
			} else {
				alerts = append(alerts, r.Alert)
			}
		}
	}
	want := map[string]string{
		"x402:last_payment_age_seconds:by_offer_chain": "time() - max by (offer_namespace, offer_name, chain) (obol_x402_verifier_last_payment_success_seconds)",
	}
	for name, expr := range want {
		if records[name] != expr {
			t.Errorf("record %s = %q, want %q", name, records[name], expr)
		}
	}
	for _, name := range []string{"x402:revenue:24h_by_offer_chain", "x402:revenue:7d_by_offer_chain", "x402:revenue:7d_by_offer"} {
		if !strings.Contains(records[name], "increase(obol_x402_verifier_charged_requests_total[") {
			t.Errorf("record %s = %q: revenue must come from increase() of the charged counter", name, records[name])
		}
	}
	for _, a := range []string{"X402PaymentFailureRateHigh", "X402NoSettlementsAfterChallenge", "X402SettlementStuck"} {
		if !slices.Contains(alerts, a) {
			t.Errorf("alert %s missing", a)
		}
	}
}

// checkExpr enforces the house rules on one expression: known metric
// names, counters only through rate/increase, windows within retention,
// and no division guard of 1.
func checkExpr(expr parser.Expr) []string {
	var problems []string
	parser.Inspect(expr, func(node parser.Node, path []parser.Node) error {
		switch n := node.(type) {
		case *parser.VectorSelector:
			if !slices.Contains(metrics, n.Name) {
				problems = append(problems, "unknown metric "+n.Name)
			}
			if strings.HasSuffix(n.Name, "_total") && !insideCounterFunc(path) {
				problems = append(problems, "raw counter "+n.Name+" (use increase() over a named window)")
			}
		case *parser.MatrixSelector:
			if n.Range > 8*24*3600*1e9 {
				problems = append(problems, "window "+n.Range.String()+" exceeds 8d retention")
			}
		case *parser.Call:
			if n.Func.Name == "clamp_min" && len(n.Args) == 2 {
				if lit, ok := n.Args[1].(*parser.NumberLiteral); ok && lit.Val >= 1 {
					problems = append(problems, "clamp_min guard of 1 distorts small rates; use 1e-9")
				}
			}
		}
		return nil
	})
	return problems
}

func insideCounterFunc(path []parser.Node) bool {
	for i := len(path) - 1; i >= 0; i-- {
		if c, ok := path[i].(*parser.Call); ok {
			return slices.Contains([]string{"increase", "rate", "irate"}, c.Func.Name)
		}
	}
	return false
}

// TestRuleChecksCatchMistakes proves the checks above can fail.
func TestRuleChecksCatchMistakes(t *testing.T) {
	p := parser.NewParser(parser.Options{})
	for src, want := range map[string]string{
		`sum(obol_x402_verifier_charged_requests_total)`:                                                                             "raw counter",
		`sum(increase(obol_x402_verifier_charged_request_total[1h]))`:                                                                "unknown metric",
		`sum(increase(obol_x402_verifier_charged_requests_total[30d]))`:                                                              "exceeds 8d",
		`sum(rate(obol_x402_buyer_payment_success_total[5m])) / clamp_min(sum(rate(obol_x402_buyer_payment_attempts_total[5m])), 1)`: "clamp_min guard of 1",
	} {
		expr, err := p.ParseExpr(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		problems := checkExpr(expr)
		if !slices.ContainsFunc(problems, func(p string) bool { return strings.Contains(p, want) }) {
			t.Errorf("%s: problems %v, want one mentioning %q", src, problems, want)
		}
	}
	_, errs := rulefmt.Parse([]byte("groups:\n- name: g\n  rules:\n  - record: x\n    expr: sum(\n"), false, model.LegacyValidation, parser.NewParser(parser.Options{}), quiet)
	if len(errs) == 0 {
		t.Error("a broken expression parsed")
	}
}
