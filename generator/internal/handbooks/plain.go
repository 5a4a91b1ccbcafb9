package handbooks

import (
	"fmt"
	"path"
	"strings"
)

// plainStyle is a folder tree of markdown: README.md per folder, one
// folder with index.md instead, one page.md beside its page/ folder, raw
// HTML links and images, attachments and the litter editors leave.
type plainStyle struct {
	base
	beside *section // the section whose page is <slug>.md beside <slug>/
	indexd *section // the section whose page is index.md
	quirks int
}

func (s *plainStyle) place(g *gen) {
	s.imgDir = "images"
	for _, sec := range g.sections[1:] {
		if sec.depth == 2 && s.beside == nil {
			s.beside = sec
		} else if sec.depth == 1 && len(sec.kids) == 0 && s.indexd == nil {
			s.indexd = sec
		}
	}
	g.placeTree("", func(sec *section) string {
		switch sec {
		case s.beside:
			return sec.dir + ".md"
		case s.indexd:
			return path.Join(sec.dir, "index.md")
		}
		return path.Join(sec.dir, "README.md")
	})
	g.imagePool("images", plainImageNames())
}

func (s *plainStyle) frontMatter(g *gen, p *page) string {
	if p.problem != "date" {
		return ""
	}
	// Someone added front matter to one page, with a date in their locale.
	m := g.marker(func() string { return "03/12/2026" })
	g.addProblem(p.file, "date", m)
	return fmt.Sprintf("---\ntitle: %s\ndate: %s\n---\n\n", yamlString(p.title), m)
}

func (s *plainStyle) link(g *gen, from, to *page, anchor, text string) string {
	target := rel(from.file, to.file)
	if to.isIndex && anchor == "" && strings.HasSuffix(to.file, "/README.md") && g.r.IntN(3) == 0 {
		// A link to the folder, which shows its README.md.
		target = strings.TrimSuffix(target, "README.md")
		if target == "" {
			target = "./"
		}
	}
	if g.r.IntN(12) == 0 && anchor == "" {
		return fmt.Sprintf(`<a href="%s">%s</a>`, target, text)
	}
	return mdLink(text, target, anchor)
}

func (s *plainStyle) quirk(g *gen, p *page) string {
	if g.r.IntN(4) != 0 {
		return ""
	}
	s.quirks++
	dir := path.Dir(p.file)
	switch s.quirks % 4 {
	case 0:
		name := pick(g.r, []string{"funnel", "handover", "escalation", "approval", "timeline"}) + "-diagram"
		g.files[path.Join(dir, name+".png")] = pngFor(name)
		g.files[path.Join(dir, name+"@2x.png")] = pngFor(name + "@2x")
		return fmt.Sprintf(`<img src="%s.png" srcset="%s@2x.png 2x" alt="%s" width="600">`, name, name, strings.ReplaceAll(name, "-", " "))
	case 1:
		to, _ := g.target(p)
		if to == nil {
			return ""
		}
		return fmt.Sprintf(`<p>Before the call, read <a href="%s">%s</a>.</p>`, rel(p.file, to.file), to.title)
	case 2:
		name := fmt.Sprintf("price-list-%d.pdf", s.quirks)
		g.files[path.Join(dir, name)] = pdfFile(name)
		return fmt.Sprintf("Download the [printable version](%s) for the customer.", name)
	default:
		name := fmt.Sprintf("call-notes-%d.txt", s.quirks)
		g.files[path.Join(dir, name)] = []byte(g.sentence() + "\n" + g.sentence() + "\n")
		return fmt.Sprintf("The raw notes are in [%s](%s).", name, name)
	}
}

func (s *plainStyle) finish(g *gen) {
	litter := map[string][]byte{
		".DS_Store":                       {0, 0, 0, 1, 'B', 'u', 'd', '1'},
		".obsidian/app.json":              []byte(`{"alwaysUpdateLinks":true}` + "\n"),
		".obsidian/workspace.json":        []byte(`{"main":{"id":"a1","type":"split"}}` + "\n"),
		g.sections[1].dir + "/.DS_Store":  {0, 0, 0, 1, 'B', 'u', 'd', '1'},
		g.sections[1].dir + "/~$draft.md": {0, 'r', 'e', 'p', 0},
		g.sections[2].dir + "/notes.md~":  []byte("# Notes\n\nOld autosave.\n"),
	}
	for name, data := range litter {
		g.files[name] = data
		g.ignored = append(g.ignored, name)
	}
}
