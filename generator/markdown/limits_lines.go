package markdown

import (
	"bytes"
	"sort"
)

// lineIndex finds the line and column of a byte offset in a document's
// source. Counting newlines from the start for every link (diag.LineCol)
// made a page of many links quadratic: 1 MB of "[a](b) " took 47 s.
// The index counts them once, and each look-up is a binary search.
type lineIndex struct {
	starts []int // offset of the first byte of each line after the first
}

// lineCol returns the 1-based line and column of offset in src, as
// diag.LineCol does.
func (d *Doc) lineCol(offset int) (line, col int) {
	offset = min(offset, len(d.src))
	if d.lines.starts == nil {
		d.lines.starts = make([]int, 0, bytes.Count(d.src, []byte("\n")))
		for i, b := range d.src {
			if b == '\n' {
				d.lines.starts = append(d.lines.starts, i+1)
			}
		}
	}
	// Lines starting at or before offset, after the first.
	n := sort.SearchInts(d.lines.starts, offset+1)
	if n == 0 {
		return 1, offset + 1
	}
	return n + 1, offset - d.lines.starts[n-1] + 1
}
