package markdown

import (
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
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
