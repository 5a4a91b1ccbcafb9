package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestProse(t *testing.T) {
	src := "# A *big* [title](t.md)\n\n" +
		"Don't **dis**count `code` <https://x.example> \"quoted\" &amp; \\*\nnext <b>raw</b> line<!-- note -->\n\n" +
		"<!-- before list -->\n- one\n- two <!-- inline -->\n\n" +
		"```\nfenced\n```\n\n    indented\n\n<div>\nhtml block\n</div>\n\n" +
		"| cell | ![alt](a.png) |\n|---|---|\n\n> quote[^1]\n\n[^1]: foot\n"
	doc := New(Options{}).Parse([]byte(src))
	type block struct {
		Text     string
		Comments []string
	}
	var got []block
	for p := range doc.Prose {
		got = append(got, block{p.Text, p.Comments})
	}
	want := []block{
		{"A big title" + Separator, nil},
		{"Don't discount " + Separator + " " + Separator + " \"quoted\" & * next " + Separator + "raw" + Separator + " line", []string{"note"}},
		{"one", []string{"before list"}},
		{"two ", []string{"before list", "inline"}},
		{"cell", nil},
		{"alt", nil},
		{"quote" + Separator, nil},
		{"foot" + Separator, nil}, // the footnote's back link
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("prose:\n%q\nwant\n%q", got, want)
	}
}

// TestProseOffsets: every letter of the text maps back to the same letter
// in the source.
func TestProseOffsets(t *testing.T) {
	src := "Intro *em* and **str**ong\n[link text](x.md) &amp; \\# \"q\" it's -- ok\n\n- item `c` after\n\n| a | b c |\n|---|---|\n\n> quoted\n> more\n"
	doc := New(Options{}).Parse([]byte(src))
	n := 0
	for p := range doc.Prose {
		for i, c := range []byte(p.Text) {
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				n++
				if off := p.Offset(i); src[off] != c {
					t.Errorf("%q[%d] = %q maps to %d, %q", p.Text, i, c, off, src[off])
				}
			}
		}
	}
	if n < 40 {
		t.Errorf("only %d letters checked", n)
	}
}

func TestInlineProse(t *testing.T) {
	r := New(Options{})
	for in, want := range map[string]string{
		"  Plain text, no markup.  ":  "Plain text, no markup.",
		"Cut expedites **30%**.":      "Cut expedites 30%.",
		"See `x` at [the page](u.md)": "See " + Separator + " at the page",
		"":                            "",
	} {
		p := r.InlineProse(in)
		if p.Text != want {
			t.Errorf("InlineProse(%q) = %q, want %q", in, p.Text, want)
		}
		if i := strings.Index(p.Text, "the"); i >= 0 && p.Offset(i) != strings.Index(strings.TrimSpace(in), "the") {
			t.Errorf("InlineProse(%q): offset of %q is %d", in, "the", p.Offset(i))
		}
	}
}
