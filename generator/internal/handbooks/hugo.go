package handbooks

import (
	"fmt"
	"path"
	"strings"
)

// hugoStyle is a Hugo site (hugo-book theme): content/ with _index.md
// sections, TOML and YAML front matter with Hugo's and the theme's keys,
// shortcodes, and images in static/ linked from the site root.
type hugoStyle struct {
	base
	quirks int
}

func (s *hugoStyle) h1(*page) bool { return false }

func (s *hugoStyle) place(g *gen) {
	g.placeTree("content", func(sec *section) string { return path.Join(sec.dir, "_index.md") })
	g.imagePool("static/images", plainImageNames())
}

func (s *hugoStyle) frontMatter(g *gen, p *page) string {
	type kv struct {
		k string
		v any
	}
	var kvs []kv
	add := func(k string, v any) { kvs = append(kvs, kv{k, v}) }
	add("title", p.title)
	if p.isIndex {
		add("weight", 10*(sectionIndex(p.sec)+1))
		if g.r.IntN(2) == 0 {
			add("bookCollapseSection", true)
		}
	} else {
		add("date", date(g, 2023))
		if g.r.IntN(2) == 0 && p.problem != "date" {
			add("lastmod", date(g, 2025))
		}
		add("weight", 10*p.order)
	}
	if p.draft {
		add("draft", true)
	}
	if g.r.IntN(3) == 0 {
		add("description", g.sentence())
	}
	if !p.isIndex && g.r.IntN(6) == 0 {
		add("aliases", []string{"/wiki/" + strings.TrimPrefix(strings.TrimSuffix(p.file, ".md"), "content/") + "/"})
	}
	if g.r.IntN(3) == 0 {
		add("tags", []string{strings.ToLower(pick(g.r, teams)), p.kind})
	}
	if g.r.IntN(8) == 0 {
		add("hide_sidebar", true)
	}
	if g.r.IntN(10) == 0 {
		add("data_source", "sheets/"+p.slug+".csv")
	}
	if g.r.IntN(6) == 0 {
		add("toc", false)
	}
	toml := p.problem == "date" || g.r.IntN(2) == 0
	var b strings.Builder
	if toml {
		b.WriteString("+++\n")
	} else {
		b.WriteString("---\n")
	}
	for _, e := range kvs {
		switch v := e.v.(type) {
		case string:
			if toml {
				if e.k == "date" || e.k == "lastmod" {
					fmt.Fprintf(&b, "%s = %s\n", e.k, v) // a TOML date, unquoted
				} else {
					fmt.Fprintf(&b, "%s = %q\n", e.k, v)
				}
			} else {
				fmt.Fprintf(&b, "%s: %s\n", e.k, yamlString(v))
			}
		case []string:
			if toml {
				fmt.Fprintf(&b, "%s = %s\n", e.k, tomlList(v))
			} else {
				fmt.Fprintf(&b, "%s:\n", e.k)
				for _, x := range v {
					fmt.Fprintf(&b, "  - %s\n", yamlString(x))
				}
			}
		default:
			if toml {
				fmt.Fprintf(&b, "%s = %v\n", e.k, v)
			} else {
				fmt.Fprintf(&b, "%s: %v\n", e.k, v)
			}
		}
	}
	if p.problem == "date" {
		// Written by hand in the author's locale: not a TOML date.
		m := g.marker(func() string { return "03/12/2026" })
		g.addProblem(p.file, "date", m)
		fmt.Fprintf(&b, "lastmod = %s\n", m)
	}
	if toml {
		b.WriteString("+++\n\n")
	} else {
		b.WriteString("---\n\n")
	}
	return b.String()
}

func (s *hugoStyle) link(g *gen, from, to *page, anchor, text string) string {
	if g.r.IntN(3) == 0 {
		target := strings.TrimPrefix(to.file, "content")
		if path.Dir(to.file) == path.Dir(from.file) {
			target = path.Base(to.file)
		}
		if anchor != "" {
			target += "#" + anchor
		}
		return fmt.Sprintf(`[%s]({{< ref "%s" >}})`, text, target)
	}
	return mdLink(text, rel(from.file, to.file), anchor)
}

func (s *hugoStyle) image(_ *gen, _ *page, name, alt string) string {
	return fmt.Sprintf("![%s](/images/%s)", alt, name)
}

func (s *hugoStyle) callout(g *gen, _ *page, kind, title, body string) string {
	k := map[string]string{"note": "info", "tip": "info", "info": "info", "warning": "warning"}[kind]
	if title != "" {
		body = "**" + title + "**\n\n" + body
	}
	return fmt.Sprintf("{{< hint %s >}}\n%s\n{{< /hint >}}", k, body)
}

func (s *hugoStyle) quirk(g *gen, p *page) string {
	if g.r.IntN(3) != 0 {
		return ""
	}
	s.quirks++
	if s.quirks%2 == 0 {
		return "{{< youtube " + videoID(g) + " >}}"
	}
	return s.callout(g, p, "warning", "", "Prices change every January. "+g.sentence())
}

func (s *hugoStyle) finish(g *gen) {
	var menu strings.Builder
	for i, k := range g.root.kids {
		fmt.Fprintf(&menu, "\n[[menu.main]]\nname = %q\nurl = \"/%s/\"\nweight = %d\n", k.title, k.slug, 10*(i+1))
	}
	g.files["hugo.toml"] = []byte(fmt.Sprintf(`baseURL = "https://handbook.example.com/"
languageCode = "en-us"
title = %q
theme = "hugo-book"
enableGitInfo = true

[params]
BookSection = "/"
BookRepo = "https://git.example.com/handbook"
BookEditPath = "edit/main/content"
BookSearch = true

[markup.goldmark.renderer]
unsafe = true
%s`, g.root.title, menu.String()))
	g.files["archetypes/default.md"] = []byte("+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\ndate = {{ .Date }}\ndraft = true\n+++\n")
	g.files["layouts/partials/docs/inject/footer.html"] = []byte("<p class=\"handbook-footer\">Questions? Ask in #handbook.</p>\n")
	g.ignored = append(g.ignored, "archetypes/default.md")
}

// sectionIndex is a section's position among its parent's subsections.
func sectionIndex(s *section) int {
	if s.parent == nil {
		return 0
	}
	for i, k := range s.parent.kids {
		if k == s {
			return i
		}
	}
	return 0
}

// date returns a date from year on, before 2026-03.
func date(g *gen, year int) string {
	return dateOf(year, 1, 1, g.r.IntN((2026-year)*365))
}

func videoID(g *gen) string {
	const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-"
	b := make([]byte, 11)
	for i := range b {
		b[i] = chars[g.r.IntN(len(chars))]
	}
	return string(b)
}

func tomlList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
