package seller

import (
	"context"
	"errors"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/obol-dev/obol/internal/x402"
)

// servePaid runs a request that carries a payment: decode, local checks,
// replay guard, facilitator verify, then forward (which settles).
func (s *Seller) servePaid(w http.ResponseWriter, r *http.Request, rt *Route, p, hdr string) {
	base := labelsFor(rt, &rt.Accepts[0])
	payload, err := x402.DecodePaymentHeader(hdr)
	if err != nil {
		reason := reasonOf(err)
		s.m.requests.WithLabelValues(base.slice()...).Inc()
		s.m.fail(base, string(reason))
		writeError(w, http.StatusBadRequest, string(reason), "malformed payment header: "+err.Error())
		return
	}
	acc, pay, xerr := s.localCheck(rt, payload)
	lbl := base
	if acc != nil {
		lbl = labelsFor(rt, acc)
	}
	s.m.requests.WithLabelValues(lbl.slice()...).Inc()
	if xerr != nil {
		s.m.fail(lbl, string(xerr.Reason))
		s.writeChallenge(w, r, rt, xerr.Reason, xerr.Message)
		return
	}
	key := pay.Key()
	switch s.replay.acquire(key, authEnd(pay), s.now()) {
	case replayInFlight:
		s.m.fail(lbl, ReasonReplayed)
		s.writeChallenge(w, r, rt, ReasonReplayed, "this payment is already being processed by another request; sign a new one")
		return
	case replaySettled:
		s.m.fail(lbl, ReasonReplayed)
		s.writeChallenge(w, r, rt, ReasonReplayed, "this payment was already used; sign a new one")
		return
	}
	delivered := false
	defer func() {
		if delivered {
			s.replay.settle(key)
		} else {
			s.replay.release(key)
		}
	}()
	body, err := s.readBody(r)
	if err != nil {
		if errors.Is(err, errBodyTooLarge) {
			writeError(w, http.StatusRequestEntityTooLarge, "body_too_large", "the request body exceeds the seller's limit; nothing was charged")
			return
		}
		writeError(w, http.StatusBadRequest, "bad_body", "could not read the request body; nothing was charged")
		return
	}
	freq := &FacilitatorRequest{Payload: payload, Requirements: acc.Requirements,
		Resource: x402.ResourceInfo{URL: s.resourceURL(rt, r), Description: rt.Description, MimeType: rt.MimeType}}
	vr, err := s.fac.Verify(r.Context(), freq)
	if err != nil {
		s.log.Warn("facilitator verify failed", "offer", rt.Namespace+"/"+rt.Name, "err", err)
		s.m.fail(lbl, ReasonFacilitatorUnreachable)
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusServiceUnavailable, ReasonFacilitatorUnreachable,
			"the payment facilitator is unavailable; the request was not served and nothing was charged")
		return
	}
	if !vr.IsValid {
		if vr.InvalidReason == "" {
			vr.InvalidReason = ReasonFacilitatorRejected
		}
		s.m.fail(lbl, reasonLabel(vr.InvalidReason))
		s.writeChallenge(w, r, rt, vr.InvalidReason, vr.InvalidMessage)
		return
	}
	s.m.verified.WithLabelValues(lbl.slice()...).Inc()
	delivered = s.forward(w, r, &exchange{rt: rt, path: p, body: body, pay: pay, freq: freq, lbl: lbl})
}

// localCheck finds the accepts entry the payment is for and runs the core's
// chain-free verifier against it. A v2 payload names its requirement in
// `accepted`; a v1 payload only names scheme and network, so each candidate
// is tried (the signature binds the asset, so at most one passes).
func (s *Seller) localCheck(rt *Route, p *x402.PaymentPayload) (*Accept, *x402.Payment, *x402.Error) {
	var firstErr *x402.Error
	var firstAcc *Accept
	for i := range rt.Accepts {
		a := &rt.Accepts[i]
		q := &a.Requirements
		if p.Accepted.Scheme != q.Scheme || p.Accepted.Network != q.Network {
			continue
		}
		if p.X402Version == x402.V2 && !sameTerms(&p.Accepted, q) {
			continue
		}
		pay, err := s.verifier.Verify(p, q)
		if err == nil {
			return a, pay, nil
		}
		if firstErr == nil {
			firstErr, firstAcc = err, a
		}
	}
	if firstErr == nil {
		return nil, nil, &x402.Error{Reason: ReasonNoMatchingRequirement,
			Message: "the payment's scheme, network, asset, amount or payTo matches none of this offer's accepts[]"}
	}
	return firstAcc, nil, firstErr
}

// sameTerms compares what the client says it accepted with our terms.
// Addresses compare case-insensitively (checksum casing varies by client).
func sameTerms(a, q *x402.PaymentRequirements) bool {
	return strings.EqualFold(a.Asset, q.Asset) && strings.EqualFold(a.PayTo, q.PayTo) && a.Amount == q.Amount
}

// authEnd is when the authorization stops being settleable; zero when it
// is beyond any useful horizon.
func authEnd(p *x402.Payment) time.Time {
	var end *big.Int
	switch {
	case p.ERC3009 != nil:
		end = p.ERC3009.ValidBefore
	case p.Permit2 != nil:
		end = p.Permit2.Deadline
	}
	if end == nil || !end.IsInt64() || end.Int64() > 1<<40 {
		return time.Time{}
	}
	return time.Unix(end.Int64(), 0)
}

func reasonOf(err error) x402.Reason {
	var xe *x402.Error
	if errors.As(err, &xe) {
		return xe.Reason
	}
	return x402.ReasonInvalidPayload
}

// reasonLabel bounds the reason label: a facilitator is outside our code,
// and a label value per free-form string would grow the series without end.
func reasonLabel(r x402.Reason) string {
	s := string(r)
	if s == "" || len(s) > 64 {
		return ReasonFacilitatorRejected
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return ReasonFacilitatorRejected
		}
	}
	return s
}

// settleContext outlives the client: once a settlement starts it must run
// to its answer, or the chain and our accounting disagree.
func settleContext(r *http.Request) context.Context {
	return context.WithoutCancel(r.Context())
}
