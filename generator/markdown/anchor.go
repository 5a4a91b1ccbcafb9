package markdown

import (
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// kindAnchor is the node appended to each heading: a visible "#" link to
// the heading itself, with an accessible name instead of "number sign".
var kindAnchor = ast.NewNodeKind("HeadingAnchor")

type anchorNode struct {
	ast.BaseInline
	id, label string
}

func (n *anchorNode) Kind() ast.NodeKind { return kindAnchor }

func (n *anchorNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"id": n.id}, nil)
}

type anchorRenderer struct{}

func (anchorRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindAnchor, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			a := n.(*anchorNode)
			_, _ = w.WriteString(`<a class="anchor" href="#` + html.EscapeString(a.id) + `" aria-label="Link to section: ` + html.EscapeString(a.label) + `">#</a>`)
		}
		return ast.WalkSkipChildren, nil
	})
}
