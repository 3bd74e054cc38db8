package x402

// Reason is an x402 error reason code, sent as `invalidReason` in verify
// answers and `errorReason` in settle answers. The spellings are the ones the
// official @x402/evm facilitator emits, so clients that switch on them work
// against obol unchanged.
type Reason string

// Generic reasons from the x402 specification.
const (
	ReasonInsufficientFunds          Reason = "insufficient_funds"
	ReasonInvalidNetwork             Reason = "invalid_network"
	ReasonInvalidPayload             Reason = "invalid_payload"
	ReasonInvalidPaymentRequirements Reason = "invalid_payment_requirements"
	ReasonInvalidScheme              Reason = "invalid_scheme"
	ReasonUnsupportedScheme          Reason = "unsupported_scheme"
	ReasonInvalidX402Version         Reason = "invalid_x402_version"
	ReasonInvalidTransactionState    Reason = "invalid_transaction_state"
	ReasonUnexpectedVerifyError      Reason = "unexpected_verify_error"
	ReasonUnexpectedSettleError      Reason = "unexpected_settle_error"
	ReasonSettlementPending          Reason = "settlement_pending"
	ReasonUnsupportedPayloadType     Reason = "unsupported_payload_type"
)

// EVM exact scheme, ERC-3009 reasons.
const (
	ReasonExactScheme                 Reason = "invalid_exact_evm_scheme"
	ReasonExactNetworkMismatch        Reason = "invalid_exact_evm_network_mismatch"
	ReasonExactMissingEIP712Domain    Reason = "invalid_exact_evm_missing_eip712_domain"
	ReasonExactRecipientMismatch      Reason = "invalid_exact_evm_recipient_mismatch"
	ReasonExactSignature              Reason = "invalid_exact_evm_signature"
	ReasonExactFailedToParseSignature Reason = "invalid_exact_evm_failed_to_parse_signature"
	ReasonExactValidBefore            Reason = "invalid_exact_evm_payload_authorization_valid_before"
	ReasonExactValidAfter             Reason = "invalid_exact_evm_payload_authorization_valid_after"
	ReasonExactValueMismatch          Reason = "invalid_exact_evm_payload_authorization_value_mismatch"
	ReasonExactTransactionFailed      Reason = "invalid_exact_evm_transaction_failed"
	ReasonExactTransferEventMismatch  Reason = "invalid_exact_evm_transfer_event_mismatch"
	ReasonExactTokenNameMismatch      Reason = "invalid_exact_evm_token_name_mismatch"
	ReasonExactTokenVersionMismatch   Reason = "invalid_exact_evm_token_version_mismatch"
	ReasonExactEIP3009NotSupported    Reason = "invalid_exact_evm_eip3009_not_supported"
	ReasonExactNonceAlreadyUsed       Reason = "invalid_exact_evm_nonce_already_used"
	ReasonExactInsufficientBalance    Reason = "invalid_exact_evm_insufficient_balance"
	ReasonExactSimulationFailed       Reason = "invalid_exact_evm_transaction_simulation_failed"
)

// EVM exact scheme, Permit2 reasons.
const (
	ReasonPermit2InvalidSpender      Reason = "invalid_permit2_spender"
	ReasonPermit2RecipientMismatch   Reason = "invalid_permit2_recipient_mismatch"
	ReasonPermit2DeadlineExpired     Reason = "permit2_deadline_expired"
	ReasonPermit2NotYetValid         Reason = "permit2_not_yet_valid"
	ReasonPermit2AmountMismatch      Reason = "permit2_amount_mismatch"
	ReasonPermit2TokenMismatch       Reason = "permit2_token_mismatch"
	ReasonPermit2InvalidSignature    Reason = "invalid_permit2_signature"
	ReasonPermit2AllowanceRequired   Reason = "permit2_allowance_required"
	ReasonPermit2SimulationFailed    Reason = "permit2_simulation_failed"
	ReasonPermit2InsufficientBalance Reason = "permit2_insufficient_balance"
	ReasonPermit2ProxyNotDeployed    Reason = "permit2_proxy_not_deployed"
	ReasonPermit2InvalidAmount       Reason = "permit2_invalid_amount"
	ReasonPermit2InvalidDestination  Reason = "permit2_invalid_destination"
	ReasonPermit2InvalidOwner        Reason = "permit2_invalid_owner"
	ReasonPermit2PaymentTooEarly     Reason = "permit2_payment_too_early"
	ReasonPermit2InvalidNonce        Reason = "permit2_invalid_nonce"
	ReasonPermit2EIP2612Mismatch     Reason = "permit2_2612_amount_mismatch"
)

// EIP-2612 gas-sponsoring extension reasons.
const (
	ReasonEIP2612InvalidFormat    Reason = "invalid_eip2612_extension_format"
	ReasonEIP2612FromMismatch     Reason = "eip2612_from_mismatch"
	ReasonEIP2612AssetMismatch    Reason = "eip2612_asset_mismatch"
	ReasonEIP2612SpenderNotPermit Reason = "eip2612_spender_not_permit2"
	ReasonEIP2612DeadlineExpired  Reason = "eip2612_deadline_expired"
)

// Error is a protocol failure with its reason code and a human message.
// Decoders and the verifier return it so callers can answer with the code
// (errors.As) and log the message.
type Error struct {
	Reason  Reason
	Message string
}

// Error renders "reason: message".
func (e *Error) Error() string {
	if e.Message == "" {
		return string(e.Reason)
	}
	return string(e.Reason) + ": " + e.Message
}

func fail(r Reason, msg string) *Error { return &Error{Reason: r, Message: msg} }
