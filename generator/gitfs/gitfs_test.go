package gitfs

import (
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/playbook-ssg/playbook/internal/gittest"
)

var when = time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)

const binary = "\x00\x01\x02\xff\xfe PNG\r\n\x1a\n\x00 end"

// v1 and v2 are the repository's files at the tags of the same names,
// relative to the root.
var (
	v1 = map[string]string{
		"README.md":                         "repo readme\n",
		"playbook/index.md":                 "# Home v1\n",
		"playbook/objections/price.md":      "Too expensive (v1)\n",
		"playbook/objections/timing.md":     "Not now\n",
		"playbook/deep/a/b/c.md":            "deep\n",
		"playbook/Spaces and ünïcødé 日本.md": "unicode name\n",
		"playbook/empty.md":                 "",
		"playbook/img/logo.png":             binary,
		"other/notes.txt":                   "not in the playbook\n",
	}
	v2 = map[string]string{
		"README.md":                         "repo readme\n",
		"playbook/index.md":                 "# Home v2\n",
		"playbook/objections/price.md":      "Too expensive (v2, longer text)\n",
		"playbook/deep/a/b/c.md":            "deep\n",
		"playbook/Spaces and ünïcødé 日本.md": "unicode name\n",
		"playbook/empty.md":                 "",
		"playbook/img/logo.png":             binary,
		"playbook/closing/new.md":           "added in v2\n",
		"other/notes.txt":                   "not in the playbook\n",
	}
	latest = map[string]string{ // the work tree, committed after v2
		"README.md":               "repo readme\n",
		"playbook/index.md":       "# Home latest\n",
		"playbook/closing/new.md": "added in v2\n",
	}
)

// setup makes a repository with tags v1 and v2 and a later commit on main.
func setup(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	for name, content := range v1 {
		r.Write(name, content)
	}
	r.Commit("Ann Author", when, "v1")
	r.Git("tag", "v1")
	r.Git("rm", "-q", "playbook/objections/timing.md")
	for name, content := range v2 {
		r.Write(name, content)
	}
	r.Commit("Ann Author", when.Add(time.Hour), "v2")
	r.GitEnv(gittest.Env("Ann Author", when.Add(time.Hour)), "tag", "-a", "-m", "release 2", "v2") // annotated: must peel to the commit
	r.Git("rm", "-r", "-q", ".")
	for name, content := range latest {
		r.Write(name, content)
	}
	r.Commit("Ann Author", when.Add(2*time.Hour), "latest")
	return r
}

// under returns the files of m under dir, relative to it.
func under(m map[string]string, dir string) map[string]string {
	out := map[string]string{}
	for name, content := range m {
		if dir == "" {
			out[name] = content
		} else if rest, ok := strings.CutPrefix(name, dir+"/"); ok {
			out[rest] = content
		}
	}
	return out
}

func open(t *testing.T, dir, rev, subdir string) *FS {
	t.Helper()
	f, err := Open(context.Background(), dir, rev, subdir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// walk returns every file in fsys with its content, read with fs.ReadFile.
func walk(t *testing.T, fsys fs.FS) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		got[p] = string(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestVersions(t *testing.T) {
	r := setup(t)
	for _, tc := range []struct {
		rev    string
		files  map[string]string
		subdir string
	}{
		{"v1", v1, "playbook"},
		{"v2", v2, "playbook"},
		{"v1", v1, ""},
		{"v2", v2, "."},
		{"v1", v1, "playbook/objections/"},
		{"main", latest, "playbook"},
	} {
		t.Run(tc.rev+"/"+tc.subdir, func(t *testing.T) {
			f := open(t, r.Dir, tc.rev, tc.subdir)
			want := under(tc.files, strings.TrimSuffix(strings.TrimPrefix(tc.subdir, "."), "/"))
			got := walk(t, f)
			if !maps.Equal(got, want) {
				t.Errorf("files:\ngot  %q\nwant %q", got, want)
			}
			for name, content := range want {
				fi, err := fs.Stat(f, name)
				if err != nil {
					t.Fatal(err)
				}
				if fi.Size() != int64(len(content)) || !fi.Mode().IsRegular() || !fi.ModTime().Equal(commitTime(tc.rev)) {
					t.Errorf("Stat(%q) = %v, %v", name, fi, fi.ModTime())
				}
			}
			// A strong conformance check: every listing, stat, read, seek.
			if err := fstest.TestFS(f, slices.Sorted(maps.Keys(want))...); err != nil {
				t.Error(err)
			}
		})
	}
}

func commitTime(rev string) time.Time {
	switch rev {
	case "v1":
		return when
	case "v2":
		return when.Add(time.Hour)
	}
	return when.Add(2 * time.Hour)
}

func TestCommit(t *testing.T) {
	r := setup(t)
	want := strings.TrimSpace(r.Git("rev-parse", "v2^{commit}"))
	f := open(t, r.Dir, "v2", "playbook")
	if f.Commit() != want {
		t.Errorf("Commit() = %s, want %s", f.Commit(), want)
	}
	short := want[:10]
	if g := open(t, r.Dir, short, "").Commit(); g != want {
		t.Errorf("by short hash: Commit() = %s, want %s", g, want)
	}
}

func TestWorkTreeUntouched(t *testing.T) {
	r := setup(t)
	r.Write("playbook/uncommitted.md", "draft\n") // untracked, and stays so
	head := r.Git("rev-parse", "HEAD")
	for _, rev := range []string{"v1", "v2"} {
		f := open(t, r.Dir, rev, "playbook")
		walk(t, f)
		f.Close()
	}
	if s := r.Git("status", "--porcelain"); s != "?? playbook/uncommitted.md\n" {
		t.Errorf("git status changed:\n%s", s)
	}
	if h := r.Git("rev-parse", "HEAD"); h != head {
		t.Errorf("HEAD moved: %s, was %s", h, head)
	}
	for name, content := range latest {
		data, err := os.ReadFile(filepath.Join(r.Dir, filepath.FromSlash(name)))
		if err != nil || string(data) != content {
			t.Errorf("%s on disk: %q, %v; want %q", name, data, err, content)
		}
	}
	if _, err := os.Stat(filepath.Join(r.Dir, "playbook", "objections")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("playbook/objections is back on disk: %v", err)
	}
}

func TestSkipsSymlinksAndSubmodules(t *testing.T) {
	r := gittest.New(t)
	r.Write("pb/page.md", "page\n")
	r.Write("pb/only-link/.keep", "") // removed below, leaving only a link
	r.Commit("Ann Author", when, "one")
	r.Git("rm", "-q", "pb/only-link/.keep")
	if err := os.MkdirAll(filepath.Join(r.Dir, "pb", "only-link"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../page.md", filepath.Join(r.Dir, "pb", "only-link", "link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink("page.md", filepath.Join(r.Dir, "pb", "alias.md")); err != nil {
		t.Fatal(err)
	}
	// A submodule entry, without a real submodule.
	commit := strings.TrimSpace(r.Git("rev-parse", "HEAD"))
	// (Commit's git add -A would drop it: pb/sub is not on disk.)
	r.Git("add", "-A")
	r.Git("update-index", "--add", "--cacheinfo", "160000,"+commit+",pb/sub")
	r.GitEnv(gittest.Env("Ann Author", when), "commit", "-q", "-m", "two")
	if ls := r.Git("ls-tree", "-r", "HEAD", "pb"); !strings.Contains(ls, "160000 commit") || !strings.Contains(ls, "120000 blob") {
		t.Fatalf("setup: no submodule or link in the tree:\n%s", ls)
	}

	f := open(t, r.Dir, "HEAD", "pb")
	if got, want := walk(t, f), map[string]string{"page.md": "page\n"}; !maps.Equal(got, want) {
		t.Errorf("files: got %q, want %q", got, want)
	}
	for _, name := range []string{"alias.md", "sub", "only-link", "only-link/link.md"} {
		if _, err := fs.Stat(f, name); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("Stat(%q): %v, want fs.ErrNotExist", name, err)
		}
	}
	want := []Skipped{{"alias.md", Symlink}, {"only-link/link.md", Symlink}, {"sub", Submodule}}
	if got := f.Skipped(); !slices.Equal(got, want) {
		t.Errorf("Skipped() = %v, want %v", got, want)
	}
	if err := fstest.TestFS(f, "page.md"); err != nil {
		t.Error(err)
	}
}

func TestErrors(t *testing.T) {
	r := setup(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name, dir, rev, subdir string
		is                     error
		msg                    string
	}{
		{"unknown rev", r.Dir, "v9", "playbook", ErrUnknownRevision, `no tag, branch or commit named "v9"`},
		{"subdir missing at rev", r.Dir, "v1", "playbook/closing", fs.ErrNotExist, `no folder "playbook/closing" at v1`},
		{"subdir is a file", r.Dir, "v1", "README.md", nil, `"README.md" is not a folder`},
		{"subdir outside", r.Dir, "v1", "../x", nil, "is not a path inside the repository"},
		{"dash rev", r.Dir, "--all", "", nil, "invalid revision"},
		{"not a repository", t.TempDir(), "v1", "", ErrNotRepository, "not a git repository"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Open(ctx, tc.dir, tc.rev, tc.subdir)
			if err == nil {
				f.Close()
				t.Fatal("no error")
			}
			if tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v is not %v", err, tc.is)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q does not say %q", err, tc.msg)
			}
		})
	}

	t.Run("git missing", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := Open(ctx, r.Dir, "v1", "")
		if !errors.Is(err, ErrGitNotFound) || !strings.Contains(err.Error(), "git not found on PATH: ") {
			t.Errorf("error %v", err)
		}
	})

	t.Run("bad names", func(t *testing.T) {
		f := open(t, r.Dir, "v1", "playbook")
		for _, name := range []string{"/index.md", "./index.md", "objections/../index.md", "objections/", ""} {
			if _, err := f.Open(name); !errors.Is(err, fs.ErrInvalid) {
				t.Errorf("Open(%q): %v, want fs.ErrInvalid", name, err)
			}
		}
		if _, err := fs.ReadFile(f, "objections"); err == nil {
			t.Error("ReadFile of a folder: no error")
		}
		if _, err := fs.ReadDir(f, "index.md"); err == nil {
			t.Error("ReadDir of a file: no error")
		}
	})
}

func TestCloseEndsProcess(t *testing.T) {
	r := setup(t)
	f, err := Open(context.Background(), r.Dir, "v2", "playbook")
	if err != nil {
		t.Fatal(err)
	}
	// Concurrent reads share the one process.
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for name, content := range under(v2, "playbook") {
				if data, err := fs.ReadFile(f, name); err != nil || string(data) != content {
					t.Errorf("ReadFile(%q) = %q, %v", name, data, err)
				}
			}
		})
	}
	wg.Wait()
	file, err := f.Open("index.md") // opened before Close, read after
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if f.cmd.ProcessState == nil || !f.cmd.ProcessState.Exited() || !f.cmd.ProcessState.Success() {
		t.Errorf("git cat-file has not exited cleanly: %v", f.cmd.ProcessState)
	}
	if err := f.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := fs.ReadFile(f, "index.md"); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("ReadFile after Close: %v, want fs.ErrClosed", err)
	}
	if _, err := file.Read(make([]byte, 10)); !errors.Is(err, fs.ErrClosed) {
		t.Errorf("Read after Close: %v, want fs.ErrClosed", err)
	}
	if _, err := fs.Stat(f, "index.md"); err != nil {
		t.Errorf("Stat after Close: %v", err)
	}
}

func TestContextCancel(t *testing.T) {
	r := setup(t)
	ctx, cancel := context.WithCancel(context.Background())
	f, err := Open(ctx, r.Dir, "v1", "playbook")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	// The process is killed asynchronously; reads fail from then on.
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := fs.ReadFile(f, "index.md"); err != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("ReadFile still works 10s after cancel")
		}
		time.Sleep(10 * time.Millisecond)
	}
	f.Close() // an error is expected: the process was killed
	if f.cmd.ProcessState == nil {
		t.Error("git cat-file not reaped")
	}
}
