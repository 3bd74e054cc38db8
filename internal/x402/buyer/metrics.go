package buyer

import (
	"fmt"

	"github.com/prometheus/client_golang/prometheus"
)

var poolLabels = []string{"purchase", "model", "chain"}

// metrics are SPEC §8's buyer series, on the registry the stack passes in.
// The pool gauges are read at scrape time, so a removed purchase leaves no
// stale series behind.
type metrics struct {
	attempts, success, failure *prometheus.CounterVec
	remainingDesc, spentDesc   *prometheus.Desc
	b                          *Buyer
}

func newMetrics(reg prometheus.Registerer, b *Buyer) (*metrics, error) {
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &metrics{
		attempts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "obol_x402_buyer_payment_attempts_total",
			Help: "Paid requests sent to a seller with a pre-signed authorization."}, poolLabels),
		success: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "obol_x402_buyer_payment_success_total",
			Help: "Paid requests answered successfully; the authorization was spent."}, poolLabels),
		failure: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "obol_x402_buyer_payment_failure_total",
			Help: "Paid requests that failed or could not be paid."}, poolLabels),
		remainingDesc: prometheus.NewDesc("obol_x402_buyer_auth_remaining",
			"Authorizations not yet spent, per purchase.", poolLabels, nil),
		spentDesc: prometheus.NewDesc("obol_x402_buyer_auth_spent",
			"Authorizations spent, per purchase.", poolLabels, nil),
		b: b,
	}
	for _, c := range []prometheus.Collector{m.attempts, m.success, m.failure, m} {
		if err := reg.Register(c); err != nil {
			return nil, fmt.Errorf("register buyer metrics: %w", err)
		}
	}
	return m, nil
}

// Describe implements prometheus.Collector for the pool gauges.
func (m *metrics) Describe(ch chan<- *prometheus.Desc) {
	ch <- m.remainingDesc
	ch <- m.spentDesc
}

// Collect implements prometheus.Collector for the pool gauges.
func (m *metrics) Collect(ch chan<- prometheus.Metric) {
	m.b.mu.RLock()
	pools := make([]*pool, 0, len(m.b.pools))
	for _, p := range m.b.pools {
		pools = append(pools, p)
	}
	m.b.mu.RUnlock()
	for _, p := range pools {
		st := p.status(m.b.opts.Now())
		ch <- prometheus.MustNewConstMetric(m.remainingDesc, prometheus.GaugeValue, float64(st.Remaining), p.key, p.model, p.network)
		ch <- prometheus.MustNewConstMetric(m.spentDesc, prometheus.GaugeValue, float64(st.Spent), p.key, p.model, p.network)
	}
}

func (m *metrics) labels(p *pool) prometheus.Labels {
	return prometheus.Labels{"purchase": p.key, "model": p.model, "chain": p.network}
}
