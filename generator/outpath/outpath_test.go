package outpath

import (
	"strconv"
	"strings"
	"testing"
)

func page(file string) Source {
	return Source{File: file, Line: 1, Col: 1, Subject: "the URL of " + file, What: "the page " + file, Fix: "rename or move this page"}
}

func built(what string) Source { return Source{What: what} }

func redirect(file string, line int, url string) Source {
	return Source{File: file, Line: line, Col: 11, Subject: "old address " + url, What: "a redirect to " + file, Fix: "remove the alias", Weight: -1, Redirect: true}
}

// Each way two claims collide, reported at the playbook's files only.
func TestCollisions(t *testing.T) {
	for _, c := range []struct {
		name  string
		claim func(t *Table)
		want  []string
	}{
		{"one path", func(t *Table) {
			t.Claim("sitemap.xml", built("the site's sitemap"))
			t.Claim("sitemap.xml", page("content/x.md"))
		}, []string{"content/x.md:1:1: error: the URL of content/x.md belongs to the site's sitemap: rename or move this page"}},
		{"page where a file is", func(t *Table) {
			t.Claim("index.html", built("the home page"))
			t.Claim("index.html/index.html", page("content/index.html.md"))
		}, []string{"content/index.html.md:1:1: error: the URL of content/index.html.md needs the folder /index.html/, but /index.html is already a file: the home page: rename or move this page"}},
		{"file where a page's folder is", func(t *Table) {
			t.Claim("pricing/index.html", page("content/pricing.md"))
			t.Claim("pricing", Source{File: "static/pricing", Subject: "/pricing", What: "the file static/pricing", Fix: "rename or move this file"})
		}, []string{
			"content/pricing.md:1:1: error: the URL of content/pricing.md needs the folder /pricing/, but /pricing is already a file: the file static/pricing: rename or move this page",
			"static/pricing: error: /pricing is a file where the page content/pricing.md needs the folder /pricing/: rename or move this file",
		}},
		{"folder kept whole", func(t *Table) {
			t.Tree("search/", built("the site's search"))
			t.Claim("search/tips/index.html", page("content/search/tips.md"))
		}, []string{"content/search/tips.md:1:1: error: the URL of content/search/tips.md belongs to the site's search: rename or move this page"}},
		{"case", func(t *Table) {
			t.Claim("pricing/index.html", page("content/pricing/_index.md"))
			t.Claim("Pricing/index.html", page("content/Pricing.md"))
		}, []string{
			"content/Pricing.md:1:1: error: the URL of content/Pricing.md differs from the address of the page content/pricing/_index.md only in upper and lower case",
			"content/pricing/_index.md:1:1: error: the URL of content/pricing/_index.md differs from the address of the page content/Pricing.md only in upper and lower case",
		}},
		{"NFC and NFD", func(t *Table) {
			t.Claim("caf\u00e9/index.html", page("content/caf\u00e9/_index.md"))
			t.Claim("Cafe\u0301/index.html", page("content/Cafe\u0301.md"))
		}, []string{"differs from the address of the page content/caf\u00e9/_index.md only in upper and lower case and in how accented letters are encoded"}},
		{"one file of content/ in two spellings is content.Load's to report", func(t *Table) {
			t.Claim("a/index.html", page("content/a.md"))
			t.Claim("A/index.html", page("content/A.md"))
		}, nil},
		{"the lighter gives way", func(t *Table) {
			t.Claim("robots.txt", Source{File: "static/robots.txt", What: "the file static/robots.txt"})
			t.Claim("robots.txt", Source{File: "content/a.md", Line: 4, Col: 12, Subject: "old address /robots.txt", Fix: "remove the alias", Weight: -1})
		}, []string{"content/a.md:4:12: error: old address /robots.txt is also the address of the file static/robots.txt: remove the alias"}},
		{"two redirects to one page in two spellings write one file", func(t *Table) {
			t.Claim("y/index.html", page("content/y.md"))
			t.Claim("old/y/index.html", redirect("content/y.md", 3, "/old/y/"))
			t.Claim("OLD/Y/index.html", redirect("content/y.md", 4, "/OLD/Y/"))
		}, nil},
		{"a redirect spelled like its own page only warns", func(t *Table) {
			t.Claim("brand/values/index.html", page("content/brand/values.md"))
			t.Claim("Brand/Values/index.html", redirect("content/brand/values.md", 3, "/Brand/Values/"))
		}, []string{"content/brand/values.md:3:11: warning: old address /Brand/Values/ differs from this page's own address /brand/values/ only in upper and lower case: it works on hosts that tell them apart (GitHub Pages, Netlify, S3), but a build on macOS or Windows writes both into one folder and the redirect replaces the page; remove the alias if you build there"}},
		{"a redirect spelled like another page's address", func(t *Table) {
			t.Claim("brand/values/index.html", page("content/brand/values.md"))
			t.Claim("Brand/Values/index.html", redirect("content/z.md", 3, "/Brand/Values/"))
		}, []string{"content/z.md:3:11: error: old address /Brand/Values/ differs from the address of the page content/brand/values.md only in upper and lower case"}},
		{"apart", func(t *Table) {
			t.Tree("v/", built("older versions"))
			t.Claim("css/playbook.css", built("theme"))
			t.Claim("css/index.html", page("content/css.md"))
			t.Claim("vx/index.html", page("content/vx.md"))
			t.Claim("index.html", built("home"))
		}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			tab := New()
			c.claim(tab)
			got := tab.Problems()
			var lines []string
			for _, d := range got {
				lines = append(lines, d.String())
			}
			all := strings.Join(lines, "\n")
			if len(got) < len(c.want) || c.want == nil && len(got) > 0 {
				t.Fatalf("%d problems, want %d:\n%s", len(got), len(c.want), all)
			}
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("want %q in:\n%s", w, all)
				}
			}
		})
	}
}

// 20,000 pages, each in its own folder, as a big playbook's build claims
// them.
func BenchmarkClaim(b *testing.B) {
	for b.Loop() {
		t := New()
		t.Tree("search/", built("search"))
		for i := range 20000 {
			t.Claim("objections/objection-"+strconv.Itoa(i)+"/index.html", page("content/x.md"))
		}
		if len(t.Problems()) > 0 {
			b.Fatal(t.Problems())
		}
	}
}
