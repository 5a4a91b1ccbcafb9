// Package diag defines the diagnostic shared by build errors and check
// findings: a message pinned to a file position, with a severity and a rule.
package diag

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Severity orders diagnostics from informational to fatal.
type Severity int

// Severities, least to most serious.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "note"
	case Warning:
		return "warning"
	default:
		return "error"
	}
}

// Diagnostic is one problem found in a playbook, located at File:Line:Col.
// Line and Col are 1-based; zero means unknown.
type Diagnostic struct {
	File     string // path relative to the playbook root, with forward slashes
	Line     int
	Col      int
	Severity Severity
	Rule     string // short identifier, e.g. "front-matter", "link" (see Rules)
	Message  string

	// Known marks a problem the playbook's baseline records: it is
	// reported (as a warning) but fails nothing.
	Known bool
	// Fix, when set, is a correction the tool is sure of, which
	// `playbook check --fix` applies.
	Fix *Fix
}

// Fix replaces the text Old with New in File, at Line (1-based), starting
// the search for Old at byte column Col (1-based; 0 means anywhere in the
// line).
type Fix struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column,omitempty"`
	Old  string `json:"old"`
	New  string `json:"new"`
}

// Pos renders "file:line:col", leaving out what is unknown.
func (d Diagnostic) Pos() string {
	switch {
	case d.File == "":
		return ""
	case d.Line == 0:
		return d.File
	case d.Col == 0:
		return fmt.Sprintf("%s:%d", d.File, d.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
	}
}

// String renders "file:line:col: severity: message".
func (d Diagnostic) String() string {
	var b strings.Builder
	if p := d.Pos(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	b.WriteString(d.Message)
	if d.Known {
		b.WriteString(" (in baseline)")
	}
	return b.String()
}

// List collects diagnostics. It is not safe for concurrent use; collect per
// goroutine and merge.
type List []Diagnostic

// Errorf appends an error diagnostic.
func (l *List) Errorf(file string, line, col int, rule, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Error, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// Warnf appends a warning diagnostic.
func (l *List) Warnf(file string, line, col int, rule, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// Notef appends an informational diagnostic.
func (l *List) Notef(file string, line, col int, rule, format string, args ...any) {
	*l = append(*l, Diagnostic{File: file, Line: line, Col: col, Severity: Info, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// Problems returns the warnings and errors, leaving out notes.
func (l List) Problems() List {
	var out List
	for _, d := range l {
		if d.Severity > Info {
			out = append(out, d)
		}
	}
	return out
}

// HasErrors reports whether any diagnostic is an error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders diagnostics by file, line, column, then message, so output is
// stable whatever order parallel work finished in.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Message < b.Message
	})
}

// Errors returns only the error diagnostics.
func (l List) Errors() List {
	var out List
	for _, d := range l {
		if d.Severity == Error {
			out = append(out, d)
		}
	}
	return out
}

// Err returns the list as an error when it holds at least one error, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return &ListError{List: l.Errors()}
}

// ListError is an error carrying diagnostics. Callers unwrap it with
// errors.As to print each one.
type ListError struct{ List List }

func (e *ListError) Error() string {
	parts := make([]string, len(e.List))
	for i, d := range e.List {
		parts[i] = d.String()
	}
	return strings.Join(parts, "\n")
}

// From extracts the diagnostics carried by err, if any.
func From(err error) (List, bool) {
	var le *ListError
	if errors.As(err, &le) {
		return le.List, true
	}
	return nil, false
}

// LineCol converts a byte offset in src to a 1-based line and column
// (column counted in bytes, as editors and compilers report it).
func LineCol(src []byte, offset int) (line, col int) {
	if offset > len(src) {
		offset = len(src)
	}
	line = 1
	last := -1
	for i := 0; i < offset; i++ {
		if src[i] == '\n' {
			line++
			last = i
		}
	}
	return line, offset - last
}

// MarshalJSON writes a diagnostic as an object with its position spelled
// out too ("position": "file:line:col"), for tools and the live preview.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Rule     string `json:"rule"`
		Message  string `json:"message"`
		Position string `json:"position"`
		Known    bool   `json:"known,omitempty"`
		Fix      *Fix   `json:"fix,omitempty"`
	}{d.File, d.Line, d.Col, d.Severity.String(), d.Rule, d.Message, d.Pos(), d.Known, d.Fix})
}
