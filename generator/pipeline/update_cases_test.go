package pipeline

// Fixed cases of edits the random test (TestUpdateEqualsFullBuild) rarely
// makes: each must give what a full build gives.

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

func replaceInFile(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	b := mustRead(t, dir, rel)
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %q", rel, old)
	}
	writeFile(t, dir, rel, string(bytes.Replace(b, []byte(old), []byte(new), 1)))
}

func appendToFile(t *testing.T, dir, rel, text string) {
	t.Helper()
	fixture.Append(t, dir, rel, text)
}

// updateMatchesFullBuild runs Update for rel and compares with a full build.
func updateMatchesFullBuild(t *testing.T, cur *Site, opts Options, rel string) *Site {
	t.Helper()
	next, outputs, uerr := cur.Update([]string{rel})
	if uerr == nil {
		if _, err := next.RefreshSearch(); err != nil {
			t.Fatal(err)
		}
	}
	full, ferr := Generate(opts)
	how := "?"
	if next != nil {
		how = next.how
	}
	t.Logf("update: %s, outputs %v, error %v; full build error %v", how, outputs, uerr, ferr)
	if (uerr == nil) != (ferr == nil) {
		t.Errorf("Update err=%v, full build err=%v", uerr, ferr)
		return nil
	}
	if uerr != nil {
		if uerr.Error() != ferr.Error() {
			t.Errorf("errors differ:\n%v\n%v", uerr, ferr)
		}
		return nil
	}
	var names []string
	for name, b := range full.Files {
		if !bytes.Equal(next.Files[name], b) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	if len(names) > 0 {
		t.Errorf("files differ from full build: %v", names)
	}
	if fmt.Sprint(next.Diags) != fmt.Sprint(full.Diags) {
		a, b := map[string]bool{}, map[string]bool{}
		for _, d := range next.Diags {
			a[d.String()] = true
		}
		for _, d := range full.Diags {
			b[d.String()] = true
		}
		for k := range b {
			if !a[k] {
				t.Errorf("missing diag: %s", k)
			}
		}
		for k := range a {
			if !b[k] {
				t.Errorf("extra diag: %s", k)
			}
		}
	}
	return next
}

func shortListSynth(t *testing.T) (string, Options, *Site) {
	dir := t.TempDir()
	if err := synth.Write(dir, 160); err != nil {
		t.Fatal(err)
	}
	appendToFile(t, dir, "playbook.toml", "[menu]\nper_page = 5\n")
	opts := Options{Source: dir, Today: fixtureToday}
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	return dir, opts, cur
}

// The last child of closing-tools is Glossary's previous page; glossary's
// list pages 2+ show it in the pager.
func TestUpdateCasePrevOfNextSectionListPages(t *testing.T) {
	dir, opts, cur := shortListSynth(t)
	replaceInFile(t, dir, "content/closing-tools/tool-9.md", `title = "Closing tool 9"`, `title = "Closing tool 9 renamed"`)
	updateMatchesFullBuild(t, cur, opts, "content/closing-tools/tool-9.md")
}

// First child of a nested section: the section's Next, shown on its list pages.
func TestUpdateCaseNestedSectionFirstChild(t *testing.T) {
	dir, opts, cur := shortListSynth(t)
	_ = cur
	writeFile(t, dir, "content/guides/deep/_index.md", "+++\ntitle = \"Deep\"\n+++\n")
	for i := 0; i < 12; i++ {
		writeFile(t, dir, fmt.Sprintf("content/guides/deep/d-%02d.md", i), fmt.Sprintf("+++\ntitle = \"D %02d\"\n+++\nx\n", i))
	}
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	replaceInFile(t, dir, "content/guides/deep/d-00.md", `title = "D 00"`, `title = "D 00 renamed"`)
	updateMatchesFullBuild(t, cur, opts, "content/guides/deep/d-00.md")
}

// An external objection naming an internal tool has an audience warning;
// an unrelated front matter edit must keep it.
func TestUpdateCaseRelationWarningKept(t *testing.T) {
	dir, opts, _ := shortListSynth(t)
	replaceInFile(t, dir, "content/objections/objection-30.md", "weight = 31", "weight = 31\naudience = \"external\"")
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range cur.Diags {
		if strings.Contains(d.File, "objection-30.md") {
			t.Logf("before: %v", d)
			n++
		}
	}
	replaceInFile(t, dir, "content/objections/objection-30.md", `title = "Objection 30"`, `title = "Objection 30 renamed"`)
	updateMatchesFullBuild(t, cur, opts, "content/objections/objection-30.md")
}

// A front matter edit that also adds a heading and a same-page link to it.
func TestUpdateCaseSelfAnchorNewHeading(t *testing.T) {
	dir, opts, cur := shortListSynth(t)
	rel := "content/guides/guide-20.md"
	replaceInFile(t, dir, rel, `title = "Guide 20"`, `title = "Guide 20 renamed"`)
	appendToFile(t, dir, rel, "\n## Brand new\n\nSee [below](#brand-new).\n")
	updateMatchesFullBuild(t, cur, opts, rel)
}

// The reverse: a heading removed while a same-page link to it stays.
func TestUpdateCaseSelfAnchorRemovedHeading(t *testing.T) {
	dir, opts, _ := shortListSynth(t)
	rel := "content/guides/guide-20.md"
	appendToFile(t, dir, rel, "\n## Brand new\n\nSee [below](#brand-new).\n")
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	replaceInFile(t, dir, rel, `title = "Guide 20"`, `title = "Guide 20 renamed"`)
	replaceInFile(t, dir, rel, "## Brand new", "## Renamed heading")
	updateMatchesFullBuild(t, cur, opts, rel)
}

// A static file at a list page's address is an error, as a page there is.
func TestListPageClashesWithStaticFile(t *testing.T) {
	dir, opts, _ := shortListSynth(t)
	writeFile(t, dir, "static/guides/page/2/index.html", "<p>mine</p>")
	_, err := Generate(opts)
	if err == nil || !strings.Contains(err.Error(), "static/guides/page/2/index.html: error: /guides/page/2/index.html is also the address of list page 2 of content/guides/_index.md") {
		t.Errorf("got %v", err)
	}
}

// Relation fields changed in place: the lists on both sides follow. (The
// pages edited are past their section's first 12 in the sidebar, which
// would send the edit to relink.)
func TestUpdateCaseRelations(t *testing.T) {
	dir, opts, cur := shortListSynth(t)
	for _, c := range []struct{ rel, old, new string }{
		{"content/closing-tools/tool-8.md", `approver = "Regional Sales Director"`, "approver = \"Regional Sales Director\"\nanswers = [\"objection-40\"]"},
		{"content/closing-tools/tool-8.md", `answers = ["objection-40"]`, `answers = ["objection-41", "objection-30"]`},
		{"content/plays/play-8.md", `persona = "persona-2"`, `persona = "persona-1"`},
		{"content/plays/play-8.md", `objections = ["`, `objections = ["objection-2", "`},
		{"content/objections/objection-30.md", `closing_tools = ["`, `closing_tools = ["tool-3", "`},
	} {
		replaceInFile(t, dir, c.rel, c.old, c.new)
		if cur = updateMatchesFullBuild(t, cur, opts, c.rel); cur == nil {
			return
		}
		if cur.how != "front matter" {
			t.Errorf("%s: updated by %s, want in place", c.rel, cur.how)
		}
	}
}

// With git history on, every update path keeps each page's last change.
func TestUpdateCaseGitHistory(t *testing.T) {
	dir, opts, _ := shortListSynth(t)
	commitAll(t, dir)
	opts.GitHistory = true
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ rel, old, new string }{
		{"content/guides/guide-20.md", `title = "Guide 20"`, `title = "Guide 20 renamed"`},       // in place
		{"content/objections/objection-3.md", `title = "Objection 3"`, `title = "Objection 3b"`}, // in the sidebar: relink
		{"content/guides/guide-21.md", "\n+++\n", "\n+++\nFirst, new words.\n"},                  // body
	} {
		replaceInFile(t, dir, c.rel, c.old, c.new)
		if cur = updateMatchesFullBuild(t, cur, opts, c.rel); cur == nil {
			return
		}
	}
}
