package markdown

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// taskCheckBox renders a task list item's box as a picture of its state:
// a disabled checkbox nobody can tick is noise to a screen reader and an
// unlabelled form control to an accessibility audit, so it is hidden from
// assistive technology and a done item says so in words.
type taskCheckBox struct{}

func (taskCheckBox) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(extast.KindTaskCheckBox, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if n.(*extast.TaskCheckBox).IsChecked {
			_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox" aria-hidden="true" tabindex="-1"><span class="visually-hidden">Done: </span> `)
		} else {
			_, _ = w.WriteString(`<input disabled="" type="checkbox" aria-hidden="true" tabindex="-1"> `)
		}
		return ast.WalkContinue, nil
	})
}
