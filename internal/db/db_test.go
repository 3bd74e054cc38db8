package db

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUpdateIsAtomicAndDurable(t *testing.T) {
	path := filepath.Join(t.TempDir(), FileName)
	d, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := d.EnsureBuckets("b"); err != nil {
		t.Fatal(err)
	}
	if err := d.Update(func(tx *Tx) error { return tx.Bucket([]byte("b")).Put([]byte("k"), []byte("v1")) }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err = d.Update(func(tx *Tx) error {
		if err := tx.Bucket([]byte("b")).Put([]byte("k"), []byte("v2")); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("Update error = %v, want boom", err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	d, err = Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	var got string
	_ = d.View(func(tx *Tx) error { got = string(tx.Bucket([]byte("b")).Get([]byte("k"))); return nil })
	if got != "v1" {
		t.Fatalf("after reopen k = %q, want v1 (the failed update must not apply)", got)
	}
}

func TestSecondOpenIsRefused(t *testing.T) {
	dir := t.TempDir()
	d, err := OpenDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	_, err = OpenDir(dir)
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("second open error = %v, want ErrLocked", err)
	}
}

func TestCorruptFileIsNotReset(t *testing.T) {
	for name, junk := range map[string][]byte{
		"overwritten": []byte(strings.Repeat("not a database ", 2000)),
		"truncated":   []byte(strings.Repeat("\xab", 4100)), // shorter than the two meta pages
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(path, junk, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Open(path, Options{})
			if err == nil || !strings.Contains(err.Error(), "not a valid obol database") {
				t.Fatalf("open corrupt file error = %v, want a clear message", err)
			}
			after, _ := os.ReadFile(path)
			if string(after) != string(junk) {
				t.Fatal("the corrupt file was modified")
			}
		})
	}
}

func TestUnreadableDirIsNotCalledCorrupt(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(filepath.Join(file, FileName), Options{})
	if err == nil || strings.Contains(err.Error(), "not a valid obol database") {
		t.Fatalf("open under a regular file = %v; an OS error must not be reported as corruption", err)
	}
}
