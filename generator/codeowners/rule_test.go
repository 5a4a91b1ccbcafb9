package codeowners

import (
	"path/filepath"
	"testing"

	"github.com/playbook-ssg/playbook/generator/check/rule"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// CheckRule judges only a CODEOWNERS file playbook codeowners made, and
// waits while a page cannot be read (its owners are not all known).
func TestCheckRule(t *testing.T) {
	repo := t.TempDir()
	cfg := parseConfig(t, "playbook", owners)
	made := []*content.Page{page(t, cfg, "objections/a.md", "sales")}
	section, _ := Generate(cfg, made)
	now := []*content.Page{page(t, cfg, "objections/a.md", "marketing")}
	pb := &rule.Playbook{Source: filepath.Join(repo, "playbook"), Config: cfg, Pages: now}

	if got := CheckRule(pb); got != nil {
		t.Errorf("no CODEOWNERS: %v", got)
	}
	fixture.WriteFile(t, repo, ".github/CODEOWNERS", "* @admins\n")
	if got := CheckRule(pb); got != nil {
		t.Errorf("hand-written CODEOWNERS: %v", got)
	}
	fixture.WriteFile(t, repo, ".github/CODEOWNERS", string(section))
	got := CheckRule(pb)
	if len(got) != 1 || got[0].Rule != Rule || got[0].File != "../.github/CODEOWNERS" {
		t.Errorf("stale CODEOWNERS: %v", got)
	}
	pb.Unreadable = []string{"content/objections/b.md"}
	if got := CheckRule(pb); got != nil {
		t.Errorf("with an unreadable page: %v", got)
	}
}
