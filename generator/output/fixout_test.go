package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestNoLockWaitFailsAtOnce: LockWait NoLockWait (PLAYBOOK_LOCK_WAIT=0)
// does not wait for another build of the output, nor says it waits
// (before, 0 meant the default, a minute).
func TestNoLockWaitFailsAtOnce(t *testing.T) {
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "site")
	first, err := Begin(context.Background(), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Abort()
	told := 0
	g := &Guard{LockWait: NoLockWait, Waiting: func(string, int) { told++ }}
	start := time.Now()
	done := make(chan error, 1)
	go func() {
		_, err := Begin(WithGuard(context.Background(), g), dest, src)
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Begin with NoLockWait still waiting after 5s")
	}
	var busy *BusyError
	if !errors.As(err, &busy) || time.Since(start) > 2*time.Second {
		t.Fatalf("Begin = %v after %s, want a BusyError at once", err, time.Since(start))
	}
	want := fmt.Sprintf("another build (pid %d) is writing %s (PLAYBOOK_LOCK_WAIT=0: not waiting for it): wait for it to end and build again, or set PLAYBOOK_LOCK_WAIT to wait", os.Getpid(), dest)
	if err.Error() != want {
		t.Errorf("error = %q\nwant    %q", err, want)
	}
	if told != 0 {
		t.Errorf("said it waits %d times, want none", told)
	}
}

// TestStopAfterCommitReportsTheNewOutput: a signal once the new output is
// swapped in does not wait for the previous output's deletion, and Stop
// says the new output is in place rather than that something was
// interrupted (before, Stop waited for the deletion and reported nothing).
func TestStopAfterCommitReportsTheNewOutput(t *testing.T) {
	src, parent := t.TempDir(), t.TempDir()
	dest := filepath.Join(parent, "site")
	if err := Write(dest, src, map[string][]byte{"index.html": []byte("previous")}); err != nil {
		t.Fatal(err)
	}
	g := &Guard{}
	st, err := Begin(WithGuard(context.Background(), g), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write("", map[string][]byte{"index.html": []byte("new")}); err != nil {
		t.Fatal(err)
	}
	deleting, release := make(chan struct{}), make(chan struct{})
	st.removeOld = func(dir string) error { // a deletion that takes long
		close(deleting)
		<-release
		return removeAll(dir)
	}
	committed := make(chan error, 1)
	go func() { committed <- st.Commit() }()
	<-deleting
	stopped := make(chan Stopped, 1)
	go func() { stopped <- g.Stop() }()
	select {
	case got := <-stopped:
		if len(got.Aborted) > 0 || len(got.Committed) != 1 || got.Committed[0] != dest {
			t.Errorf("Stop = %+v, want nothing aborted and %s committed", got, dest)
		}
	case <-time.After(5 * time.Second):
		t.Error("Stop waited for the previous output's deletion")
		close(release)
		<-stopped
		<-committed
		return
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "new" {
		t.Errorf("index.html = %q, want the new output", b)
	}
	close(release)
	if err := <-committed; err != nil {
		t.Errorf("Commit = %v", err)
	}
	if got := strings.Join(list(parent), ","); got != "site" {
		t.Errorf("beside the output: %s, want site alone", got)
	}
}

// TestStaleLeftoversWithoutALock: where the output lock is no lock
// (lockIsReal false: illumos, AIX, WASI …), a leftover folder is removed
// only once it is an hour old, since a build running beside may own a
// recent one; with a real lock, whatever its age.
func TestStaleLeftoversWithoutALock(t *testing.T) {
	parent := t.TempDir()
	mk := func(name string, age time.Duration) {
		dir := filepath.Join(parent, name)
		os.MkdirAll(filepath.Join(dir, "p"), 0o755)
		os.WriteFile(filepath.Join(dir, "p", "index.html"), []byte("x"), 0o644)
		os.WriteFile(filepath.Join(dir, Marker), []byte(markerText), 0o644)
		then := time.Now().Add(-age)
		os.Chtimes(dir, then, then)
	}
	mk(".site.tmp-old", 2*time.Hour)
	mk(".site.tmp-live", time.Minute)
	removeStaleOlder(parent, "site", false)
	if got := strings.Join(list(parent), ","); got != ".site.tmp-live" {
		t.Errorf("without a lock, left %s, want .site.tmp-live alone", got)
	}
	removeStaleOlder(parent, "site", true)
	if got := list(parent); len(got) > 0 {
		t.Errorf("with a lock, left %s, want nothing", got)
	}
}

// TestLockFileOfAnotherUser: a lock file this user may not open (left by
// another user's build killed with kill -9) is named with what to do.
func TestLockFileOfAnotherUser(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".public.lock")
	if err := os.WriteFile(p, []byte("4242\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	denied := &fs.PathError{Op: "open", Path: p, Err: fs.ErrPermission}
	want := "opening the lock file " + p + ": open " + p + ": permission denied: remove it if no build is running, or build as its owner"
	if got := lockFileError(p, denied).Error(); got != want {
		t.Errorf("error = %q\nwant    %q", got, want)
	}
	if os.Geteuid() != 0 { // root opens any file
		os.Chmod(p, 0o444)
		if _, err := tryAcquire(p); err == nil || !strings.HasSuffix(err.Error(), "remove it if no build is running, or build as its owner") {
			t.Errorf("tryAcquire = %v, want the advice", err)
		}
	}
}
