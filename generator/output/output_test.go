package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestWriteAndReplace(t *testing.T) {
	src := t.TempDir()
	parent := t.TempDir()
	dest := filepath.Join(parent, "site")
	if err := Write(dest, src, map[string][]byte{"index.html": []byte("one"), "a/b/index.html": []byte("ab")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dest, src, map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "two" {
		t.Errorf("index.html = %q", b)
	}
	if _, err := os.Stat(filepath.Join(dest, "a")); !os.IsNotExist(err) {
		t.Errorf("stale file from the previous build survived")
	}
	if _, err := os.Stat(filepath.Join(dest, Marker)); err != nil {
		t.Errorf("marker missing: %v", err)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
	if err := CheckDest(dest, t.TempDir()); err != nil {
		t.Errorf("own output refused: %v", err)
	}
}

func TestFailedWriteKeepsPrevious(t *testing.T) {
	src := t.TempDir()
	parent := t.TempDir()
	dest := filepath.Join(parent, "site")
	if err := Write(dest, src, map[string][]byte{"index.html": []byte("good")}); err != nil {
		t.Fatal(err)
	}
	// A file and a folder with the same name cannot both be written.
	err := Write(dest, src, map[string][]byte{"x": []byte("file"), "x/index.html": []byte("dir")})
	if err == nil {
		t.Fatal("expected an error")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "good" {
		t.Errorf("previous output damaged: %q", b)
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != 1 {
		t.Errorf("temporary folder left behind: %v", entries)
	}
}

func TestCheckDest(t *testing.T) {
	src := t.TempDir()
	home, _ := os.UserHomeDir()
	foreign := t.TempDir()
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("x"), 0o644)
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o644)
	link := filepath.Join(t.TempDir(), "link")
	os.Symlink(src, link)
	cases := []struct{ dest, want string }{
		{"/", "filesystem root"},
		{home, "home folder"},
		{src, "playbook source folder"},
		{src + "/.", "playbook source folder"},
		{link, "playbook source folder"},
		{filepath.Dir(src), "contains the playbook source"},
		{filepath.Join(src, "content"), "content/ folder"},
		{filepath.Join(src, "static", "x"), "static/ folder"},
		{foreign, "not created by playbook"},
		{file, "is a file"},
	}
	for _, c := range cases {
		err := CheckDest(c.dest, src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckDest(%s) = %v, want %q", c.dest, err, c.want)
		}
	}
	for _, ok := range []string{filepath.Join(src, "public"), filepath.Join(t.TempDir(), "new", "site"), t.TempDir()} {
		if err := CheckDest(ok, src); err != nil {
			t.Errorf("CheckDest(%s) = %v, want nil", ok, err)
		}
	}
}

func TestSymlinkedOutputReplacesTheTarget(t *testing.T) {
	src := t.TempDir()
	real := filepath.Join(t.TempDir(), "site")
	if err := Write(real, src, map[string][]byte{"index.html": []byte("v1"), "keep/me.html": []byte("x")}); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, src, map[string][]byte{"index.html": []byte("v2")}); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(real, "index.html")); string(b) != "v2" {
		t.Errorf("target holds %q, want v2", b)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(link, "index.html")); string(b) != "v2" {
		t.Errorf("through the link: %q", b)
	}
}

// TestStaleTemporaryFoldersRemoved: what a killed build left beside the
// output is removed by the next build however recent it is, since the
// next build holds the output's lock and so no build can still own it;
// folders that are not playbook's stay.
func TestStaleTemporaryFoldersRemoved(t *testing.T) {
	src := t.TempDir()
	parent := t.TempDir()
	dest := filepath.Join(parent, "site")
	old := time.Now().Add(-2 * time.Hour)
	mk := func(name string, marker bool, when time.Time) {
		os.MkdirAll(filepath.Join(parent, name, "x"), 0o755)
		if marker {
			m := filepath.Join(parent, name, Marker)
			os.WriteFile(m, []byte("x"), 0o644)
			os.Chtimes(m, when, when)
		}
	}
	mk(".site.tmp-123.old", true, old)                      // ours, interrupted long ago: removed
	mk(".site.tmp-456", true, time.Now())                   // ours, killed a moment ago: removed
	mk(".site.tmp-456.old", true, time.Now())               // the output it was replacing: removed
	os.Mkdir(filepath.Join(parent, ".site.tmp-789"), 0o755) // killed before marking it, empty: removed
	mk(".site.tmp-notes", false, old)                       // not ours: kept
	mk(".other.tmp-1", true, old)                           // another output's: kept
	if err := Write(dest, src, map[string][]byte{"index.html": []byte("v")}); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(list(parent), ","); got != ".other.tmp-1,.site.tmp-notes,site" {
		t.Errorf("left: %v", got)
	}
}

func list(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestDotDotNamesAreNotParents(t *testing.T) {
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "content"), 0o755)
	for _, dest := range []string{filepath.Join(src, "content", "..site"), filepath.Join(src, ".git", "..x")} {
		if err := CheckDest(dest, src); err == nil {
			t.Errorf("%s accepted", dest)
		}
	}
	if !within("/a/b/..c", "/a/b") || within("/a", "/a/b") {
		t.Errorf("within is wrong about ..names")
	}
}

func TestRefuseCurrentFolder(t *testing.T) {
	src := t.TempDir()
	dir := t.TempDir()
	t.Chdir(dir)
	for _, dest := range []string{".", "..", dir} {
		err := Write(dest, src, map[string][]byte{"index.html": []byte("v")})
		var refused *RefusedError
		if !errors.As(err, &refused) {
			t.Errorf("-o %s: %v", dest, err)
		}
	}
	if err := Write("public", src, map[string][]byte{"index.html": []byte("v")}); err != nil {
		t.Errorf("-o public: %v", err)
	}
}

func TestStagingKeepsFoldersOfThePreviousOutput(t *testing.T) {
	src := t.TempDir()
	parent := t.TempDir()
	dest := filepath.Join(parent, "site")
	if err := Write(dest, src, map[string][]byte{"index.html": []byte("one"), "v/a/index.html": []byte("a1"), "v/b/index.html": []byte("b1")}); err != nil {
		t.Fatal(err)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil {
			return "<" + err.Error() + ">"
		}
		return string(b)
	}

	// Abort: everything as it was, kept folders included.
	st, err := Begin(context.Background(), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Keep("v/a"); err != nil {
		t.Fatal(err)
	}
	st.Abort()
	if read("v/a/index.html") != "a1" || read("index.html") != "one" {
		t.Errorf("Abort changed the previous output")
	}

	// Commit: v/a carried over, v/b written anew, the root replaced.
	st, err = Begin(context.Background(), dest, src)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Write("", map[string][]byte{"index.html": []byte("two")}); err != nil {
		t.Fatal(err)
	}
	if err := st.Write("v/b/", map[string][]byte{"index.html": []byte("b2")}); err != nil {
		t.Fatal(err)
	}
	if err := st.Keep("v/a"); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"v/b", "v/missing", "../x", "."} {
		if err := st.Keep(bad); err == nil {
			t.Errorf("Keep(%q) accepted", bad)
		}
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := read("index.html") + " " + read("v/a/index.html") + " " + read("v/b/index.html"); got != "two a1 b2" {
		t.Errorf("after Commit: %s, want two a1 b2", got)
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 1 {
		t.Errorf("leftovers beside the output: %v", entries)
	}
	if err := st.Commit(); err == nil {
		t.Errorf("a second Commit succeeded")
	}
}
