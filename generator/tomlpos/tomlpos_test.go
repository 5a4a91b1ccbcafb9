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
