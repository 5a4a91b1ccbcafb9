// Package markdown turns page bodies into HTML with goldmark. Parsing and
// rendering are separate steps so that the caller can see every heading
// (for tables of contents and anchor checks) and rewrite every link (to page
// URLs) between them.
package markdown

import (
	"bytes"
	"fmt"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	UnsafeHTML bool // pass raw HTML through instead of escaping it
}

// Renderer parses and renders markdown. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
}

// New returns a Renderer with GFM, footnotes, definition lists, typographic
// punctuation, heading IDs and chroma highlighting (CSS classes).
func New(opts Options) *Renderer {
	var htmlOpts []renderer.Option
	if opts.UnsafeHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.Typographer,
			highlighting.NewHighlighting(
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
				highlighting.WithGuessLanguage(false),
			),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(append(htmlOpts,
			renderer.WithNodeRenderers(util.Prioritized(anchorRenderer{}, 100)))...),
	)
	return &Renderer{md: md}
}

// Heading is a section heading in a document.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Link is a link or image destination found in a document.
type Link struct {
	Dest    string
	Line    int // 1-based, relative to the markdown source
	Col     int
	IsImage bool
	node    ast.Node
}

// Rewrite changes where the link points in the rendered HTML.
func (l *Link) Rewrite(dest string) {
	switch n := l.node.(type) {
	case *ast.Link:
		n.Destination = []byte(dest)
	case *ast.Image:
		n.Destination = []byte(dest)
	}
}

// Doc is a parsed markdown document.
type Doc struct {
	src      []byte
	root     ast.Node
	Headings []Heading
	Links    []*Link
}

// Parse parses src. Headings get unique IDs and a trailing anchor link.
func (r *Renderer) Parse(src []byte) *Doc {
	doc := &Doc{src: src}
	doc.root = r.md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	var headings []*ast.Heading
	_ = ast.Walk(doc.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			headings = append(headings, n)
		case *ast.Link:
			doc.Links = append(doc.Links, doc.newLink(n, string(n.Destination), false))
		case *ast.Image:
			doc.Links = append(doc.Links, doc.newLink(n, string(n.Destination), true))
		}
		return ast.WalkContinue, nil
	})
	for _, h := range headings {
		id, _ := h.AttributeString("id")
		idStr := string(asBytes(id))
		doc.Headings = append(doc.Headings, Heading{Level: h.Level, ID: idStr, Text: plainText(h, src)})
		h.AppendChild(h, &anchorNode{id: idStr, label: plainText(h, src)})
	}
	return doc
}

func asBytes(v any) []byte {
	switch x := v.(type) {
	case []byte:
		return x
	case string:
		return []byte(x)
	}
	return nil
}

// Render writes the document as HTML.
func (r *Renderer) Render(doc *Doc) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, doc.src, doc.root); err != nil {
		return nil, fmt.Errorf("rendering markdown: %w", err)
	}
	// Code blocks scroll sideways on phones; a scrollable region must be
	// reachable by keyboard (WCAG 2.1.1), so make it focusable.
	return bytes.ReplaceAll(buf.Bytes(), []byte(`<pre class="chroma">`), []byte(`<pre tabindex="0" class="chroma">`)), nil
}

// Inline renders a short string of inline markdown (a proof point, a
// definition) without the surrounding paragraph.
func (r *Renderer) Inline(s string) ([]byte, error) {
	out, err := r.Render(r.Parse([]byte(s)))
	if err != nil {
		return nil, err
	}
	out = bytes.TrimSpace(out)
	if bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) && bytes.Count(out, []byte("<p>")) == 1 {
		out = out[3 : len(out)-4]
	}
	return out, nil
}

func (d *Doc) newLink(n ast.Node, dest string, image bool) *Link {
	l := &Link{Dest: dest, IsImage: image, node: n}
	// Inline nodes carry no position; find the destination in the text of
	// the enclosing block.
	start := 0
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			start = p.Lines().At(0).Start
			break
		}
	}
	off := bytes.Index(d.src[start:], []byte("]("+dest))
	if off < 0 {
		off = bytes.Index(d.src[start:], []byte(dest))
	} else {
		// Point at the opening bracket of the link text.
		if b := bytes.LastIndexByte(d.src[start:start+off], '['); b >= 0 {
			off = b
			if image && b > 0 && d.src[start+b-1] == '!' {
				off = b - 1
			}
		}
	}
	if off < 0 {
		off = 0
	}
	l.Line, l.Col = lineCol(d.src, start+off)
	return l
}

func lineCol(src []byte, offset int) (int, int) {
	line := 1 + bytes.Count(src[:offset], []byte("\n"))
	last := bytes.LastIndexByte(src[:offset], '\n')
	return line, offset - last
}

// plainText concatenates the text under n.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		case *ast.CodeSpan:
			for ch := t.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if tx, ok := ch.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}
