package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestRemovalKeepsTheMarkerToTheEnd: a removal cut short (a build killed
// while deleting the previous output) leaves a folder that still shows it
// is playbook's, so the next build removes the rest.
func TestRemovalKeepsTheMarkerToTheEnd(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".site.tmp-1.old")
	for _, name := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		os.MkdirAll(filepath.Join(dir, name), 0o755)
		os.WriteFile(filepath.Join(dir, name, "index.html"), []byte(name), 0o644)
	}
	os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
	killed := errors.New("killed")
	err := removeTree(dir, func(p string) error {
		if filepath.Base(p) == "e" {
			return killed // the build dies here
		}
		return os.RemoveAll(p)
	})
	if !errors.Is(err, killed) {
		t.Fatalf("removeTree = %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, Marker)); err != nil {
		t.Errorf("the marker went before the rest: %v", err)
	}
}

// TestEmptyOutputMarkedBeforeMovedAside: an empty folder playbook did not
// make (which it may replace) gets the marker when moved aside, so if the
// build dies before deleting it, the next build knows it as its own.
func TestEmptyOutputMarkedBeforeMovedAside(t *testing.T) {
	parent := t.TempDir()
	dest, tmp := filepath.Join(parent, "site"), filepath.Join(parent, ".site.tmp-1")
	os.Mkdir(dest, 0o755)
	os.Mkdir(tmp, 0o755)
	old, err := swapIn(tmp, dest)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(old, Marker)); err != nil {
		t.Errorf("%s has no marker: %v", old, err)
	}
}

// TestSecondBuildWaitsThenSaysWhoHoldsTheOutput: while a build holds the
// output, another waits, says so once, and gives up after the wait with
// the holder's pid and what to do.
func TestSecondBuildWaitsThenSaysWhoHoldsTheOutput(t *testing.T) {
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "site")
	first, err := Begin(context.Background(), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	var told []string
	g := &Guard{LockWait: 300 * time.Millisecond, Waiting: func(d string, pid int) { told = append(told, fmt.Sprintf("%s %d", d, pid)) }}
	start := time.Now()
	_, err = Begin(WithGuard(context.Background(), g), dest, src)
	waited := time.Since(start)
	var busy *BusyError
	if !errors.As(err, &busy) {
		t.Fatalf("second Begin = %v, want a BusyError", err)
	}
	if waited < 300*time.Millisecond || waited > 3*time.Second {
		t.Errorf("waited %s, want about 300ms", waited)
	}
	want := fmt.Sprintf("another build (pid %d) is writing %s and did not finish within 300ms", os.Getpid(), dest)
	if !strings.HasPrefix(err.Error(), want) || !strings.Contains(err.Error(), "PLAYBOOK_LOCK_WAIT") {
		t.Errorf("error = %q, want it to start %q and say how to wait longer", err, want)
	}
	if len(told) != 1 || told[0] != fmt.Sprintf("%s %d", dest, os.Getpid()) {
		t.Errorf("told %q, want once, with the output and pid", told)
	}
}

// TestSecondBuildGoesOnWhenTheFirstEnds: a build waiting for another one
// proceeds as soon as the first has committed, and the lock file is gone
// once both are done.
func TestSecondBuildGoesOnWhenTheFirstEnds(t *testing.T) {
	src, parent := t.TempDir(), t.TempDir()
	dest := filepath.Join(parent, "site")
	first, err := Begin(context.Background(), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(200 * time.Millisecond)
		first.Write("", map[string][]byte{"index.html": []byte("first")})
		first.Commit()
	}()
	g := &Guard{LockWait: 10 * time.Second}
	second, err := Begin(WithGuard(context.Background(), g), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "first" {
		t.Errorf("the second build began before the first committed: index.html = %q", b)
	}
	second.Write("", map[string][]byte{"index.html": []byte("second")})
	if err := second.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(list(parent), ","); got != "site" {
		t.Errorf("beside the output: %s, want site alone", got)
	}
}

// TestConcurrentBuildsOfOneOutput: builds of one output at once all
// succeed, one after the other, and leave nothing beside it (before the
// lock, some failed with "rename: file exists").
func TestConcurrentBuildsOfOneOutput(t *testing.T) {
	src, parent := t.TempDir(), t.TempDir()
	dest := filepath.Join(parent, "site")
	files := map[string][]byte{}
	for i := range 100 {
		files[fmt.Sprintf("p%d/index.html", i)] = []byte("page")
	}
	var wg sync.WaitGroup
	errs := make([]error, 20)
	for i := range errs {
		wg.Go(func() { errs[i] = Write(dest, src, files) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("build %d: %v", i, err)
		}
	}
	if got := strings.Join(list(parent), ","); got != "site" {
		t.Errorf("beside the output: %s, want site alone", got)
	}
}

// TestGuardStopRemovesTheUnfinishedOutput: what a signal handler does
// while the build goes on writing: the temporary folder and the lock file
// are gone when Stop returns, the previous output is as it was, later
// writes fail without recreating anything, and no new output begins.
func TestGuardStopRemovesTheUnfinishedOutput(t *testing.T) {
	src, parent := t.TempDir(), t.TempDir()
	dest := filepath.Join(parent, "site")
	if err := Write(dest, src, map[string][]byte{"index.html": []byte("previous")}); err != nil {
		t.Fatal(err)
	}
	g := &Guard{}
	ctx := WithGuard(context.Background(), g)
	st, err := Begin(ctx, dest, src)
	if err != nil {
		t.Fatal(err)
	}
	stream, err := st.Stream("")
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	writing := make(chan struct{})
	go func() { // the build, still rendering
		defer close(writing)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			stream.Put(fmt.Sprintf("d%d/e%d/index.html", i%50, i), []byte("page"))
		}
	}()
	time.Sleep(100 * time.Millisecond)
	if got := g.Stop(); len(got.Aborted) != 1 || got.Aborted[0] != dest || len(got.Committed) > 0 {
		t.Errorf("Stop aborted %q, want [%s]", got, dest)
	}
	if got := strings.Join(list(parent), ","); got != "site" {
		t.Errorf("beside the output after Stop: %s, want site alone", got)
	}
	time.Sleep(50 * time.Millisecond) // the build writes on meanwhile
	close(stop)
	<-writing
	if err := stream.Close(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("writes after Stop: %v, want ErrInterrupted", err)
	}
	if got := strings.Join(list(parent), ","); got != "site" {
		t.Errorf("beside the output once the build stopped: %s, want site alone", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "previous" {
		t.Errorf("previous output changed: %q", b)
	}
	if err := st.Commit(); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Commit after Stop = %v", err)
	}
	if _, err := Begin(ctx, dest, src); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Begin after Stop = %v, want ErrInterrupted", err)
	}
}

// TestWaitEndsWithTheContext: a build waiting for another one gives up at
// once when it is interrupted.
func TestWaitEndsWithTheContext(t *testing.T) {
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "site")
	first, err := Begin(context.Background(), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = Begin(WithGuard(ctx, &Guard{LockWait: time.Minute}), dest, src)
	if !errors.Is(err, context.Canceled) || time.Since(start) > 5*time.Second {
		t.Errorf("Begin = %v after %s, want context.Canceled soon", err, time.Since(start))
	}
}
