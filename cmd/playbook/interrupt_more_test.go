package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/output"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// TestInterruptSaysOneLine: once a signal came, what the build goes on to
// print (its error about being interrupted) is dropped, so the signal's
// line is the only one (before, both were printed, in either order).
func TestInterruptSaysOneLine(t *testing.T) {
	var stderr bytes.Buffer
	sigs := make(chan os.Signal, 1)
	printed := make(chan struct{})
	sigs <- syscall.SIGTERM
	code := untilSignal("build", io.Discard, &stderr, 0, sigs, func() {}, func(ctx context.Context, _, stderr io.Writer) int {
		defer close(printed)
		<-ctx.Done()
		return buildFailed(stderr, fmt.Errorf("waiting for another build of public: %w", context.Cause(ctx)), "public")
	})
	<-printed
	if want := "playbook build: interrupted by SIGTERM\n"; code != 143 || stderr.String() != want {
		t.Errorf("= %d %q, want 143 %q", code, stderr.String(), want)
	}
}

// TestSignalAfterCommit: a signal once the new output is swapped in says
// so, rather than that the build was interrupted (before: "interrupted by
// Ctrl-C (SIGINT)" alone, after waiting for the previous output's
// deletion).
func TestSignalAfterCommit(t *testing.T) {
	src := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	var stderr bytes.Buffer
	sigs := make(chan os.Signal, 1)
	code := untilSignal("build", io.Discard, &stderr, 0, sigs, func() {}, func(ctx context.Context, _, _ io.Writer) int {
		st, err := output.Begin(ctx, out, src)
		if err == nil {
			st.Write("", map[string][]byte{"index.html": []byte("new")})
			err = st.Commit()
		}
		if err != nil {
			t.Error(err)
		}
		sigs <- os.Interrupt // the build goes on: printing, the cache
		<-ctx.Done()
		return 1
	})
	want := fmt.Sprintf("playbook build: interrupted by Ctrl-C (SIGINT), but the build had finished: %s is the new output\n", out)
	if code != 130 || stderr.String() != want {
		t.Errorf("= %d %q, want 130 %q", code, stderr.String(), want)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "new" {
		t.Errorf("index.html = %q", b)
	}
}

// TestLockWaitZeroDoesNotWait: PLAYBOOK_LOCK_WAIT=0 fails at once when
// another build holds the output (before: it waited the default minute).
func TestLockWaitZeroDoesNotWait(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	out := filepath.Join(t.TempDir(), "public")
	held, err := output.Begin(context.Background(), out, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Abort()
	t.Setenv("PLAYBOOK_LOCK_WAIT", "0")
	start := time.Now()
	code, _, stderr := runCLI("build", dir, "-o", out, "--latest-only")
	want := fmt.Sprintf("playbook build: another build (pid %d) is writing %s (PLAYBOOK_LOCK_WAIT=0: not waiting for it): wait for it to end and build again, or set PLAYBOOK_LOCK_WAIT to wait\n", os.Getpid(), out)
	if code != 1 || stderr != want || time.Since(start) > 10*time.Second {
		t.Errorf("build = %d after %s\n%s\nwant 1 at once\n%s", code, time.Since(start), stderr, want)
	}
	for _, bad := range []string{"-1", "-5s"} {
		t.Setenv("PLAYBOOK_LOCK_WAIT", bad)
		if code, _, stderr := runCLI("build", dir, "-o", out, "--latest-only"); code != 2 || !strings.Contains(stderr, "or 0 not to wait") {
			t.Errorf("PLAYBOOK_LOCK_WAIT=%s: %d %s", bad, code, stderr)
		}
	}
}

// syncBuffer is a buffer a process's output is copied into while the test
// reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestSIGTERMWhileWaitingForTheLock: a real build waiting for another
// one's lock, sent SIGTERM, says it was interrupted in one line (before,
// it also printed "waiting for another build of …: SIGTERM: interrupted"
// when its goroutine won the race).
func TestSIGTERMWhileWaitingForTheLock(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	out := filepath.Join(t.TempDir(), "public")
	held, err := output.Begin(context.Background(), out, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Abort()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for range 5 { // the race was won now and then
		cmd := exec.Command(exe, "build", dir, "-o", out, "--latest-only")
		cmd.Env = append(os.Environ(), runMainEnv+"=1", "PLAYBOOK_LOCK_WAIT=60", "PLAYBOOK_CACHE_DIR="+t.TempDir())
		stderr := &syncBuffer{}
		cmd.Stderr = stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for end := time.Now().Add(30 * time.Second); !strings.Contains(stderr.String(), "waiting") && time.Now().Before(end); {
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		want := fmt.Sprintf("playbook build: waiting for another build (pid %d) of %s to finish…\nplaybook build: interrupted by SIGTERM\n", os.Getpid(), out)
		if got := stderr.String(); cmd.ProcessState.ExitCode() != 143 || got != want {
			t.Fatalf("= %d\n%s\nwant 143\n%s", cmd.ProcessState.ExitCode(), got, want)
		}
	}
}
