package convert

import (
	"regexp"
	"strings"
)

// mdbookRE is an mdBook preprocessor link: {{#include file.md}},
// {{#rustdoc_include …}}, {{#playground …}}, {{#title …}}.
var mdbookRE = regexp.MustCompile(`\{\{#\w+[^}]*\}\}`)

const includeHint = "mdBook puts another file's content here: paste it in by hand."

func mdbookLine(c *converter, in []line, i int) ([]line, int, bool) {
	t := strings.TrimSpace(in[i].s)
	m := mdbookRE.FindStringIndex(t)
	if m == nil || m[0] != 0 || m[1] != len(t) {
		return nil, 0, false
	}
	return c.warning(in[i].n, lead(in[i].s), t, includeHint), i + 1, true
}

func (c *converter) mdbookInline(s string, n int) string {
	if !strings.Contains(s, "{{#") {
		return s
	}
	return mdbookRE.ReplaceAllStringFunc(s, func(m string) string { return c.inlineWarning(n, m) })
}
