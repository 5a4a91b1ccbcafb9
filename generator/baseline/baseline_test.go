package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

const page = `+++
title = "A"
+++
See [x](#pricng) and [y](#pricng).
Also [z](#gone).
`

// problems are what a check of page finds, with their lines as the file
// has them (line is where "See" is, line+1 where "Also" is).
func problems(line int) diag.List {
	var l diag.List
	l.Errorf("content/a.md", line, 5, "anchor", "link to #pricng: this page has no heading with that ID")
	l.Errorf("content/a.md", line, 20, "anchor", "link to #pricng: this page has no heading with that ID")
	l.Errorf("content/a.md", line+1, 6, "anchor", "link to #gone: this page has no heading with that ID")
	l.Notef("content/a.md", 1, 1, "review", "a note is never recorded")
	l.Errorf("playbook.toml", 3, 1, "config", "an error the build cannot go on with is never recorded")
	return l
}

func known(list diag.List) (n int) {
	for _, d := range list {
		if d.Known {
			n++
		}
	}
	return n
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	fixture.WriteFile(t, dir, "content/a.md", page)
	fixture.WriteFile(t, dir, "playbook.toml", "title = \"x\"\n\nbase_ulr = 1\n")
	if err := Write(dir, DefaultFile, problems(4)); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name        string
		text        string
		list        diag.List
		known, errs int
		stale       int
	}{
		{"unchanged", page, problems(4), 3, 1, 0},
		{"lines inserted above", strings.Replace(page, "+++\nSee", "+++\n\nNew paragraph.\n\nSee", 1), problems(7), 3, 1, 0},
		{"the line changed", strings.Replace(page, "See [x]", "Read [x]", 1), problems(4), 1, 3, 2},
		{"one of two identical problems fixed", page, problems(4)[1:], 2, 1, 1},
		{"a third identical problem is new", page, append(problems(4), problems(4)[0]), 3, 2, 0},
		{"everything fixed", page, nil, 0, 0, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fixture.WriteFile(t, dir, "content/a.md", c.text)
			b, err := Load(dir, DefaultFile)
			if err != nil {
				t.Fatal(err)
			}
			out, sum := b.Apply(c.list)
			if known(out) != c.known || sum.Known != c.known || len(out.Errors()) != c.errs || sum.Stale != c.stale {
				t.Errorf("known %d (summary %d), errors %d, stale %d; want %d, %d, %d\n%v", known(out), sum.Known, len(out.Errors()), sum.Stale, c.known, c.errs, c.stale, out)
			}
			for _, d := range out {
				if d.Known && d.Severity != diag.Warning {
					t.Errorf("known problem is %s, want a warning: %v", d.Severity, d)
				}
			}
			// Applying twice changes nothing (build adjusts pieces, check the whole).
			again, sum2 := b.Apply(out)
			if known(again) != known(out) || sum2 != sum {
				t.Errorf("Apply is not idempotent: %v then %v", sum, sum2)
			}
		})
	}
}

func TestWriteIsStable(t *testing.T) {
	dir := t.TempDir()
	fixture.WriteFile(t, dir, "content/a.md", page)
	list := problems(4)
	if err := Write(dir, DefaultFile, list); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(filepath.Join(dir, DefaultFile))
	reversed := make(diag.List, len(list))
	for i, d := range list {
		reversed[len(list)-1-i] = d
	}
	if err := Write(dir, DefaultFile, reversed); err != nil {
		t.Fatal(err)
	}
	second, _ := os.ReadFile(filepath.Join(dir, DefaultFile))
	if string(first) != string(second) {
		t.Errorf("order of the problems changed the file:\n%s\n%s", first, second)
	}
	want := `{
  "version": 1,
  "problems": [
    {
      "file": "content/a.md",
      "line": 4,
      "rule": "anchor",
      "message": "link to #pricng: this page has no heading with that ID",
      "source": "` + hashOf("See [x](#pricng) and [y](#pricng).") + `",
      "count": 2
    },
    {
      "file": "content/a.md",
      "line": 5,
      "rule": "anchor",
      "message": "link to #gone: this page has no heading with that ID",
      "source": "` + hashOf("Also [z](#gone).") + `"
    }
  ]
}
`
	if string(first) != want {
		t.Errorf("file:\n%s\nwant:\n%s", first, want)
	}
}

func hashOf(line string) string {
	b := &Baseline{read: func(string) ([]byte, error) { return []byte(line), nil }}
	return b.sourceLines()(diag.Diagnostic{File: "f", Line: 1})
}

func TestLoadMissingAndCorrupt(t *testing.T) {
	dir := t.TempDir()
	b, err := Load(dir, DefaultFile)
	if err != nil || b.Len() != 0 {
		t.Fatalf("missing file: %v, %d entries; want an empty baseline", err, b.Len())
	}
	for text, want := range map[string]string{
		"{\n  \"version\": 1,\n  \"problems\": [\n    {\"file\": \"a\",}\n  ]\n}\n": ".playbook-baseline.json is not a baseline file (line 4, column",
		`{"version": 1, "problems": [{"file": "a", "rule": "link"}]}`:               ".playbook-baseline.json: problem 1 has no file, rule or message",
		`{"version": 7, "problems": []}`:                                            ".playbook-baseline.json has baseline format 7",
		`{"version": 1, "problem": []}`:                                             `unknown field "problem"`,
	} {
		fixture.WriteFile(t, dir, DefaultFile, text)
		_, err := Load(dir, DefaultFile)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want %q", text, err, want)
		}
	}
}

func TestNormalise(t *testing.T) {
	for in, want := range map[string]string{
		"also used by content/b.md:12:3": "also used by content/b.md:N",
		"see playbook.toml:7":            "see playbook.toml:N",
		"at line 12, column 4":           "at line N, column N",
		"ratio 4.5:1 is low":             "ratio 4.5:1 is low",
		"broken link: no page content/a.md (did you mean content/b.md?)": "broken link: no page content/a.md",
		`no heading with that ID (did you mean "x"?)`:                    "no heading with that ID",
	} {
		if got := normalise(in); got != want {
			t.Errorf("normalise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPolicy(t *testing.T) {
	var l diag.List
	l.Errorf("content/a.md", 3, 1, "anchor", "a")
	l.Warnf("content/a.md", 4, 1, "review", "r")
	l.Errorf("content/a.md", 5, 1, "link", "l")
	l.Errorf("content/a.md", 6, 1, "front-matter", "f")
	p := NewPolicy(map[string]string{"anchor": "warning", "review": "off", "link": "note", "front-matter": "warning", "nope": "off"}, nil)
	got := p.Adjust(l)
	want := map[string]diag.Severity{"anchor": diag.Warning, "link": diag.Info, "front-matter": diag.Error}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for _, d := range got {
		if d.Severity != want[d.Rule] {
			t.Errorf("%s: %s, want %s", d.Rule, d.Severity, want[d.Rule])
		}
	}
	if (*Policy)(nil).Adjust(l) == nil {
		t.Error("a nil policy dropped the list")
	}
}
