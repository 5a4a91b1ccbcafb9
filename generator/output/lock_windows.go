//go:build windows

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// removeWhileLocked: Windows cannot delete a file another process has
// open, so the lock file stays beside the output.
const removeWhileLocked = false

// lockedByte is the byte locked: far past the pid written at the start,
// which a waiting build reads (Windows locks keep others from reading
// what they cover).
const lockedByte = 1 << 30

// lockIsReal: LockFileEx is a real lock, so a build holding it knows
// that no other build is writing beside the output.
const lockIsReal = true

// tryLockFile locks one byte of f exclusively without waiting, reporting
// false when another process holds it.
func tryLockFile(f *os.File) (bool, error) {
	ol := windows.Overlapped{Offset: lockedByte}
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return false, nil
	}
	return err == nil, err
}

func unlockFile(f *os.File) error {
	ol := windows.Overlapped{Offset: lockedByte}
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
