// Package frontmatter splits a page into front matter and body and parses
// TOML (+++) or YAML (---) front matter into fields that remember their line,
// so that later validation can point at the exact line of a bad value.
package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	yaml "go.yaml.in/yaml/v3"

	"github.com/playbook-ssg/playbook/generator/internal/loosedate"
	"github.com/playbook-ssg/playbook/generator/tomlpos"
)

// Field is one front matter value and where it was written. Value is a
// string, int64, float64, bool, time.Time, []Field, map[string]any (a TOML
// table) or nil (YAML null).
type Field struct {
	Key   string
	Value any
	Line  int
	Col   int // 1-based; 0 when unknown
}

// Doc is parsed front matter.
type Doc struct {
	Format   string // "toml", "yaml" or "" when the page has none
	Fields   map[string]Field
	Line     int // line of the opening delimiter
	BodyLine int // 1-based line where the body starts in the file

	// Problems are mistakes the parser read past, such as a TOML date
	// written 03/12/2026: each is reported, its value treated as missing
	// (or, for bare text, as the text), and the rest of the front matter
	// is still read, so that one run reports every problem in the file.
	Problems []Error
}

// Keys returns the field keys in line order.
func (d Doc) Keys() []string {
	keys := make([]string, 0, len(d.Fields))
	for k := range d.Fields {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if d.Fields[keys[i]].Line != d.Fields[keys[j]].Line {
			return d.Fields[keys[i]].Line < d.Fields[keys[j]].Line
		}
		return keys[i] < keys[j]
	})
	return keys
}

// Error is a front matter problem at a line of the file.
type Error struct {
	Line, Col int
	Msg       string
	BadDate   bool // a value that is not a date, read past as if missing
}

func (e *Error) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// Parse splits src into front matter and body. A file without front matter
// has an empty Doc and the whole file as body.
func Parse(src []byte) (Doc, []byte, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	var delim, format string
	switch {
	case hasDelimLine(src, "+++"):
		delim, format = "+++", "toml"
	case hasDelimLine(src, "---"):
		delim, format = "---", "yaml"
	default:
		return Doc{Fields: map[string]Field{}, BodyLine: 1}, src, nil
	}
	rest := src[len(delim):]
	rest = bytes.TrimLeft(rest, " \t")
	rest = bytes.TrimPrefix(bytes.TrimPrefix(rest, []byte("\r")), []byte("\n"))
	// Find the closing delimiter on a line of its own.
	offset := 0
	closeAt := -1
	for offset <= len(rest) {
		nl := bytes.IndexByte(rest[offset:], '\n')
		end := len(rest)
		if nl >= 0 {
			end = offset + nl
		}
		if strings.TrimRight(string(rest[offset:end]), " \t\r") == delim {
			closeAt = offset
			offset = end
			break
		}
		if nl < 0 {
			break
		}
		offset = end + 1
	}
	if closeAt < 0 {
		return Doc{}, nil, &Error{Line: 1, Col: 1, Msg: fmt.Sprintf("front matter opened with %q is never closed: add a line with %q after the last field", delim, delim)}
	}
	fm := rest[:closeAt]
	body := rest[offset:]
	body = bytes.TrimPrefix(bytes.TrimPrefix(body, []byte("\r")), []byte("\n"))
	doc := Doc{Format: format, Line: 1}
	doc.BodyLine = 2 + bytes.Count(fm, []byte("\n")) + 1
	var err error
	if format == "toml" {
		doc.Fields, doc.Problems, err = parseTOML(fm, 1)
	} else {
		doc.Fields, err = parseYAML(fm, 1)
	}
	if err != nil {
		return Doc{}, nil, err
	}
	return doc, body, nil
}

func hasDelimLine(src []byte, delim string) bool {
	if !bytes.HasPrefix(src, []byte(delim)) {
		return false
	}
	rest := src[len(delim):]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		i = len(rest)
	}
	return strings.TrimSpace(string(rest[:i])) == ""
}

// maxRecover bounds how many bad values parseTOML reads past in one
// front matter before giving up on the rest.
const maxRecover = 20

// parseTOML decodes TOML front matter; offset is the number of file lines
// before the front matter text. A syntax error in a single value written
// on its key's line (a date as 03/12/2026, text without quotes) is
// recorded as a problem and the value is blanked (dates) or quoted (text)
// before decoding again, so the other fields are still read.
func parseTOML(fm []byte, offset int) (map[string]Field, []Error, error) {
	var raw map[string]any
	var problems []Error
	text := string(fm)
	fixed := map[int]bool{}
	for {
		raw = nil
		_, err := toml.Decode(text, &raw)
		if err == nil {
			break
		}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			if len(problems) < maxRecover && !fixed[pe.Position.Line] {
				if repaired, problem, ok := recoverTOML(text, pe, offset); ok {
					fixed[pe.Position.Line] = true
					if problem.Msg != "" {
						problems = append(problems, problem)
					}
					text = repaired
					continue
				}
			}
			return nil, nil, &Error{Line: pe.Position.Line + offset, Col: pe.Position.Col, Msg: "invalid TOML front matter: " + tomlAdvice(pe.Message)}
		}
		if line, _, msg, ok := tomlpos.DecodeError(err); ok {
			return nil, nil, &Error{Line: line + offset, Msg: "invalid TOML front matter: " + msg}
		}
		return nil, nil, &Error{Line: 1 + offset, Msg: "invalid TOML front matter: " + err.Error()}
	}
	fm = []byte(text)
	positions := tomlpos.Scan(fm)
	lines := strings.Split(text, "\n")
	out := make(map[string]Field, len(raw))
	for k, v := range raw {
		pos := positions.FindPos(k)
		pos.Line += offset
		f := Field{Key: k, Line: pos.Line, Col: pos.Col}
		if list, ok := v.([]any); ok {
			f.Value = tomlList(list, lines, pos.Line-offset, offset)
		} else {
			f.Value = v
		}
		out[k] = f
	}
	return out, problems, nil
}

// tomlValueLine matches a key and an unquoted value on one line.
var tomlValueLine = regexp.MustCompile(`^(\s*)([A-Za-z0-9_.-]+|"[^"]*")(\s*=\s*)([^"'\[{\s].*?)\s*(#.*)?$`)

// looksLikeDate matches values meant as dates: 03/12/2026, 12.3.2026,
// 2026-13-40, 2026/03/12.
var looksLikeDate = regexp.MustCompile(`^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$`)

// recoverTOML repairs the line of a TOML syntax error when it holds one
// key = value: a date-like value is blanked (the field is then missing),
// bare text is quoted. It returns the repaired text and the problem.
func recoverTOML(text string, pe toml.ParseError, offset int) (string, Error, bool) {
	lines := strings.Split(text, "\n")
	n := pe.Position.Line
	if n < 1 || n > len(lines) {
		return "", Error{}, false
	}
	m := tomlValueLine.FindStringSubmatch(strings.TrimRight(lines[n-1], "\r"))
	if m == nil {
		return "", Error{}, false
	}
	key, value := strings.Trim(m[2], `"`), m[4]
	col := utf8.RuneCountInString(m[1]+m[2]+m[3]) + 1
	p := Error{Line: n + offset, Col: col}
	switch {
	case looksLikeDate.MatchString(value):
		p.Msg = fmt.Sprintf("%s: %s is not a date: %s", key, value, DateHint(value))
		p.BadDate = true
		lines[n-1] = ""
	case strings.Contains(pe.Message, "expected value but found") && !strings.HasPrefix(value, "="):
		p.Msg = "invalid TOML front matter: " + tomlAdvice(pe.Message)
		lines[n-1] = m[1] + m[2] + m[3] + strconv.Quote(value)
	case strings.Contains(pe.Message, "expected a top-level item to end with") && value != "" && value[0] >= '0' && value[0] <= '9':
		// "12 March 2026" or "3 weeks": TOML read a number, then text.
		// Quoted, a date reads as one (the field's own check then says
		// how to write it, with a fix); other text is reported here.
		lines[n-1] = m[1] + m[2] + m[3] + strconv.Quote(value)
		if iso, _ := loosedate.ISO(value); iso == "" {
			p.Msg = fmt.Sprintf("invalid TOML front matter: %s = %s: put the text in quotes", key, value)
		}
	default:
		return "", Error{}, false
	}
	return strings.Join(lines, "\n"), p, true
}

var digitRuns = regexp.MustCompile(`\d+`)

// DateHint says how to write a date, with value rewritten as YYYY-MM-DD
// when its numbers can be read as one: "03/12/2026" gives "write it as
// YYYY-MM-DD, like 2026-03-12 (or 2026-12-03 if the day comes first)".
func DateHint(value string) string {
	const plain = "write it as YYYY-MM-DD, like 2026-03-31"
	parts := digitRuns.FindAllString(value, -1)
	if len(parts) != 3 {
		return plain
	}
	n := make([]int, 3)
	for i, s := range parts {
		n[i], _ = strconv.Atoi(s)
	}
	valid := func(y, m, d int) (string, bool) {
		if y < 100 {
			y += 2000
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if m < 1 || m > 12 || d < 1 || t.Day() != d {
			return "", false
		}
		return t.Format("2006-01-02"), true
	}
	var reads []string
	if len(parts[0]) == 4 { // year first: month then day, else the other way
		if s, ok := valid(n[0], n[1], n[2]); ok {
			reads = append(reads, s)
		} else if s, ok := valid(n[0], n[2], n[1]); ok {
			reads = append(reads, s)
		}
	} else { // year last: month first, as in the US, or day first
		for _, md := range [][2]int{{n[0], n[1]}, {n[1], n[0]}} {
			if s, ok := valid(n[2], md[0], md[1]); ok && !slices.Contains(reads, s) {
				reads = append(reads, s)
			}
		}
	}
	switch len(reads) {
	case 0:
		return plain
	case 1:
		return "write it as YYYY-MM-DD, like " + reads[0]
	}
	return fmt.Sprintf("write it as YYYY-MM-DD, like %s (or %s if the day comes first)", reads[0], reads[1])
}

var tomlKeyDefined = regexp.MustCompile(`^Key '([^']*)' has already been defined\.?$`)

// tomlAdvice rewrites the TOML parser's terse messages into advice.
func tomlAdvice(msg string) string {
	switch {
	case strings.HasPrefix(msg, "invalid datetime") || strings.Contains(msg, "invalid date"):
		return msg + ": write a real date as YYYY-MM-DD, like 2026-03-31 (month 01–12, a day the month has)"
	case tomlKeyDefined.MatchString(msg):
		return fmt.Sprintf("key %q appears twice", tomlKeyDefined.FindStringSubmatch(msg)[1])
	case strings.Contains(msg, "expected value but found") || strings.HasPrefix(msg, "bare keys cannot contain"):
		return msg + ": put text in quotes, like title = \"Too expensive\""
	}
	return msg
}

// tomlList gives each list item the position it is written at, found by
// searching for the quoted item from the key's "=" on.
func tomlList(list []any, lines []string, keyLine, offset int) []Field {
	items := make([]Field, len(list))
	line, from := keyLine, 0
	if keyLine >= 1 && keyLine <= len(lines) {
		from = strings.Index(lines[keyLine-1], "=") + 1
	}
	last := tomlpos.ValueEnd(lines, keyLine) // never search past this list

	for i, e := range list {
		items[i] = Field{Value: e, Line: line + offset}
		if sub, ok := e.([]any); ok {
			items[i].Value = tomlList(sub, lines, line, offset)
			continue
		}
		s, ok := e.(string)
		if !ok {
			continue
		}
	search:
		for l := line; l >= 1 && l <= last; l++ {
			text := lines[l-1]
			start := 0
			if l == line {
				start = min(from, len(text))
			}
			for _, needle := range []string{`"` + s + `"`, `'` + s + `'`} {
				if j := strings.Index(text[start:], needle); j >= 0 {
					line, from = l, start+j+len(needle)
					items[i].Line, items[i].Col = l+offset, start+j+1
					break search
				}
			}
		}
	}
	return items
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func parseYAML(fm []byte, offset int) (map[string]Field, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		msg := err.Error()
		line := 1
		if m := yamlLineRe.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
			// yaml.v3 counts lines from 0 for parser errors and from 1 for
			// scanner errors.
			if yamlParserError(msg) {
				line++
			}
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		if tab := tabLine(fm); tab > 0 && (strings.Contains(msg, "tab character") || strings.Contains(msg, "cannot start any token")) {
			return nil, &Error{Line: tab + offset, Msg: "invalid YAML front matter: YAML does not allow tabs for indentation; indent with spaces"}
		}
		// An unclosed quote swallows the lines after it, so the parser
		// complains later; point at the quote instead.
		{
			if q := unclosedQuote(fm, line-1); q > 0 {
				return nil, &Error{Line: q + offset, Msg: "invalid YAML front matter: this value opens a quote it never closes"}
			}
		}
		return nil, &Error{Line: line + offset, Msg: "invalid YAML front matter: " + msg + yamlAdvice(msg)}
	}
	out := map[string]Field{}
	if root.Kind == 0 { // empty document
		return out, nil
	}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if doc.Kind != yaml.MappingNode {
		return nil, &Error{Line: doc.Line + offset, Col: doc.Column, Msg: "YAML front matter must be a mapping of keys to values, like \"title: Too expensive\""}
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if k.Kind != yaml.ScalarNode || k.Value == "" || k.Value == "<<" {
			return nil, &Error{Line: k.Line + offset, Col: k.Column, Msg: "front matter keys must be plain words, like \"title\""}
		}
		if _, dup := out[k.Value]; dup {
			return nil, &Error{Line: k.Line + offset, Col: k.Column, Msg: fmt.Sprintf("key %q appears twice", k.Value)}
		}
		val, err := yamlValue(v, offset)
		if err != nil {
			return nil, err
		}
		out[k.Value] = Field{Key: k.Value, Value: val, Line: k.Line + offset, Col: k.Column}
	}
	return out, nil
}

// yamlParserError reports whether yaml.v3 produced msg in its parser
// (line counted from 0) rather than its scanner.
func yamlParserError(msg string) bool {
	for _, p := range []string{"did not find expected key", "did not find expected ',' or", "did not find expected '-' indicator",
		"did not find expected node content", "did not find expected <document start>"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// yamlAdvice turns common YAML complaints into what to do.
func yamlAdvice(msg string) string {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return `: a value containing ": " must be in quotes, like title: "Pricing: the short answer"`
	case strings.Contains(msg, "alphabetic or numeric character"), strings.Contains(msg, "did not find expected node content"),
		strings.Contains(msg, "cannot start any token"):
		return `: a value starting with *, &, !, @, ` + "`" + ` or | must be in quotes, like proof: "**30%** fewer expedites"`
	case strings.Contains(msg, "did not find expected '-' indicator"), strings.Contains(msg, "did not find expected key"):
		return ": check the indentation of this line and the one before"
	}
	return ""
}

// unclosedQuote returns the first line, up to line before, whose value
// opens a double or single quote that the line does not close, or 0. Lines
// of block scalars (after "key: |" or "key: >") are text, not values.
func unclosedQuote(src []byte, before int) int {
	blockIndent := -1
	for i, l := range strings.Split(string(src), "\n") {
		if i+1 > before {
			break
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if blockIndent >= 0 {
			if strings.TrimSpace(l) == "" || indent > blockIndent {
				continue
			}
			blockIndent = -1
		}
		if t := strings.TrimRight(l, " "); strings.HasSuffix(t, "|") || strings.HasSuffix(t, ">") || strings.HasSuffix(t, "|-") || strings.HasSuffix(t, ">-") {
			blockIndent = indent
			continue
		}
		v := l
		if j := strings.Index(v, ": "); j >= 0 {
			v = v[j+2:]
		} else if t := strings.TrimLeft(v, " "); strings.HasPrefix(t, "- ") {
			v = t[2:]
		} else {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) < 1 || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		q := v[0]
		closed := false
		for k := 1; k < len(v); k++ {
			if q == '"' && v[k] == '\\' {
				k++
				continue
			}
			if v[k] == q {
				closed = true
				break
			}
		}
		if !closed {
			return i + 1
		}
	}
	return 0
}

// tabLine returns the first line of src indented with a tab, or 0.
func tabLine(src []byte) int {
	for i, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "\t") {
			return i + 1
		}
	}
	return 0
}

func yamlValue(n *yaml.Node, offset int) (any, error) {
	if n.Kind == yaml.AliasNode {
		// Aliases can expand exponentially; front matter never needs them.
		return nil, &Error{Line: n.Line + offset, Col: n.Column, Msg: "YAML aliases (*name) are not supported in front matter: write the value out (a value starting with * must be in quotes)"}
	}
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int":
			if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
				return i, nil
			}
		case "!!float":
			if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
				return f, nil
			}
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err == nil {
				return b, nil
			}
		case "!!null":
			return nil, nil
		case "!!timestamp":
			var t time.Time
			if err := n.Decode(&t); err == nil {
				return t, nil
			}
		}
		return n.Value, nil
	case yaml.SequenceNode:
		items := make([]Field, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := yamlValue(c, offset)
			if err != nil {
				return nil, err
			}
			items = append(items, Field{Value: v, Line: c.Line + offset, Col: c.Column})
		}
		return items, nil
	case yaml.MappingNode:
		// Tables such as params: or Hugo's menu: become plain maps.
		out := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode || k.Value == "" || k.Value == "<<" {
				return nil, &Error{Line: k.Line + offset, Col: k.Column, Msg: "front matter keys must be plain words, like \"title\""}
			}
			val, err := yamlValue(v, offset)
			if err != nil {
				return nil, err
			}
			out[k.Value] = plain(val)
		}
		return out, nil
	default:
		return nil, &Error{Line: n.Line + offset, Col: n.Column, Msg: "this YAML value cannot be read: write text, a number, a date, a list or a mapping"}
	}
}

// plain turns a value with positions into plain Go values: lists of Field
// become []any, as inside a TOML table.
func plain(v any) any {
	list, ok := v.([]Field)
	if !ok {
		return v
	}
	out := make([]any, len(list))
	for i, f := range list {
		out[i] = plain(f.Value)
	}
	return out
}
