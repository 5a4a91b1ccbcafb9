package content

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// FuzzParsePage feeds the page decoder (Parse, which load.go calls for
// every file) any bytes under the sample playbook's configuration. It
// checks that a page is decoded the same way twice, that every problem
// names the file and a line of it, and that a page's body is the end of
// its source (less a heading that became the title).
func FuzzParsePage(f *testing.F) {
	root := filepath.Join("..", "..", "playbook")
	cfg, err := config.Load(root)
	if err != nil {
		f.Fatalf("the sample configuration: %v", err)
	}
	names := []string{}
	err = filepath.WalkDir(filepath.Join(root, Dir), func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		names = append(names, rel)
		f.Add(uint8(len(names)-1), src)
		return nil
	})
	if err != nil {
		f.Fatalf("reading the sample playbook: %v", err)
	}
	for _, s := range []string{
		"+++\ntitle = 1\nowners = \"ana\"\nreviewed = 2026-13-40\nreview_every = \"9223372036854775807d\"\n+++\n",
		"---\ntitle: [a]\ntags: x\nweight: 1e400\naliases: [\"../../x\", \"/a b/\"]\n---\n# Heading\n",
		"# Only a heading\n\ntext",
		"\xff\xfe",
	} {
		f.Add(uint8(0), []byte(s))
	}
	f.Fuzz(func(t *testing.T, which uint8, src []byte) {
		file := names[int(which)%len(names)]
		var d1, d2 diag.List
		p1 := Parse(file, src, cfg, &d1)
		p2 := Parse(file, src, cfg, &d2)
		if !reflect.DeepEqual(d1, d2) || (p1 == nil) != (p2 == nil) {
			t.Fatalf("two decodes differ:\n%v\n%v", d1, d2)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range d1 {
			if d.File != file {
				t.Fatalf("a problem of %s names %s: %v", file, d.File, d)
			}
			if d.Line < 0 || d.Line > lines || d.Col < 0 {
				t.Fatalf("%v lies outside a file of %d lines", d, lines)
			}
			if strings.TrimSpace(d.Message) == "" {
				t.Fatalf("a problem without a message at %v", d)
			}
		}
		if p1 == nil {
			if len(d1.Errors()) == 0 {
				t.Fatal("no page and no error")
			}
			return
		}
		// The body is the end of the file, less the first heading when
		// the title comes from it.
		if len(p1.Body) > len(src) || !bytes.HasPrefix(src, p1.FrontMatter()) {
			t.Fatalf("the body (%d bytes) or front matter is not part of the source (%d bytes)", len(p1.Body), len(src))
		}
		if !bytes.HasSuffix(src, p1.Body) && p1.Title == "" {
			t.Fatalf("the body %q is cut, yet the page has no title", p1.Body)
		}
		if p1.URL == "" || p1.URL[0] != '/' || p1.File != file {
			t.Fatalf("page %s has URL %q", p1.File, p1.URL)
		}
	})
}
