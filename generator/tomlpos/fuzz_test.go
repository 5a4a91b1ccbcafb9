package tomlpos

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// FuzzScan checks that Scan, Values, Items, FindPos and ValueEnd accept
// any text: every position Scan or Values records, and every list item
// Items finds (in order), is on a line of the document, within the line,
// the same on a second scan; FindPos returns a recorded position or none;
// ValueEnd stays between the key's line and the last line.
func FuzzScan(f *testing.F) {
	if src, err := os.ReadFile("../../playbook/playbook.toml"); err == nil {
		f.Add(string(src), "brand.colours")
	} else {
		f.Fatalf("reading the sample configuration: %v", err)
	}
	for _, s := range []string{
		"title = \"x\"\n[brand]\nname = 'A'\n[[brand.colours]]\nhex = \"#fff\"\n[[brand.colours]]\nhex = \"#000\"\n",
		"list = [\n  \"a\", # ]\n  \"b\",\n]\nafter = 1\n",
		"text = \"\"\"\nkey = no\n\"\"\"\nreal = 2\n",
		"\"quoted.key\" . inner = { a = [1, {b = 2}] }\n",
		"[ a . \"b\" ]\n\tc=1",
		"x = '''\n",
		"= 1\n[]\n[[]]\n",
	} {
		f.Add(s, "brand.colours[1].hex")
	}
	f.Fuzz(func(t *testing.T, src, key string) {
		l := Scan([]byte(src))
		if !reflect.DeepEqual(l, Scan([]byte(src))) {
			t.Fatal("two scans differ")
		}
		lines := strings.Split(src, "\n")
		for k, p := range l {
			if p.Line < 1 || p.Line > len(lines) {
				t.Fatalf("%q at line %d of %d", k, p.Line, len(lines))
			}
			if p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
				t.Fatalf("%q at column %d of a line of %d bytes", k, p.Col, len(lines[p.Line-1]))
			}
			if k == "" && !strings.Contains(src, `""`) && !strings.Contains(src, "''") { // "" = 1 is a key
				t.Fatalf("an empty key recorded at %v", p)
			}
			end := ValueEnd(lines, p.Line)
			if end < p.Line || end > len(lines) {
				t.Fatalf("the value of %q on line %d ends on line %d of %d", k, p.Line, end, len(lines))
			}
		}
		inside := func(what string, p Pos) {
			if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1])+1 {
				t.Fatalf("%s at %v, outside the document", what, p)
			}
		}
		values := Values([]byte(src))
		if !reflect.DeepEqual(values, Values([]byte(src))) {
			t.Fatal("two scans of the values differ")
		}
		for k, v := range values {
			inside("the value of "+k, v)
			var last Pos
			for _, it := range Items([]byte(src), v) {
				inside("an item of "+k, it)
				if it.Line < last.Line || it.Line == last.Line && it.Col <= last.Col {
					t.Fatalf("the items of %q are not in order: %v after %v", k, it, last)
				}
				last = it
			}
		}
		parts := strings.Split(key, ".")
		p := l.FindPos(parts...)
		if p != (Pos{}) {
			found := false
			for n := len(parts); n > 0 && !found; n-- {
				found = l[strings.Join(parts[:n], ".")] == p
			}
			if !found {
				t.Fatalf("FindPos(%q) = %v, which is no prefix's position", key, p)
			}
		}
		if l.Find(parts...) != p.Line {
			t.Fatalf("Find and FindPos disagree on %q", key)
		}
		for _, k := range []int{-1, 0, len(lines) + 1} {
			if got := ValueEnd(lines, k); got != k {
				t.Fatalf("ValueEnd(%d) outside the document = %d", k, got)
			}
		}
	})
}

// FuzzDecodeError checks that DecodeError reads back the line, key and
// message of every error in BurntSushi/toml's wording, and rejects text
// that is not one.
func FuzzDecodeError(f *testing.F) {
	f.Add(4, "owner", "incompatible types: TOML value has type int64; destination has type string", "")
	f.Add(1, "", "toml: cannot decode", "toml: line x")
	f.Add(12, "brand.colours", "x", "line 3: nope")
	f.Fuzz(func(t *testing.T, line int, key, msg, other string) {
		if line < 0 {
			line = -line
		}
		if line < 0 || strconv.Quote(key) != `"`+key+`"` || strings.Contains(msg, "\n") {
			return // not something the TOML decoder writes
		}
		text := fmt.Sprintf("toml: line %d: %s", line, msg)
		if key != "" {
			text = fmt.Sprintf("toml: line %d (last key %q): %s", line, key, msg)
		}
		gotLine, gotKey, gotMsg, ok := DecodeError(errors.New(text))
		if !ok || gotLine != line || gotKey != key || gotMsg != msg {
			t.Fatalf("DecodeError(%q) = %d, %q, %q, %v", text, gotLine, gotKey, gotMsg, ok)
		}
		if !strings.HasPrefix(other, "toml: line ") {
			if _, _, _, ok := DecodeError(errors.New(other)); ok {
				t.Fatalf("DecodeError accepted %q", other)
			}
		}
	})
}
