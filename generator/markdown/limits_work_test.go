package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

func TestScan(t *testing.T) {
	table := func(cols, rows int) string {
		return "|" + strings.Repeat("a|", cols) + "\n|" + strings.Repeat("-|", cols) + "\n" + strings.Repeat("x\n", rows)
	}
	cases := []struct {
		name  string
		src   string
		limit Limits
		want  Problem // zero: none
	}{
		{"plain page", "# Title\n\nSome *text* with a [link](x.md).\n\n- a\n- b\n", Limits{}, Problem{}},
		{"table within the limit", table(10, 8), Limits{MaxTableCells: 100}, Problem{}},
		{"table past the limit", table(10, 10), Limits{MaxTableCells: 100}, Problem{TableCells, 12, 110, 100}},
		{"cells of all tables count", table(5, 8) + "\n" + table(5, 8), Limits{MaxTableCells: 89}, Problem{TableCells, 21, 90, 89}},
		{"one-letter rows are padded", table(1000, 1000), Limits{}, Problem{TableCells, 102, 101_000, 100_000}},
		{"a header with more cells is no table: its rows are one paragraph", "a|b|c\n|-|\n" + strings.Repeat("[a](b)\n", 501), Limits{}, Problem{InlineMarks, 1, 1002, MaxInlineMarks}},
		{"a delimiter row needs a line above", "|-|-|\n" + strings.Repeat("x\n", 200), Limits{MaxTableCells: 10}, Problem{}},
		{"a blank line ends a table", table(2, 1) + "\n" + strings.Repeat("x\n", 200), Limits{MaxTableCells: 10}, Problem{}},
		{"marks of one paragraph", strings.Repeat("*a_", 500) + "\n" + strings.Repeat("*a_", 1) + "\n", Limits{}, Problem{InlineMarks, 1, 1002, MaxInlineMarks}},
		{"marks over lines of a paragraph", strings.Repeat("[a](b)\n", 501), Limits{}, Problem{InlineMarks, 1, 1002, MaxInlineMarks}},
		{"marks of separate paragraphs", strings.Repeat("[a](b)\n", 400) + "\n" + strings.Repeat("[a](b)\n", 400), Limits{}, Problem{}},
		{"lazy lines carry a paragraph on", "> " + strings.Repeat("[a](b)\n", 501), Limits{}, Problem{InlineMarks, 1, 1002, MaxInlineMarks}},
		{"#tag is no heading", strings.Repeat("#tag [a](b)\n", 501), Limits{}, Problem{InlineMarks, 1, 1002, MaxInlineMarks}},
		{"headings are read one by one", strings.Repeat("# [a](b)\n", 501), Limits{}, Problem{}},
		{"escaped marks do not count", strings.Repeat(`\*a\_ \[`, 600) + "\n", Limits{}, Problem{}},
		{"a run of stars is one mark", strings.Repeat("*", 5000) + "\n", Limits{}, Problem{}},
		{"code is not read as text", "```\n" + strings.Repeat("*a_", 2000) + "\n```\n\n    " + strings.Repeat("*a_", 2000) + "\n", Limits{}, Problem{}},
		{"table rows are read one by one", "|a|b|\n|-|-|\n" + strings.Repeat("|[a](b)|*c*|\n", 600), Limits{}, Problem{}},
		{"marks of a page", strings.Repeat(strings.Repeat("[a](b) ", 400)+"\n\n", 126), Limits{}, Problem{PageMarks, 251, 100_800, MaxPageMarks}},
		{"unclosed links read to the end of the word", strings.Repeat("[a](b", 4000) + "\n", Limits{}, Problem{InlineMarks, 1, 8000, MaxInlineMarks}},
		{"link reading over paragraphs", strings.Repeat(strings.Repeat("[a](b", 400)+"\n\n", 60), Limits{}, Problem{LinkReading, 99, 20_010_000, MaxLinkReading}},
		{"pointy destinations read to '>'", strings.Repeat("[a](<b "+strings.Repeat("c", 200000)+"\n\n", 101), Limits{}, Problem{LinkReading, 199, 20_000_500, MaxLinkReading}},
		{"closed links read their own address", strings.Repeat(strings.Repeat("[a](b) ", 400)+"\n\n", 100), Limits{}, Problem{}},
		{"blank lines inside a deep list", strings.Repeat("- ", 64) + "x\n" + strings.Repeat("\n", 8000), Limits{}, Problem{NestedLines, 7814, 1_000_064, MaxNestedLines}},
		{"tabs inside a deep list", nestedTabs(64) + strings.Repeat(strings.Repeat("\t", 32)+"x\n", 8000), Limits{}, Problem{NestedLines, 7846, 1_000_128, MaxNestedLines}},
		{"blank lines inside a quote close it", strings.Repeat("> ", 64) + "x\n" + strings.Repeat("\n", 100_000), Limits{}, Problem{}},
		{"a shallow list holds many lines", "- x\n" + strings.Repeat("  y\n\n", 200_000), Limits{}, Problem{}},
		{"nesting is still reported", strings.Repeat("- ", 65) + "x\n", Limits{}, Problem{Nesting, 1, 65, 64}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, found := c.limit.Scan([]byte(c.src))
			if found != (c.want.Kind != 0) || got != c.want {
				t.Errorf("Scan = %+v, %v; want %+v", got, found, c.want)
			}
		})
	}
}

// nestedTabs is a list nested n deep whose items are indented with tabs.
func nestedTabs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("\t", i/2) + strings.Repeat("  ", i%2) + "- x\n")
	}
	return b.String()
}

// TestTableCellsAgreeWithGoldmark: the scan counts no fewer cells than
// goldmark makes, so that a page past the limit never gets through, and
// as many on plain tables.
func TestTableCellsAgreeWithGoldmark(t *testing.T) {
	srcs := []string{
		"|a|b|\n|-|-|\n|1|2|\n|3|\n",
		"a | b\n--- | :-:\n1\n2 | 3 | 4\n",
		"text\n|a|b|\n|-|-|\n|1|2|\n",
		"a|b|c\n|-|\n|1|\n",
		"|a|b|\n|-|-|-|\n|1|\n",
		"|a\\|b|c|\n|-|-|\n|1|\n",
		"> |a|b|\n> |-|-|\n> |1|2|\n> more\n",
		"- |a|b|\n  |-|-|\n  |1|2|\n- x\n",
		"|a|\n|-:|\n|1|\n\n|b|c|\n|:-:|--|\n|2|\n",
		"|a|b|\n|- -|-|\n|1|2|\n",
		"|a|b|\n|-|-|\n# h\n|1|2|\n",
		"|a|b|\n|-|-|\n|1|2|\n    |3|4|\n",
		"#tag|b\n-|-\n1\n",
	}
	r := New(Options{})
	for _, src := range srcs {
		want := 0
		_ = ast.Walk(r.Parse([]byte(src)).root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == extast.KindTableCell {
				want++
			}
			return ast.WalkContinue, nil
		})
		s := nestScan{max: DefaultMaxNesting, work: workScan{on: true, maxCells: 1 << 30}}
		s.scan([]byte(src))
		if s.work.cells < want || s.work.cells > want && !strings.Contains(src, "#") && !strings.Contains(src, "- ") && !strings.HasPrefix(src, "a|b|c") {
			t.Errorf("%q: the scan counts %d cells, goldmark makes %d", src, s.work.cells, want)
		}
	}
}

// TestTableCellsAgreeOnRandomTables: the same on tables made at random
// of the characters that matter.
func TestTableCellsAgreeOnRandomTables(t *testing.T) {
	r := New(Options{})
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"|", "|", "-", "-", ":", " ", "a", "\\", "`", "\n", "\n", "- ", "> ", "#", "\t", "---", "1. ", "* ", "  ", "    ", "```\n", "<div>\n"}
	for range 20_000 {
		var b strings.Builder
		for range rng.IntN(30) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := b.String()
		want := 0
		_ = ast.Walk(r.Parse([]byte(src)).root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == extast.KindTableCell {
				want++
			}
			return ast.WalkContinue, nil
		})
		s := nestScan{max: DefaultMaxNesting, work: workScan{on: true, maxCells: 1 << 30}}
		s.scan([]byte(src))
		if s.work.cells < want {
			t.Errorf("%q: the scan counts %d cells, goldmark makes %d", src, s.work.cells, want)
		}
	}
}

// TestMarksNeverFewer: on pages made at random, no paragraph, heading or
// table cell of goldmark's holds more marks than the scan counts in its
// runs, whichever way the scan reads their lines.
func TestMarksNeverFewer(t *testing.T) {
	r := New(Options{})
	rng := rand.New(rand.NewPCG(5, 6))
	pieces := []string{"[a](b", "*a_", "|", "-", ":", " ", "\n", "\n", "- ", "> ", "#", "\t", "---", "1. ", "  ", "    ", "```\n", "<div>\n", "a", "[", "]("}
	for range 50_000 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		src := []byte(b.String())
		most := 0
		_ = ast.Walk(r.Parse(src).root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			switch n.Kind() {
			case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, extast.KindTableCell:
				if entering {
					m := 0
					for i := 0; i < n.Lines().Len(); i++ {
						seg := n.Lines().At(i)
						k, _ := inlineMarks(seg.Value(src))
						m += k
					}
					most = max(most, m)
				}
			}
			return ast.WalkContinue, nil
		})
		s := nestScan{max: DefaultMaxNesting, work: workScan{on: true, maxCells: 1 << 30}}
		s.scan(src)
		if s.work.mostMarks < most {
			t.Errorf("%q: the scan counts at most %d marks in a run, goldmark reads %d in one", src, s.work.mostMarks, most)
		}
	}
}

// TestScanIsLinear: pages of several megabytes in the shapes that make
// goldmark slow, and in shapes that could make the scan slow if it were
// written carelessly; each is refused, or passed, in one pass.
func TestScanIsLinear(t *testing.T) {
	const mb = 4_000_000
	fill := func(unit string) string { return strings.Repeat(unit, mb/len(unit)) }
	cases := map[string]struct {
		src  string
		kind Kind
	}{
		"wide table":                           {"|" + fill("a|") + "\n|" + fill("-|") + "\n" + fill("x\n"), TableCells},
		"blank lines in a list":                {strings.Repeat("- ", 16) + "x\n" + fill("\n"), NestedLines},
		"unclosed links":                       {fill("[a](b"), InlineMarks},
		"emphasis marks":                       {fill("*a_"), InlineMarks},
		"marks in short paragraphs":            {fill("[a](b) *c*\n\n"), PageMarks},
		"one long word of links":               {fill("[a](" + strings.Repeat("b", 10_000)), LinkReading},
		"pointy destinations":                  {fill(strings.Repeat("[a](<b", 400) + strings.Repeat("c", 10_000) + "\n\n"), LinkReading},
		"a long delimiter row pads the header": {"a|b\n" + fill("-|") + "\n", TableCells},
		"a long header":                        {fill("a|") + "\n|-|\n", 0},
		"prose":                                {fill("Some words, and more words.\n"), 0},
	}
	for name, c := range cases {
		p, _ := Limits{}.Scan([]byte(c.src))
		if p.Kind != c.kind {
			t.Errorf("%s: %+v; want kind %d", name, p, c.kind)
		}
	}
}

// TestLineCol: a link's line and column from the index are those counted
// from the top of the page.
func TestLineCol(t *testing.T) {
	src, err := os.ReadFile("testdata/plain-page.md")
	if err != nil {
		t.Fatal(err)
	}
	src = append(append([]byte("\n\nx\n"), src...), "\n\nend"...)
	d := &Doc{src: src}
	offsets := []int{0, 1, 2, 3, 4, len(src) - 1, len(src), len(src) + 5}
	for range 200 {
		offsets = append(offsets, rand.IntN(len(src)))
	}
	for _, off := range offsets {
		line, col := d.lineCol(off)
		wantLine, wantCol := diag.LineCol(src, off)
		if line != wantLine || col != wantCol {
			t.Errorf("offset %d: %d:%d, want %d:%d", off, line, col, wantLine, wantCol)
		}
	}
}

// TestManyLinksAreLinear: a page of 50,000 links is parsed with each
// link's line, in one pass over the page (it counted from the top for
// every link).
func TestManyLinksAreLinear(t *testing.T) {
	src := strings.Repeat("See [a](a.md) and [b](b.md).\n", 25_000)
	doc := New(Options{}).Parse([]byte(src))
	if len(doc.Links) != 50_000 {
		t.Fatalf("%d links", len(doc.Links))
	}
	if l := doc.Links[len(doc.Links)-1]; l.Line != 25_000 || l.Col != 19 {
		t.Errorf("last link at %d:%d; want 25000:19", l.Line, l.Col)
	}
}

// BenchmarkScan scans the 5 kB page of BenchmarkRenderPlainPage for all
// the limits, the work they add to every page:
//
//	go test ./generator/markdown -run '^$' -bench 'Scan|TooDeep' -benchmem
func BenchmarkScan(b *testing.B) {
	src, err := os.ReadFile("testdata/plain-page.md")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if p, found := (Limits{}).Scan(src); found {
			b.Fatal(p)
		}
	}
}

// TestScanPassesRealPages: no markdown file of the repository (docs, the
// sample, test handbooks) goes past a limit.
func TestScanPassesRealPages(t *testing.T) {
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
		if pr, found := (Limits{}).Scan(src); found {
			t.Errorf("%s: %+v", p, pr)
		}
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("%d files read: %v", n, err)
	}
}

// TestInlinePastLimits: a front matter text of unclosed links or stray
// emphasis is shown as typed, without goldmark reading it for seconds.
func TestInlinePastLimits(t *testing.T) {
	r := New(Options{})
	for _, s := range []string{strings.Repeat("[a](b", 400_000), strings.Repeat("*a_", 500_000) + "\n\n" + strings.Repeat("|a", 10)} {
		html, err := r.Inline(s)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(html, []byte("<a ")) || bytes.Contains(html, []byte("<em")) || !bytes.HasPrefix(html, []byte(s[:12])) {
			t.Errorf("%.20s…: %.60s…", s, html)
		}
	}
	if got := r.PlainText(strings.Repeat("[a](b", 400_000)); len(got) != 2_000_000 {
		t.Errorf("PlainText: %d bytes, want the text as typed", len(got))
	}
}

// A long list is no paragraph: its bullets are no emphasis marks, so a
// glossary index of 2,000 "* [Term](page.md)" lines is as fine as one
// written with "-". A long code block is counted, but its run limit is
// above a 1,400-line listing with three "_" in each line.
func TestLongListsAndListingsPass(t *testing.T) {
	var stars, dashes, listing strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&stars, "* [Term %d](term-%d.md)\n", i, i)
		fmt.Fprintf(&dashes, "- [Term %d](term-%d.md)\n", i, i)
	}
	listing.WriteString("```sql\n")
	for i := range 1400 {
		fmt.Fprintf(&listing, "  field_%d_account_id bigint NOT NULL,\n", i)
	}
	listing.WriteString("```\n")
	for name, src := range map[string]string{"stars": stars.String(), "dashes": dashes.String(), "listing": listing.String()} {
		if pr, found := (Limits{}).Scan([]byte(src)); found {
			t.Errorf("%s: refused: %+v", name, pr)
		}
	}
}
