package preview

import (
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// An edit that nests a list 10,000 deep is a problem at its line, found
// in the time of any other edit, and the last good page stays served.
func TestTooDeepEdit(t *testing.T) {
	dir, base, events, _ := start(t)
	fixture.WriteFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\nIntro.\n\n"+strings.Repeat("- ", 10000)+"x\n")
	e := wait(t, events, "problem")
	if !strings.Contains(e.data, `"position":"content/guides/internal-notes.md:6"`) || !strings.Contains(e.data, "nesting goes 10000 levels deep, more than the limit of 64") {
		t.Errorf("problem event: %s", e.data)
	}
	if got := get(t, base+"/guides/internal-notes/"); !strings.Contains(got, "quetzalcoatl") {
		t.Errorf("last good page not served")
	}
}
