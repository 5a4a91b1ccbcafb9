package check

import (
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Formats names the report formats Write accepts.
var Formats = []string{"text", "github", "json"}

// Report writes findings in a format:
//
//   - "text": file:line:col: severity: rule: message, grouped by file with
//     a blank line between files, in colour when color is set, then a
//     summary line.
//   - "github": workflow commands (::error file=…,line=…,col=…,title=…::…)
//     that GitHub Actions shows as annotations on the pull request. File
//     paths are prefixed with prefix, the playbook's folder inside the
//     repository (repository.content_path).
//   - "json": the schema in docs/check.md, version 1.
type Report struct {
	Format string
	Color  bool
	Prefix string
	// Baseline is the baseline file's name, for the line saying how many
	// known problems are left in it.
	Baseline string
	// Fixed lists what --fix changed, reported before what is left.
	Fixed *FixResult
}

// Write writes list to w.
func (r Report) Write(w io.Writer, list diag.List) error {
	switch r.Format {
	case "text", "":
		return writeText(w, list, r)
	case "github":
		return writeGitHub(w, list, r.Prefix)
	case "json":
		return writeJSON(w, list, r.Fixed)
	}
	return fmt.Errorf("unknown format %q: use one of %s", r.Format, strings.Join(Formats, ", "))
}

const (
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

func writeText(w io.Writer, list diag.List, r Report) error {
	paint := func(code, s string) string {
		if !r.Color {
			return s
		}
		return code + s + reset
	}
	var b strings.Builder
	if r.Fixed != nil {
		for _, f := range r.Fixed.Applied {
			fmt.Fprintf(&b, "%s: fixed: %s -> %s\n", diag.Diagnostic{File: f.File, Line: f.Line, Col: f.Col}.Pos(), f.Old, f.New)
		}
		for _, s := range r.Fixed.Skipped {
			fmt.Fprintf(&b, "%s: not fixed: %s\n", diag.Diagnostic{File: s.Fix.File, Line: s.Fix.Line, Col: s.Fix.Col}.Pos(), s.Why)
		}
		fmt.Fprintf(&b, "Fixed %s; what is left:\n\n", count(len(r.Fixed.Applied), "problem"))
	}
	for i, d := range list {
		if i > 0 && d.File != list[i-1].File {
			b.WriteByte('\n')
		}
		if pos := d.Pos(); pos != "" {
			b.WriteString(paint(bold, pos))
			b.WriteString(": ")
		}
		sev := d.Severity.String()
		switch d.Severity {
		case diag.Error:
			sev = paint(red+bold, sev)
		case diag.Warning:
			sev = paint(yellow+bold, sev)
		default:
			sev = paint(cyan, sev)
		}
		known := ""
		if d.Known {
			known = paint(dim, " (in baseline)")
		}
		fmt.Fprintf(&b, "%s: %s: %s%s\n", sev, paint(dim, d.Rule), d.Message, known)
	}
	errs, warns := Summary(list)
	if len(list) > 0 {
		b.WriteByte('\n')
	}
	files := map[string]bool{}
	for _, d := range list {
		files[d.File] = true
	}
	notes := len(list) - errs - warns
	switch {
	case len(list) == 0:
		b.WriteString("No problems found.\n")
	case notes > 0:
		fmt.Fprintf(&b, "%s, %s and %s in %s.\n", count(errs, "error"), count(warns, "warning"), count(notes, "note"), count(len(files), "file"))
	default:
		fmt.Fprintf(&b, "%s and %s in %s.\n", count(errs, "error"), count(warns, "warning"), count(len(files), "file"))
	}
	if line := knownLine(list, r.Baseline); line != "" {
		b.WriteString(line + ".\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// knownLine says how many known problems are left in the baseline.
func knownLine(list diag.List, file string) string {
	if file == "" {
		return ""
	}
	return baseline.KnownLine(list, file)
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// writeGitHub writes GitHub Actions workflow commands. Values are escaped
// as the runner expects: % and line breaks everywhere, and also : and ,
// in properties.
func writeGitHub(w io.Writer, list diag.List, prefix string) error {
	data := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	prop := strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	var b strings.Builder
	for _, d := range list {
		level := "error"
		switch d.Severity {
		case diag.Warning:
			level = "warning"
		case diag.Info:
			level = "notice"
		}
		b.WriteString("::" + level)
		var props []string
		if d.File != "" {
			props = append(props, "file="+prop.Replace(path.Join(prefix, d.File)))
		}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line))
		}
		if d.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Col))
		}
		props = append(props, "title="+prop.Replace("playbook "+d.Rule))
		b.WriteString(" " + strings.Join(props, ","))
		msg := d.Message
		if d.Known {
			msg += " (in baseline)"
		}
		b.WriteString("::" + data.Replace(msg) + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonReport is the JSON format, documented in docs/check.md. Fields are
// only ever added, never renamed or removed, within a version.
type jsonReport struct {
	Version     int             `json:"version"`
	Errors      int             `json:"errors"`
	Warnings    int             `json:"warnings"`
	Known       int             `json:"known"` // warnings that the baseline records
	Diagnostics []diagnosticOut `json:"diagnostics"`
	Fixed       []diag.Fix      `json:"fixed,omitempty"`     // --fix: what it changed
	NotFixed    []skippedOut    `json:"not_fixed,omitempty"` // --fix: what it could not
}

type skippedOut struct {
	diag.Fix
	Why string `json:"why"`
}

type diagnosticOut struct {
	File     string    `json:"file"`
	Line     int       `json:"line"`
	Column   int       `json:"column"`
	Severity string    `json:"severity"`
	Rule     string    `json:"rule"`
	Message  string    `json:"message"`
	Known    bool      `json:"known,omitempty"` // recorded in the baseline: reported, fails nothing
	Fix      *diag.Fix `json:"fix,omitempty"`   // the fix check --fix would apply
}

func writeJSON(w io.Writer, list diag.List, fixed *FixResult) error {
	errs, warns := Summary(list)
	out := jsonReport{Version: 1, Errors: errs, Warnings: warns, Diagnostics: []diagnosticOut{}}
	for _, d := range list {
		out.Diagnostics = append(out.Diagnostics, diagnosticOut{d.File, d.Line, d.Col, d.Severity.String(), d.Rule, d.Message, d.Known, d.Fix})
		if d.Known {
			out.Known++
		}
	}
	if fixed != nil {
		out.Fixed = fixed.Applied
		if out.Fixed == nil {
			out.Fixed = []diag.Fix{}
		}
		for _, s := range fixed.Skipped {
			out.NotFixed = append(out.NotFixed, skippedOut{s.Fix, s.Why})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
