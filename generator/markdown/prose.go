package markdown

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// Prose is the readable text of one block of a document: a paragraph, a
// heading, a list item's text, a table cell, a definition term, for checks
// that read what a writer wrote, such as brand voice rules.
//
// Text holds the words as typed (backslash escapes and entities resolved,
// typographic quotes and dashes as the writer typed them, emphasis markers
// and link brackets dropped, so "**dis**count" reads "discount"). Link and
// image text count; code spans, URLs and link destinations, autolinks, raw
// HTML and footnote markers do not: each is replaced by Separator, so no
// word or phrase runs across them. A line break inside the block is a
// space.
type Prose struct {
	Text string
	// Comments are the HTML comments that apply to the block, trimmed of
	// "<!--", "-->" and space: those in comment blocks just before it or
	// before any block that holds it (a comment before a list applies to
	// every item), then those inside the block itself.
	Comments []string
	spans    []proseSpan
}

// Separator stands in Prose.Text for content that is not prose (code, a
// URL, raw HTML). It is neither a letter nor a space.
const Separator = "\uFFFC"

// proseSpan maps Text[at:] to the source from src on; synthetic spans
// (a resolved entity, a typographic quote, a line break) map every byte to
// src.
type proseSpan struct {
	at, src   int
	synthetic bool
}

// Offset returns the byte offset in the document's source (see
// Doc.Source) of the byte at Text[i].
func (p Prose) Offset(i int) int {
	k := sort.Search(len(p.spans), func(k int) bool { return p.spans[k].at > i }) - 1
	if k < 0 {
		return 0
	}
	s := p.spans[k]
	if s.synthetic {
		return s.src
	}
	return s.src + i - s.at
}

// Source returns the markdown the document was parsed from.
func (d *Doc) Source() []byte { return d.src }

// Prose calls yield with each block of prose in the document, in order,
// until yield returns false; it can be ranged over (for p := range
// doc.Prose). Code blocks, raw HTML blocks and thematic breaks hold no
// prose; the text after a comment on its line in a comment block (which
// the page shows) is not reported either.
func (d *Doc) Prose(yield func(Prose) bool) {
	d.proseIn(d.root, nil, &proseBuilder{}, yield)
}

// proseIn reports the prose of n's child blocks; comments apply to all.
func (d *Doc) proseIn(n ast.Node, comments []string, b *proseBuilder, yield func(Prose) bool) bool {
	var pending []string // comment blocks just before the next block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindHTMLBlock:
			if b := c.(*ast.HTMLBlock); b.HTMLBlockType == ast.HTMLBlockType2 {
				pending = append(pending, htmlComments(blockText(b, d.src))...)
			} else {
				pending = nil
			}
			continue
		case ast.KindFencedCodeBlock, ast.KindCodeBlock, ast.KindThematicBreak:
			pending = nil
			continue
		}
		applies := comments
		if len(pending) > 0 {
			applies = append(append([]string(nil), comments...), pending...)
			pending = nil
		}
		if f := c.FirstChild(); f != nil && f.Type() == ast.TypeInline {
			if p, ok := d.blockProse(c, applies, b); ok && !yield(p) {
				return false
			}
			continue
		}
		if !d.proseIn(c, applies, b, yield) {
			return false
		}
	}
	return true
}

func blockText(b *ast.HTMLBlock, src []byte) string {
	var s strings.Builder
	for i := 0; i < b.Lines().Len(); i++ {
		line := b.Lines().At(i)
		s.Write(line.Value(src))
	}
	if b.HasClosure() {
		s.Write(b.ClosureLine.Value(src))
	}
	return s.String()
}

var commentRe = regexp.MustCompile(`(?s)<!--(.*?)-->`)

// htmlComments returns the trimmed text of each comment in raw HTML.
func htmlComments(raw string) []string {
	var out []string
	for _, m := range commentRe.FindAllStringSubmatch(raw, -1) {
		out = append(out, strings.TrimSpace(m[1]))
	}
	return out
}

// proseBuilder collects one block's text and its map to the source; one
// serves every block of a document in turn.
type proseBuilder struct {
	text    []byte
	spans   []proseSpan
	lastEnd int // source offset after the last real text, -1 before any
}

func (b *proseBuilder) real(s []byte, at int) {
	if len(s) == 0 {
		return
	}
	b.spans = append(b.spans, proseSpan{at: len(b.text), src: at})
	b.text = append(b.text, s...)
	b.lastEnd = at + len(s)
}

func (b *proseBuilder) synthetic(s string, at int) {
	if s == "" {
		return
	}
	b.spans = append(b.spans, proseSpan{at: len(b.text), src: at, synthetic: true})
	b.text = append(b.text, s...)
}

// blockProse builds the prose of a block holding inline content.
func (d *Doc) blockProse(n ast.Node, comments []string, b *proseBuilder) (Prose, bool) {
	b.text, b.spans, b.lastEnd = b.text[:0], b.spans[:0], -1
	p := Prose{Comments: comments}
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			if t.IsRaw() {
				b.real(t.Segment.Value(d.src), t.Segment.Start)
			} else {
				b.escaped(t.Segment.Value(d.src), t.Segment.Start)
			}
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.synthetic(" ", t.Segment.Stop)
			}
		case *ast.String:
			// Typographer output ("&rsquo;") with no position: it stands
			// where the previous text ended.
			s := string(t.Value)
			if t.IsCode() {
				s = typographerSource.Replace(s)
			}
			b.synthetic(html.UnescapeString(s), b.lastEnd)
		case *ast.RawHTML:
			raw := rawText(t, d.src)
			if IsComment(raw) {
				// Hidden on the page: the words either side join up.
				p.Comments = append(p.Comments, htmlComments(raw)...)
			} else {
				b.synthetic(Separator, b.lastEnd)
			}
			return ast.WalkSkipChildren, nil
		case *ast.CodeSpan, *ast.AutoLink, *extast.FootnoteLink, *extast.FootnoteBacklink, *anchorNode:
			b.synthetic(Separator, b.lastEnd)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(b.text) == 0 {
		return Prose{}, false
	}
	// A quote or separator before any text maps to where the text starts.
	next := 0
	for i := len(b.spans) - 1; i >= 0; i-- {
		if s := &b.spans[i]; !s.synthetic {
			next = s.src
		} else if s.src < 0 {
			s.src = next
		}
	}
	p.Text, p.spans = string(b.text), slices.Clone(b.spans)
	return p, true
}

var entityRe = regexp.MustCompile(`^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

// escaped adds a text segment as the renderer shows it: "\*" is "*" and
// "&amp;" is "&".
func (b *proseBuilder) escaped(seg []byte, at int) {
	if bytes.IndexByte(seg, '\\') < 0 && bytes.IndexByte(seg, '&') < 0 {
		b.real(seg, at)
		return
	}
	run := 0
	for i := 0; i < len(seg); {
		switch c := seg[i]; {
		case c == '\\' && i+1 < len(seg) && isASCIIPunct(seg[i+1]):
			b.real(seg[run:i], at+run)
			run = i + 1
			i += 2
		case c == '&':
			m := entityRe.Find(seg[i:])
			if m == nil {
				i++
				continue
			}
			resolved := html.UnescapeString(string(m))
			if resolved == string(m) {
				i += len(m)
				continue
			}
			b.real(seg[run:i], at+run)
			b.synthetic(resolved, at+i)
			i += len(m)
			run = i
		default:
			i++
		}
	}
	b.real(seg[run:], at+run)
}

func isASCIIPunct(c byte) bool {
	return c < 128 && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// InlineProse returns the prose of a short front matter text (a proof
// point, a definition) read as inline markdown, as ParseInline reads it.
// Offsets are into the text without surrounding space, exact unless
// ParseInline had to rewrite it (several paragraphs, a block marker).
func (r *Renderer) InlineProse(s string) Prose {
	s = strings.TrimSpace(s)
	if isPlain(s) {
		if s == "" {
			return Prose{}
		}
		return Prose{Text: s, spans: []proseSpan{{}}}
	}
	var out Prose
	for p := range r.ParseInline(s).Prose {
		out = p // ParseInline gives one paragraph
	}
	return out
}
