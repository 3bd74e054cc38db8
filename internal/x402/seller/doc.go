// Package seller is obol's paid gateway on the public listener. For each
// request under an offer's path it answers the x402 402 challenge, or takes
// the payment from PAYMENT-SIGNATURE or X-PAYMENT, checks it locally with
// the x402 core's verifier, refuses a payment already in use or settled,
// has the facilitator verify it, forwards the request to the offer's
// upstream with X-Payment-Payer, and settles only when the upstream
// answered below 400 (for a stream: after it completed). The settle answer
// goes back in PAYMENT-RESPONSE and X-PAYMENT-RESPONSE.
//
// The route table is an immutable snapshot set with SetRoutes; the seller
// knows nothing of ServiceOffers or the store. It never signs: settlement
// is the Facilitator's job (HTTPFacilitator talks to a remote or the
// embedded one). See docs/seller.md for the behaviour in full.
package seller
