// Package x402 is obol's x402 protocol core: the v1 and v2 wire types, the
// base64 header codecs, CAIP-2 network ids, the network and token registry,
// exact decimal prices, EIP-712 hashing and client-side signing of the EVM
// `exact` scheme (ERC-3009 TransferWithAuthorization, Permit2
// PermitWitnessTransferFrom with the x402 witness, EIP-2612 permits), and the
// local verifier: every check that does not need a chain, in the order the
// x402 reference facilitator uses, each failure an x402 reason code.
//
// The seller gateway, the buyer proxy and the facilitator are built on this
// package; it holds no global mutable state and talks to no network.
package x402
