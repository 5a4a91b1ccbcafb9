// Package markdown turns page bodies into HTML with goldmark. Parsing and
// rendering are separate steps so that the caller can see every heading
// (for tables of contents and anchor checks) and rewrite every link (to page
// URLs) between them.
package markdown

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	// RawHTML says what happens to HTML written in markdown; the zero
	// value (and any unknown value) is RawHTMLSafe.
	RawHTML RawHTML
	// Limits bound the front matter texts ParseInline reads (a page's
	// body is checked by its loader, which reports it).
	Limits Limits
}

// Renderer parses and renders markdown. It is safe for concurrent use.
type Renderer struct {
	md      goldmark.Markdown
	rawHTML RawHTML
	limits  Limits
}

// New returns a Renderer with GFM, footnotes, definition lists, typographic
// punctuation, heading IDs, GitHub alerts as callouts and chroma
// highlighting (CSS classes).
func New(opts Options) *Renderer {
	mode := opts.RawHTML
	if mode != RawHTMLEscape && mode != RawHTMLUnsafe {
		mode = RawHTMLSafe
	}
	// goldmark registers lower priority numbers last, so these (100)
	// replace its HTML renderer's (1000) functions for raw HTML and GFM's
	// (500) for task check boxes.
	var raw renderer.NodeRenderer = keptHTML{}
	if mode == RawHTMLEscape {
		raw = escapedHTML{}
	}
	htmlOpts := []renderer.Option{renderer.WithNodeRenderers(
		util.Prioritized(anchorRenderer{}, 100),
		util.Prioritized(taskCheckBox{}, 100),
		util.Prioritized(calloutRenderer{}, 100),
		util.Prioritized(tableWrapRenderer{}, 100),
		util.Prioritized(raw, 100),
		util.Prioritized(termRenderer{}, 100),
		util.Prioritized(newCodeBlocks(), 100),
	)}
	md := goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.DefinitionList,
			extension.Typographer,
		),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(alerts{}, 100), util.Prioritized(tableWraps{}, 110))),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	return &Renderer{md: md, rawHTML: mode, limits: opts.Limits}
}

// Heading is a section heading in a document. Level 0 is no heading but
// an id (or <a name>) set in raw HTML: a target for links to anchors, not
// part of a table of contents.
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
	IsAuto  bool // an autolink (<https://…> or a bare www. address): never rewritten
	node    ast.Node
	// A URL in raw HTML (an href, a src, one srcset candidate) and its tag.
	url *htmlURL
	tag *htmlTag
}

// Rewrite changes where the link points in the rendered HTML.
func (l *Link) Rewrite(dest string) {
	if l.url != nil {
		l.url.dest = dest
		l.tag.rewritten = true
		return
	}
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
	// closeHTML closes the elements raw HTML left open (safe mode).
	closeHTML string
	// tips are the terms LinkTerms linked, in the order of their links.
	tips []Term
	// lines finds the line of a link (limits_lines.go).
	lines lineIndex
}

// Parse parses src. Headings get unique IDs and a trailing anchor link.
func (r *Renderer) Parse(src []byte) *Doc {
	doc := &Doc{src: src}
	doc.root = r.md.Parser().Parse(text.NewReader(src))
	var headings []*ast.Heading
	raw := &sanitizer{mode: r.rawHTML}
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
		case *ast.AutoLink:
			// Checked for dangerous schemes only; an autolink is never rewritten.
			l := doc.newLink(n, string(n.URL(src)), false)
			l.IsAuto = true
			doc.Links = append(doc.Links, l)
		case *ast.RawHTML, *ast.HTMLBlock:
			if raw.mode != RawHTMLEscape {
				doc.Links = append(doc.Links, doc.rawHTML(n, raw)...)
			}
		}
		return ast.WalkContinue, nil
	})
	doc.closeHTML = raw.closers()
	// IDs come from the text a reader sees, as on GitHub: "## See
	// [pricing](pricing.md)" is #see-pricing, not #see-pricingpricingmd.
	ids := newHeadingIDs()
	for _, h := range headings {
		text := plainText(h, src)
		id := string(ids.Generate([]byte(typedText(h, src)), ast.KindHeading))
		h.SetAttributeString("id", []byte(id))
		doc.Headings = append(doc.Headings, Heading{Level: h.Level, ID: id, Text: text})
		h.AppendChild(h, &anchorNode{id: id, label: text})
	}
	for _, id := range raw.ids {
		doc.Headings = append(doc.Headings, Heading{ID: id})
	}
	return doc
}

// rawHTML parses a raw HTML node into the fragment it renders as and
// returns the links in it, positioned at their URLs.
func (d *Doc) rawHTML(n ast.Node, z *sanitizer) []*Link {
	t := nodeText(n, d.src)
	f, found := z.parse(t.text)
	n.SetAttributeString(fragmentKey, f)
	links := make([]*Link, len(found))
	for i, h := range found {
		l := &Link{Dest: h.url.dest, IsImage: h.image, node: n, url: h.url, tag: h.tag}
		l.Line, l.Col = d.lineCol(t.offset(h.at))
		links[i] = l
	}
	return links
}

// Render writes the document as HTML.
func (r *Renderer) Render(doc *Doc) ([]byte, error) {
	out, err := r.render(doc)
	if err != nil {
		return nil, err
	}
	return append(append(out, doc.closeHTML...), doc.tipsHTML()...), nil
}

func (r *Renderer) render(doc *Doc) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(2 * len(doc.src)) // HTML is about twice its markdown: grow once, not by doubling
	if err := r.md.Renderer().Render(&buf, doc.src, doc.root); err != nil {
		return nil, fmt.Errorf("rendering markdown: %w", err)
	}
	return buf.Bytes(), nil
}

// ParseInline parses a short front matter text (a proof point, a
// definition) as one paragraph of inline markdown. Text that would start a
// block ("# Heading", "- item", "> quote") is taken literally: these fields
// are phrases, and a stray heading inside a definition would break the page.
func (r *Renderer) ParseInline(s string) *Doc {
	s = strings.TrimSpace(s)
	// A text past the limits on tables, links and emphasis is shown as
	// typed, all its markup escaped, so that goldmark reads it in one pass.
	if p, found := r.limits.Scan([]byte(s)); found && p.Kind != Nesting {
		return r.Parse(escapeMarkup(strings.Join(strings.Fields(s), " ")))
	}
	// Text nested past the limit is no paragraph, and goldmark would take
	// long to find that out: it goes on to the next form at once.
	if doc, ok := r.paragraph(s); ok {
		return doc
	}
	// Several paragraphs become one; a block marker is escaped.
	s = strings.Join(strings.Fields(s), " ")
	if doc, ok := r.paragraph(s); ok {
		return doc
	}
	if i := strings.IndexFunc(s, func(c rune) bool {
		return c < 128 && unicode.IsPunct(c) || c == '+' || c == '|' || c == '=' || c == '>' || c == '`' || c == '~'
	}); i >= 0 {
		s = s[:i] + `\` + s[i:]
	}
	return r.Parse([]byte(s))
}

// paragraph parses s when it is nested within the limit, and reports
// whether it is one paragraph.
func (r *Renderer) paragraph(s string) (*Doc, bool) {
	if line, _ := r.limits.TooDeep([]byte(s)); line > 0 {
		return nil, false
	}
	doc := r.Parse([]byte(s))
	return doc, isOneParagraph(doc.root)
}

func isOneParagraph(root ast.Node) bool {
	return root.ChildCount() == 1 && root.FirstChild().Kind() == ast.KindParagraph
}

// RenderInline renders a document from ParseInline without its <p>.
func (r *Renderer) RenderInline(doc *Doc) ([]byte, error) {
	out, err := r.render(doc)
	if err != nil {
		return nil, err
	}
	out = bytes.TrimSpace(out)
	if bytes.HasPrefix(out, []byte("<p>")) && bytes.HasSuffix(out, []byte("</p>")) && bytes.Count(out, []byte("<p>")) == 1 {
		out = out[3 : len(out)-4]
	}
	return append(out, doc.closeHTML...), nil
}

// PlainText returns a short text's words without markdown ("See **x**" ->
// "See x").
func (r *Renderer) PlainText(s string) string {
	if s = strings.TrimSpace(s); isPlain(s) {
		return s // most front matter texts: no need to parse
	}
	doc := r.ParseInline(s)
	return plainText(doc.root, doc.src)
}

// isPlain reports whether markdown would show s exactly as written: no
// markup, entities, typographer quotes or dashes, block markers or line
// breaks.
func isPlain(s string) bool {
	if s == "" || strings.Contains(s, "--") || strings.Contains(s, "..") {
		return s == ""
	}
	if c := s[0]; c == '-' || c >= '0' && c <= '9' {
		return false // maybe a list item: "- x", "1. x"
	}
	for _, c := range s {
		switch {
		case unicode.IsLetter(c) || unicode.IsDigit(c) || c == ' ':
		case strings.ContainsRune(",.;:?!()%/$€£-", c):
		default:
			return false
		}
	}
	return true
}

// Inline renders a short text as inline markdown, without checking links.
func (r *Renderer) Inline(s string) ([]byte, error) {
	return r.RenderInline(r.ParseInline(s))
}

func (d *Doc) newLink(n ast.Node, dest string, image bool) *Link {
	l := &Link{Dest: dest, IsImage: image, node: n}
	// Inline nodes carry no position; find the destination in the text of
	// the enclosing block.
	// A link with text: its "[" comes right before the text, which knows
	// where it is, so two links to one address on a line each get their
	// own column.
	if at, ok := firstTextStart(n); ok {
		if b := bytes.LastIndexByte(d.src[:at], '['); b >= 0 {
			if image && b > 0 && d.src[b-1] == '!' {
				b--
			}
			l.Line, l.Col = d.lineCol(b)
			return l
		}
	}
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
	l.Line, l.Col = d.lineCol(start + off)
	return l
}

// firstTextStart returns where the first text under a link or image
// starts in the source.
func firstTextStart(n ast.Node) (int, bool) {
	if _, isLink := n.(*ast.Link); !isLink {
		if _, isImage := n.(*ast.Image); !isImage {
			return 0, false
		}
	}
	at, found := 0, false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); entering && ok && t.Segment.Len() > 0 {
			at, found = t.Segment.Start, true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return at, found
}

// typographerSource maps the typographer's substitutions back to what the
// writer typed, since GitHub makes heading IDs from the typed text.
var typographerSource = strings.NewReplacer("&ndash;", "--", "&mdash;", "---", "&hellip;", "...",
	"&ldquo;", `"`, "&rdquo;", `"`, "&lsquo;", "'", "&rsquo;", "'", "&laquo;", "<<", "&raquo;", ">>")

// typedText is the heading's text as typed, for its ID.
func typedText(n ast.Node, src []byte) string { return strings.TrimSpace(textOf(n, src, true)) }

// plainText is the text under n as a reader sees it.
func plainText(n ast.Node, src []byte) string { return strings.TrimSpace(textOf(n, src, false)) }

// textOf concatenates the text under n. typed undoes the typographer.
func textOf(n ast.Node, src []byte, typed bool) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			// As the renderer does: "\#" is "#", "&amp;" is "&".
			v := t.Segment.Value(src)
			if !t.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			// Typographer output holds entities ("&rsquo;"); the text is
			// escaped again where it is used.
			if typed {
				b.WriteString(typographerSource.Replace(string(t.Value)))
			} else {
				b.WriteString(html.UnescapeString(string(t.Value)))
			}
		case *ast.RawHTML:
			// Shown as text on the page (see escapedHTML), so part of the
			// text; comments and line breaks are not, nor tags that render
			// as tags (safe and unsafe modes).
			raw := rawText(t, src)
			f := fragmentOf(t)
			switch {
			case f != nil && !lineBreak.MatchString(strings.ToLower(raw)):
				b.WriteString(f.text())
			case IsComment(raw):
			case lineBreak.MatchString(strings.ToLower(raw)):
				b.WriteByte(' ')
			default:
				b.WriteString(raw)
			}
		case *ast.AutoLink:
			b.Write(t.Label(src))
		case *ast.CodeSpan:
			for ch := t.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if tx, ok := ch.(*ast.Text); ok {
					b.Write(tx.Segment.Value(src))
				}
			}
			return ast.WalkSkipChildren, nil
		case *anchorNode:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}
