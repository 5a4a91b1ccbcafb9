package markdown

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// escapedHTML shows raw HTML in markdown as text. goldmark's default drops
// it with a comment, which silently eats talk-track placeholders such as
// "Hi <first name>"; escaping keeps what the writer typed visible. Two
// exceptions behave as on GitHub: comments stay hidden (writers leave notes
// in them), and a line break <br> inside a table cell still breaks.
type escapedHTML struct{}

var lineBreak = regexp.MustCompile(`^<br\s*/?>$`)

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			raw := rawText(n.(*ast.RawHTML), src)
			switch {
			case IsComment(raw):
			case lineBreak.MatchString(strings.ToLower(raw)):
				_, _ = w.WriteString("<br>")
			default:
				_, _ = w.WriteString(html.EscapeString(raw))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		b := n.(*ast.HTMLBlock)
		var text strings.Builder
		lines := b.Lines()
		for i := 0; i < lines.Len(); i++ {
			line := lines.At(i)
			text.Write(line.Value(src))
		}
		if b.HasClosure() {
			text.Write(b.ClosureLine.Value(src))
		}
		shown := text.String()
		if b.HTMLBlockType == ast.HTMLBlockType2 {
			// A comment block: the comment is hidden, but words after it
			// on its last line are text (as on GitHub).
			shown = ""
			if end := strings.Index(text.String(), "-->"); end >= 0 {
				shown = text.String()[end+3:]
			}
		}
		if strings.TrimSpace(shown) != "" {
			_, _ = w.WriteString("<p>" + html.EscapeString(strings.TrimSpace(shown)) + "</p>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}

// keptHTML renders raw HTML in safe and unsafe modes from the fragments
// Parse made of it (see sanitizer).
type keptHTML struct{}

func (keptHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if f := fragmentOf(n); entering && f != nil {
			_, _ = w.WriteString(f.String())
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		f := fragmentOf(n)
		if !entering || f == nil {
			return ast.WalkSkipChildren, nil
		}
		out := f.String()
		if !f.kept {
			// Nothing but text (a placeholder, words after a comment):
			// a paragraph, as in escape mode.
			if t := strings.TrimSpace(out); t != "" {
				_, _ = w.WriteString("<p>" + t + "</p>\n")
			}
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(out)
		return ast.WalkSkipChildren, nil
	})
}

// fragmentOf returns the parsed form of a raw HTML node, nil in escape
// mode.
func fragmentOf(n ast.Node) *fragment {
	if v, ok := n.AttributeString(fragmentKey); ok {
		f, _ := v.(*fragment)
		return f
	}
	return nil
}

// nodeText returns the text of a raw HTML node (inline tag or block) with
// the way back to the source.
func nodeText(n ast.Node, src []byte) segText {
	var t segText
	var b strings.Builder
	add := func(seg text.Segment) {
		t.spans = append(t.spans, segSpan{at: b.Len(), src: seg.Start, pad: seg.Padding})
		b.Write(seg.Value(src))
	}
	switch n := n.(type) {
	case *ast.RawHTML:
		for i := 0; i < n.Segments.Len(); i++ {
			add(n.Segments.At(i))
		}
	case *ast.HTMLBlock:
		for i := 0; i < n.Lines().Len(); i++ {
			add(n.Lines().At(i))
		}
		if n.HasClosure() {
			add(n.ClosureLine)
		}
	}
	t.text = b.String()
	return t
}

// rawText joins the pieces of an inline raw HTML node (a comment may span
// lines).
func rawText(n *ast.RawHTML, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// IsComment reports whether raw HTML is a comment.
func IsComment(raw string) bool { return strings.HasPrefix(raw, "<!--") }
