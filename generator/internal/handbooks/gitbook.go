package handbooks

import (
	"fmt"
	"path"
	"strings"
)

// gitbookStyle is a GitBook space synced to git: .gitbook.yaml, SUMMARY.md,
// README.md section pages, images in .gitbook/assets with the names GitBook
// gives them ("image (3).png"), {% %} blocks, front matter with only a
// description on some pages.
type gitbookStyle struct {
	base
	quirks int
}

func (s *gitbookStyle) place(g *gen) {
	s.imgDir = ".gitbook/assets"
	g.placeTree("", func(sec *section) string { return path.Join(sec.dir, "README.md") })
	var names []string
	for i := 1; i <= 24; i++ {
		names = append(names, fmt.Sprintf("image (%d).png", i))
	}
	names = append(names, "Screenshot 2025-03-04 at 10.15.22.png", "Screenshot 2025-06-18 at 16.02.41.png", "funnel.png", "logo-clearspace.png")
	g.imagePool(s.imgDir, names)
	g.files[".gitbook/assets/price-list-2025.pdf"] = pdfFile("Price list 2025")
}

func (s *gitbookStyle) frontMatter(g *gen, p *page) string {
	if g.r.IntN(4) != 0 {
		return ""
	}
	return fmt.Sprintf("---\ndescription: %s\n---\n\n", yamlString(g.sentence()))
}

func (s *gitbookStyle) image(g *gen, from *page, name, alt string) string {
	target := rel(from.file, path.Join(s.imgDir, name))
	if strings.HasPrefix(name, "old-") { // a planted missing image: the usual form
		return fmt.Sprintf("![%s](<%s>)", alt, target)
	}
	switch g.r.IntN(6) {
	case 0, 1, 2:
		return fmt.Sprintf("![](<%s>)", target)
	case 3, 4:
		return fmt.Sprintf("<figure><img src=\"%s\" alt=\"\"><figcaption><p>%s</p></figcaption></figure>", target, alt)
	default:
		return fmt.Sprintf("![%s](%s)", alt, strings.ReplaceAll(target, " ", "%20"))
	}
}

func (s *gitbookStyle) callout(g *gen, _ *page, kind, title, body string) string {
	style := map[string]string{"note": "info", "info": "info", "tip": "success", "warning": "warning"}[kind]
	if title != "" {
		body = "**" + title + "**\n\n" + body
	}
	return fmt.Sprintf("{%% hint style=%q %%}\n%s\n{%% endhint %%}", style, body)
}

func (s *gitbookStyle) quirk(g *gen, p *page) string {
	if g.r.IntN(3) != 0 {
		return ""
	}
	s.quirks++
	switch s.quirks % 4 {
	case 0:
		to, _ := g.target(p)
		if to == nil {
			return ""
		}
		t := rel(p.file, to.file)
		return fmt.Sprintf("{%% content-ref url=%q %%}\n[%s](%s)\n{%% endcontent-ref %%}", t, path.Base(t), t)
	case 1:
		return fmt.Sprintf("{%% embed url=\"https://www.youtube.com/watch?v=%s\" %%}\nRecording of the last training session\n{%% endembed %%}", videoID(g))
	case 2:
		return fmt.Sprintf("{%% tabs %%}\n{%% tab title=\"Email\" %%}\n%s\n{%% endtab %%}\n\n{%% tab title=\"Phone\" %%}\n%s\n{%% endtab %%}\n{%% endtabs %%}", g.sentence(), g.sentence())
	default:
		return fmt.Sprintf("Download the [price list](%s).", rel(p.file, ".gitbook/assets/price-list-2025.pdf"))
	}
}

func (s *gitbookStyle) finish(g *gen) {
	g.files[".gitbook.yaml"] = []byte("root: ./\n\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n")
	var b strings.Builder
	fmt.Fprintf(&b, "# Table of contents\n\n* [%s](README.md)\n", g.root.title)
	var walk func(sec *section, ind string)
	walk = func(sec *section, ind string) {
		fmt.Fprintf(&b, "%s* [%s](%s)\n", ind, sec.title, sec.index.file)
		for _, p := range sec.pages {
			fmt.Fprintf(&b, "%s  * [%s](%s)\n", ind, p.title, p.file)
		}
		for _, k := range sec.kids {
			walk(k, ind+"  ")
		}
	}
	for _, k := range g.root.kids {
		// Top-level sections are GitBook groups.
		fmt.Fprintf(&b, "\n## %s\n\n", k.title)
		walk(k, "")
	}
	g.files["SUMMARY.md"] = []byte(b.String())
}
