package render

import "strings"

// trimCSS takes out what a browser ignores in a stylesheet: comments,
// indentation and blank lines. The theme's CSS is written to be read, with
// a comment on every why; pages transfer it on every first visit, often on
// a phone with bad signal, so the comments stay in the source only.
// Strings and unquoted url(…) values are copied as they are, so a "/*"
// inside content: "…" or url(//host/*) stays. A comment between two
// tokens leaves a space, as it separates them (margin:1px/**/2px).
func trimCSS(css string) string {
	var b strings.Builder
	b.Grow(len(css))
	for i := 0; i < len(css); i++ {
		switch c := css[i]; {
		case c == '"' || c == '\'':
			j := i + 1
			for j < len(css) && css[j] != c && css[j] != '\n' {
				if css[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(css) {
				j = len(css) - 1
			}
			b.WriteString(css[i : j+1])
			i = j
		case (c == 'u' || c == 'U') && (i == 0 || !nameByte(css[i-1])) && unquotedURL(css[i:]):
			j := i + len("url(")
			for j < len(css) && css[j] != ')' {
				if css[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(css)-1)
			b.WriteString(css[i : j+1])
			i = j
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				i = len(css) // an unclosed comment runs to the end
				break
			}
			i += end + 3
			s := b.String()
			if s != "" && i+1 < len(css) && !separates(s[len(s)-1]) && !separates(css[i+1]) {
				b.WriteByte(' ')
			}
		default:
			b.WriteByte(c)
		}
	}
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// unquotedURL reports whether css starts with url( and an unquoted value,
// a single token in which /* is no comment.
func unquotedURL(css string) bool {
	if len(css) < 4 || !strings.EqualFold(css[:4], "url(") {
		return false
	}
	v := strings.TrimLeft(css[4:], " \t\n\r\f")
	return v == "" || (v[0] != '"' && v[0] != '\'')
}

// separates reports whether a byte next to a removed comment already
// separates the tokens around it.
func separates(c byte) bool {
	return strings.IndexByte(" \t\n\r\f{};:,>", c) >= 0
}

// nameByte reports whether c may be part of a CSS name (so "u" in
// "menu(" does not start url()).
func nameByte(c byte) bool {
	return c == '-' || c == '_' || c >= 0x80 || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
