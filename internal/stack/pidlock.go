package stack

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// ErrRunning means another stack holds the data dir.
var ErrRunning = errors.New("a stack is already running on this data dir")

// pidLock is an flock on the pid file: held for the life of the process, so
// it disappears with a kill -9 and never needs manual cleanup.
type pidLock struct{ f *os.File }

func lockPID(path string) (*pidLock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create run dir: %w", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open pid file: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		pid, _ := RunningPID(path)
		return nil, fmt.Errorf("%w (pid %d): stop it with `obol stack down` or use another --data-dir", ErrRunning, pid)
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, fmt.Errorf("write pid file: %w", err)
	}
	if _, err := f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0); err != nil {
		f.Close()
		return nil, fmt.Errorf("write pid file: %w", err)
	}
	return &pidLock{f: f}, nil
}

func (l *pidLock) release() {
	if l == nil || l.f == nil {
		return
	}
	_ = l.f.Truncate(0)
	_ = syscall.Flock(int(l.f.Fd()), syscall.LOCK_UN)
	_ = l.f.Close()
	l.f = nil
}

// RunningPID returns the pid of the stack running on the pid file, or 0 when
// none holds the lock.
func RunningPID(path string) (int, error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err == nil {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		return 0, nil // nobody holds it: a stale file from a killed stack
	}
	raw := make([]byte, 32)
	n, _ := f.Read(raw)
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw[:n])))
	if err != nil {
		return 0, fmt.Errorf("pid file %s holds no pid", path)
	}
	return pid, nil
}
