package config

import (
	"strings"
	"testing"
)

func TestCheckSeverity(t *testing.T) {
	for _, c := range []struct {
		toml string
		want string // "" for no error, else the message at its line
	}{
		{"[check]\nseverity = { anchor = \"warning\", review = \"off\" }\n", ""},
		{"[check.severity]\nanchor = \"note\"\nlink = \"error\"\n", ""},
		{"[check]\nbaseline = \"ci/known.json\"\n", ""},
		{"[check.severity]\nanchr = \"warning\"\n", `playbook.toml:3:1: error: check.severity.anchr: unknown rule "anchr" (did you mean "anchor"?)`},
		{"[check.severity]\nanchor = \"warnng\"\n", `playbook.toml:3:1: error: check.severity.anchor: "warnng" is not a severity: use one of error, warning, note, off (did you mean "warning"?)`},
		{"[check.severity]\nlink = \"off\"\nduplicate-url = \"warning\"\n", `playbook.toml:4:1: error: check.severity.duplicate-url: rule "duplicate-url" cannot be lowered: one of the files would overwrite the other`},
		{"[check]\nseverity = { config = \"off\" }\n", `playbook.toml:3:1: error: check.severity.config: rule "config" cannot be lowered`},
		{"[check]\nbaseline = \"../elsewhere.json\"\n", `playbook.toml:3:1: error: check.baseline "../elsewhere.json" must be a file inside the playbook folder`},
		{"[check]\nbaselin = \"x.json\"\n", `unknown key "check.baselin" (did you mean "baseline"?)`},
	} {
		cfg, diags := parse([]byte("title = \"T\"\n" + c.toml))
		if cfg == nil {
			t.Fatalf("%s: not decoded: %v", c.toml, diags)
		}
		var got []string
		for _, d := range diags.Errors() {
			got = append(got, d.String())
		}
		all := strings.Join(got, "\n")
		if c.want == "" && all != "" || c.want != "" && !strings.Contains(all, c.want) {
			t.Errorf("%s: errors\n%s\nwant %s", c.toml, all, c.want)
		}
		if c.want != "" && len(cfg.Check.Severity) > 0 {
			for rule := range cfg.Check.Severity {
				if strings.Contains(c.want, rule+":") {
					t.Errorf("%s: the refused %s stayed in the config", c.toml, rule)
				}
			}
		}
	}
}
