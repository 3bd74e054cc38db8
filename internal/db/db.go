// Package db is the project's one embedded database: a single bbolt file in
// the data dir that holds the resource store, the facilitator's settlement
// journal and the buyer's auth state.
//
// Durability: every Update commits with fsync (bbolt's NoSync is never set),
// so a transaction that returned nil survives a kill -9 or power loss. The
// file is opened with an exclusive flock, so a second process on the same
// data dir fails fast with ErrLocked instead of corrupting it.
package db

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// FileName is the database file inside a data dir.
const FileName = "obol.db"

// ErrLocked means another process has the database open.
var ErrLocked = errors.New("database is in use by another process")

// Tx and Bucket are bbolt's types; callers use them inside View and Update.
type (
	Tx     = bolt.Tx
	Bucket = bolt.Bucket
)

// DB is an open database. It is safe for concurrent use.
type DB struct {
	bolt *bolt.DB
	path string
}

// Options tune Open. The zero value is right for production.
type Options struct {
	// LockTimeout is how long to wait for another process's lock before
	// giving up with ErrLocked. Default 200ms.
	LockTimeout time.Duration
}

// Open opens (creating if needed) the database at path. A file that is not a
// valid database is reported as such and left untouched: never a silent reset.
func Open(path string, opts Options) (*DB, error) {
	if opts.LockTimeout == 0 {
		opts.LockTimeout = 200 * time.Millisecond
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create database directory: %w", err)
	}
	b, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.LockTimeout, FreelistType: bolt.FreelistMapType})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("open %s: %w", path, ErrLocked)
	case err != nil && !isOSError(err):
		// bbolt's refusals of the file's content (invalid, version
		// mismatch, checksum, "file size too small" for a truncated one).
		return nil, fmt.Errorf("open %s: the file is not a valid obol database (%v); move it aside to start fresh", path, err)
	case err != nil:
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &DB{bolt: b, path: path}, nil
}

// isOSError tells the operating system's refusals (permissions, missing
// directories) apart from bbolt's verdicts on the file's content.
func isOSError(err error) bool {
	var pe *os.PathError
	return errors.As(err, &pe) || errors.Is(err, os.ErrPermission)
}

// OpenDir opens the database file inside a data dir.
func OpenDir(dataDir string) (*DB, error) {
	return Open(filepath.Join(dataDir, FileName), Options{})
}

// Path returns the database file's path.
func (d *DB) Path() string { return d.path }

// View runs fn in a read-only transaction.
func (d *DB) View(fn func(*Tx) error) error { return d.bolt.View(fn) }

// Update runs fn in a read-write transaction, committed (and fsynced) only
// if fn returns nil. Writers are serialized.
func (d *DB) Update(fn func(*Tx) error) error { return d.bolt.Update(fn) }

// Batch is Update for many concurrent small writers: calls arriving together
// share one commit. fn may run more than once, so it must be idempotent.
func (d *DB) Batch(fn func(*Tx) error) error { return d.bolt.Batch(fn) }

// Close closes the database, waiting for open transactions.
func (d *DB) Close() error { return d.bolt.Close() }

// EnsureBuckets creates the named top-level buckets if they are missing.
func (d *DB) EnsureBuckets(names ...string) error {
	return d.Update(func(tx *Tx) error {
		for _, n := range names {
			if _, err := tx.CreateBucketIfNotExists([]byte(n)); err != nil {
				return fmt.Errorf("create bucket %s: %w", n, err)
			}
		}
		return nil
	})
}
