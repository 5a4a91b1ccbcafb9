package convert

import (
	"regexp"
	"strings"
)

// handler converts a construct that starts at in[i], if there is one, and
// returns the lines to write and the index of the first line after it.
type handler func(c *converter, in []line, i int) (out []line, next int, ok bool)

// handlers are the block constructs of each source, tried in order on
// every line outside code.
func (c *converter) handlers() []handler {
	switch c.opts.From {
	case MkDocs:
		return []handler{oneLineAlert, mkdocsAdmonition, mkdocsTabs, mkdocsSnippet}
	case Docusaurus:
		return []handler{oneLineAlert, mdxTop, docusaurusAdmonition, jsxCommentBlock, jsxLine}
	case GitBook:
		return []handler{oneLineAlert, gitbookHint, gitbookContentRef, gitbookFile, gitbookLine}
	case Hugo:
		return []handler{oneLineAlert, hugoAlert, hugoHighlight, hugoLine}
	case Jekyll:
		return []handler{oneLineAlert, jekyllRaw, jekyllHighlight, jekyllComment, jekyllCallout, jekyllIAL, jekyllLine}
	case MdBook:
		return []handler{oneLineAlert, mdbookLine}
	}
	return []handler{oneLineAlert}
}

// oneLineRE is a GitHub alert with its text on the marker's line, which
// some sites render as a callout but GitHub and Playbook do not.
var oneLineRE = regexp.MustCompile(`(?i)^( {0,3}>[ \t]?)\[!(note|tip|important|warning|caution)\][ \t]+(\S.*)$`)

// oneLineAlert puts the text of "> [!NOTE] text" on a line of its own.
func oneLineAlert(c *converter, in []line, i int) ([]line, int, bool) {
	m := oneLineRE.FindStringSubmatch(in[i].s)
	if m == nil {
		return nil, 0, false
	}
	c.note(in[i].n, true, "put the text of a one-line [!%s] on a line of its own", strings.ToUpper(m[2]))
	c.keepNext = true // the quote goes on
	rest := c.inline(line{s: m[1] + m[3], n: in[i].n, eol: in[i].eol})
	return append([]line{{s: m[1] + "[!" + strings.ToUpper(m[2]) + "]", n: in[i].n, eol: in[i].eol}}, rest...), i + 1, true
}

// block converts a run of lines: the body of a page, or the body of an
// admonition or tab, dedented.
func (c *converter) block(in []line) []line {
	hs := c.handlers()
	var out []line
	prevBlank, inList := true, false
	for i := 0; i < len(in); {
		l := in[i]
		blank := isBlank(l.s)
		if ch, n, ok := fenceOpen(l.s); ok {
			end := fenceEnd(in, i, ch, n)
			out = append(out, in[i:end]...)
			i, prevBlank = end, false
			continue
		}
		ind := indentOf(l.s)
		if !blank && ind >= 4 && prevBlank && !inList {
			// Indented code runs to the first line indented less.
			j := i
			for j < len(in) && (isBlank(in[j].s) || indentOf(in[j].s) >= 4) {
				j++
			}
			for j > i+1 && isBlank(in[j-1].s) {
				j--
			}
			out = append(out, in[i:j]...)
			i, prevBlank = j, false
			continue
		}
		done := false
		for _, h := range hs {
			if o, next, ok := h(c, in, i); ok && next > i {
				out = appendLines(out, o)
				// A line right after a converted block would otherwise
				// run on into it (a blockquote's lazy continuation).
				keep := c.keepNext
				c.keepNext = false
				if !keep && len(o) > 0 && next < len(in) && !isBlank(in[next].s) && !isBlank(out[len(out)-1].s) &&
					(next > i+1 || strings.HasPrefix(strings.TrimLeft(out[len(out)-1].s, " \t"), ">")) {
					out = append(out, c.gen(in[next].n, ""))
				}
				i, done = next, true
				// No run of blank lines where a construct was.
				for i < len(in) && isBlank(in[i].s) && (len(out) == 0 || isBlank(out[len(out)-1].s)) {
					i++
				}
				break
			}
		}
		if done {
			prevBlank = len(out) == 0 || isBlank(out[len(out)-1].s)
			continue
		}
		switch {
		case blank:
		case listItem.MatchString(l.s):
			inList = true
		case prevBlank && ind < 2:
			inList = false
		}
		c.unsafeHTML(l)
		out = append(out, c.inline(l)...)
		prevBlank = blank
		i++
	}
	return out
}

var listItem = regexp.MustCompile(`^\s*([-*+]|\d{1,9}[.)])(\s|$)`)

// fenceOpen reports whether s opens a fenced code block, and with which
// character and how many of it. A fence may be indented (inside a list).
func fenceOpen(s string) (byte, int, bool) {
	t := strings.TrimLeft(s, " \t")
	if len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return 0, 0, false
	}
	ch := t[0]
	n := 0
	for n < len(t) && t[n] == ch {
		n++
	}
	if n < 3 || (ch == '`' && strings.ContainsRune(t[n:], '`')) {
		return 0, 0, false
	}
	return ch, n, true
}

// fenceEnd returns the index after the fence that closes the block opened
// at in[i], or len(in) when it is never closed (as CommonMark reads it).
func fenceEnd(in []line, i int, ch byte, n int) int {
	for j := i + 1; j < len(in); j++ {
		t := strings.TrimSpace(in[j].s)
		if len(t) >= n && strings.Trim(t, string(ch)) == "" {
			return j + 1
		}
	}
	return len(in)
}

// scan returns the index of the first line from i on, outside fenced
// code, for which stop is true, or -1.
func scan(in []line, i int, stop func(s string) bool) int {
	for j := i; j < len(in); j++ {
		if ch, n, ok := fenceOpen(in[j].s); ok {
			j = fenceEnd(in, j, ch, n) - 1
			continue
		}
		if stop(in[j].s) {
			return j
		}
	}
	return -1
}

// nested returns a stop function for scan that finds the closer matching
// an opener, counting the openers and closers between them.
func nested(open, close func(s string) bool) func(string) bool {
	depth := 0
	return func(s string) bool {
		switch {
		case close(s):
			if depth == 0 {
				return true
			}
			depth--
		case open(s):
			depth++
		}
		return false
	}
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// indentOf returns the columns of leading white space in s (a tab goes to
// the next multiple of 4).
func indentOf(s string) int {
	col := 0
	for _, r := range s {
		switch r {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col
		}
	}
	return col
}

// dedent removes up to n columns of leading white space from s.
func dedent(s string, n int) string {
	col := 0
	for i, r := range s {
		if col >= n {
			return s[i:]
		}
		switch r {
		case ' ':
			col++
		case '\t':
			w := 4 - col%4
			if col+w > n {
				return strings.Repeat(" ", col+w-n) + s[i+1:]
			}
			col += w
		default:
			return s[i:]
		}
	}
	return ""
}

// lead returns the leading white space of s.
func lead(s string) string { return s[:len(s)-len(strings.TrimLeft(s, " \t"))] }

// dedentAll dedents lines by n columns, keeping their line numbers.
func dedentAll(in []line, n int) []line {
	out := make([]line, len(in))
	for i, l := range in {
		out[i] = line{s: dedent(l.s, n), n: l.n, eol: l.eol}
	}
	return out
}

// trimBlank drops blank lines at both ends.
func trimBlank(in []line) []line {
	for len(in) > 0 && isBlank(in[0].s) {
		in = in[1:]
	}
	for len(in) > 0 && isBlank(in[len(in)-1].s) {
		in = in[:len(in)-1]
	}
	return in
}

// minIndent is the smallest indent of the non-blank lines.
func minIndent(in []line) int {
	m := -1
	for _, l := range in {
		if !isBlank(l.s) {
			if d := indentOf(l.s); m < 0 || d < m {
				m = d
			}
		}
	}
	return max(m, 0)
}

// paramRE is one parameter: key=value or a value, either maybe quoted.
var paramRE = regexp.MustCompile("(?:([\\w-]+)\\s*=\\s*)?(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|`[^`]*`|[^\\s\"'`=]+)")

// appendLines appends o to out without blank lines at the start of the
// page or after a blank line.
func appendLines(out, o []line) []line {
	for len(o) > 0 && isBlank(o[0].s) && (len(out) == 0 || isBlank(out[len(out)-1].s)) {
		o = o[1:]
	}
	return append(out, o...)
}

var (
	// unsafeTag is raw HTML that Playbook's default [markdown] raw_html =
	// "safe" shows as text.
	unsafeTag = regexp.MustCompile(`(?i)<(iframe|script|object|embed|form|style)\b`)
	// placeholder is a generator's {{…}} left in a plain handbook.
	placeholder = regexp.MustCompile(`\{\{[^{}\n]*\}\}`)
)

// unsafeHTML notes, outside code, what the default safe mode will show
// as text: an iframe, a script, and in a plain handbook a {{…}} that a
// generator once filled in.
func (c *converter) unsafeHTML(l line) {
	outsideCode(l.s, func(seg string) string {
		for _, m := range unsafeTag.FindAllStringSubmatch(seg, -1) {
			tag := strings.ToLower(m[1])
			c.note(l.n, false, "<%s> is shown as text in the default safe mode: replace it with a link, or set [markdown] raw_html = \"unsafe\" in playbook.toml", tag)
		}
		if c.opts.From == Plain {
			for _, m := range placeholder.FindAllString(seg, -1) {
				c.note(l.n, false, "%s is a placeholder a generator filled in, shown as text here: replace it with its content", m)
			}
		}
		return seg
	})
}
