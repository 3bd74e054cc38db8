package wallet

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Address reads the wallet's address without unlocking the key.
func Address(opts Options) (common.Address, error) {
	blob, err := readKeystore(opts)
	if err != nil {
		return common.Address{}, err
	}
	var head struct {
		Address string `json:"address"`
	}
	if err := json.Unmarshal(blob, &head); err != nil || !common.IsHexAddress(head.Address) {
		return common.Address{}, fmt.Errorf("%s is not a keystore file (no address field)", opts.path())
	}
	return common.HexToAddress(head.Address), nil
}

// Open unlocks the keystore and returns a Signer for it.
func Open(opts Options) (Signer, error) {
	blob, err := readKeystore(opts)
	if err != nil {
		return nil, err
	}
	k, err := keystore.DecryptKey(blob, opts.Password)
	if errors.Is(err, keystore.ErrDecrypt) {
		return nil, fmt.Errorf("unlock %s: wrong password (set %s)", opts.path(), PasswordEnv)
	}
	if err != nil {
		return nil, fmt.Errorf("unlock %s: %w", opts.path(), err)
	}
	return NewKeySigner(k.PrivateKey), nil
}

func readKeystore(opts Options) ([]byte, error) {
	blob, err := os.ReadFile(opts.path())
	if errors.Is(err, os.ErrNotExist) {
		return nil, ErrNoWallet
	}
	if err != nil {
		return nil, fmt.Errorf("read keystore: %w", err)
	}
	return blob, nil
}

// KeySigner signs with an in-memory key. Tests and the dev chain's
// well-known accounts use it directly; the stack gets one from Open.
type KeySigner struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// NewKeySigner wraps a private key.
func NewKeySigner(key *ecdsa.PrivateKey) *KeySigner {
	return &KeySigner{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// Address implements Signer.
func (s *KeySigner) Address() common.Address { return s.addr }

// SignHash implements Signer. go-ethereum's crypto.Sign already produces a
// low-s signature with v in {0, 1}; Ethereum's wire form wants 27/28.
func (s *KeySigner) SignHash(_ context.Context, digest [32]byte) ([]byte, error) {
	sig, err := crypto.Sign(digest[:], s.key)
	if err != nil {
		return nil, fmt.Errorf("sign digest: %w", err)
	}
	sig[64] += 27
	return sig, nil
}
