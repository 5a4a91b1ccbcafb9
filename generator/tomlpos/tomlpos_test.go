package tomlpos

import (
	"errors"
	"testing"
)

func TestScan(t *testing.T) {
	src := `title = "x"
  weight = 3
tags = [
  ["a", "b"],  # a nested list
  "]",
]
note = """
fake = 1
"""
"quoted.key" = 1
inline = { a = [1, 2], b = "}" }

[owners.sales]
name = "Sales"

[[brand.colours]]
name = "One"
hex = "#000"

[[brand.colours]]
name = "Two"
hex = "bad"
`
	l := Scan([]byte(src))
	want := map[string]Pos{
		"title":                 {1, 1},
		"weight":                {2, 3},
		"tags":                  {3, 1},
		"note":                  {7, 1},
		"quoted.key":            {10, 1},
		"inline":                {11, 1},
		"owners.sales":          {13, 1},
		"owners.sales.name":     {14, 1},
		"brand.colours":         {16, 1},
		"brand.colours.hex":     {18, 1},
		"brand.colours[0].hex":  {18, 1},
		"brand.colours[1]":      {20, 1},
		"brand.colours[1].name": {21, 1},
		"brand.colours[1].hex":  {22, 1},
	}
	for k, p := range want {
		if l[k] != p {
			t.Errorf("%s at %v, want %v", k, l[k], p)
		}
	}
	for _, k := range []string{"fake", `"]"`, "a", "b"} {
		if _, ok := l[k]; ok {
			t.Errorf("%s recorded, but it is not a key", k)
		}
	}
	if got := l.Find("owners", "sales", "team"); got != 13 {
		t.Errorf("Find falls back to the parent: got %d", got)
	}
	if got := l.Find("nope"); got != 0 {
		t.Errorf("Find(nope) = %d", got)
	}
}

func TestDecodeError(t *testing.T) {
	line, key, msg, ok := DecodeError(errors.New(`toml: line 4 (last key "r.x"): incompatible types: TOML value has type string; destination has type integer`))
	if !ok || line != 4 || key != "r.x" || msg != "incompatible types: TOML value has type string; destination has type integer" {
		t.Errorf("got %d %q %q %v", line, key, msg, ok)
	}
	if _, _, _, ok := DecodeError(errors.New("other")); ok {
		t.Errorf("matched an unrelated error")
	}
}

func TestValues(t *testing.T) {
	src := "title =  42\n  [menu]\norder=\"x\"\n[[voice]]\nfind = 1\n[[voice]]\n\"é\" = true\n"
	v := Values([]byte(src))
	want := map[string]Pos{
		"title":         {1, 10},
		"menu":          {2, 3},
		"menu.order":    {3, 7},
		"voice[0].find": {5, 8},
		"voice[1]":      {6, 1},
		"voice[1].é":    {7, 7},
	}
	for k, p := range want {
		if v[k] != p {
			t.Errorf("%s at %v, want %v", k, v[k], p)
		}
	}
}

func TestItems(t *testing.T) {
	src := `stages = ["a", 3, # "x", 4
  [1, [2]], { a = "]" },
  """multi
line""", 'lit,]' ,
  true]
next = 1
`
	got := Items([]byte(src), Values([]byte(src))["stages"])
	want := []Pos{{1, 11}, {1, 16}, {2, 3}, {2, 13}, {3, 3}, {4, 10}, {5, 3}}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("item %d at %v, want %v", i, got[i], want[i])
		}
	}
	if Items([]byte(src), Pos{6, 1}) != nil {
		t.Errorf("items found where no array opens")
	}
}

// TestFirst: a table implied by a longer header or dotted key is found at
// its first key, so an unknown table still has a line.
func TestFirst(t *testing.T) {
	l := Scan([]byte("title = \"T\"\nqux.quux = 3\n[foo.bar]\nx = 1\n[foo.baz]\ny = 2\n"))
	for _, c := range []struct {
		key  []string
		want Pos
		ok   bool
	}{
		{[]string{"title"}, Pos{1, 1}, true},
		{[]string{"foo"}, Pos{3, 1}, true},
		{[]string{"foo", "baz"}, Pos{5, 1}, true},
		{[]string{"qux"}, Pos{2, 1}, true},
		{[]string{"fo"}, Pos{}, false},
		{nil, Pos{}, false},
	} {
		if got, ok := l.First(c.key...); got != c.want || ok != c.ok {
			t.Errorf("First(%q) = %v, %v, want %v, %v", c.key, got, ok, c.want, c.ok)
		}
	}
}

// TestEmptyQuotedKey: "" is a key TOML allows; it was dropped, so a
// message about it had no line.
func TestEmptyQuotedKey(t *testing.T) {
	l := Scan([]byte("a = 1\n\"\" = 0\n[t]\n'' = 2\n"))
	if l[""] != (Pos{2, 1}) || l["t."] != (Pos{4, 1}) {
		t.Fatalf("got %v", l)
	}
}

// TestQuotedKeys: quotes are taken off as TOML reads them, and a dot
// inside quotes does not split the key.
func TestQuotedKeys(t *testing.T) {
	l := Scan([]byte("\"'\" = 1\n\"a.b\".c = 2\n'x\"y' = 3\n\"q\\u0041\" = 4\n\"=\" = 5\n[\"t]u\"]\n'k=' = 6\n"))
	for k, want := range map[string]Pos{"'": {1, 1}, "a.b.c": {2, 1}, `x"y`: {3, 1}, "qA": {4, 1}, "=": {5, 1}, "t]u": {6, 1}, "t]u.k=": {7, 1}} {
		if l[k] != want {
			t.Errorf("%q at %v, want %v (%v)", k, l[k], want, l)
		}
	}
}
