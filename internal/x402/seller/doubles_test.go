package seller_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/obol-dev/obol/internal/x402"
)

// facilitatorServer is a real x402 facilitator HTTP server for the handler
// tests, standing in until the chain-backed one is wired in the e2e tests:
// it parses requests with the core's decoder, verifies with the core's
// verifier, and "settles" into a ledger that is idempotent per payment.
type facilitatorServer struct {
	srv      *httptest.Server
	verifier *x402.Verifier

	mu       sync.Mutex
	ledger   map[string]string // payment key → tx hash
	requests []json.RawMessage // bodies received, in order

	verifies, settles atomic.Int64
	down              atomic.Bool  // answer 500 to everything
	settleReject      atomic.Value // x402.Reason: settle answers success:false
	settleDelay       atomic.Int64 // ns
	settlePending     atomic.Bool  // settle answers settlement_pending with a tx hash
}

func newFacilitatorServer(t testing.TB) *facilitatorServer {
	t.Helper()
	f := &facilitatorServer{verifier: x402.NewVerifier(x402.VerifierOptions{}), ledger: map[string]string{}}
	f.settleReject.Store(x402.Reason(""))
	mux := http.NewServeMux()
	mux.HandleFunc("POST /verify", func(w http.ResponseWriter, r *http.Request) { f.handle(w, r, false) })
	mux.HandleFunc("POST /settle", func(w http.ResponseWriter, r *http.Request) { f.handle(w, r, true) })
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func (f *facilitatorServer) URL() string { return f.srv.URL }

func (f *facilitatorServer) handle(w http.ResponseWriter, r *http.Request, settle bool) {
	if f.down.Load() {
		http.Error(w, "facilitator exploded", http.StatusInternalServerError)
		return
	}
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.requests = append(f.requests, body)
	f.mu.Unlock()
	if settle {
		f.settles.Add(1)
		time.Sleep(time.Duration(f.settleDelay.Load()))
	} else {
		f.verifies.Add(1)
	}
	p, req, err := x402.ParseFacilitatorRequest(body)
	if err != nil {
		writeJSONTest(w, http.StatusBadRequest, x402.VerifyResponse{InvalidReason: x402.ReasonInvalidPayload, InvalidMessage: err.Error()})
		return
	}
	pay, xerr := f.verifier.Verify(p, req)
	if !settle {
		if xerr != nil {
			writeJSONTest(w, http.StatusOK, x402.VerifyResponse{InvalidReason: xerr.Reason, InvalidMessage: xerr.Message})
			return
		}
		f.mu.Lock()
		_, used := f.ledger[pay.Key()]
		f.mu.Unlock()
		if used {
			writeJSONTest(w, http.StatusOK, x402.VerifyResponse{InvalidReason: x402.ReasonExactNonceAlreadyUsed})
			return
		}
		writeJSONTest(w, http.StatusOK, x402.VerifyResponse{IsValid: true, Payer: pay.Payer.Hex()})
		return
	}
	if xerr != nil {
		writeJSONTest(w, http.StatusOK, x402.SettleResponse{ErrorReason: xerr.Reason, Network: req.Network})
		return
	}
	if reason := f.settleReject.Load().(x402.Reason); reason != "" {
		writeJSONTest(w, http.StatusOK, x402.SettleResponse{ErrorReason: reason, Network: req.Network})
		return
	}
	if f.settlePending.Load() {
		writeJSONTest(w, http.StatusOK, x402.SettleResponse{ErrorReason: x402.ReasonSettlementPending, Network: req.Network,
			Transaction: "0x" + strings.Repeat("ab", 32)})
		return
	}
	f.mu.Lock()
	tx, ok := f.ledger[pay.Key()]
	if !ok {
		sum := sha256.Sum256([]byte(pay.Key()))
		tx = "0x" + hex.EncodeToString(sum[:])
		f.ledger[pay.Key()] = tx
	}
	f.mu.Unlock()
	writeJSONTest(w, http.StatusOK, x402.SettleResponse{Success: true, Transaction: tx, Network: req.Network, Payer: pay.Payer.Hex()})
}

func (f *facilitatorServer) settled() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.ledger)
}

func (f *facilitatorServer) lastRequest() json.RawMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.requests) == 0 {
		return nil
	}
	return f.requests[len(f.requests)-1]
}

func writeJSONTest(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// upstream is the offer's service: a real HTTP server recording what
// reached it.
type upstream struct {
	srv   *httptest.Server
	calls atomic.Int64
	mu    sync.Mutex
	last  *http.Request
	body  []byte
	// release, when set, gates the second half of /sse.
	release chan struct{}
}

func newUpstream(t testing.TB) *upstream {
	t.Helper()
	u := &upstream{}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		u.calls.Add(1)
		b, _ := io.ReadAll(r.Body)
		u.mu.Lock()
		u.last, u.body = r.Clone(r.Context()), b
		u.mu.Unlock()
		switch r.URL.Path {
		case "/fail":
			http.Error(w, `{"error":"model crashed"}`, http.StatusInternalServerError)
		case "/sse":
			w.Header().Set("Content-Type", "text/event-stream")
			fl := w.(http.Flusher)
			fmt.Fprint(w, "data: {\"n\":1}\n\n")
			fl.Flush()
			if u.release != nil {
				<-u.release
			}
			fmt.Fprint(w, "data: {\"n\":2}\n\ndata: [DONE]\n\n")
		case "/broken-sse":
			w.Header().Set("Content-Type", "text/event-stream")
			fmt.Fprint(w, "data: {\"n\":1}\n\n")
			w.(http.Flusher).Flush()
			panic(http.ErrAbortHandler) // cut the connection mid-stream
		default:
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("X-Upstream", "yes")
			_ = json.NewEncoder(w).Encode(map[string]any{"path": r.URL.Path, "query": r.URL.RawQuery, "body": string(b)})
		}
	})
	u.srv = httptest.NewServer(mux)
	t.Cleanup(u.srv.Close)
	return u
}

func (u *upstream) lastRequest() (*http.Request, []byte) {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.last, u.body
}
