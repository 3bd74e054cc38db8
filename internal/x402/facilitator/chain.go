package facilitator

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/obol-dev/obol/internal/x402"
)

// Backend is the part of an Ethereum JSON-RPC client the facilitator uses;
// *ethclient.Client implements it.
type Backend interface {
	ChainID(ctx context.Context) (*big.Int, error)
	CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error)
	EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, hash common.Hash) (*types.Receipt, error)
	TransactionByHash(ctx context.Context, hash common.Hash) (*types.Transaction, bool, error)
}

// The contract interfaces the facilitator calls (facts from the x402
// contracts and FiatTokenV2; only what is used).
const abiJSON = `[
{"type":"function","name":"transferWithAuthorization","stateMutability":"nonpayable","inputs":[
 {"name":"from","type":"address"},{"name":"to","type":"address"},{"name":"value","type":"uint256"},
 {"name":"validAfter","type":"uint256"},{"name":"validBefore","type":"uint256"},{"name":"nonce","type":"bytes32"},
 {"name":"v","type":"uint8"},{"name":"r","type":"bytes32"},{"name":"s","type":"bytes32"}],"outputs":[]},
{"type":"function","name":"transferWithAuthorization","stateMutability":"nonpayable","inputs":[
 {"name":"from","type":"address"},{"name":"to","type":"address"},{"name":"value","type":"uint256"},
 {"name":"validAfter","type":"uint256"},{"name":"validBefore","type":"uint256"},{"name":"nonce","type":"bytes32"},
 {"name":"signature","type":"bytes"}],"outputs":[]},
{"type":"function","name":"isValidSignature","stateMutability":"view","inputs":[{"name":"hash","type":"bytes32"},{"name":"signature","type":"bytes"}],"outputs":[{"name":"","type":"bytes4"}]},
{"type":"function","name":"authorizationState","stateMutability":"view","inputs":[{"name":"a","type":"address"},{"name":"n","type":"bytes32"}],"outputs":[{"name":"","type":"bool"}]},
{"type":"function","name":"balanceOf","stateMutability":"view","inputs":[{"name":"a","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
{"type":"function","name":"allowance","stateMutability":"view","inputs":[{"name":"o","type":"address"},{"name":"s","type":"address"}],"outputs":[{"name":"","type":"uint256"}]},
{"type":"function","name":"name","stateMutability":"view","inputs":[],"outputs":[{"name":"","type":"string"}]},
{"type":"function","name":"version","stateMutability":"view","inputs":[],"outputs":[{"name":"","type":"string"}]},
{"type":"function","name":"settle","stateMutability":"nonpayable","inputs":[
 {"name":"permit","type":"tuple","components":[{"name":"permitted","type":"tuple","components":[{"name":"token","type":"address"},{"name":"amount","type":"uint256"}]},{"name":"nonce","type":"uint256"},{"name":"deadline","type":"uint256"}]},
 {"name":"owner","type":"address"},
 {"name":"witness","type":"tuple","components":[{"name":"to","type":"address"},{"name":"validAfter","type":"uint256"}]},
 {"name":"signature","type":"bytes"}],"outputs":[]},
{"type":"function","name":"settleWithPermit","stateMutability":"nonpayable","inputs":[
 {"name":"permit2612","type":"tuple","components":[{"name":"value","type":"uint256"},{"name":"deadline","type":"uint256"},{"name":"r","type":"bytes32"},{"name":"s","type":"bytes32"},{"name":"v","type":"uint8"}]},
 {"name":"permit","type":"tuple","components":[{"name":"permitted","type":"tuple","components":[{"name":"token","type":"address"},{"name":"amount","type":"uint256"}]},{"name":"nonce","type":"uint256"},{"name":"deadline","type":"uint256"}]},
 {"name":"owner","type":"address"},
 {"name":"witness","type":"tuple","components":[{"name":"to","type":"address"},{"name":"validAfter","type":"uint256"}]},
 {"name":"signature","type":"bytes"}],"outputs":[]},
{"type":"event","name":"Transfer","anonymous":false,"inputs":[{"name":"from","type":"address","indexed":true},{"name":"to","type":"address","indexed":true},{"name":"value","type":"uint256","indexed":false}]}
]`

// Custom errors of Permit2 and the x402 proxy, mapped to reason codes.
var revertReasons = map[string]x402.Reason{
	"PaymentTooEarly()":          x402.ReasonPermit2PaymentTooEarly,
	"InvalidAmount()":            x402.ReasonPermit2InvalidAmount,
	"InvalidDestination()":       x402.ReasonPermit2InvalidDestination,
	"InvalidOwner()":             x402.ReasonPermit2InvalidOwner,
	"Permit2612AmountMismatch()": x402.ReasonPermit2EIP2612Mismatch,
	"InvalidNonce()":             x402.ReasonPermit2InvalidNonce,
	"SignatureExpired(uint256)":  x402.ReasonPermit2DeadlineExpired,
	"InvalidSigner()":            x402.ReasonPermit2InvalidSignature,
	"InvalidSignature()":         x402.ReasonPermit2InvalidSignature,
	"InvalidSignatureLength()":   x402.ReasonPermit2InvalidSignature,
	"InvalidAmount(uint256)":     x402.ReasonPermit2InvalidAmount,
}

// contracts holds the parsed ABI and the selector table; built per
// Facilitator so nothing is package-level mutable.
type contracts struct {
	abi       abi.ABI
	selectors map[[4]byte]x402.Reason
	transfer  common.Hash
	// transferBytes is the ABI name of transferWithAuthorization's
	// `bytes signature` overload (abigen-style names number overloads).
	transferBytes string
}

// transferBytesSig is the overload of transferWithAuthorization that takes
// the signature as bytes: the one a contract payer's signature needs.
const transferBytesSig = "transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)"

// eip1271Magic is what isValidSignature returns for a valid signature
// (its own selector).
var eip1271Magic = [4]byte{0x16, 0x26, 0xba, 0x7e}

func newContracts() (*contracts, error) {
	a, err := abi.JSON(strings.NewReader(abiJSON))
	if err != nil {
		return nil, fmt.Errorf("parse contract ABI: %w", err)
	}
	c := &contracts{abi: a, selectors: map[[4]byte]x402.Reason{}, transfer: a.Events["Transfer"].ID}
	for name, m := range a.Methods {
		if m.Sig == transferBytesSig {
			c.transferBytes = name
		}
	}
	if c.transferBytes == "" {
		return nil, errors.New("parse contract ABI: no " + transferBytesSig)
	}
	for sig, r := range revertReasons {
		var sel [4]byte
		copy(sel[:], crypto4(sig))
		c.selectors[sel] = r
	}
	return c, nil
}

type permitTransferFrom struct {
	Permitted struct {
		Token  common.Address
		Amount *big.Int
	}
	Nonce    *big.Int
	Deadline *big.Int
}

type witness struct {
	To         common.Address
	ValidAfter *big.Int
}

type eip2612Permit struct {
	Value    *big.Int
	Deadline *big.Int
	R        [32]byte
	S        [32]byte
	V        uint8
}

// settlement returns the contract and calldata that settle pay.
func (c *contracts) settlement(pay *x402.Payment) (common.Address, []byte, error) {
	if pay.Method == x402.TransferEIP3009 {
		m := pay.ERC3009
		if pay.ContractSigned {
			// EIP-1271: the token hands the bytes to the payer's isValidSignature.
			data, err := c.abi.Pack(c.transferBytes, m.From, m.To, m.Value, m.ValidAfter, m.ValidBefore, [32]byte(m.Nonce), pay.Signature)
			return pay.Asset, data, err
		}
		var r, s [32]byte
		copy(r[:], pay.Signature[:32])
		copy(s[:], pay.Signature[32:64])
		data, err := c.abi.Pack("transferWithAuthorization", m.From, m.To, m.Value, m.ValidAfter, m.ValidBefore, [32]byte(m.Nonce), pay.Signature[64], r, s)
		return pay.Asset, data, err
	}
	m := pay.Permit2
	var p permitTransferFrom
	p.Permitted.Token, p.Permitted.Amount, p.Nonce, p.Deadline = m.Token, m.Amount, m.Nonce, m.Deadline
	w := witness{To: m.WitnessTo, ValidAfter: m.WitnessValidFrom}
	if pay.EIP2612 != nil {
		e := eip2612Permit{Value: pay.EIP2612.Value, Deadline: pay.EIP2612.Deadline, R: pay.EIP2612.R, S: pay.EIP2612.S, V: pay.EIP2612.V}
		data, err := c.abi.Pack("settleWithPermit", e, p, m.Owner, w, pay.Signature)
		return x402.ExactPermit2Proxy, data, err
	}
	data, err := c.abi.Pack("settle", p, m.Owner, w, pay.Signature)
	return x402.ExactPermit2Proxy, data, err
}

// call runs a view function and unpacks its single result.
func (c *contracts) call(ctx context.Context, b Backend, to common.Address, method string, args ...any) (any, error) {
	data, err := c.abi.Pack(method, args...)
	if err != nil {
		return nil, err
	}
	out, err := b.CallContract(ctx, ethereum.CallMsg{To: &to, Data: data}, nil)
	if err != nil {
		return nil, err
	}
	vals, err := c.abi.Unpack(method, out)
	if err != nil || len(vals) != 1 {
		return nil, fmt.Errorf("call %s: bad result %x", method, out)
	}
	return vals[0], nil
}

// revertData extracts the revert payload from an RPC error, if any.
func revertData(err error) []byte {
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if b, err := hexutil.Decode(s); err == nil {
				return b
			}
		}
	}
	return nil
}

// isRevert tells an EVM revert (the payment is bad) from a transport or
// node failure (the chain is unreachable or misbehaving).
func isRevert(err error) bool {
	if revertData(err) != nil {
		return true
	}
	var re rpc.Error
	if errors.As(err, &re) && re.ErrorCode() == 3 {
		return true
	}
	return strings.Contains(strings.ToLower(err.Error()), "execution reverted")
}

// revertMessage is the Error(string) text of a revert, or the RPC error text.
func revertMessage(err error) string {
	data := revertData(err)
	if len(data) > 4 && hexutil.Encode(data[:4]) == "0x08c379a0" {
		if s, uerr := abi.UnpackRevert(data); uerr == nil {
			return s
		}
	}
	return err.Error()
}

// simulate dry-runs the settlement and on failure diagnoses the reason like
// the reference facilitator. Verify needs only the verdict, so it uses one
// eth_call; settle needs the gas too, so it uses eth_estimateGas (several
// EVM runs).
func (f *Facilitator) simulate(ctx context.Context, n *network, pay *x402.Payment, req *x402.PaymentRequirements, needGas bool) (uint64, *x402.Error) {
	to, data, err := f.contracts.settlement(pay)
	if err != nil {
		return 0, &x402.Error{Reason: x402.ReasonInvalidPayload, Message: "encode settlement: " + err.Error()}
	}
	msg := ethereum.CallMsg{From: f.address, To: &to, Data: data}
	var gas uint64
	if needGas {
		gas, err = n.backend.EstimateGas(ctx, msg)
	} else {
		_, err = n.backend.CallContract(ctx, msg, nil)
	}
	if err == nil {
		return gas, nil
	}
	if ctx.Err() != nil || !isRevert(err) {
		// The chain did not answer: say so, never blame the payment.
		reason := x402.ReasonUnexpectedVerifyError
		if needGas {
			reason = x402.ReasonUnexpectedSettleError
		}
		return 0, &x402.Error{Reason: reason, Message: "chain simulation failed: " + err.Error()}
	}
	if pay.Method == x402.TransferEIP3009 {
		return 0, f.diagnose3009(ctx, n, pay, req, err)
	}
	return 0, f.diagnosePermit2(ctx, n, pay, err)
}

func (f *Facilitator) diagnose3009(ctx context.Context, n *network, pay *x402.Payment, req *x402.PaymentRequirements, simErr error) *x402.Error {
	msg := revertMessage(simErr)
	out := func(r x402.Reason) *x402.Error { return &x402.Error{Reason: r, Message: msg} }
	used, err := f.contracts.call(ctx, n.backend, pay.Asset, "authorizationState", pay.Payer, [32]byte(pay.ERC3009.Nonce))
	if err != nil {
		return out(x402.ReasonExactEIP3009NotSupported)
	}
	if b, _ := used.(bool); b {
		return out(x402.ReasonExactNonceAlreadyUsed)
	}
	if name, err := f.contracts.call(ctx, n.backend, pay.Asset, "name"); err == nil && name != req.ExtraString("name") {
		return out(x402.ReasonExactTokenNameMismatch)
	}
	if version, err := f.contracts.call(ctx, n.backend, pay.Asset, "version"); err == nil && version != req.ExtraString("version") {
		return out(x402.ReasonExactTokenVersionMismatch)
	}
	if bal, err := f.contracts.call(ctx, n.backend, pay.Asset, "balanceOf", pay.Payer); err == nil {
		if v, ok := bal.(*big.Int); ok && v.Cmp(pay.Amount) < 0 {
			return out(x402.ReasonExactInsufficientBalance)
		}
	}
	// The chain's clock, not ours, decides the window: say which end failed.
	switch lower := strings.ToLower(msg); {
	case strings.Contains(lower, "not yet valid"):
		return out(x402.ReasonExactValidAfter)
	case strings.Contains(lower, "expired"):
		return out(x402.ReasonExactValidBefore)
	case strings.Contains(lower, "invalid signature"):
		return out(x402.ReasonExactSignature)
	}
	return out(x402.ReasonExactSimulationFailed)
}

func (f *Facilitator) diagnosePermit2(ctx context.Context, n *network, pay *x402.Payment, simErr error) *x402.Error {
	msg := revertMessage(simErr)
	out := func(r x402.Reason) *x402.Error { return &x402.Error{Reason: r, Message: msg} }
	if data := revertData(simErr); len(data) >= 4 {
		if r, ok := f.contracts.selectors[[4]byte(data[:4])]; ok {
			return out(r)
		}
	}
	code, err := codeAt(ctx, n.backend, x402.ExactPermit2Proxy)
	if err == nil && !code {
		return out(x402.ReasonPermit2ProxyNotDeployed)
	}
	if bal, err := f.contracts.call(ctx, n.backend, pay.Asset, "balanceOf", pay.Payer); err == nil {
		if v, ok := bal.(*big.Int); ok && v.Cmp(pay.Amount) < 0 {
			return out(x402.ReasonPermit2InsufficientBalance)
		}
	}
	if al, err := f.contracts.call(ctx, n.backend, pay.Asset, "allowance", pay.Payer, x402.Permit2Address); err == nil {
		if v, ok := al.(*big.Int); ok && v.Cmp(pay.Amount) < 0 {
			return out(x402.ReasonPermit2AllowanceRequired)
		}
	}
	return out(x402.ReasonPermit2SimulationFailed)
}

// signatureChecker returns the x402.SignatureChecker of one request: the
// payer's EIP-1271 isValidSignature, asked on n's chain with eth_call. A
// payer without code (an EOA) is not asked. It runs only for signatures
// that do not ecrecover to the payer. reason is the answer when the chain
// does not (unexpected_verify_error or unexpected_settle_error).
func (f *Facilitator) signatureChecker(ctx context.Context, n *network, reason x402.Reason) x402.SignatureChecker {
	return func(payer common.Address, digest common.Hash, sig []byte) (bool, *x402.Error) {
		if n == nil {
			return false, nil // not served here; the network check answers
		}
		has, err := codeAt(ctx, n.backend, payer)
		if err != nil && ctx.Err() != nil {
			return false, &x402.Error{Reason: reason, Message: "read payer code: " + err.Error()}
		}
		if err == nil && !has {
			return false, nil
		}
		// (A backend that cannot read code is asked anyway: an EOA's
		// eth_call answer is empty, which is not the magic value.)
		data, perr := f.contracts.abi.Pack("isValidSignature", digest, sig)
		if perr != nil {
			return false, nil
		}
		out, err := n.backend.CallContract(ctx, ethereum.CallMsg{To: &payer, Data: data}, nil)
		if err != nil {
			if ctx.Err() == nil && isRevert(err) {
				return false, nil // the wallet refuses by reverting
			}
			return false, &x402.Error{Reason: reason, Message: "EIP-1271 isValidSignature: " + err.Error()}
		}
		return isMagic(out), nil
	}
}

// isMagic reports whether an isValidSignature answer is the EIP-1271 magic
// value, ABI-encoded as the token decodes it (bytes4, zero-padded).
func isMagic(out []byte) bool {
	if len(out) < 32 || [4]byte(out[:4]) != eip1271Magic {
		return false
	}
	for _, b := range out[4:32] {
		if b != 0 {
			return false
		}
	}
	return true
}

// codeAt reports whether addr has code. Backend has no CodeAt on purpose
// (one method less to fake); an empty eth_call answer to a contract with a
// getter would be ambiguous, so ask for the code through a raw call when
// the backend offers it.
func codeAt(ctx context.Context, b Backend, addr common.Address) (bool, error) {
	type coder interface {
		CodeAt(ctx context.Context, a common.Address, block *big.Int) ([]byte, error)
	}
	if c, ok := b.(coder); ok {
		code, err := c.CodeAt(ctx, addr, nil)
		return len(code) > 0, err
	}
	return true, errors.New("backend cannot read code")
}

// transferLogged reports whether rc holds the Transfer the settlement
// promised (token, payer → payTo, amount): a successful transaction that
// moved something else did not settle this payment.
func (c *contracts) transferLogged(rc *types.Receipt, rec *Record) bool {
	asset, payer, payTo := common.HexToAddress(rec.Asset), common.HexToAddress(rec.Payer), common.HexToAddress(rec.PayTo)
	amount, _ := new(big.Int).SetString(rec.Amount, 10)
	for _, l := range rc.Logs {
		if l.Address != asset || len(l.Topics) != 3 || l.Topics[0] != c.transfer {
			continue
		}
		if common.BytesToAddress(l.Topics[1][:]) == payer && common.BytesToAddress(l.Topics[2][:]) == payTo &&
			amount != nil && new(big.Int).SetBytes(l.Data).Cmp(amount) == 0 {
			return true
		}
	}
	return false
}
