package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/playbook-ssg/playbook/generator/output"
)

// lockWaitEnv overrides how long a build waits for another build of the
// same output folder (output.DefaultLockWait): a duration such as "2m",
// or seconds.
const lockWaitEnv = "PLAYBOOK_LOCK_WAIT"

// lockWait reads PLAYBOOK_LOCK_WAIT; 0 means the default.
func lockWait() (time.Duration, error) {
	v := strings.TrimSpace(os.Getenv(lockWaitEnv))
	if v == "" {
		return 0, nil
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 0 {
		return time.Duration(n * float64(time.Second)), nil
	}
	if d, err := time.ParseDuration(v); err == nil && d >= 0 {
		return d, nil
	}
	return 0, fmt.Errorf("%s=%q: write a duration such as 30s or 5m", lockWaitEnv, v)
}

// interruptible runs a command that writes an output folder, with a
// context its builds stage the output under (output.WithGuard). On Ctrl-C
// or SIGTERM it removes the unfinished output before returning (the build
// itself is abandoned: the process exits), says so in one line and
// returns 130 or 143, as a shell reports a process ended by the signal.
// A second signal ends the process at once.
func interruptible(cmd string, stderr io.Writer, wait time.Duration, run func(ctx context.Context) int) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	// A build started in the background by a script ignores Ctrl-C, as
	// the shell meant; Notify would undo that.
	if !signal.Ignored(os.Interrupt) {
		signal.Notify(sigs, os.Interrupt)
	}
	defer signal.Stop(sigs)
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	guard := &output.Guard{LockWait: wait, Waiting: func(dest string, pid int) {
		who := "another build"
		if pid > 0 {
			who += fmt.Sprintf(" (pid %d)", pid)
		}
		fmt.Fprintf(stderr, "playbook %s: waiting for %s of %s to finish…\n", cmd, who, dest)
	}}
	done := make(chan int, 1)
	go func() { done <- run(output.WithGuard(ctx, guard)) }()
	select {
	case code := <-done:
		return code
	case sig := <-sigs:
		signal.Stop(sigs) // the default again: a second Ctrl-C ends the process at once
		cancel(fmt.Errorf("%s: %w", signalName(sig), output.ErrInterrupted))
		what := ""
		for _, dest := range guard.Stop() {
			if _, err := os.Stat(dest); err == nil {
				what = fmt.Sprintf("; the unfinished output was removed and %s left as it was", dest)
			} else {
				what = "; the unfinished output was removed"
			}
		}
		fmt.Fprintf(stderr, "playbook %s: interrupted by %s%s\n", cmd, signalName(sig), what)
		if sig == syscall.SIGTERM {
			return 128 + int(syscall.SIGTERM)
		}
		return 128 + int(syscall.SIGINT)
	}
}

func signalName(sig os.Signal) string {
	if sig == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "Ctrl-C (SIGINT)"
}
