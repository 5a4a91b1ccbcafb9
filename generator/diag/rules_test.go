package diag

import (
	"slices"
	"strings"
	"testing"
)

func TestLevels(t *testing.T) {
	for _, c := range []struct {
		rule, value string
		want        Level
		err         string
	}{
		{"anchor", "warning", Level{Severity: Warning}, ""},
		{"review", "off", Level{Off: true}, ""},
		{"link", "note", Level{Severity: Info}, ""},
		{"review", "error", Level{Severity: Error}, ""},
		{"config", "error", Level{Severity: Error}, ""},
		{"anchor", "warnng", Level{}, `"warnng" is not a severity: use one of error, warning, note, off (did you mean "warning"?)`},
		{"anchr", "warning", Level{}, `unknown rule "anchr" (did you mean "anchor"?)`},
		{"config", "warning", Level{}, `rule "config" cannot be lowered: the build needs a valid playbook.toml`},
		{"duplicate-url", "off", Level{}, `rule "duplicate-url" cannot be lowered`},
		{"front-matter", "warning", Level{}, `rule "front-matter" cannot be lowered: a page whose front matter cannot be read is left out`},
		{"markdown", "note", Level{}, `rule "markdown" cannot be lowered`},
		{"template", "off", Level{}, `rule "template" cannot be lowered`},
	} {
		l, err := ParseLevel(c.value)
		if err == nil {
			err = CheckLevel(c.rule, l)
		}
		switch {
		case c.err == "" && (err != nil || l != c.want):
			t.Errorf("%s = %q: %+v, %v; want %+v", c.rule, c.value, l, err, c.want)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s = %q: error %v, want %q", c.rule, c.value, err, c.err)
		}
	}
}

func TestRulesSorted(t *testing.T) {
	names := RuleNames()
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("Rules are not sorted and unique: %v", names)
	}
}

func TestOnlyCandidate(t *testing.T) {
	for _, c := range []struct {
		word  string
		cands []string
		want  string
	}{
		{"pricng", []string{"pricing", "objections"}, "pricing"},
		{"pricing-2", []string{"pricing-1", "pricing-3"}, ""}, // two as close: not sure
		{"contrast-rule", []string{"contrast-rules", "no-red-on-purpose"}, "contrast-rules"},
		{"nothing", []string{"pricing"}, ""},
	} {
		if got := OnlyCandidate(c.word, c.cands); got != c.want {
			t.Errorf("OnlyCandidate(%q, %v) = %q, want %q", c.word, c.cands, got, c.want)
		}
	}
}
