package voice

import (
	checkrule "github.com/playbook-ssg/playbook/generator/check/rule"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/parallel"
)

// CheckRule is playbook check's voice rule: it applies the brand voice rules
// ([[voice]] in playbook.toml) to every page that could be read, drafts
// included: they are published later. (The import is renamed: this
// package has a rule type of its own.)
func CheckRule(pb *checkrule.Playbook) diag.List {
	rules, err := Compile(pb.Config.Voice)
	if err != nil || rules.Len() == 0 {
		return nil // the config check reports a rule that does not compile
	}
	found := make([]diag.List, len(pb.Pages))
	parallel.Each(len(pb.Pages), func(i int) { found[i] = rules.Check(pb.Pages[i], pb.Markdown) })
	var out diag.List
	for _, l := range found {
		out = append(out, l...)
	}
	return out
}
