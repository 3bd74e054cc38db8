// Package purchase is the buy side's shared core: decoding a seller's 402
// challenge, matching it against what a buyer agreed to pay, parsing
// pre-signed authorizations, reading the chain state that decides whether
// an authorization was spent, and pre-signing a pool of authorizations
// with a wallet (the `obol buy` library).
//
// It imports only core packages, so the buyer proxy, the purchase
// reconciler and the CLI can all use it without importing each other.
package purchase
