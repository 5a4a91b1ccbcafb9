package convert

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Source is the generator a page was written for.
type Source string

// The sources Body knows.
const (
	Hugo       Source = "hugo"
	Docusaurus Source = "docusaurus"
	MkDocs     Source = "mkdocs"
	GitBook    Source = "gitbook"
	MdBook     Source = "mdbook"
	Jekyll     Source = "jekyll"
	Plain      Source = "plain"
)

// name is how a source is named in the warnings left in a page.
func (s Source) name() string {
	switch s {
	case Hugo:
		return "Hugo"
	case Docusaurus:
		return "Docusaurus"
	case MkDocs:
		return "MkDocs"
	case GitBook:
		return "GitBook"
	case MdBook:
		return "mdBook"
	case Jekyll:
		return "Jekyll"
	}
	return "the source"
}

// Note is something the conversion did or could not do, at a 1-based line
// of the input body.
type Note struct {
	Line    int
	OutLine int // the 1-based line of the output body that stands for Line; 0 when Line is 0
	Message string
	// Converted is false when the construct could not be mapped and a
	// visible warning was left in the page instead.
	Converted bool
}

// Options tells Body where a page comes from.
type Options struct {
	From Source
	// Link maps a link target written in the source (a Hugo ref
	// "docs/x.md", a Jekyll {% link _posts/x.md %}, a GitBook content-ref)
	// to the new relative .md path; nil, or false, keeps it as written.
	Link func(target string) (string, bool)
}

// Body converts one page body (front matter already removed) written for
// opts.From into CommonMark/GFM that Playbook renders, and returns notes
// on what it converted and what it could not, in line order. Lines it does
// not convert are kept byte for byte, line endings included; code blocks
// and code spans are never changed. See the package documentation for the
// mappings.
func Body(src []byte, opts Options) ([]byte, []Note) {
	lines, eol, final := split(src)
	c := &converter{opts: opts, eol: eol}
	if opts.From == Docusaurus {
		lines = c.splitTabTags(lines)
	}
	out := c.block(lines)
	// No more blank lines at the end than the input had.
	for final && len(out) > 0 && isBlank(out[len(out)-1].s) && trailingBlanks(out) > trailingBlanks(lines) {
		out = out[:len(out)-1]
	}
	sort.SliceStable(c.notes, func(i, j int) bool { return c.notes[i].Line < c.notes[j].Line })
	for k := range c.notes {
		if c.notes[k].Line <= 0 {
			continue
		}
		o := 0
		for o < len(out) && out[o].n < c.notes[k].Line {
			o++
		}
		c.notes[k].OutLine = max(1, min(o+1, len(out)))
	}
	return join(out, eol, final), c.notes
}

// line is one line of a body: its text without the line ending, the
// 1-based line of the input it comes from, and its line ending as written
// ("" on a last line without one).
type line struct {
	s   string
	n   int
	eol string
}

// converter holds one conversion's options and the notes it took.
type converter struct {
	opts  Options
	eol   string // the body's line ending, for lines the conversion writes
	notes []Note
	// keepNext: the construct just converted goes on in the next line (a
	// quote), so no blank line is put between them.
	keepNext bool
}

func (c *converter) note(n int, converted bool, format string, args ...any) {
	c.notes = append(c.notes, Note{Line: n, Message: fmt.Sprintf(format, args...), Converted: converted})
}

// gen is a line the conversion writes in place of input line n.
func (c *converter) gen(n int, s string) line { return line{s: s, n: n, eol: c.eol} }

// split cuts src into lines, and returns the line ending most of the body
// uses ("\r\n" when its first line ends so) and whether src ends with one.
func split(src []byte) ([]line, string, bool) {
	eol := "\n"
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		eol = "\r\n"
	}
	var lines []line
	for n := 1; len(src) > 0; n++ {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			lines = append(lines, line{s: string(src), n: n})
			return lines, eol, false
		}
		l := line{s: string(src[:i]), n: n, eol: "\n"}
		if strings.HasSuffix(l.s, "\r") {
			l.s, l.eol = l.s[:len(l.s)-1], "\r\n"
		}
		lines = append(lines, l)
		src = src[i+1:]
	}
	return lines, eol, true
}

func join(lines []line, eol string, final bool) []byte {
	var b bytes.Buffer
	for i, l := range lines {
		b.WriteString(l.s)
		last := i == len(lines)-1
		switch {
		case last && !final:
			// The input ended without a line ending: so does the output.
		case l.eol != "":
			b.WriteString(l.eol)
		default:
			b.WriteString(eol)
		}
	}
	return append([]byte{}, b.Bytes()...)
}

func trailingBlanks(ls []line) int {
	n := 0
	for n < len(ls) && isBlank(ls[len(ls)-1-n].s) {
		n++
	}
	return n
}
