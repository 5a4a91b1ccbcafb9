package markdown

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Section is the plain text of a document under one heading, for the
// search index. The first section holds the text before any heading and
// has no ID.
type Section struct {
	ID      string // the heading's ID, "" for the text before the first heading
	Heading string // the heading as a reader sees it
	Text    string // the words under it, blocks separated by newlines
}

// Sections splits the document at its top-level headings and returns each
// part's words without markup. Code blocks and raw HTML blocks are left
// out: they are not prose a reader searches for.
func (d *Doc) Sections() []Section {
	out := []Section{{}}
	// One buffer for every section, each text copied out at its size: a
	// build keeps every page's text for the search index, and a builder
	// per section would keep up to twice that.
	var b bytes.Buffer
	flush := func() {
		out[len(out)-1].Text = string(bytes.TrimSpace(b.Bytes()))
		b.Reset()
	}
	for n := d.root.FirstChild(); n != nil; n = n.NextSibling() {
		if _, ok := n.(*extast.FootnoteList); ok {
			// The footnotes are printed after the last section but
			// belong to none: a section of their own, so that a diff or
			// a search result does not put them under the last heading.
			flush()
			out = append(out, Section{Heading: "Footnotes"})
			d.writeBlockText(&b, n)
			continue
		}
		if h, ok := n.(*ast.Heading); ok {
			flush()
			s := Section{Heading: plainText(h, d.src)}
			if id, ok := h.AttributeString("id"); ok {
				s.ID = string(id.([]byte))
			}
			out = append(out, s)
			continue
		}
		d.writeBlockText(&b, n)
	}
	flush()
	return out
}

// writeBlockText writes the text of a block and the blocks inside it, one
// line per paragraph, list item, table cell or term.
func (d *Doc) writeBlockText(b *bytes.Buffer, n ast.Node) {
	switch n.Kind() {
	case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindHTMLBlock, ast.KindThematicBreak:
		return
	}
	if c := n.FirstChild(); c == nil || c.Type() == ast.TypeInline {
		if t := plainText(n, d.src); t != "" {
			b.WriteString(t)
			b.WriteByte('\n')
		}
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		d.writeBlockText(b, c)
	}
}
