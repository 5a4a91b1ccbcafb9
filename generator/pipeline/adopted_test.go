package pipeline

import (
	"bytes"
	"strings"
	"testing"
)

// A lowered (or baselined) broken anchor still leads to its page; a link
// to a page the build leaves out never names it.
func TestLoweredLinksPublishNoDeadOrHiddenTargets(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	appendToFile(t, dir, "playbook.toml", "\n[check]\nseverity = { anchor = \"warning\", link = \"warning\" }\n")
	appendToFile(t, dir, "content/guides/internal-notes.md", "\nSee [discount](../glossary/discount.md#no-such-heading) and [the draft](../objections/secret-draft.md).\n")
	s := generate(t, Options{Source: dir})
	page := s.Files["guides/internal-notes/index.html"]
	if !bytes.Contains(page, []byte(`href="/playbook/glossary/discount/#no-such-heading"`)) {
		t.Errorf("a lowered broken anchor does not lead to its page:\n%s", page)
	}
	if bytes.Contains(page, []byte("secret-draft")) {
		t.Errorf("the page names a draft the build leaves out:\n%s", page)
	}
	var warned []string
	for _, d := range s.Diags {
		warned = append(warned, d.String())
	}
	if got := strings.Join(warned, "\n"); !strings.Contains(got, "no-such-heading") || !strings.Contains(got, "draft") {
		t.Errorf("lowered problems are not reported:\n%s", got)
	}
}

// A title taken from a page's first heading keeps that heading's ID: links
// to it resolve, and the page's h1 carries it.
func TestTitleHeadingKeepsItsID(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/guides/conflicts.md", "# Conflict resolution\n\nSee [above](#conflict-resolution).\n")
	writeFile(t, dir, "content/guides/elsewhere.md", "# Elsewhere\n\nRead [conflicts](conflicts.md#conflict-resolution).\n")
	s := generate(t, Options{Source: dir})
	if page := s.Files["guides/conflicts/index.html"]; !bytes.Contains(page, []byte(`<h1 id="conflict-resolution">Conflict resolution</h1>`)) {
		t.Errorf("the title lacks its heading's ID:\n%s", page)
	}
}

// A folder's README.md with text and no pages below is a page, not an
// empty section.
func TestLeafSectionPageIsNotEmpty(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/guides/values/README.md", "# Values\n\nWe write things down.\n")
	s := generate(t, Options{Source: dir})
	page := s.Files["guides/values/index.html"]
	if !bytes.Contains(page, []byte("We write things down.")) || bytes.Contains(page, []byte("No pages in this section yet")) {
		t.Errorf("a section page with text says it is empty:\n%s", page)
	}
}
