package handbooks

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"path"
	"strings"
)

// base holds what most layouts share: relative .md links, images in one
// folder, "# Title" headings, no front matter.
type base struct {
	imgDir string // folder of the image pool in the source tree
}

func (base) noIndex(*gen, *section) bool { return false }
func (base) reserved() int               { return 0 }
func (base) h1(*page) bool               { return true }
func (base) frontMatter(*gen, *page) string {
	return ""
}

func (base) link(_ *gen, from, to *page, anchor, text string) string {
	return mdLink(text, rel(from.file, to.file), anchor)
}

func (base) rawLink(_ *gen, _ *page, target, text string) string {
	return mdLink(text, target, "")
}

func (b base) image(_ *gen, from *page, name, alt string) string {
	return fmt.Sprintf("![%s](%s)", alt, rel(from.file, path.Join(b.imgDir, name)))
}

func (base) callout(_ *gen, _ *page, kind, title, body string) string {
	if title == "" {
		title = capitalize(kind)
	}
	return fmt.Sprintf("> **%s:** %s", title, body)
}

// placeTree sets folders and files: sections under top, section pages named
// by index, other pages <slug>.md in their section's folder.
func (g *gen) placeTree(top string, index func(s *section) string) {
	for _, s := range g.sections {
		if s == g.root {
			s.dir = top
		} else {
			s.dir = path.Join(s.parent.dir, s.slug)
		}
		if s.index != nil {
			s.index.file = index(s)
		}
		taken := map[string]bool{"readme": true, "index": true, "_index": true, "summary": true}
		for _, k := range s.kids {
			taken[k.slug] = true
		}
		for _, p := range s.pages {
			for i := 2; taken[p.slug]; i++ {
				p.slug = fmt.Sprintf("%s-%d", strings.TrimSuffix(p.slug, fmt.Sprintf("-%d", i-1)), i)
			}
			taken[p.slug] = true
			ext := ".md"
			if p.mdx {
				ext = ".mdx"
			}
			p.file = path.Join(s.dir, p.slug+ext)
		}
	}
}

var imageNames = []string{"pipeline-stages", "org-chart", "logo-clearspace", "colour-palette", "funnel", "deal-desk-flow", "onboarding-timeline", "pricing-tiers-chart", "architecture-overview", "on-call-rotation", "brand-voice", "email-signature", "booth-layout", "crm-screenshot", "forecast-dashboard", "territory-map", "campaign-calendar", "support-escalation", "hiring-loop", "benefits-overview"}

// imagePool names the images pages use, and writes them under dir.
func (g *gen) imagePool(dir string, names []string) {
	g.images = names
	for _, n := range names {
		g.files[path.Join(dir, n)] = pngFor(n)
	}
}

func plainImageNames() []string {
	out := make([]string, len(imageNames))
	for i, n := range imageNames {
		out[i] = n + ".png"
	}
	return out
}

// pngFor returns a small PNG whose colour depends on name.
func pngFor(name string) []byte {
	h := fnv.New32a()
	h.Write([]byte(name))
	v := h.Sum32()
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	c := color.RGBA{uint8(v), uint8(v >> 8), uint8(v >> 16), 255}
	for y := 0; y < 8; y++ {
		for x := 0; x < 8; x++ {
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img) // writing to memory cannot fail
	return buf.Bytes()
}

// pdfFile is a minimal one-page PDF.
func pdfFile(title string) []byte {
	return []byte("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n% " + title + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
}

// yamlString quotes s for YAML when it needs it.
func yamlString(s string) string {
	if strings.ContainsAny(s, ":#'\"{}[],&*!|>%@`") || strings.HasPrefix(s, "-") {
		return fmt.Sprintf("%q", s)
	}
	return s
}
