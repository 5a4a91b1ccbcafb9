package pipeline

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/gitfs"
	"github.com/playbook-ssg/playbook/internal/fixture"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

var update = flag.Bool("update", false, "rewrite golden files")

var fixtureToday = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)

func generate(t *testing.T, opts Options) *Site {
	t.Helper()
	if opts.Today.IsZero() {
		opts.Today = fixtureToday
	}
	s, err := Generate(opts)
	if err != nil {
		t.Fatalf("Generate(%s): %v", opts.Source, err)
	}
	return s
}

var mainRe = regexp.MustCompile(`(?s)<main[^>]*>.*</main>`)

// TestGoldenPages pins the rendered <main> of one page of each kind. Run
// `go test ./generator/pipeline -update` after an intended change and review
// the diff of testdata/golden.
func TestGoldenPages(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic"})
	pages := map[string]string{
		"home":         "index.html",
		"section":      "objections/index.html",
		"objection":    "objections/too-expensive/index.html",
		"closing-tool": "closing-tools/paid-pilot/index.html",
		"term":         "glossary/discount/index.html",
		"persona":      "personas/cfo/index.html",
		"play":         "plays/business-case-cfo/index.html",
		"brand":        "brand/colours/index.html",
		"page":         "guides/internal-notes/index.html",
		"404":          "404.html",
	}
	for kind, file := range pages {
		t.Run(kind, func(t *testing.T) {
			html, ok := s.Files[file]
			if !ok {
				t.Fatalf("no output file %s", file)
			}
			got := mainRe.Find(html)
			if got == nil {
				t.Fatalf("%s has no <main>", file)
			}
			golden := filepath.Join("testdata", "golden", kind+".html")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(append(got, '\n'), want) {
				t.Errorf("%s differs from %s (run with -update and review the diff)\n--- got ---\n%s", file, golden, got)
			}
		})
	}
}

func TestPageHead(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic"})
	html := string(s.Files["objections/too-expensive/index.html"])
	for _, want := range []string{
		`<title>Too expensive · Acme Playbook</title>`,
		`<link rel="canonical" href="https://acme.example/playbook/objections/too-expensive/">`,
		`<meta name="description" content="The customer thinks the price is too high.">`,
		`<html lang="en">`,
		`<a class="skip-link" href="#pb-main">`,
		`href="/playbook/css/playbook.css?v=`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page head lacks %q", want)
		}
	}
	// No request may leave the site: every src and href in the head is local.
	for _, m := range regexp.MustCompile(`(?:src|href)="([^"]+)"`).FindAllStringSubmatch(html, -1) {
		u := m[1]
		if strings.HasPrefix(u, "http") && !strings.HasPrefix(u, "https://acme.example/") && !strings.HasPrefix(u, "https://git.example/") {
			t.Errorf("page references outside URL %s", u)
		}
	}
}

func TestLinksRewritten(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic"})
	obj := string(s.Files["objections/too-expensive/index.html"])
	for _, want := range []string{
		`<a href="/playbook/closing-tools/paid-pilot/#how-to-run-it">paid pilot</a>`,
		`<a href="/playbook/glossary/discount/">glossary</a>`,
	} {
		if !strings.Contains(obj, want) {
			t.Errorf("objection page lacks rewritten link %s", want)
		}
	}
	home := string(s.Files["index.html"])
	if !strings.Contains(home, `<a href="/playbook/glossary/discount/">the glossary</a>`) {
		t.Errorf("home link from content root not rewritten")
	}
	notes := string(s.Files["guides/internal-notes/index.html"])
	if !strings.Contains(notes, `<img src="/playbook/img-note.png" alt="diagram">`) {
		t.Errorf("relative image not rewritten to site path")
	}
	if _, ok := s.Files["img-note.png"]; !ok {
		t.Errorf("content file img-note.png not copied")
	}
	if _, ok := s.Files["img/logo.svg"]; !ok {
		t.Errorf("static/img/logo.svg not copied")
	}
}

func TestRelationsBothWays(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic"})
	tool := string(s.Files["closing-tools/paid-pilot/index.html"])
	if !strings.Contains(tool, "Answers these objections") || !strings.Contains(tool, `href="/playbook/objections/too-expensive/"`) {
		t.Errorf("closing tool does not list the objection that names it")
	}
	persona := string(s.Files["personas/cfo/index.html"])
	for _, want := range []string{"Objections they raise", "Plays for this persona", "/playbook/plays/business-case-cfo/"} {
		if !strings.Contains(persona, want) {
			t.Errorf("persona page lacks %q", want)
		}
	}
}

func TestDraftsExcluded(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic"})
	for name, b := range s.Files {
		if bytes.Contains(b, []byte("zanzibarword")) || bytes.Contains(b, []byte("secret-draft")) {
			t.Errorf("draft content leaked into %s", name)
		}
	}
	with := generate(t, Options{Source: "testdata/basic", Drafts: true})
	page, ok := with.Files["objections/secret-draft/index.html"]
	if !ok || !bytes.Contains(page, []byte("draft-badge")) {
		t.Errorf("--drafts build lacks the draft page with its badge")
	}
}

func TestAudienceExternal(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic", Audience: "external"})
	// "quetzalcoatl" appears only in an internal page; "Too expensive" is an
	// internal objection title.
	for name, b := range s.Files {
		for _, secret := range []string{"quetzalcoatl", "Too expensive", "internal-notes", "personas/cfo"} {
			if bytes.Contains(b, []byte(secret)) {
				t.Errorf("external build: %s contains %q from an internal page", name, secret)
			}
		}
	}
	for _, want := range []string{"index.html", "glossary/discount/index.html", "brand/colours/index.html"} {
		if _, ok := s.Files[want]; !ok {
			t.Errorf("external build lacks external page %s", want)
		}
	}
	if n := bytes.Count(s.Files["sitemap.xml"], []byte("<url>")); n != 5 {
		t.Errorf("external sitemap has %d URLs, want 5 (home, glossary, term, brand, colours):\n%s", n, s.Files["sitemap.xml"])
	}
}

func TestAudienceLeakIsAnError(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/glossary/discount.md", `+++
title = "Discount"
marketing = "m"
sales = "s"
agreed = "a"
audience = "external"
+++
See [internal notes](../guides/internal-notes.md).
`)
	_, err := Generate(Options{Source: dir, Audience: "external", Today: fixtureToday})
	want := `content/glossary/discount.md:8:5: error: external page content/glossary/discount.md links to internal page content/guides/internal-notes.md`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got error %v\nwant it to contain %s", err, want)
	}
	// The same playbook is fine for an internal build.
	if _, err := Generate(Options{Source: dir, Today: fixtureToday}); err != nil {
		t.Fatalf("internal build: %v", err)
	}
}

func TestDeterministic(t *testing.T) {
	a := generate(t, Options{Source: "testdata/basic"})
	b := generate(t, Options{Source: "testdata/basic"})
	if len(a.Files) != len(b.Files) {
		t.Fatalf("builds differ in file count: %d vs %d", len(a.Files), len(b.Files))
	}
	for name, x := range a.Files {
		if !bytes.Equal(x, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

func TestSampleBuildsWithoutWarnings(t *testing.T) {
	for _, aud := range []string{"internal", "external"} {
		s, err := Generate(Options{Source: "../../playbook", Audience: aud, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatalf("sample playbook (%s): %v", aud, err)
		}
		if len(s.Diags) > 0 {
			t.Errorf("sample playbook (%s) has diagnostics:\n%v", aud, s.Diags)
		}
	}
}

func TestBrokenLinks(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"missing page", "See [x](../objections/nope.md).", `content/guides/internal-notes.md:6:5: error: broken link: no page content/objections/nope.md`},
		{"typo suggests", "See [x](../objections/to-expensive.md).", `(did you mean content/objections/too-expensive.md?)`},
		{"missing anchor", "Line\n\nSee [x](../closing-tools/paid-pilot.md#how-to-run).", `content/guides/internal-notes.md:8:5: error: link to content/closing-tools/paid-pilot.md#how-to-run: that page has no heading with that ID (did you mean "how-to-run-it"?)`},
		{"same page anchor", "## Here\n\n[x](#there)", `content/guides/internal-notes.md:8:1: error: link to #there: this page has no heading with that ID`},
		{"missing image", "![a](missing.png)", `content/guides/internal-notes.md:6:1: error: image "missing.png": no file content/guides/missing.png`},
		{"link to draft", "[d](../objections/secret-draft.md)", `links to content/objections/secret-draft.md, which is a draft`},
		{"outside content", "[d](../../playbook.toml)", `points outside content/`},
		// Raw HTML (safe by default): each URL is checked at its value.
		{"raw HTML link", "Intro.\n\nSee <a href=\"missing.md\">this</a>.", `content/guides/internal-notes.md:8:14: error: broken link: no page content/guides/missing.md`},
		{"raw HTML anchor", "<div>\n<a href=\"../closing-tools/paid-pilot.md#how-to-run\">x</a>\n</div>", `content/guides/internal-notes.md:7:10: error: link to content/closing-tools/paid-pilot.md#how-to-run: that page has no heading with that ID`},
		{"raw HTML srcset", "<img src=\"../img-note.png\" srcset=\"../img-note.png 1x, big.png 2x\" alt=\"n\">", `content/guides/internal-notes.md:6:56: error: image "big.png": no file content/guides/big.png`},
		{"raw HTML script link", "<a href=\"javascript:alert(1)\">x</a>", `content/guides/internal-notes.md:6:10: error: link "javascript:alert(1)": javascript: links are not allowed`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := copyFixture(t, "testdata/basic")
			writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\nreviewed = 2026-02-01\n+++\n\n"+c.body+"\n")
			_, err := Generate(Options{Source: dir, Today: fixtureToday})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v\nwant %s", err, c.want)
			}
			if _, ok := diag.From(err); !ok {
				t.Errorf("error carries no diagnostics")
			}
		})
	}
}

func TestExternalLinksUntouched(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\n[a](https://example.com/x.md) [m](mailto:a@b.c) <https://example.org>\n")
	s := generate(t, Options{Source: dir})
	page := string(s.Files["guides/internal-notes/index.html"])
	for _, want := range []string{`href="https://example.com/x.md"`, `href="mailto:a@b.c"`, `href="https://example.org"`} {
		if !strings.Contains(page, want) {
			t.Errorf("lacks %s", want)
		}
	}
}

func TestRawHTMLModes(t *testing.T) {
	body := "+++\ntitle = \"Notes\"\n+++\n<script>alert(1)</script>\n\nHi <b>there</b>, <first name>\n"
	for _, c := range []struct {
		config   string
		has, not []string
	}{
		{"", []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "Hi <b>there</b>, &lt;first name&gt;"}, []string{"<script>alert(1)"}},
		{"[markdown]\nraw_html = \"escape\"\n", []string{"&lt;script&gt;alert(1)", "Hi &lt;b&gt;there&lt;/b&gt;"}, []string{"<b>there"}},
		{"[markdown]\nunsafe_html = false\n", []string{"Hi &lt;b&gt;there&lt;/b&gt;"}, []string{"<b>there"}},
		{"[markdown]\nunsafe_html = true\n", []string{"<script>alert(1)</script>", "Hi <b>there</b>, <first name>"}, nil},
	} {
		dir := copyFixture(t, "testdata/basic")
		writeFile(t, dir, "playbook.toml", string(mustRead(t, dir, "playbook.toml"))+"\n"+c.config)
		writeFile(t, dir, "content/guides/internal-notes.md", body)
		page := string(generate(t, Options{Source: dir}).Files["guides/internal-notes/index.html"])
		for _, want := range c.has {
			if !strings.Contains(page, want) {
				t.Errorf("%q: lacks %s", c.config, want)
			}
		}
		for _, bad := range c.not {
			if strings.Contains(page, bad) {
				t.Errorf("%q: has %s", c.config, bad)
			}
		}
	}
}

// copyFixture, writeFile and mustRead are internal/fixture's helpers
// under the names this package's tests use.
func copyFixture(t *testing.T, src string) string {
	t.Helper()
	return fixture.Copy(t, src)
}

func writeFile(t *testing.T, dir, rel, text string) {
	t.Helper()
	fixture.WriteFile(t, dir, rel, text)
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestThemeOverrides(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "layouts/partials/meta.html", `<aside class="custom-meta">Owned by {{join .OwnerNames " & "}}</aside>`)
	writeFile(t, dir, "static/css/playbook.css", "body{color:red}")
	s := generate(t, Options{Source: dir})
	if !bytes.Contains(s.Files["objections/too-expensive/index.html"], []byte(`<aside class="custom-meta">Owned by Sales &amp; Marketing</aside>`)) {
		t.Errorf("layout override not used")
	}
	if string(s.Files["css/playbook.css"]) != "body{color:red}" {
		t.Errorf("static override not used")
	}
	if _, ok := s.Files["js/playbook.js"]; !ok {
		t.Errorf("theme files not overridden went missing")
	}
}

func TestBrokenTemplateOverride(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "layouts/partials/meta.html", "<p>{{.Title}}</p>\n{{.Nope}}")
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	want := `layouts/partials/meta.html:2:2: error: executing "meta.html" at <.Nope>: can't evaluate field Nope in type page (rendering /brand/colours/ and 8 other pages)`
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	writeFile(t, dir, "layouts/objection.html", "{{define \"main\"}}\n{{if}}{{end}}")
	_, err = Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || err.Error() != "layouts/objection.html:2: error: missing value for if" {
		t.Fatalf("got %v, want a parse error at layouts/objection.html:2", err)
	}
}

func TestLargeSectionNavIsCapped(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "playbook.toml", "title = \"T\"\n")
	for i := 0; i < 30; i++ {
		writeFile(t, dir, fmt.Sprintf("content/guides/g%02d.md", i), fmt.Sprintf("+++\ntitle = \"Guide %02d\"\nweight = %d\n+++\n", i, i+1))
	}
	s := generate(t, Options{Source: dir})
	page := string(s.Files["guides/g25/index.html"])
	nav := page[strings.Index(page, `<nav id="pb-site-nav"`):strings.Index(page, `</nav>`)]
	if n := strings.Count(nav, `href="/guides/g`); n != 13 {
		t.Errorf("nav lists %d guides, want 12 plus the current page", n)
	}
	if !strings.Contains(nav, `aria-current="page">Guide 25`) || !strings.Contains(nav, "17 more in Guides") {
		t.Errorf("nav lacks the current page or the link to all:\n%s", nav)
	}
}

// A section longer than menu.per_page continues on numbered list pages,
// each linked to the next, with every card on exactly one of them.
func TestLongSectionSplitsIntoListPages(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "playbook.toml", "title = \"T\"\nbase_url = \"https://x.example/pb/\"\n[menu]\nper_page = 4\n")
	writeFile(t, dir, "content/guides/_index.md", "+++\ntitle = \"Guides\"\ndescription = \"How we work\"\n+++\nIntro text.\n")
	for i := 0; i < 10; i++ {
		writeFile(t, dir, fmt.Sprintf("content/guides/g%02d.md", i), fmt.Sprintf("+++\ntitle = \"Guide %02d\"\n+++\n", i))
	}
	s := generate(t, Options{Source: dir})
	first := string(s.Files["guides/index.html"])
	second := string(s.Files["guides/page/2/index.html"])
	third := string(s.Files["guides/page/3/index.html"])
	if _, ok := s.Files["guides/page/4/index.html"]; ok || second == "" || third == "" {
		t.Fatalf("list pages: %v", sortedKeys(s.Files))
	}
	for i := 0; i < 10; i++ {
		title := fmt.Sprintf(">Guide %02d</span>", i)
		in := 0
		for _, page := range []string{first, second, third} {
			cards := page[strings.Index(page, `<ul class="cards">`):]
			in += strings.Count(cards[:strings.Index(cards, "</ul>")], title)
		}
		if in != 1 {
			t.Errorf("Guide %02d is on %d list pages", i, in)
		}
	}
	for _, want := range []string{"Page 2 of 3 · 10 pages", `href="/pb/guides/" rel="prev">Previous page`, `href="/pb/guides/page/3/" rel="next">Next page`,
		`<link rel="canonical" href="https://x.example/pb/guides/page/2/">`, "<title>Guides, page 2 of 3 · T</title>"} {
		if !strings.Contains(second, want) {
			t.Errorf("page 2 lacks %q", want)
		}
	}
	if strings.Contains(second, "Intro text.") || !strings.Contains(first, "Intro text.") || !strings.Contains(first, "Page 1 of 3") {
		t.Error("the section's own text belongs on its first list page only")
	}
	if strings.Contains(string(s.Files["sitemap.xml"]), "page/2") {
		t.Error("list pages are not in the sitemap")
	}

	// A page at a list page's URL is refused, naming both.
	writeFile(t, dir, "content/guides/page/2.md", "+++\ntitle = \"Odd\"\n+++\n")
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || !strings.Contains(err.Error(), "content/guides/page/2.md:1:1: error: page URL /guides/page/2/ is also page 2 of the list of Guides") {
		t.Errorf("clash not reported: %v", err)
	}
}

func TestInternalHomeLeftOutOfExternalBuild(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/_index.md", "+++\ntitle = \"Home\"\n+++\nOur secret plan: xylophonic.\n")
	s := generate(t, Options{Source: dir, Audience: "external"})
	home, ok := s.Files["index.html"]
	if !ok {
		t.Fatal("external build has no home page")
	}
	if bytes.Contains(home, []byte("xylophonic")) {
		t.Errorf("internal home body published in external build")
	}
	if !bytes.Contains(home, []byte("Acme Playbook")) {
		t.Errorf("synthesized home lacks the site title")
	}
}

func TestRobots(t *testing.T) {
	internal := generate(t, Options{Source: "testdata/basic"})
	if !bytes.Contains(internal.Files["index.html"], []byte(`<meta name="robots" content="noindex, nofollow">`)) {
		t.Errorf("internal build is indexable")
	}
	external := generate(t, Options{Source: "testdata/basic", Audience: "external"})
	if bytes.Contains(external.Files["index.html"], []byte(`name="robots"`)) {
		t.Errorf("external build is not indexable")
	}
}

func TestFrontMatterLinks(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/closing-tools/paid-pilot.md", `---
title: Paid pilot
when: When [price](../objections/too-expensive.md#respond) comes up.
value: |
  # Not a heading
cost: See [ghost](nope.md).
approver: Director
---
## How to run it
`)
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || !strings.Contains(err.Error(), "content/closing-tools/paid-pilot.md:6:1: error: broken link: no page content/closing-tools/nope.md") {
		t.Fatalf("got %v, want the broken link in cost reported at its line", err)
	}
	writeFile(t, dir, "content/closing-tools/paid-pilot.md", strings.Replace(string(mustRead(t, dir, "content/closing-tools/paid-pilot.md")), "See [ghost](nope.md).", "Low.", 1))
	s := generate(t, Options{Source: dir})
	page := string(s.Files["closing-tools/paid-pilot/index.html"])
	for _, want := range []string{
		`When <a href="/playbook/objections/too-expensive/#respond">price</a> comes up.`,
		`# Not a heading`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("tool page lacks %s", want)
		}
	}
}

func TestLinkForms(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\n"+
		"[q](../img-note.png?v=2#page=3) [f](../plays/) [s](/img/logo.svg?x=1) [t](../objections/too-expensive.md?utm=x#respond)\n\n"+
		"Hi <first name>.\n")
	s := generate(t, Options{Source: dir})
	page := string(s.Files["guides/internal-notes/index.html"])
	for _, want := range []string{
		`href="/playbook/img-note.png?v=2#page=3"`,
		`href="/playbook/plays/"`,
		`href="/playbook/img/logo.svg?x=1"`,
		`href="/playbook/objections/too-expensive/?utm=x#respond"`,
		`Hi &lt;first name&gt;.`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("lacks %s", want)
		}
	}
	writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\n[x](javascript:alert(1))\n")
	if _, err := Generate(Options{Source: dir, Today: fixtureToday}); err == nil || !strings.Contains(err.Error(), "internal-notes.md:4:1: error: link \"javascript:alert(1)\": javascript: links are not allowed") {
		t.Errorf("javascript: link: %v", err)
	}
}

func TestAttachmentsFollowTheirPages(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/guides/price-list.pdf", "%PDF secret")
	writeFile(t, dir, "content/guides/unused.pdf", "%PDF unused")
	writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\n[prices](price-list.pdf)\n")
	internal := generate(t, Options{Source: dir})
	if _, ok := internal.Files["guides/price-list.pdf"]; !ok {
		t.Errorf("internal build lacks the attachment its page links to")
	}
	if _, ok := internal.Files["guides/unused.pdf"]; ok {
		t.Errorf("a file no page links to was published")
	}
	external := generate(t, Options{Source: dir, Audience: "external"})
	if _, ok := external.Files["guides/price-list.pdf"]; ok {
		t.Errorf("an internal page's attachment leaked into the external build")
	}
}

func mustRead(t *testing.T, dir, rel string) []byte {
	t.Helper()
	return fixture.Read(t, dir, rel)
}

func TestSymlinksStayInside(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	secret := filepath.Join(t.TempDir(), "secret.txt")
	writeFile(t, filepath.Dir(secret), "secret.txt", "password")
	if err := os.Symlink(secret, filepath.Join(dir, "static", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || !strings.Contains(err.Error(), "static/leak.txt: is a symbolic link to "+secret+", outside the playbook folder") {
		t.Fatalf("got %v", err)
	}
	os.Remove(filepath.Join(dir, "static", "leak.txt"))
	// A link that stays inside the playbook is fine.
	if err := os.Symlink("../img-note.png", filepath.Join(dir, "content", "guides", "same.png")); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\n![x](same.png)\n")
	s := generate(t, Options{Source: dir})
	if string(s.Files["guides/same.png"]) != "PNG" {
		t.Errorf("in-playbook symlink not followed")
	}
}

func TestSitemap(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/guides/my notes.md", "+++\ntitle = \"Notes\"\n+++\n")
	s := generate(t, Options{Source: dir, Drafts: true})
	sm := string(s.Files["sitemap.xml"])
	for _, want := range []string{
		"<loc>https://acme.example/playbook/</loc>",
		"<loc>https://acme.example/playbook/guides/my%20notes/</loc>",
		"<loc>https://acme.example/playbook/objections/too-expensive/</loc>\n    <lastmod>2026-01-15</lastmod>",
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("sitemap lacks %s:\n%s", want, sm)
		}
	}
	if strings.Contains(sm, "secret-draft") {
		t.Errorf("draft in sitemap")
	}
	// Without a host there is no valid sitemap to write.
	writeFile(t, dir, "playbook.toml", "title = \"T\"\nbase_url = \"/docs/\"\n[owners.sales]\nname = \"S\"\n[owners.marketing]\nname = \"M\"\n")
	s = generate(t, Options{Source: dir})
	if _, ok := s.Files["sitemap.xml"]; ok {
		t.Errorf("sitemap written without a host")
	}
	if len(s.Diags) != 1 || s.Diags[0].Severity != diag.Info || !strings.Contains(s.Diags[0].Message, "no sitemap.xml") {
		t.Errorf("no note about the missing sitemap: %v", s.Diags)
	}
}

func TestExternalEditionHidesInternalProcess(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic", Audience: "external"})
	page := string(s.Files["glossary/discount/index.html"])
	for _, leak := range []string{"@acme/marketing", "Edit this page", "git.example", "Next review"} {
		if strings.Contains(page, leak) {
			t.Errorf("external page shows %q", leak)
		}
	}
}

func TestHeadingIDsDoNotClashWithTheTheme(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/objections/too-expensive.md", strings.Replace(string(mustRead(t, dir, "content/objections/too-expensive.md")), "## Acknowledge", "## Response title\n\n## Main\n\n## Site nav\n\n## Acknowledge", 1))
	s := generate(t, Options{Source: dir})
	page := string(s.Files["objections/too-expensive/index.html"])
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllStringSubmatch(page, -1)
	seen := map[string]bool{}
	for _, m := range ids {
		if seen[m[1]] {
			t.Errorf("id %q appears twice", m[1])
		}
		seen[m[1]] = true
	}
}

func TestFrontMatterTextsBelongToTheirPage(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	brand := func(title string) string {
		return "+++\ntitle = \"" + title + "\"\ndo = [\"Follow [the rule](x.md)\"]\n+++\n"
	}
	writeFile(t, dir, "content/brand/a.md", brand("A"))
	writeFile(t, dir, "content/brand/x.md", "+++\ntitle = \"X\"\n+++\n")
	writeFile(t, dir, "content/brand/sub/b.md", brand("B"))
	writeFile(t, dir, "content/brand/sub/x.md", "+++\ntitle = \"X2\"\n+++\n")
	writeFile(t, dir, "content/closing-tools/paid-pilot.md", "+++\ntitle = \"Paid pilot\"\nwhen = \"See [the maths](#how-to-run-it) and **[price](../objections/too-expensive.md)**.\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\n+++\n## How to run it\n")
	s := generate(t, Options{Source: dir})
	if !strings.Contains(string(s.Files["brand/a/index.html"]), `href="/playbook/brand/x/"`) ||
		!strings.Contains(string(s.Files["brand/sub/b/index.html"]), `href="/playbook/brand/sub/x/"`) {
		t.Errorf("the same text in two folders links to the same page")
	}
	play := string(s.Files["plays/business-case-cfo/index.html"])
	if !strings.Contains(play, `<a href="/playbook/closing-tools/paid-pilot/#how-to-run-it">the maths</a>`) {
		t.Errorf("a tool's same-page anchor shown on a play does not point at the tool page")
	}
	obj := string(s.Files["objections/too-expensive/index.html"])
	if !strings.Contains(obj, `<span class="tool-list__when">See the maths and price.</span>`) {
		t.Errorf("closing tool's line is not plain text:\n%s", obj[strings.Index(obj, "tool-list__when"):][:200])
	}
}

func TestMoreLinkForms(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\n## 日本語\n\n"+
		"[u](../objections/too-expensive/) [e](#%E6%97%A5%E6%9C%AC%E8%AA%9E) [top](#) [q](?x=1) www.example.com <https://example.org/a.md>\n")
	s := generate(t, Options{Source: dir})
	page := string(s.Files["guides/internal-notes/index.html"])
	for _, want := range []string{`href="/playbook/objections/too-expensive/"`, `href="#%E6%97%A5%E6%9C%AC%E8%AA%9E"`, `href="http://www.example.com"`, `href="https://example.org/a.md"`} {
		if !strings.Contains(page, want) {
			t.Errorf("lacks %s", want)
		}
	}
}

func TestContentOddities(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/README.md", "# How this folder works\n")
	writeFile(t, dir, "shared/page.md", "+++\ntitle = \"Shared\"\n+++\n")
	if err := os.Symlink("../shared", filepath.Join(dir, "content", "shared")); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || !strings.Contains(err.Error(), "content/shared: error: is a symbolic link to a folder") {
		t.Fatalf("got %v", err)
	}
	os.Remove(filepath.Join(dir, "content", "shared"))
	// README.md is a section page too: beside _index.md, one too many.
	_, err = Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || !strings.Contains(err.Error(), "content/README.md:1:1: error: this folder has 2 section pages: _index.md, README.md") {
		t.Fatalf("got %v", err)
	}
	os.Remove(filepath.Join(dir, "content", "README.md"))
	generate(t, Options{Source: dir})
}

// Files that raw HTML uses are published like those markdown links use,
// rewritten to their site path; in safe mode the rest of the folder is
// not. Unsafe raw HTML can use files where no link is read (an iframe),
// so there the folder of a published page goes whole.
func TestRawHTMLPublishesWhatItUses(t *testing.T) {
	for _, cfg := range []string{"", "[markdown]\nraw_html = \"unsafe\"\n"} {
		dir := copyFixture(t, "testdata/basic")
		writeFile(t, dir, "playbook.toml", string(mustRead(t, dir, "playbook.toml"))+"\n"+cfg)
		writeFile(t, dir, "content/guides/diagram.png", "PNG")
		writeFile(t, dir, "content/guides/diagram@2x.png", "PNG")
		writeFile(t, dir, "content/guides/internal-attachment.pdf", "PDF")
		writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\n<picture><source srcset=\"diagram@2x.png 2x\"><img src=\"diagram.png\" alt=\"d\"></picture>\n\n<a href=\"../closing-tools/paid-pilot.md#how-to-run-it\">pilot</a>\n")
		s := generate(t, Options{Source: dir})
		for _, f := range []string{"guides/diagram.png", "guides/diagram@2x.png"} {
			if _, ok := s.Files[f]; !ok {
				t.Errorf("%q: %s, used only from raw HTML, was not published", cfg, f)
			}
		}
		if _, ok := s.Files["guides/internal-attachment.pdf"]; ok != (cfg != "") {
			t.Errorf("%q: a file beside a page published: %v", cfg, ok)
		}
		page := string(s.Files["guides/internal-notes/index.html"])
		for _, want := range []string{`srcset="/playbook/guides/diagram@2x.png 2x"`, `src="/playbook/guides/diagram.png"`, `href="/playbook/closing-tools/paid-pilot/#how-to-run-it"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%q: lacks %s", cfg, want)
			}
		}
	}
}

func TestMisnamedLayoutWarns(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "layouts/objections.html", "x")
	writeFile(t, dir, "layouts/partial/meta.html", "y")
	writeFile(t, dir, "layouts/partials/extra.html", "z")
	s := generate(t, Options{Source: dir})
	var got []string
	for _, d := range s.Diags {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{`layouts/objections.html: warning: this layout overrides nothing`, `(did you mean "objection.html"?)`, `layouts/partial/meta.html: warning: this layout overrides nothing: the only folder inside layouts/ is partials/ (did you mean layouts/partials/meta.html?)`} {
		if !strings.Contains(all, want) {
			t.Errorf("lacks %s in:\n%s", want, all)
		}
	}
	if strings.Contains(all, "extra.html") {
		t.Errorf("a new partial was flagged")
	}
}

func TestInlineOfForeignTextIsPlain(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "layouts/partials/page-header.html", `<header><h1>{{.Title}}</h1><p class="lede">{{inline $ .Description}}</p></header>`)
	writeFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\ndescription = \"A [link](../objections/too-expensive.md) and **bold**\"\n+++\n")
	s := generate(t, Options{Source: dir})
	page := string(s.Files["guides/internal-notes/index.html"])
	if !strings.Contains(page, `<p class="lede">A link and bold</p>`) {
		t.Errorf("unchecked text rendered with its link:\n%s", page[strings.Index(page, "<header><h1>"):][:200])
	}
}

func TestSameTextTwiceOneError(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	writeFile(t, dir, "content/objections/too-expensive.md", "+++\ntitle = \"T\"\nsays = \"s\"\ncategory = \"price\"\nproof = [\"See [x](nope.md)\", \"See [x](nope.md)\"]\n+++\n")
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || strings.Count(err.Error(), "nope.md") != 1 {
		t.Errorf("got %v", err)
	}
}

func TestEditorLitterIgnored(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	for _, f := range []string{"static/css/.playbook.css.swp", "static/css/playbook.css~", "static/.DS_Store", "static/css/4913", "content/objections/#too-expensive.md#", "content/objections/.too-expensive.md.swp", "layouts/.objection.html.swp"} {
		writeFile(t, dir, f, "junk")
	}
	if err := os.Symlink("root@host.1:1", filepath.Join(dir, "static", "css", ".#x.css")); err != nil { // an Emacs lock
		t.Fatal(err)
	}
	s := generate(t, Options{Source: dir})
	for name := range s.Files {
		if strings.Contains(name, "swp") || strings.HasSuffix(name, "~") || strings.Contains(name, "DS_Store") || strings.HasSuffix(name, "4913") || strings.Contains(name, "#") {
			t.Errorf("published %s", name)
		}
	}
	if len(s.Diags) > 0 {
		t.Errorf("litter caused diagnostics: %v", s.Diags)
	}
}

// With GitHistory, a page shows when and by whom its file last changed.
func TestGitHistoryShowsLastChange(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	commitAll(t, dir)
	s := generate(t, Options{Source: dir, GitHistory: true})
	page := string(s.Files["objections/too-expensive/index.html"])
	if !strings.Contains(page, `<dt>Last changed</dt><dd><time datetime="2026-03-04">4 Mar 2026</time> by Ada Writer</dd>`) {
		t.Errorf("no last change on the page:\n%s", page[strings.Index(page, `<aside class="page-meta"`):])
	}
	// Without the option the page depends on its files alone.
	if strings.Contains(string(generate(t, Options{Source: dir}).Files["objections/too-expensive/index.html"]), "Last changed") {
		t.Error("last change shown without GitHistory")
	}
}

// commitAll makes dir a git repository with everything in one commit by
// Ada Writer on 4 March 2026, whatever the machine's git configuration.
func commitAll(t *testing.T, dir string) {
	t.Helper()
	gittest.Isolate(t)
	env := gittest.Env("Ada Writer", time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC))
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "."}, {"commit", "-q", "-m", "first"}} {
		gittest.RunIn(t, dir, env, nil, args...)
	}
}

// A tagged version is built from git, not from the working tree, and gives
// what a build of that version's files gives.
func TestGenerateFromGitRevision(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	commitAll(t, dir)
	gittest.RunIn(t, dir, nil, nil, "tag", "v1")
	want := generate(t, Options{Source: dir})

	// The working tree moves on; v1 must not.
	page := filepath.Join(dir, "content", "objections", "too-expensive.md")
	edited := strings.Replace(string(mustRead(t, dir, "content/objections/too-expensive.md")), "title = ", "title = \"Later\" # ", 1)
	if err := os.WriteFile(page, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := gitfs.Open(context.Background(), dir, "v1", "")
	if err != nil {
		t.Fatal(err)
	}
	defer files.Close()
	got := generate(t, Options{Source: dir, Files: files})
	if len(got.Files) != len(want.Files) {
		t.Fatalf("%d files from v1, %d from its checkout", len(got.Files), len(want.Files))
	}
	for name, b := range want.Files {
		if !bytes.Equal(got.Files[name], b) {
			t.Errorf("%s differs between v1 read from git and its checkout", name)
		}
	}
	if string(mustRead(t, dir, "content/objections/too-expensive.md")) != edited {
		t.Error("the working tree was touched")
	}
}
