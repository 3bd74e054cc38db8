package stack

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInitIsIdempotent(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	first, err := Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([]string{"config", "master key", "wallet", "facilitator key"}, first.Created); d != "" {
		t.Fatalf("first init created (-want +got):\n%s", d)
	}
	key1, err := ReadMasterKey(dir)
	if err != nil || !strings.HasPrefix(key1, "sk-obol-") {
		t.Fatalf("master key %q, %v", key1, err)
	}
	second, err := Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Created) != 0 || second.WalletAddress != first.WalletAddress {
		t.Fatalf("second init changed things: %+v", second)
	}
	if key2, _ := ReadMasterKey(dir); key2 != key1 {
		t.Fatal("master key replaced")
	}
	st, _ := os.Stat(Layout{Dir: dir}.MasterKey())
	if st.Mode().Perm() != 0o600 {
		t.Fatalf("master key mode %v", st.Mode().Perm())
	}
}

func TestInitRefusesBrokenConfig(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "config.yaml"), []byte("listen: [oops\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Init(dir)
	if err == nil || !strings.Contains(err.Error(), "config.yaml") {
		t.Fatalf("Init over a broken config = %v; want an error naming the file", err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "config.yaml"))
	if string(raw) != "listen: [oops\n" {
		t.Fatal("the broken config was rewritten")
	}
}

func TestInitUnwritableDir(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Init(filepath.Join(file, "data")); err == nil || !strings.Contains(err.Error(), "create data dir") {
		t.Fatalf("Init under a file = %v", err)
	}
}

func TestPIDLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "run", "obol.pid")
	l, err := lockPID(path)
	if err != nil {
		t.Fatal(err)
	}
	if pid, _ := RunningPID(path); pid != os.Getpid() {
		t.Fatalf("RunningPID = %d, want %d", pid, os.Getpid())
	}
	_, err = lockPID(path)
	if !errors.Is(err, ErrRunning) || !strings.Contains(err.Error(), "pid") {
		t.Fatalf("second lock = %v, want ErrRunning naming the pid", err)
	}
	l.release()
	if pid, _ := RunningPID(path); pid != 0 {
		t.Fatalf("after release RunningPID = %d", pid)
	}
	l2, err := lockPID(path)
	if err != nil {
		t.Fatalf("relock after release: %v", err)
	}
	l2.release()
}

func TestListenAllRollsBack(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	_, err = listenAll([]listenerSpec{
		{name: "local", addr: "127.0.0.1:0", flag: "--local-addr", env: "OBOL_LOCAL_ADDR"},
		{name: "public", addr: busy.Addr().String(), flag: "--public-addr", env: "OBOL_PUBLIC_ADDR"},
	})
	if err == nil || !strings.Contains(err.Error(), "public listener") || !strings.Contains(err.Error(), "--public-addr") || !strings.Contains(err.Error(), "in use") {
		t.Fatalf("listenAll error = %v", err)
	}
}
