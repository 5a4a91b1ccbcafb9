package importer

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Left returns the notes on what the import could not do, sorted by
// file and line.
func (r *Result) Left() []Note {
	var out []Note
	for _, n := range r.Notes {
		if !n.Converted {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

func (n Note) String() string {
	at := n.File
	if n.Line > 0 {
		at += fmt.Sprintf(":%d", n.Line)
	}
	if n.Message == "" {
		return at + ": " + n.Kind
	}
	return at + ": " + n.Kind + ": " + n.Message
}

// counted returns the counts in a fixed order: largest first, then by name.
func (r *Result) counted() []string {
	keys := make([]string, 0, len(r.Counts))
	for k, n := range r.Counts {
		if n > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if r.Counts[keys[i]] != r.Counts[keys[j]] {
			return r.Counts[keys[i]] > r.Counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys
}

func (r *Result) pages() int {
	n := 0
	for _, f := range r.Files {
		if f.Action == "page" || f.Action == "made" {
			n++
		}
	}
	return n
}

// Summary writes the short account the command prints.
func (r *Result) Summary(w io.Writer) {
	verb := "Imported"
	if r.DryRun {
		verb = "Would import"
	}
	fmt.Fprintf(w, "%s a %s handbook (detected by %s): %d pages", verb, r.Kind, r.Detected, r.pages())
	if r.InPlace {
		how := "in place"
		if r.Git {
			how += ", with git mv"
		}
		fmt.Fprintf(w, ", %s\n", how)
	} else {
		fmt.Fprintf(w, ", into %s\n", r.Root)
	}
	for _, k := range r.counted() {
		fmt.Fprintf(w, "  %5d %s\n", r.Counts[k], countName(r.Counts[k], k))
	}
	if left := r.Left(); len(left) > 0 {
		fmt.Fprintf(w, "  %5d %s left to do by hand (listed in %s)\n", len(left), plural(len(left), "thing", "things"), ReportFile)
	}
	if r.DryRun {
		return
	}
	if len(r.Known) > 0 {
		fmt.Fprintf(w, "%d %s in the content %s recorded in %s, so that the playbook builds now; %s lists them for their owners.\n", len(r.Known), plural(len(r.Known), "problem", "problems"), plural(len(r.Known), "was", "were"), baseline.DefaultFile, ReportFile)
	} else if len(r.Failing) == 0 {
		fmt.Fprintln(w, "No problems left in the content.")
	}
	if len(r.Failing) > 0 {
		fmt.Fprintf(w, "%d %s must be fixed before the playbook builds:\n", len(r.Failing), plural(len(r.Failing), "error", "errors"))
		for _, d := range r.Failing {
			fmt.Fprintf(w, "  %s\n", d.String())
		}
	}
	switch {
	case r.MoveCommit != "":
		fmt.Fprintf(w, "Committed the moves as %s and the conversion as %s, and listed both in .git-blame-ignore-revs.\n", short(r.MoveCommit), short(r.Commit))
	case r.Commit != "":
		fmt.Fprintf(w, "Committed the import as %s and listed it in .git-blame-ignore-revs.\n", short(r.Commit))
	}
	if len(r.Failing) == 0 {
		fmt.Fprintf(w, "Preview it with: playbook serve %s\n", r.Root)
	}
	if len(r.Advice) > 2 {
		fmt.Fprintln(w, "Commit the moves (git mv staged them) and then the conversion, so that history follows every page, then leave both out of pages' last change:")
	} else if len(r.Advice) > 0 {
		fmt.Fprintln(w, "Commit the import, then leave it out of pages' last change:")
	}
	for _, a := range r.Advice {
		fmt.Fprintf(w, "  %s\n", a)
	}
}

// countName is a count's name for n: "1 key dropped (id)".
func countName(n int, k string) string {
	if rest, ok := strings.CutPrefix(k, "keys "); ok && n == 1 {
		return "key " + rest
	}
	return k
}

// plural picks the word for n of a thing.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// Report returns IMPORT-REPORT.md.
func Report(r *Result) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Import report\n\n")
	fmt.Fprintf(&b, "Imported from **%s** (detected by %s) with `playbook import`", r.Kind, r.Detected)
	if r.InPlace {
		fmt.Fprintf(&b, ", in place")
		if r.Git {
			fmt.Fprintf(&b, " (files moved with `git mv`, so `git log --follow` reaches their history)")
		}
	}
	fmt.Fprintf(&b, ". %d pages.\n\n", r.pages())

	// What owners must act on comes first; the long list of moves last.
	reportProblems(&b, r)
	reportLeft(&b, r)
	reportChanges(&b, r)
	return b.Bytes()
}

// reportProblems writes the problems left in the content, by file.
func reportProblems(b *bytes.Buffer, r *Result) {
	fmt.Fprintf(b, "## Problems left in the content\n\n")
	if len(r.Failing) > 0 {
		fmt.Fprintf(b, "These errors stop the build until they are fixed:\n\n")
		for _, d := range r.Failing {
			fmt.Fprintf(b, "- %s\n", d.String())
		}
		fmt.Fprintln(b)
	}
	if len(r.Known) == 0 {
		if len(r.Failing) == 0 {
			fmt.Fprintf(b, "None: `playbook check` passes.\n")
		}
		return
	}
	fmt.Fprintf(b, "These were in the handbook before the import. They are recorded in `%s`, so that the playbook builds and `playbook check` passes now, and only new problems fail. Fix them one pull request at a time, then run `playbook check --update-baseline`.\n\n", baseline.DefaultFile)
	byRule := map[string]int{}
	for _, d := range r.Known {
		byRule[d.Rule]++
	}
	rules := make([]string, 0, len(byRule))
	for k := range byRule {
		rules = append(rules, k)
	}
	sort.Strings(rules)
	for _, k := range rules {
		fmt.Fprintf(b, "- %d × %s\n", byRule[k], k)
	}
	known := append(diag.List(nil), r.Known...)
	known.Sort()
	file := ""
	for _, d := range known {
		if d.File != file {
			file = d.File
			fmt.Fprintf(b, "\n### `%s`\n\n", file)
		}
		fmt.Fprintf(b, "- line %d: %s\n", d.Line, strings.TrimSpace(d.Message))
	}
}

// reportLeft writes what the import could not convert.
func reportLeft(b *bytes.Buffer, r *Result) {
	fmt.Fprintf(b, "\n## What the import could not do\n\n")
	left := r.Left()
	if len(left) == 0 {
		fmt.Fprintf(b, "Nothing.\n")
	}
	for _, n := range left {
		fmt.Fprintf(b, "- %s\n", n)
	}

}

// reportChanges writes what the import changed, the moves folded away.
func reportChanges(b *bytes.Buffer, r *Result) {
	fmt.Fprintf(b, "\n## What changed\n\n")
	for _, k := range r.counted() {
		fmt.Fprintf(b, "- %d %s\n", r.Counts[k], countName(r.Counts[k], k))
	}
	var moved, out []FileResult
	for _, f := range r.Files {
		switch {
		case f.New != "" && f.New != f.Old && f.Old != "":
			moved = append(moved, f)
		case f.Action == "old configuration" || f.Action == "navigation":
			out = append(out, f)
		}
	}
	if len(moved) > 0 {
		fmt.Fprintf(b, "\n<details><summary>%d files moved</summary>\n\n", len(moved))
		for _, f := range moved {
			fmt.Fprintf(b, "- `%s` → `%s`\n", f.Old, f.New)
		}
		fmt.Fprintf(b, "\n</details>\n")
	}
	var renamed []Note
	for _, n := range r.Notes {
		if n.Converted && (n.Kind == "moved into its folder" || n.Kind == "renamed" || n.Kind == "moved aside") {
			renamed = append(renamed, n)
		}
	}
	if len(renamed) > 0 {
		fmt.Fprintf(b, "\nFiles given a new name, and why:\n\n")
		for _, n := range renamed {
			fmt.Fprintf(b, "- `%s`: %s\n", n.File, n.Message)
		}
	}
	var repaired []Note
	for _, n := range r.Notes {
		if n.Converted && n.Kind == "anchor repaired" {
			repaired = append(repaired, n)
		}
	}
	if len(repaired) > 0 {
		fmt.Fprintf(b, "\n<details><summary>%d links to headings repaired: the old tool made heading IDs by other rules</summary>\n\n", len(repaired))
		for _, n := range repaired {
			fmt.Fprintf(b, "- `%s:%d`: %s\n", n.File, n.Line, strings.TrimSuffix(n.Message, " (the old tool made heading IDs another way)"))
		}
		fmt.Fprintf(b, "\n</details>\n")
	}
	if len(out) > 0 {
		where := "left out of the playbook"
		if r.InPlace {
			where = "left where they were (remove them once the old site is retired)"
		}
		fmt.Fprintf(b, "\n<details><summary>%d files of the old tool %s</summary>\n\n", len(out), where)
		for _, f := range out {
			fmt.Fprintf(b, "- `%s`: %s\n", f.Old, f.Why)
		}
		fmt.Fprintf(b, "\n</details>\n")
	}

}
