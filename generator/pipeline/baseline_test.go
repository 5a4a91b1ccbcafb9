package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// The live preview with a baseline: an edit that keeps a baselined broken
// anchor still publishes (body and front matter edits alike); an edit to
// the anchor's line makes it new, and the update fails.
func TestUpdateKeepsBaselinedProblems(t *testing.T) {
	dir := fixture.Copy(t, "../../playbook")
	const rel = "content/brand/colours.md"
	page := filepath.Join(dir, rel)
	src, _ := os.ReadFile(page)
	broken := "See [the rules](#contrast-rule).\n"
	write := func(text string) {
		if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(string(src) + "\n" + broken)
	opts := Options{Source: dir, Today: fixtureToday}
	_, err := Generate(opts)
	list, _ := diag.From(err)
	if len(list) != 1 || list[0].Rule != "anchor" {
		t.Fatalf("before the baseline: %v", err)
	}
	if err := baseline.Write(dir, baseline.DefaultFile, list); err != nil {
		t.Fatal(err)
	}
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	if line := baseline.KnownLine(cur.Diags, baseline.DefaultFile); line != "1 known problem left in .playbook-baseline.json" {
		t.Errorf("full build: %q\n%v", line, cur.Diags)
	}
	for _, c := range []struct{ name, text, how string }{
		{"body edit above", strings.Replace(string(src), "## Contrast rules", "A new paragraph.\n\n## Contrast rules", 1) + "\n" + broken, "body"},
		{"title edit", strings.Replace(string(src), `title = "Colors"`, `title = "Colours"`, 1) + "\n" + broken, ""},
	} {
		write(c.text)
		next, _, err := cur.Update([]string{rel})
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.how != "" && next.how != c.how {
			t.Errorf("%s: updated by %q, want %q", c.name, next.how, c.how)
		}
		if line := baseline.KnownLine(next.Diags, baseline.DefaultFile); line != "1 known problem left in .playbook-baseline.json" {
			t.Errorf("%s: %q\n%v", c.name, line, next.Diags)
		}
		cur = next
	}
	write(string(src) + "\nSee [the rules](#contrast-rule) again.\n")
	if _, _, err := cur.Update([]string{rel}); err == nil || !strings.Contains(err.Error(), "#contrast-rule") {
		t.Errorf("an edited line kept its problem known: %v", err)
	}
}
