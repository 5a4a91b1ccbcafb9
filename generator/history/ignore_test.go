package history_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/history"
	"github.com/playbook-ssg/playbook/internal/fixture"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

var may3 = time.Date(2026, 5, 3, 10, 0, 0, 0, time.UTC)

// importRepo makes a handbook edited by Alice, then imported by Bob in one
// commit that moves a page (git mv, then an edit, as playbook import
// does), edits another and adds a third, then edited again by Carol. The
// playbook is in folder sub ("" for the root). It returns the commits.
func importRepo(t *testing.T, sub string) (r *gittest.Repo, alice1, alice2, bob, carol string) {
	r = gittest.New(t)
	at := func(p string) string { return strings.TrimPrefix(sub+"/"+p, "/") }
	body := "# Pricing\n\nOne.\nTwo.\nThree.\nFour.\nFive.\nSix.\n"
	r.Write(at("docs/pricing.md"), body)
	r.Write(at("docs/pilot.md"), "# Pilot\n\nRun one.\n")
	r.Write(at("docs/untouched.md"), "# Untouched\n")
	alice1 = r.Commit("Alice", jan5, "start")
	r.Write(at("docs/pricing.md"), body+"Seven.\n")
	alice2 = r.Commit("Alice", feb10, "pricing")
	mkdir(t, filepath.Join(r.Dir, at("content")))
	r.Git("mv", at("docs/pricing.md"), at("content/pricing.md"))
	r.Write(at("content/pricing.md"), "+++\ntitle = \"Pricing\"\n+++\n"+body+"Seven.\n")
	r.Write(at("docs/pilot.md"), "+++\ntitle = \"Pilot\"\n+++\nRun one.\n")
	r.Write(at("playbook.toml"), "title = 'x'\n")
	bob = r.Commit("Bob", mar1, "playbook import")
	r.Write(at("docs/untouched.md"), "# Untouched, now touched\n")
	carol = r.Commit("Carol", apr2, "later edit")
	return r, alice1, alice2, bob, carol
}

func TestIgnoreRevsFollowsMoves(t *testing.T) {
	r, alice1, alice2, bob, carol := importRepo(t, "")

	// Without the file, the import is every page's last change.
	h, diags := read(t, r.Dir)
	noDiags(t, diags)
	want(t, h, "content/pricing.md", "Bob", mar1, bob)

	r.Write(history.IgnoreRevsFile, "# playbook import\n"+strings.ToUpper(bob)+"  # the import\n\n"+bob[:7]+"\nnot a hash\n")
	h, diags = read(t, r.Dir)                                // read from the work tree, before it is committed
	want(t, h, "content/pricing.md", "Alice", feb10, alice2) // moved: the change before the move
	want(t, h, "docs/pilot.md", "Alice", jan5, alice1)       // edited by the import only
	want(t, h, "playbook.toml", "Bob", mar1, bob)            // made by the import: nothing older
	want(t, h, "docs/untouched.md", "Carol", apr2, carol)
	want(t, h, "docs/pricing.md", "", time.Time{}, "") // moved away
	if len(diags) != 2 ||
		diags[0].String() != history.IgnoreRevsFile+`:4:1: warning: "`+bob[:7]+`" is a short hash: git needs the full one, which git rev-parse `+bob[:7]+` prints; this line is skipped, the others are used (write one full commit hash a line, # starts a comment)` ||
		!strings.HasPrefix(diags[1].String(), history.IgnoreRevsFile+`:5:1: warning: "not a hash" is not a commit hash`) {
		t.Errorf("diagnostics:\n%v", diags)
	}

	// A tagged version reads the file as its commit has it.
	r.Git("tag", "before-list", "HEAD")
	r.Write(history.IgnoreRevsFile, bob+"\n")
	list := r.Commit("Carol", may3, "ignore the import")
	for rev, want1 := range map[string]string{list: alice2, "before-list": bob} {
		h, diags, err := history.ReadContext(context.Background(), r.Dir, history.Options{Rev: rev})
		if err != nil {
			t.Fatal(err)
		}
		noDiags(t, diags)
		if c, _ := h.Updated("content/pricing.md"); c.Commit != want1 {
			t.Errorf("at %.7s: content/pricing.md changed in %.7s, want %.7s", rev, c.Commit, want1)
		}
	}
}

// Chains of ignored commits are followed: moved twice, reformatted, and a
// hash the repository does not have is no error.
func TestIgnoreRevsChain(t *testing.T) {
	r, _, alice2, bob, _ := importRepo(t, "")
	mkdir(t, filepath.Join(r.Dir, "content", "sales"))
	r.Git("mv", "content/pricing.md", "content/sales/pricing.md")
	second := r.Commit("Bob", apr2, "move again")
	r.Write("content/sales/pricing.md", strings.Replace(string(fixture.Read(t, r.Dir, "content/sales/pricing.md")), "One.", "One!", 1))
	reformat := r.Commit("Bob", may3, "reformat")
	r.Write(history.IgnoreRevsFile, bob+"\n"+second+"\n"+reformat+"\n"+strings.Repeat("ab", 20)+"\n")
	h, diags := read(t, r.Dir)
	noDiags(t, diags)
	want(t, h, "content/sales/pricing.md", "Alice", feb10, alice2)
}

// In a playbook in a folder of the repository, the file is at the root
// and named from the playbook's folder.
func TestIgnoreRevsSubfolder(t *testing.T) {
	r, _, alice2, bob, _ := importRepo(t, "handbook")
	r.Write(history.IgnoreRevsFile, bob+"\nxyz\n")
	h, diags := read(t, filepath.Join(r.Dir, "handbook"))
	want(t, h, "content/pricing.md", "Alice", feb10, alice2)
	if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), "../"+history.IgnoreRevsFile+":2:1: warning:") {
		t.Errorf("diagnostics: %v", diags)
	}
}

func mkdir(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
}
