package handbooks

import (
	"fmt"
	"path"
	"strings"
)

// mdbookStyle is an mdBook: book.toml, src/SUMMARY.md (parts, nested
// chapters, a draft chapter with no file), pages without front matter,
// some chapters as <name>.md beside their <name>/ folder, and
// {{#include}} of shared snippets outside src/.
type mdbookStyle struct {
	base
	quirks int
}

var snippets = []string{"support-contacts", "confidentiality", "approval-note"}

func (s *mdbookStyle) place(g *gen) {
	s.imgDir = "src/images"
	g.placeTree("src", func(sec *section) string {
		if sec.depth > 0 && sectionIndex(sec)%2 == 1 {
			return sec.dir + ".md" // the chapter beside its folder
		}
		return path.Join(sec.dir, "README.md")
	})
	g.imagePool(s.imgDir, plainImageNames())
}

func (s *mdbookStyle) quirk(g *gen, p *page) string {
	if g.r.IntN(4) != 0 {
		return ""
	}
	s.quirks++
	name := snippets[s.quirks%len(snippets)]
	return fmt.Sprintf("{{#include %s}}", rel(p.file, "snippets/"+name+".md"))
}

func (s *mdbookStyle) finish(g *gen) {
	g.files["book.toml"] = []byte(fmt.Sprintf(`[book]
title = %q
authors = ["People Team", "Sales Enablement"]
language = "en"
multilingual = false
src = "src"

[output.html]
git-repository-url = "https://git.example.com/handbook"
edit-url-template = "https://git.example.com/handbook/edit/main/{path}"

[output.html.search]
limit-results = 30
`, g.root.title))
	g.files[".gitignore"] = []byte("book/\n")
	for _, n := range snippets {
		g.files["snippets/"+n+".md"] = []byte(fmt.Sprintf("> **%s:** %s\n", capitalize(strings.ReplaceAll(n, "-", " ")), g.sentence()))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Summary\n\n[Introduction](README.md)\n")
	r := func(f string) string { return strings.TrimPrefix(f, "src/") }
	var walk func(sec *section, ind string)
	walk = func(sec *section, ind string) {
		fmt.Fprintf(&b, "%s- [%s](%s)\n", ind, sec.title, r(sec.index.file))
		for _, p := range sec.pages {
			fmt.Fprintf(&b, "%s    - [%s](%s)\n", ind, p.title, r(p.file))
		}
		for _, k := range sec.kids {
			walk(k, ind+"    ")
		}
	}
	for i, k := range g.root.kids {
		fmt.Fprintf(&b, "\n# %s\n\n", k.title)
		walk(k, "")
		if i == 0 {
			// A draft chapter: listed, no file yet.
			b.WriteString("    - [Territory planning]()\n")
		}
	}
	b.WriteString("\n---\n\n[Contributors](contributors.md)\n")
	g.files["src/SUMMARY.md"] = []byte(b.String())
	g.files["src/contributors.md"] = []byte("# Contributors\n\nThanks to everyone who keeps this handbook current.\n")
	g.pageList = append(g.pageList, "src/contributors.md")
}
