package chain

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// DevMnemonic is the well-known test mnemonic the dev accounts derive from
// (the same as Hardhat's and Anvil's), so tools that know it see the same
// accounts. Never use it on a real network.
const DevMnemonic = "test test test test test test test test test test test junk"

// DevAccountCount is how many dev accounts are derived and prefunded.
const DevAccountCount = 10

// DevAccount is a prefunded dev-chain account with its private key.
type DevAccount struct {
	Address common.Address
	Key     *ecdsa.PrivateKey
}

// DevAccounts returns the DevAccountCount accounts m/44'/60'/0'/0/i of
// DevMnemonic; account 0 is 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266. Every
// call derives fresh keys, so callers may keep or discard them freely.
func DevAccounts() []DevAccount {
	seed := mnemonicSeed(DevMnemonic)
	base, err := derivePath(seed, []uint32{hardened(44), hardened(60), hardened(0), 0})
	if err != nil {
		panic(fmt.Sprintf("derive dev accounts: %v", err)) // fixed input: cannot fail
	}
	out := make([]DevAccount, DevAccountCount)
	for i := range out {
		child, err := base.child(uint32(i))
		if err != nil {
			panic(fmt.Sprintf("derive dev account %d: %v", i, err))
		}
		key, err := crypto.ToECDSA(child.key)
		if err != nil {
			panic(fmt.Sprintf("dev account %d key: %v", i, err))
		}
		out[i] = DevAccount{Address: crypto.PubkeyToAddress(key.PublicKey), Key: key}
	}
	return out
}

// mnemonicSeed is BIP-39's seed of an ASCII mnemonic without passphrase:
// PBKDF2-HMAC-SHA512 of the phrase, salt "mnemonic", 2048 rounds. (The
// NFKD normalisation BIP-39 asks for leaves ASCII unchanged.)
func mnemonicSeed(phrase string) []byte {
	seed, err := pbkdf2.Key(sha512.New, phrase, []byte("mnemonic"), 2048, 64)
	if err != nil {
		panic(fmt.Sprintf("mnemonic seed: %v", err)) // fixed parameters: cannot fail
	}
	return seed
}

// faucetKey is the dev chain's own account: it pays for Fund and is the
// tokens' minter. It is derived from a fixed phrase, kept apart from the dev
// accounts so that Fund never races a user's nonces on account 0.
func faucetKey() *ecdsa.PrivateKey {
	key, err := crypto.ToECDSA(crypto.Keccak256([]byte("obol dev chain faucet")))
	if err != nil {
		panic(fmt.Sprintf("faucet key: %v", err)) // fixed input: cannot fail
	}
	return key
}

// extKey is a BIP-32 extended private key.
type extKey struct {
	key       []byte // 32 bytes
	chainCode []byte // 32 bytes
}

func hardened(i uint32) uint32 { return i + 0x80000000 }

func derivePath(seed []byte, path []uint32) (*extKey, error) {
	mac := hmac.New(sha512.New, []byte("Bitcoin seed"))
	mac.Write(seed)
	sum := mac.Sum(nil)
	k := &extKey{key: sum[:32], chainCode: sum[32:]}
	for _, idx := range path {
		var err error
		if k, err = k.child(idx); err != nil {
			return nil, err
		}
	}
	return k, nil
}

// child derives child idx per BIP-32 (private parent → private child).
func (k *extKey) child(idx uint32) (*extKey, error) {
	var data []byte
	if idx >= 0x80000000 {
		data = append([]byte{0}, k.key...)
	} else {
		priv, err := crypto.ToECDSA(k.key)
		if err != nil {
			return nil, fmt.Errorf("parse parent key: %w", err)
		}
		data = crypto.CompressPubkey(&priv.PublicKey)
	}
	data = binary.BigEndian.AppendUint32(data, idx)
	mac := hmac.New(sha512.New, k.chainCode)
	mac.Write(data)
	sum := mac.Sum(nil)
	n := crypto.S256().Params().N
	il := new(big.Int).SetBytes(sum[:32])
	if il.Cmp(n) >= 0 {
		return nil, fmt.Errorf("derive child %d: invalid key, use the next index", idx)
	}
	childKey := il.Add(il, new(big.Int).SetBytes(k.key))
	childKey.Mod(childKey, n)
	if childKey.Sign() == 0 {
		return nil, fmt.Errorf("derive child %d: zero key, use the next index", idx)
	}
	return &extKey{key: common.LeftPadBytes(childKey.Bytes(), 32), chainCode: sum[32:]}, nil
}
