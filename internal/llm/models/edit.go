package models

import (
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"github.com/obol-dev/obol/internal/atomicfile"
	"github.com/obol-dev/obol/internal/llm/config"
)

// Lock is the lock file that serializes edits of the source config: the
// stack process (the purchase reconciler's paid/<model> routes) and the CLI
// (`obol model …`) both edit it.
func (d Dir) Lock() string { return filepath.Join(d.Root, "llm", "models.lock") }

// Edit is the only way to change the source config: under an exclusive
// flock on Lock, it loads the source, applies fn, and writes the result
// atomically. When fn returns an error nothing is written. Edits from
// goroutines and processes are serialized, so none undoes another.
func (d Dir) Edit(fn func(*config.Config) error) error {
	unlock, err := d.lock()
	if err != nil {
		return err
	}
	defer unlock()
	cfg, err := d.Load()
	if err != nil {
		return err
	}
	if err := fn(cfg); err != nil {
		return err
	}
	return d.save(cfg)
}

// EnsureSource writes the starter config when the source is missing.
func (d Dir) EnsureSource() error {
	unlock, err := d.lock()
	if err != nil {
		return err
	}
	defer unlock()
	if _, err := os.Stat(d.Source()); err == nil {
		return nil
	}
	return atomicfile.Write(d.Source(), []byte(starter), 0o600)
}

// lock takes the exclusive lock; the returned func releases it.
func (d Dir) lock() (func(), error) {
	if err := os.MkdirAll(filepath.Dir(d.Lock()), 0o700); err != nil {
		return nil, fmt.Errorf("lock model config: %w", err)
	}
	f, err := os.OpenFile(d.Lock(), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock model config: %w", err)
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock model config %s: %w", d.Lock(), err)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// save writes the source config; callers hold the lock (see Edit).
func (d Dir) save(c *config.Config) error {
	b, err := c.Marshal()
	if err != nil {
		return err
	}
	return atomicfile.Write(d.Source(), b, 0o600)
}
