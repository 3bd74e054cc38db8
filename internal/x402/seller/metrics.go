package seller

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// Metric names of SPEC §8. The label set is the newest one of the original
// verifier, so dashboards and the recording rules carry over.
const (
	metricPrefix = "obol_x402_verifier_"
)

var offerLabels = []string{"offer_namespace", "offer_name", "chain", "asset_symbol"}

// Reason labels of payment_failure_reasons_total that are not x402 codes.
// The label set is bounded: x402 codes from the local checks, the ones a
// facilitator answers with when they are known (see reasonLabel), and these.
const (
	ReasonNoMatchingRequirement  = "no_matching_requirement"
	ReasonReplayed               = "payment_replayed"
	ReasonFacilitatorUnreachable = "facilitator_unreachable"
	ReasonFacilitatorRejected    = "facilitator_rejected"
	ReasonSettlementFailed       = "settlement_failed"
	ReasonAmbiguousHeaders       = "ambiguous_payment_headers"
)

type metrics struct {
	requests       *prometheus.CounterVec
	required       *prometheus.CounterVec
	verified       *prometheus.CounterVec
	failed         *prometheus.CounterVec
	charged        *prometheus.CounterVec
	reasons        *prometheus.CounterVec
	upstreamFailed *prometheus.CounterVec
	lastSuccess    *prometheus.GaugeVec
	all            []prometheus.Collector
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	counter := func(name, help string, extra ...string) *prometheus.CounterVec {
		return prometheus.NewCounterVec(prometheus.CounterOpts{Name: metricPrefix + name, Help: help},
			append(append([]string(nil), offerLabels...), extra...))
	}
	m := &metrics{
		requests:       counter("requests_total", "Requests to paid routes that the seller evaluated."),
		required:       counter("payment_required_total", "402 challenges sent to requests without a payment."),
		verified:       counter("payment_verified_total", "Payments that passed the local checks and facilitator verify."),
		failed:         counter("payment_failed_total", "Requests whose payment was rejected or could not be settled."),
		charged:        counter("charged_requests_total", "Requests served and settled on chain."),
		reasons:        counter("payment_failure_reasons_total", "Rejected or unsettled payments by reason code.", "reason"),
		upstreamFailed: counter("upstream_failed_after_verify_total", "Verified payments not settled because the upstream failed."),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: metricPrefix + "last_payment_success_seconds",
			Help: "Unix time of the last settled payment.",
		}, offerLabels),
	}
	m.all = []prometheus.Collector{m.requests, m.required, m.verified, m.failed, m.charged, m.reasons, m.upstreamFailed, m.lastSuccess}
	if reg == nil {
		return m, nil
	}
	for _, c := range m.all {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// labels are one route-and-accept's label values, resolved once per table.
type labels [4]string

func (l labels) slice() []string { return l[:] }

func (m *metrics) charge(l labels, now time.Time) {
	m.charged.WithLabelValues(l.slice()...).Inc()
	// Set right beside the counter: an alert on payment age must never see a
	// charge without its timestamp.
	m.lastSuccess.WithLabelValues(l.slice()...).Set(float64(now.UnixNano()) / 1e9)
}

func (m *metrics) fail(l labels, reason string) {
	m.failed.WithLabelValues(l.slice()...).Inc()
	m.reasons.WithLabelValues(append(l.slice(), reason)...).Inc()
}

// prune drops the series of offers no longer in the table, so a deleted
// offer does not keep reporting its last values.
func (m *metrics) prune(keep map[[2]string]bool, seen map[[2]string]bool) {
	for id := range seen {
		if keep[id] {
			continue
		}
		match := prometheus.Labels{"offer_namespace": id[0], "offer_name": id[1]}
		m.requests.DeletePartialMatch(match)
		m.required.DeletePartialMatch(match)
		m.verified.DeletePartialMatch(match)
		m.failed.DeletePartialMatch(match)
		m.charged.DeletePartialMatch(match)
		m.reasons.DeletePartialMatch(match)
		m.upstreamFailed.DeletePartialMatch(match)
		m.lastSuccess.DeletePartialMatch(match)
	}
}
