package handbooks

import (
	"fmt"
	"path"
	"strings"
)

// jekyllStyle is a Jekyll site with the just-the-docs theme: _config.yml,
// index.md at the root and docs/ below it, front matter with layout,
// nav_order, parent, permalink, redirect_from, {% link %} tags,
// {{ site.baseurl }} image paths, {% include %}, and a few _posts.
type jekyllStyle struct {
	base
	quirks int
}

// posts are the announcements in _posts, each a page.
var posts = []struct{ date, slug, title string }{
	{"2024-03-01", "announcement", "The handbook has moved"},
	{"2024-09-16", "new-pricing", "New pricing from October"},
	{"2025-01-13", "sales-kickoff", "Sales kickoff recap"},
}

func (s *jekyllStyle) reserved() int { return len(posts) }

func (s *jekyllStyle) place(g *gen) {
	g.placeTree("docs", func(sec *section) string {
		if sec == g.root {
			return "index.md"
		}
		return path.Join(sec.dir, "index.md")
	})
	g.imagePool("assets/images", plainImageNames())
}

func (s *jekyllStyle) h1(p *page) bool { return p.isIndex || p.order%3 != 0 }

func (s *jekyllStyle) frontMatter(g *gen, p *page) string {
	var b strings.Builder
	b.WriteString("---\nlayout: default\n")
	fmt.Fprintf(&b, "title: %s\n", yamlString(p.title))
	switch {
	case p.sec == g.root && p.isIndex:
		b.WriteString("nav_order: 1\npermalink: /\n")
	case p.isIndex:
		fmt.Fprintf(&b, "nav_order: %d\n", sectionIndex(p.sec)+2)
		if p.sec.depth >= 2 {
			fmt.Fprintf(&b, "parent: %s\n", yamlString(p.sec.parent.title))
		}
		if p.sec.depth >= 3 {
			fmt.Fprintf(&b, "grand_parent: %s\n", yamlString(p.sec.parent.parent.title))
		}
		b.WriteString("has_children: true\n")
		fmt.Fprintf(&b, "permalink: /%s/\n", strings.TrimPrefix(p.sec.dir, "docs/"))
	default:
		fmt.Fprintf(&b, "nav_order: %d\n", p.order)
		fmt.Fprintf(&b, "parent: %s\n", yamlString(p.sec.title))
		if p.sec.depth >= 2 {
			fmt.Fprintf(&b, "grand_parent: %s\n", yamlString(p.sec.parent.title))
		}
		if g.r.IntN(4) == 0 {
			fmt.Fprintf(&b, "permalink: /%s/%s/\n", strings.TrimPrefix(p.sec.dir, "docs/"), p.slug)
		}
		if g.r.IntN(6) == 0 {
			old := strings.TrimPrefix(strings.TrimSuffix(p.file, ".md"), "docs/")
			fmt.Fprintf(&b, "redirect_from:\n  - /old/%s/\n  - /wiki/%s.html\n", old, strings.ReplaceAll(old, "/", "-"))
		}
		if g.r.IntN(4) == 0 {
			fmt.Fprintf(&b, "last_modified_date: %s\n", date(g, 2024))
		}
		if p.problem == "date" {
			m := g.marker(func() string { return "03/12/2026" })
			g.addProblem(p.file, "date", m)
			fmt.Fprintf(&b, "date: %s\n", m)
		}
	}
	if p.draft {
		b.WriteString("published: false\n")
	}
	b.WriteString("---\n\n")
	return b.String()
}

func (s *jekyllStyle) link(g *gen, from, to *page, anchor, text string) string {
	if g.r.IntN(5) < 2 {
		t := fmt.Sprintf("{%% link %s %%}", to.file)
		if anchor != "" {
			t += "#" + anchor
		}
		return fmt.Sprintf("[%s](%s)", text, t)
	}
	return mdLink(text, rel(from.file, to.file), anchor)
}

func (s *jekyllStyle) image(_ *gen, _ *page, name, alt string) string {
	return fmt.Sprintf("![%s]({{ site.baseurl }}/assets/images/%s)", alt, name)
}

func (s *jekyllStyle) callout(g *gen, _ *page, kind, title, body string) string {
	if kind == "note" || kind == "info" {
		return fmt.Sprintf("{%% include note.html content=%q %%}", body)
	}
	if title != "" {
		return fmt.Sprintf("{: .%s-title }\n> %s\n>\n> %s", kind, title, body)
	}
	return fmt.Sprintf("{: .%s }\n%s", kind, body)
}

func (s *jekyllStyle) quirk(g *gen, p *page) string {
	if g.r.IntN(4) != 0 {
		return ""
	}
	s.quirks++
	if s.quirks%2 == 0 {
		return fmt.Sprintf("{%% include note.html content=\"Ask in the %s channel if this is unclear.\" %%}", pick(g.r, teams))
	}
	return fmt.Sprintf("This page is part of {{ site.title }}. %s", g.sentence())
}

func (s *jekyllStyle) finish(g *gen) {
	g.files["_config.yml"] = []byte(fmt.Sprintf(`title: %s
description: How we sell, market and work
baseurl: "/handbook"
url: "https://example.com"
theme: just-the-docs
color_scheme: light
search_enabled: true
aux_links:
  "Handbook on Git":
    - "https://git.example.com/handbook"
plugins:
  - jekyll-relative-links
  - jekyll-redirect-from
  - jekyll-seo-tag
relative_links:
  enabled: true
  collections: false
callouts:
  warning:
    title: Warning
    color: red
  tip:
    title: Tip
    color: green
exclude:
  - Gemfile
  - Gemfile.lock
  - vendor
`, yamlString(g.root.title)))
	g.files["Gemfile"] = []byte("source \"https://rubygems.org\"\ngem \"jekyll\", \"~> 4.3\"\ngem \"just-the-docs\", \"0.8.2\"\ngroup :jekyll_plugins do\n  gem \"jekyll-relative-links\"\n  gem \"jekyll-redirect-from\"\n  gem \"jekyll-seo-tag\"\nend\n")
	g.files["_includes/note.html"] = []byte("<div class=\"note\">\n  <p><strong>Note:</strong> {{ include.content }}</p>\n</div>\n")
	for i, p := range posts {
		name := "_posts/" + p.date + "-" + p.slug + ".md"
		to := firstPage(g.root.kids[i%len(g.root.kids)])
		g.files[name] = []byte(fmt.Sprintf("---\nlayout: post\ntitle: %q\ndate: %s 09:00:00 +0100\ncategories: [news]\n---\n\n%s %s\n\nRead [%s]({%% link %s %%}) for the details.\n",
			p.title, p.date, g.sentence(), g.sentence(), to.title, to.file))
		g.pageList = append(g.pageList, name)
	}
}
