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
			segs := n.(*ast.RawHTML).Segments
			for i := 0; i < segs.Len(); i++ {
				seg := segs.At(i)
				v := string(seg.Value(src))
				switch {
				case strings.HasPrefix(v, "<!--"):
				case lineBreak.MatchString(strings.ToLower(v)):
					_, _ = w.WriteString("<br>")
				default:
					_, _ = w.WriteString(html.EscapeString(v))
				}
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		b := n.(*ast.HTMLBlock)
		if entering && b.HTMLBlockType != ast.HTMLBlockType2 { // type 2 is a comment
			_, _ = w.WriteString("<p>")
			lines := b.Lines()
			for i := 0; i < lines.Len(); i++ {
				line := lines.At(i)
				_, _ = w.WriteString(html.EscapeString(string(line.Value(src))))
			}
			if b.HasClosure() {
				_, _ = w.WriteString(html.EscapeString(string(b.ClosureLine.Value(src))))
			}
			_, _ = w.WriteString("</p>\n")
		}
		return ast.WalkSkipChildren, nil
	})
}
