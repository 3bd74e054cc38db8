package stack

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/config"
	"github.com/obol-dev/obol/internal/wallet"
)

// Layout names every file a stack keeps in its data dir.
type Layout struct{ Dir string }

// Config is the boot config file.
func (l Layout) Config() string { return filepath.Join(l.Dir, config.FileName) }

// Keys is the wallet's keystore directory.
func (l Layout) Keys() string { return filepath.Join(l.Dir, "keys") }

// MasterKey is the file holding the local listener's master key.
func (l Layout) MasterKey() string { return filepath.Join(l.Dir, "secrets", "master-key") }

// PIDFile is locked and holds the pid while a stack runs.
func (l Layout) PIDFile() string { return filepath.Join(l.Dir, "run", "obol.pid") }

// Endpoints is written by a running stack with its listener URLs, so
// commands find it whatever ports it bound.
func (l Layout) Endpoints() string { return filepath.Join(l.Dir, "run", "endpoints.json") }

// LogFile receives the logs of a detached stack.
func (l Layout) LogFile() string { return filepath.Join(l.Dir, "logs", "obol.log") }

// ChainDir holds the dev chain's state.
func (l Layout) ChainDir() string { return filepath.Join(l.Dir, "chain") }

// InitResult says what Init created and what it found already there.
type InitResult struct {
	DataDir       string   `json:"dataDir"`
	Created       []string `json:"created"`
	WalletAddress string   `json:"walletAddress"`
}

// Init prepares a data dir: the directory (0700), a default config, a master
// key and a wallet. It is idempotent: what exists is kept, never replaced.
func Init(dir string) (InitResult, error) {
	l := Layout{Dir: dir}
	res := InitResult{DataDir: dir, Created: []string{}}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return res, fmt.Errorf("create data dir: %w", err)
	}
	if err := checkWritable(dir); err != nil {
		return res, err
	}
	if _, err := os.Stat(l.Config()); errors.Is(err, os.ErrNotExist) {
		if err := config.Save(l.Config(), config.Default()); err != nil {
			return res, err
		}
		res.Created = append(res.Created, "config")
	} else if _, err := config.Load(l.Config()); err != nil {
		return res, err
	}
	if _, err := os.Stat(l.MasterKey()); errors.Is(err, os.ErrNotExist) {
		if err := atomicfile.Write(l.MasterKey(), []byte(newMasterKey()+"\n"), 0o600); err != nil {
			return res, err
		}
		res.Created = append(res.Created, "master key")
	}
	addr, created, err := ensureKey(WalletOptions(dir))
	if err != nil {
		return res, err
	}
	if created {
		res.Created = append(res.Created, "wallet")
	}
	res.WalletAddress = addr.Hex()
	if _, created, err = ensureKey(FacilitatorKeyOptions(dir)); err != nil {
		return res, err
	} else if created {
		res.Created = append(res.Created, "facilitator key")
	}
	return res, nil
}

func ensureKey(opts wallet.Options) (common.Address, bool, error) {
	addr, err := wallet.Address(opts)
	if errors.Is(err, wallet.ErrNoWallet) {
		addr, err = wallet.Create(opts)
		return addr, err == nil, err
	}
	return addr, false, err
}

// FacilitatorKeyOptions locate the key the embedded facilitator pays
// settlement gas with. It is not the wallet: the two send transactions
// independently and must not share a nonce sequence.
func FacilitatorKeyOptions(dir string) wallet.Options {
	o := WalletOptions(dir)
	o.Name = "facilitator.json"
	return o
}

// WalletOptions locates the stack's wallet in a data dir.
func WalletOptions(dir string) wallet.Options {
	return wallet.Options{Dir: Layout{Dir: dir}.Keys(), Password: wallet.PasswordFromEnv()}
}

// Endpoints are a running stack's listener URLs by name.
type Endpoints map[string]string

// ReadEndpoints returns the listener URLs of the stack running on dir.
func ReadEndpoints(dir string) (Endpoints, error) {
	l := Layout{Dir: dir}
	if pid, _ := RunningPID(l.PIDFile()); pid == 0 {
		return nil, fmt.Errorf("no stack is running on %s: start one with `obol stack up`", dir)
	}
	raw, err := os.ReadFile(l.Endpoints())
	if err != nil {
		return nil, fmt.Errorf("the stack on %s is starting or did not publish its endpoints: %w", dir, err)
	}
	var e Endpoints
	if err := json.Unmarshal(raw, &e); err != nil {
		return nil, fmt.Errorf("read %s: %w", l.Endpoints(), err)
	}
	return e, nil
}

// ReadMasterKey returns the master key of a data dir.
func ReadMasterKey(dir string) (string, error) {
	raw, err := os.ReadFile(Layout{Dir: dir}.MasterKey())
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("no master key in %s: run `obol stack init` first", dir)
	}
	if err != nil {
		return "", fmt.Errorf("read master key: %w", err)
	}
	return strings.TrimSpace(string(raw)), nil
}

func newMasterKey() string {
	b := make([]byte, 24)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	return "sk-obol-" + hex.EncodeToString(b)
}

func checkWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".write-check-*")
	if err != nil {
		return fmt.Errorf("data dir %s is not writable: %w (choose another with --data-dir)", dir, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}
