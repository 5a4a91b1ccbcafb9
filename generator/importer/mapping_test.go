package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// TestFrontMatter maps each source key to Playbook's fields.
func TestFrontMatter(t *testing.T) {
	cases := []struct {
		name, kind, old, new, src string
		navTitle                  string
		navWeight                 int
		oldURLs                   []string
		want                      string // the front matter written, "" for none
	}{
		{"title description tags weight draft: unchanged, kept as written", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\ndescription: B\ntags: [x, y]\nweight: 3\ndraft: true\n---\nbody\n", "", 0, nil,
			"title: A\ndescription: B\ntags: [x, y]\nweight: 3\ndraft: true\n"},
		{"title description tags weight draft, one changed", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\ndescription: B\ntags: [x, y]\nweight: 3\ndraft: true\nlayout: x\n---\nbody\n", "", 0, nil,
			"title: A\ndescription: B\nweight: 3\ndraft: true\ntags:\n  - x\n  - y\n"},
		{"toml unchanged, kept as written", "hugo", "content/a.md", "content/a.md",
			"+++\ntitle = 'A'   # the title\nweight = 3\n+++\nbody\n", "", 0, nil,
			"title = 'A'   # the title\nweight = 3\n"},
		{"known keys in another case", "hugo", "content/a.md", "content/a.md",
			"---\nTitle: A\nDescription: B\nTags: [x]\nAuthor: C\n---\n", "", 0, nil,
			"title: A\ndescription: B\ntags:\n  - x\nparams:\n  Author: C\n"},
		{"summary to description", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\nsummary: S\n---\n", "", 0, nil, "title: A\ndescription: S\n"},
		{"toml stays toml", "hugo", "content/a.md", "content/a.md",
			"+++\ntitle = \"A\"\ndate = 2025-03-08\nlastmod = 2025-04-01\ndata_source = \"x.csv\"\n+++\n", "", 0, nil,
			"title = \"A\"\nreviewed = 2025-04-01\n[params]\n  data_source = \"x.csv\"\n"},
		{"newest date", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\ndate: 2025-05-01\nlastmod: 2024-01-01\n---\n", "", 0, nil, "title: A\nreviewed: 2025-05-01\n"},
		{"unreadable toml date kept for its owner", "hugo", "content/a.md", "content/a.md",
			"+++\ntitle = \"A\"\ndate = 2025-03-08\nlastmod = 03/12/2026\n+++\n", "", 0, nil, "title = \"A\"\nreviewed = \"03/12/2026\"\n"},
		{"loose date read", "jekyll", "docs/a.md", "content/a.md",
			"---\ntitle: A\nlast_modified_date: 2025/03/08\n---\n", "", 0, nil, "title: A\nreviewed: 2025-03-08\n"},
		{"docusaurus last_update", "docusaurus", "docs/a.md", "content/a.md",
			"---\ntitle: A\nlast_update:\n  date: 2025-09-09\n  author: Chloe\n---\n", "", 0, nil,
			"title: A\nreviewed: 2025-09-09\nparams:\n  last_update:\n    author: Chloe\n"},
		{"jekyll post date from its name", "jekyll", "_posts/2024-03-01-news.md", "content/posts/2024-03-01-news.md",
			"---\ntitle: News\nlayout: post\n---\n", "", 0, []string{"/2024/03/01/news.html"},
			"title: News\nreviewed: 2024-03-01\nredirect_from:\n  - /2024/03/01/news.html\n"},
		{"sidebar_position to weight, 0 to 1", "docusaurus", "docs/a.md", "content/a.md",
			"---\ntitle: A\nsidebar_position: 0\nid: a-doc\nsidebar_label: Short\n---\n", "", 0, nil, "title: A\nweight: 1\n"},
		{"nav_order to weight, parent dropped", "jekyll", "docs/a.md", "content/a.md",
			"---\ntitle: A\nnav_order: 4\nparent: Sales\nhas_children: true\n---\n", "", 0, nil, "title: A\nweight: 4\n"},
		{"the navigation's order wins", "mkdocs", "docs/a.md", "content/a.md",
			"---\ntitle: A\nweight: 9\n---\n", "", 2, nil, "title: A\nweight: 2\n"},
		{"navigation title when the page has none", "mkdocs", "docs/a.md", "content/a.md",
			"Text.\n", "From nav", 1, nil, "title: From nav\nweight: 1\n"},
		{"no navigation title over a heading", "gitbook", "a.md", "content/a.md",
			"# Heading\n\nText.\n", "From nav", 0, nil, ""},
		{"sidebar_label as title", "docusaurus", "docs/a.md", "content/a.md",
			"---\nsidebar_label: Label\n---\nText.\n", "Label", 0, nil, "title: Label\n"},
		{"aliases and redirect_from", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\naliases: [/old/a/, /wiki/a.html]\n---\n", "", 0, nil,
			"title: A\nredirect_from:\n  - /old/a/\n  - /wiki/a.html\n"},
		{"jekyll redirect_from and permalink", "jekyll", "docs/a.md", "content/a.md",
			"---\ntitle: A\npermalink: /a/\nredirect_from:\n  - /old/a/\n---\n", "", 0, []string{"/a/"},
			"title: A\nredirect_from:\n  - /old/a/\n"},
		{"docusaurus slug: the old address", "docusaurus", "docs/a.md", "content/a.md",
			"---\ntitle: A\nslug: /elsewhere/a\n---\n", "", 0, []string{"/docs/elsewhere/a"},
			"title: A\nredirect_from:\n  - /docs/elsewhere/a/\n"},
		{"own address left out", "mdbook", "src/x/README.md", "content/x/README.md",
			"# X\n", "", 0, []string{"/x/index.html"}, ""},
		{"draft in quotes is a draft", "docusaurus", "docs/a.md", "content/a.md",
			"---\ntitle: A\ndraft: \"true\"\n---\n", "", 0, nil, "title: A\ndraft: true\n"},
		{"draft yes is a draft", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\ndraft: yes\n---\n", "", 0, nil, "title: A\ndraft: true\n"},
		{"draft no is not", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\ndraft: \"no\"\n---\n", "", 0, nil, "title: A\n"},
		{"docusaurus last_update date that reads two ways is kept", "docusaurus", "docs/a.md", "content/a.md",
			"---\ntitle: A\nlast_update:\n  date: 03/12/2026\n---\n", "", 0, nil, "title: A\nreviewed: 03/12/2026\n"},
		{"published false is a draft", "jekyll", "docs/a.md", "content/a.md",
			"---\ntitle: A\npublished: false\n---\n", "", 0, nil, "title: A\ndraft: true\n"},
		{"categories and keywords join tags", "jekyll", "docs/a.md", "content/a.md",
			"---\ntitle: A\ntags: [x]\ncategories: news sales\nkeywords: [x, z]\n---\n", "", 0, nil,
			"title: A\ntags:\n  - x\n  - z\n  - news\n  - sales\n"},
		{"unknown keys to params, known kept", "hugo", "content/a.md", "content/a.md",
			"---\ntitle: A\nowners: [sales]\nhide_sidebar: true\nparams:\n  team: x\nlayout: wide\ntoc: true\n---\n", "", 0, nil,
			"title: A\nowners:\n  - sales\nparams:\n  hide_sidebar: true\n  team: x\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := &layout{kind: Kind(c.kind)}
			p := parsePage(&file{Old: c.old, New: c.new, Act: actPage}, []byte(c.src))
			p.navTitle, p.navWeight, p.oldURLs = c.navTitle, c.navWeight, c.oldURLs
			settleRedirects([]*page{p})
			p.mapFields(l, []byte(c.src))
			out, err := p.render(nil)
			if err != nil {
				t.Fatal(err)
			}
			got := string(out)
			for _, delim := range []string{"---\n", "+++\n"} {
				got = strings.TrimSuffix(strings.TrimPrefix(got, delim), delim)
			}
			if got != c.want {
				t.Errorf("front matter:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// TestDetect tells each tool from its marker files.
func TestDetect(t *testing.T) {
	cases := []struct {
		files []string
		want  Kind
	}{
		{[]string{"hugo.toml", "content/_index.md"}, Hugo},
		{[]string{"config.toml", "content/a.md"}, Hugo},
		{[]string{"config.toml", "a.md"}, Plain}, // config.toml without content/ is not Hugo's
		{[]string{"docusaurus.config.ts", "docs/a.md"}, Docusaurus},
		{[]string{"mkdocs.yml", "docs/index.md"}, MkDocs},
		{[]string{"SUMMARY.md", ".gitbook/assets/x.png"}, GitBook},
		{[]string{".gitbook.yaml", "README.md"}, GitBook},
		{[]string{"book.toml", "src/SUMMARY.md"}, MdBook},
		{[]string{"_config.yml", "index.md"}, Jekyll},
		{[]string{"README.md", "a/b.md"}, Plain},
	}
	for _, c := range cases {
		dir := t.TempDir()
		for _, f := range c.files {
			fixture.WriteFile(t, dir, f, "x\n")
		}
		if got, why := Detect(dir); got != c.want || why == "" {
			t.Errorf("Detect(%v) = %s (%q), want %s with a reason", c.files, got, why, c.want)
		}
	}
	if _, err := ParseKind("wordpress"); err == nil || !strings.Contains(err.Error(), "hugo, docusaurus") {
		t.Errorf("ParseKind(wordpress) = %v, want the list of kinds", err)
	}
}

// TestNavigation reads each tool's navigation file.
func TestNavigation(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) { fixture.WriteFile(t, dir, name, s) }
	write("src/SUMMARY.md", "# Summary\n\n[Intro](README.md)\n\n- [Sales](sales/README.md)\n  - [Deal desk](sales/deal-desk.md)\n  - [Draft]()\n- [Images](<a b/c d.md>)\n- [Site](https://example.com)\n")
	got := readSummary(dir, "src/SUMMARY.md")
	want := []navEntry{{"src/README.md", "Intro"}, {"src/sales/README.md", "Sales"}, {"src/sales/deal-desk.md", "Deal desk"}, {"src/a b/c d.md", "Images"}}
	if !equalNav(got, want) {
		t.Errorf("SUMMARY.md: %v, want %v", got, want)
	}
	write("mkdocs.yml", "site_name: X\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\nnav:\n  - Home: index.md\n  - Sales:\n    - sales/index.md\n    - Deal desk: sales/deal-desk.md\n  - Blog: https://example.com\n")
	got = readMkDocsNav(dir, "mkdocs.yml", "docs")
	want = []navEntry{{"docs/index.md", "Home"}, {"docs/sales/index.md", ""}, {"docs/sales/deal-desk.md", "Deal desk"}}
	if !equalNav(got, want) {
		t.Errorf("mkdocs nav: %v, want %v", got, want)
	}
	write("sidebars.js", "// 'docs/ignored'\nmodule.exports = {s: ['intro', {type: 'category', label: 'Sales', link: {type: 'doc', id: \"sales/index\"}, items: [`sales/b-doc`, 'sales/a']}]};\n")
	got = readSidebars(dir, map[string]string{"intro": "docs/intro.md", "sales/index": "docs/sales/index.md", "sales/a": "docs/sales/a.md", "sales/b-doc": "docs/sales/b.md"})
	want = []navEntry{{"docs/intro.md", ""}, {"docs/sales/index.md", ""}, {"docs/sales/b.md", ""}, {"docs/sales/a.md", ""}}
	if !equalNav(got, want) {
		t.Errorf("sidebars.js: %v, want %v", got, want)
	}
	write("docs/sales/_category_.json", `{"label": "Sales team", "position": 3}`)
	if c, ok := readCategory(dir, "docs/sales/_category_.json"); !ok || c.Label != "Sales team" || c.Position != 3 {
		t.Errorf("_category_.json: %+v %v", c, ok)
	}
}

func equalNav(a, b []navEntry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLinks rewrites links written for the old tree.
func TestLinks(t *testing.T) {
	files := []*file{
		{Old: "docs/a.md", New: "content/a.md", Act: actPage},
		{Old: "docs/sub/b.mdx", New: "content/sub/b.md", Act: actPage},
		{Old: "docs/sub/index.md", New: "content/sub/index.md", Act: actPage},
		{Old: "docs/intro.md", New: "content/index.md", Act: actPage},
		{Old: ".gitbook/assets/image (1).png", New: "content/assets/image (1).png", Act: actFile},
		{Old: "static/img/x.png", New: "static/img/x.png", Act: actFile},
		{Old: "_posts/2024-01-02-news.md", New: "content/posts/2024-01-02-news.md", Act: actPage},
	}
	var pages []*page
	for _, f := range files {
		if f.Act == actPage {
			pages = append(pages, &page{file: f})
		}
	}
	pages[0].oldURLs = []string{"/docs/a"}
	pages[1].id = "sub/b-doc"
	lk := newLinker(&layout{kind: Docusaurus, contentRoot: "docs", static: "static", staticAtTop: true, routeBase: "/docs/"}, files, pages)
	from := files[0]
	cases := []struct{ target, want string }{
		{"sub/b.mdx", "sub/b.md"},
		{"sub/b.mdx#part", "sub/b.md#part"},
		{"./sub/b.mdx?x=1", "sub/b.md?x=1"},
		{"sub/b.md", ""},                // already right
		{"sub/", "sub/index.md"},        // a folder: its section page
		{"intro.md", "index.md"},        // renamed
		{"/img/x.png", ""},              // static/ is carried over: still right
		{"/img/y.png", ""},              // no such file: left for check
		{"/docs/sub/b-doc", "sub/b.md"}, // the old site's address of a doc id
		{"../.gitbook/assets/image (1).png", "assets/image%20%281%29.png"},
		{"../.gitbook/assets/image%20(1).png", "assets/image%20%281%29.png"},
		{"https://example.com/sub/b.mdx", ""},
		{"#local", ""},
		{"missing.md", ""},
		{"../_posts/2024-01-02-news.md", "posts/2024-01-02-news.md"},
		{"_posts/2024-01-02-news.md", "posts/2024-01-02-news.md"}, // Jekyll's {% link %}: from the source root
	}
	for _, c := range cases {
		got, ok := lk.link(from, c.target)
		if !ok {
			got = ""
		}
		if got != c.want {
			t.Errorf("link(%q) = %q, want %q", c.target, got, c.want)
		}
	}
}

// TestGitBookAssetDepth: a link to .gitbook/assets with one "../" too
// many or too few reaches the handbook's one assets folder.
func TestGitBookAssetDepth(t *testing.T) {
	files := []*file{
		{Old: "ops/finance/a.md", New: "content/ops/finance/a.md", Act: actPage},
		{Old: ".gitbook/assets/tree.png", New: "content/assets/tree.png", Act: actFile},
	}
	lk := newLinker(&layout{kind: GitBook, assetsFrom: ".gitbook/assets", assetsTo: "assets"}, files, []*page{{file: files[0]}})
	for target, want := range map[string]string{
		"../../.gitbook/assets/tree.png":    "../../assets/tree.png", // right
		"../.gitbook/assets/tree.png":       "../../assets/tree.png", // one too few
		"../../../.gitbook/assets/tree.png": "../../assets/tree.png", // one too many
		"../../.gitbook/assets/none.png":    "",
	} {
		got, ok := lk.link(files[0], target)
		if !ok {
			got = ""
		}
		if got != want {
			t.Errorf("link(%q) = %q, want %q", target, got, want)
		}
	}
}

// TestOneSectionPage leaves one section page per folder and moves the
// others into it under a free name.
func TestOneSectionPage(t *testing.T) {
	cases := []struct {
		name  string
		pages []string
		want  map[string]string // old → new, for the pages that move
	}{
		{"page.md beside page/README.md", []string{"content/a.md", "content/a/README.md", "content/a/b.md"},
			map[string]string{"content/a.md": "content/a/a.md"}},
		{"page.md beside page/ without a section page stays", []string{"content/a.md", "content/a/b.md"}, nil},
		{"index.md and README.md", []string{"content/a/index.md", "content/a/README.md"},
			map[string]string{"content/a/README.md": "content/a/overview.md"}},
		{"_index.md wins, names stay free", []string{"content/a/README.md", "content/a/_index.md", "content/a/index.md", "content/a/overview.md"},
			map[string]string{"content/a/README.md": "content/a/overview-3.md", "content/a/index.md": "content/a/overview-2.md"}},
		{"a free name inside", []string{"content/a.md", "content/a/index.md", "content/a/a.md"},
			map[string]string{"content/a.md": "content/a/a-2.md"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var files []*file
			taken := map[string]*file{}
			for _, p := range c.pages {
				f := &file{Old: p, New: p, Act: actPage}
				files = append(files, f)
				taken[p] = f
			}
			notes := oneSectionPage(files, taken)
			if len(notes) != len(c.want) {
				t.Errorf("%d notes, want %d: %v", len(notes), len(c.want), notes)
			}
			for _, f := range files {
				want := c.want[f.Old]
				if want == "" {
					want = f.Old
				}
				if f.New != want || taken[f.New] != f {
					t.Errorf("%s is now %s, want %s", f.Old, f.New, want)
				}
			}
		})
	}
}

// TestPlainContentFolder: a plain handbook whose pages are in content/
// (a Next.js site) keeps content/ as it is, and public/ is served at
// the root as static/.
func TestPlainContentFolder(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"README.md", "package.json", "content/index.md", "content/a/b.md", "public/img/x.png", "src/app.tsx"} {
		fixture.WriteFile(t, dir, f, "x\n")
	}
	l := newLayout(dir, Plain)
	if l.contentRoot != "content" || l.static != "public" || !l.staticAtTop {
		t.Fatalf("layout: content %q, static %q (at top %v)", l.contentRoot, l.static, l.staticAtTop)
	}
	for old, want := range map[string]string{
		"content/a/b.md": "content/a/b.md", "public/img/x.png": "static/img/x.png", "README.md": "", "src/app.tsx": "",
	} {
		if f := l.classify(old); f.New != want {
			t.Errorf("%s → %q (%s), want %q", old, f.New, f.Why, want)
		}
	}
}

// TestPlainText: the site's title from a README heading carrying a badge.
func TestPlainText(t *testing.T) {
	for in, want := range map[string]string{
		`📘 Handbook <a href="https://x"><img alt="Status" src="https://x/b.svg"></a>`: "📘 Handbook",
		`Handbook [![Build](https://x/b.svg)](https://x)`:                             "Handbook",
		`The [ACME](https://acme.example) handbook`:                                   "The ACME handbook",
	} {
		if got := plainText(in); got != want {
			t.Errorf("plainText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSettleRedirects leaves out old addresses that would stop the
// build: another page's URL, one a page claimed first, and one no
// redirect page can answer.
func TestSettleRedirects(t *testing.T) {
	mk := func(old, new, src string, oldURLs ...string) *page {
		p := parsePage(&file{Old: old, New: new, Act: actPage}, []byte(src))
		p.oldURLs = oldURLs
		return p
	}
	pages := []*page{
		mk("content/a.md", "content/a.md", "---\naliases: [/sales/, /old/a/, /old/a/, \"/x?y=1\", \"https://example.com/a\"]\n---\n"),
		mk("content/b.md", "content/b.md", "---\nredirect_from: [/old/a/, /old/b.html]\n---\n", "/b/"),
		mk("content/sales/_index.md", "content/sales/_index.md", "# Sales\n"),
	}
	for _, p := range pages {
		if p.readErr != "" {
			t.Fatalf("%s: %s", p.Old, p.readErr)
		}
	}
	notes := settleRedirects(pages)
	want := [][]string{{"/old/a/"}, {"/old/b.html"}, nil}
	for i, p := range pages {
		if !slices.Equal(p.redirects, want[i]) {
			t.Errorf("%s: redirect_from %q, want %q", p.Old, p.redirects, want[i])
		}
	}
	var got []string
	for _, n := range notes {
		got = append(got, n.String())
	}
	for _, w := range []string{
		"content/a.md: old address left out: /sales/ is the address of content/sales/_index.md now",
		`content/a.md: old address left out: "/x?y=1" has a query`,
		`content/a.md: old address left out: "https://example.com/a" is a full address`,
		"content/b.md: old address left out: /old/a/ leads to content/a.md, which claimed it first",
	} {
		if !strings.Contains(strings.Join(got, "\n"), w) {
			t.Errorf("notes lack %q:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// TestCommentOut keeps front matter that cannot be read in an HTML
// comment, so that the page builds.
func TestCommentOut(t *testing.T) {
	cases := []struct{ in, want string }{
		{"---\ntitle: A: b\n---\n# A\n", "<!-- playbook import: this front matter could not be read (see IMPORT-REPORT.md)\n---\ntitle: A: b\n---\n-->\n# A\n"},
		{"+++\ntitle = \"a\nx = -->\n+++\nText\n", "<!-- playbook import: this front matter could not be read (see IMPORT-REPORT.md)\n+++\ntitle = \"a\nx = -- >\n+++\n-->\nText\n"},
		{"---\ntitle: [a\n", ""}, // no end: carried over as it is
		{"# A\n", ""},
	}
	for _, c := range cases {
		got, ok := commentOut([]byte(c.in))
		if string(got) != c.want || ok != (c.want != "") {
			t.Errorf("commentOut(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

// TestGitBookRedirects: .gitbook.yaml's redirects become the target
// pages' redirect_from; one whose target is no page is left for the report.
func TestGitBookRedirects(t *testing.T) {
	src := fixture.Write(t, map[string]string{
		".gitbook.yaml":    "root: ./\nredirects:\n  old/pricing: /sales/pricing.md\n  old/gone: /sales/gone.md\n  old/anchor#x: ./sales/README.md#x\n",
		"SUMMARY.md":       "# Table of contents\n\n* [Home](README.md)\n* [Sales](sales/README.md)\n  * [Pricing](sales/pricing.md)\n",
		"README.md":        "# Home\n",
		"sales/README.md":  "# Sales\n",
		"sales/pricing.md": "# Pricing\n",
	})
	dest := filepath.Join(t.TempDir(), "out")
	res, err := Run(Options{Source: src, Dest: dest, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{"content/sales/pricing.md": "/old/pricing/", "content/sales/README.md": "/old/anchor/"} {
		b, _ := os.ReadFile(filepath.Join(dest, filepath.FromSlash(file)))
		if !strings.Contains(string(b), "redirect_from:\n  - "+want+"\n") {
			t.Errorf("%s lacks redirect_from %s:\n%s", file, want, b)
		}
	}
	found := false
	for _, n := range res.Left() {
		if n.File == ".gitbook.yaml" && n.Line == 4 && strings.Contains(n.Message, "sales/gone.md") {
			found = true
		}
	}
	if !found {
		t.Errorf("the redirect to a missing page is not reported: %v", res.Left())
	}
}
