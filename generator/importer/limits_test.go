package importer

import (
	"strings"
	"testing"
)

// TestPastLimitsCarriedOver: a page past the limits a build checks is
// carried over unconverted, with a note at its line, instead of goldmark
// reading 100 kB of unclosed links for them (3 s; a few MB: minutes).
func TestPastLimitsCarriedOver(t *testing.T) {
	bad := "# Bad\n\n" + strings.Repeat("[a](b", 20000) + "\n"
	res, dest, report := importFiles(t, map[string]string{
		"index.md": "# Home\n\nSee [the guide](guide.md).\n",
		"guide.md": "# Guide\n\nText.\n",
		"bad.md":   bad,
	})
	if n := res.Counts["pages past a limit, carried over unconverted"]; n != 1 {
		t.Errorf("counts %v: want 1 page past a limit", res.Counts)
	}
	if want := "content/bad.md:3: page past a limit: this paragraph has 40,000 link brackets and emphasis marks"; !strings.Contains(report, want) {
		t.Errorf("the report lacks %q:\n%.3000s", want, report)
	}
	if got := readOut(t, dest, "content/bad.md"); !strings.HasSuffix(got, bad) {
		t.Errorf("the body was changed: %.200q", got)
	}
	if got := readOut(t, dest, "content/index.md"); !strings.Contains(got, "(guide.md)") {
		t.Errorf("the other pages are not converted: %q", got)
	}
}

// A page the build refuses is an error the import cannot record in the
// baseline: the summary and the report say it must be fixed, and never
// that no problems are left.
func TestFailingImportNotCalledClean(t *testing.T) {
	res, _, report := importFiles(t, map[string]string{
		"index.md": "# Home\n\nText.\n",
		"bad.md":   "# Bad\n\n" + strings.Repeat("[a](b", 20000) + "\n",
	})
	if len(res.Failing) == 0 {
		t.Fatal("the page past a limit is not an error that stops the build")
	}
	var summary strings.Builder
	res.Summary(&summary)
	for what, text := range map[string]string{"summary": summary.String(), "report": report} {
		if strings.Contains(text, "No problems left") || strings.Contains(text, "`playbook check` passes") {
			t.Errorf("the %s says the content is clean:\n%s", what, text)
		}
	}
	if !strings.Contains(summary.String(), "must be fixed before the playbook builds") {
		t.Errorf("the summary does not say what stops the build:\n%s", summary.String())
	}
}
