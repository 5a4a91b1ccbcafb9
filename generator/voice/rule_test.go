package voice

import (
	"testing"

	checkrule "github.com/playbook-ssg/playbook/generator/check/rule"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// CheckRule applies the rules to every page, drafts included, and finds
// nothing when the playbook has no [[voice]] rules.
func TestCheckRule(t *testing.T) {
	pb := func(rules string) *checkrule.Playbook {
		cfg, err := config.Parse([]byte(rules))
		if err != nil {
			t.Fatal(err)
		}
		var diags diag.List
		var pages []*content.Page
		for _, f := range []struct{ file, src string }{
			{"content/A.md", "+++\ntitle = \"A\"\n+++\nA cheap offer.\n"},
			{"content/B.md", "+++\ntitle = \"B\"\ndraft = true\n+++\nStill cheap.\n"},
		} {
			p := content.Parse(f.file, []byte(f.src), cfg, &diags)
			if p == nil || diags.HasErrors() {
				t.Fatalf("page: %v", diags)
			}
			pages = append(pages, p)
		}
		return &checkrule.Playbook{Config: cfg, Pages: pages, Markdown: markdown.New(markdown.Options{})}
	}
	got := CheckRule(pb(rulesTOML))
	if len(got) != 2 || got[0].File != "content/A.md" || got[1].File != "content/B.md" || got[0].Rule != "voice" {
		t.Errorf("with rules: %v", got)
	}
	if got := CheckRule(pb("")); got != nil {
		t.Errorf("without rules: %v", got)
	}
}
