package diag

import (
	"errors"
	"fmt"
	"testing"
)

func TestString(t *testing.T) {
	cases := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.md", Line: 3, Col: 5, Severity: Error, Message: "m"}, "a.md:3:5: error: m"},
		{Diagnostic{File: "a.md", Line: 3, Severity: Warning, Message: "m"}, "a.md:3: warning: m"},
		{Diagnostic{File: "a.md", Severity: Info, Message: "m"}, "a.md: note: m"},
		{Diagnostic{Severity: Error, Message: "m"}, "error: m"},
	}
	for _, c := range cases {
		if got := c.d.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestListSortAndErr(t *testing.T) {
	var l List
	l.Warnf("b.md", 1, 1, "r", "w")
	l.Errorf("a.md", 9, 1, "r", "e2")
	l.Errorf("a.md", 2, 1, "r", "e1")
	l.Notef("a.md", 1, 0, "r", "n")
	l.Sort()
	if l[0].Message != "n" || l[1].Message != "e1" || l[2].Message != "e2" || l[3].Message != "w" {
		t.Errorf("order %v", l)
	}
	if len(l.Problems()) != 3 || len(l.Errors()) != 2 {
		t.Errorf("Problems %d Errors %d", len(l.Problems()), len(l.Errors()))
	}
	err := fmt.Errorf("wrapped: %w", l.Err())
	got, ok := From(err)
	if !ok || len(got) != 2 {
		t.Errorf("From(wrapped) = %v, %v", got, ok)
	}
	if (List{}).Err() != nil || (List{{Severity: Warning}}).Err() != nil {
		t.Errorf("Err without errors is not nil")
	}
	if _, ok := From(errors.New("plain")); ok {
		t.Errorf("From(plain) ok")
	}
}

func TestSuggest(t *testing.T) {
	cands := []string{"says", "category", "closing_tools", "personas", "tags"}
	for in, want := range map[string]string{"sayz": "says", "categroy": "category", "closing_tool": "closing_tools", "persona": "personas", "xyz": "", "weight": ""} {
		if got := Suggest(in, cands); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestLineCol(t *testing.T) {
	src := []byte("ab\ncd\n\nef")
	for off, want := range map[int][2]int{0: {1, 1}, 1: {1, 2}, 3: {2, 1}, 7: {4, 1}, 99: {4, 3}} {
		l, c := LineCol(src, off)
		if l != want[0] || c != want[1] {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", off, l, c, want[0], want[1])
		}
	}
}
