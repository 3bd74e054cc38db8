package facilitator_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/x402"
	"github.com/obol-dev/obol/internal/x402/facilitator"
	"github.com/obol-dev/obol/internal/x402/x402test"
)

// walletSigner signs for a DevSmartWallet: payments name the wallet as the
// payer, and the owner's key makes the signature its isValidSignature checks.
type walletSigner struct {
	wallet common.Address
	owner  *ecdsa.PrivateKey
}

func (w walletSigner) Address() common.Address { return w.wallet }

func (w walletSigner) SignHash(_ context.Context, digest [32]byte) ([]byte, error) {
	return crypto.Sign(digest[:], w.owner)
}

// smartWallet deploys a DevSmartWallet owned by a fresh key (funded with ETH
// so it can call execute) and funds the wallet with the given tokens.
func (e *env) smartWallet(t *testing.T, label string, usdc, obol int64) (walletSigner, *bindings.DevSmartWallet) {
	t.Helper()
	owner := x402test.Key(t, "owner "+label+" "+t.Name())
	e.fund(crypto.PubkeyToAddress(owner.PublicKey), "ETH", ether(1))
	auth, err := bind.NewKeyedTransactorWithChainID(owner, e.chain.ChainID())
	if err != nil {
		t.Fatal(err)
	}
	addr, tx, w, err := bindings.DeployDevSmartWallet(auth, e.ec, crypto.PubkeyToAddress(owner.PublicKey))
	if err != nil {
		t.Fatalf("deploy wallet: %v", err)
	}
	if rc, err := waitReceipt(context.Background(), e.ec, tx.Hash()); err != nil || rc.Status != 1 {
		t.Fatalf("deploy wallet: %v %+v", err, rc)
	}
	if usdc > 0 {
		e.fund(addr, "USDC", big.NewInt(usdc))
	}
	if obol > 0 {
		e.fund(addr, "OBOL", big.NewInt(obol))
	}
	return walletSigner{wallet: addr, owner: owner}, w
}

// approveFromWallet has the wallet approve Permit2 through execute.
func (e *env) approveFromWallet(t *testing.T, ws walletSigner, w *bindings.DevSmartWallet, token common.Address) {
	t.Helper()
	data, _ := erc20ABI.Pack("approve", x402.Permit2Address, new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
	auth, err := bind.NewKeyedTransactorWithChainID(ws.owner, e.chain.ChainID())
	if err != nil {
		t.Fatal(err)
	}
	tx, err := w.Execute(auth, token, new(big.Int), data)
	if err != nil {
		t.Fatalf("execute approve: %v", err)
	}
	if rc, err := waitReceipt(context.Background(), e.ec, tx.Hash()); err != nil || rc.Status != 1 {
		t.Fatalf("execute approve: %v %+v", err, rc)
	}
}

// settleSelector is the 4-byte selector of the settlement transaction.
func (e *env) settleSelector(t *testing.T, hash string) string {
	t.Helper()
	tx, _, err := e.ec.TransactionByHash(context.Background(), common.HexToHash(hash))
	if err != nil {
		t.Fatal(err)
	}
	return hexutil.Encode(tx.Data()[:4])
}

var (
	selTransferVRS   = hexutil.Encode(crypto.Keccak256([]byte("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,uint8,bytes32,bytes32)"))[:4])
	selTransferBytes = hexutil.Encode(crypto.Keccak256([]byte("transferWithAuthorization(address,address,uint256,uint256,uint256,bytes32,bytes)"))[:4])
)

// TestSettleEIP1271ERC3009: a deployed EIP-1271 wallet pays with ERC-3009
// through the facilitator, settled with the `bytes signature` overload.
func TestSettleEIP1271ERC3009(t *testing.T) {
	e := newEnv(t, nil)
	ws, _ := e.smartWallet(t, "3009", 5_000, 0)
	payTo := x402test.Address(t, "seller")
	req := x402test.Requirements(t, "devnet", "USDC", 1_234, payTo)
	p := x402test.SignERC3009(t, ws, req, x402.SignOptions{})

	var v x402.VerifyResponse
	if code := e.post("/verify", p, req, &v); code != 200 || !v.IsValid || v.Payer != ws.wallet.Hex() {
		t.Fatalf("verify: %d %+v", code, v)
	}
	var s x402.SettleResponse
	if code := e.post("/settle", p, req, &s); code != 200 || !s.Success || s.Payer != ws.wallet.Hex() || s.Amount != "1234" {
		t.Fatalf("settle: %d %+v", code, s)
	}
	if got := e.balance(devUSDC, payTo); got.Int64() != 1_234 {
		t.Fatalf("payTo balance %s, want 1234", got)
	}
	if got := e.balance(devUSDC, ws.wallet); got.Int64() != 5_000-1_234 {
		t.Fatalf("wallet balance %s, want %d", got, 5_000-1_234)
	}
	rc, err := e.ec.TransactionReceipt(context.Background(), common.HexToHash(s.Transaction))
	if err != nil || rc.Status != 1 {
		t.Fatalf("receipt: %v", err)
	}
	var from []common.Address
	for _, l := range rc.Logs {
		if l.Address == devUSDC && len(l.Topics) == 3 && l.Topics[0] == erc20ABI.Events["Transfer"].ID {
			from = append(from, common.BytesToAddress(l.Topics[1][:]))
		}
	}
	if len(from) != 1 || from[0] != ws.wallet {
		t.Fatalf("Transfer logs from %v, want one from the wallet %s", from, ws.wallet.Hex())
	}
	if sel := e.settleSelector(t, s.Transaction); sel != selTransferBytes {
		t.Fatalf("settled with selector %s, want the bytes overload %s", sel, selTransferBytes)
	}
	// Repeated: the first outcome; verify now sees the nonce spent.
	var again x402.SettleResponse
	if e.post("/settle", p, req, &again); again.Transaction != s.Transaction || !again.Success {
		t.Fatalf("repeated settle: %+v, first %+v", again, s)
	}
	if e.post("/verify", p, req, &v); v.IsValid || v.InvalidReason != x402.ReasonExactNonceAlreadyUsed {
		t.Fatalf("verify of a settled payment: %+v", v)
	}
	if n := e.transfers(devUSDC, ws.wallet); n != 1 {
		t.Fatalf("%d Transfer logs from the wallet, want 1", n)
	}

	// An EOA still settles with the (v,r,s) overload.
	eoa := e.payer("eoa", 2_000, 0)
	var es x402.SettleResponse
	if e.post("/settle", x402test.SignERC3009(t, eoa, req, x402.SignOptions{}), req, &es); !es.Success {
		t.Fatalf("EOA settle: %+v", es)
	}
	if sel := e.settleSelector(t, es.Transaction); sel != selTransferVRS {
		t.Fatalf("EOA settled with selector %s, want the (v,r,s) overload %s", sel, selTransferVRS)
	}
}

// TestEIP1271Refusals: a contract payer's payment that its wallet does not
// accept, or that fails a local check, gets the usual reason; an EIP-6492
// signature gets the clear refusal; nothing is sent for any of them.
func TestEIP1271Refusals(t *testing.T) {
	e := newEnv(t, nil)
	ws, _ := e.smartWallet(t, "refusals", 5_000, 5_000)
	payTo := x402test.Address(t, "seller")
	usdc := x402test.Requirements(t, "devnet", "USDC", 100, payTo)
	obol := x402test.Requirements(t, "devnet", "OBOL", 100, payTo)
	stranger := walletSigner{wallet: ws.wallet, owner: x402test.Key(t, "not the owner")}
	good := x402test.SignERC3009(t, ws, usdc, x402.SignOptions{})
	goodP2 := x402test.SignPermit2(t, ws, obol, x402.SignOptions{})
	with6492 := func(p *x402.PaymentPayload) *x402.PaymentPayload {
		return x402test.Mutate(t, p, func(ep *x402.ExactEVMPayload) {
			// abi.encode(factory, factoryCalldata, signature) ‖ magic, shortened: only the suffix matters.
			sig := common.FromHex(ep.Signature)
			wrapped := append(append(common.LeftPadBytes(ws.wallet[:], 32), sig...), common.FromHex(strings.Repeat("6492", 16))...)
			ep.Signature = hexutil.Encode(wrapped)
		})
	}
	withReq := func(r x402.PaymentRequirements, fn func(*x402.PaymentRequirements)) x402.PaymentRequirements {
		fn(&r)
		return r
	}
	tests := []struct {
		name    string
		p       *x402.PaymentPayload
		req     x402.PaymentRequirements
		want    x402.Reason
		message string
	}{
		{"signed by a non-owner", x402test.SignERC3009(t, stranger, usdc, x402.SignOptions{}), usdc, x402.ReasonExactSignature, "does not recover"},
		{"permit2 signed by a non-owner", x402test.SignPermit2(t, stranger, obol, x402.SignOptions{}), obol, x402.ReasonPermit2InvalidSignature, "does not recover"},
		{"wrong amount fails first", good, withReq(usdc, func(r *x402.PaymentRequirements) { r.Amount = "99" }), x402.ReasonExactValueMismatch, ""},
		{"wrong recipient fails first", good, withReq(usdc, func(r *x402.PaymentRequirements) { r.PayTo = x402test.Address(t, "other").Hex() }), x402.ReasonExactRecipientMismatch, ""},
		{"permit2 wrong token fails first", goodP2, withReq(obol, func(r *x402.PaymentRequirements) { r.Asset = devUSDC.Hex() }), x402.ReasonPermit2TokenMismatch, ""},
		{"tampered value", x402test.Mutate(t, good, func(ep *x402.ExactEVMPayload) { ep.Authorization.Value = "99" }), withReq(usdc, func(r *x402.PaymentRequirements) { r.Amount = "99" }), x402.ReasonExactSignature, ""},
		{"EIP-6492", with6492(good), usdc, x402.ReasonExactSignature, x402.EIP6492Refusal},
		{"permit2 EIP-6492", with6492(goodP2), obol, x402.ReasonPermit2InvalidSignature, x402.EIP6492Refusal},
	}
	before, err := e.ec.NonceAt(context.Background(), e.fac.Address(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v x402.VerifyResponse
			if code := e.post("/verify", tt.p, tt.req, &v); code != 200 || v.IsValid || v.InvalidReason != tt.want || !strings.Contains(v.InvalidMessage, tt.message) {
				t.Fatalf("verify: %d %+v, want %s %q", code, v, tt.want, tt.message)
			}
			var s x402.SettleResponse
			if code := e.post("/settle", tt.p, tt.req, &s); code != 200 || s.Success || s.ErrorReason != tt.want || s.Transaction != "" || !strings.Contains(s.ErrorMessage, tt.message) {
				t.Fatalf("settle: %d %+v, want %s %q", code, s, tt.want, tt.message)
			}
		})
	}
	if after, _ := e.ec.NonceAt(context.Background(), e.fac.Address(), nil); after != before {
		t.Fatalf("facilitator sent %d transactions for refused payments", after-before)
	}
	if got := e.balance(devUSDC, ws.wallet); got.Int64() != 5_000 {
		t.Fatalf("wallet balance %s, want 5000", got)
	}
}

// TestSettleEIP1271Permit2: the wallet approves Permit2 through execute, its
// owner signs a Permit2 witness transfer, and the proxy settles it (Permit2
// asks the wallet's isValidSignature).
func TestSettleEIP1271Permit2(t *testing.T) {
	e := newEnv(t, nil)
	ws, w := e.smartWallet(t, "permit2", 0, 10_000)
	payTo := x402test.Address(t, "seller")
	req := x402test.Requirements(t, "devnet", "OBOL", 7_000, payTo)
	p := x402test.SignPermit2(t, ws, req, x402.SignOptions{})

	// Before the approval the chain says so (the signature itself is accepted).
	var v x402.VerifyResponse
	if e.post("/verify", p, req, &v); v.IsValid || v.InvalidReason != x402.ReasonPermit2AllowanceRequired {
		t.Fatalf("verify before approve: %+v", v)
	}
	e.approveFromWallet(t, ws, w, devOBOL)
	if code := e.post("/verify", p, req, &v); code != 200 || !v.IsValid || v.Payer != ws.wallet.Hex() {
		t.Fatalf("verify: %d %+v", code, v)
	}
	var s x402.SettleResponse
	if code := e.post("/settle", p, req, &s); code != 200 || !s.Success || s.Payer != ws.wallet.Hex() {
		t.Fatalf("settle: %d %+v", code, s)
	}
	if got := e.balance(devOBOL, ws.wallet); got.Int64() != 3_000 {
		t.Fatalf("wallet balance %s, want 3000", got)
	}
	if got := e.balance(devOBOL, payTo); got.Int64() != 7_000 {
		t.Fatalf("payTo balance %s, want 7000", got)
	}
	if n := e.transfers(devOBOL, ws.wallet); n != 1 {
		t.Fatalf("%d Transfer logs from the wallet, want 1", n)
	}
}

// TestConcurrentSettleOfOneContractPayment: 200 concurrent /settle calls of
// one contract payer's payment give one transaction and one Transfer.
func TestConcurrentSettleOfOneContractPayment(t *testing.T) {
	e := newEnv(t, nil)
	ws, _ := e.smartWallet(t, "concurrent", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 100, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, ws, req, x402.SignOptions{})
	e.settleManyTimes(t, p, req, 200)
	if got := e.transfers(devUSDC, ws.wallet); got != 1 {
		t.Fatalf("%d Transfer logs, want exactly 1", got)
	}
	if got := e.balance(devUSDC, ws.wallet); got.Int64() != 900 {
		t.Fatalf("wallet balance %s, want 900", got)
	}
}

// TestKillContractPaymentBetweenBroadcastAndReceipt: the journal guarantee
// for a contract payer: killed after the broadcast, restarted on the same
// database, the payment resolves to its one transaction.
func TestKillContractPaymentBetweenBroadcastAndReceipt(t *testing.T) {
	var sent atomic.Value
	e := newEnv(t, func(o *facilitator.Options) {
		o.Fault = func(_ string, tx common.Hash) error { sent.Store(tx); return errors.New("killed") }
	})
	ws, _ := e.smartWallet(t, "killed", 1_000, 0)
	req := x402test.Requirements(t, "devnet", "USDC", 250, x402test.Address(t, "seller"))
	p := x402test.SignERC3009(t, ws, req, x402.SignOptions{})
	var s x402.SettleResponse
	if code := e.post("/settle", p, req, &s); code != 500 || s.Success {
		t.Fatalf("killed settle answered %d %+v", code, s)
	}
	tx := sent.Load().(common.Hash)
	e.stop()
	e.opts.Fault = nil
	e.start()
	recs, err := e.fac.Records()
	if err != nil || len(recs) != 1 || recs[0].State != facilitator.StateMined || recs[0].Tx != tx.Hex() || recs[0].Payer != ws.wallet.Hex() {
		t.Fatalf("journal after restart: %+v, %v", recs, err)
	}
	if code := e.post("/settle", p, req, &s); code != 200 || !s.Success || s.Transaction != tx.Hex() {
		t.Fatalf("settle after restart: %d %+v, want success with %s", code, s, tx.Hex())
	}
	if n := e.transfers(devUSDC, ws.wallet); n != 1 {
		t.Fatalf("%d Transfer logs, want 1", n)
	}
	if got := e.balance(devUSDC, ws.wallet); got.Int64() != 750 {
		t.Fatalf("wallet balance %s, want 750 (debited once)", got)
	}
}
