package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// A layout or static file the build cannot load fails check too, at its
// file: a green check must mean the publish gets past loading them.
func TestCheckFindsLayoutsTheBuildRefuses(t *testing.T) {
	t.Run("template that does not parse", func(t *testing.T) {
		dir := fixture.Copy(t, "../pipeline/testdata/basic")
		fixture.WriteFile(t, dir, "layouts/partials/card.html", `{{ define "x" }}{{ .Nope }`)
		want := `layouts/partials/card.html:1: error: unexpected "}" in operand`
		if got := checkErrors(t, dir); !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	})
	t.Run("layout linked from outside the playbook", func(t *testing.T) {
		dir := fixture.Copy(t, "../pipeline/testdata/basic")
		outside := filepath.Join(t.TempDir(), "card.html")
		fixture.WriteFile(t, filepath.Dir(outside), "card.html", `{{ define "card" }}own{{ end }}`)
		if err := os.MkdirAll(filepath.Join(dir, "layouts", "partials"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, filepath.Join(dir, "layouts", "partials", "card.html")); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		want := "layouts/partials/card.html: error: is a symbolic link to " + outside + ", outside the playbook folder"
		if got := checkErrors(t, dir); !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	})
	t.Run("static file linked from outside the playbook", func(t *testing.T) {
		dir := fixture.Copy(t, "../pipeline/testdata/basic")
		outside := filepath.Join(t.TempDir(), "b.txt")
		fixture.WriteFile(t, filepath.Dir(outside), "b.txt", "hi")
		if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, filepath.Join(dir, "static", "b.txt")); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		want := "static/b.txt: error: is a symbolic link to " + outside + ", outside the playbook folder, and links out of the playbook are not followed: copy the file into static/ instead"
		if got := checkErrors(t, dir); !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	})
}

func checkErrors(t *testing.T, dir string) string {
	t.Helper()
	list, err := Run(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, d := range list {
		if d.Severity == diag.Error {
			lines = append(lines, d.String())
		}
	}
	return strings.Join(lines, "\n")
}
