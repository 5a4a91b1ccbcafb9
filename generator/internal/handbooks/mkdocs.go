package handbooks

import (
	"fmt"
	"path"
	"strings"
)

// mkdocsStyle is an MkDocs (Material) site: mkdocs.yml with a nav tree
// whose titles differ from the pages' headings, docs/ with index.md per
// folder, pages starting "# Title" mostly without front matter, !!! and ???
// admonitions, === tabs, images in docs/assets.
type mkdocsStyle struct {
	base
	quirks int
}

func (s *mkdocsStyle) place(g *gen) {
	s.imgDir = "docs/assets/images"
	g.placeTree("docs", func(sec *section) string { return path.Join(sec.dir, "index.md") })
	g.imagePool(s.imgDir, plainImageNames())
}

func (s *mkdocsStyle) frontMatter(g *gen, p *page) string {
	if p.isIndex || g.r.IntN(6) != 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("---\n")
	if g.r.IntN(2) == 0 {
		fmt.Fprintf(&b, "title: %s\n", yamlString(p.title))
	}
	fmt.Fprintf(&b, "description: %s\n", yamlString(g.sentence()))
	switch g.r.IntN(3) {
	case 0:
		b.WriteString("hide:\n  - navigation\n")
	case 1:
		b.WriteString("hide:\n  - navigation\n  - toc\n")
	}
	b.WriteString("---\n\n")
	return b.String()
}

// indent indents every non-empty line by four spaces.
func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n")
}

func (s *mkdocsStyle) callout(g *gen, _ *page, kind, title, body string) string {
	marker := "!!!"
	if g.r.IntN(3) == 0 {
		marker = "???"
		if title == "" {
			title = pick(g.r, []string{"Why this matters", "Details", "Example"})
		}
	}
	if title != "" {
		return fmt.Sprintf("%s %s %q\n\n%s", marker, kind, title, indent(body))
	}
	return fmt.Sprintf("%s %s\n\n%s", marker, kind, indent(body))
}

func (s *mkdocsStyle) quirk(g *gen, p *page) string {
	if g.r.IntN(3) != 0 {
		return ""
	}
	s.quirks++
	if s.quirks%2 == 0 {
		return s.callout(g, p, "warning", "Check the numbers", g.sentence())
	}
	var b strings.Builder
	for i, tab := range []string{"Email", "Phone", "In person"}[:2+g.r.IntN(2)] {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "=== %q\n\n%s", tab, indent(g.sentence()+" "+g.sentence()))
	}
	return b.String()
}

// navTitle is how mkdocs.yml names a page, often not its heading: shorter,
// or an acronym for glossary terms.
func navTitle(p *page) string {
	if p.kind == "glossary" {
		var b strings.Builder
		for _, w := range strings.Fields(p.title) {
			b.WriteString(strings.ToUpper(w[:1]))
		}
		return b.String() + " (" + strings.ToLower(p.title) + ")"
	}
	t := strings.TrimPrefix(p.title, "How to ")
	t = strings.TrimSuffix(t, " policy")
	return capitalize(t)
}

func (s *mkdocsStyle) finish(g *gen) {
	var b strings.Builder
	fmt.Fprintf(&b, `site_name: %s
site_url: https://handbook.example.com/
repo_url: https://git.example.com/handbook
edit_uri: edit/main/docs/
theme:
  name: material
  features:
    - navigation.tabs
    - navigation.sections
    - navigation.indexes
    - search.suggest
    - content.code.copy
  palette:
    primary: indigo
plugins:
  - search
markdown_extensions:
  - admonition
  - attr_list
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.tabbed:
      alternate_style: true
extra_css:
  - assets/extra.css
nav:
  - Home: index.md
`, g.root.title)
	rel := func(f string) string { return strings.TrimPrefix(f, "docs/") }
	var walk func(sec *section, ind string)
	walk = func(sec *section, ind string) {
		for _, k := range sec.kids {
			fmt.Fprintf(&b, "%s- %s:\n", ind, k.title)
			fmt.Fprintf(&b, "%s  - %s\n", ind, rel(k.index.file))
			for _, p := range k.pages {
				fmt.Fprintf(&b, "%s  - %s: %s\n", ind, yamlString(navTitle(p)), rel(p.file))
			}
			walk(k, ind+"  ")
		}
	}
	walk(g.root, "  ")
	g.files["mkdocs.yml"] = []byte(b.String())
	g.files["docs/assets/extra.css"] = []byte(".md-typeset h1 { font-weight: 600; }\n")
	g.files["requirements.txt"] = []byte("mkdocs-material==9.5.34\n")
}
