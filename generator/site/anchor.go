package site

import (
	"strings"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// brokenAnchor reports a link from p to a heading ID that target does not
// have (rule "anchor"). When exactly one of target's IDs is close to it,
// the diagnostic carries the fix that `playbook check --fix` applies.
func brokenAnchor(p, target *Page, l *markdown.Link, what, frag string, line, col int, diags *diag.List) {
	ids := headingIDs(target)
	that := "that page"
	if target == p && strings.HasPrefix(what, "#") {
		that = "this page"
	}
	diags.Errorf(p.File, line, col, "anchor", "link to %s: %s has no heading with that ID%s", what, that, diag.DidYouMean(frag, ids))
	only := diag.OnlyCandidate(frag, ids)
	i := strings.IndexByte(l.Dest, '#')
	if only == "" || i < 0 {
		return
	}
	(*diags)[len(*diags)-1].Fix = &diag.Fix{File: p.File, Line: line, Col: col, Old: l.Dest[i:], New: "#" + only}
}
