package buyere2e_test

import (
	"bufio"
	"net/http"
	"strings"
	"testing"

	"github.com/obol-dev/obol/internal/x402"
)

// TestStreamingPaidCall: a streamed completion passes through the buyer
// chunk by chunk, Alice's seller settles after the stream, the settlement
// reaches Bob (trailer or SSE comment), and the auth is spent once.
func TestStreamingPaidCall(t *testing.T) {
	w := newWorld(t)
	w.startSeller()
	endpoint := w.seller.URL + "/services/qwen"
	_, bob, res := w.presign(endpoint, "USDC", "bob", 2)
	bb := w.newBuyer(endpoint, res, nil)
	resp, err := http.Post(bb.srv.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"model":"paid/qwen","stream":true,"messages":[{"role":"user","content":"hi"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("status %d, content type %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var content strings.Builder
	sawSettlement := false
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "data: {") {
			i := strings.Index(line, `"content":"`)
			content.WriteString(strings.SplitN(line[i+len(`"content":"`):], `"`, 2)[0])
		}
		if strings.HasPrefix(line, ":") && strings.Contains(strings.ToUpper(line), "PAYMENT-RESPONSE") {
			sawSettlement = true
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if resp.Trailer.Get(x402.HeaderPaymentResponse) != "" {
		sawSettlement = true
	}
	if content.String() != "alice's stream" {
		t.Errorf("streamed content %q", content.String())
	}
	if !sawSettlement {
		t.Errorf("no settlement response reached the buyer's client (trailers %v)", resp.Trailer)
	}
	if st := bb.status(); st.Spent != 1 || st.Remaining != 1 || st.InFlight != 0 {
		t.Errorf("status %+v", st)
	}
	if n := len(w.transfers("USDC", bob.Address())); n != 1 {
		t.Errorf("%d transfers, want 1", n)
	}
}
