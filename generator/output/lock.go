package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// DefaultLockWait is how long a build waits for another build of the same
// output folder to finish before giving up.
const DefaultLockWait = time.Minute

// lockPoll is how often a waiting build tries the lock again.
const lockPoll = 100 * time.Millisecond

// BusyError says that another build holds the output folder and did not
// finish within the wait.
type BusyError struct {
	Dest   string
	PID    int // the other build's process, 0 if unknown
	Waited time.Duration
}

func (e *BusyError) Error() string {
	who := "another build"
	if e.PID > 0 {
		who = fmt.Sprintf("another build (pid %d)", e.PID)
	}
	if e.Waited <= 0 {
		return fmt.Sprintf("%s is writing %s (PLAYBOOK_LOCK_WAIT=0: not waiting for it): wait for it to end and build again, or set PLAYBOOK_LOCK_WAIT to wait", who, e.Dest)
	}
	return fmt.Sprintf("%s is writing %s and did not finish within %s: wait for it to end and build again, or set PLAYBOOK_LOCK_WAIT to wait longer", who, e.Dest, e.Waited.Round(time.Millisecond))
}

// outputLock is held by the one build writing an output folder, so that a
// second build waits rather than swap folders under the first. It is an
// operating-system lock on a file beside the output (".public.lock"),
// released by the kernel when a build dies however it dies.
type outputLock struct {
	f    *os.File
	path string
}

// lockPath is the lock file of the output folder dest (canonical).
func lockPath(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+".lock")
}

// acquireLock takes the lock of dest, waiting up to wait for another build
// to release it (told once to waiting, with that build's pid); a wait of
// 0 fails at once. It gives up early when ctx ends.
func acquireLock(ctx context.Context, dest, name string, wait time.Duration, waiting func(pid int)) (*outputLock, error) {
	p := lockPath(dest)
	deadline := time.Now().Add(wait)
	told := false
	for {
		l, err := tryAcquire(p)
		if err != nil {
			return nil, err
		}
		if l != nil {
			return l, nil
		}
		pid := lockHolder(p)
		if wait <= 0 || time.Now().After(deadline) {
			return nil, &BusyError{Dest: name, PID: pid, Waited: wait}
		}
		if !told && waiting != nil {
			waiting(pid)
			told = true
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("waiting for another build of %s: %w", name, context.Cause(ctx))
		case <-time.After(min(lockPoll, time.Until(deadline)+time.Millisecond)):
		}
	}
}

// tryAcquire takes the lock at p if it is free, returning nil if another
// process holds it. A build releasing the lock deletes the file, so after
// locking, the file must still be the one at p: otherwise a build that
// came later may hold a new file there, and the attempt starts over.
func tryAcquire(p string) (*outputLock, error) {
	for {
		f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, lockFileError(p, err)
		}
		ok, err := tryLockFile(f)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("locking %s: %w", p, err)
		}
		if !ok {
			f.Close()
			return nil, nil
		}
		if !sameFile(f, p) {
			f.Close()
			continue
		}
		// The pid, for the message of a build that has to wait.
		_ = f.Truncate(0)
		_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
		return &outputLock{f: f, path: p}, nil
	}
}

// lockFileError says why the lock file at p could not be opened, and
// what to do when it is a lock file left by a build killed with kill -9
// that another user ran (the kernel's lock is gone with the process, the
// file stays, and this user may not open it).
func lockFileError(p string, err error) error {
	if _, serr := os.Lstat(p); serr == nil && errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("opening the lock file %s: %w: remove it if no build is running, or build as its owner", p, err)
	}
	return fmt.Errorf("creating the lock file %s: %w", p, err)
}

// sameFile reports whether f is still the file at p.
func sameFile(f *os.File, p string) bool {
	a, err := f.Stat()
	if err != nil {
		return false
	}
	b, err := os.Stat(p)
	return err == nil && os.SameFile(a, b)
}

// lockHolder reads the pid the holder of the lock at p wrote, 0 if none.
func lockHolder(p string) int {
	b, err := os.ReadFile(p)
	if err != nil {
		return 0
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return 0
	}
	return pid
}

// release deletes the lock file (where that is safe while it is locked,
// see removeWhileLocked) and unlocks it. Deleting first means a build
// waiting on this file finds it gone once it gets the lock, and tries the
// new one.
func (l *outputLock) release() {
	if l == nil || l.f == nil {
		return
	}
	if removeWhileLocked {
		_ = os.Remove(l.path)
	}
	_ = unlockFile(l.f)
	_ = l.f.Close()
	l.f = nil
}
