package watch

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

func TestIgnored(t *testing.T) {
	for _, name := range []string{"a.md~", ".a.md.swp", ".#a.md", "4913", "sedAb12Cd", "a.md___jb_tmp___", ".goutputstream-XYZ", "x.tmp"} {
		if !Ignored(name) {
			t.Errorf("%s not ignored", name)
		}
	}
	for _, name := range []string{"a.md", "sed.md", "style.css", "playbook.toml"} {
		if Ignored(name) {
			t.Errorf("%s ignored", name)
		}
	}
}

func next(t *testing.T, w *Watcher) []string {
	t.Helper()
	select {
	case batch := <-w.Changes():
		return batch
	case <-time.After(5 * time.Second):
		t.Fatal("no change reported")
		return nil
	}
}

func testWatch(t *testing.T, poll bool) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content"), 0o755)
	w, err := New(root, []string{"content", "static"}, []string{"playbook.toml"}, Options{Poll: poll, Interval: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	time.Sleep(100 * time.Millisecond)
	write := func(rel, text string) { fixture.WriteFile(t, root, rel, text) }
	// A burst of saves arrives as one batch; swap files are left out.
	write("content/a.md", "1")
	write("content/.a.md.swp", "x")
	write("content/a.md", "22")
	if got := next(t, w); !slices.Equal(got, []string{"content/a.md"}) {
		t.Errorf("batch %v", got)
	}
	// A folder created later is watched, and so is a folder that did not
	// exist when watching began.
	write("content/new/deep/b.md", "b")
	if got := next(t, w); !slices.Contains(got, "content/new/deep/b.md") {
		t.Errorf("new folder: %v", got)
	}
	time.Sleep(100 * time.Millisecond)
	write("content/new/deep/b.md", "bb")
	if got := next(t, w); !slices.Contains(got, "content/new/deep/b.md") {
		t.Errorf("edit in new folder: %v", got)
	}
	write("playbook.toml", "title = \"x\"")
	if got := next(t, w); !slices.Contains(got, "playbook.toml") {
		t.Errorf("config: %v", got)
	}
	write("static/css/x.css", "a{}")
	if got := next(t, w); !slices.Contains(got, "static/css/x.css") {
		t.Errorf("static created later: %v", got)
	}
	// Save by rename, as many editors do.
	write("content/a.md.tmp", "333")
	if err := os.Rename(filepath.Join(root, "content", "a.md.tmp"), filepath.Join(root, "content", "a.md")); err != nil {
		t.Fatal(err)
	}
	if got := next(t, w); !slices.Contains(got, "content/a.md") {
		t.Errorf("rename save: %v", got)
	}
	os.Remove(filepath.Join(root, "content", "a.md"))
	if got := next(t, w); !slices.Contains(got, "content/a.md") {
		t.Errorf("delete: %v", got)
	}
}

func TestEvents(t *testing.T)  { testWatch(t, false) }
func TestPolling(t *testing.T) { testWatch(t, true) }

func TestRenamedFolderStillWatched(t *testing.T) {
	for _, poll := range []bool{false, true} {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, "content", "extra"), 0o755)
		os.WriteFile(filepath.Join(root, "content", "extra", "page.md"), []byte("one"), 0o644)
		w, err := New(root, []string{"content"}, nil, Options{Poll: poll, Interval: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		if err := os.Rename(filepath.Join(root, "content", "extra"), filepath.Join(root, "content", "extra2")); err != nil {
			t.Fatal(err)
		}
		next(t, w)
		time.Sleep(300 * time.Millisecond)
		os.WriteFile(filepath.Join(root, "content", "extra2", "page.md"), []byte("two"), 0o644)
		if got := next(t, w); !slices.Contains(got, "content/extra2/page.md") {
			t.Errorf("poll=%v: edit in renamed folder: %v", poll, got)
		}
		w.Close()
	}
}

func TestSymlinkedFolderWatched(t *testing.T) {
	for _, poll := range []bool{false, true} {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, "src", "content"), 0o755)
		os.WriteFile(filepath.Join(root, "src", "content", "a.md"), []byte("one"), 0o644)
		if err := os.Symlink(filepath.Join("src", "content"), filepath.Join(root, "content")); err != nil {
			t.Fatal(err)
		}
		w, err := New(root, []string{"content"}, nil, Options{Poll: poll, Interval: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
		os.WriteFile(filepath.Join(root, "src", "content", "a.md"), []byte("two"), 0o644)
		if got := next(t, w); !slices.Equal(got, []string{"content/a.md"}) {
			t.Errorf("poll=%v: %v", poll, got)
		}
		w.Close()
	}
}
