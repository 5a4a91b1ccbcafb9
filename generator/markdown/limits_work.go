package markdown

import "bytes"

// Besides nesting, three shapes make goldmark's time grow faster than the
// page, each found by the same linear scan (Limits.Scan):
//
//   - Tables: every row is padded to the header's columns, so a table of
//     1,000 columns and 1,000 one-letter rows (6 kB) makes a million
//     cells and takes seconds. The cells of a page's tables are counted.
//   - Blank lines inside a list: goldmark keeps a record per open list and
//     list item for every line until the list ends, so each blank line,
//     one byte, costs work and memory for every level it keeps open
//     (1 MB of them in a 16-deep list took 56 s). They are counted.
//   - Links and emphasis within one paragraph: each unclosed "[a](b"
//     reads on to the paragraph's end and each "*" or "_" that finds no
//     partner is passed again by every later one, so the time grows with
//     the square of the marks in a paragraph. The marks of each paragraph,
//     heading and table row are counted.

// DefaultMaxTableCells is how many table cells (columns × rows, header
// included) a page may have when the playbook does not say: a price list
// of 5,000 rows and 20 columns; reading them takes goldmark about a tenth
// of a second.
const DefaultMaxTableCells = 100_000

// MaxBlankLinesInLists is how many blank lines a page may have inside
// lists (between items, in their paragraphs or code). Ten thousand is
// thousands of loose list items; at the deepest nesting allowed they cost
// goldmark a few milliseconds.
const MaxBlankLinesInLists = 10_000

// MaxInlineMarks is how many link brackets ("[", "](") and runs of "*",
// "_" or "~" one paragraph, heading or table row may hold. A long
// paragraph with fifty links and as much emphasis has a few hundred; a
// page of paragraphs at the limit, in the worst arrangement, still reads
// in well under a second.
const MaxInlineMarks = 1_000

// Kind names the limit a page goes past.
type Kind int

// The limits Scan checks.
const (
	Nesting           Kind = iota + 1 // lists, quotes and footnotes nest too deep
	TableCells                        // the page's tables have too many cells
	BlankLinesInLists                 // too many blank lines inside lists
	InlineMarks                       // a paragraph holds too many links and emphasis marks
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
		w.line, w.blankInList = n, false
		if d := s.line(src[:end]); d > s.max {
			return Problem{Kind: Nesting, Line: n, Found: d, Limit: s.max}, true
		}
		if w.blankInList && w.on {
			if w.blankLines++; w.blankLines > MaxBlankLinesInLists {
				w.fail(BlankLinesInLists, n, w.blankLines, MaxBlankLinesInLists)
			}
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
	on          bool
	line        int  // the line being read
	blankInList bool // the line is blank and keeps a list item open
	blankLines  int
	maxCells    int
	cells       int
	runLine     int    // where the paragraph (or heading, or table row) being read starts
	marks       int    // link and emphasis marks in it so far
	prev        []byte // the paragraph's last line, a table's header if the next is its delimiter row
	tableCols   int    // columns of the table being read; -1: this paragraph holds none
	problem     Problem
}

func (w *workScan) fail(k Kind, line, found, limit int) {
	if w.problem.Kind == 0 {
		w.problem = Problem{Kind: k, Line: line, Found: found, Limit: limit}
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
		// row, if the line above has as many cells; if it has not, the
		// paragraph stays one and is read as one.
		if cols := delimiterCols(rest); cols > 0 {
			if headerCells(w.prev) != cols {
				w.tableCols = -1
			} else {
				w.tableCols = cols
				w.addCells(2 * cols)
				return
			}
		}
	} else if w.tableCols > 0 {
		w.addCells(w.tableCols) // rows are padded to the header's columns
		w.runLine, w.marks = w.line, 0
	}
	w.prev = rest
	if w.marks += inlineMarks(rest); w.marks > MaxInlineMarks {
		w.fail(InlineMarks, w.runLine, w.marks, MaxInlineMarks)
	}
}

func (w *workScan) addCells(n int) {
	if w.cells += n; w.cells > w.maxCells {
		w.fail(TableCells, w.line, w.cells, w.maxCells)
	}
}

// inlineMarks counts where goldmark's inline parser starts work that may
// read far: "[", "](" and runs of "*", "_" and "~". A backslash escapes
// the byte after it.
func inlineMarks(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '[':
			n++
		case ']':
			if i+1 < len(b) && b[i+1] == '(' {
				n++
			}
		case '*', '_', '~':
			if i == 0 || b[i-1] != b[i] {
				n++
			}
		}
	}
	return n
}

// delimiterCols returns the columns of a table delimiter row ("| --- | :-: |")
// as goldmark reads it, or 0 if the line is none.
func delimiterCols(line []byte) int {
	if len(line) == 0 || line[0] != '|' && line[0] != '-' && line[0] != ':' && line[0] != ' ' && line[0] != '\t' {
		return 0
	}
	if in := (cursor{line: line}).indent(); in > 3 {
		return 0
	}
	cols, start, onlyDashes := 0, 0, true
	for i := 0; i <= len(line); i++ {
		if i < len(line) && line[i] != '|' {
			switch line[i] {
			case '-':
			case ':', ' ', '\t', '\r', '\v', '\f':
				onlyDashes = false
			default:
				return 0
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
			return 0
		default:
			cols++
		}
		start = i + 1
	}
	if onlyDashes {
		return 0 // "---" under a paragraph makes a heading
	}
	return cols
}

// delimiterCell reports whether a cell of a delimiter row is -, :-, -: or
// :-: with any number of dashes.
func delimiterCell(c []byte) bool {
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
