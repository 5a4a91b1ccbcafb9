package output

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAndReplace(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "site")
	if err := Write(dest, map[string][]byte{"index.html": []byte("one"), "a/b/index.html": []byte("ab")}); err != nil {
		t.Fatal(err)
	}
	if err := Write(dest, map[string][]byte{"index.html": []byte("two")}); err != nil {
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
	parent := t.TempDir()
	dest := filepath.Join(parent, "site")
	if err := Write(dest, map[string][]byte{"index.html": []byte("good")}); err != nil {
		t.Fatal(err)
	}
	// A file and a folder with the same name cannot both be written.
	err := Write(dest, map[string][]byte{"x": []byte("file"), "x/index.html": []byte("dir")})
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
