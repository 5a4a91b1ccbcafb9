// Package tomlpos finds where each key of a TOML document is defined,
// where its value starts, and where each item of an array starts.
// BurntSushi/toml reports syntax errors with positions but not where an
// unknown key or a value of the wrong type lives; this fills that gap for
// diagnostics.
package tomlpos

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a 1-based line and column.
type Pos struct{ Line, Col int }

// Lines maps dotted key paths to where they are first defined. Keys inside
// an array of tables are recorded twice: with the entry's index
// ("brand.colours[1].hex") and without it ("brand.colours.hex", the first).
type Lines map[string]Pos

// Scan reads src line by line, tracking table headers, and records each key.
// It is deliberately lenient: it only runs on documents the TOML parser has
// already accepted.
func Scan(src []byte) Lines {
	keys, _ := scan(src)
	return keys
}

// Values is Scan for where each key's value starts: the first character
// after "key =", or a table header's "[" (a table's value is the lines
// below its header). A message about a wrong value points there.
func Values(src []byte) Lines {
	_, values := scan(src)
	return values
}

func scan(src []byte) (keys, values Lines) {
	out, vals := Lines{}, Lines{}
	var table, indexed []string
	counts := map[string]int{}
	inMultiline := ""
	depth := 0 // open brackets and braces of a value spanning lines
	for i, raw := range strings.Split(string(src), "\n") {
		line := strings.TrimSpace(raw)
		col := len(raw) - len(strings.TrimLeft(raw, " \t")) + 1
		if inMultiline != "" {
			if strings.Count(line, inMultiline)%2 == 1 {
				inMultiline = ""
			}
			continue
		}
		if depth > 0 {
			depth = max(depth+bracketDelta(line), 0)
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			isArray := strings.HasPrefix(line, "[[")
			header := strings.TrimLeft(line, "[ \t")
			if j := indexUnquoted(header, ']'); j >= 0 {
				header = header[:j]
			}
			table = splitKey(header)
			indexed = append([]string{}, table...)
			if isArray && len(table) > 0 {
				path := strings.Join(table, ".")
				indexed[len(indexed)-1] += fmt.Sprintf("[%d]", counts[path])
				counts[path]++
			}
			record(out, table, Pos{i + 1, col})
			record(out, indexed, Pos{i + 1, col})
			record(vals, table, Pos{i + 1, col})
			record(vals, indexed, Pos{i + 1, col})
			continue
		}
		eq := indexUnquoted(line, '=')
		if eq <= 0 {
			continue
		}
		key := splitKey(line[:eq])
		pos := Pos{i + 1, col}
		record(out, append(append([]string{}, table...), key...), pos)
		record(out, append(append([]string{}, indexed...), key...), pos)
		rest := line[eq+1:]
		lead := raw[:len(raw)-len(strings.TrimLeft(raw, " \t"))] + line[:eq+1] + rest[:len(rest)-len(strings.TrimLeft(rest, " \t"))]
		vpos := Pos{i + 1, utf8.RuneCountInString(lead) + 1}
		record(vals, append(append([]string{}, table...), key...), vpos)
		record(vals, append(append([]string{}, indexed...), key...), vpos)
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(rest, q)%2 == 1 {
				inMultiline = q
			}
		}
		if inMultiline == "" {
			depth = max(bracketDelta(rest), 0)
		}
	}
	return out, vals
}

// Items returns where each item of the array opening at open (a "[", as
// Values gives it) starts, following the array across lines, past
// comments and nested arrays and tables. It returns nil when open is not
// an array's "[".
func Items(src []byte, open Pos) []Pos {
	lines := strings.Split(string(src), "\n")
	if open.Line < 1 || open.Line > len(lines) {
		return nil
	}
	first := lines[open.Line-1]
	start := byteIndex(first, open.Col)
	if start < 0 || start >= len(first) || first[start] != '[' {
		return nil
	}
	var items []Pos
	depth := 0
	expect := false // the next value starts an item
	var quote string
	for l := open.Line; l <= len(lines); l++ {
		text, i := lines[l-1], 0
		if l == open.Line {
			i = start
		}
		for ; i < len(text); i++ {
			c := text[i]
			if quote != "" {
				switch {
				case quote == `"` && c == '\\':
					i++
				case strings.HasPrefix(text[i:], quote):
					i += len(quote) - 1
					quote = ""
				}
				continue
			}
			if c == ' ' || c == '\t' || c == '\r' {
				continue
			}
			if c == '#' {
				break
			}
			if depth == 1 && expect && c != ']' && c != ',' {
				items = append(items, Pos{l, utf8.RuneCountInString(text[:i]) + 1})
				expect = false
			}
			switch {
			case strings.HasPrefix(text[i:], `"""`) || strings.HasPrefix(text[i:], "'''"):
				quote = text[i : i+3]
				i += 2
			case c == '"' || c == '\'':
				quote = string(c)
			case c == '[' || c == '{':
				depth++
				if depth == 1 {
					expect = true
				}
			case c == ']' || c == '}':
				depth--
				if depth == 0 {
					return items
				}
			case c == ',' && depth == 1:
				expect = true
			}
		}
		if quote == `"` || quote == "'" {
			quote = "" // a one-line string cannot go on; the parser refused it
		}
	}
	return items
}

// byteIndex turns a 1-based rune column into a byte offset in line.
func byteIndex(line string, col int) int {
	n := 1
	for i := range line {
		if n == col {
			return i
		}
		n++
	}
	return -1
}

// ValueEnd returns the last line (1-based) of the value whose key is on
// keyLine, following brackets across lines; lines is the document split on
// newlines.
func ValueEnd(lines []string, keyLine int) int {
	if keyLine < 1 || keyLine > len(lines) {
		return keyLine
	}
	text := lines[keyLine-1]
	depth := bracketDelta(text[strings.Index(text, "=")+1:])
	end := keyLine
	for depth > 0 && end < len(lines) {
		end++
		depth += bracketDelta(lines[end-1])
	}
	return end
}

// bracketDelta counts opening minus closing brackets and braces outside
// strings and comments.
func bracketDelta(s string) int {
	delta := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return delta
		case c == '[' || c == '{':
			delta++
		case c == ']' || c == '}':
			delta--
		}
	}
	return delta
}

func record(out Lines, key []string, pos Pos) {
	if len(key) == 0 {
		return
	}
	k := strings.Join(key, ".")
	if _, ok := out[k]; !ok {
		out[k] = pos
	}
}

// splitKey splits a dotted key on the dots outside quotes, and takes
// quotes and spaces off its parts: "a.b".'c' is a.b and c. A quoted empty
// part ("" = 1) is a key TOML allows, so it is kept.
// indexUnquoted is the index of the first c in s outside a quoted key
// ("a=b" = 1 is the key a=b), or -1.
func indexUnquoted(s string, c byte) int {
	var quote byte
	for i := 0; i < len(s); i++ {
		switch {
		case quote == '"' && s[i] == '\\':
			i++ // an escaped character, such as \"
		case quote != 0:
			if s[i] == quote {
				quote = 0
			}
		case s[i] == '"' || s[i] == '\'':
			quote = s[i]
		case s[i] == c:
			return i
		}
	}
	return -1
}

func splitKey(s string) []string {
	var parts []string
	var quote byte
	start := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) {
			c := s[i]
			switch {
			case quote == '"' && c == '\\':
				i++
				continue
			case quote != 0:
				if c == quote {
					quote = 0
				}
				continue
			case c == '"' || c == '\'':
				quote = c
				continue
			case c != '.':
				continue
			}
		}
		if p := unquoteKey(strings.TrimSpace(s[start:min(i, len(s))])); p != nil {
			parts = append(parts, *p)
		}
		start = i + 1
	}
	return parts
}

// unquoteKey takes the quotes off one part of a dotted key; nil for an
// empty, unquoted part.
func unquoteKey(p string) *string {
	if len(p) >= 2 && p[0] == '\'' && p[len(p)-1] == '\'' {
		p = p[1 : len(p)-1]
		return &p
	}
	if len(p) >= 2 && p[0] == '"' && p[len(p)-1] == '"' {
		if u, err := strconv.Unquote(p); err == nil {
			return &u
		}
		p = p[1 : len(p)-1]
		return &p
	}
	if p == "" {
		return nil
	}
	return &p
}

// Find returns the line of key, or of its closest defined parent, or 0.
func (l Lines) Find(key ...string) int { return l.FindPos(key...).Line }

// FindPos returns the position of key, or of its closest defined parent.
func (l Lines) FindPos(key ...string) Pos {
	for n := len(key); n > 0; n-- {
		if pos, ok := l[strings.Join(key[:n], ".")]; ok {
			return pos
		}
	}
	return Pos{}
}

// First returns the position of key, or, for a table only implied by
// longer keys ([a.b] or a.b = 1 for a), the earliest key below it; ok is
// false when the document has neither.
func (l Lines) First(key ...string) (pos Pos, ok bool) {
	k := strings.Join(key, ".")
	if pos, ok := l[k]; ok || k == "" {
		return pos, ok
	}
	for name, p := range l {
		if strings.HasPrefix(name, k+".") || strings.HasPrefix(name, k+"[") {
			if !ok || p.Line < pos.Line || p.Line == pos.Line && p.Col < pos.Col {
				pos, ok = p, true
			}
		}
	}
	return pos, ok
}

var decodeErrRe = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// DecodeError picks apart BurntSushi/toml's error for a value that does not
// fit its destination ("toml: line 4 (last key "x"): incompatible types: …"),
// which, unlike a syntax error, carries its line only in the text.
func DecodeError(err error) (line int, key, msg string, ok bool) {
	m := decodeErrRe.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, "", "", false
	}
	line, _ = strconv.Atoi(m[1])
	return line, m[2], m[3], true
}
