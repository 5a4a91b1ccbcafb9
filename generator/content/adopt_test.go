package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// Tests for reading content written for other tools as it is.

func strs(l diag.List) []string {
	var out []string
	for _, d := range l {
		out = append(out, d.String())
	}
	return out
}

func TestTitleFromBody(t *testing.T) {
	cfg := sampleConfig(t)
	cases := []struct {
		name, file, src string
		title, body     string
		bodyLine        int
	}{
		{"ATX heading", "content/guides/call-prep.md", "# Before the call\n\nRead the account.\n",
			"Before the call", "\n\nRead the account.\n", 1},
		{"closing hashes and markup", "content/guides/x.md", "  # The *big* [deal](y.md) #\nText\n",
			"The big deal", "\nText\n", 1},
		{"setext", "content/guides/x.md", "\nPricing notes\n=============\n\nText\n",
			"Pricing notes", "\n\n\n\nText\n", 1},
		{"no heading: file name", "content/guides/call-prep.md", "Just text.\n## Sub\n",
			"Call prep", "Just text.\n## Sub\n", 1},
		{"heading in a code block is not one", "content/guides/call-prep.md", "```\n# not a title\n```\n",
			"Call prep", "```\n# not a title\n```\n", 1},
		{"a heading below other headings is not the title", "content/guides/how-to.md", "## Setup\nSteps.\n\n# How to\n- one\n",
			"How to", "## Setup\nSteps.\n\n# How to\n- one\n", 1},
		{"a heading below prose is not the title", "content/guides/how-to.md", "Some intro.\n\n# Later\n",
			"How to", "Some intro.\n\n# Later\n", 1},
		{"heading after a badge", "content/guides/x.md", "![badge](b.png)\n\n# Real title\nText\n",
			"Real title", "![badge](b.png)\n\n\nText\n", 1},
		{"front matter without a title", "content/guides/x.md", "---\nweight: 2\n---\n# From heading\nText\n",
			"From heading", "\nText\n", 4},
		{"front matter title repeated as heading", "content/guides/x.md", "+++\ntitle = \"Same\"\n+++\n\n# Same\nText\n",
			"Same", "\n\nText\n", 4},
		{"front matter title, other heading kept", "content/guides/x.md", "+++\ntitle = \"Same\"\n+++\n# Other\nText\n",
			"Same", "# Other\nText\n", 4},
		{"section page: folder name", "content/call-notes/README.md", "Some text.\n",
			"Call notes", "Some text.\n", 1},
		{"home page: site title", "content/_index.md", "Welcome.\n",
			cfg.Title, "Welcome.\n", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var diags diag.List
			p := Parse(c.file, []byte(c.src), cfg, &diags)
			if p == nil || len(diags) > 0 {
				t.Fatalf("page %v, diags %v", p, diags)
			}
			if p.Title != c.title || string(p.Body) != c.body || p.BodyLine != c.bodyLine {
				t.Errorf("title %q body %q at line %d; want %q %q at %d", p.Title, p.Body, p.BodyLine, c.title, c.body, c.bodyLine)
			}
			// Every body line keeps its line number in the file.
			if n, m := strings.Count(string(p.Body), "\n"), strings.Count(c.src, "\n")-(c.bodyLine-1); n != m {
				t.Errorf("body has %d lines, file has %d after the front matter", n, m)
			}
		})
	}
}

// A title taken from the body belongs to the front matter for edits: an
// edit up to the heading changes what other pages show.
func TestTitleHeadingIsFrontMatter(t *testing.T) {
	var diags diag.List
	p := Parse("content/guides/x.md", []byte("<!-- note -->\n# Title\nBody text\n"), sampleConfig(t), &diags)
	if got := string(p.FrontMatter()); got != "<!-- note -->\n# Title\n" {
		t.Errorf("front matter %q", got)
	}
	if pos := p.TextPos["Title"]; pos != (Pos{2, 1}) {
		t.Errorf("title at %v", pos)
	}
}

func TestNoFrontMatterTypedPage(t *testing.T) {
	var diags diag.List
	// A typed folder's page with none of the kind's fields is a plain
	// page (an existing handbook's glossary/ holds prose), with a note.
	p := Parse("content/objections/too-pricey.md", []byte("# Too pricey\n\nAnswer.\n"), sampleConfig(t), &diags)
	if p == nil || p.Title != "Too pricey" || p.Kind != KindPage {
		t.Fatalf("page %+v", p)
	}
	note := `content/objections/too-pricey.md:1:1: note: in objections/ but has none of an objection's fields (says, also_heard, category, personas, stages, proof, closing_tools, avoid), so it is a plain page: add them to make it a card, or set kind = "page" to say it is meant as one`
	if got := strs(diags); !slices.Equal(got, []string{note}) {
		t.Errorf("got %q\nwant %q", got, note)
	}
	// One of its fields makes it a card, which then names what it lacks.
	diags = nil
	p = Parse("content/objections/too-pricey.md", []byte("+++\nproof = [\"x\"]\n+++\n# Too pricey\n\nAnswer.\n"), sampleConfig(t), &diags)
	if p == nil || p.Kind != KindObjection {
		t.Fatalf("page %+v", p)
	}
	want := []string{
		`content/objections/too-pricey.md:1:1: error: missing required field "says": the customer's words, like "It's too expensive."`,
		`content/objections/too-pricey.md:1:1: error: missing required field "category": one of price, timing, competitor, authority, need, risk`,
	}
	if got := strs(diags); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func loadMap(t *testing.T, cfg *config.Config, files map[string]string) (*Set, []string) {
	t.Helper()
	set, diags, err := Load(fixture.FS(files), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return set, strs(diags)
}

func pageAt(set *Set, rel string) *Page {
	for _, p := range set.Pages {
		if p.Rel == rel {
			return p
		}
	}
	return nil
}

func TestSectionPages(t *testing.T) {
	cfg := sampleConfig(t)
	set, diags := loadMap(t, cfg, map[string]string{
		"content/index.md":             "# Handbook\n",
		"content/a/_index.md":          "# A\n",
		"content/a/x.md":               "# X\n",
		"content/b/README.md":          "# B\n",
		"content/b/c/readme.md":        "# C\n",
		"content/b/c/y.md":             "# Y\n",
		"content/guide.md":             "# Guide\n",
		"content/guide/step.md":        "# Step\n",
		"content/guide/deep/z.md":      "# Z\n",
		"content/lonely.md":            "# Lonely\n",
		"content/lonely/photo.png":     "PNG",
		"content/objections/_index.md": "# Objections\n",
	})
	if len(diags) > 0 {
		t.Fatalf("diags %v", diags)
	}
	cases := []struct {
		rel, dir, section, slug, url, kind string
		isSection                          bool
	}{
		{"index.md", "", "", "", "/", KindHome, true},
		{"a/_index.md", "a", "a", "a", "/a/", KindSection, true},
		{"b/README.md", "b", "b", "b", "/b/", KindSection, true},
		{"b/c/readme.md", "b/c", "b", "c", "/b/c/", KindSection, true},
		{"guide.md", "guide", "guide", "guide", "/guide/", KindSection, true},
		{"lonely.md", "", "", "lonely", "/lonely/", KindPage, false}, // its folder has no pages
		{"a/x.md", "a", "a", "x", "/a/x/", KindPage, false},
	}
	for _, c := range cases {
		p := pageAt(set, c.rel)
		if p == nil {
			t.Errorf("%s not loaded", c.rel)
			continue
		}
		got := []any{p.Dir, p.Section, p.Slug, p.URL, p.Kind, p.IsSection}
		want := []any{c.dir, c.section, c.slug, c.url, c.kind, c.isSection}
		if !slices.Equal(got, want) {
			t.Errorf("%s: dir, section, slug, url, kind, section page = %v; want %v", c.rel, got, want)
		}
	}
	if d := pageAt(set, "guide.md").FileDir(); d != "" {
		t.Errorf("guide.md links from %q, want the folder it is in", d)
	}
}

func TestSectionPageClashes(t *testing.T) {
	cfg := sampleConfig(t)
	_, diags := loadMap(t, cfg, map[string]string{
		"content/x/_index.md": "# X\n",
		"content/x/README.md": "# X again\n",
		"content/x/index.md":  "# X once more\n",
		"content/y.md":        "# Y\n",
		"content/y/_index.md": "# Y\n",
		"content/y/p.md":      "# P\n",
	})
	const rule = ": keep one, and merge the others into it or rename them (a section page is _index.md, index.md, README.md, or page.md beside a folder page/)"
	want := []string{
		"content/x/README.md:1:1: error: this folder has 3 section pages: _index.md, index.md, README.md" + rule,
		"content/x/_index.md:1:1: error: this folder has 3 section pages: _index.md, index.md, README.md" + rule,
		"content/x/index.md:1:1: error: this folder has 3 section pages: _index.md, index.md, README.md" + rule,
		"content/y.md:1:1: error: the folder content/y/ beside it has 2 section pages: _index.md, ../y.md" + rule,
		"content/y/_index.md:1:1: error: this folder has 2 section pages: _index.md, ../y.md" + rule,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

func TestUnknownFields(t *testing.T) {
	src := "---\ntitle: T\nsidebar_position: 3\ndata_source: crm\nhide_sidebar: true\nparams:\n  team: west\n  sizes: [1, 2]\n---\n"
	const keep = `: kept as a parameter for layouts (.Params.%s); move it under params, or set [content] unknown_fields = "ignore" in playbook.toml`
	cases := []struct {
		mode string
		want []string
	}{
		{config.UnknownWarning, []string{
			`content/guides/x.md:3:1: warning: unknown field "sidebar_position" (Playbook orders pages by "weight")` + strings.ReplaceAll(keep, "%s", "sidebar_position"),
			`content/guides/x.md:4:1: warning: unknown field "data_source"` + strings.ReplaceAll(keep, "%s", "data_source"),
			`content/guides/x.md:5:1: warning: unknown field "hide_sidebar"` + strings.ReplaceAll(keep, "%s", "hide_sidebar"),
		}},
		{config.UnknownError, []string{
			`content/guides/x.md:3:1: error: unknown field "sidebar_position" (Playbook orders pages by "weight")` + strings.ReplaceAll(keep, "%s", "sidebar_position"),
			`content/guides/x.md:4:1: error: unknown field "data_source"` + strings.ReplaceAll(keep, "%s", "data_source"),
			`content/guides/x.md:5:1: error: unknown field "hide_sidebar"` + strings.ReplaceAll(keep, "%s", "hide_sidebar"),
		}},
		{config.UnknownIgnore, nil},
	}
	for _, c := range cases {
		t.Run(c.mode, func(t *testing.T) {
			cfg := *sampleConfig(t)
			cfg.Content.UnknownFields = c.mode
			var diags diag.List
			p := Parse("content/guides/x.md", []byte(src), &cfg, &diags)
			diags.Sort()
			if got := strs(diags); !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			for _, r := range diags {
				if r.Rule != "unknown-field" {
					t.Errorf("rule %q", r.Rule)
				}
			}
			want := map[string]any{"sidebar_position": int64(3), "data_source": "crm", "hide_sidebar": true, "team": "west", "sizes": []any{int64(1), int64(2)}}
			if len(p.Params) != len(want) || p.Params["team"] != "west" || p.Params["sidebar_position"] != int64(3) || p.Params["hide_sidebar"] != true ||
				!slices.Equal(p.Params["sizes"].([]any), want["sizes"].([]any)) {
				t.Errorf("params %#v", p.Params)
			}
		})
	}
}

// Mistakes stay errors whatever unknown_fields says: a near miss of a
// known field, and a field of another kind.
func TestTyposStayErrors(t *testing.T) {
	cfg := *sampleConfig(t)
	cfg.Content.UnknownFields = config.UnknownIgnore
	cases := []struct{ file, src, want string }{
		{"content/objections/o.md", "+++\ntitle = \"T\"\nsayz = \"x\"\nsays = \"x\"\ncategory = \"price\"\n+++\n",
			`content/objections/o.md:3:1: error: unknown field "sayz" (did you mean "says"?)`},
		{"content/guides/g.md", "+++\ntitel = \"T\"\n+++\n", `content/guides/g.md:2:1: error: unknown field "titel" (did you mean "title"?)`},
		{"content/guides/g.md", "+++\ntitle = \"T\"\nsays = \"x\"\n+++\n",
			`content/guides/g.md:3:1: error: field "says" belongs to objection pages, but this page's kind is "page": set kind = "objection", or remove the field`},
		{"content/guides/g.md", "+++\ntitle = \"T\"\nimage = \"x.png\"\nid = \"g\"\n+++\n", ""}, // not typos of stage, do
		{"content/guides/g.md", "+++\ntitle = \"T\"\nparams = \"x\"\n+++\n",
			`content/guides/g.md:3:1: error: params must be a table of your own fields (params.team = "x" in TOML, an indented mapping in YAML), not text`},
	}
	for _, c := range cases {
		var diags diag.List
		Parse(c.file, []byte(c.src), &cfg, &diags)
		got := strings.Join(strs(diags), "\n")
		if got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.src, got, c.want)
		}
		for _, d := range diags {
			if d.Rule != "front-matter" {
				t.Errorf("rule %q", d.Rule)
			}
		}
	}
}

func TestCascade(t *testing.T) {
	cfg := sampleConfig(t)
	set, diags := loadMap(t, cfg, map[string]string{
		"content/_index.md":                 "+++\ntitle = \"Home\"\naudience = \"external\"\nowners = [\"marketing\"]\n+++\n",
		"content/top.md":                    "# Top\n",
		"content/sales/README.md":           "+++\nowners = [\"sales\"]\nreview_every = \"30d\"\n+++\n# Sales\n",
		"content/sales/a.md":                "# A\n",
		"content/sales/own.md":              "+++\nowners = [\"enablement\"]\naudience = \"external\"\n+++\n",
		"content/sales/deep/b.md":           "# B\n",
		"content/sales/deep/more/_index.md": "---\nreview_every: 7d\n---\n",
		"content/sales/deep/more/c.md":      "# C\n",
		"content/public/_index.md":          "+++\ntitle = \"Public\"\n[cascade]\naudience = \"external\"\n+++\n",
		"content/public/p.md":               "# P\n",
		"content/public/private/_index.md":  "+++\ntitle = \"Private\"\naudience = \"internal\"\n+++\n",
		"content/public/private/q.md":       "# Q\n",
		"content/public/private/open.md":    "+++\naudience = \"external\"\n+++\n",
	})
	if len(diags) > 0 {
		t.Fatalf("diags %v", diags)
	}
	cases := []struct {
		rel, owners, every, audience string
	}{
		{"_index.md", "marketing", "180d", External},
		{"top.md", "marketing", "180d", Internal}, // an external home page is not an external site
		{"sales/README.md", "sales", "30d", Internal},
		{"sales/a.md", "sales", "30d", Internal},
		{"sales/own.md", "enablement", "30d", External},
		{"sales/deep/b.md", "sales", "30d", Internal},
		{"sales/deep/more/_index.md", "sales", "7d", Internal},
		{"sales/deep/more/c.md", "sales", "7d", Internal},
		{"public/_index.md", "marketing", "180d", Internal},
		{"public/p.md", "marketing", "180d", External},
		{"public/private/q.md", "marketing", "180d", Internal},
		{"public/private/open.md", "marketing", "180d", External},
	}
	for _, c := range cases {
		p := pageAt(set, c.rel)
		var owners []string
		for _, o := range p.Owners {
			owners = append(owners, o.Slug)
		}
		got := []string{strings.Join(owners, ","), fmt.Sprintf("%d%c", p.ReviewEvery.N, p.ReviewEvery.Unit), p.Audience}
		if want := []string{c.owners, c.every, c.audience}; !slices.Equal(got, want) {
			t.Errorf("%s: owners, review_every, audience = %v, want %v", c.rel, got, want)
		}
	}
	// A page read again alone (the live preview) gets the same.
	var d diag.List
	p := set.Parse("content/sales/deep/b.md", []byte("# B again\n"), cfg, &d)
	if len(p.Owners) != 1 || p.Owners[0].Slug != "sales" || fmt.Sprintf("%d%c", p.ReviewEvery.N, p.ReviewEvery.Unit) != "30d" {
		t.Errorf("re-read page: owners %v every %v", p.Owners, p.ReviewEvery)
	}
	sec := set.Parse("content/sales/README.md", []byte("+++\nowners = [\"sales\"]\nreview_every = \"30d\"\n+++\n# Sales, renamed\n"), cfg, &d)
	if !SameCascade(pageAt(set, "sales/README.md"), sec) {
		t.Errorf("a title edit changed what the section passes down")
	}
	sec = set.Parse("content/sales/README.md", []byte("+++\nowners = [\"marketing\"]\n+++\n"), cfg, &d)
	if SameCascade(pageAt(set, "sales/README.md"), sec) {
		t.Errorf("an owners edit did not change what the section passes down")
	}
}

func TestCascadeMistakes(t *testing.T) {
	cfg := sampleConfig(t)
	_, diags := loadMap(t, cfg, map[string]string{
		"content/a/_index.md": "+++\ntitle = \"A\"\n[cascade]\nowners = [\"salez\"]\naudience = \"public\"\ntype = \"docs\"\n+++\n",
		"content/a/p.md":      "+++\ntitle = \"P\"\n[cascade]\naudience = \"external\"\n+++\n",
	})
	want := []string{
		`content/a/_index.md:3:1: error: cascade.audience public is not one of: internal, external`,
		`content/a/_index.md:3:1: error: cascade.owners: unknown owner "salez": declare it under [owners.salez] in playbook.toml (did you mean "sales"?)`,
		`content/a/_index.md:3:1: warning: cascade.type is not passed down: cascade takes owners, review_every and audience; remove it, or set [content] unknown_fields = "ignore" in playbook.toml`,
		`content/a/p.md:3:1: error: cascade is read only on a folder's section page (_index.md, index.md or README.md): set the fields on this page itself`,
	}
	if !slices.Equal(diags, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(diags, "\n"), strings.Join(want, "\n"))
	}
}

// Every problem in a file is reported in one run, a bad TOML date too.
func TestEveryProblemAtOnce(t *testing.T) {
	cfg := sampleConfig(t)
	cases := []struct {
		name, src string
		want      []string
	}{
		{"toml", "+++\ntitle = \"Too pricey\"\nsays = \"Too much\"\nreviewed = 03/12/2026\ncategory = \"pricing\"\nowners = [\"legal\"]\n+++\n", []string{
			"content/objections/o.md:4:12: error: reviewed: 03/12/2026 is not a date: write it as YYYY-MM-DD, like 2026-03-12 (or 2026-12-03 if the day comes first)",
			`content/objections/o.md:5:1: error: category "pricing" is not one of: price, timing, competitor, authority, need, risk`,
			`content/objections/o.md:6:11: error: unknown owner "legal": declare it under [owners.legal] in playbook.toml, or use one of: marketing, sales, enablement, product-marketing`,
		}},
		{"yaml", "---\ntitle: Too pricey\nsays: Too much\nreviewed: 31.03.2026\ncategory: pricing\n---\n", []string{
			`content/objections/o.md:4:1: error: reviewed: "31.03.2026" is not a date: write it as YYYY-MM-DD, here 2026-03-31 (playbook check --fix does it)`,
			`content/objections/o.md:5:1: error: category "pricing" is not one of: price, timing, competitor, authority, need, risk`,
		}},
		{"toml date in words", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nreviewed = 12 March 2026\nweight = 3 pages\n+++\n", []string{
			`content/objections/o.md:5:1: error: reviewed: "12 March 2026" is not a date: write it as YYYY-MM-DD, here 2026-03-12 (playbook check --fix does it)`,
			"content/objections/o.md:6:1: error: weight must be a whole number, not text",
			"content/objections/o.md:6:10: error: invalid TOML front matter: weight = 3 pages: put the text in quotes",
		}},
		{"date with a time", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nreviewed = 2026-03-12T10:00:00\n+++\n", []string{
			"content/objections/o.md:5:1: error: reviewed must be a date without a time, written YYYY-MM-DD",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var diags diag.List
			p := Parse("content/objections/o.md", []byte(c.src), cfg, &diags)
			diags.Sort()
			if got := strs(diags); !slices.Equal(got, c.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if p == nil || p.Title == "" {
				t.Errorf("page not read: %+v", p)
			}
		})
	}
}

func TestSkippedAndPublished(t *testing.T) {
	cfg := *sampleConfig(t)
	cfg.Content.Publish = []string{".gitbook/assets", "_media", "nope/assetz"}
	set, diags := loadMap(t, &cfg, map[string]string{
		"content/_index.md":                 "# Home\n",
		"content/.gitbook/assets/chart.png": "PNG",
		"content/.gitbook/assets/.keep":     "",
		"content/.gitbook/assets/note.md":   "# Not a page\n",
		"content/.gitbook/other/x.png":      "PNG",
		"content/.gitbook/top.txt":          "x",
		"content/_media/logo.svg":           "<svg/>",
		"content/_drafts/wip.md":            "# WIP\n",
		"content/.github/CODEOWNERS":        "*",
		"content/guides/.DS_Store":          "",
		"content/guides/notes.md~":          "",
		"content/guides/page.mdx":           "# MDX\n",
		"content/guides/ok.md":              "# OK\n",
		"content/nope/assets/a.png":         "PNG",
	})
	wantDiags := []string{`playbook.toml: warning: content.publish names "nope/assetz", but there is no folder content/nope/assetz (did you mean "nope/assets"?)`}
	if !slices.Equal(diags, wantDiags) {
		t.Errorf("diags\n%s", strings.Join(diags, "\n"))
	}
	if want := []string{".gitbook/assets/chart.png", "_media/logo.svg", "nope/assets/a.png"}; !slices.Equal(set.Files, want) {
		t.Errorf("files %v, want %v", set.Files, want)
	}
	want := []Skipped{
		{".gitbook/assets/.keep", false, SkipDot},
		{".gitbook/assets/note.md", false, SkipPublished},
		{".gitbook/other", true, SkipDot},
		{".gitbook/top.txt", false, SkipDot},
		{".github", true, SkipDot},
		{"_drafts", true, SkipUnderscore},
		{"guides/.DS_Store", false, SkipLitter},
		{"guides/notes.md~", false, SkipLitter},
		{"guides/page.mdx", false, SkipMarkdown},
	}
	if !slices.Equal(set.Skipped, want) {
		t.Errorf("skipped\n%v\nwant\n%v", set.Skipped, want)
	}
	if sk, ok := set.SkippedAt("_drafts/wip.md"); !ok || sk.Path != "_drafts" {
		t.Errorf("SkippedAt: %v %v", sk, ok)
	}
	if _, ok := set.SkippedAt("guides/ok.md"); ok {
		t.Errorf("a read page reported skipped")
	}
}

// A kind's folder of prose pages gets one note, not one per page.
func TestPlainPagesNotedOnce(t *testing.T) {
	_, got := loadMap(t, sampleConfig(t), map[string]string{
		"content/glossary/alpha.md": "# Alpha\n",
		"content/glossary/beta.md":  "# Beta\n",
		"content/glossary/gamma.md": "# Gamma\n",
		"content/personas/solo.md":  "# Solo\n",
	})
	want := []string{
		`content/glossary/alpha.md:1:1: note: this page and 2 more in glossary/ have none of a term's fields (marketing, sales, agreed, aliases), so they are plain pages: add the fields to make them cards, or set kind = "page" on them`,
		`content/personas/solo.md:1:1: note: in personas/ but has none of a persona's fields (role, segment, goals, pains, value, proof), so it is a plain page: add them to make it a card, or set kind = "page" to say it is meant as one`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}
