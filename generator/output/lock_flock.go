//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package output

import (
	"errors"
	"os"
	"syscall"
)

// removeWhileLocked: on these systems a locked file can be deleted, and
// tryAcquire notices a lock taken on a deleted file.
const removeWhileLocked = true

// lockIsReal: flock is a real lock, so a build holding it knows that no
// other build is writing beside the output.
const lockIsReal = true

// tryLockFile takes an exclusive flock on f without waiting, reporting
// false when another process holds it.
func tryLockFile(f *os.File) (bool, error) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, nil
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, nil
		case errors.Is(err, syscall.EINTR):
			continue
		default:
			return false, err
		}
	}
}

func unlockFile(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
}
