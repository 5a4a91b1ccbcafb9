package render

import "strings"

// The fast partials (fast.go) write HTML in Go. These escapers produce
// exactly what html/template writes for a string value in the same place,
// so a page is byte for byte the same either way (TestFastPartials and
// FuzzEscapers compare them).

// writeText escapes s as html/template does in a text node or a quoted
// attribute value that is not a URL.
func writeText(b *strings.Builder, s string) {
	written := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		// Only ASCII bytes are replaced, and those never occur inside a
		// multi-byte UTF-8 sequence, so a byte loop is the same as
		// html/template's rune loop.
		b.WriteString(s[written:i])
		b.WriteString(repl)
		written = i + 1
	}
	b.WriteString(s[written:])
}

// writeURL writes s as html/template does for a value that starts a URL
// attribute (href="{{.}}"): an unsafe scheme is replaced, the URL is
// normalised (bytes outside RFC 3986's sets percent-encoded, valid escapes
// kept) and the result escaped for the attribute.
func writeURL(b *strings.Builder, s string) {
	if !safeURL(s) {
		b.WriteString("#ZgotmplZ")
		return
	}
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var repl string
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$*,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '&':
			repl = "&amp;"
		case c == '+':
			repl = "&#43;"
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		b.WriteString(s[written:i])
		if repl != "" {
			b.WriteString(repl)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
		written = i + 1
	}
	b.WriteString(s[written:])
}

// writeURLPart writes s as html/template does for a value inside a URL
// after its start (href="#{{.}}"): every byte but letters, digits and
// "-._~" percent-encoded.
func writeURLPart(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	b.WriteString(s[written:])
}

// safeURL is html/template's test: a relative URL, or one whose scheme is
// http, https or mailto.
func safeURL(s string) bool {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") {
		return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") || strings.EqualFold(scheme, "mailto")
	}
	return true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
