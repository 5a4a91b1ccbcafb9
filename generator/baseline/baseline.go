// Package baseline records a playbook's known problems, so that a team can
// adopt Playbook on an existing handbook and get stricter one pull request
// at a time, as lint baselines do: the file lists today's problems; a
// build, serve or check reports a known problem as a warning marked "(in
// baseline)" that fails nothing, while a new problem fails as before.
//
// A problem is matched on its file, rule, message (positions in it
// normalised) and a hash of its source line's trimmed text, never on its
// line number: lines inserted above a problem keep it known, but editing
// the line makes it new, so the baseline never hides a problem in a line
// that changed. Identical problems are counted.
package baseline

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/atomicfile"
)

// DefaultFile is the baseline's file name in the playbook folder.
const DefaultFile = ".playbook-baseline.json"

// Rule is the rule of the notes this package adds (entries that are fixed).
const Rule = "baseline"

// formatVersion is written in the file, so that a later format can tell.
const formatVersion = 1

// Entry is one recorded problem. Line is informational (where the problem
// was when recorded); matching uses Source, the hash of the line's text.
type Entry struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Rule    string `json:"rule"`
	Message string `json:"message"`
	Source  string `json:"source"`          // hash of the trimmed source line; "" when the problem has no line
	Count   int    `json:"count,omitempty"` // identical problems; left out when 1
}

// document is the file's JSON.
type document struct {
	Version  int     `json:"version"`
	Problems []Entry `json:"problems"`
}

// key identifies problems that count as the same.
type key struct{ file, rule, message, source string }

// Baseline is a loaded baseline file.
type Baseline struct {
	// File is the baseline's path relative to the playbook folder, for
	// messages.
	File    string
	counts  map[key]int
	entries int
	read    func(name string) ([]byte, error) // a playbook file, for source lines
}

// Summary says how a list compared with the baseline.
type Summary struct {
	File  string // the baseline's path in the playbook folder
	Known int    // problems the baseline records, reported as known
	Stale int    // recorded problems no longer found (fixed)
}

// Load reads a baseline; a missing file is an empty baseline, not an
// error. file is relative to the playbook folder root, and so are the
// files the problems name, whose lines are read when the baseline is
// applied.
func Load(root, file string) (*Baseline, error) {
	read := func(name string) ([]byte, error) {
		r, err := os.OpenRoot(root)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return r.ReadFile(filepath.FromSlash(name))
	}
	return load(read, file)
}

// LoadFS is Load for a playbook read from fsys (a tagged version read
// through git).
func LoadFS(fsys fs.FS, file string) (*Baseline, error) {
	return load(func(name string) ([]byte, error) { return fs.ReadFile(fsys, path.Clean(name)) }, file)
}

func load(read func(string) ([]byte, error), file string) (*Baseline, error) {
	b := &Baseline{File: file, counts: map[key]int{}, read: read}
	src, err := read(file)
	if errors.Is(err, fs.ErrNotExist) {
		return b, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the baseline %s: %w", file, err)
	}
	var doc document
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s is not a baseline file (%v): fix it, or delete it and run playbook check --update-baseline to write it again", file, jsonError(src, err))
	}
	if doc.Version != formatVersion {
		return nil, fmt.Errorf("%s has baseline format %d, but this playbook reads format %d: run playbook check --update-baseline to write it again", file, doc.Version, formatVersion)
	}
	for i, e := range doc.Problems {
		if e.File == "" || e.Rule == "" || e.Message == "" || e.Count < 0 {
			return nil, fmt.Errorf("%s: problem %d has no file, rule or message: fix it, or run playbook check --update-baseline to write the file again", file, i+1)
		}
		b.counts[key{e.File, e.Rule, normalise(e.Message), e.Source}] += max(e.Count, 1)
		b.entries += max(e.Count, 1)
	}
	return b, nil
}

// jsonError places a JSON syntax error at its line.
func jsonError(src []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := diag.LineCol(src, int(se.Offset))
		return fmt.Sprintf("line %d, column %d: %v", line, col, err)
	}
	return err.Error()
}

// Len is the number of problems the baseline records.
func (b *Baseline) Len() int { return b.entries }

// Eligible reports whether a baseline may record d: a warning or an error
// in a file, and not an error the build cannot go on with (diag.Rules
// says which).
func Eligible(d diag.Diagnostic) bool {
	if d.Severity < diag.Warning || d.File == "" {
		return false
	}
	if r, ok := diag.Rule(d.Rule); ok && r.Fixed != "" && d.Severity == diag.Error {
		return false
	}
	return true
}

// Write records the warnings and errors in list as the baseline of the
// playbook at root (reading each problem's source line from root),
// replacing the file. Problems a baseline cannot hold (see Eligible) are
// left out. The file is written atomically.
func Write(root, file string, list diag.List) error {
	b := &Baseline{File: file, read: func(name string) ([]byte, error) {
		r, err := os.OpenRoot(root)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return r.ReadFile(filepath.FromSlash(name))
	}}
	data, err := b.encode(list)
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(root, filepath.FromSlash(file)), data, 0o644)
}

// Encode returns the baseline file's JSON for list, as Write writes it.
func (b *Baseline) encode(list diag.List) ([]byte, error) {
	lines := b.sourceLines()
	counts := map[Entry]int{}
	for _, d := range list {
		if !Eligible(d) {
			continue
		}
		e := Entry{File: d.File, Line: d.Line, Rule: d.Rule, Message: d.Message, Source: lines(d)}
		counts[e]++
	}
	doc := document{Version: formatVersion, Problems: []Entry{}}
	for e, n := range counts {
		if n > 1 {
			e.Count = n
		}
		doc.Problems = append(doc.Problems, e)
	}
	slices.SortFunc(doc.Problems, func(a, b Entry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Source, b.Source))
	})
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the baseline: %w", err)
	}
	return append(data, '\n'), nil
}

// Apply marks the problems in list that the baseline knows: each becomes
// a warning with Known set, up to the number of identical problems
// recorded; the others are left as they are, and fail as before. It is
// idempotent: problems already marked known count against the baseline
// first. The summary's Stale counts recorded problems not found in list,
// which is only meaningful when list is every problem of the playbook
// (playbook check).
func (b *Baseline) Apply(list diag.List) (diag.List, Summary) {
	if b == nil {
		return list, Summary{}
	}
	sum := Summary{File: b.File}
	if b.entries == 0 {
		return list, sum
	}
	left := make(map[key]int, len(b.counts))
	for k, n := range b.counts {
		left[k] = n
	}
	lines := b.sourceLines()
	keyOf := func(d diag.Diagnostic) key { return key{d.File, d.Rule, normalise(d.Message), lines(d)} }
	out := slices.Clone(list)
	for _, d := range out {
		if d.Known {
			left[keyOf(d)]--
			sum.Known++
		}
	}
	for i, d := range out {
		if d.Known || !Eligible(d) {
			continue
		}
		k := keyOf(d)
		if left[k] > 0 {
			left[k]--
			out[i].Known = true
			out[i].Severity = diag.Warning
			sum.Known++
		}
	}
	for _, n := range left {
		sum.Stale += max(n, 0)
	}
	return out, sum
}

// StaleNote is the note check adds when recorded problems are fixed.
func (s Summary) StaleNote() (diag.Diagnostic, bool) {
	if s.Stale == 0 {
		return diag.Diagnostic{}, false
	}
	// An entry stops matching when its problem is fixed, and also when
	// its line was edited, in which case the problem shows as new above.
	what := fmt.Sprintf("%d entries in the baseline match no problem now", s.Stale)
	if s.Stale == 1 {
		what = "1 entry in the baseline matches no problem now"
	}
	return diag.Diagnostic{File: s.File, Severity: diag.Info, Rule: Rule,
		Message: what + " (fixed, or its line changed): once new problems are fixed, run playbook check --update-baseline to drop them"}, true
}

// KnownLine is the line the commands print after the diagnostics: "N
// known problems left in FILE", or "" when there are none.
func KnownLine(list diag.List, file string) string {
	n := 0
	for _, d := range list {
		if d.Known {
			n++
		}
	}
	switch n {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("1 known problem left in %s", file)
	}
	return fmt.Sprintf("%d known problems left in %s", n, file)
}

// sourceLines returns a function giving the hash of a problem's source
// line, reading each file once.
func (b *Baseline) sourceLines() func(diag.Diagnostic) string {
	files := map[string][][]byte{}
	return func(d diag.Diagnostic) string {
		if d.File == "" || d.Line < 1 {
			return ""
		}
		lines, ok := files[d.File]
		if !ok {
			src, err := b.read(d.File)
			if err == nil {
				lines = bytes.Split(src, []byte("\n"))
			}
			files[d.File] = lines
		}
		if d.Line > len(lines) {
			return ""
		}
		sum := sha256.Sum256(bytes.TrimSpace(lines[d.Line-1]))
		return hex.EncodeToString(sum[:8])
	}
}

// positionRe finds positions inside messages ("content/a.md:12:3", "line
// 12"), which move when lines are inserted above.
var (
	filePosRe = regexp.MustCompile(`(\.[A-Za-z]+):\d+(:\d+)?\b`)
	linePosRe = regexp.MustCompile(`\b(line|lines|column) \d+`)
	// A "did you mean" hint depends on other files (a page added with a
	// close name changes it), so it is not part of what a problem is.
	didYouMeanRe = regexp.MustCompile(` \(did you mean [^)]*\?\)`)
)

// normalise replaces the positions in a message by N and drops hints that
// depend on other files.
func normalise(msg string) string {
	msg = didYouMeanRe.ReplaceAllString(msg, "")
	msg = filePosRe.ReplaceAllString(msg, "$1:N")
	return linePosRe.ReplaceAllString(strings.TrimSpace(msg), "$1 N")
}
