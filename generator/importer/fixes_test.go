package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// importFiles writes files into a new handbook, imports it into a new
// folder, and returns the result, the folder and its report.
func importFiles(t *testing.T, files map[string]string) (*Result, string, string) {
	t.Helper()
	dir := t.TempDir()
	src, dest := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	fixture.WriteTo(t, src, files)
	res, err := Run(Options{Source: src, Dest: dest, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	report, err := os.ReadFile(filepath.Join(dest, ReportFile))
	if err != nil {
		t.Fatal(err)
	}
	return res, dest, string(report)
}

func readOut(t *testing.T, dest, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestGitbookRedirects: .gitbook.yaml's redirects become the target
// page's redirect_from; one to a missing page is left with its line.
func TestGitbookRedirects(t *testing.T) {
	_, dest, report := importFiles(t, map[string]string{
		".gitbook.yaml": "root: ./\n\nredirects:\n" +
			"   old/spend: /ops/spend/README.md\n" +
			"   old/it#top: ./ops/it.md#top\n" +
			"   old/it: ops/it.md\n" +
			"   old/gone: /ops/gone.md\n" +
			"   ops/it: /ops/it.md\n",
		"SUMMARY.md":          "# Summary\n\n* [Home](README.md)\n",
		"README.md":           "# Home\n",
		"ops/spend/README.md": "# Spend\n",
		"ops/it.md":           "# IT\n",
	})
	if got := readOut(t, dest, "content/ops/spend/README.md"); !strings.Contains(got, "redirect_from:\n  - /old/spend/\n") {
		t.Errorf("spend:\n%s", got)
	}
	if got := readOut(t, dest, "content/ops/it.md"); !strings.Contains(got, "redirect_from:\n  - /old/it/\n---") {
		t.Errorf("it:\n%s", got)
	}
	if !strings.Contains(report, "- .gitbook.yaml:7: redirect left out: old/gone: /ops/gone.md: ops/gone.md does not exist") {
		t.Errorf("report:\n%s", report)
	}
}

// TestSymlinksListed: a symbolic link is never followed, and is listed
// as left out.
func TestSymlinksListed(t *testing.T) {
	dir := t.TempDir()
	src, dest := filepath.Join(dir, "src"), filepath.Join(dir, "out")
	if err := os.MkdirAll(filepath.Join(src, "team"), 0o755); err != nil {
		t.Fatal(err)
	}
	fixture.WriteFile(t, dir, "outside.md", "# Outside\n")
	fixture.WriteFile(t, src, "README.md", "# Home\n")
	if err := os.Symlink(filepath.Join(dir, "outside.md"), filepath.Join(src, "team", "link.md")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	res, err := Run(Options{Source: src, Dest: dest, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(dest, "content", "team", "link.md")); err == nil {
		t.Errorf("the link was carried over")
	}
	found := false
	for _, f := range res.Files {
		if f.Old == "team/link.md" && f.Action == "left out" && strings.Contains(f.Why, "symbolic link: copy the file in if it is a page") {
			found = true
		}
	}
	if !found {
		t.Errorf("the link is not listed: %+v", res.Files)
	}
	if report := readOut(t, dest, ReportFile); !strings.Contains(report, "- team/link.md: left out: symbolic link: copy the file in if it is a page\n") {
		t.Errorf("report:\n%s", report)
	}
}

// TestCRLFFrontMatter: a CRLF page whose front matter is rewritten stays
// CRLF throughout, with no line ending in a lone \r or \n.
func TestCRLFFrontMatter(t *testing.T) {
	for name, page := range map[string]string{
		"front matter": "---\r\ntitle: Away\r\nlayout: page\r\nnav_order: 3\r\n---\r\n\r\n# Away\r\n\r\nText.\r\n",
		"none":         "# Away\r\n\r\nText.\r\n",
		"no blank":     "---\r\nlayout: page\r\n---\r\nText.\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, dest, _ := importFiles(t, map[string]string{"_config.yml": "title: X\r\n", "index.md": "# Home\n", "team/away.md": page})
			got := readOut(t, dest, "content/team/away.md")
			if strings.Count(got, "\n") != strings.Count(got, "\r\n") || strings.Contains(got, "\r\r") {
				t.Errorf("mixed line endings: %q", got)
			}
			if strings.Contains(got, "\n\r\n") && !strings.Contains(got, "\r\n\r\n") {
				t.Errorf("a stray line: %q", got)
			}
		})
	}
}

// TestNotUTF8LeftOut: a binary .md is left out with a note, and the
// import goes on; the summary's counts read as English.
func TestNotUTF8LeftOut(t *testing.T) {
	res, dest, report := importFiles(t, map[string]string{
		"README.md":     "# Home\n",
		"team/logo.md":  "\x89PNG\r\n\x1a\n\x00\xff\xfe",
		"team/about.md": "---\nlayout: page\n---\n# About\n",
	})
	if _, err := os.Stat(filepath.Join(dest, "content", "team", "logo.md")); err == nil {
		t.Errorf("the binary page was carried over")
	}
	if !strings.Contains(report, "- team/logo.md: left out: not UTF-8 text: left out; convert it to UTF-8 or delete it\n") {
		t.Errorf("report:\n%s", report)
	}
	var b strings.Builder
	res.Summary(&b)
	for _, want := range []string{"  1 key dropped (layout)\n", "  1 thing left to do by hand"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, b.String())
		}
	}
}
