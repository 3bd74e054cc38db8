// Package wallet keeps the stack's signing key in a Web3 secret-storage
// (keystore v3) file and signs digests with it. The key never leaves this
// package: other packages get a Signer, which signs a 32-byte digest and
// reports the address. The buyer proxy and the reconcilers never hold one.
package wallet

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"
)

// FileName is the keystore file inside the wallet directory.
const FileName = "wallet.json"

// PasswordEnv names the environment variable holding the keystore password.
// An unset variable means the empty password: the file's 0600 mode is then
// the protection, which is what a single-user laptop stack expects.
const PasswordEnv = "OBOL_WALLET_PASSWORD"

var (
	// ErrNoWallet means the directory holds no keystore yet.
	ErrNoWallet = errors.New("no wallet: create one with `obol wallet new` or `obol wallet import --private-key-file F`")
	// ErrExists means a keystore is already there and would be overwritten.
	ErrExists = errors.New("a wallet already exists")
)

// Signer signs 32-byte digests (EIP-712 hashes, transaction hashes) with a
// key it does not reveal.
type Signer interface {
	// Address is the account the signatures recover to.
	Address() common.Address
	// SignHash returns a 65-byte r‖s‖v signature with v in {27, 28} and a
	// canonical (low) s, the form EIP-712 verifiers and ecrecover expect.
	SignHash(ctx context.Context, digest [32]byte) ([]byte, error)
}

// Options locate and unlock a wallet.
type Options struct {
	// Dir holds the keystore file (mode 0700 directory, 0600 file).
	Dir string
	// Name is the keystore's file name in Dir; default FileName. A stack
	// keeps its facilitator's gas key apart from its wallet this way.
	Name string
	// Password unlocks the keystore; empty is allowed (see PasswordEnv).
	Password string
	// ScryptN and ScryptP tune the key derivation. Zero means go-ethereum's
	// light parameters (N=4096, P=6): unlocking takes milliseconds, which a
	// stack that starts in under a second needs. Use keystore.StandardScryptN
	// for a key that leaves this machine.
	ScryptN, ScryptP int
}

func (o Options) path() string {
	if o.Name != "" {
		return filepath.Join(o.Dir, o.Name)
	}
	return filepath.Join(o.Dir, FileName)
}

func (o Options) scrypt() (int, int) {
	if o.ScryptN == 0 {
		return keystore.LightScryptN, keystore.LightScryptP
	}
	return o.ScryptN, o.ScryptP
}

// PasswordFromEnv returns the password in PasswordEnv ("" when unset).
func PasswordFromEnv() string { return os.Getenv(PasswordEnv) }

// Create generates a new key and stores it. It refuses to replace an
// existing keystore: losing a funded key is not recoverable.
func Create(opts Options) (common.Address, error) {
	key, err := crypto.GenerateKey()
	if err != nil {
		return common.Address{}, fmt.Errorf("generate key: %w", err)
	}
	return store(opts, key)
}

// Import stores the hex private key found in file (0x prefix and
// surrounding whitespace allowed). It refuses to replace an existing keystore.
func Import(opts Options, file string) (common.Address, error) {
	raw, err := os.ReadFile(file)
	if err != nil {
		return common.Address{}, fmt.Errorf("read private key file: %w", err)
	}
	key, err := ParsePrivateKey(string(raw))
	if err != nil {
		return common.Address{}, fmt.Errorf("%s: %w", file, err)
	}
	return store(opts, key)
}

// ParsePrivateKey parses a hex-encoded secp256k1 private key. Errors never
// include the input, which is a secret.
func ParsePrivateKey(s string) (*ecdsa.PrivateKey, error) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "0x")
	if len(s) != 64 {
		return nil, fmt.Errorf("a private key is 64 hex characters (32 bytes), got %d characters", len(s))
	}
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, errors.New("the private key is not valid hex")
	}
	key, err := crypto.ToECDSA(b)
	if err != nil {
		return nil, errors.New("the private key is not a valid secp256k1 key")
	}
	return key, nil
}

func store(opts Options, key *ecdsa.PrivateKey) (common.Address, error) {
	if _, err := os.Stat(opts.path()); err == nil {
		return common.Address{}, fmt.Errorf("%w at %s: move it aside first to replace it (a replaced funded key is lost)", ErrExists, opts.path())
	}
	id, err := uuid.NewRandom()
	if err != nil {
		return common.Address{}, fmt.Errorf("generate key id: %w", err)
	}
	k := &keystore.Key{Id: id, Address: crypto.PubkeyToAddress(key.PublicKey), PrivateKey: key}
	n, p := opts.scrypt()
	blob, err := keystore.EncryptKey(k, opts.Password, n, p)
	if err != nil {
		return common.Address{}, fmt.Errorf("encrypt key: %w", err)
	}
	if err := writeExclusive(opts.path(), blob); err != nil {
		return common.Address{}, err
	}
	return k.Address, nil
}

// writeExclusive writes the keystore through a temporary file and a link, so
// a crash never leaves a half-written key and a racing writer cannot win.
func writeExclusive(path string, blob []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create wallet directory: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".wallet-*.tmp")
	if err != nil {
		return fmt.Errorf("write keystore: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("write keystore: %w", err)
	}
	if _, err := tmp.Write(blob); err != nil {
		tmp.Close()
		return fmt.Errorf("write keystore: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write keystore: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write keystore: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%w at %s", ErrExists, path)
		}
		return fmt.Errorf("write keystore: %w", err)
	}
	return nil
}
