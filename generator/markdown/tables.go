package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// kindTableWrap is the region a table scrolls in.
var kindTableWrap = ast.NewNodeKind("TableWrap")

// tableWrapNode holds one table. A wide table scrolls sideways inside it
// on a phone rather than being clipped; a region that scrolls must be
// reachable by keyboard (WCAG 2.1.1, axe "scrollable-region-focusable"),
// so it is focusable and named after the table's columns.
type tableWrapNode struct {
	ast.BaseBlock
	label string
}

func (n *tableWrapNode) Kind() ast.NodeKind { return kindTableWrap }

func (n *tableWrapNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"label": n.label}, nil)
}

// tableWraps puts every table in a tableWrapNode.
type tableWraps struct{}

func (tableWraps) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var tables []*extast.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*extast.Table); ok && entering {
			tables = append(tables, t)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, t := range tables {
		w := &tableWrapNode{label: tableLabel(t, reader.Source())}
		t.Parent().ReplaceChild(t.Parent(), t, w)
		w.AppendChild(w, t)
	}
}

// tableLabel names a table by its column headings: "Table: Part, Time".
func tableLabel(t *extast.Table, src []byte) string {
	var cols []string
	if h, ok := t.FirstChild().(*extast.TableHeader); ok {
		for c := h.FirstChild(); c != nil; c = c.NextSibling() {
			if s := plainText(c, src); s != "" {
				cols = append(cols, s)
			}
		}
	}
	label := strings.Join(cols, ", ")
	if r := []rune(label); len(r) > 80 {
		label = string(r[:79]) + "…"
	}
	if label == "" {
		return "Table"
	}
	return "Table: " + label
}

type tableWrapRenderer struct{}

func (tableWrapRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableWrap, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="table-wrap" tabindex="0" role="region" aria-label="` + html.EscapeString(n.(*tableWrapNode).label) + `">` + "\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}
