package pipeline

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/output"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// TestBuildWritesWhatGenerateHolds: Build writes each page as it is
// rendered and drops its HTML; the files on disk must be byte for byte
// those Generate keeps in memory, for the sample (every kind, offline
// files, search index) and for a playbook with long sections (list pages)
// and attachments.
func TestBuildWritesWhatGenerateHolds(t *testing.T) {
	mixed := t.TempDir()
	if err := synth.Write(mixed, 300); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{"../../playbook", "testdata/basic", mixed} {
		t.Run(filepath.Base(src), func(t *testing.T) {
			opts := Options{Source: src, Today: fixtureToday}
			mem := generate(t, opts)
			out := filepath.Join(t.TempDir(), "site")
			res, err := Build(opts, out)
			if err != nil {
				t.Fatal(err)
			}
			if res.Files != len(mem.Files) || res.Pages != mem.Pages {
				t.Errorf("Build wrote %d files, %d pages; Generate holds %d files, %d pages", res.Files, res.Pages, len(mem.Files), mem.Pages)
			}
			onDisk := map[string]bool{}
			err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(out, p)
				name := filepath.ToSlash(rel)
				if name == output.Marker {
					return nil
				}
				onDisk[name] = true
				want, ok := mem.Files[name]
				if !ok {
					t.Errorf("%s written by Build, not made by Generate", name)
					return nil
				}
				got, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs between Build and Generate", name)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for name := range mem.Files {
				if !onDisk[name] {
					t.Errorf("%s made by Generate, not written by Build", name)
				}
			}
		})
	}
}

// TestOwnLayoutsSeeOtherPagesBodies: a playbook's own layout may show
// another page's body or table of contents (here every page shows its
// neighbours'); the default theme does not, so only then is every body
// rendered before any page. Streamed or not, each page sees them all.
func TestOwnLayoutsSeeOtherPagesBodies(t *testing.T) {
	dir := fixture.Copy(t, "testdata/basic")
	fixture.WriteFile(t, dir, "layouts/page.html", `{{define "main"}}<article class="page">
{{with .Prev}}<p id="prev">{{len .TOC}} {{len .HTML}}</p>{{end}}
{{with .Next}}<p id="next">{{len .TOC}} {{len .HTML}}</p>{{end}}
<div class="prose">{{.HTML}}</div></article>{{end}}`)
	fixture.WriteFile(t, dir, "content/guides/a.md", "+++\ntitle = \"A\"\nweight = 1\n+++\n## One\n\nText.\n\n## Two\n\nMore.\n")
	fixture.WriteFile(t, dir, "content/guides/b.md", "+++\ntitle = \"B\"\nweight = 2\n+++\n## Three\n\nText.\n")
	opts := Options{Source: dir, Today: fixtureToday}
	mem := generate(t, opts)
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(opts, out); err != nil {
		t.Fatal(err)
	}
	streamed, err := os.ReadFile(filepath.Join(out, "guides", "b", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for what, html := range map[string][]byte{"Generate": mem.Files["guides/b/index.html"], "Build": streamed} {
		m := regexp.MustCompile(`<p id="prev">(\d+) (\d+)</p>`).FindSubmatch(html)
		if m == nil || string(m[1]) != "2" || string(m[2]) == "0" {
			t.Errorf("%s: page B shows A's table of contents and body as %q, want 2 entries and a body", what, m)
		}
	}
}
