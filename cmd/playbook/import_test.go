package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

var mkdocsHandbook = map[string]string{
	"mkdocs.yml":          "site_name: Handbook\nnav:\n  - Home: index.md\n  - Sales: sales/index.md\n",
	"docs/index.md":       "# Handbook\n\nSee [sales](sales/index.md).\n",
	"docs/sales/index.md": "---\ntitle: Sales\nhide:\n  - toc\n---\n\nHow we sell. [Missing](gone.md).\n",
}

var hugoHandbook = map[string]string{
	"hugo.toml":          "title = \"Handbook\"\n",
	"content/_index.md":  "+++\ntitle = \"Handbook\"\n+++\nHello.\n",
	"content/sales/a.md": "+++\ntitle = \"A\"\nweight = 2\n+++\nText.\n",
	"layouts/index.html": "<html></html>\n",
}

var gitbookHandbook = map[string]string{
	".gitbook.yaml":               "root: ./\n",
	"SUMMARY.md":                  "# Summary\n\n* [Handbook](README.md)\n* [Sales](sales/README.md)\n  * [Deals](sales/deals.md)\n",
	"README.md":                   "# Handbook\n\nWelcome.\n",
	"sales/README.md":             "# Sales\n\n![chart](../.gitbook/assets/chart%201.png)\n",
	"sales/deals.md":              "# Deals\n\nSee [the missing part](README.md#nowhere).\n",
	".gitbook/assets/chart 1.png": "png",
}

func TestImportUsage(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "handbook")
	fixture.WriteTo(t, src, mkdocsHandbook)
	file := filepath.Join(dir, "file.md")
	full := filepath.Join(dir, "full")
	if err := os.WriteFile(file, []byte("# x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(full, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"import"}, "give the handbook's folder"},
		{[]string{"import", filepath.Join(dir, "missing")}, "missing does not exist"},
		{[]string{"import", file}, "file.md is a file"},
		{[]string{"import", src, full}, "full is not empty"},
		{[]string{"import", src, src}, "is the handbook itself"},
		{[]string{"import", src, filepath.Join(src, "docs", "out")}, "is inside the handbook"},
		{[]string{"import", src, filepath.Join(src, "site")}, "is inside the handbook"},
		{[]string{"import", src, filepath.Join(dir, "x"), "--from", "wordpress"}, `--from: unknown source "wordpress"`},
		{[]string{"import", src, filepath.Join(dir, "x"), "--commit"}, "--commit is for an import in place"},
		{[]string{"import", "a", "b", "c"}, "playbook import SRC [DIR]"},
		{[]string{"import", src}, "is not in git, so an in-place import could not be undone: give a DIR to write a copy, or --force"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI(c.args...)
		if code != exitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

func TestImportDryRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "handbook")
	fixture.WriteTo(t, src, hugoHandbook)
	dest := filepath.Join(dir, "playbook")
	code, stdout, stderr := runCLI("import", "--dry-run", src, dest)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Errorf("--dry-run made %s", dest)
	}
	if !strings.Contains(stdout, "Would import a hugo handbook (detected by hugo.toml and content/)") {
		t.Errorf("summary: %q", stdout)
	}
	if !strings.Contains(stderr, "old configuration hugo.toml") || !strings.Contains(stderr, "playbook.toml would be:") {
		t.Errorf("the plan does not list every file and the config:\n%s", stderr)
	}
	// In place, a dry run leaves the handbook as it was.
	before := listFiles(t, src)
	if code, _, stderr := runCLI("import", "--dry-run", src); code != exitOK {
		t.Fatalf("in place: exit %d: %s", code, stderr)
	}
	if after := listFiles(t, src); after != before {
		t.Errorf("--dry-run in place changed the handbook")
	}
}

func TestImportThenBuild(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "handbook")
	fixture.WriteTo(t, src, gitbookHandbook)
	dest := filepath.Join(dir, "playbook")
	code, stdout, stderr := runCLI("import", src, dest)
	if code != exitOK {
		t.Fatalf("import: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Imported a gitbook handbook") || !strings.Contains(stdout, "recorded in .playbook-baseline.json") {
		t.Errorf("summary: %q", stdout)
	}
	for _, f := range []string{"playbook.toml", "IMPORT-REPORT.md", ".playbook-baseline.json", "content/README.md"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Errorf("missing %s: %v", f, err)
		}
	}
	if code, _, stderr := runCLI("build", "--latest-only", dest); code != exitOK {
		t.Errorf("build after import: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runCLI("check", dest); code != exitOK {
		t.Errorf("check after import: exit %d: %s", code, stderr)
	}
}

func listFiles(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	_ = filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			b.WriteString(p + " " + fi.ModTime().String() + "\n")
		}
		return nil
	})
	return b.String()
}
