package frontmatter

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// addSamplePages seeds a fuzz target with every page of the sample
// playbook, so that mutations start from real front matter.
func addSamplePages(f *testing.F) {
	f.Helper()
	root := filepath.Join("..", "..", "playbook", "content")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err == nil {
			f.Add(src)
		}
		return err
	})
	if err != nil {
		f.Fatalf("reading the sample playbook: %v", err)
	}
}

// FuzzParse checks that front matter of any shape parses without a panic,
// the same way twice, that the body is the end of the file, and that
// every line it reports (fields, list items, problems, errors) lies
// within the file.
func FuzzParse(f *testing.F) {
	addSamplePages(f)
	for _, s := range []string{
		"+++\ntitle = \"A\"\ntags = [\"a\",\n  \"b\"]\nreviewed = 03/12/2026\n+++\nBody\n",
		"---\ntitle: A\ntags:\n  - a\n  - b\nowners: [x, y]\n---\n# H\n",
		"\xef\xbb\xbf+++\r\ntitle = 'x'\r\n+++\r\nbody",
		"---\nkey: [unclosed\n---\n",
		"+++\n[table]\nx = 1\n[[arr]]\ny = \"\"\"\nmulti\n\"\"\"\n+++\n",
		"---\na: &x 1\nb: *x\nc: !!binary aGk=\n---\n",
		"+++\n",
		"---",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, body, err := Parse(src)
		doc2, body2, err2 := Parse(src)
		if !reflect.DeepEqual(doc, doc2) || !bytes.Equal(body, body2) || (err == nil) != (err2 == nil) {
			t.Fatalf("two parses differ:\n%+v\n%+v", doc, doc2)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				return // a wrapped parser error without a position
			}
			if fe.Line < 1 || fe.Line > lines || fe.Col < 0 {
				t.Fatalf("error at %d:%d outside a file of %d lines: %v", fe.Line, fe.Col, lines, err)
			}
			if fe.Msg == "" {
				t.Fatalf("error without a message at line %d", fe.Line)
			}
			return
		}
		if !bytes.HasSuffix(src, body) {
			t.Fatalf("the body %q is not the end of the file", body)
		}
		if doc.BodyLine < 1 || doc.BodyLine > lines+1 {
			t.Fatalf("body line %d outside a file of %d lines", doc.BodyLine, lines)
		}
		var check func(key string, fd Field)
		check = func(key string, fd Field) {
			if fd.Line < 0 || fd.Line > lines || fd.Col < 0 {
				t.Fatalf("field %q at %d:%d outside a file of %d lines", key, fd.Line, fd.Col, lines)
			}
			if items, ok := fd.Value.([]Field); ok {
				for _, it := range items {
					check(key+"[]", it)
				}
			}
		}
		for k, fd := range doc.Fields {
			check(k, fd)
		}
		for _, p := range doc.Problems {
			if p.Line < 1 || p.Line > lines || p.Col < 0 || p.Msg == "" {
				t.Fatalf("problem at %d:%d outside a file of %d lines (or empty): %q", p.Line, p.Col, lines, p.Msg)
			}
		}
		if len(doc.Keys()) != len(doc.Fields) {
			t.Fatalf("Keys lists %d of %d fields", len(doc.Keys()), len(doc.Fields))
		}
	})
}
