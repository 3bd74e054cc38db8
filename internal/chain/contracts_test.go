package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/chain"
)

// env is a dev chain with the bindings the contract tests use.
type env struct {
	t        *testing.T
	c        *chain.Chain
	ctx      context.Context
	usdc     *bindings.DevUSDC
	obol     *bindings.DevOBOL
	permit2  *bindings.Permit2
	proxy    *bindings.X402ExactPermit2Proxy
	registry *bindings.IdentityRegistry
	accts    []chain.DevAccount
}

func newEnv(t *testing.T) *env {
	t.Helper()
	c := newChain(t, chain.Options{})
	ec := c.EthClient()
	e := &env{t: t, c: c, ctx: context.Background(), accts: chain.DevAccounts()}
	var err error
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	e.usdc, err = bindings.NewDevUSDC(contracts.DevUSDCAddress, ec)
	must(err)
	e.obol, err = bindings.NewDevOBOL(contracts.DevOBOLAddress, ec)
	must(err)
	e.permit2, err = bindings.NewPermit2(contracts.Permit2Address, ec)
	must(err)
	e.proxy, err = bindings.NewX402ExactPermit2Proxy(contracts.X402ExactPermit2ProxyAddress, ec)
	must(err)
	e.registry, err = bindings.NewIdentityRegistry(contracts.IdentityRegistryAddress, ec)
	must(err)
	return e
}

func (e *env) opts(key *ecdsa.PrivateKey) *bind.TransactOpts {
	o, err := bind.NewKeyedTransactorWithChainID(key, e.c.ChainID())
	if err != nil {
		e.t.Fatal(err)
	}
	o.Context = e.ctx
	return o
}

func (e *env) call() *bind.CallOpts { return &bind.CallOpts{Context: e.ctx} }

// mined checks that a transaction sent through the bindings is already in a
// block (automine) and succeeded.
func (e *env) mined(t *testing.T) func(*types.Transaction, error) *types.Receipt {
	return func(tx *types.Transaction, err error) *types.Receipt {
		t.Helper()
		return e.checkMined(t, tx, err)
	}
}

func (e *env) checkMined(t *testing.T, tx *types.Transaction, err error) *types.Receipt {
	t.Helper()
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	r, err := e.c.EthClient().TransactionReceipt(e.ctx, tx.Hash())
	if err != nil {
		t.Fatalf("receipt of %s right after sending: %v", tx.Hash().Hex(), err)
	}
	if r.Status != types.ReceiptStatusSuccessful {
		t.Fatalf("transaction %s reverted", tx.Hash().Hex())
	}
	return r
}

func (e *env) headTime() uint64 {
	h, err := e.c.EthClient().HeaderByNumber(e.ctx, nil)
	if err != nil {
		e.t.Fatal(err)
	}
	return h.Time
}

func (e *env) balance(tok interface {
	BalanceOf(*bind.CallOpts, common.Address) (*big.Int, error)
}, who common.Address) *big.Int {
	e.t.Helper()
	b, err := tok.BalanceOf(e.call(), who)
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

// wantRevertString checks that err is a revert whose reason contains want.
func wantRevertString(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want revert %q, got success", want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Fatalf("want revert %q, got %v", want, err)
	}
}

// wantCustomError checks that err is a revert with the named custom error
// of the given contract ABI.
func wantCustomError(t *testing.T, err error, a *abi.ABI, name string) {
	t.Helper()
	if err == nil {
		t.Fatalf("want revert %s, got success", name)
	}
	var de rpc.DataError
	if !errors.As(err, &de) {
		t.Fatalf("want revert %s, got error without revert data: %v", name, err)
	}
	s, _ := de.ErrorData().(string)
	data, derr := hexutil.Decode(s)
	if derr != nil || len(data) < 4 {
		t.Fatalf("want revert %s, got data %v", name, de.ErrorData())
	}
	id := a.Errors[name].ID
	if !strings.EqualFold(hexutil.Encode(data[:4]), hexutil.Encode(id[:4])) {
		t.Fatalf("want revert %s (%x), got %x: %v", name, id[:4], data[:4], err)
	}
}

func signTyped(t *testing.T, key *ecdsa.PrivateKey, td apitypes.TypedData) []byte {
	t.Helper()
	hash, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		t.Fatalf("hash typed data: %v", err)
	}
	sig, err := crypto.Sign(hash, key)
	if err != nil {
		t.Fatal(err)
	}
	sig[64] += 27
	return sig
}

func splitSig(sig []byte) (v uint8, r, s [32]byte) {
	copy(r[:], sig[:32])
	copy(s[:], sig[32:64])
	return sig[64], r, s
}

var eip712Domain = []apitypes.Type{
	{Name: "name", Type: "string"}, {Name: "version", Type: "string"},
	{Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"},
}

func tokenDomain(name, version string, chainID *big.Int, addr common.Address) apitypes.TypedDataDomain {
	return apitypes.TypedDataDomain{Name: name, Version: version, ChainId: (*math.HexOrDecimal256)(chainID), VerifyingContract: addr.Hex()}
}

func (e *env) signAuthorization(key *ecdsa.PrivateKey, primary string, to common.Address, value *big.Int, validAfter, validBefore uint64, nonce [32]byte) []byte {
	from := crypto.PubkeyToAddress(key.PublicKey)
	return signTyped(e.t, key, apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": eip712Domain,
			primary: {
				{Name: "from", Type: "address"}, {Name: "to", Type: "address"}, {Name: "value", Type: "uint256"},
				{Name: "validAfter", Type: "uint256"}, {Name: "validBefore", Type: "uint256"}, {Name: "nonce", Type: "bytes32"},
			},
		},
		PrimaryType: primary,
		Domain:      tokenDomain("USDC", "2", e.c.ChainID(), contracts.DevUSDCAddress),
		Message: apitypes.TypedDataMessage{
			"from": from.Hex(), "to": to.Hex(), "value": value.String(),
			"validAfter": new(big.Int).SetUint64(validAfter).String(), "validBefore": new(big.Int).SetUint64(validBefore).String(),
			"nonce": hexutil.Encode(nonce[:]),
		},
	})
}

func nonce32(s string) [32]byte { return crypto.Keccak256Hash([]byte(s)) }

func TestERC3009(t *testing.T) {
	e := newEnv(t)
	payer, payee, relayer := e.accts[1], e.accts[2], e.accts[3]
	value := big.NewInt(1_234_567)           // 1.234567 USDC
	validBefore := e.headTime() + 30*24*3600 // outlives the IncreaseTime below
	n := nonce32("erc3009-1")
	sig := e.signAuthorization(payer.Key, "TransferWithAuthorization", payee.Address, value, 0, validBefore, n)
	v, r, s := splitSig(sig)

	payerBefore, payeeBefore := e.balance(e.usdc, payer.Address), e.balance(e.usdc, payee.Address)
	e.mined(t)(e.usdc.TransferWithAuthorization0(e.opts(relayer.Key), payer.Address, payee.Address, value, big.NewInt(0), new(big.Int).SetUint64(validBefore), n, v, r, s))
	if got, want := e.balance(e.usdc, payer.Address), new(big.Int).Sub(payerBefore, value); got.Cmp(want) != 0 {
		t.Errorf("payer balance = %s, want %s", got, want)
	}
	if got, want := e.balance(e.usdc, payee.Address), new(big.Int).Add(payeeBefore, value); got.Cmp(want) != 0 {
		t.Errorf("payee balance = %s, want %s", got, want)
	}
	used, err := e.usdc.AuthorizationState(e.call(), payer.Address, n)
	if err != nil || !used {
		t.Errorf("authorizationState after use = %v, %v; want true", used, err)
	}

	t.Run("replay reverts", func(t *testing.T) {
		_, err := e.usdc.TransferWithAuthorization0(e.opts(relayer.Key), payer.Address, payee.Address, value, big.NewInt(0), new(big.Int).SetUint64(validBefore), n, v, r, s)
		wantRevertString(t, err, "FiatTokenV2: authorization is used or canceled")
	})
	t.Run("bytes signature overload", func(t *testing.T) {
		n2 := nonce32("erc3009-2")
		sig := e.signAuthorization(payer.Key, "TransferWithAuthorization", payee.Address, big.NewInt(5), 0, validBefore, n2)
		before := e.balance(e.usdc, payee.Address)
		e.mined(t)(e.usdc.TransferWithAuthorization(e.opts(relayer.Key), payer.Address, payee.Address, big.NewInt(5), big.NewInt(0), new(big.Int).SetUint64(validBefore), n2, sig))
		if got := e.balance(e.usdc, payee.Address); new(big.Int).Sub(got, before).Int64() != 5 {
			t.Errorf("payee gained %s, want 5", new(big.Int).Sub(got, before))
		}
	})
	bad := []struct {
		name                    string
		validAfter, validBefore uint64
		value                   *big.Int // signed value; the call always claims 7
		signer                  *ecdsa.PrivateKey
		want                    string
	}{
		{"validAfter in the future", e.headTime() + 100, validBefore, big.NewInt(7), payer.Key, "FiatTokenV2: authorization is not yet valid"},
		{"expired", 0, e.headTime(), big.NewInt(7), payer.Key, "FiatTokenV2: authorization is expired"},
		{"tampered value", 0, validBefore, big.NewInt(8), payer.Key, "FiatTokenV2: invalid signature"},
		{"signed by someone else", 0, validBefore, big.NewInt(7), payee.Key, "FiatTokenV2: invalid signature"},
	}
	for i, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			n := nonce32("bad-" + string(rune('a'+i)))
			sig := e.signAuthorization(tt.signer, "TransferWithAuthorization", payee.Address, tt.value, tt.validAfter, tt.validBefore, n)
			v, r, s := splitSig(sig)
			_, err := e.usdc.TransferWithAuthorization0(e.opts(relayer.Key), payer.Address, payee.Address, big.NewInt(7), new(big.Int).SetUint64(tt.validAfter), new(big.Int).SetUint64(tt.validBefore), n, v, r, s)
			wantRevertString(t, err, tt.want)
		})
	}
	t.Run("validAfter is strict", func(t *testing.T) {
		// Put the head in the future: the next block is then stamped exactly
		// head+1, whatever the wall clock says.
		if err := e.c.IncreaseTime(3600 * time.Second); err != nil {
			t.Fatal(err)
		}
		next := e.headTime() + 1
		for _, tc := range []struct {
			validAfter uint64
			wantStatus uint64
		}{{next, types.ReceiptStatusFailed}, {next - 1, types.ReceiptStatusSuccessful}} {
			n := nonce32(fmt.Sprintf("strict-%d", tc.validAfter))
			vb := next + 3600
			v, r, s := splitSig(e.signAuthorization(payer.Key, "TransferWithAuthorization", payee.Address, big.NewInt(3), tc.validAfter, vb, n))
			o := e.opts(relayer.Key)
			o.GasLimit = 200_000 // skip estimation, which runs at the head's time
			tx, err := e.usdc.TransferWithAuthorization0(o, payer.Address, payee.Address, big.NewInt(3), new(big.Int).SetUint64(tc.validAfter), new(big.Int).SetUint64(vb), n, v, r, s)
			if err != nil {
				t.Fatal(err)
			}
			rc, err := e.c.EthClient().TransactionReceipt(e.ctx, tx.Hash())
			if err != nil {
				t.Fatal(err)
			}
			blk, err := e.c.EthClient().HeaderByHash(e.ctx, rc.BlockHash)
			if err != nil {
				t.Fatal(err)
			}
			if blk.Time != next {
				t.Fatalf("block stamped %d, want %d", blk.Time, next)
			}
			if rc.Status != tc.wantStatus {
				t.Errorf("validAfter=%d in a block at %d: status %d, want %d", tc.validAfter, blk.Time, rc.Status, tc.wantStatus)
			}
			next = blk.Time + 1
		}
	})
	t.Run("receiveWithAuthorization needs the payee as caller", func(t *testing.T) {
		n := nonce32("receive-1")
		sig := e.signAuthorization(payer.Key, "ReceiveWithAuthorization", payee.Address, big.NewInt(9), 0, validBefore, n)
		v, r, s := splitSig(sig)
		_, err := e.usdc.ReceiveWithAuthorization0(e.opts(relayer.Key), payer.Address, payee.Address, big.NewInt(9), big.NewInt(0), new(big.Int).SetUint64(validBefore), n, v, r, s)
		wantRevertString(t, err, "FiatTokenV2: caller must be the payee")
		before := e.balance(e.usdc, payee.Address)
		e.mined(t)(e.usdc.ReceiveWithAuthorization0(e.opts(payee.Key), payer.Address, payee.Address, big.NewInt(9), big.NewInt(0), new(big.Int).SetUint64(validBefore), n, v, r, s))
		if got := new(big.Int).Sub(e.balance(e.usdc, payee.Address), before); got.Int64() != 9 {
			t.Errorf("payee gained %s, want 9", got)
		}
	})
	t.Run("cancelAuthorization", func(t *testing.T) {
		n := nonce32("cancel-1")
		sig := signTyped(t, payer.Key, apitypes.TypedData{
			Types: apitypes.Types{
				"EIP712Domain":        eip712Domain,
				"CancelAuthorization": {{Name: "authorizer", Type: "address"}, {Name: "nonce", Type: "bytes32"}},
			},
			PrimaryType: "CancelAuthorization",
			Domain:      tokenDomain("USDC", "2", e.c.ChainID(), contracts.DevUSDCAddress),
			Message:     apitypes.TypedDataMessage{"authorizer": payer.Address.Hex(), "nonce": hexutil.Encode(n[:])},
		})
		v, r, s := splitSig(sig)
		rc := e.mined(t)(e.usdc.CancelAuthorization(e.opts(relayer.Key), payer.Address, n, v, r, s))
		if len(rc.Logs) != 1 {
			t.Fatalf("cancel logged %d events, want 1 (AuthorizationCanceled)", len(rc.Logs))
		}
		auth := e.signAuthorization(payer.Key, "TransferWithAuthorization", payee.Address, big.NewInt(1), 0, validBefore, n)
		v, r, s = splitSig(auth)
		_, err := e.usdc.TransferWithAuthorization0(e.opts(relayer.Key), payer.Address, payee.Address, big.NewInt(1), big.NewInt(0), new(big.Int).SetUint64(validBefore), n, v, r, s)
		wantRevertString(t, err, "FiatTokenV2: authorization is used or canceled")
	})
}
