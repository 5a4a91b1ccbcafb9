package render

import "strings"

// trimCSS takes out what a browser ignores in a stylesheet: comments,
// indentation and blank lines. The theme's CSS is written to be read, with
// a comment on every why; pages transfer it on every first visit, often on
// a phone with bad signal, so the comments stay in the source only.
// Strings are copied as they are, so a "/*" inside content: "…" stays.
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
		case c == '/' && i+1 < len(css) && css[i+1] == '*':
			end := strings.Index(css[i+2:], "*/")
			if end < 0 {
				i = len(css) // an unclosed comment runs to the end
				break
			}
			i += end + 3
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
