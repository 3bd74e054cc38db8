package contracts_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/obol-dev/obol/contracts/bindings"
	"github.com/obol-dev/obol/internal/chain"
	"github.com/obol-dev/obol/internal/chain/chaintest"
)

func mined(t *testing.T, ec *ethclient.Client, tx *types.Transaction, err error) *types.Receipt {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	rc, err := bind.WaitMined(ctx, ec, tx)
	if err != nil {
		t.Fatal(err)
	}
	return rc
}

// TestDevSmartWallet: EIP-1271 on a dev chain: the owner's low-s 65-byte
// signature of the hash gives the magic value, anything else 0xffffffff;
// only the owner may execute; init sets an owner once.
func TestDevSmartWallet(t *testing.T) {
	c := chaintest.New(t, chain.Options{})
	ec := c.EthClient()
	eth := map[string]*big.Int{"ETH": big.NewInt(1e18)}
	owner, stranger := chaintest.FundedKey(t, c, eth), chaintest.FundedKey(t, c, eth)
	auth := func(k *ecdsa.PrivateKey) *bind.TransactOpts {
		o, err := bind.NewKeyedTransactorWithChainID(k, c.ChainID())
		if err != nil {
			t.Fatal(err)
		}
		o.GasLimit = 1_000_000
		return o
	}
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	addr, tx, w, err := bindings.DeployDevSmartWallet(auth(owner), ec, ownerAddr)
	if rc := mined(t, ec, tx, err); rc.Status != 1 {
		t.Fatal("deploy failed")
	}
	if got, err := w.Owner(nil); err != nil || got != ownerAddr {
		t.Fatalf("owner %s %v", got.Hex(), err)
	}

	hash := crypto.Keccak256Hash([]byte("obol wallet test"))
	sign := func(k *ecdsa.PrivateKey) []byte {
		sig, err := crypto.Sign(hash[:], k)
		if err != nil {
			t.Fatal(err)
		}
		sig[64] += 27
		return sig
	}
	good := sign(owner)
	highS := append([]byte(nil), good...)
	n := crypto.S256().Params().N
	new(big.Int).Sub(n, new(big.Int).SetBytes(good[32:64])).FillBytes(highS[32:64])
	highS[64] ^= 1 // 27 <-> 28: the same signer, the malleable twin
	v0 := append([]byte(nil), good...)
	v0[64] -= 27
	magic, invalid := [4]byte{0x16, 0x26, 0xba, 0x7e}, [4]byte{0xff, 0xff, 0xff, 0xff}
	for _, tc := range []struct {
		name string
		hash common.Hash
		sig  []byte
		want [4]byte
	}{
		{"owner", hash, good, magic},
		{"other hash", crypto.Keccak256Hash([]byte("other")), good, invalid},
		{"stranger", hash, sign(stranger), invalid},
		{"high s", hash, highS, invalid},
		{"v 0/1", hash, v0, invalid},
		{"64 bytes", hash, good[:64], invalid},
		{"empty", hash, nil, invalid},
	} {
		got, err := w.IsValidSignature(nil, tc.hash, tc.sig)
		if err != nil || got != tc.want {
			t.Errorf("%s: isValidSignature = %x, %v; want %x", tc.name, got, err, tc.want)
		}
	}

	// execute: the owner may (here: pass ETH on), a stranger may not.
	if _, err := c.Fund(context.Background(), addr, "ETH", big.NewInt(1000)); err != nil {
		t.Fatal(err)
	}
	to := common.HexToAddress("0x00000000000000000000000000000000000b0b01")
	tx, err = w.Execute(auth(stranger), to, big.NewInt(10), nil)
	if rc := mined(t, ec, tx, err); rc.Status != 0 {
		t.Fatal("a stranger's execute succeeded")
	}
	tx, err = w.Execute(auth(owner), to, big.NewInt(10), nil)
	if rc := mined(t, ec, tx, err); rc.Status != 1 {
		t.Fatal("the owner's execute failed")
	}
	if bal, err := ec.BalanceAt(context.Background(), to, nil); err != nil || bal.Int64() != 10 {
		t.Fatalf("execute moved %s, want 10 (%v)", bal, err)
	}

	// init: a wallet deployed without an owner gets one, once.
	_, tx, w2, err := bindings.DeployDevSmartWallet(auth(owner), ec, common.Address{})
	mined(t, ec, tx, err)
	if got, _ := w2.IsValidSignature(nil, hash, good); got != invalid {
		t.Fatalf("ownerless wallet accepted a signature: %x", got)
	}
	tx, err = w2.Init(auth(stranger), ownerAddr)
	if rc := mined(t, ec, tx, err); rc.Status != 1 {
		t.Fatal("init failed")
	}
	tx, err = w2.Init(auth(stranger), crypto.PubkeyToAddress(stranger.PublicKey))
	if rc := mined(t, ec, tx, err); rc.Status != 0 {
		t.Fatal("second init succeeded")
	}
	if got, _ := w2.IsValidSignature(nil, hash, good); got != magic {
		t.Fatalf("initialized wallet: %x, want the magic value", got)
	}
}
