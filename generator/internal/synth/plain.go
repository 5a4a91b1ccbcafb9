package synth

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Plain layout: pages sit in sections of PlainSectionPages, sections in
// areas of PlainAreaSections, and, when there are more areas than that,
// areas in divisions of as many: a large handbook grows deeper, not wider,
// so the top level of a 100,000-page site has 10 entries (divisions), as
// a 10,000-page site's does (areas), and every page's sidebar is about the
// same size whatever the size of the site.
const (
	PlainSectionPages = 100
	PlainAreaSections = 10
)

// WritePlain creates a playbook of n pages of kind "page" in dir, with the
// same markdown Hugo can build: about 5 kB per page with headings, a
// table, a list, two links to other pages and one highlighted code block.
// It is the content scripts/vs-hugo builds with both tools, so that they
// render identical markdown. Files are written one at a time (a 100,000-page
// playbook is 500 MB of text, not to be held in memory).
func WritePlain(dir string, n int) error {
	write := func(name, text string) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}
	if err := write("playbook.toml", `title = "Plain Playbook"
base_url = "https://example.com/"
`); err != nil {
		return err
	}
	if err := write("content/_index.md", "+++\ntitle = \"Home\"\n+++\nWelcome.\n"); err != nil {
		return err
	}
	l := plainLayout(n)
	sections := (n + PlainSectionPages - 1) / PlainSectionPages
	for s := 0; s < sections; s++ {
		area := s / PlainAreaSections
		if l.hasDivisions() && area%PlainAreaSections == 0 && s%PlainAreaSections == 0 {
			d := area / PlainAreaSections
			if err := write(fmt.Sprintf("content/division-%d/_index.md", d),
				fmt.Sprintf("+++\ntitle = \"Division %d\"\n+++\nAreas of division %d.\n", d, d)); err != nil {
				return err
			}
		}
		if s%PlainAreaSections == 0 {
			if err := write(fmt.Sprintf("content/%s/_index.md", l.area(area)),
				fmt.Sprintf("+++\ntitle = \"Area %d\"\n+++\nSections of area %d.\n", area, area)); err != nil {
				return err
			}
		}
		if err := write(fmt.Sprintf("content/%s/_index.md", l.section(s)),
			fmt.Sprintf("+++\ntitle = \"Section %d\"\n+++\nPages of section %d.\n", s, s)); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		if err := write(l.path(i), l.page(i)); err != nil {
			return err
		}
	}
	return nil
}

// plainLayout says where each of n plain pages goes.
type plainLayout int

func (l plainLayout) n() int { return int(l) }

func (l plainLayout) area(a int) string {
	if l.hasDivisions() {
		return fmt.Sprintf("division-%d/area-%d", a/PlainAreaSections, a)
	}
	return fmt.Sprintf("area-%d", a)
}

// hasDivisions reports whether areas are grouped in divisions.
func (l plainLayout) hasDivisions() bool {
	areas := (l.n() + PlainSectionPages*PlainAreaSections - 1) / (PlainSectionPages * PlainAreaSections)
	return areas > PlainAreaSections
}

func (l plainLayout) section(s int) string {
	return fmt.Sprintf("%s/section-%d", l.area(s/PlainAreaSections), s)
}

func (l plainLayout) path(i int) string {
	return fmt.Sprintf("content/%s/page-%d.md", l.section(i/PlainSectionPages), i)
}

// link is a relative link from page i's file to page j's.
func (l plainLayout) link(i, j int) string {
	rel, _ := filepath.Rel(filepath.Dir(l.path(i)), l.path(j))
	return filepath.ToSlash(rel)
}

func (l plainLayout) page(i int) string {
	n := l.n()
	var b strings.Builder
	fmt.Fprintf(&b, "+++\ntitle = \"Page %d: %s %s\"\nweight = %d\n+++\n", i, words[i%len(words)], words[(i*7)%len(words)], i%PlainSectionPages+1)
	fmt.Fprintf(&b, "An introduction to %s and %s for page %d.\n\n", words[(i*3)%len(words)], words[(i*5)%len(words)], i)
	b.WriteString(prose(i, 5))
	b.WriteString("## Lanes\n\n| Lane | Carrier | Volume | Cost |\n|------|---------|-------:|-----:|\n")
	for r := 0; r < 6; r++ {
		fmt.Fprintf(&b, "| L-%d | %s | %d | %d.%02d |\n", r, words[(i+r)%len(words)], (i*31+r*7)%1000, (i+r)%500, r*13%100)
	}
	b.WriteString("\n## Checklist\n\n")
	for r := 0; r < 5; r++ {
		fmt.Fprintf(&b, "- Confirm the %s with the %s\n", words[(i*11+r)%len(words)], words[(i*13+r*3)%len(words)])
	}
	fmt.Fprintf(&b, "\nSee [page %d](%s) and [page %d](%s).\n\n", (i+1)%n, l.link(i, (i+1)%n), (i*7+3)%n, l.link(i, (i*7+3)%n))
	// The code differs on every page, as in real content: a highlighter
	// that remembers blocks it has seen gains nothing here.
	fmt.Fprintf(&b, "## Example\n\n```go\nfunc quote%d(lane string, volume int) float64 {\n\tif volume > %d {\n\t\treturn 0.%d * base(lane, %q)\n\t}\n\treturn base(lane, %q)\n}\n```\n\n", i, i%997, i%89+10, words[(i*17)%len(words)], words[(i*19)%len(words)])
	b.WriteString(prose(i+1, 3))
	return b.String()
}
