package convert

import (
	"strings"
)

// inline converts the constructs of the source inside one line of text,
// outside code spans. The result may hold more than one line.
func (c *converter) inline(l line) []line {
	var f func(s string, n int) string
	switch c.opts.From {
	case Hugo:
		f = c.hugoInline
	case Jekyll:
		f = c.jekyllInline
	case GitBook:
		f = c.gitbookInline
	case MdBook:
		f = c.mdbookInline
	case Docusaurus:
		f = c.mdxInline
	}
	if f == nil {
		return []line{l}
	}
	s := outsideCode(l.s, func(seg string) string { return f(seg, l.n) })
	if s == l.s {
		return []line{l}
	}
	parts := strings.Split(s, "\n")
	out := make([]line, len(parts))
	for i, p := range parts {
		out[i] = c.gen(l.n, p)
	}
	out[len(out)-1].eol = l.eol
	return out
}

// outsideCode applies f to the parts of s that are not code spans.
func outsideCode(s string, f func(string) string) string {
	var b strings.Builder
	text := 0 // start of the text not yet written
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			i += 2
			continue
		case s[i] != '`':
			i++
			continue
		}
		n := run(s, i)
		end := closing(s, i+n, n)
		if end < 0 {
			i += n
			continue
		}
		b.WriteString(f(s[text:i]))
		b.WriteString(s[i:end])
		i, text = end, end
	}
	b.WriteString(f(s[text:]))
	return b.String()
}

// run counts the backticks at s[i:].
func run(s string, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] == '`' {
		n++
	}
	return n
}

// closing returns the index after the run of exactly n backticks that
// closes a code span opened before from, or -1.
func closing(s string, from, n int) int {
	for i := from; i < len(s); {
		if s[i] != '`' {
			i++
			continue
		}
		m := run(s, i)
		if m == n {
			return i + m
		}
		i += m
	}
	return -1
}

// link maps a link target written in the source through Options.Link,
// keeping its #fragment.
func (c *converter) link(target string) string {
	path, frag, hasFrag := strings.Cut(target, "#")
	if c.opts.Link != nil && path != "" {
		if m, ok := c.opts.Link(path); ok {
			path = m
		}
	}
	if hasFrag {
		return path + "#" + frag
	}
	return path
}

// destination writes a link target so that it stays one markdown link
// destination: in <…> when it holds spaces and sits in "(…)".
func destination(before, after, target string) string {
	if strings.ContainsAny(target, " ()") && strings.HasSuffix(before, "(") && strings.HasPrefix(after, ")") {
		return "<" + target + ">"
	}
	return target
}

// params splits the parameters of a shortcode or tag: positional values
// and key=value pairs, with their quotes removed.
func params(s string) (pos []string, named map[string]string) {
	named = map[string]string{}
	for _, m := range paramRE.FindAllStringSubmatch(s, -1) {
		v := unquote(m[2])
		if m[1] != "" {
			named[strings.ToLower(m[1])] = v
		} else {
			pos = append(pos, v)
		}
	}
	return pos, named
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'' || v[0] == '`') && v[len(v)-1] == v[0] {
		v = v[1 : len(v)-1]
		if v != "" {
			v = strings.ReplaceAll(v, `\"`, `"`)
		}
	}
	return v
}
