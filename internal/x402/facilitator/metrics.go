package facilitator

import (
	"fmt"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/obol-dev/obol/internal/x402"
)

type metrics struct {
	verify    *prometheus.CounterVec
	settle    *prometheus.CounterVec
	verifyLat prometheus.Histogram
	settleLat *prometheus.HistogramVec
	records   *prometheus.GaugeVec
	oldest    prometheus.Gauge
	pruned    prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	buckets := []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30}
	m := &metrics{
		verify: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "obol_x402_facilitator_verify_total",
			Help: "Verify requests by result (valid|invalid) and x402 reason."}, []string{"result", "reason"}),
		settle: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "obol_x402_facilitator_settle_total",
			Help: "Settle requests by result (success|failed|pending|error) and x402 reason."}, []string{"result", "reason"}),
		verifyLat: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "obol_x402_facilitator_verify_duration_seconds",
			Help: "Verify latency, local checks plus chain simulation.", Buckets: buckets}),
		settleLat: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "obol_x402_facilitator_settle_duration_seconds",
			Help: "Settle latency by result.", Buckets: buckets}, []string{"result"}),
		records: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "obol_x402_facilitator_journal_records",
			Help: "Settlement journal records by state (sent|mined|failed), as of the last pending-settlement pass."}, []string{"state"}),
		oldest: prometheus.NewGauge(prometheus.GaugeOpts{Name: "obol_x402_facilitator_journal_oldest_sent_age_seconds",
			Help: "Age of the oldest journal record still in state sent (broadcast, no receipt yet); 0 when there is none."}),
		pruned: prometheus.NewCounter(prometheus.CounterOpts{Name: "obol_x402_facilitator_journal_pruned_total",
			Help: "Final settlement journal records (mined|failed) deleted after the retention."}),
	}
	for _, c := range []prometheus.Collector{m.verify, m.settle, m.verifyLat, m.settleLat, m.records, m.oldest, m.pruned} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register facilitator metrics: %w", err)
		}
	}
	return m, nil
}

func (m *metrics) observeVerify(r *x402.VerifyResponse, d time.Duration) {
	result := "valid"
	if !r.IsValid {
		result = "invalid"
	}
	m.verify.WithLabelValues(result, string(r.InvalidReason)).Inc()
	m.verifyLat.Observe(d.Seconds())
}

func (m *metrics) observeSettle(r *x402.SettleResponse, err error, d time.Duration) {
	result, reason := "error", string(x402.ReasonUnexpectedSettleError)
	switch {
	case err != nil:
	case r.Success:
		result, reason = "success", ""
	case r.ErrorReason == x402.ReasonSettlementPending:
		result, reason = "pending", string(r.ErrorReason)
	default:
		result, reason = "failed", string(r.ErrorReason)
	}
	m.settle.WithLabelValues(result, reason).Inc()
	m.settleLat.WithLabelValues(result).Observe(d.Seconds())
}

func (m *metrics) observeJournal(st journalStats, now time.Time) {
	for state, n := range st.byState {
		m.records.WithLabelValues(state).Set(float64(n))
	}
	age := 0.0
	if !st.oldestSent.IsZero() {
		age = max(now.Sub(st.oldestSent).Seconds(), 0)
	}
	m.oldest.Set(age)
}
