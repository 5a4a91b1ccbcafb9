package markdown

import "bytes"

// Besides nesting, three shapes make goldmark's time grow faster than the
// page, each found by the same linear scan (Limits.Scan):
//
//   - Tables: every row is padded to the header's columns, so a table of
//     1,000 columns and 1,000 one-letter rows (6 kB) makes a million
//     cells and takes seconds. The cells of a page's tables are counted.
//   - Lines inside nested lists and quotes: goldmark calls every open list,
//     list item and quote on every line and keeps a record of each call
//     until the outermost one ends. A blank line, one byte, keeps every
//     list level open (1 MB of them in a 16-deep list took 56 s), a tab
//     two levels (5 MB of tabs in a 64-deep list: 5 s, 1.6 GB). The levels
//     each line stays in are counted.
//   - Links and emphasis: each "*" or "_" that finds no partner is passed
//     again by every later one in its paragraph, so the time grows with
//     the square of the marks in a paragraph; and each "](" of a link whose
//     ")" is missing reads on to the end of its word ("[a](b[a](b…"), or
//     of its line after "](<". The marks of each paragraph, heading and
//     table row are counted, the marks of the page, and the bytes the
//     links' destinations make goldmark read.

// DefaultMaxTableCells is how many table cells (columns × rows, header
// included) a page may have when the playbook does not say: a price list
// of 5,000 rows and 20 columns; reading them takes goldmark about a tenth
// of a second.
const DefaultMaxTableCells = 100_000

// MaxNestedLines is how many lines × levels a page may hold inside lists
// and quotes: a list and its item count as two levels, a quote as one.
// A page of 5 MB wholly inside a list four levels deep has under 700,000;
// a million cost goldmark about a quarter of a second.
const MaxNestedLines = 1_000_000

// MaxInlineMarks is how many link brackets ("[", "](") and runs of "*",
// "_" or "~" one paragraph, heading or table row may hold. A long
// paragraph with fifty links and as much emphasis has a few hundred.
const MaxInlineMarks = 1_000

// MaxRunMarks is how many marks the lines between two blank lines may
// hold together, whatever blocks the scan reads them as. goldmark's
// paragraphs never span a blank line, so this bounds them even where the
// scan reads lines otherwise than goldmark (tabs after list markers, HTML
// blocks): the square of the marks in one paragraph stays below
// MaxPageMarks × MaxRunMarks. Fenced code and table rows count too, as
// the scan cannot be sure goldmark reads them so: a table of 5,000 links,
// or a code block of 10,000 "_" and "*", with no blank line in it,
// reaches it (4,000 refused a 1,400-line SQL listing).
const MaxRunMarks = 10_000

// MaxPageMarks is how many such marks a page may hold: 50,000 links.
// goldmark takes one or two microseconds for each, and the square of the
// marks in a paragraph is then at most MaxPageMarks × MaxInlineMarks.
const MaxPageMarks = 100_000

// MaxLinkReading is how many bytes the link destinations of a page may
// make goldmark read, counted from each "](" to the end of its word (to
// the ">" or the end of the line after "](<"). Links that close read
// their own destination once, at most the page; a hostile page reads far
// more.
const MaxLinkReading = 20_000_000

// Kind names the limit a page goes past.
type Kind int

// The limits Scan checks.
const (
	Nesting     Kind = iota + 1 // lists, quotes and footnotes nest too deep
	TableCells                  // the page's tables have too many cells
	NestedLines                 // too many lines × levels inside lists and quotes
	InlineMarks                 // a paragraph holds too many links and emphasis marks
	PageMarks                   // the page holds too many links and emphasis marks
	LinkReading                 // unclosed links make goldmark read too far
	RunMarks                    // the lines between two blank lines hold too many marks
)

// Problem is the first limit a page goes past.
type Problem struct {
	Kind  Kind
	Line  int // 1-based line of src where the limit is passed (for InlineMarks: where the paragraph starts)
	Found int // the depth, cells, blank lines or marks counted up to Line
	Limit int // the limit in effect
}

// Scan checks markdown src against the limits on nesting, table cells,
// blank lines inside lists and marks in a paragraph, in time linear in its
// length, and returns the first one passed.
func (l Limits) Scan(src []byte) (Problem, bool) {
	s := nestScan{max: l.Nesting()}
	s.work = workScan{on: true, maxCells: l.TableCells()}
	return s.scan(src)
}

// scan reads src line by line and stops at the first problem.
func (s *nestScan) scan(src []byte) (Problem, bool) {
	if s.max <= len(s.buf) {
		s.open = s.buf[:0]
	}
	w := &s.work
	for n := 1; len(src) > 0; n++ {
		end := bytes.IndexByte(src, '\n')
		if end < 0 {
			end = len(src)
		}
		w.line = n
		if w.on {
			w.tableRow(src[:end])
		}
		if d := s.line(src[:end]); d > s.max {
			return Problem{Kind: Nesting, Line: n, Found: d, Limit: s.max}, true
		}
		if w.on {
			w.rawRun(src[:end]) // after the line's own paragraph, whose limit is lower
		}
		if w.on && w.nested > MaxNestedLines {
			w.fail(NestedLines, n, w.nested, MaxNestedLines)
		}
		if w.problem.Kind != 0 {
			return w.problem, true
		}
		if end == len(src) {
			break
		}
		src = src[end+1:]
	}
	return Problem{}, false
}

// workScan counts what the other limits bound while nestScan reads the
// page's blocks. The zero workScan counts nothing (TooDeep).
type workScan struct {
	on        bool
	line      int // the line being read
	nested    int // levels of list and quote each line so far stayed in
	maxCells  int
	cells     int
	runLine   int // where the paragraph (or heading, or table row) being read starts
	marks     int // link and emphasis marks in it so far
	pageMarks int
	mostMarks int    // in one paragraph, heading or row
	rawMarks  int    // since the last blank line
	rawLine   int    // the first line after it
	reading   int    // bytes link destinations read so far
	prev      []byte // the paragraph's last line, a table's header if the next is its delimiter row
	tableCols int    // columns of the table being read; -1: this paragraph holds none
	rowCols   int    // cells of a row of the tables the lines since the last blank one may make
	afterText bool   // the line before is not blank
	problem   Problem
}

func (w *workScan) fail(k Kind, line, found, limit int) {
	if w.problem.Kind == 0 {
		w.problem = Problem{Kind: k, Line: line, Found: found, Limit: limit}
	}
}

// tableRow counts the cells of the tables a line may make, from the line
// alone: a delimiter row ("|---|:-:|", quote markers before it allowed)
// under a line that is not blank makes a table of its columns, and every
// line after it, up to a blank one, a row of as many cells. This counts
// more than goldmark makes (a delimiter row that does not fit its header
// makes no table, nor one under a heading), never less, whichever way the
// lines around it are read: goldmark counts a tab's columns otherwise
// than CommonMark does after a list or quote marker, and a table hidden
// that way in a lazy line could still pad rows to thousands of columns.
func (w *workScan) tableRow(line []byte) {
	if len(trimSpace(line)) == 0 {
		w.rowCols, w.afterText = 0, false
		return
	}
	rest := line
	for len(rest) > 0 && (rest[0] == '>' || isSpace(rest[0])) {
		rest = rest[1:]
	}
	w.addCells(w.rowCols)
	if w.afterText {
		if cols, _ := delimiterCols(rest); cols > w.rowCols {
			w.addCells(cols) // the header's
			w.rowCols = cols
		}
	}
	w.afterText = true
}

// rawRun counts the marks of the lines since the last blank one, after
// the list and quote markers that start a line (a "* " bullet is no
// emphasis).
func (w *workScan) rawRun(line []byte) {
	if len(trimSpace(line)) == 0 {
		w.rawMarks, w.rawLine = 0, 0
		return
	}
	if w.rawLine == 0 {
		w.rawLine = w.line
	}
	marks, _ := inlineMarks(afterMarkers(line))
	w.rawMarks += marks
	w.mostMarks = max(w.mostMarks, w.rawMarks)
	if w.rawMarks > MaxRunMarks {
		w.fail(RunMarks, w.rawLine, w.rawMarks, MaxRunMarks)
	}
}

// afterMarkers is line after the block quote markers and list bullets
// (-, *, + or a number with . or ) and a space) that start it.
func afterMarkers(line []byte) []byte {
	for {
		i := 0
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		line = line[i:]
		switch {
		case len(line) > 0 && line[0] == '>':
			line = line[1:]
			continue
		case len(line) > 1 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && isSpace(line[1]):
			line = line[2:]
			continue
		}
		d := 0
		for d < len(line) && d < 9 && line[d] >= '0' && line[d] <= '9' {
			d++
		}
		if d > 0 && d+1 < len(line) && (line[d] == '.' || line[d] == ')') && isSpace(line[d+1]) {
			line = line[d+2:]
			continue
		}
		return line
	}
}

// text reads a line of inline text: the next line of the paragraph being
// read (more), or the first line of a paragraph or a heading.
func (w *workScan) text(rest []byte, more bool) {
	if !w.on {
		return
	}
	if !more {
		w.runLine, w.marks, w.tableCols = w.line, 0, 0
	} else if w.tableCols == 0 {
		// goldmark makes a table of a paragraph at its first delimiter
		// row ("|---|:-:|") if the line above has no more cells (it pads
		// the header too), and reads each cell of a row apart; if the
		// line above has more, the paragraph stays one, read as one.
		if cols, sure := delimiterCols(rest); cols > 0 && sure {
			if headerCells(w.prev) > cols {
				w.tableCols = -1
			} else {
				w.tableCols = cols
				return
			}
		}
	} else if w.tableCols > 0 {
		w.runLine, w.marks = w.line, 0 // a row
	}
	w.prev = rest
	marks, reading := inlineMarks(rest)
	w.marks += marks
	w.mostMarks = max(w.mostMarks, w.marks)
	w.pageMarks += marks
	w.reading += reading
	switch {
	case w.marks > MaxInlineMarks:
		w.fail(InlineMarks, w.runLine, w.marks, MaxInlineMarks)
	case w.pageMarks > MaxPageMarks:
		w.fail(PageMarks, w.line, w.pageMarks, MaxPageMarks)
	case w.reading > MaxLinkReading:
		w.fail(LinkReading, w.line, w.reading, MaxLinkReading)
	}
}

func (w *workScan) addCells(n int) {
	if w.cells += n; w.cells > w.maxCells {
		w.fail(TableCells, w.line, w.cells, w.maxCells)
	}
}

// inlineMarks counts where goldmark's inline parser starts work that may
// read far in a line of text: "[", "](" and runs of "*", "_" and "~"; and
// how many bytes the destinations after its "](" make it read. A
// backslash escapes the byte after it.
func inlineMarks(b []byte) (marks, reading int) {
	// Destinations still being read: plain ones end at white space,
	// pointy ones ("](<") at '>'; both at the end of the line. Each is
	// charged when it ends, as end×open − Σ starts.
	var plain, pointy, plainStarts, pointyStarts int
	for i := 0; i < len(b); i++ {
		if plain == 0 && pointy == 0 {
			// Most text: pass the bytes that start nothing at once.
			for i < len(b) && !markStart[b[i]] {
				i++
			}
			if i == len(b) {
				break
			}
		}
		switch c := b[i]; c {
		case '\\':
			i++
		case '[':
			marks++
		case ']':
			if i+1 < len(b) && b[i+1] == '(' {
				marks++
				if i+2 < len(b) && b[i+2] == '<' {
					pointy++
					pointyStarts += i
				} else {
					plain++
					plainStarts += i
				}
			}
		case '*', '_', '~':
			if i == 0 || b[i-1] != c {
				marks++
			}
		case ' ', '\t', '\r', '\v', '\f':
			reading += plain*i - plainStarts
			plain, plainStarts = 0, 0
		case '>':
			reading += pointy*i - pointyStarts
			pointy, pointyStarts = 0, 0
		}
	}
	reading += plain*len(b) - plainStarts + pointy*len(b) - pointyStarts
	return marks, reading
}

// markStart holds the bytes inlineMarks stops at when no destination is
// being read.
var markStart = [256]bool{'\\': true, '[': true, ']': true, '*': true, '_': true, '~': true}

// delimiterCols returns the columns of a table delimiter row ("| --- | :-: |")
// as goldmark reads it, or 0 if the line is none, and whether it is one
// for sure: dashes alone may underline a heading instead, and goldmark
// takes no row indented 4 columns or more for one (but the scan's columns
// may differ from goldmark's where tabs follow a list or quote marker).
func delimiterCols(line []byte) (cols int, sure bool) {
	indented := (cursor{line: line}).indent() > 3
	line = trimSpace(line)
	if len(line) == 0 || line[0] != '|' && line[0] != '-' && line[0] != ':' {
		return 0, false
	}
	start, onlyDashes := 0, true
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] != '|' {
			switch line[i] {
			case '-':
			case ' ', '\t', '\r', '\v', '\f':
			case ':':
				onlyDashes = false
			default:
				return 0, false
			}
			continue
		}
		if i < len(line) {
			onlyDashes = false
		}
		cell := trimSpace(line[start:i])
		last := i == len(line)
		switch {
		case len(cell) == 0 && (start == 0 || last):
			// no cell before a leading or after a trailing '|'
		case !delimiterCell(cell):
			return 0, false
		default:
			cols++
		}
		start = i + 1
	}
	return cols, !onlyDashes && !indented
}

// delimiterCell reports whether a cell of a delimiter row is -, :-, -: or
// :-: with any number of dashes.
func delimiterCell(c []byte) bool {
	if len(c) == 0 {
		return false // "|-||-|"
	}
	if c[0] == ':' {
		c = c[1:]
	}
	if len(c) > 0 && c[len(c)-1] == ':' {
		c = c[:len(c)-1]
	}
	return len(c) > 0 && runLen(c, '-') == len(c)
}

// headerCells counts the cells of a table header line as goldmark does:
// cells end at a '|' that no backslash precedes, and a '|' at the start
// and at the end of the line opens and closes no cell.
func headerCells(line []byte) int {
	line = trimSpace(line)
	if len(line) > 0 && line[0] == '|' {
		line = line[1:]
	}
	if len(line) > 0 && line[len(line)-1] == '|' {
		line = line[:len(line)-1]
	}
	if len(line) == 0 {
		return 0
	}
	cells := 1
	for i := 0; i < len(line)-1; i++ {
		if line[i] == '|' && (i == 0 || line[i-1] != '\\') {
			cells++
		}
	}
	return cells
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\v' || b == '\f'
}

// escapeMarkup puts a backslash before every ASCII punctuation character
// of s, so that markdown shows it as typed and reads it in one pass.
func escapeMarkup(s string) []byte {
	out := make([]byte, 0, len(s)+len(s)/4)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 && (c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~') {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return out
}

// htmlBlock follows what may be an HTML block, in which goldmark opens no
// fenced code: a "```" line inside "<div>" is HTML, and the page after it
// is read as markdown. The scan takes a fence for one only outside such a
// block; where it thinks a block open that goldmark does not, it reads
// the lines as text, which counts marks goldmark may not read, never
// fewer.
type htmlBlock struct {
	open bool
	end  string // what ends the block, lower case: "</pre>", "-->"; "": a blank line
}

// htmlEnds are the blocks that end at a marker rather than at a blank
// line, by how they start.
var htmlEnds = [...]struct{ start, end string }{
	{"<script", "</script>"}, {"<pre", "</pre>"}, {"<style", "</style>"}, {"<textarea", "</textarea>"},
	{"<!--", "-->"}, {"<?", "?>"}, {"<![cdata[", "]]>"}, {"<!", ">"},
}

// starts reports whether a line (after its indent) may start an HTML
// block, and follows it if so.
func (h *htmlBlock) starts(rest []byte) bool {
	if len(rest) < 2 || !(rest[1] == '/' || rest[1] == '!' || rest[1] == '?' || rest[1]|0x20 >= 'a' && rest[1]|0x20 <= 'z') {
		return false
	}
	h.open, h.end = true, ""
	for _, e := range htmlEnds {
		if hasPrefixFold(rest, e.start) {
			h.end = e.end
			if indexFold(rest[len(e.start):], e.end) >= 0 {
				h.open = false // ends on its own line
			}
			break
		}
	}
	return true
}

// next reads the next line of an open block and closes the block at its
// end.
func (h *htmlBlock) next(line []byte) {
	if h.end == "" && len(trimSpace(line)) == 0 || h.end != "" && indexFold(line, h.end) >= 0 {
		h.open = false
	}
}

func hasPrefixFold(b []byte, prefix string) bool {
	if len(b) < len(prefix) {
		return false
	}
	for i := range len(prefix) {
		if c := b[i]; c|0x20 != prefix[i] && c != prefix[i] {
			return false
		}
	}
	return true
}

// indexFold finds an ASCII marker in b, upper or lower case, in one pass
// over b (markers are short).
func indexFold(b []byte, marker string) int {
	for i := 0; i+len(marker) <= len(b); i++ {
		if b[i] == marker[0] && hasPrefixFold(b[i:], marker) {
			return i
		}
	}
	return -1
}
