package convert

import (
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/internal/handbooks"
)

// leftovers are the marks of constructs a conversion should not leave
// outside code, other than in the warnings it writes.
var leftovers = regexp.MustCompile(`\{%|\{\{<|\{\{%|^\s*:::|^\s*!!!|^\s*\?\?\?|^\s*===|\{\{#|\{\{ ?site|^import |<Tabs|<TabItem`)

// TestHandbooks converts every page of the fixture handbooks and checks
// that nothing of their source's syntax is left outside code and warnings.
func TestHandbooks(t *testing.T) {
	for _, layout := range handbooks.Layouts() {
		t.Run(string(layout), func(t *testing.T) {
			fsys, m := handbooks.FS(layout, handbooks.Options{Pages: 120, Seed: 7})
			var notes, warned int
			for _, name := range m.Pages {
				data, err := fs.ReadFile(fsys, name)
				if err != nil {
					t.Fatal(err)
				}
				body := stripFrontMatter(data)
				out, ns := Body(body, Options{From: Source(layout)})
				notes += len(ns)
				for _, n := range ns {
					if !n.Converted {
						warned++
					}
				}
				for i, l := range outsideCodeLines(out) {
					if leftovers.MatchString(l) && !strings.Contains(l, "Not converted from") {
						t.Errorf("%s: line %d of the output still has source syntax: %q", name, i+1, l)
					}
				}
			}
			t.Logf("%d pages, %d notes, %d warnings left in pages", len(m.Pages), notes, warned)
		})
	}
}

func stripFrontMatter(b []byte) []byte {
	for _, d := range []string{"---\n", "+++\n"} {
		if bytes.HasPrefix(b, []byte(d)) {
			if i := bytes.Index(b[4:], []byte("\n"+d)); i >= 0 {
				return b[4+i+len(d)+1:]
			}
		}
	}
	return b
}

// outsideCodeLines returns the lines of md outside fenced code, the code
// lines blanked so that the numbering holds.
func outsideCodeLines(md []byte) []string {
	lines := strings.Split(string(md), "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(strings.TrimLeft(l, "> "))
		switch {
		case fence != "":
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			lines[i] = ""
		case strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~"):
			fence = t[:3]
			lines[i] = ""
		}
	}
	return lines
}
