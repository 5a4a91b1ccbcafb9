package importer

import (
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/check"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/handbooks"
	"github.com/playbook-ssg/playbook/generator/pipeline"
)

// today is fixed so that review and date findings do not move.
var today = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// TestImportBuildsEveryLayout imports a several-hundred-page handbook of
// each layout, then: the build succeeds and has every page of the
// manifest; check passes with the baseline the import wrote; every
// problem left is one the handbook planted (none is a false error); and
// a new broken link fails check.
func TestImportBuildsEveryLayout(t *testing.T) {
	pages := 300
	if testing.Short() {
		pages = 60
	}
	for _, layout := range handbooks.Layouts() {
		t.Run(string(layout), func(t *testing.T) {
			src := filepath.Join(t.TempDir(), "handbook")
			m, err := handbooks.Write(src, layout, handbooks.Options{Pages: pages, Seed: 1})
			if err != nil {
				t.Fatal(err)
			}
			dest := filepath.Join(t.TempDir(), "playbook")
			res, err := Run(Options{Source: src, Dest: dest, Today: today})
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			if res.Kind != Kind(layout) {
				t.Errorf("detected %s (%s), want %s", res.Kind, res.Detected, layout)
			}
			for _, d := range res.Failing {
				t.Errorf("error left that the baseline cannot hold: %s", d)
			}
			newPath := map[string]string{}
			for _, f := range res.Files {
				if f.Old != "" {
					newPath[f.Old] = f.New
				}
			}

			site, err := pipeline.Generate(pipeline.Options{Source: dest, Drafts: true, Today: today})
			if err != nil {
				t.Fatalf("build after import: %v", err)
			}
			built := map[string]bool{}
			for _, p := range site.Model.Pages {
				built[p.File] = true
			}
			for _, p := range m.Pages {
				if np := newPath[p]; np == "" || !built[np] {
					t.Errorf("page %s (now %q) was not built", p, np)
				}
			}

			found, err := check.Run(check.Options{Source: dest, Today: today})
			if err != nil {
				t.Fatal(err)
			}
			if check.Failing(found, false) {
				t.Errorf("check fails right after the import:\n%s", problems(found))
			}
			planted := map[string][]handbooks.Problem{}
			for _, pr := range m.Problems {
				planted[newPath[pr.File]] = append(planted[newPath[pr.File]], pr)
			}
			seen := map[string]bool{}
			for _, d := range found.Problems() {
				real := false
				for _, pr := range planted[d.File] {
					if strings.Contains(d.Message, pr.Marker) {
						real, seen[pr.File+pr.Marker] = true, true
					}
				}
				if !real {
					t.Errorf("false problem (none planted there): %s", d)
				}
			}
			for _, pr := range m.Problems {
				if !seen[pr.File+pr.Marker] {
					t.Errorf("planted problem not reported: %s:%d %s %s", pr.File, pr.Line, pr.Kind, pr.Marker)
				}
			}

			// A new broken link fails check.
			var victim string
			for _, p := range m.Pages {
				if np := newPath[p]; np != "" && path.Base(np) != "_index.md" {
					victim = np
					break
				}
			}
			name := filepath.Join(dest, filepath.FromSlash(victim))
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(name, append(b, "\nSee [the new page](no-such-page-at-all.md).\n"...), 0o644); err != nil {
				t.Fatal(err)
			}
			after, err := check.Run(check.Options{Source: dest, Today: today})
			if err != nil {
				t.Fatal(err)
			}
			if !check.Failing(after, false) || !strings.Contains(problems(after), "no-such-page-at-all") {
				t.Errorf("a new broken link in %s does not fail check:\n%s", victim, problems(after))
			}
		})
	}
}

func problems(list diag.List) string {
	var b strings.Builder
	for _, d := range list.Problems() {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}
