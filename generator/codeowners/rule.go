package codeowners

import (
	"bytes"
	"os"

	"github.com/playbook-ssg/playbook/generator/check/rule"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// CheckRule is playbook check's codeowners rule: it reports a CODEOWNERS file
// (made by playbook codeowners) that no longer matches the pages' owners.
// With an unreadable page the owners are not all known, so it waits until
// that is fixed.
func CheckRule(pb *rule.Playbook) diag.List {
	if len(pb.Unreadable) > 0 {
		return nil
	}
	f, err := Locate(pb.Source, pb.Config)
	if err != nil {
		return nil
	}
	if b, err := os.ReadFile(f.Path); err != nil || !bytes.Contains(b, []byte(Begin)) {
		return nil // no CODEOWNERS made by playbook codeowners: nothing to judge
	}
	// In use, CODEOWNERS also needs every page owner to have a team handle:
	// a page owned only by a function without one falls to everyone.
	_, noTeam := Generate(pb.Config, pb.Pages)
	return append(Compare(pb.Source, pb.Config, pb.Pages), noTeam...)
}
