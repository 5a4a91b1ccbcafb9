package history_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/history"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

var (
	cet   = time.FixedZone("CET", 3600)
	jan5  = time.Date(2026, 1, 5, 9, 30, 0, 0, cet)
	feb10 = time.Date(2026, 2, 10, 14, 0, 0, 0, time.UTC)
	mar1  = time.Date(2026, 3, 1, 8, 15, 0, 0, time.FixedZone("", -5*3600))
	apr2  = time.Date(2026, 4, 2, 16, 45, 0, 0, time.UTC)
)

// read calls history.Read and fails the test on an error.
func read(t *testing.T, dir string) (*history.History, diag.List) {
	t.Helper()
	h, diags, err := history.Read(dir)
	if err != nil {
		t.Fatalf("Read(%s): %v", dir, err)
	}
	return h, diags
}

// want checks one file's entry. A zero when means "no entry".
func want(t *testing.T, h *history.History, file, author string, when time.Time, commit string) {
	t.Helper()
	c, ok := h.Updated(file)
	if when.IsZero() {
		if ok {
			t.Errorf("Updated(%q) = %+v, want no entry", file, c)
		}
		return
	}
	if !ok {
		t.Errorf("Updated(%q): no entry, want %s at %s", file, author, when)
		return
	}
	if c.Author != author || !c.Time.Equal(when) || c.Commit != commit {
		t.Errorf("Updated(%q) = %s at %s in %.7s, want %s at %s in %.7s", file, c.Author, c.Time, c.Commit, author, when, commit)
	}
	// The author's time zone is kept, so the date shown is the author's.
	if _, off := c.Time.Zone(); func() int { _, o := when.Zone(); return o }() != off {
		t.Errorf("Updated(%q).Time = %s, want the offset of %s", file, c.Time, when)
	}
}

func noDiags(t *testing.T, diags diag.List) {
	t.Helper()
	if len(diags) > 0 {
		t.Errorf("diagnostics: %v", diags)
	}
}

func TestAuthorsAndLatestWins(t *testing.T) {
	r := gittest.New(t)
	r.Write("playbook.toml", "title = 'x'\n")
	r.Write("content/pricing.md", "one\n")
	r.Write("content/pilot.md", "one\n")
	c1 := r.Commit("Ada Lovelace", jan5, "start")
	r.Write("content/pricing.md", "two\n")
	c2 := r.Commit("Grace Hopper", feb10, "pricing")
	r.Write("content/pricing.md", "three\n")
	c3 := r.Commit("Ada Lovelace", mar1, "pricing again")

	h, diags := read(t, r.Dir)
	noDiags(t, diags)
	want(t, h, "playbook.toml", "Ada Lovelace", jan5, c1)
	want(t, h, "content/pilot.md", "Ada Lovelace", jan5, c1)
	want(t, h, "content/pricing.md", "Ada Lovelace", mar1, c3)
	if h.Len() != 3 {
		t.Errorf("Len = %d, want 3", h.Len())
	}

	// Options.Rev reads the history as of an older commit.
	r.Git("tag", "v1", c2)
	h, _, err := history.ReadContext(context.Background(), r.Dir, history.Options{Rev: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	want(t, h, "content/pricing.md", "Grace Hopper", feb10, c2)
	if _, _, err := history.ReadContext(context.Background(), r.Dir, history.Options{Rev: "no-such-tag"}); err == nil || !strings.Contains(err.Error(), "no-such-tag") {
		t.Errorf("unknown Rev: err = %v, want one naming the revision", err)
	}
}

// Uncommitted edits do not count; untracked and staged-only files have no
// entry; a deleted file has none though older commits touched it.
func TestWorkTree(t *testing.T) {
	r := gittest.New(t)
	r.Write("a.md", "a\n")
	r.Write("gone.md", "g\n")
	c1 := r.Commit("Ada Lovelace", jan5, "start")
	r.Git("rm", "-q", "gone.md")
	r.Commit("Grace Hopper", feb10, "remove")
	r.Write("a.md", "edited, not committed\n")
	r.Write("untracked.md", "u\n")
	r.Write("staged.md", "s\n")
	r.Git("add", "staged.md")

	h, diags := read(t, r.Dir)
	noDiags(t, diags)
	want(t, h, "a.md", "Ada Lovelace", jan5, c1)
	want(t, h, "untracked.md", "", time.Time{}, "")
	want(t, h, "staged.md", "", time.Time{}, "")
	want(t, h, "gone.md", "", time.Time{}, "")

	// Deleted, then added again: the new commit.
	r.Write("gone.md", "back\n")
	c3 := r.Commit("Grace Hopper", mar1, "restore")
	h, _ = read(t, r.Dir)
	want(t, h, "gone.md", "Grace Hopper", mar1, c3)
}

func TestRename(t *testing.T) {
	r := gittest.New(t)
	r.Write("content/old-name.md", "a page long enough to be detected as a rename\n")
	r.Commit("Ada Lovelace", jan5, "start")
	r.Git("mv", "content/old-name.md", "content/new-name.md")
	c2 := r.Commit("Grace Hopper", feb10, "rename")

	h, _ := read(t, r.Dir)
	want(t, h, "content/new-name.md", "Grace Hopper", feb10, c2)
	want(t, h, "content/old-name.md", "", time.Time{}, "")
}

func TestOddNames(t *testing.T) {
	names := []string{
		"content/call prep/too expensive.md",
		"content/café déjà vu – 価格.md",
		"content/-dash.md",
	}
	if runtime.GOOS != "windows" {
		names = append(names, "content/:(glob)*?.md", "content/line\nbreak.md", "\nleading newline.md", "content/tab\tand\x01ctrl.md", `content/back\slash "quoted".md`)
	}
	r := gittest.New(t)
	for _, n := range names {
		r.Write(n, n)
	}
	c1 := r.Commit("Zoë Ñúñez 王", jan5, "odd names")

	h, diags := read(t, r.Dir)
	noDiags(t, diags)
	for _, n := range names {
		want(t, h, n, "Zoë Ñúñez 王", jan5, c1)
	}
	if h.Len() != len(names) {
		t.Errorf("Len = %d, want %d", h.Len(), len(names))
	}
}

// A playbook in a subfolder: paths are relative to it, and commits that
// change only files outside it do not count.
func TestSubfolder(t *testing.T) {
	r := gittest.New(t)
	r.Write("README.md", "repo\n")
	r.Write("docs/sales playbook/playbook.toml", "t\n")
	r.Write("docs/sales playbook/content/a.md", "a\n")
	r.Write("docs/other/content/a.md", "other\n")
	c1 := r.Commit("Ada Lovelace", jan5, "start")
	r.Write("README.md", "changed\n")
	r.Write("docs/other/content/a.md", "changed\n")
	r.Commit("Grace Hopper", feb10, "outside")

	for _, dir := range []string{
		filepath.Join(r.Dir, "docs", "sales playbook"),
		filepath.Join(r.Dir, "docs", "..", "docs", "sales playbook") + string(filepath.Separator),
	} {
		h, diags := read(t, dir)
		noDiags(t, diags)
		want(t, h, "playbook.toml", "Ada Lovelace", jan5, c1)
		want(t, h, "content/a.md", "Ada Lovelace", jan5, c1)
		want(t, h, "README.md", "", time.Time{}, "")
		if h.Len() != 2 {
			t.Errorf("Len = %d, want 2", h.Len())
		}
	}

	// Reached through a symbolic link from outside the repository.
	if runtime.GOOS != "windows" {
		link := filepath.Join(t.TempDir(), "link")
		if err := os.Symlink(filepath.Join(r.Dir, "docs", "sales playbook"), link); err != nil {
			t.Fatal(err)
		}
		h, _ := read(t, link)
		want(t, h, "content/a.md", "Ada Lovelace", jan5, c1)
	}
}

// A change made on a branch keeps its own commit, author and date after a
// merge. A change the merge discarded still counts (no history
// simplification; see the package comment).
func TestMerges(t *testing.T) {
	r := gittest.New(t)
	r.Write("a.md", "a\n")
	r.Write("b.md", "b\n")
	r.Write("c.md", "c\n")
	c1 := r.Commit("Ada Lovelace", jan5, "start")

	r.Git("switch", "-q", "-c", "topic")
	r.Write("a.md", "a on topic\n")
	cTopic := r.Commit("Grace Hopper", feb10, "topic edit")
	r.Git("switch", "-q", "main")
	r.Write("b.md", "b on main\n")
	cMain := r.Commit("Ada Lovelace", mar1, "main edit")
	r.GitEnv(gittest.Env("Merge Bot", apr2), "merge", "-q", "--no-ff", "-m", "merge topic", "topic")

	// A branch whose edit the merge throws away (-s ours).
	r.Git("switch", "-q", "-c", "discarded", c1)
	r.Write("c.md", "discarded\n")
	cDiscarded := r.Commit("Grace Hopper", apr2, "discarded edit")
	r.Git("switch", "-q", "main")
	r.GitEnv(gittest.Env("Merge Bot", apr2.Add(time.Hour)), "merge", "-q", "-s", "ours", "-m", "merge discarded", "discarded")

	h, diags := read(t, r.Dir)
	noDiags(t, diags)
	want(t, h, "a.md", "Grace Hopper", feb10, cTopic)
	want(t, h, "b.md", "Ada Lovelace", mar1, cMain)
	want(t, h, "c.md", "Grace Hopper", apr2, cDiscarded)
}

// A commit dated before its parent (a wrong clock) still wins over the
// parent, even when the parent is reached first through another branch.
func TestClockSkew(t *testing.T) {
	r := gittest.New(t)
	r.Write("f.md", "f\n")
	r.Write("h.md", "h\n")
	r.Commit("Ada Lovelace", jan5, "start")
	r.Write("f.md", "f parent\n")
	r.Commit("Grace Hopper", mar1, "parent")
	r.Git("switch", "-q", "-c", "other")
	r.Write("h.md", "h other\n")
	r.Commit("Grace Hopper", apr2, "sibling, newer than the parent")
	r.Git("switch", "-q", "main")
	r.Write("f.md", "f child\n")
	child := r.Commit("Ada Lovelace", feb10, "child, dated before its parent")
	r.GitEnv(gittest.Env("Merge Bot", apr2.Add(time.Hour)), "merge", "-q", "--no-ff", "-m", "merge", "other")

	h, _ := read(t, r.Dir)
	want(t, h, "f.md", "Ada Lovelace", feb10, child)
}

// The user's git configuration cannot change what Read parses.
func TestHostileConfig(t *testing.T) {
	r := gittest.New(t)
	r.Write("sub/a b.md", "a\n")
	c1 := r.Commit("Ada Lovelace", jan5, "start")
	r.Write("sub/c.md", "c\n")
	c2 := r.Commit("Zoë Ñúñez", feb10, "second")
	config := `[log]
	showSignature = true
	showRoot = false
	date = relative
	decorate = full
	abbrevCommit = true
[diff]
	relative = true
	renames = copies
	noprefix = true
[color]
	ui = always
[core]
	quotePath = true
[i18n]
	logOutputEncoding = ISO-8859-1
[format]
	pretty = oneline
`
	if err := os.WriteFile(filepath.Join(r.Home, ".gitconfig"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	h, diags := read(t, filepath.Join(r.Dir, "sub"))
	noDiags(t, diags)
	want(t, h, "a b.md", "Ada Lovelace", jan5, c1)
	want(t, h, "c.md", "Zoë Ñúñez", feb10, c2)
}

func TestNotARepository(t *testing.T) {
	gittest.Isolate(t)
	dir := t.TempDir()
	// Stop git's search for a repository above dir, in case the temporary
	// folder is inside one.
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	h, diags := read(t, dir)
	if h == nil || h.Len() != 0 {
		t.Errorf("History = %v, want empty", h)
	}
	if len(diags) != 1 || diags[0].Severity != diag.Info || diags[0].Rule != history.Rule || !strings.Contains(diags[0].Message, "not a git repository") {
		t.Errorf("diagnostics = %v, want one note that this is not a git repository", diags)
	}
	if _, ok := h.Updated("anything.md"); ok {
		t.Error("Updated found an entry in an empty History")
	}

	// Inside .git is not a work tree either.
	r := gittest.New(t)
	_, diags = read(t, filepath.Join(r.Dir, ".git"))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "not a git repository") {
		t.Errorf("in .git: diagnostics = %v", diags)
	}
}

func TestNoCommitsYet(t *testing.T) {
	r := gittest.New(t)
	r.Write("a.md", "a\n")
	h, diags := read(t, r.Dir)
	if h.Len() != 0 || len(diags) != 1 || diags[0].Severity != diag.Info || !strings.Contains(diags[0].Message, "no commits yet") {
		t.Errorf("History of %d entries, diagnostics %v; want none and a note", h.Len(), diags)
	}
}

func TestShallowClone(t *testing.T) {
	r := gittest.New(t)
	r.Write("a.md", "a\n")
	r.Commit("Ada Lovelace", jan5, "start")
	r.Write("b.md", "b\n")
	r.Commit("Grace Hopper", feb10, "second")
	r.Write("b.md", "b2\n")
	c3 := r.Commit("Grace Hopper", mar1, "third")

	clone := filepath.Join(t.TempDir(), "clone")
	src := filepath.ToSlash(r.Dir)
	if !strings.HasPrefix(src, "/") {
		src = "/" + src // file:///C:/...
	}
	gittest.RunIn(t, r.Dir, nil, nil, "clone", "-q", "--depth", "1", "file://"+src, clone)
	h, diags := read(t, clone)
	if len(diags) != 1 || diags[0].Severity != diag.Warning || diags[0].Rule != history.Rule || !strings.Contains(diags[0].Message, "fetch-depth: 0") {
		t.Errorf("diagnostics = %v, want one warning naming fetch-depth: 0", diags)
	}
	// What the clone holds: its one commit, for every file.
	want(t, h, "a.md", "Grace Hopper", mar1, c3)
	want(t, h, "b.md", "Grace Hopper", mar1, c3)
}

func TestGitMissing(t *testing.T) {
	r := gittest.New(t)
	r.Write("a.md", "a\n")
	r.Commit("Ada Lovelace", jan5, "start")

	t.Setenv("PATH", t.TempDir())
	h, diags := read(t, r.Dir)
	if h.Len() != 0 || len(diags) != 1 || diags[0].Severity != diag.Info || !strings.Contains(diags[0].Message, "git was not found on PATH, ") {
		t.Errorf("History of %d entries, diagnostics %v; want none and a note", h.Len(), diags)
	}

	// Options.Git names another executable.
	noGit := filepath.Join(t.TempDir(), "no-git")
	_, diags, err := history.ReadContext(context.Background(), r.Dir, history.Options{Git: noGit})
	if err != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "git was not found at "+noGit+",") {
		t.Errorf("Options.Git missing: %v, %v", diags, err)
	}
}

func TestErrors(t *testing.T) {
	r := gittest.New(t)
	r.Write("a.md", "a\n")
	r.Commit("Ada Lovelace", jan5, "start")

	if _, _, err := history.Read(filepath.Join(r.Dir, "missing")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing folder: err = %v", err)
	}
	if _, _, err := history.Read(filepath.Join(r.Dir, "a.md")); err == nil {
		t.Error("a file as the folder: no error")
	}
	if _, _, err := history.ReadContext(context.Background(), r.Dir, history.Options{Rev: "--all"}); err == nil {
		t.Error("Rev starting with a dash: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := history.ReadContext(ctx, r.Dir, history.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err = %v", err)
	}
}

func TestNilHistory(t *testing.T) {
	var h *history.History
	if _, ok := h.Updated("a.md"); ok || h.Len() != 0 {
		t.Error("nil History has entries")
	}
}
