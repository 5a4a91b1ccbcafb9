package config

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/diag"
)

// FuzzParse checks that any playbook.toml is read without a panic, the same
// way twice: either a configuration or problems, each naming playbook.toml
// and a line of it (or none), never both missing.
func FuzzParse(f *testing.F) {
	sample, err := os.ReadFile("../../playbook/" + FileName)
	if err != nil {
		f.Fatalf("reading the sample configuration: %v", err)
	}
	f.Add(sample)
	for _, s := range []string{
		"",
		"title = 1\nbase_url = \"ftp://x\"\n[review]\nevery = \"9223372036854775807d\"\n",
		"[markdown]\nunsafe_html = true\nraw_html = \"safe\"\nhighlight_light = \"nope\"\n",
		"[[brand.colours]]\nname = \"a\"\nhex = \"#12\"\n[[brand.colours]]\nhex = 3\n",
		"[owners.ana]\nname = \"Ana\"\n[owners.bo]\nemail = [1]\n",
		"[voice]\n[[voice.rules]]\nkind = \"x\"\nseverity = \"fatal\"\n",
		"[versions]\ntags = \"[\"\n[menu]\nper_page = -1\nlanguage = \"??\"\n",
		"x = \"\"\"\n",
		"a.b.c = 1\n[a]\nb = 2\n",
		"[[Brand.Colours]]\nname = 5\n[Review]\nevery = \"5q\"\n[foo.bar]\nx = 1\n",
		"[brand]\ncolours = [{name=\"x\", hex=5}, {name=\"y\", hex=\"nope\"}]\nowners = {s = {name = [1]}}\n",
		"[markdown]\nmax_page_size = {a = 1}\nmax_nesting = \"3\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		c1, err1 := Parse(src)
		c2, err2 := Parse(src)
		if (c1 == nil) != (c2 == nil) || (err1 == nil) != (err2 == nil) ||
			(err1 != nil && err1.Error() != err2.Error()) {
			t.Fatalf("two parses differ: %v / %v", err1, err2)
		}
		if c1 != nil && !reflect.DeepEqual(c1, c2) {
			t.Fatal("two parses give different configurations")
		}
		if err1 == nil {
			if c1 == nil {
				t.Fatal("neither a configuration nor an error")
			}
			return
		}
		list, ok := diag.From(err1)
		if !ok || len(list) == 0 {
			t.Fatalf("an error that is no list of problems: %v", err1)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range list {
			if d.File != FileName {
				t.Fatalf("a problem names %q: %v", d.File, d)
			}
			// Every problem is at a line: a key written in other case, or
			// inside an inline table, is found too.
			if d.Line < 1 || d.Line > lines || d.Col < 0 {
				t.Fatalf("%v lies outside a file of %d lines", d, lines)
			}
			if strings.TrimSpace(d.Message) == "" {
				t.Fatalf("a problem without a message: %v", d)
			}
		}
	})
}
