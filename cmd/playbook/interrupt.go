package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/playbook-ssg/playbook/generator/output"
)

// lockWaitEnv overrides how long a build waits for another build of the
// same output folder (output.DefaultLockWait): a duration such as "2m",
// or seconds.
const lockWaitEnv = "PLAYBOOK_LOCK_WAIT"

// lockWait reads PLAYBOOK_LOCK_WAIT: unset means the default
// (output.DefaultLockWait), 0 not to wait at all (output.NoLockWait).
func lockWait() (time.Duration, error) {
	v := strings.TrimSpace(os.Getenv(lockWaitEnv))
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if n, nerr := strconv.ParseFloat(v, 64); nerr == nil {
		d, err = time.Duration(n*float64(time.Second)), nil
	}
	if err != nil || d < 0 {
		return 0, fmt.Errorf("%s=%q: write a duration such as 30s or 5m, or 0 not to wait", lockWaitEnv, v)
	}
	if d == 0 {
		return output.NoLockWait, nil
	}
	return d, nil
}

// interruptible runs a command that writes an output folder, with a
// context its builds stage the output under (output.WithGuard). On Ctrl-C
// or SIGTERM it removes the unfinished output before returning (the build
// itself is abandoned: the process exits), says so in one line and
// returns 130 or 143, as a shell reports a process ended by the signal.
// A second signal ends the process at once.
func interruptible(cmd string, stdout, stderr io.Writer, wait time.Duration, run func(ctx context.Context, stdout, stderr io.Writer) int) int {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGTERM)
	// A build started in the background by a script ignores Ctrl-C, as
	// the shell meant; Notify would undo that.
	if !signal.Ignored(os.Interrupt) {
		signal.Notify(sigs, os.Interrupt)
	}
	defer signal.Stop(sigs)
	// signal.Stop: the default again, so a second Ctrl-C ends the process
	// at once.
	return untilSignal(cmd, stdout, stderr, wait, sigs, func() { signal.Stop(sigs) }, run)
}

// untilSignal is interruptible with the signals coming from sigs, and
// unnotify called on the first.
//
// Once a signal came, the message about it is the only thing the command
// says: the build goes on in its goroutine until the process exits, and
// what it would print (its error about being interrupted, say) is
// dropped. When the new output was already swapped in, the message says
// so: the output is complete, only the deletion of the previous one is
// abandoned (the next build removes what is left of it).
func untilSignal(cmd string, stdout, stderr io.Writer, wait time.Duration, sigs <-chan os.Signal, unnotify func(), run func(ctx context.Context, stdout, stderr io.Writer) int) int {
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	buildOut, buildErr := &gate{w: stdout}, &gate{w: stderr}
	guard := &output.Guard{LockWait: wait, Waiting: func(dest string, pid int) {
		who := "another build"
		if pid > 0 {
			who += fmt.Sprintf(" (pid %d)", pid)
		}
		fmt.Fprintf(buildErr, "playbook %s: waiting for %s of %s to finish…\n", cmd, who, dest)
	}}
	done := make(chan int, 1)
	go func() { done <- run(output.WithGuard(ctx, guard), buildOut, buildErr) }()
	select {
	case code := <-done:
		return code
	case sig := <-sigs:
		unnotify()
		buildOut.close()
		buildErr.close()
		cancel(fmt.Errorf("%s: %w", signalName(sig), output.ErrInterrupted))
		stopped := guard.Stop()
		what := ""
		switch {
		case len(stopped.Aborted) > 0:
			dest := stopped.Aborted[len(stopped.Aborted)-1]
			what = "; the unfinished output was removed"
			if _, err := os.Stat(dest); err == nil {
				what += fmt.Sprintf(" and %s left as it was", dest)
			}
		case len(stopped.Committed) > 0:
			what = fmt.Sprintf(", but the build had finished: %s is the new output", stopped.Committed[len(stopped.Committed)-1])
		}
		fmt.Fprintf(stderr, "playbook %s: interrupted by %s%s\n", cmd, signalName(sig), what)
		if sig == syscall.SIGTERM {
			return 128 + int(syscall.SIGTERM)
		}
		return 128 + int(syscall.SIGINT)
	}
}

// gate passes writes on until closed, then drops them.
type gate struct {
	mu     sync.Mutex
	w      io.Writer
	closed bool
}

func (g *gate) Write(p []byte) (int, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.closed {
		return len(p), nil
	}
	return g.w.Write(p)
}

// close waits for a write under way, and drops those after.
func (g *gate) close() {
	g.mu.Lock()
	g.closed = true
	g.mu.Unlock()
}

func signalName(sig os.Signal) string {
	if sig == syscall.SIGTERM {
		return "SIGTERM"
	}
	return "Ctrl-C (SIGINT)"
}
