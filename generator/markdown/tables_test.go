package markdown

import (
	"strings"
	"testing"
)

func TestTableWrap(t *testing.T) {
	cases := []struct{ name, src, open string }{
		{"named by its columns", "| Part | Time |\n|---|---|\n| Baseline | 5 min |\n",
			`<div class="table-wrap" tabindex="0" role="region" aria-label="Table: Part, Time">`},
		{"markup and quotes in headings", "| **Cost** | \"Value\" |\n|---|---|\n| 1 | 2 |\n",
			`<div class="table-wrap" tabindex="0" role="region" aria-label="Table: Cost, “Value”">`},
		{"empty headings", "| | |\n|---|---|\n| 1 | 2 |\n",
			`<div class="table-wrap" tabindex="0" role="region" aria-label="Table">`},
		{"in a list", "- item\n\n  | A |\n  |---|\n  | 1 |\n",
			`<div class="table-wrap" tabindex="0" role="region" aria-label="Table: A">`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := render(t, New(Options{}), c.src)
			if !strings.Contains(out, c.open+"\n<table>") || !strings.Contains(out, "</table>\n</div>\n") {
				t.Errorf("got %q, want the table inside %s", out, c.open)
			}
		})
	}
	// The search text keeps the table's cells.
	doc := New(Options{}).Parse([]byte("## Agenda\n\n| Part | Time |\n|---|---|\n| Baseline | 5 min |\n"))
	if s := doc.Sections(); len(s) != 2 || !strings.Contains(s[1].Text, "Baseline") {
		t.Errorf("sections = %+v, want the cells under Agenda", s)
	}
}
