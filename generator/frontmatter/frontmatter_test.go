package frontmatter

import (
	"strings"
	"testing"
	"time"
)

func TestParseFormats(t *testing.T) {
	cases := []struct {
		name, src, format, body string
		bodyLine                int
		lines                   map[string]int
	}{
		{"toml", "+++\ntitle = \"A\"\nweight = 3\n+++\nBody\n", "toml", "Body\n", 5, map[string]int{"title": 2, "weight": 3}},
		{"yaml", "---\ntitle: A\n\nweight: 3\n---\nBody\n", "yaml", "Body\n", 6, map[string]int{"title": 2, "weight": 4}},
		{"crlf", "+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n", "toml", "Body\r\n", 4, map[string]int{"title": 2}},
		{"bom", "\xef\xbb\xbf---\ntitle: A\n---\n", "yaml", "", 4, map[string]int{"title": 2}},
		{"none", "# Hello\n", "", "# Hello\n", 1, nil},
		{"empty yaml", "---\n---\nx", "yaml", "x", 3, nil},
		{"rule in body", "---\ntitle: A\n---\ntext\n\n---\nmore\n", "yaml", "text\n\n---\nmore\n", 4, map[string]int{"title": 2}},
		{"multiline toml", "+++\ntitle = \"A\"\nnote = \"\"\"\nx = 1\n\"\"\"\ntags = [\"a\"]\n+++\n", "toml", "", 8, map[string]int{"title": 2, "note": 3, "tags": 6}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			doc, body, err := Parse([]byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if doc.Format != c.format || string(body) != c.body || doc.BodyLine != c.bodyLine {
				t.Errorf("got format %q body %q bodyLine %d; want %q %q %d", doc.Format, body, doc.BodyLine, c.format, c.body, c.bodyLine)
			}
			for k, line := range c.lines {
				if doc.Fields[k].Line != line {
					t.Errorf("%s on line %d, want %d", k, doc.Fields[k].Line, line)
				}
			}
		})
	}
}

func TestValues(t *testing.T) {
	for _, src := range []string{
		"+++\ns = \"x\"\ni = 3\nf = 1.5\nb = true\nd = 2026-01-02\nl = [\"a\", \"b\"]\n+++\n",
		"---\ns: x\ni: 3\nf: 1.5\nb: true\nd: 2026-01-02\nl: [a, b]\n---\n",
	} {
		doc, _, err := Parse([]byte(src))
		if err != nil {
			t.Fatal(err)
		}
		f := doc.Fields
		if f["s"].Value != "x" || f["i"].Value != int64(3) || f["f"].Value != 1.5 || f["b"].Value != true {
			t.Errorf("%s: scalars %#v", doc.Format, f)
		}
		if d, ok := f["d"].Value.(time.Time); !ok || d.Format("2006-01-02") != "2026-01-02" {
			t.Errorf("%s: date %#v", doc.Format, f["d"].Value)
		}
		if l, ok := f["l"].Value.([]Field); !ok || len(l) != 2 || l[1].Value != "b" {
			t.Errorf("%s: list %#v", doc.Format, f["l"].Value)
		}
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"unclosed toml", "+++\ntitle = \"A\"\n", 1, `never closed`},
		{"toml syntax", "+++\ntitle = \"A\"\nweight = = 3\n+++\n", 3, "invalid TOML front matter"},
		{"toml duplicate", "+++\ntitle = \"A\"\ntitle = \"B\"\n+++\n", 3, "invalid TOML front matter"},
		{"yaml flow", "---\ntitle: A\ntags: [a, b\n---\n", 3, "invalid YAML front matter"},
		{"yaml indent", "---\ntitle: A\nsays: x\n  bad: y\n---\n", 4, "mapping values are not allowed"},
		{"yaml duplicate", "---\ntitle: A\ntitle: B\n---\n", 3, `key "title" appears twice`},
		{"yaml list top", "---\n- a\n- b\n---\n", 2, "must be a mapping"},
		{"yaml alias", "---\ntitle: A\ntags: &x [a, *x]\n---\n", 3, "aliases (*name) are not supported"},
		{"yaml alias bomb", "---\na: &a [x, x]\nb: [*a, *a]\n---\n", 3, "aliases (*name) are not supported"},
		{"yaml tab", "---\ntitle: A\ntags:\n\t- a\n---\n", 4, "does not allow tabs"},
		{"yaml complex key", "---\n? [x]\n: 1\n---\n", 2, "keys must be plain words"},
		{"toml bad list item", "+++\ntitle = \"A\"\ntags = [\n  03/12,\n]\n+++\n", 4, "invalid TOML front matter"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Parse([]byte(c.src))
			fe, ok := err.(*Error)
			if !ok {
				t.Fatalf("got %v, want *Error", err)
			}
			if fe.Line != c.line || !strings.Contains(fe.Msg, c.msg) {
				t.Errorf("got line %d %q; want line %d containing %q", fe.Line, fe.Msg, c.line, c.msg)
			}
		})
	}
}

func TestTOMLListItemPositions(t *testing.T) {
	src := "+++\ntitle = \"A\"\nclosing_tools = [\n  \"pilot\",\n  \"pilot-2\", \"x\",\n]\ntags = [\"a\", \"b\"]\n+++\n"
	doc, _, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	items := doc.Fields["closing_tools"].Value.([]Field)
	want := [][2]int{{4, 3}, {5, 3}, {5, 14}} // the opening quote
	for i, w := range want {
		if items[i].Line != w[0] || items[i].Col != w[1] {
			t.Errorf("item %d (%v) at %d:%d, want %d:%d", i, items[i].Value, items[i].Line, items[i].Col, w[0], w[1])
		}
	}
	tags := doc.Fields["tags"].Value.([]Field)
	if tags[1].Line != 7 || tags[1].Col != 14 {
		t.Errorf("tags[1] at %d:%d", tags[1].Line, tags[1].Col)
	}
	if f := doc.Fields["title"]; f.Line != 2 || f.Col != 1 {
		t.Errorf("title at %d:%d", f.Line, f.Col)
	}
}

func TestYAMLAdvice(t *testing.T) {
	cases := []struct {
		src  string
		line int
		msg  string
	}{
		{"---\ntitle: T\nsays: *Really* too expensive\n---\n", 3, "must be in quotes"},
		{"---\ntitle: T\nproof:\n  - **30%** cut\n---\n", 4, "must be in quotes"},
		{"---\ntitle: \"T\nsays: x\n---\n", 2, "opens a quote it never closes"},
		{"---\ntitle: T: the sequel\n---\n", 2, `a value containing ": " must be in quotes`},
	}
	for _, c := range cases {
		_, _, err := Parse([]byte(c.src))
		fe, ok := err.(*Error)
		if !ok || fe.Line != c.line || !strings.Contains(fe.Msg, c.msg) {
			t.Errorf("%q: got %v, want line %d with %q", c.src, err, c.line, c.msg)
		}
	}
	// An anchor alone is harmless; an alias is refused.
	if _, _, err := Parse([]byte("---\ntitle: T\ntags: &t [a, b]\n---\n")); err != nil {
		t.Errorf("anchor refused: %v", err)
	}
}

func TestTOMLItemSearchStaysInItsList(t *testing.T) {
	src := "+++\ntitle = \"A\"\nstages = [\"n\\u0065gotiation\"]\nweight = 1\navoid = [\"negotiation\"]\n+++\n"
	doc, _, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if it := doc.Fields["stages"].Value.([]Field)[0]; it.Line != 3 {
		t.Errorf("escaped item found on line %d, want its own line 3", it.Line)
	}
}

func TestUnclosedQuoteNoFalseBlame(t *testing.T) {
	cases := []struct {
		src  string
		line int
	}{
		{"---\ntitle: Pricing: the short answer\nwhen: \"Multi-line\n  quoted value\"\n---\n", 2},
		{"---\ntitle: T\nwhen: |\n  He said: \"wait\n  for it\nvalue: *bold* v\n---\n", 6},
	}
	for _, c := range cases {
		_, _, err := Parse([]byte(c.src))
		fe, ok := err.(*Error)
		if !ok || fe.Line != c.line {
			t.Errorf("%q: got %v, want line %d", c.src, err, c.line)
		}
	}
	for _, ok := range []string{"---\ntitle: T\nsays: \"It's 'fine': really\"\n---\n", "---\ntitle: 'Don''t'\n---\n"} {
		if _, _, err := Parse([]byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// TestTOMLRecovers: a bad value on its key's line is reported and the rest
// of the front matter is still read.
func TestTOMLRecovers(t *testing.T) {
	src := "+++\ntitle = Too expensive\nreviewed = 03/12/2026\nweight = 2\n[params]\nsince = 31.12.2025 # old\nlast = 2026-13-40\n+++\nbody\n"
	doc, body, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []Error{
		{Line: 2, Col: 9, Msg: `invalid TOML front matter: expected value but found "Too" instead: put text in quotes, like title = "Too expensive"`},
		{Line: 3, Col: 12, Msg: "reviewed: 03/12/2026 is not a date: write it as YYYY-MM-DD, like 2026-03-12 (or 2026-12-03 if the day comes first)", BadDate: true},
		{Line: 6, Col: 9, Msg: "since: 31.12.2025 is not a date: write it as YYYY-MM-DD, like 2025-12-31", BadDate: true},
		{Line: 7, Col: 8, Msg: "last: 2026-13-40 is not a date: write it as YYYY-MM-DD, like 2026-03-31", BadDate: true},
	}
	if len(doc.Problems) != len(want) {
		t.Fatalf("problems %v, want %v", doc.Problems, want)
	}
	for i, w := range want {
		if doc.Problems[i] != w {
			t.Errorf("problem %d:\n got %+v\nwant %+v", i, doc.Problems[i], w)
		}
	}
	if doc.Fields["title"].Value != "Too expensive" || doc.Fields["weight"].Value != int64(2) || doc.Fields["weight"].Line != 4 {
		t.Errorf("fields %+v", doc.Fields)
	}
	if _, ok := doc.Fields["reviewed"]; ok {
		t.Errorf("a bad date should be missing, got %+v", doc.Fields["reviewed"])
	}
	if string(body) != "body\n" || doc.BodyLine != 9 {
		t.Errorf("body %q at %d", body, doc.BodyLine)
	}
}

func TestDateHint(t *testing.T) {
	for in, want := range map[string]string{
		"03/12/2026": "like 2026-03-12 (or 2026-12-03 if the day comes first)",
		"31/03/2026": "like 2026-03-31",
		"3/31/26":    "like 2026-03-31",
		"2026/03/12": "like 2026-03-12",
		"2026-31-03": "like 2026-03-31",
		"March 3":    "like 2026-03-31",
		"12/12/2026": "like 2026-12-12",
	} {
		if got := DateHint(in); !strings.HasSuffix(got, want) || !strings.HasPrefix(got, "write it as YYYY-MM-DD, ") {
			t.Errorf("DateHint(%q) = %q, want … %s", in, got, want)
		}
	}
}

func TestYAMLMappings(t *testing.T) {
	doc, _, err := Parse([]byte("---\ntitle: A\nparams:\n  team: x\n  n: 3\n  list: [a, b]\n  deep:\n    on: true\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, ok := doc.Fields["params"].Value.(map[string]any)
	if !ok || m["team"] != "x" || m["n"] != int64(3) || len(m["list"].([]any)) != 2 || m["deep"].(map[string]any)["on"] != true {
		t.Errorf("params %#v", doc.Fields["params"].Value)
	}
}
