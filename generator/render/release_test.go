package render

import (
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// sampleRenderer builds a renderer over the sample playbook, with its
// config changed by edit (when not nil) and the site linked with opts.
func sampleRenderer(t testing.TB, edit func(*config.Config), opts site.Options) (*Renderer, *site.Site) {
	t.Helper()
	cfg, err := config.Load("../../playbook")
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(cfg)
	}
	fsys := os.DirFS("../../playbook")
	set, _, err := content.Load(fsys, cfg)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	if opts.Today.IsZero() {
		opts.Today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)
	}
	s, diags := site.Link(cfg, set, fsys, md, opts)
	if s == nil {
		t.Fatal(diags)
	}
	r, err := New(s, md, fsys, theme.FS)
	if err != nil {
		t.Fatal(err)
	}
	return r, s
}

func mustPage(t testing.TB, s *site.Site, path string) *site.Page {
	t.Helper()
	p := s.Page(path)
	if p == nil {
		t.Fatalf("sample has no page %s", path)
	}
	return p
}

// issueQuery parses a feedback link and returns its query.
func issueQuery(t *testing.T, link, wantPrefix string) url.Values {
	t.Helper()
	if !strings.HasPrefix(link, wantPrefix) {
		t.Fatalf("link %s does not start with %s", link, wantPrefix)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.Query()
}

var v31 = release.Version{Name: "v3.1", Tag: "v3.1", Path: "v/v3.1/", Commit: "0123456789abcdef0123456789abcdef01234567",
	Date: time.Date(2026, 10, 2, 9, 0, 0, 0, time.UTC)}

func TestFeedbackGitHub(t *testing.T) {
	r, s := sampleRenderer(t, nil, site.Options{})
	p := mustPage(t, s, "/objections/too-expensive/")
	fb := r.feedback(p)
	if fb == nil {
		t.Fatal("objection page has no feedback links with repository.url on GitHub")
	}
	const prefix = "https://github.com/northwind-freight/playbook/issues/new?"
	q := issueQuery(t, fb.Worked, prefix)
	if got, want := q.Get("title"), "Worked in a call: "+p.Title; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got := q.Get("labels"); got != "feedback: worked" {
		t.Errorf("labels = %q", got)
	}
	wantBody := "Page: https://northwind-freight.github.io/playbook/objections/too-expensive/\nVersion: Latest\n\nWhat happened on the call?"
	if body := q.Get("body"); !strings.HasPrefix(body, wantBody) {
		t.Errorf("body = %q, want it to start %q", body, wantBody)
	}
	if strings.Contains(q.Get("body"), "Commit:") {
		t.Errorf("body names a commit though none is known: %q", q.Get("body"))
	}
	q = issueQuery(t, fb.NotWorked, prefix)
	if got := q.Get("title"); got != "Didn't work: "+p.Title {
		t.Errorf("title = %q", got)
	}
	if got := q.Get("labels"); got != "feedback: didn't work" {
		t.Errorf("labels = %q", got)
	}
	if len(fb.Worked) > 2000 {
		t.Errorf("link is %d bytes long", len(fb.Worked))
	}

	// With a release: its name and the commit's first 12 characters.
	r.SetRelease(&release.Context{Current: v31, RootPath: "/playbook/"})
	q = issueQuery(t, r.feedback(view{Page: p, Layout: p.Kind}).Worked, prefix)
	if body := q.Get("body"); !strings.Contains(body, "\nVersion: v3.1\nCommit: 0123456789ab\n\n") {
		t.Errorf("body = %q", body)
	}

	// The page's title is escaped, whatever it holds.
	c := *p.Page
	c.Title = `Price & value #1: 100% "sure"? a+b/c`
	odd := *p
	odd.Page = &c
	fb = r.feedback(&odd)
	if strings.ContainsAny(strings.TrimPrefix(fb.Worked, prefix), " \"#") {
		t.Errorf("link is not escaped: %s", fb.Worked)
	}
	if got := issueQuery(t, fb.Worked, prefix).Get("title"); got != "Worked in a call: "+c.Title {
		t.Errorf("title = %q", got)
	}

	// A very long title is cut, keeping the link short.
	c.Title = strings.Repeat("very long title ", 200)
	if fb := r.feedback(&odd); len(fb.Worked) > 2000 {
		t.Errorf("link for a long title is %d bytes", len(fb.Worked))
	}
}

func TestFeedbackGitLab(t *testing.T) {
	r, s := sampleRenderer(t, func(c *config.Config) {
		c.Repository.URL = "https://gitlab.example.com/sales/playbook.git"
		c.Feedback.Provider = "gitlab"
		c.Feedback.Labels.Worked = "call: worked"
	}, site.Options{})
	p := mustPage(t, s, "/closing-tools/paid-pilot/")
	fb := r.feedback(p)
	if fb == nil {
		t.Fatal("closing tool has no feedback links on GitLab")
	}
	q := issueQuery(t, fb.Worked, "https://gitlab.example.com/sales/playbook/-/issues/new?")
	if got := q.Get("issue[title]"); got != "Worked in a call: "+p.Title {
		t.Errorf("issue[title] = %q", got)
	}
	body := q.Get("issue[description]")
	if !strings.HasPrefix(body, "Page: https://northwind-freight.github.io/playbook/closing-tools/paid-pilot/\n") ||
		!strings.HasSuffix(body, "\n/label ~\"call: worked\"\n") {
		t.Errorf("issue[description] = %q", body)
	}
	q = issueQuery(t, fb.NotWorked, "https://gitlab.example.com/sales/playbook/-/issues/new?")
	if body := q.Get("issue[description]"); !strings.HasSuffix(body, "\n/label ~\"feedback: didn't work\"\n") {
		t.Errorf("issue[description] = %q", body)
	}
}

func TestFeedbackCustomURL(t *testing.T) {
	r, s := sampleRenderer(t, func(c *config.Config) {
		c.Feedback.URL = "https://forms.example/new?t={title}&p={page}&v={version}&c={commit}&l={label}"
	}, site.Options{})
	r.SetRelease(&release.Context{Current: v31, RootPath: "/playbook/"})
	fb := r.feedback(mustPage(t, s, "/objections/too-expensive/"))
	q := issueQuery(t, fb.NotWorked, "https://forms.example/new?")
	for key, want := range map[string]string{
		"p": "https://northwind-freight.github.io/playbook/objections/too-expensive/",
		"v": "v3.1", "c": "0123456789ab", "l": "feedback: didn't work",
	} {
		if got := q.Get(key); got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
}

func TestFeedbackOnlyWhereItBelongs(t *testing.T) {
	r, s := sampleRenderer(t, nil, site.Options{})
	for _, path := range []string{"/", "/objections/", "/glossary/qualified-prospect/", "/plays/business-case-cfo/", "/personas/cfo/", "/brand/colours/"} {
		if fb := r.feedback(mustPage(t, s, path)); fb != nil {
			t.Errorf("%s has feedback links", path)
		}
	}
	if fb := r.feedback(view{Page: s.Home, Layout: "404"}); fb != nil {
		t.Errorf("404 page has feedback links")
	}
	for _, p := range []string{"/objections/too-expensive/", "/closing-tools/paid-pilot/"} {
		html := render(t, r, mustPage(t, s, p))
		for _, want := range []string{`<aside class="feedback"`, `Did this work in a call?`, `target="_blank" rel="noopener"`,
			`href="https://github.com/northwind-freight/playbook/issues/new?title=Worked&#43;in&#43;a&#43;call`} {
			if !strings.Contains(html, want) {
				t.Errorf("%s lacks %s", p, want)
			}
		}
	}
	html := render(t, r, mustPage(t, s, "/plays/business-case-cfo/"))
	if strings.Contains(html, `class="feedback"`) {
		t.Errorf("play page shows feedback links")
	}

	for name, edit := range map[string]func(*config.Config){
		"no repository.url": func(c *config.Config) { c.Repository.URL = "" },
		"not on a known host": func(c *config.Config) {
			c.Repository.URL = "https://git.example/acme/playbook"
		},
		"turned off": func(c *config.Config) { off := false; c.Feedback.Enabled = &off },
	} {
		r, s := sampleRenderer(t, edit, site.Options{})
		p := mustPage(t, s, "/objections/too-expensive/")
		if fb := r.feedback(p); fb != nil {
			t.Errorf("%s: feedback links %+v", name, fb)
		}
		if html := render(t, r, p); strings.Contains(html, `class="feedback"`) {
			t.Errorf("%s: page shows feedback links", name)
		}
	}
	r, s = sampleRenderer(t, nil, site.Options{Audience: content.External})
	if fb := r.feedback(s.Page("/objections/too-expensive/")); fb != nil {
		t.Errorf("public edition has feedback links")
	}
}

func render(t testing.TB, r *Renderer, p *site.Page) string {
	t.Helper()
	b, err := r.Page(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNoReleaseNoSwitcher(t *testing.T) {
	r, s := sampleRenderer(t, nil, site.Options{BaseURL: "/"})
	r.SetRelease(nil)
	for _, p := range []string{"/", "/objections/too-expensive/"} {
		html := render(t, r, mustPage(t, s, p))
		for _, not := range []string{"version-switch", "versions.js", "version-banner", "versions.json", "New in"} {
			if strings.Contains(html, not) {
				t.Errorf("%s without a release shows %s", p, not)
			}
		}
	}
	if _, err := r.Changes(); err == nil {
		t.Errorf("Changes without a release: no error")
	}
	if _, err := r.Versions(nil); err == nil {
		t.Errorf("Versions without a release: no error")
	}
}

func TestSwitcherAndBanner(t *testing.T) {
	latest := release.Version{Name: "Latest", Path: "", Latest: true}
	r, s := sampleRenderer(t, nil, site.Options{BaseURL: "/playbook/"})
	r.SetRelease(&release.Context{Current: latest, RootPath: "/playbook/"})
	html := render(t, r, mustPage(t, s, "/objections/too-expensive/"))
	for _, want := range []string{
		`<details class="version-switch" data-versions="/playbook/versions.json" data-root="/playbook/" data-version="" data-page="objections/too-expensive/">`,
		`<span class="version-switch__name">Latest</span>`,
		`<a href="/playbook/versions/">All versions</a>`,
		`/playbook/js/versions.js?v=`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("latest's page lacks %s", want)
		}
	}
	if strings.Contains(html, "version-banner") {
		t.Errorf("latest's page has the older version's banner")
	}

	r, s = sampleRenderer(t, func(c *config.Config) { c.Menu.PerPage = 4 }, site.Options{BaseURL: "/playbook/v/v3.1/"})
	r.SetRelease(&release.Context{Current: v31, RootPath: "/playbook/"})
	sec := mustPage(t, s, "/objections/")
	list, err := r.Listing(sec, 2)
	if err != nil {
		t.Fatal(err)
	}
	nf, err := r.NotFound()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ what, html, page string }{
		{"objection", render(t, r, mustPage(t, s, "/objections/too-expensive/")), "objections/too-expensive/"},
		{"section's list page 2", string(list), "objections/"},
		{"404", string(nf), ""},
	} {
		for _, want := range []string{
			`data-versions="/playbook/versions.json" data-root="/playbook/" data-version="v/v3.1/" data-page="` + c.page + `"`,
			`<div class="version-banner" role="note" data-version-banner>`,
			`You're viewing <strong>v3.1</strong>, an older version of this playbook.`,
			`<a class="version-banner__link" href="/playbook/" data-version-latest>Go to the latest version</a>`,
			`/playbook/v/v3.1/js/versions.js?v=`,
		} {
			if !strings.Contains(c.html, want) {
				t.Errorf("%s of v3.1 lacks %s", c.what, want)
			}
		}
	}
}

func sampleReport() *changes.Report {
	return &changes.Report{
		From: "v3.0", To: "v3.1", FromPath: "v/v3.0/", ToPath: "v/v3.1/",
		Added:   []changes.Page{{Path: "objections/new-one/", Title: "A new objection", Kind: "objection"}},
		Removed: []changes.Page{{Path: "closing-tools/gone/", Title: "Retired tool", Kind: "closing-tool"}},
		Changed: []changes.Change{{
			Page:     changes.Page{Path: "objections/too-expensive/", Title: "Too expensive", Kind: "objection"},
			OldTitle: "Too pricey", Inserted: 4, Deleted: 2,
			Sections: []changes.Section{
				{Heading: "", Status: changes.SectionChanged, Parts: []changes.Part{
					{Op: changes.Same, Text: "the buyer says the price is ", Elided: true},
					{Op: changes.Delete, Text: "high"},
					{Op: changes.Insert, Text: "<too> high & more"},
					{Op: changes.Same, Text: " so we ask", Elided: true},
					{Op: changes.Same, Text: " and then"},
					{Op: changes.Insert, Text: " listen"},
					{Op: changes.Same, Text: " before answering with", Elided: true},
				}},
				{Heading: "Acknowledge", Anchor: "acknowledge", Status: changes.SectionAdded, Parts: []changes.Part{{Op: changes.Insert, Text: "Say you hear it."}}},
				{Heading: "Old step", Status: changes.SectionRemoved, Parts: []changes.Part{{Op: changes.Delete, Text: "Offer a discount and", Elided: true}}},
			},
		}},
	}
}

func TestChangesPage(t *testing.T) {
	r, _ := sampleRenderer(t, nil, site.Options{BaseURL: "https://acme.example/playbook/v/v3.1/"})
	r.SetRelease(&release.Context{Current: v31, RootPath: "/playbook/", Changes: sampleReport()})
	b, err := r.Changes()
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{
		`<title>What changed in v3.1 · Northwind Playbook</title>`,
		`<link rel="canonical" href="https://acme.example/playbook/v/v3.1/changes/">`,
		`<h1>What changed in v3.1</h1>`,
		`Since v3.0: 1 page added, 1 changed, 1 removed.`,
		`<a href="/playbook/v/v3.1/objections/new-one/">A new objection</a>`,
		`<a href="/playbook/v/v3.1/objections/too-expensive/">Too expensive</a>`,
		`<span class="change__ins">+4</span> <span class="change__del">−2</span> words`,
		`Renamed from “Too pricey”`,
		`<a href="/playbook/v/v3.1/objections/too-expensive/#acknowledge">Acknowledge</a>`,
		`<p class="diff">…the buyer says the price is <del><span class="visually-hidden">removed: </span>high</del><ins><span class="visually-hidden">added: </span>&lt;too&gt; high &amp; more</ins> so we ask… and then<ins><span class="visually-hidden">added: </span> listen</ins> before answering with…</p>`,
		`<del><span class="visually-hidden">removed: </span>Offer a discount and…</del>`,
		`Removed section`,
		`<a href="/playbook/v/v3.0/closing-tools/gone/">Retired tool</a>`,
		`data-page="changes/"`,
		`version-banner`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("changes page lacks %s", want)
		}
	}
	if strings.Contains(html, `href="/playbook/v/v3.1/objections/too-expensive/#"`) {
		t.Errorf("a section without an anchor is linked")
	}

	r.SetRelease(&release.Context{Current: v31, RootPath: "/playbook/", Changes: &changes.Report{From: "v3.0", To: "v3.1", FromPath: "v/v3.0/", ToPath: "v/v3.1/"}})
	b, err = r.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "No page changed since v3.0.") {
		t.Errorf("empty report does not say no page changed")
	}
	r.SetRelease(&release.Context{Current: v31, RootPath: "/playbook/"})
	b, err = r.Changes()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "This is the first version") {
		t.Errorf("no report does not say it is the first version")
	}
}

func TestHomeWhatsNew(t *testing.T) {
	r, s := sampleRenderer(t, nil, site.Options{BaseURL: "/v/v3.1/"})
	r.SetRelease(&release.Context{Current: v31, RootPath: "/", Changes: sampleReport()})
	html := render(t, r, s.Home)
	for _, want := range []string{
		`<h2 id="pb-home-new" class="section-title">New in v3.1</h2>`,
		`<a href="/v/v3.1/objections/new-one/">A new objection</a>`,
		`<a href="/v/v3.1/objections/too-expensive/">Too expensive</a>`,
		`<a href="/v/v3.1/changes/">See everything that changed</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("home lacks %s", want)
		}
	}
	r.SetRelease(&release.Context{Current: v31, RootPath: "/", Changes: &changes.Report{From: "v3.0", To: "v3.1"}})
	if html := render(t, r, s.Home); strings.Contains(html, "pb-home-new") {
		t.Errorf("home shows what is new though nothing changed")
	}

	many := &changes.Report{To: "v4"}
	for range 11 {
		many.Added = append(many.Added, changes.Page{Path: "x/", Title: "X", Kind: "page"})
	}
	got := whatsNew(8, many)
	if len(got.Items) != 8 || got.More != 3 {
		t.Errorf("whatsNew(8, 11 pages) = %d items, %d more", len(got.Items), got.More)
	}
}

func TestVersionsPage(t *testing.T) {
	r, _ := sampleRenderer(t, nil, site.Options{BaseURL: "https://acme.example/playbook/"})
	latest := release.Version{Name: "Latest", Path: "", Latest: true, Commit: "fedcba9876543210", Date: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
	v30 := release.Version{Name: "2026 Q3", Tag: "v3.0", Path: "v/2026-q3/", Date: time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC)}
	r.SetRelease(&release.Context{Current: latest, RootPath: "/playbook/"})
	b, err := r.Versions([]release.Version{latest, v31, v30})
	if err != nil {
		t.Fatal(err)
	}
	html := string(b)
	for _, want := range []string{
		`<title>Versions · Northwind Playbook</title>`,
		`<link rel="canonical" href="https://acme.example/playbook/versions/">`,
		`<a class="version__name" href="/playbook/" aria-current="page">Latest</a>`,
		`<a class="version__name" href="/playbook/v/v3.1/">v3.1</a>`,
		`<time datetime="2026-10-02">2 Oct 2026</time>`,
		`<a href="/playbook/changes/">What changed`,
		`<a href="/playbook/v/v3.1/changes/">What changed`,
		`<a href="/playbook/v/2026-q3/">Open`,
		`tag <code>v3.0</code>`,
		`commit <code title="fedcba9876543210">fedcba9</code>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("versions page lacks %s", want)
		}
	}
	if strings.Contains(html, `/playbook/v/2026-q3/changes/`) {
		t.Errorf("the oldest version links to what changed in it")
	}
}

func TestDiffParts(t *testing.T) {
	same := func(text string, elided bool) changes.Part {
		return changes.Part{Op: changes.Same, Text: text, Elided: elided}
	}
	for _, c := range []struct {
		parts []changes.Part
		want  []string
	}{
		// Cut before the first change, after the last, and in a run between two.
		{[]changes.Part{same("price is ", true), {Op: changes.Insert, Text: "fair"}, same(" for us and", true), same(" the price is ", false),
			{Op: changes.Delete, Text: "low"}, same(" so we", true)},
			[]string{"same:…price is ", "insert:fair", "same: for us and…", "same: the price is ", "delete:low", "same: so we…"}},
		// An added or removed section shortened: its one part is cut at its end.
		{[]changes.Part{{Op: changes.Insert, Text: "A long new section", Elided: true}}, []string{"insert:A long new section…"}},
		{[]changes.Part{{Op: changes.Delete, Text: "Gone"}}, []string{"delete:Gone"}},
	} {
		var got []string
		for _, p := range diffParts(c.parts) {
			got = append(got, p.Op+":"+p.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("diffParts = %q, want %q", got, c.want)
		}
	}
}

func TestChangeSummaryAndTitle(t *testing.T) {
	for _, c := range []struct {
		rep  changes.Report
		want string
	}{
		{changes.Report{Added: make([]changes.Page, 1), Changed: make([]changes.Change, 3)}, "1 page added, 3 changed"},
		{changes.Report{Changed: make([]changes.Change, 2), Removed: make([]changes.Page, 1)}, "2 pages changed, 1 removed"},
		{changes.Report{Removed: make([]changes.Page, 1)}, "1 page removed"},
		{changes.Report{}, ""},
	} {
		if got := changeSummary(&c.rep); got != c.want {
			t.Errorf("changeSummary = %q, want %q", got, c.want)
		}
	}

	r, s := sampleRenderer(t, nil, site.Options{BaseURL: "/"})
	rep := sampleReport()
	rep.To, rep.ToPath = "Latest", ""
	r.SetRelease(&release.Context{Current: release.Version{Name: "Latest", Latest: true}, RootPath: "/", Changes: rep})
	b, err := r.Changes()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<title>What changed since v3.0 · Northwind Playbook</title>`, `<h1>What changed since v3.0</h1>`,
		`In the latest version: 1 page added, 1 changed, 1 removed.`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("latest's changes page lacks %s", want)
		}
	}
	if html := render(t, r, s.Home); !strings.Contains(html, `>New since v3.0</h2>`) {
		t.Errorf("latest's home does not say what is new since v3.0")
	}
}
