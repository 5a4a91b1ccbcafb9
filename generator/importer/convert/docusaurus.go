package convert

import (
	"regexp"
	"strings"
)

// directiveRE opens a Docusaurus admonition: :::type, :::type Title,
// :::type[Title], maybe with {attributes}; more colons for an outer one.
var directiveRE = regexp.MustCompile(`^\s*:{3,}\s*([A-Za-z][\w-]*)(?:\[(.*)\])?(?:\{[^}]*\})?\s*(.*?)\s*$`)

// directiveEnd closes one.
var directiveEnd = regexp.MustCompile(`^\s*:{3,}\s*$`)

func docusaurusAdmonition(c *converter, in []line, i int) ([]line, int, bool) {
	m := directiveRE.FindStringSubmatch(in[i].s)
	if m == nil {
		return nil, 0, false
	}
	j := scan(in, i+1, nested(directiveRE.MatchString, directiveEnd.MatchString))
	title := m[2]
	if title == "" {
		title = m[3]
	}
	return c.admonition(in, i, j, m[1], title, strings.TrimSpace(in[i].s), ":::")
}

var (
	importRE   = regexp.MustCompile(`^import\s`)
	importEnd  = regexp.MustCompile(`^import\s+['"]|\sfrom\s+['"][^'"]*['"]\s*;?\s*$`)
	exportRE   = regexp.MustCompile(`^export\s+(const|let|var|function|default|async|class|\{|\*)`)
	jsxTagRE   = regexp.MustCompile(`^<(/?)([A-Z][\w.]*)\b`)
	jsxInline  = regexp.MustCompile(`</?[A-Z][\w.]*(?:\s+(?:[\w-]+(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?))*\s*/?>`)
	jsxComment = regexp.MustCompile(`\{/\*.*?\*/\}`)
)

// mdxTop removes MDX import and export statements, which hold no text.
func mdxTop(c *converter, in []line, i int) ([]line, int, bool) {
	s := in[i].s
	switch {
	case importRE.MatchString(s):
		j := i
		for j < len(in) && !importEnd.MatchString(in[j].s) && j-i < 20 {
			j++
		}
		if j == len(in) || j-i >= 20 {
			return nil, 0, false // not an import statement after all
		}
		c.note(in[i].n, true, "removed the MDX import %q", strings.TrimSpace(s))
		return nil, j + 1, true
	case exportRE.MatchString(s):
		depth, j := 0, i
		for ; j < len(in); j++ {
			depth += strings.Count(in[j].s, "{") + strings.Count(in[j].s, "(") + strings.Count(in[j].s, "[")
			depth -= strings.Count(in[j].s, "}") + strings.Count(in[j].s, ")") + strings.Count(in[j].s, "]")
			if depth <= 0 {
				break
			}
		}
		if j == len(in) {
			j--
		}
		c.note(in[i].n, true, "removed the MDX export %q", strings.TrimSpace(s))
		return nil, j + 1, true
	}
	return nil, 0, false
}

// jsxComment removes {/* comments */} that fill their lines.
func jsxCommentBlock(c *converter, in []line, i int) ([]line, int, bool) {
	t := strings.TrimSpace(in[i].s)
	if !strings.HasPrefix(t, "{/*") {
		return nil, 0, false
	}
	j := i
	for j < len(in) && !strings.Contains(in[j].s, "*/}") {
		j++
	}
	if j == len(in) || !strings.HasSuffix(strings.TrimSpace(in[j].s), "*/}") {
		return nil, 0, false
	}
	c.note(in[i].n, true, "removed the MDX comment %q", t)
	return nil, j + 1, true
}

// jsxLine converts a JSX element that starts a line: Tabs, and a warning
// for any other component.
func jsxLine(c *converter, in []line, i int) ([]line, int, bool) {
	t := strings.TrimSpace(in[i].s)
	m := jsxTagRE.FindStringSubmatch(t)
	if m == nil {
		return nil, 0, false
	}
	n, ind := in[i].n, lead(in[i].s)
	if m[1] == "/" {
		c.note(n, true, "removed the closing %s", t)
		return nil, i + 1, true
	}
	// The tag may run over several lines, up to its ">".
	j := i
	for j < len(in)-1 && !strings.Contains(in[j].s, ">") {
		j++
	}
	var parts []string
	for _, l := range in[i : j+1] {
		parts = append(parts, strings.TrimSpace(l.s))
	}
	tag := strings.Join(parts, " ")
	switch m[2] {
	case "Tabs":
		return c.mdxTabs(in, i, j)
	case "TabItem":
		// A TabItem outside Tabs: a label all the same.
		return c.tabItem(n, ind, tag), j + 1, true
	}
	hint := "replace it by hand."
	if !strings.HasSuffix(tag, "/>") {
		hint = "replace it by hand; its content is kept below."
	}
	return c.warning(n, ind, tag, hint), j + 1, true
}

// mdxTabs turns <Tabs> into a bold label per <TabItem> followed by its
// content, dedented. in[i:j+1] is the <Tabs> tag.
func (c *converter) mdxTabs(in []line, i, j int) ([]line, int, bool) {
	isOpen := func(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "<Tabs") }
	isClose := func(s string) bool { return strings.HasPrefix(strings.TrimSpace(s), "</Tabs>") }
	end := scan(in, j+1, nested(isOpen, isClose))
	next := end + 1
	if end < 0 {
		end, next = len(in), len(in)
		c.note(in[i].n, true, "<Tabs> is never closed: converted it to the end of the page")
	}
	c.note(in[i].n, true, "<Tabs> became a bold label per tab")
	var out []line
	var body []line
	flush := func() {
		body = trimBlank(body)
		out = appendLines(out, c.block(dedentAll(body, minIndent(body))))
		body = nil
	}
	for k := j + 1; k < end; k++ {
		t := strings.TrimSpace(in[k].s)
		switch {
		case strings.HasPrefix(t, "<TabItem"):
			flush()
			e := k
			for e < end-1 && !strings.Contains(in[e].s, ">") {
				e++
			}
			var parts []string
			for _, l := range in[k : e+1] {
				parts = append(parts, strings.TrimSpace(l.s))
			}
			out = appendLines(out, c.tabItem(in[k].n, lead(in[i].s), strings.Join(parts, " ")))
			k = e
		case strings.HasPrefix(t, "</TabItem>"):
			flush()
		default:
			if ch, nf, ok := fenceOpen(in[k].s); ok {
				e := min(fenceEnd(in, k, ch, nf), end)
				body = append(body, in[k:e]...)
				k = e - 1
				continue
			}
			body = append(body, in[k])
		}
	}
	flush()
	return append(out, c.gen(in[end-1].n, "")), next, true
}

// tabItem writes the label of a <TabItem value="…" label="…">.
func (c *converter) tabItem(n int, ind, tag string) []line {
	_, named := params(strings.TrimSuffix(strings.TrimPrefix(tag, "<TabItem"), ">"))
	name := first(named, "label", "value")
	if name == "" {
		name = "Tab"
	}
	return c.label(n, ind, name)
}

// mdxInline removes {/* comments */} and warns about inline components.
func (c *converter) mdxInline(s string, n int) string {
	if strings.Contains(s, "{/*") {
		s = jsxComment.ReplaceAllStringFunc(s, func(m string) string {
			c.note(n, true, "removed the MDX comment %q", m)
			return ""
		})
	}
	if !strings.Contains(s, "<") {
		return s
	}
	return jsxInline.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "</") {
			c.note(n, true, "removed the closing %s", m)
			return ""
		}
		return c.inlineWarning(n, m)
	})
}

// tabTag is a whole <Tabs>, <TabItem …>, </TabItem> or </Tabs> tag.
var tabTag = regexp.MustCompile(`</?(?:Tabs|TabItem)\b[^>]*>`)

// splitTabTags puts every tab tag that shares its line with text or
// another tag on a line of its own (outside code), so that a one-line
// <TabItem value="a">Alpha</TabItem> keeps its text as the tab's body.
func (c *converter) splitTabTags(in []line) []line {
	var out []line
	for i := 0; i < len(in); i++ {
		l := in[i]
		if ch, n, ok := fenceOpen(l.s); ok {
			end := fenceEnd(in, i, ch, n)
			out = append(out, in[i:end]...)
			i = end - 1
			continue
		}
		locs := tabTag.FindAllStringIndex(l.s, -1)
		t := strings.TrimSpace(l.s)
		if len(locs) == 0 || strings.Contains(l.s, "`") || (len(locs) == 1 && len(tabTag.FindString(t)) == len(t)) {
			out = append(out, l)
			continue
		}
		ind := lead(l.s)
		var pieces []string
		at := 0
		for _, loc := range locs {
			pieces = append(pieces, l.s[at:loc[0]], l.s[loc[0]:loc[1]])
			at = loc[1]
		}
		pieces = append(pieces, l.s[at:])
		var split []line
		for _, p := range pieces {
			if p = strings.TrimSpace(p); p != "" {
				split = append(split, c.gen(l.n, ind+p))
			}
		}
		split[len(split)-1].eol = l.eol
		out = append(out, split...)
	}
	return out
}
