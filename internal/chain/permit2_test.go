package chain_test

import (
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/obol-dev/obol/contracts"
	"github.com/obol-dev/obol/contracts/bindings"
)

func mustABI(t *testing.T, meta interface{ GetAbi() (*abi.ABI, error) }) *abi.ABI {
	t.Helper()
	a, err := meta.GetAbi()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func permit2Domain(chainID *big.Int) apitypes.TypedDataDomain {
	return apitypes.TypedDataDomain{Name: "Permit2", ChainId: (*math.HexOrDecimal256)(chainID), VerifyingContract: contracts.Permit2Address.Hex()}
}

var permit2DomainType = []apitypes.Type{
	{Name: "name", Type: "string"}, {Name: "chainId", Type: "uint256"}, {Name: "verifyingContract", Type: "address"},
}

// signPermit2Witness signs the x402 proxy's PermitWitnessTransferFrom.
func (e *env) signPermit2Witness(key *ecdsa.PrivateKey, token common.Address, amount, nonce, deadline *big.Int, to common.Address, validAfter *big.Int) []byte {
	return signTyped(e.t, key, apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": permit2DomainType,
			"PermitWitnessTransferFrom": {
				{Name: "permitted", Type: "TokenPermissions"}, {Name: "spender", Type: "address"},
				{Name: "nonce", Type: "uint256"}, {Name: "deadline", Type: "uint256"}, {Name: "witness", Type: "Witness"},
			},
			"TokenPermissions": {{Name: "token", Type: "address"}, {Name: "amount", Type: "uint256"}},
			"Witness":          {{Name: "to", Type: "address"}, {Name: "validAfter", Type: "uint256"}},
		},
		PrimaryType: "PermitWitnessTransferFrom",
		Domain:      permit2Domain(e.c.ChainID()),
		Message: apitypes.TypedDataMessage{
			"permitted": map[string]any{"token": token.Hex(), "amount": amount.String()},
			"spender":   contracts.X402ExactPermit2ProxyAddress.Hex(),
			"nonce":     nonce.String(),
			"deadline":  deadline.String(),
			"witness":   map[string]any{"to": to.Hex(), "validAfter": validAfter.String()},
		},
	})
}

// sign2612 signs an EIP-2612 Permit for a token with the given domain.
func (e *env) sign2612(key *ecdsa.PrivateKey, name, version string, token, spender common.Address, value, nonce, deadline *big.Int) (uint8, [32]byte, [32]byte) {
	sig := signTyped(e.t, key, apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": eip712Domain,
			"Permit": {
				{Name: "owner", Type: "address"}, {Name: "spender", Type: "address"}, {Name: "value", Type: "uint256"},
				{Name: "nonce", Type: "uint256"}, {Name: "deadline", Type: "uint256"},
			},
		},
		PrimaryType: "Permit",
		Domain:      tokenDomain(name, version, e.c.ChainID(), token),
		Message: apitypes.TypedDataMessage{
			"owner": crypto.PubkeyToAddress(key.PublicKey).Hex(), "spender": spender.Hex(), "value": value.String(),
			"nonce": nonce.String(), "deadline": deadline.String(),
		},
	})
	return splitSig(sig)
}

func TestPermit2WitnessThroughProxy(t *testing.T) {
	e := newEnv(t)
	payer, payee, facilitator := e.accts[4], e.accts[5], e.accts[6]
	proxyABI := mustABI(t, bindings.X402ExactPermit2ProxyMetaData)
	permit2ABI := mustABI(t, bindings.Permit2MetaData)
	e.mined(t)(e.obol.Approve(e.opts(payer.Key), contracts.Permit2Address, abi.MaxUint256))

	amount := new(big.Int).Mul(big.NewInt(25), big.NewInt(1e16)) // 0.25 OBOL
	deadline := new(big.Int).SetUint64(e.headTime() + 3600)
	// A nonce in word 1, bit 44: exercises the bitmap beyond word 0 and
	// beyond the low byte of a word.
	nonce := big.NewInt(256 + 44)
	settle := func(nonce, validAfter *big.Int, to common.Address) error {
		sig := e.signPermit2Witness(payer.Key, contracts.DevOBOLAddress, amount, nonce, deadline, to, validAfter)
		permit := bindings.ISignatureTransferPermitTransferFrom{
			Permitted: bindings.ISignatureTransferTokenPermissions{Token: contracts.DevOBOLAddress, Amount: amount},
			Nonce:     nonce, Deadline: deadline,
		}
		tx, err := e.proxy.Settle(e.opts(facilitator.Key), permit, payer.Address, bindings.X402ExactPermit2ProxyWitness{To: to, ValidAfter: validAfter}, sig)
		if err == nil {
			e.checkMined(t, tx, nil)
		}
		return err
	}

	payerBefore, payeeBefore := e.balance(e.obol, payer.Address), e.balance(e.obol, payee.Address)
	if err := settle(nonce, big.NewInt(0), payee.Address); err != nil {
		t.Fatalf("settle with validAfter=0: %v", err)
	}
	if got, want := e.balance(e.obol, payer.Address), new(big.Int).Sub(payerBefore, amount); got.Cmp(want) != 0 {
		t.Errorf("payer balance = %s, want %s", got, want)
	}
	if got, want := e.balance(e.obol, payee.Address), new(big.Int).Add(payeeBefore, amount); got.Cmp(want) != 0 {
		t.Errorf("payee balance = %s, want %s", got, want)
	}
	bitmap, err := e.permit2.NonceBitmap(e.call(), payer.Address, big.NewInt(1))
	if err != nil || bitmap.Cmp(new(big.Int).Lsh(big.NewInt(1), 44)) != 0 {
		t.Errorf("nonceBitmap(payer, 1) = %v, %v; want bit 44 set", bitmap, err)
	}

	t.Run("reused nonce reverts", func(t *testing.T) {
		wantCustomError(t, settle(nonce, big.NewInt(0), payee.Address), permit2ABI, "InvalidNonce")
	})
	t.Run("future validAfter reverts with PaymentTooEarly", func(t *testing.T) {
		wantCustomError(t, settle(big.NewInt(7), new(big.Int).SetUint64(e.headTime()+600), payee.Address), proxyABI, "PaymentTooEarly")
	})
	t.Run("zero destination reverts", func(t *testing.T) {
		wantCustomError(t, settle(big.NewInt(8), big.NewInt(0), common.Address{}), proxyABI, "InvalidDestination")
	})
	t.Run("witness bound to the recipient", func(t *testing.T) {
		// Signed for payee, submitted with the facilitator as recipient.
		sig := e.signPermit2Witness(payer.Key, contracts.DevOBOLAddress, amount, big.NewInt(9), deadline, payee.Address, big.NewInt(0))
		permit := bindings.ISignatureTransferPermitTransferFrom{
			Permitted: bindings.ISignatureTransferTokenPermissions{Token: contracts.DevOBOLAddress, Amount: amount},
			Nonce:     big.NewInt(9), Deadline: deadline,
		}
		_, err := e.proxy.Settle(e.opts(facilitator.Key), permit, payer.Address, bindings.X402ExactPermit2ProxyWitness{To: facilitator.Address, ValidAfter: big.NewInt(0)}, sig)
		wantCustomError(t, err, permit2ABI, "InvalidSigner")
	})
	t.Run("invalidateUnorderedNonces", func(t *testing.T) {
		e.mined(t)(e.permit2.InvalidateUnorderedNonces(e.opts(payer.Key), big.NewInt(0), big.NewInt(1<<10)))
		wantCustomError(t, settle(big.NewInt(10), big.NewInt(0), payee.Address), permit2ABI, "InvalidNonce")
	})
}

func TestEIP2612AndSettleWithPermit(t *testing.T) {
	e := newEnv(t)
	owner, spender, payee, facilitator := e.accts[7], e.accts[8], e.accts[9], e.accts[6]
	deadline := new(big.Int).SetUint64(e.headTime() + 3600)
	proxyABI := mustABI(t, bindings.X402ExactPermit2ProxyMetaData)

	tokens := []struct {
		name, version string
		addr          common.Address
	}{{"USDC", "2", contracts.DevUSDCAddress}, {"Obol Network", "1", contracts.DevOBOLAddress}}
	for _, tok := range tokens {
		t.Run("permit "+tok.name, func(t *testing.T) {
			b, err := bindings.NewDevOBOL(tok.addr, e.c.EthClient()) // same permit ABI on both
			if err != nil {
				t.Fatal(err)
			}
			value := big.NewInt(424242)
			v, r, s := e.sign2612(owner.Key, tok.name, tok.version, tok.addr, spender.Address, value, big.NewInt(0), deadline)
			e.mined(t)(b.Permit(e.opts(facilitator.Key), owner.Address, spender.Address, value, deadline, v, r, s))
			if got, err := b.Allowance(e.call(), owner.Address, spender.Address); err != nil || got.Cmp(value) != 0 {
				t.Errorf("allowance = %v, %v; want %s", got, err, value)
			}
			if n, err := b.Nonces(e.call(), owner.Address); err != nil || n.Int64() != 1 {
				t.Errorf("nonces = %v, %v; want 1", n, err)
			}
			_, err = b.Permit(e.opts(facilitator.Key), owner.Address, spender.Address, value, deadline, v, r, s)
			wantRevertString(t, err, "EIP2612: invalid signature")
			sep, err := b.DOMAINSEPARATOR(e.call())
			if err != nil {
				t.Fatal(err)
			}
			d := tokenDomain(tok.name, tok.version, e.c.ChainID(), tok.addr)
			want, err := (&apitypes.TypedData{Types: apitypes.Types{"EIP712Domain": eip712Domain}, Domain: d}).HashStruct("EIP712Domain", d.Map())
			if err != nil {
				t.Fatal(err)
			}
			if hexutil.Encode(sep[:]) != hexutil.Encode(want) {
				t.Errorf("DOMAIN_SEPARATOR = %x, want %x", sep, want)
			}
		})
	}

	t.Run("settleWithPermit", func(t *testing.T) {
		// owner has never approved Permit2 for OBOL: the 2612 permit in the
		// same transaction grants it.
		amount := big.NewInt(1e15)
		p2612Nonce, err := e.obol.Nonces(e.call(), owner.Address)
		if err != nil {
			t.Fatal(err)
		}
		v, r, s := e.sign2612(owner.Key, "Obol Network", "1", contracts.DevOBOLAddress, contracts.Permit2Address, amount, p2612Nonce, deadline)
		sig := e.signPermit2Witness(owner.Key, contracts.DevOBOLAddress, amount, big.NewInt(77), deadline, payee.Address, big.NewInt(0))
		permit := bindings.ISignatureTransferPermitTransferFrom{
			Permitted: bindings.ISignatureTransferTokenPermissions{Token: contracts.DevOBOLAddress, Amount: amount},
			Nonce:     big.NewInt(77), Deadline: deadline,
		}
		witness := bindings.X402ExactPermit2ProxyWitness{To: payee.Address, ValidAfter: big.NewInt(0)}

		mismatch := bindings.X402ExactPermit2ProxyEIP2612Permit{Value: big.NewInt(1), Deadline: deadline, R: r, S: s, V: v}
		_, err = e.proxy.SettleWithPermit(e.opts(facilitator.Key), mismatch, permit, owner.Address, witness, sig)
		wantCustomError(t, err, proxyABI, "Permit2612AmountMismatch")

		before := e.balance(e.obol, payee.Address)
		p := bindings.X402ExactPermit2ProxyEIP2612Permit{Value: amount, Deadline: deadline, R: r, S: s, V: v}
		e.mined(t)(e.proxy.SettleWithPermit(e.opts(facilitator.Key), p, permit, owner.Address, witness, sig))
		if got := new(big.Int).Sub(e.balance(e.obol, payee.Address), before); got.Cmp(amount) != 0 {
			t.Errorf("payee gained %s, want %s", got, amount)
		}
	})
}

func TestPermit2DomainSeparator(t *testing.T) {
	e := newEnv(t)
	ws, err := e.proxy.WITNESSTYPESTRING(e.call())
	if err != nil || ws != contracts.X402WitnessTypeString {
		t.Errorf("proxy WITNESS_TYPE_STRING = %q, %v; want contracts.X402WitnessTypeString %q", ws, err, contracts.X402WitnessTypeString)
	}
	got, err := e.permit2.DOMAINSEPARATOR(e.call())
	if err != nil {
		t.Fatal(err)
	}
	d := permit2Domain(e.c.ChainID())
	want, err := (&apitypes.TypedData{Types: apitypes.Types{"EIP712Domain": permit2DomainType}, Domain: d}).HashStruct("EIP712Domain", d.Map())
	if err != nil {
		t.Fatal(err)
	}
	if hexutil.Encode(got[:]) != hexutil.Encode(want) {
		t.Errorf("Permit2 DOMAIN_SEPARATOR = %x, want %x", got, want)
	}
}

func TestIdentityRegistry(t *testing.T) {
	e := newEnv(t)
	agent := e.accts[2]
	for i, uri := range []string{"https://seller.example/.well-known/agent-registration.json", "data:application/json,{}"} {
		rc := e.mined(t)(e.registry.Register1(e.opts(agent.Key), uri))
		var id *big.Int
		for _, l := range rc.Logs {
			if ev, err := e.registry.ParseRegistered(*l); err == nil {
				id = ev.AgentId
				if ev.Owner != agent.Address || ev.AgentURI != uri {
					t.Errorf("Registered event = %+v", ev)
				}
			}
		}
		if id == nil || id.Int64() != int64(i+1) {
			t.Fatalf("registration %d: agent id %v, want %d", i, id, i+1)
		}
		if got, err := e.registry.TokenURI(e.call(), id); err != nil || got != uri {
			t.Errorf("tokenURI(%s) = %q, %v", id, got, err)
		}
		if owner, err := e.registry.OwnerOf(e.call(), id); err != nil || owner != agent.Address {
			t.Errorf("ownerOf(%s) = %s, %v", id, owner.Hex(), err)
		}
	}
	e.mined(t)(e.registry.SetMetadata(e.opts(agent.Key), big.NewInt(1), "agentWallet", []byte{1, 2, 3}))
	if got, err := e.registry.GetMetadata(e.call(), big.NewInt(1), "agentWallet"); err != nil || hexutil.Encode(got) != "0x010203" {
		t.Errorf("getMetadata = %x, %v", got, err)
	}
	_, err := e.registry.SetMetadata(e.opts(e.accts[3].Key), big.NewInt(1), "agentWallet", []byte{9})
	wantRevertString(t, err, "caller is not the agent owner")
	if n, err := e.registry.BalanceOf(e.call(), agent.Address); err != nil || n.Int64() != 2 {
		t.Errorf("balanceOf(agent) = %v, %v; want 2", n, err)
	}
}
