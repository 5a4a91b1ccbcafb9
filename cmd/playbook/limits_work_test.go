package main

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// Tables too wide, blank lines in a deep list and paragraphs of unclosed
// links are refused before goldmark reads them (each took seconds to
// minutes), at their file and line, by build and check alike, and
// [markdown] max_table_cells raises the limit on tables.
func TestWorkLimits(t *testing.T) {
	table := "|" + strings.Repeat("a|", 1000) + "\n|" + strings.Repeat("-|", 1000) + "\n" + strings.Repeat("x\n", 990)
	files := maps.Clone(smallPlaybook)
	files["content/guides/table.md"] = "+++\ntitle = \"Table\"\n+++\nIntro.\n\n" + table
	files["content/guides/blank.md"] = "+++\ntitle = \"Blank\"\n+++\nIntro.\n\n" + strings.Repeat("- ", 16) + "x\n" + strings.Repeat("\n", 1_000_000)
	files["content/guides/links.md"] = "+++\ntitle = \"Links\"\n+++\nIntro.\n\n" + strings.Repeat("[a](b", 8000) + "\n"
	dir := fixture.Write(t, files)
	want := map[string]string{
		"content/guides/table.md:107: error: ":   "the page's tables have 101,000 cells (columns × rows) by this line, more than the limit of 100,000 ([markdown] max_table_cells in playbook.toml)",
		"content/guides/blank.md:31257: error: ": "the page's lines inside lists and quotes, each counted once for every level it is nested in, add up to 1,000,032 by this line, more than the limit of 1,000,000",
		"content/guides/links.md:6: error: ":     "this paragraph has 16,000 link brackets and emphasis marks ('[', '](', '*', '_', '~'), more than the limit of 1,000 in one paragraph",
	}
	for _, args := range [][]string{
		{"build", dir, "-o", filepath.Join(t.TempDir(), "out")},
		{"check", dir, "--today", "2026-11-25"},
	} {
		code, stdout, stderr := runCLI(args...)
		out := stdout + stderr
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\n%.2000s", args[0], code, out)
		}
		for pos, msg := range want {
			if !strings.Contains(out, pos+msg) && !strings.Contains(out, pos+"markdown: "+msg) {
				t.Errorf("%s: output lacks %s%s:\n%.2000s", args[0], pos, msg, out)
			}
		}
	}
	files["playbook.toml"] += "\n[markdown]\nmax_table_cells = 1000000\n"
	delete(files, "content/guides/blank.md")
	delete(files, "content/guides/links.md")
	code, stdout, stderr := runCLI("check", fixture.Write(t, files), "--today", "2026-11-25")
	if out := stdout + stderr; code != 0 && strings.Contains(out, "table.md") {
		t.Errorf("max_table_cells = 1000000: the table is still refused:\n%.2000s", out)
	}
}
