package voice

import (
	"os"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// TestSamplePlaybook runs the sample playbook's rules over every page of
// it: the sample ships useful rules and no text that breaks them.
func TestSamplePlaybook(t *testing.T) {
	cfg, err := config.Load("../../playbook")
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Voice) < 5 {
		t.Fatalf("the sample playbook has %d voice rules, want a useful set", len(cfg.Voice))
	}
	rules, err := Compile(cfg.Voice)
	if err != nil {
		t.Fatal(err)
	}
	set, diags, err := content.Load(os.DirFS("../../playbook"), cfg)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	md := markdown.New(markdown.Options{})
	for _, p := range set.Pages {
		for _, d := range rules.Check(p, md) {
			t.Errorf("%s", d)
		}
	}
}

// TestSampleRulesCatchAvoid: the phrases the sample's objections list
// under avoid are what its rules are for; written in a response, most of
// them are flagged.
func TestSampleRulesCatchAvoid(t *testing.T) {
	cfg, err := config.Load("../../playbook")
	if err != nil {
		t.Fatal(err)
	}
	rules, err := Compile(cfg.Voice)
	if err != nil {
		t.Fatal(err)
	}
	set, _, err := content.Load(os.DirFS("../../playbook"), cfg)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	var caught []string
	for _, p := range set.Pages {
		if p.Objection == nil {
			continue
		}
		for _, phrase := range p.Objection.Avoid {
			src := "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\n+++\n" + phrase + "\n"
			var diags diag.List
			q := content.Parse("content/objections/x.md", []byte(src), cfg, &diags)
			if d := rules.Check(q, md); len(d) > 0 {
				caught = append(caught, d[0].Message)
			}
		}
	}
	if len(caught) < 5 {
		t.Errorf("the sample rules catch %d of the avoid phrases: %q", len(caught), caught)
	}
	t.Logf("caught %d avoid phrases:\n%s", len(caught), strings.Join(caught, "\n"))
}
