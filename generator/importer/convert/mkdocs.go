package convert

import (
	"regexp"
	"strings"
)

// admonitionRE is a Material admonition: !!! type "Title", or ??? / ???+
// for a collapsible one; extra classes ("inline end") are ignored.
var admonitionRE = regexp.MustCompile(`^\s*(!!!|\?\?\?\+?)\s*([\w-]+)((?:\s+[\w-]+)*)\s*(?:"(.*)")?\s*$`)

// tabRE is a pymdownx.tabbed tab: === "Label".
var tabRE = regexp.MustCompile(`^\s*===[!+]?\s+"(.*)"\s*$`)

// indented returns the end of the block of lines after in[i] indented at
// least ind+4 (blank lines included, but not at its end).
func indented(in []line, i, ind int) int {
	j := i + 1
	for j < len(in) && (isBlank(in[j].s) || indentOf(in[j].s) >= ind+4) {
		j++
	}
	for j > i+1 && isBlank(in[j-1].s) {
		j--
	}
	return j
}

func mkdocsAdmonition(c *converter, in []line, i int) ([]line, int, bool) {
	m := admonitionRE.FindStringSubmatch(in[i].s)
	if m == nil {
		return nil, 0, false
	}
	ind := indentOf(in[i].s)
	j := indented(in, i, ind)
	kind, label, known := c.alertKind(m[2])
	title := m[4]
	if title == "" && !strings.Contains(in[i].s, `""`) {
		title = label
	}
	opener := strings.TrimSpace(in[i].s)
	switch {
	case !known:
		c.note(in[i].n, true, "%s has an unknown type %q: it became a [!%s] alert titled %q", opener, m[2], kind, title)
	case m[1] != "!!!":
		c.note(in[i].n, true, "%s became a [!%s] alert (alerts do not fold)", opener, kind)
	default:
		c.note(in[i].n, true, "%s became a [!%s] alert", opener, kind)
	}
	body := c.block(dedentAll(in[i+1:j], ind+4))
	return c.alert(in[i].n, lead(in[i].s), kind, title, body), j, true
}

func mkdocsTabs(c *converter, in []line, i int) ([]line, int, bool) {
	m := tabRE.FindStringSubmatch(in[i].s)
	if m == nil {
		return nil, 0, false
	}
	ind := indentOf(in[i].s)
	j := indented(in, i, ind)
	c.note(in[i].n, true, "the tab %s became a bold label", strings.TrimSpace(in[i].s))
	out := c.label(in[i].n, lead(in[i].s), m[1])
	out = out[:len(out)-1] // the body starts with its own blank line, or gets one
	body := c.block(dedentAll(trimBlank(in[i+1:j]), ind+4))
	out = append(out, c.gen(in[i].n, ""))
	for _, l := range body {
		l.s = lead(in[i].s) + l.s
		if isBlank(l.s) {
			l.s = ""
		}
		out = append(out, l)
	}
	return out, j, true
}

// mkdocsSnippet leaves a warning for pymdownx.snippets, which include
// other files: "--8<-- file.md", or a block of file names between two
// "--8<--" lines.
func mkdocsSnippet(c *converter, in []line, i int) ([]line, int, bool) {
	t := strings.TrimSpace(in[i].s)
	if !strings.HasPrefix(t, "--8<--") {
		return nil, 0, false
	}
	if t != "--8<--" {
		return c.warning(in[i].n, lead(in[i].s), t, "it includes another file: paste that file's content here."), i + 1, true
	}
	j := scan(in, i+1, func(s string) bool { return strings.TrimSpace(s) == "--8<--" })
	if j < 0 {
		return c.warning(in[i].n, lead(in[i].s), t, "it includes other files: paste their content here."), i + 1, true
	}
	var names []string
	for _, l := range in[i+1 : j] {
		if !isBlank(l.s) {
			names = append(names, strings.TrimSpace(l.s))
		}
	}
	return c.warning(in[i].n, lead(in[i].s), "--8<-- "+strings.Join(names, ", "), "it includes other files: paste their content here."), j + 1, true
}
