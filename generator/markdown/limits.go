package markdown

import "bytes"

// goldmark checks every open container (list item, block quote, footnote)
// again on each line, and its time and memory grow faster than the input
// when containers nest thousands deep: 3,000 nested list levels take 42 s,
// 10,000 nested quotes gigabytes. Limits are checked by a linear scan
// before goldmark reads a page, so such a page is refused in milliseconds.

// DefaultMaxNesting is how deep lists, quotes and footnotes may nest when
// the playbook does not say. A handbook's lists seldom go past a few
// levels; at 64 goldmark's time per byte is still about that of a flat
// page (measured at 16 to 128 levels).
const DefaultMaxNesting = 64

// DefaultMaxPageSize is the largest page file, in bytes, when the playbook
// does not say: over a thousand printed pages of text, which builds in a
// fraction of a second, and small enough that its HTML still opens on a
// phone.
const DefaultMaxPageSize = 5_000_000

// Limits bound a page before it is parsed. A zero field means its default.
type Limits struct {
	MaxNesting    int   // deepest nesting of lists, quotes and footnotes
	MaxPageSize   int64 // bytes of the page file, front matter included
	MaxTableCells int   // cells of all the page's tables together
}

// Nesting returns the limit on nesting depth in effect.
func (l Limits) Nesting() int {
	if l.MaxNesting > 0 {
		return l.MaxNesting
	}
	return DefaultMaxNesting
}

// PageSize returns the limit on page size in effect.
func (l Limits) PageSize() int64 {
	if l.MaxPageSize > 0 {
		return l.MaxPageSize
	}
	return DefaultMaxPageSize
}

// TableCells returns the limit on table cells in effect.
func (l Limits) TableCells() int {
	if l.MaxTableCells > 0 {
		return l.MaxTableCells
	}
	return DefaultMaxTableCells
}

// OverSize reports whether src is larger than the page size limit, and if
// so the 1-based line holding the first byte past it.
func (l Limits) OverSize(src []byte) (line int, over bool) {
	limit := l.PageSize()
	if int64(len(src)) <= limit {
		return 0, false
	}
	return 1 + bytes.Count(src[:limit], []byte("\n")), true
}

// TooDeep scans markdown src, in time linear in its length, for the first
// line where lists, block quotes and footnote definitions nest deeper than
// the limit. It returns that 1-based line and the depth the line reaches,
// or 0, 0. A list item and its list count as one level. Fenced and
// indented code count as no nesting; lazy continuation lines keep the
// depth of the line before them, as in CommonMark.
func (l Limits) TooDeep(src []byte) (line, depth int) {
	s := nestScan{max: l.Nesting()}
	p, _ := s.scan(src)
	return p.Line, p.Found
}

// container is an open list item, footnote or block quote. A list item or
// footnote holds the lines indented by at least width columns.
type container struct {
	quote bool
	width int
}

// nestScan follows the open containers from line to line, as a CommonMark
// parser's block phase does, without building anything.
type nestScan struct {
	max       int
	open      []container
	buf       [DefaultMaxNesting]container // open's storage, for the default limit
	paragraph bool                         // the last line was paragraph text (lazy lines may follow)
	fence     byte                         // '`' or '~' while in fenced code
	fenceLen  int
	// Where the last look for a thematic break in this line stopped, and
	// at which marker: "- - - … x" would otherwise be read to its end
	// once per level.
	breakLine []byte
	breakMark byte
	breakStop int
	work      workScan // the other limits, when Scan asks for them
	html      htmlBlock
}

// cursor is a position in a line with its column, tabs stopping every 4.
type cursor struct {
	line []byte
	pos  int
	col  int
	end  int // after the line's last byte that is not white space
}

// maxIndent is more than any indent the scan compares (a list item's
// content is at most 17 columns in), so that measuring an indent never
// reads far into a line of spaces.
const maxIndent = 32

func (c *cursor) eol() bool { return c.pos >= len(c.line) || c.line[c.pos] == '\r' }

// indent returns the columns of white space at the cursor, up to
// maxIndent.
func (c cursor) indent() int {
	col := c.col
	for ; c.pos < len(c.line) && col-c.col < maxIndent; c.pos++ {
		switch c.line[c.pos] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col - c.col
		}
	}
	return col - c.col
}

// skip moves past up to n columns of white space. A tab that would go
// past n is taken in part, as in CommonMark: the cursor stays on it with
// the columns still left of it, so that a list nested in tabs, two
// columns a level, keeps every level.
func (c *cursor) skip(n int) {
	for start := c.col; c.pos < len(c.line) && c.col-start < n; c.pos++ {
		switch c.line[c.pos] {
		case ' ':
			c.col++
		case '\t':
			if w := 4 - c.col%4; c.col+w-start > n {
				c.col = start + n
				return
			}
			c.col += 4 - c.col%4
		default:
			return
		}
	}
}

// blank reports whether the rest of the line is white space.
func (c *cursor) blank() bool { return c.pos >= c.end }

// line reads one line and returns the depth it reaches (counting past the
// limit only on the line that crosses it).
func (s *nestScan) line(text []byte) int {
	if s.html.open {
		s.html.next(text)
	}
	if len(s.open) == 0 && s.fence == 0 && len(text) > 0 && startsText(text[0]) {
		s.work.text(text, s.paragraph)
		s.paragraph = true // most lines of prose: nothing is open or opens
		return 0
	}
	c := cursor{line: text, end: len(text)}
	for c.end > 0 && (text[c.end-1] == ' ' || text[c.end-1] == '\t' || text[c.end-1] == '\r') {
		c.end--
	}
	matched := 0
	for ; matched < len(s.open); matched++ {
		o := s.open[matched]
		if o.quote {
			if !s.quoteAt(&c) {
				break
			}
			s.work.nested++
			continue
		}
		if c.blank() {
			s.work.nested += 2
			continue // a blank line keeps list items open
		}
		if c.indent() < o.width {
			break
		}
		c.skip(o.width)
		s.work.nested += 2 // goldmark's list and list item
	}
	if s.fence != 0 {
		if matched == len(s.open) {
			if s.closesFence(c) {
				s.fence = 0
			}
			return len(s.open)
		}
		s.fence = 0
	}
	if matched < len(s.open) {
		if s.paragraph && !c.blank() && !s.startsBlock(c) {
			s.work.text(c.line[c.pos:], true)
			return len(s.open) // a lazy continuation line
		}
		s.open = s.open[:matched]
		s.paragraph = false
	}
	depth := len(s.open)
	for {
		if c.blank() {
			s.paragraph = false
			return depth
		}
		in := c.indent()
		if in >= 4 {
			// Indented code, or more of a paragraph: nothing opens here.
			if s.paragraph {
				s.work.text(c.line[c.pos:], true)
			} else if depth > 0 && bytes.IndexByte(c.line[c.pos:c.pos+min(in, len(c.line)-c.pos)], '\t') >= 0 {
				// goldmark counts a tab's columns from where the list or
				// quote holding it starts, and may read this line as
				// text: its marks are counted as text's.
				s.work.text(c.line[c.pos:], false)
				s.paragraph = true
			}
			return depth
		}
		c.skip(in)
		if c.line[c.pos] == '>' {
			s.quoteAt(&c)
			depth = s.push(container{quote: true}, depth)
			s.paragraph = false
			continue
		}
		if marker, spaces, w, ok := s.itemAt(c, in); ok {
			c.pos += marker
			c.col += marker
			c.skip(spaces)
			depth = s.push(container{width: w}, depth)
			s.paragraph = false
			continue
		}
		rest := c.line[c.pos:]
		switch {
		case fenceOpens(rest) && !s.html.open:
			s.fence, s.fenceLen = rest[0], runLen(rest, rest[0])
			s.paragraph = false
		case rest[0] == '<' && s.html.starts(rest):
			s.work.text(rest, s.paragraph)
			s.paragraph = true
		case atxHeading(rest):
			s.work.text(rest, false) // a heading is read as one line of text
			s.paragraph = false
		case thematicBreak(rest):
			s.paragraph = false
		default:
			s.work.text(rest, s.paragraph)
			s.paragraph = true
		}
		return depth
	}
}

// push opens a container on this line; past the limit only the depth is
// counted, so that memory stays bounded.
func (s *nestScan) push(o container, depth int) int {
	if depth < s.max {
		s.open = append(s.open, o)
	}
	return depth + 1
}

// quoteAt moves past up to 3 columns of indent, a '>' and one optional
// space after it, if the line has a '>' there.
func (s *nestScan) quoteAt(c *cursor) bool {
	at := *c
	if at.indent() > 3 {
		return false
	}
	at.skip(3)
	if at.pos >= len(at.line) || at.line[at.pos] != '>' {
		return false
	}
	at.pos++
	at.col++
	at.skip(1)
	*c = at
	return true
}

// itemAt reports whether a list item or footnote definition starts at the
// cursor, which is past in columns of indent: the marker's length in
// bytes, the spaces after it, and the width of the indent the item's
// content lines need.
func (s *nestScan) itemAt(c cursor, in int) (marker, spaces, width int, ok bool) {
	rest := c.line[c.pos:]
	ordered := false
	switch b := rest[0]; {
	case b == '-' || b == '+' || b == '*':
		if s.thematicBreakAt(c) {
			return 0, 0, 0, false
		}
		marker = 1
	case b >= '0' && b <= '9':
		for marker < len(rest) && marker < 9 && rest[marker] >= '0' && rest[marker] <= '9' {
			marker++
		}
		if marker == len(rest) || rest[marker] != '.' && rest[marker] != ')' {
			return 0, 0, 0, false
		}
		ordered = true
		marker++
	case b == '[' && len(rest) > 2 && rest[1] == '^':
		// A footnote definition, [^label]: text, holds lines indented
		// 4; goldmark reads one only at the top of the page.
		end := bytes.IndexByte(rest, ']')
		if end < 3 || end+1 >= len(rest) || rest[end+1] != ':' || s.paragraph || len(s.open) > 0 {
			return 0, 0, 0, false
		}
		return end + 2, 0, 4, true
	default:
		return 0, 0, 0, false
	}
	after := c
	after.pos += marker
	after.col += marker
	if !after.eol() && after.line[after.pos] != ' ' && after.line[after.pos] != '\t' {
		return 0, 0, 0, false
	}
	empty := after.blank()
	if s.paragraph && (empty || ordered && !(marker == 2 && rest[0] == '1')) {
		return 0, 0, 0, false // cannot interrupt a paragraph
	}
	spaces = after.indent()
	if empty || spaces > 4 {
		spaces = 1
	}
	return marker, spaces, in + marker + spaces, true
}

// startsBlock reports whether the rest of a line starts a block that ends
// a paragraph, so the line cannot be a lazy continuation.
func (s *nestScan) startsBlock(c cursor) bool {
	if c.indent() >= 4 {
		return false
	}
	in := c.indent()
	c.skip(in)
	rest := c.line[c.pos:]
	if len(rest) == 0 {
		return false
	}
	if rest[0] == '>' || atxHeading(rest) || fenceOpens(rest) || thematicBreak(rest) {
		return true
	}
	_, _, _, ok := s.itemAt(c, in)
	return ok
}

// closesFence reports whether the line closes the open fence.
func (s *nestScan) closesFence(c cursor) bool {
	if c.indent() > 3 {
		return false
	}
	c.skip(3)
	rest := c.line[c.pos:]
	n := runLen(rest, s.fence)
	return n >= s.fenceLen && len(bytes.TrimSpace(rest[n:])) == 0
}

// fenceOpens reports whether a line (after its indent) opens fenced code.
func fenceOpens(rest []byte) bool {
	if len(rest) < 3 || rest[0] != '`' && rest[0] != '~' {
		return false
	}
	n := runLen(rest, rest[0])
	return n >= 3 && (rest[0] == '~' || bytes.IndexByte(rest[n:], '`') < 0)
}

// thematicBreakAt is thematicBreak of the rest of the line, remembering
// where a look that failed stopped: a look from further on with the same
// marker would stop there too.
func (s *nestScan) thematicBreakAt(c cursor) bool {
	mark := c.line[c.pos]
	if len(s.breakLine) == len(c.line) && &s.breakLine[0] == &c.line[0] && s.breakMark == mark && c.pos < s.breakStop {
		return false
	}
	n := 0
	for i := c.pos; i < len(c.line); i++ {
		switch c.line[i] {
		case mark:
			n++
		case ' ', '\t', '\r':
		default:
			s.breakLine, s.breakMark, s.breakStop = c.line, mark, i
			return false
		}
	}
	return n >= 3
}

// thematicBreak reports whether a line (after its indent) is ***, --- or
// ___, spaces allowed between.
func thematicBreak(rest []byte) bool {
	if len(rest) == 0 || rest[0] != '-' && rest[0] != '*' && rest[0] != '_' {
		return false
	}
	n := 0
	for _, b := range rest {
		switch b {
		case rest[0]:
			n++
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return n >= 3
}

// atxHeading reports whether a line (after its indent) is a heading: one
// to six '#' and then white space or the end of the line ("#tag" is text).
func atxHeading(rest []byte) bool {
	n := runLen(rest, '#')
	return n >= 1 && n <= 6 && (n == len(rest) || rest[n] == ' ' || rest[n] == '\t' || rest[n] == '\r')
}

// startsText reports whether a line starting with b is paragraph text
// whatever follows (a letter, or a byte of a non-ASCII character).
func startsText(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

func runLen(b []byte, c byte) int {
	n := 0
	for n < len(b) && b[n] == c {
		n++
	}
	return n
}
