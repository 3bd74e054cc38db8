package llm

import (
	"sync"

	"github.com/prometheus/client_golang/prometheus"
)

// metrics are the gateway's Prometheus series, registered on the registry
// the caller passes (one per stack; nothing global).
type metrics struct {
	requests *prometheus.CounterVec   // model, code class
	latency  *prometheus.HistogramVec // model
	upErrors *prometheus.CounterVec   // model, reason
	retries  *prometheus.CounterVec   // model
	admin    *prometheus.CounterVec   // op, result

	mu     sync.Mutex
	models map[string]*routeMetrics
}

// routeMetrics are one model's series, resolved once per snapshot so the hot
// path does no label lookups.
type routeMetrics struct {
	ok, client, server prometheus.Counter
	latency            prometheus.Observer
	upstreamDown       prometheus.Counter
	upstreamStatus     prometheus.Counter
	retries            prometheus.Counter
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "obol_llm_requests_total", Help: "Gateway requests by public model name and status class.",
		}, []string{"model", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "obol_llm_request_duration_seconds", Help: "Time from request to the end of the response, by model.",
			Buckets: []float64{.001, .005, .025, .1, .5, 1, 2.5, 5, 10, 30, 60, 120},
		}, []string{"model"}),
		upErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "obol_llm_upstream_errors_total", Help: "Failed upstream attempts by model and reason (unreachable, status).",
		}, []string{"model", "reason"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "obol_llm_retries_total", Help: "Upstream attempts beyond the first (retries and fallbacks), by model.",
		}, []string{"model"}),
		admin: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "obol_llm_admin_changes_total", Help: "Admin API changes to the live router by operation and result.",
		}, []string{"op", "result"}),
		models: map[string]*routeMetrics{},
	}
	if reg == nil {
		return m, nil
	}
	for _, c := range []prometheus.Collector{m.requests, m.latency, m.upErrors, m.retries, m.admin} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// forModel returns the (cached) series for one public model name. The label
// set is bounded by the configured names: unknown models are never labels.
func (m *metrics) forModel(name string) *routeMetrics {
	m.mu.Lock()
	defer m.mu.Unlock()
	if rm := m.models[name]; rm != nil {
		return rm
	}
	rm := &routeMetrics{
		ok:             m.requests.WithLabelValues(name, "2xx"),
		client:         m.requests.WithLabelValues(name, "4xx"),
		server:         m.requests.WithLabelValues(name, "5xx"),
		latency:        m.latency.WithLabelValues(name),
		upstreamDown:   m.upErrors.WithLabelValues(name, "unreachable"),
		upstreamStatus: m.upErrors.WithLabelValues(name, "status"),
		retries:        m.retries.WithLabelValues(name),
	}
	m.models[name] = rm
	return rm
}

func (rm *routeMetrics) done(status int, seconds float64) {
	switch {
	case status < 400:
		rm.ok.Inc()
	case status < 500:
		rm.client.Inc()
	default:
		rm.server.Inc()
	}
	rm.latency.Observe(seconds)
}
