package main

import (
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// A page nested too deep or too large is refused before goldmark reads it,
// at its file and line, by build and check alike, and the rest of the
// playbook is still checked: another page's error is reported in the same
// run, and a link to the refused page is no error.
func TestLimits(t *testing.T) {
	var quotes strings.Builder
	quotes.WriteString("+++\ntitle = \"Quotes\"\n+++\nIntro.\n\n")
	for i := 1; i <= 100; i++ {
		quotes.WriteString(strings.Repeat(">", i) + " x\n")
	}
	files := maps.Clone(smallPlaybook)
	files["playbook.toml"] += "\n[markdown]\nmax_page_size = \"200kB\"\n"
	files["content/guides/list.md"] = "+++\ntitle = \"List\"\n+++\nIntro.\n\n" + strings.Repeat("- ", 10000) + "x\n"
	files["content/guides/quotes.md"] = quotes.String()
	files["content/guides/big.md"] = "+++\ntitle = \"Big\"\n+++\n" + strings.Repeat("Some prose.\n", 20000)
	files["content/guides/fine.md"] = "+++\ntitle = \"Fine\"\n+++\nSee [the list](list.md) and [broken](nowhere.md).\n"
	dir := fixture.Write(t, files)
	// build stops after loading content when a page has errors, as for
	// front matter errors; check goes on to links.
	want := map[string]string{
		"content/guides/list.md:6: error: ":    "list and quote nesting goes 10000 levels deep, more than the limit of 64 ([markdown] max_nesting in playbook.toml): flatten the list, or raise the limit",
		"content/guides/quotes.md:70: error: ": "list and quote nesting goes 65 levels deep, more than the limit of 64",
		"content/guides/big.md:16668: error: ": "the page is 240 kB, more than the limit of 200 kB ([markdown] max_page_size in playbook.toml): split it into several pages, or raise the limit",
	}
	for _, args := range [][]string{
		{"build", dir, "-o", filepath.Join(t.TempDir(), "out")},
		{"check", dir, "--today", "2026-11-25"},
	} {
		code, stdout, stderr := runCLI(args...)
		out := stdout + stderr
		if code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s", args[0], code, out)
		}
		for pos, msg := range want {
			if !strings.Contains(out, pos) || !strings.Contains(out, msg) {
				t.Errorf("%s: output lacks %s%s:\n%s", args[0], pos, msg, out)
			}
		}
		if args[0] == "check" && (strings.Count(out, "nowhere.md") != 1 || strings.Contains(out, "fine.md:4:5")) {
			t.Errorf("check: the broken link is not reported, or the link to the refused page is:\n%s", out)
		}
	}
}
