package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindCallout is a GitHub alert ("> [!TIP]") turned into a callout.
var kindCallout = ast.NewNodeKind("Callout")

// calloutNode holds the blocks of an alert, without its "[!TIP]" line.
type calloutNode struct {
	ast.BaseBlock
	kind string // note, tip, important, warning or caution
}

func (n *calloutNode) Kind() ast.NodeKind { return kindCallout }

func (n *calloutNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"kind": n.kind}, nil)
}

// alertKind returns the callout kind a blockquote's first line names
// ("[!NOTE]", in any case, alone on its line), or "".
func alertKind(line string) string {
	line = strings.TrimSpace(line)
	if !strings.HasPrefix(line, "[!") || !strings.HasSuffix(line, "]") {
		return ""
	}
	switch k := strings.ToLower(line[2 : len(line)-1]); k {
	case "note", "tip", "important", "warning", "caution":
		return k
	}
	return ""
}

// alerts turns GitHub alerts into callouts: a blockquote whose first line
// is "[!NOTE]", "[!TIP]", "[!IMPORTANT]", "[!WARNING]" or "[!CAUTION]"
// and that has something after it. GitHub renders them only at the top
// level; here they work in lists and quotes too, since an imported
// handbook's admonitions are often nested. Anything else, such as an
// unknown "[!FOO]" or a marker with nothing after it, stays a blockquote.
type alerts struct{}

func (alerts) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var quotes []*ast.Blockquote
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if q, ok := n.(*ast.Blockquote); ok && entering {
			quotes = append(quotes, q)
		}
		return ast.WalkContinue, nil
	})
	src := reader.Source()
	for _, q := range quotes {
		if kind := alertOf(q, src); kind != "" {
			c := &calloutNode{kind: kind}
			for ch := q.FirstChild(); ch != nil; {
				next := ch.NextSibling()
				c.AppendChild(c, ch)
				ch = next
			}
			q.Parent().ReplaceChild(q.Parent(), q, c)
		}
	}
}

// alertOf returns the kind of alert q is and takes its marker line out,
// or returns "" and leaves q as it is.
func alertOf(q *ast.Blockquote, src []byte) string {
	p, ok := q.FirstChild().(*ast.Paragraph)
	if !ok || p.Lines().Len() == 0 {
		return ""
	}
	first := p.Lines().At(0)
	kind := alertKind(string(first.Value(src)))
	if kind == "" {
		return ""
	}
	if p.Lines().Len() == 1 {
		if p.NextSibling() == nil {
			return "" // a marker and nothing to say
		}
		q.RemoveChild(q, p)
		return kind
	}
	// The marker's inline nodes are plain text ("[", "!NOTE", "]"); a
	// link or anything else there means it is not a marker.
	next := p.Lines().At(1).Start
	var marker []ast.Node
	// The first line is the marker alone (alertKind checked its text),
	// which parses as plain text: take the text nodes on that line. The
	// second line may open with anything: bold text, a link, code, HTML.
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if !ok || t.Segment.Start >= next {
			break
		}
		marker = append(marker, c)
	}
	if len(marker) == 0 {
		return ""
	}
	for _, c := range marker {
		p.RemoveChild(p, c)
	}
	lines := text.NewSegments()
	for i := 1; i < p.Lines().Len(); i++ {
		lines.Append(p.Lines().At(i))
	}
	p.SetLines(lines)
	return kind
}

// calloutTitle is what a callout's title says for each kind.
func calloutTitle(kind string) string {
	switch kind {
	case "tip":
		return "Tip"
	case "important":
		return "Important"
	case "warning":
		return "Warning"
	case "caution":
		return "Caution"
	}
	return "Note"
}

// calloutIcon is a small line drawing for each kind, decorative (the title
// says the same in words), so hidden from assistive technology.
func calloutIcon(kind string) string {
	var shape string
	switch kind {
	case "tip": // a light bulb
		shape = `<path d="M6 12.5h4M6.5 14.5h3M5.5 10.5c-1.2-.9-2-2.3-2-3.9a4.5 4.5 0 0 1 9 0c0 1.6-.8 3-2 3.9v1h-5z"/>`
	case "important": // a speech bubble with an exclamation mark
		shape = `<path d="M2.5 2.5h11v8.5h-6l-3 3v-3h-2z"/><path d="M8 4.8v3M8 9.3v.2"/>`
	case "warning": // a triangle with an exclamation mark
		shape = `<path d="M8 1.8 14.6 13.8H1.4z"/><path d="M8 6v4M8 11.8v.2"/>`
	case "caution": // an octagon with an exclamation mark
		shape = `<path d="M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3z"/><path d="M8 4.5v4.5M8 11v.2"/>`
	default: // note: an "i" in a circle
		shape = `<circle cx="8" cy="8" r="6.5"/><path d="M8 7v4.5M8 4.6v.2"/>`
	}
	return `<svg class="callout-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">` + shape + `</svg>`
}

// calloutRenderer writes a callout as a note with a visible title. The
// title is a paragraph, not a heading, so it takes no ID and stays out of
// the table of contents.
type calloutRenderer struct{}

func (calloutRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindCallout, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		kind := n.(*calloutNode).kind
		if entering {
			_, _ = w.WriteString(`<div class="callout callout-` + kind + `" role="note">` + "\n" +
				`<p class="callout-title">` + calloutIcon(kind) + calloutTitle(kind) + "</p>\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
