package search

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAppendJSONString(t *testing.T) {
	tests := []string{
		"", "plain text", "  leading and trailing  ", "many   spaces\tand\nlines\r\n",
		`quotes " and \ backslashes`, "control \x01\x1f", "accents: café, naïve", "no\u00a0break\u2003em",
		"line\u2028separator", "東京 の 物流", "<b>bold</b> & more",
	}
	for _, s := range tests {
		for _, collapse := range []bool{false, true} {
			b := appendJSONString(nil, s, collapse)
			var got string
			if err := json.Unmarshal(b, &got); err != nil {
				t.Errorf("%q (collapse %v): invalid JSON %s: %v", s, collapse, b, err)
				continue
			}
			want := s
			if collapse {
				want = strings.Join(strings.Fields(s), " ")
			}
			if got != want {
				t.Errorf("%q (collapse %v) = %q, want %q", s, collapse, got, want)
			}
		}
	}
	var got string
	if err := json.Unmarshal(appendJSONString(nil, "bad \xff byte", true), &got); err != nil || got != "bad \ufffd byte" {
		t.Errorf("invalid UTF-8 became %q (%v)", got, err)
	}
}
