package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/tomlpos"
)

// [markdown] max_nesting, max_page_size and max_table_cells bound a page
// before goldmark reads it (generator/markdown's Limits): deep nesting and
// wide tables make it slow beyond any size, so one pasted file could stall
// a build.

// Size is a number of bytes, written in playbook.toml as a number
// (5000000) or a string with a unit ("5MB", "512 kB", "8MiB"). The zero
// Size means the default.
type Size struct {
	text  string
	bytes int64
	err   error // why text is not a size; reported by Load
}

// UnmarshalText reads a size. It never fails: a wrong size is kept and
// reported by Load with its line, so that the rest of the file is still
// read.
func (s *Size) UnmarshalText(b []byte) error {
	s.text = string(b)
	s.bytes, s.err = ParseSize(s.text)
	return nil
}

// Bytes returns the size in bytes (0: the default).
func (s Size) Bytes() int64 { return s.bytes }

// String returns the size as the playbook wrote it.
func (s Size) String() string { return s.text }

// sizeUnit is what a Size's unit multiplies by, lower case: kB and MB are
// powers of 1000, KiB and MiB powers of 1024.
func sizeUnit(unit string) (int64, bool) {
	switch unit {
	case "", "b":
		return 1, true
	case "kb":
		return 1e3, true
	case "mb":
		return 1e6, true
	case "gb":
		return 1e9, true
	case "kib":
		return 1 << 10, true
	case "mib":
		return 1 << 20, true
	case "gib":
		return 1 << 30, true
	}
	return 0, false
}

// ParseSize reads a size written as a number of bytes or with a unit:
// "5000000", "5MB", "1.5 MB", "512kB", "8MiB".
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	i := strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if i < 0 {
		i = len(t)
	}
	num, unit := t[:i], strings.ToLower(strings.TrimSpace(t[i:]))
	mult, ok := sizeUnit(unit)
	if !ok || num == "" {
		return 0, fmt.Errorf("%q is not a size: write bytes (5000000) or a size with a unit, like \"5MB\", \"512kB\" or \"8MiB\"", s)
	}
	n, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a size: write bytes (5000000) or a size with a unit, like \"5MB\"", s)
	}
	bytes := n * float64(mult)
	if bytes < 1 {
		return 0, errors.New("must be at least 1 byte")
	}
	if bytes > math.MaxInt64/2 {
		return 0, fmt.Errorf("%q is too large: use a size below a few GB", s)
	}
	return int64(bytes), nil
}

// The highest limits a playbook may set: nesting 1,000 deep on one line,
// or a table of 1,000,000 cells, takes goldmark seconds already.
const (
	maxNestingBound    = 1000
	maxTableCellsBound = 1_000_000
)

// checkLimits reports a wrong max_nesting, max_page_size or
// max_table_cells and puts the default (zero) in its place, so that check
// goes on with the rest.
func (m *Markdown) checkLimits(diags *diag.List, lines tomlpos.Lines) {
	// The upper bounds keep the limits limits: goldmark's time grows
	// faster than the input past them, so one page could stall a build.
	if pos, set := lines["markdown.max_nesting"]; set && (m.MaxNesting < 1 || m.MaxNesting > maxNestingBound) {
		errorAt(diags, pos, "config", "markdown.max_nesting is %d: set how deep lists and quotes may nest, like 64 (from 1 to %d)", m.MaxNesting, maxNestingBound)
		m.MaxNesting = 0
	}
	if pos, set := lines["markdown.max_table_cells"]; set && (m.MaxTableCells < 1 || m.MaxTableCells > maxTableCellsBound) {
		errorAt(diags, pos, "config", "markdown.max_table_cells is %d: set how many table cells a page may have, like 100000 (from 1 to %d)", m.MaxTableCells, maxTableCellsBound)
		m.MaxTableCells = 0
	}
	if err := m.MaxPageSize.err; err != nil {
		errorAt(diags, lines.FindPos("markdown", "max_page_size"), "config", "markdown.max_page_size: %v", err)
		m.MaxPageSize = Size{}
	}
}
