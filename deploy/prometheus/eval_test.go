package prometheus

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/prometheus/model/histogram"
	"github.com/prometheus/prometheus/model/labels"
	"github.com/prometheus/prometheus/promql"
	"github.com/prometheus/prometheus/promql/parser"
	"github.com/prometheus/prometheus/storage"
	"github.com/prometheus/prometheus/tsdb/chunkenc"
	"github.com/prometheus/prometheus/tsdb/chunks"
	"github.com/prometheus/prometheus/util/annotations"
)

// series is one hour of metrics at 1-minute resolution, in the Prometheus
// series notation (start+step x count). Offer a: 120 requests, 60 charged,
// 15 refused against 60 verified, last payment stamped at minute 58.
// Offer unpaid: challenged every minute, never charged.
var series = []string{
	`obol_x402_verifier_requests_total{offer_namespace="default",offer_name="a",chain="eip155:1337",asset_symbol="USDC"} 0+2x60`,
	`obol_x402_verifier_charged_requests_total{offer_namespace="default",offer_name="a",chain="eip155:1337",asset_symbol="USDC"} 0+1x60`,
	`obol_x402_verifier_payment_required_total{offer_namespace="default",offer_name="a",chain="eip155:1337",asset_symbol="USDC"} 0+0.5x60`,
	`obol_x402_verifier_payment_verified_total{offer_namespace="default",offer_name="a",chain="eip155:1337",asset_symbol="USDC"} 0+1x60`,
	`obol_x402_verifier_payment_failed_total{offer_namespace="default",offer_name="a",chain="eip155:1337",asset_symbol="USDC"} 0+0.25x60`,
	`obol_x402_verifier_payment_required_total{offer_namespace="default",offer_name="unpaid",chain="eip155:1337",asset_symbol="USDC"} 0+1x60`,
	`obol_x402_verifier_charged_requests_total{offer_namespace="default",offer_name="unpaid",chain="eip155:1337",asset_symbol="USDC"} 0x60`,
	`obol_x402_verifier_last_payment_success_seconds{offer_namespace="default",offer_name="a",chain="eip155:1337",asset_symbol="USDC"} 0+60x58`,
	`obol_x402_buyer_payment_attempts_total 0+4x60`,
	`obol_x402_buyer_payment_success_total 0+3x60`,
	`obol_x402_facilitator_journal_oldest_sent_age_seconds{instance="seller"} 0+30x60`,
	`obol_x402_facilitator_journal_oldest_sent_age_seconds{instance="fine"} 0x60`,
}

// TestRulesEvaluate runs the recording rules and two alerts, exactly as
// written in rules.yaml, on the Prometheus query engine over the series
// above, and checks the numbers a person computes by hand.
func TestRulesEvaluate(t *testing.T) {
	exprs := map[string]string{}
	for _, g := range parse(t, Rules()).Groups {
		for _, r := range g.Rules {
			exprs[r.Record+r.Alert] = r.Expr
		}
	}
	const a = `{chain="eip155:1337", offer_name="a", offer_namespace="default"}`
	const unpaid = `{chain="eip155:1337", offer_name="unpaid", offer_namespace="default"}`
	want := map[string][]string{
		// All 60 charged requests of the hour fall inside both windows.
		"x402:revenue:24h_by_offer_chain":              {a + " 60", unpaid + " 0"},
		"x402:revenue:7d_by_offer_chain":               {a + " 60", unpaid + " 0"},
		"x402:revenue:7d_by_offer":                     {`{offer_name="a", offer_namespace="default"} 60`, `{offer_name="unpaid", offer_namespace="default"} 0`},
		"x402:revenue:24h_by_offer_chain_asset_symbol": {`{asset_symbol="USDC", chain="eip155:1337", offer_name="a", offer_namespace="default"} 60`, `{asset_symbol="USDC", chain="eip155:1337", offer_name="unpaid", offer_namespace="default"} 0`},
		// Half of the requests were charged.
		"x402:settlement_rate:1h_by_offer_chain": {a + " 0.5"},
		// The last stamp (minute 58 = 3480 s) is two minutes old at 1h.
		"x402:last_payment_age_seconds:by_offer_chain": {a + " 120"},
		"x402:buyer_payment_success_ratio:1h":          {"{} 0.75"},
		// 15 refused against 60 verified: 20% > 10%.
		"X402PaymentFailureRateHigh": {a + " 0.2"},
		// Challenged for an hour, never paid: the alert fires for unpaid only.
		"X402NoSettlementsAfterChallenge": {unpaid + " 60"},
		// A sent record 30 min old (growing 30 s a minute); none elsewhere.
		"X402SettlementStuck": {`{__name__="obol_x402_facilitator_journal_oldest_sent_age_seconds", instance="seller"} 1800`},
	}
	q := loadSeries(t)
	eng := promql.NewEngine(promql.EngineOpts{MaxSamples: 1_000_000, Timeout: 10 * time.Second,
		LookbackDelta: 5 * time.Minute, Parser: parser.NewParser(parser.Options{})})
	at := time.Unix(3600, 0)
	for name, wantLines := range want {
		t.Run(name, func(t *testing.T) {
			expr, ok := exprs[name]
			if !ok {
				t.Fatalf("rules.yaml has no rule %s", name)
			}
			qry, err := eng.NewInstantQuery(context.Background(), q, nil, expr, at)
			if err != nil {
				t.Fatal(err)
			}
			defer qry.Close()
			res := qry.Exec(context.Background())
			if res.Err != nil {
				t.Fatal(res.Err)
			}
			vec, err := res.Vector()
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range vec {
				got = append(got, fmt.Sprintf("%s %s", s.Metric.String(), fmtFloat(s.F)))
			}
			slices.Sort(got)
			slices.Sort(wantLines)
			if strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
				t.Errorf("at 1h:\n got %q\nwant %q", got, wantLines)
			}
		})
	}
}

func fmtFloat(f float64) string {
	if math.Abs(f-math.Round(f*1e6)/1e6) < 1e-9 {
		f = math.Round(f*1e6) / 1e6
	}
	return fmt.Sprintf("%g", f)
}

// loadSeries parses the series notation into an in-memory queryable.
func loadSeries(t *testing.T) storage.Queryable {
	t.Helper()
	p := parser.NewParser(parser.Options{})
	var all []storage.Series
	for _, desc := range series {
		lset, vals, err := p.ParseSeriesDesc(desc)
		if err != nil {
			t.Fatalf("%s: %v", desc, err)
		}
		var samples []chunks.Sample
		for i, v := range vals {
			if !v.Omitted {
				samples = append(samples, fsample{t: int64(i) * 60_000, f: v.Value})
			}
		}
		all = append(all, storage.NewListSeries(lset, samples))
	}
	return storage.QueryableFunc(func(mint, maxt int64) (storage.Querier, error) {
		return &storage.MockQuerier{SelectMockFunction: func(_ bool, _ *storage.SelectHints, ms ...*labels.Matcher) storage.SeriesSet {
			var out []storage.Series
			for _, s := range all {
				if matchesAll(s.Labels(), ms) {
					out = append(out, s)
				}
			}
			slices.SortFunc(out, func(a, b storage.Series) int { return labels.Compare(a.Labels(), b.Labels()) })
			return &seriesSet{series: out, i: -1}
		}}, nil
	})
}

func matchesAll(l labels.Labels, ms []*labels.Matcher) bool {
	for _, m := range ms {
		if !m.Matches(l.Get(m.Name)) {
			return false
		}
	}
	return true
}

type seriesSet struct {
	series []storage.Series
	i      int
}

func (s *seriesSet) Next() bool                        { s.i++; return s.i < len(s.series) }
func (s *seriesSet) At() storage.Series                { return s.series[s.i] }
func (s *seriesSet) Err() error                        { return nil }
func (s *seriesSet) Warnings() annotations.Annotations { return nil }

// fsample is one float sample.
type fsample struct {
	t int64
	f float64
}

func (s fsample) T() int64                      { return s.t }
func (s fsample) ST() int64                     { return 0 }
func (s fsample) F() float64                    { return s.f }
func (s fsample) H() *histogram.Histogram       { return nil }
func (s fsample) FH() *histogram.FloatHistogram { return nil }
func (s fsample) Type() chunkenc.ValueType      { return chunkenc.ValFloat }
func (s fsample) Copy() chunks.Sample           { return s }
