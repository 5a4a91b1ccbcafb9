package pipeline

import (
	"bytes"
	"strings"
	"testing"
)

// aliasFixture is the basic fixture with old addresses on an external
// term (one of them written like a Hugo alias, one an old .html file) and
// on an internal guide.
func aliasFixture(t *testing.T) string {
	t.Helper()
	dir := copyFixture(t, "testdata/basic")
	replaceInFile(t, dir, "content/glossary/discount.md", `aliases = ["price cut"]`,
		"aliases = [\"price cut\"]\nredirect_from = [\"/old/handbook/discount/\", \"/legacy/discount.html\"]")
	replaceInFile(t, dir, "content/guides/internal-notes.md", `title = "Internal notes"`,
		"title = \"Internal notes\"\naliases = [\"old/notes\"]")
	return dir
}

func TestRedirectPages(t *testing.T) {
	dir := aliasFixture(t)
	s := generate(t, Options{Source: dir, BaseURL: "https://acme.example/handbook/"})
	for _, c := range []struct{ file, target string }{
		{"old/handbook/discount/index.html", "/handbook/glossary/discount/"},
		{"legacy/discount.html", "/handbook/glossary/discount/"},
		{"old/notes/index.html", "/handbook/guides/internal-notes/"},
	} {
		b, ok := s.Files[c.file]
		if !ok {
			t.Errorf("no redirect page %s", c.file)
			continue
		}
		for _, want := range []string{
			"<!doctype html>",
			`<meta http-equiv="refresh" content="0; url=` + c.target + `">`,
			`<link rel="canonical" href="https://acme.example` + c.target + `">`,
			`<meta name="robots" content="noindex">`,
			`This page has moved to <a href="` + c.target + `">`,
		} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("%s lacks %s:\n%s", c.file, want, b)
			}
		}
	}
	if s.Pages != generate(t, Options{Source: "testdata/basic"}).Pages {
		t.Errorf("redirect pages counted as pages: %d", s.Pages)
	}
	sm := string(s.Files["sitemap.xml"])
	if strings.Contains(sm, "old/") || strings.Contains(sm, "legacy") {
		t.Errorf("sitemap lists a redirect:\n%s", sm)
	}
	for _, d := range s.Docs() {
		if strings.Contains(d.URL, "old/") || strings.Contains(d.URL, "legacy") {
			t.Errorf("search index holds redirect %s", d.URL)
		}
	}
	for name, b := range s.Files {
		if strings.HasPrefix(name, "search/") && (bytes.Contains(b, []byte("/old/")) || bytes.Contains(b, []byte("legacy/"))) {
			t.Errorf("search file %s names a redirect", name)
		}
	}
	// The term keeps its other name, and loses the addresses.
	if b := s.Files["glossary/discount/index.html"]; !bytes.Contains(b, []byte("price cut")) || bytes.Contains(b, []byte("/old/handbook")) {
		t.Errorf("term page should show its other name only")
	}
}

func TestRedirectPagesFollowTheirPage(t *testing.T) {
	dir := aliasFixture(t)
	s := generate(t, Options{Source: dir, Audience: "external"})
	if _, ok := s.Files["old/notes/index.html"]; ok {
		t.Error("an external build has the redirect to an internal page")
	}
	if _, ok := s.Files["old/handbook/discount/index.html"]; !ok {
		t.Error("an external build lacks the redirect to an external page")
	}
	for name, b := range s.Files {
		if bytes.Contains(b, []byte("internal-notes")) {
			t.Errorf("external build: %s names the internal page", name)
		}
	}
	// A draft's aliases are written only where drafts are.
	replaceInFile(t, dir, "content/objections/secret-draft.md", "+++\n", "+++\naliases = [\"/old/secret/\"]\n")
	if _, ok := generate(t, Options{Source: dir}).Files["old/secret/index.html"]; ok {
		t.Error("a draft's alias is written in a build without drafts")
	}
	if _, ok := generate(t, Options{Source: dir, Drafts: true}).Files["old/secret/index.html"]; !ok {
		t.Error("a draft's alias is missing from a build with drafts")
	}
}

func TestAliasProblems(t *testing.T) {
	const term = "content/glossary/discount.md"
	for _, c := range []struct {
		name, file, old, new, static string
		versions                     bool
		want                         []string
	}{
		{name: "full address", file: term, old: `aliases = ["price cut"]`, new: "aliases = [\"price cut\"]\nredirect_from = [\"/x/\", \"https://old.example/x/\"]",
			want: []string{term + `:7:25: error: redirect_from: "https://old.example/x/" is a full address`}},
		{name: "dot dot", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\n  \"/a/../b/\",\n  \"/c?d\",\n  \"/e#f\",\n]\nreviewed",
			want: []string{
				"content/guides/internal-notes.md:5:3: error: aliases: \"/a/../b/\" has a . or .. part",
				"content/guides/internal-notes.md:6:3: error: aliases: \"/c?d\" has a query or #fragment",
				"content/guides/internal-notes.md:7:3: error: aliases: \"/e#f\" has a query or #fragment",
			}},
		{name: "not text", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\"/a/\", 3]\nreviewed",
			want: []string{"content/guides/internal-notes.md:4: error: aliases: item 2 must be an old address in quotes"}},
		{name: "pdf", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = \"/old/notes.pdf\"\nreviewed",
			want: []string{`content/guides/internal-notes.md:4:1: error: aliases: "/old/notes.pdf" ends in .pdf`}},
		{name: "own URL", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\"/guides/internal-notes\"]\nreviewed",
			want: []string{"content/guides/internal-notes.md:4:12: error: old address /guides/internal-notes/ is this page's own URL"}},
		{name: "another page", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\"/brand/colours/index.html\"]\nreviewed",
			want: []string{"content/guides/internal-notes.md:4:12: error: old address /brand/colours/index.html is the URL of content/brand/colours.md"}},
		{name: "two pages", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\"/old/x/\"]\nreviewed",
			static: "content/brand/colours.md",
			want: []string{
				"content/brand/colours.md:2:12: error: old address /old/x/ is also an old address of content/guides/internal-notes.md (line 4)",
				"content/guides/internal-notes.md:4:12: error: old address /old/x/ is also an old address of content/brand/colours.md (line 2)",
			}},
		{name: "static file", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\"/robots.txt.html\", \"/css/\"]\nreviewed",
			static: "static/robots.txt.html",
			want:   []string{"content/guides/internal-notes.md:4:12: error: old address /robots.txt.html is also the address of the file static/robots.txt.html: remove the alias"}},
		{name: "search page", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\"/search/\"]\nreviewed",
			want: []string{"content/guides/internal-notes.md:4:12: error: old address /search/ belongs to the site's search (search/): remove the alias"}},
		{name: "versions", file: "content/guides/internal-notes.md", old: `reviewed`, new: "aliases = [\"/v/1.0/notes/\", \"/changes/\"]\nreviewed", versions: true,
			want: []string{
				"content/guides/internal-notes.md:4:12: error: old address /v/1.0/notes/ belongs to the older versions of the playbook when versions are on",
				"content/guides/internal-notes.md:4:29: error: old address /changes/ belongs to the What changed page when versions are on",
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copyFixture(t, "testdata/basic")
			replaceInFile(t, dir, c.file, c.old, c.new)
			if strings.HasPrefix(c.static, "static/") {
				writeFile(t, dir, c.static, "<p>mine</p>")
			} else if c.static != "" {
				replaceInFile(t, dir, c.static, "+++\n", "+++\naliases = [\"/old/x/\"]\n")
			}
			if c.versions {
				appendToFile(t, dir, "playbook.toml", "\n[versions]\nenabled = true\n")
			}
			_, err := Generate(Options{Source: dir, Today: fixtureToday})
			if err == nil {
				t.Fatal("no error")
			}
			got := err.Error()
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in:\n%s", w, got)
				}
			}
			if n := strings.Count(got, "\n") + 1; n != len(c.want) {
				t.Errorf("%d diagnostics, want %d:\n%s", n, len(c.want), got)
			}
		})
	}
}

// An edit that adds, changes or removes aliases gives what a full build
// gives, a clash included.
func TestUpdateCaseAliases(t *testing.T) {
	dir, opts, cur := shortListSynth(t)
	for _, c := range []struct{ rel, old, new string }{
		{"content/guides/guide-20.md", `title = "Guide 20"`, "title = \"Guide 20\"\naliases = [\"/old/guide-20/\"]"},
		{"content/guides/guide-20.md", `"/old/guide-20/"`, `"/old/guide-twenty.html"`},
		{"content/guides/guide-21.md", `title = "Guide 21"`, "title = \"Guide 21\"\naliases = [\"/old/guide-twenty.html\"]"}, // clash
		{"content/guides/guide-21.md", `"/old/guide-twenty.html"`, `"/old/guide-21/"`},
		{"content/guides/guide-20.md", "aliases = [\"/old/guide-twenty.html\"]\n", ""},
	} {
		replaceInFile(t, dir, c.rel, c.old, c.new)
		next := updateMatchesFullBuild(t, cur, opts, c.rel)
		if t.Failed() {
			return
		}
		if next == nil { // both failed alike: start again from a good build
			continue
		}
		cur = next
	}
	for _, name := range []string{"old/guide-21/index.html"} {
		if _, ok := cur.Files[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if _, ok := cur.Files["old/guide-twenty.html"]; ok {
		t.Error("a removed alias is still written")
	}
}
