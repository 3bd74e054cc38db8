package wallet

import (
	"context"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

func TestCreateOpenSign(t *testing.T) {
	opts := Options{Dir: t.TempDir(), Password: "pw"}
	addr, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(opts.Dir, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("keystore mode = %v, want 0600", st.Mode().Perm())
	}
	if got, err := Address(opts); err != nil || got != addr {
		t.Fatalf("Address = %v, %v; want %v", got, err, addr)
	}
	s, err := Open(opts)
	if err != nil {
		t.Fatal(err)
	}
	digest := crypto.Keccak256Hash([]byte("hello"))
	sig, err := s.SignHash(context.Background(), digest)
	if err != nil {
		t.Fatal(err)
	}
	if sig[64] != 27 && sig[64] != 28 {
		t.Fatalf("v = %d, want 27 or 28", sig[64])
	}
	sig[64] -= 27
	pub, err := crypto.SigToPub(digest[:], sig)
	if err != nil {
		t.Fatal(err)
	}
	if crypto.PubkeyToAddress(*pub) != addr {
		t.Fatal("signature does not recover to the wallet address")
	}
}

func TestCreateRefusesToReplace(t *testing.T) {
	opts := Options{Dir: t.TempDir()}
	first, err := Create(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Create(opts); !errors.Is(err, ErrExists) {
		t.Fatalf("second Create error = %v, want ErrExists", err)
	}
	if got, _ := Address(opts); got != first {
		t.Fatal("the first key was replaced")
	}
}

func TestWrongPassword(t *testing.T) {
	opts := Options{Dir: t.TempDir(), Password: "right"}
	if _, err := Create(opts); err != nil {
		t.Fatal(err)
	}
	opts.Password = "wrong"
	_, err := Open(opts)
	if err == nil || !strings.Contains(err.Error(), "wrong password") {
		t.Fatalf("Open with wrong password error = %v", err)
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	const hexKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
	cases := []struct {
		name, content, wantErr string
	}{
		{"plain", hexKey, ""},
		{"prefixed with newline", "0x" + hexKey + "\n", ""},
		{"short", "abcd", "64 hex characters"},
		{"not hex", strings.Repeat("zz", 32), "not valid hex"},
		{"zero key", strings.Repeat("00", 32), "not a valid secp256k1 key"},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := filepath.Join(dir, tc.name)
			if err := os.WriteFile(f, []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			opts := Options{Dir: filepath.Join(dir, "w", string(rune('a'+i)))}
			addr, err := Import(opts, f)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("Import error = %v, want %q", err, tc.wantErr)
				}
				if strings.Contains(err.Error(), tc.content) && len(tc.content) > 8 {
					t.Fatal("the error echoes the secret key material")
				}
				if _, err := os.Stat(filepath.Join(opts.Dir, FileName)); !errors.Is(err, os.ErrNotExist) {
					t.Fatal("a failed import wrote a keystore")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if addr.Hex() != "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" {
				t.Fatalf("imported address = %s", addr.Hex())
			}
		})
	}
}

func TestNoWallet(t *testing.T) {
	opts := Options{Dir: t.TempDir()}
	if _, err := Open(opts); !errors.Is(err, ErrNoWallet) {
		t.Fatalf("Open error = %v, want ErrNoWallet", err)
	}
	if _, err := Address(opts); !errors.Is(err, ErrNoWallet) {
		t.Fatalf("Address error = %v, want ErrNoWallet", err)
	}
}

func FuzzParsePrivateKey(f *testing.F) {
	f.Add("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")
	f.Add("")
	f.Add("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")
	f.Fuzz(func(t *testing.T, s string) {
		k, err := ParsePrivateKey(s)
		if err == nil && k == nil {
			t.Fatal("nil key without error")
		}
	})
}

func TestTransactOptsSignsForTheSigner(t *testing.T) {
	key, _ := crypto.GenerateKey()
	s := NewKeySigner(key)
	opts := TransactOpts(context.Background(), s, big.NewInt(1337))
	tx := types.NewTx(&types.DynamicFeeTx{ChainID: big.NewInt(1337), Nonce: 3, Gas: 21000})
	signed, err := opts.Signer(s.Address(), tx)
	if err != nil {
		t.Fatal(err)
	}
	from, err := types.Sender(types.LatestSignerForChainID(big.NewInt(1337)), signed)
	if err != nil || from != s.Address() {
		t.Fatalf("sender %v, %v; want %v", from, err, s.Address())
	}
	if _, err := opts.Signer(common.Address{1}, tx); err == nil {
		t.Fatal("signed for another address")
	}
}
