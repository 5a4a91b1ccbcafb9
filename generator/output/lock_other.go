//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly || windows)

package output

import "os"

// removeWhileLocked: without locks there is nothing to keep.
const removeWhileLocked = true

// lockIsReal: builds are not kept apart here, so removeStale keeps to
// what is old enough not to be another build's work.
const lockIsReal = false

// tryLockFile: this system has no file lock that Go offers without cgo,
// so builds of one output are not kept apart here.
func tryLockFile(*os.File) (bool, error) { return true, nil }

func unlockFile(*os.File) error { return nil }
