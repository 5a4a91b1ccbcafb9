package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"

	"strings"
	"testing"
)

func TestTooDeep(t *testing.T) {
	deepList := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i) + "- x\n")
		}
		return b.String()
	}
	cases := []struct {
		name       string
		src        string
		max        int
		line, deep int
	}{
		{"flat prose", "a\n\nb\n", 2, 0, 0},
		{"list within the limit", "- a\n  - b\n", 2, 0, 0},
		{"indented list past the limit", deepList(4), 3, 4, 4},
		{"same-line list", "x\n\n" + strings.Repeat("- ", 5) + "y\n", 3, 3, 5},
		{"ordered same-line", strings.Repeat("1. ", 4) + "y\n", 3, 1, 4},
		{"quotes", "> a\n> > b\n> > > c\n", 2, 3, 3},
		{"quotes without spaces", ">>>> c\n", 3, 1, 4},
		{"quote in list in quote", "> - > - x\n", 3, 1, 4},
		{"blank line keeps list items", "- - a\n\n      b\n\n    - - c\n", 3, 5, 4},
		{"unindented line closes items", "- - - a\n\nb\n- - - c\n", 3, 0, 0},
		{"lazy continuation keeps depth", "> > > a\nb\n> > > c\n", 3, 0, 0},
		{"fenced code is no nesting", "```\n> > > >\n- - - -\n```\n", 1, 0, 0},
		{"tilde fence in a quote", "> ~~~\n> > > > >\n> ~~~\n> > x\n", 1, 4, 2},
		{"fence closed by the end of its quote", "> ```\n> > >\n\n> > x\n", 1, 4, 2},
		{"indented code is no nesting", "para\n\n    > > > >\n    - - - -\n", 1, 0, 0},
		{"thematic breaks are no lists", "- - -\n* * * *\n", 1, 0, 0},
		{"a list item holding a break", "- * * *\n", 1, 0, 0},
		{"numbers in a paragraph", "In\n2019. was a year\n", 0, 0, 0},
		{"footnotes", "[^a]: x\n\n    > > z\n", 2, 3, 3},
		{"footnotes nest in nothing", "> [^a]: x\n", 1, 0, 0},
		{"emphasis is not a list", "*a* and -b\n", 1, 0, 0},
		{"CRLF", "> > a\r\n> > > b\r\n", 2, 2, 3},
		{"tabs", "-\tx\n\t-\ty\n", 1, 2, 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			max := c.max
			if max == 0 {
				max = 1
			}
			line, deep := Limits{MaxNesting: max}.TooDeep([]byte(c.src))
			if line != c.line || deep != c.deep {
				t.Errorf("TooDeep(%q, %d) = line %d, depth %d; want line %d, depth %d", c.src, max, line, deep, c.line, c.deep)
			}
		})
	}
}

// TestTooDeepAgreesWithGoldmark: the depth the scan finds is the depth of
// goldmark's tree, so a page within the limit is never refused.
func TestTooDeepAgreesWithGoldmark(t *testing.T) {
	srcs := []string{
		"- a\n  - b\n    - c\n",
		"> a\n> > b\n> > > c\n",
		"1. a\n   > b\n   > - c\n",
		"- a\n\n  b\n\n  - c\n\n    d\n",
		"> - a\n>   - b\n> > c\n",
		"- ```\n  > > >\n  ```\n- x\n",
		"[^a]: x\n\n    [^b]: y\n\n        > z\n\nSee[^a].\n",
		"[^a]: x\n\n    > b\n    > > z\n\nSee[^a].\n",
		"a\n- b\n  c\n> d\ne\n",
		"- a\n -b\n",
		"* * *\n- - -\n- * * *\n",
		nestedTabs(6),
		nestedTabs(6) + "\t\t\tx\n\t\t\t  - y\n",
		"- a\n\t- b\n\t\t- c\n",
		">\t- a\n>\t\t- b\n",
	}
	r := New(Options{})
	for _, src := range srcs {
		want := treeDepth(r.Parse([]byte(src)).root, 0)
		for max := 1; max <= want+1; max++ {
			_, deep := Limits{MaxNesting: max}.TooDeep([]byte(src))
			if refused := deep > 0; refused != (want > max) {
				t.Errorf("%q at limit %d: refused %v, but goldmark nests %d deep", src, max, refused, want)
			}
		}
	}
}

func TestTooDeepTenThousand(t *testing.T) {
	for name, src := range map[string]string{
		"list":  strings.Repeat("- ", 10000) + "x\n",
		"quote": strings.Repeat("> ", 10000) + "x\n",
	} {
		line, deep := Limits{}.TooDeep([]byte(src))
		if line != 1 || deep != 10000 {
			t.Errorf("%s: line %d, depth %d; want line 1, depth 10000", name, line, deep)
		}
	}
	var b strings.Builder
	for i := 1; i <= 100; i++ {
		b.WriteString(strings.Repeat(">", i) + " x\n")
	}
	if line, deep := (Limits{}).TooDeep([]byte(b.String())); line != 65 || deep != 65 {
		t.Errorf("quote lines: line %d, depth %d; want line 65, depth 65", line, deep)
	}
}

// TestTooDeepIsLinear: shapes that make the scan do more than one step
// per byte if it is written carelessly. Each is a few megabytes, read in
// milliseconds by a linear scan and in hours by a quadratic one.
func TestTooDeepIsLinear(t *testing.T) {
	const n = 1_000_000
	cases := map[string]struct {
		src        string
		line, deep int
	}{
		"one-line list":            {strings.Repeat("- ", n) + "x\n", 1, n},
		"one-line ordered list":    {strings.Repeat("1. ", n) + "x\n", 1, n},
		"one-line quote":           {strings.Repeat("> ", n) + "x\n", 1, n},
		"lists in quotes":          {strings.Repeat("- > ", n/2) + "x\n", 1, n},
		"blank lines in a list":    {strings.Repeat("- ", 64) + "x\n" + strings.Repeat("\n", n) + "z\n", 0, 0},
		"lazy lines in quotes":     {strings.Repeat("> ", 64) + "x\n" + strings.Repeat("y\n", n), 0, 0},
		"spaces in a deep list":    {strings.Repeat("- ", 64) + "x\n" + strings.Repeat(" ", n) + "y\n", 0, 0},
		"a break after many marks": {strings.Repeat("- ", 63) + strings.Repeat("-", n) + "\n", 0, 0},
	}
	for name, c := range cases {
		line, deep := Limits{}.TooDeep([]byte(c.src))
		if line != c.line || deep != c.deep {
			t.Errorf("%s: line %d, depth %d; want line %d, depth %d", name, line, deep, c.line, c.deep)
		}
	}
}

func TestOverSize(t *testing.T) {
	l := Limits{MaxPageSize: 10}
	if _, over := l.OverSize([]byte("0123456789")); over {
		t.Error("a page of exactly the limit is refused")
	}
	if line, over := l.OverSize([]byte("abc\ndef\nghi\njkl")); !over || line != 3 {
		t.Errorf("OverSize = line %d, %v; want line 3, true", line, over)
	}
}

// BenchmarkTooDeep scans the 5 kB page of BenchmarkRenderPlainPage, the
// work the limit adds to every page:
//
//	go test ./generator/markdown -run '^$' -bench 'TooDeep|RenderPlainPage' -benchmem
func BenchmarkTooDeep(b *testing.B) {
	src, err := os.ReadFile("testdata/plain-page.md")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if line, _ := (Limits{}).TooDeep(src); line != 0 {
			b.Fatal(line)
		}
	}
}

// treeDepth counts nested list items, quotes and footnotes in a goldmark
// tree, the way TooDeep does.
func treeDepth(n ast.Node, depth int) int {
	switch n.Kind() {
	case ast.KindListItem, ast.KindBlockquote, extast.KindFootnote:
		depth++
	}
	deepest := depth
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		deepest = max(deepest, treeDepth(c, depth))
	}
	return deepest
}

// TestTooDeepOnRealPages: on every markdown file of the repository (docs,
// the sample, test handbooks), the scan finds the depth goldmark builds.
func TestTooDeepOnRealPages(t *testing.T) {
	r := New(Options{})
	n := 0
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		n++
		want := treeDepth(r.Parse(src).root, 0)
		if _, deep := (Limits{MaxNesting: max(want, 1)}).TooDeep(src); deep != 0 {
			t.Errorf("%s: goldmark nests %d deep, the scan %d", p, want, deep)
		}
		if want > 1 {
			if line, _ := (Limits{MaxNesting: want - 1}).TooDeep(src); line == 0 {
				t.Errorf("%s: goldmark nests %d deep, the scan less", p, want)
			}
		}
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("%d files read: %v", n, err)
	}
}

// TestInlineTooDeep: a front matter text nested past the limit is shown
// as one line of text, as any block markup in such a text is, without
// goldmark reading its million levels first.
func TestInlineTooDeep(t *testing.T) {
	r := New(Options{})
	for _, s := range []string{strings.Repeat("> ", 1_000_000) + "x", strings.Repeat("- ", 1_000_000) + "x"} {
		html, err := r.Inline(s)
		if err != nil {
			t.Fatal(err)
		}
		if len(html) < 2_000_000 || bytes.Contains(html, []byte("<blockquote")) || bytes.Contains(html, []byte("<li")) || !bytes.HasSuffix(html, []byte(" x")) {
			t.Errorf("%.20s…: %.60s…", s, html)
		}
	}
}
