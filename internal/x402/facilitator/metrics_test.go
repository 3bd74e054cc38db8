package facilitator_test

import (
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

func TestMetrics(t *testing.T) {
	reg := prometheus.NewRegistry()
	e := newEnv(t, func(o *facilitator.Options) { o.Metrics = reg })
	payer := e.payer("payer", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, payer, req, x402.SignOptions{})
	var v x402.VerifyResponse
	e.post("/verify", p, req, &v)
	wrong := req
	wrong.Amount = "5"
	e.post("/verify", p, wrong, &v)
	var s x402.SettleResponse
	e.post("/settle", p, req, &s)
	e.postRaw("/settle", []byte("{"), &s)

	want := `
# HELP obol_x402_facilitator_settle_total Settle requests by result (success|failed|pending|error) and x402 reason.
# TYPE obol_x402_facilitator_settle_total counter
obol_x402_facilitator_settle_total{reason="",result="success"} 1
obol_x402_facilitator_settle_total{reason="invalid_payload",result="failed"} 1
# HELP obol_x402_facilitator_verify_total Verify requests by result (valid|invalid) and x402 reason.
# TYPE obol_x402_facilitator_verify_total counter
obol_x402_facilitator_verify_total{reason="",result="valid"} 1
obol_x402_facilitator_verify_total{reason="invalid_exact_evm_payload_authorization_value_mismatch",result="invalid"} 1
`
	if err := testutil.GatherAndCompare(reg, strings.NewReader(want), "obol_x402_facilitator_settle_total", "obol_x402_facilitator_verify_total"); err != nil {
		t.Fatal(err)
	}
	if n := testutil.CollectAndCount(reg, "obol_x402_facilitator_settle_duration_seconds"); n != 2 {
		t.Fatalf("settle latency series = %d, want 2 (success, failed)", n)
	}
	// Two facilitators with separate registries coexist in one process.
	newEnv(t, func(o *facilitator.Options) { o.Metrics = prometheus.NewRegistry() })
}
