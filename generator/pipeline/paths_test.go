package pipeline

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pathCase is a playbook whose files a build cannot all write: files
// added to testdata/basic, and what the error says, at the file to
// change. testdata/paths.json holds them; check's tests read it too.
type pathCase struct {
	Name  string            `json:"name"`
	Files map[string]string `json:"files"`
	Want  []string          `json:"want"`
}

func pathCases(t *testing.T) []pathCase {
	t.Helper()
	b, err := os.ReadFile("testdata/paths.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []pathCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// Every collision stops the build before anything is written, at the
// files behind it; the previous output stays as it was.
func TestBuildRefusesPathCollisions(t *testing.T) {
	for _, c := range pathCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			dir := copyFixture(t, "testdata/basic")
			out := filepath.Join(t.TempDir(), "site")
			if _, err := Build(Options{Source: dir, Today: fixtureToday}, out); err != nil {
				t.Fatal(err)
			}
			before, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			for rel, text := range c.Files {
				writeFile(t, dir, rel, text)
			}
			_, err = Build(Options{Source: dir, Today: fixtureToday}, out)
			if err == nil {
				t.Fatal("built")
			}
			got := err.Error()
			for _, w := range c.Want {
				if !strings.Contains(got, w) {
					t.Errorf("want %q in:\n%s", w, got)
				}
			}
			if strings.Contains(got, "is a directory") || strings.Contains(got, ".tmp-") {
				t.Errorf("names no source file:\n%s", got)
			}
			after, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil || !bytes.Equal(before, after) {
				t.Errorf("previous output changed (%v)", err)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 1 {
				t.Errorf("left beside the output: %v", entries)
			}
		})
	}
}

// Without a full base_url the build writes no sitemap, so a page may
// take the address sitemap.xml/ then.
func TestNoSitemapNoClaim(t *testing.T) {
	dir := copyFixture(t, "testdata/basic")
	toml, err := os.ReadFile(filepath.Join(dir, "playbook.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, line := range strings.Split(string(toml), "\n") {
		if !strings.HasPrefix(line, "base_url") {
			kept = append(kept, line)
		}
	}
	writeFile(t, dir, "playbook.toml", strings.Join(kept, "\n"))
	writeFile(t, dir, "content/sitemap.xml.md", "+++\ntitle = \"Sitemap\"\n+++\nText.\n")
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Source: dir, Today: fixtureToday}, out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "sitemap.xml", "index.html")); err != nil {
		t.Errorf("the page was not written: %v", err)
	}
}
