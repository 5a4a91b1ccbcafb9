package convert

import (
	"regexp"
	"strings"
)

// tagRE is a Liquid tag, as Jekyll and GitBook write them: {% name args %}.
var tagRE = regexp.MustCompile(`\{%-?\s*([\w-]+)((?:"[^"]*"|'[^']*'|[^"'%]|%[^}])*?)\s*-?%\}`)

// outputRE is a Liquid output: {{ expression }}.
var outputRE = regexp.MustCompile(`\{\{-?((?:"[^"]*"|'[^']*'|[^"'}]|\}[^}])*?)-?\}\}`)

// tag is a Liquid tag alone on its line.
type tag struct {
	name  string
	args  string
	pos   []string
	named map[string]string
	text  string
}

func parseTag(s string) (tag, bool) {
	t := strings.TrimSpace(s)
	m := tagRE.FindStringSubmatchIndex(t)
	if m == nil || m[0] != 0 || m[1] != len(t) {
		return tag{}, false
	}
	tg := tag{name: strings.ToLower(t[m[2]:m[3]]), args: strings.TrimSpace(t[m[4]:m[5]]), text: t}
	tg.pos, tg.named = params(tg.args)
	return tg, true
}

func isTag(name string) func(string) bool {
	return func(s string) bool { t, ok := parseTag(s); return ok && t.name == name }
}

// closerOf reports whether a tag name closes a block ("endif").
func closerOf(name string) bool { return strings.HasPrefix(name, "end") }

// unknownTag leaves a warning for a tag alone on its line; a closing tag
// goes, as its opening tag is already warned about.
func (c *converter) unknownTag(in []line, i int, tg tag, hint string) ([]line, int, bool) {
	if closerOf(tg.name) {
		c.note(in[i].n, true, "removed %s (its opening tag is warned about)", tg.text)
		return nil, i + 1, true
	}
	return c.warning(in[i].n, lead(in[i].s), tg.text, hint), i + 1, true
}
