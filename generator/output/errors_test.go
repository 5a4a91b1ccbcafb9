package output

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
)

// fullDisk writes the first room files and folders, then fails every
// write as a full disk does.
type fullDisk struct{ room atomic.Int64 }

func (d *fullDisk) full(op, name string) error {
	if d.room.Add(-1) >= 0 {
		return nil
	}
	return &fs.PathError{Op: op, Path: name, Err: syscall.ENOSPC}
}

func (d *fullDisk) WriteFile(name string, data []byte, perm os.FileMode) error {
	if err := d.full("open", name); err != nil {
		return err
	}
	return os.WriteFile(name, data, perm)
}

func (d *fullDisk) Mkdir(name string, perm os.FileMode) error {
	if err := d.full("mkdir", name); err != nil {
		return err
	}
	return os.Mkdir(name, perm)
}

func (d *fullDisk) MkdirAll(name string, perm os.FileMode) error {
	if err := d.full("mkdir", name); err != nil {
		return err
	}
	return os.MkdirAll(name, perm)
}

func begin(t *testing.T, room int64) (*Staging, string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	st, err := Begin(context.Background(), dest, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Abort() })
	d := &fullDisk{}
	d.room.Store(room)
	st.disk = d
	return st, dest
}

func pages(n int, dir string) map[string][]byte {
	files := map[string][]byte{}
	for i := range n {
		files[fmt.Sprintf("%sp%03d.html", dir, i)] = []byte("page")
	}
	return files
}

// TestDiskFullIsOneMessage: every way of writing an output reports a full
// disk as one line, with how many files failed, one of them, and what to
// do (before, Write printed one error per file).
func TestDiskFullIsOneMessage(t *testing.T) {
	t.Run("Write", func(t *testing.T) {
		st, dest := begin(t, 10) // the version's folder and 9 files
		err := st.Write("v/v1/", pages(312, ""))
		want := fmt.Sprintf("no space left on device writing 303 files under %s/, e.g. %s/v/v1/p", dest, dest)
		checkOneLine(t, err, want)
	})
	t.Run("folders", func(t *testing.T) {
		st, dest := begin(t, 1) // the version's folder, then no more
		files := map[string][]byte{}
		for i := range 40 {
			files[fmt.Sprintf("d%02d/index.html", i)] = []byte("page")
		}
		err := st.Write("v/v1/", files)
		want := fmt.Sprintf("no space left on device creating 40 folders under %s/, e.g. %s/v/v1/d", dest, dest)
		checkOneLine(t, err, want)
	})
	t.Run("Stream", func(t *testing.T) {
		st, dest := begin(t, 2) // the root, and one file
		w, err := st.Stream("")
		if err != nil {
			t.Fatal(err)
		}
		for i := range 300 {
			w.Put(fmt.Sprintf("p%03d.html", i), []byte("page"))
		}
		err = w.Close()
		want := fmt.Sprintf("no space left on device writing 299 files under %s/, e.g. %s/p", dest, dest)
		checkOneLine(t, err, want)
	})
	t.Run("Commit", func(t *testing.T) {
		st, dest := begin(t, 0)
		err := st.Commit()
		want := fmt.Sprintf("writing %s/%s: open ", dest, Marker)
		checkOneLine(t, err, want)
		if _, serr := os.Stat(dest); serr == nil {
			t.Errorf("a failed Commit put the output in place")
		}
	})
	t.Run("one file", func(t *testing.T) {
		st, dest := begin(t, 0)
		err := st.Write("", pages(1, ""))
		want := fmt.Sprintf("writing %s/p000.html: no space left on device", dest)
		checkOneLine(t, err, want)
	})
}

func checkOneLine(t *testing.T, err error, prefix string) {
	t.Helper()
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") {
		t.Errorf("%d lines, want one: %.300s", strings.Count(msg, "\n")+1, msg)
	}
	if !strings.HasPrefix(msg, prefix) {
		t.Errorf("error = %q, want it to start %q", msg, prefix)
	}
	if !strings.HasSuffix(msg, ": free some space and build again") {
		t.Errorf("error = %q, want it to say what to do", msg)
	}
}
