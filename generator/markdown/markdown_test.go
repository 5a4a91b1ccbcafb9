package markdown

import (
	"reflect"
	"strings"
	"testing"
)

func TestHeadingsAndAnchors(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("## How to run it\n\n### Step `one` *now*\n\n## How to run it\n"))
	want := []Heading{{2, "how-to-run-it", "How to run it"}, {3, "step-one-now", "Step one now"}, {2, "how-to-run-it-1", "How to run it"}}
	if len(doc.Headings) != len(want) {
		t.Fatalf("headings %+v", doc.Headings)
	}
	for i, h := range want {
		if doc.Headings[i] != h {
			t.Errorf("heading %d = %+v, want %+v", i, doc.Headings[i], h)
		}
	}
	html, err := r.Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `<h2 id="how-to-run-it">How to run it<a class="anchor" href="#how-to-run-it" aria-label="Link to section: How to run it">#</a></h2>`) {
		t.Errorf("anchor missing:\n%s", html)
	}
}

func TestLinkPositions(t *testing.T) {
	src := "Intro line\n\nSee [a](a.md) and\n[b **bold**](../b.md#x) ![img](i.png)\n\n- item [c](c.md)\n\n| t |\n|---|\n| [d](d.md) |\n\nAn [x](e.md#y) and an [*x*](e.md#y).\n"
	doc := New(Options{}).Parse([]byte(src))
	want := []struct {
		dest      string
		line, col int
		image     bool
	}{{"a.md", 3, 5, false}, {"../b.md#x", 4, 1, false}, {"i.png", 4, 25, true}, {"c.md", 6, 8, false}, {"d.md", 10, 3, false}, {"e.md#y", 12, 4, false}, {"e.md#y", 12, 23, false}}
	if len(doc.Links) != len(want) {
		t.Fatalf("links %+v", doc.Links)
	}
	for i, w := range want {
		l := doc.Links[i]
		if l.Dest != w.dest || l.Line != w.line || l.Col != w.col || l.IsImage != w.image {
			t.Errorf("link %d = %s %d:%d image=%v, want %s %d:%d image=%v", i, l.Dest, l.Line, l.Col, l.IsImage, w.dest, w.line, w.col, w.image)
		}
	}
}

func TestRewriteAndExtensions(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("[x](a.md#y)\n\n- [ ] todo\n- [x] done\n\n~~old~~ https://example.com \"quoted\"\n\nTerm\n: Def\n\nNote[^1]\n\n[^1]: Footnote.\n\n```go\nfunc main() {}\n```\n"))
	doc.Links[0].Rewrite("/a/#y")
	out, err := r.Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	for _, want := range []string{
		`<a href="/a/#y">x</a>`,
		`<input disabled="" type="checkbox" aria-hidden="true" tabindex="-1"> todo`,
		`<span class="visually-hidden">Done: </span> done`,
		`<del>old</del>`,
		`<a href="https://example.com">https://example.com</a>`,
		`&ldquo;quoted&rdquo;`,
		`<dl>`, `<dd>Def</dd>`,
		`class="footnote-ref"`,
		`<pre tabindex="0" class="chroma"><code><span class="line"><span class="cl"><span class="kd">func</span>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("output lacks %s\n%s", want, html)
		}
	}
}

func TestUnsafeHTML(t *testing.T) {
	src := []byte("<b>bold</b>\n\n<script>x()</script>\n")
	e := New(Options{RawHTML: RawHTMLEscape})
	escaped, _ := e.Render(e.Parse(src))
	if strings.Contains(string(escaped), "<b>") || strings.Contains(string(escaped), "<script>") {
		t.Errorf("raw HTML passed through in escape mode: %s", escaped)
	}
	safe, _ := New(Options{}).Render(New(Options{}).Parse(src))
	if !strings.Contains(string(safe), "<b>bold</b>") || strings.Contains(string(safe), "<script>") {
		t.Errorf("safe mode (the default) did not keep <b> and show <script> as text: %s", safe)
	}
	r := New(Options{RawHTML: RawHTMLUnsafe})
	unsafe, _ := r.Render(r.Parse(src))
	if !strings.Contains(string(unsafe), "<b>bold</b>") {
		t.Errorf("unsafe_html did not pass HTML through: %s", unsafe)
	}
}

func TestInline(t *testing.T) {
	out, err := New(Options{}).Inline("Cut costs **30%** with [x](https://x.example)")
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `Cut costs <strong>30%</strong> with <a href="https://x.example">x</a>` {
		t.Errorf("Inline = %s", out)
	}
}

func TestHighlightCSS(t *testing.T) {
	css, err := HighlightCSS("github", "github-dark")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(css), "@media screen and (prefers-color-scheme: dark) {") || !strings.Contains(string(css), "@media print, not (prefers-color-scheme: dark) {") || !strings.Contains(string(css), ".chroma") {
		t.Errorf("unexpected CSS:\n%.300s", css)
	}
	if _, err := HighlightCSS("nope", "github-dark"); err == nil || !strings.Contains(err.Error(), `unknown highlight style "nope"`) {
		t.Errorf("bad style error: %v", err)
	}
}

func TestRawHTMLShownAsText(t *testing.T) {
	r := New(Options{RawHTML: RawHTMLEscape})
	out, _ := r.Render(r.Parse([]byte("Say: \"Hi <first name>, I saw <Company> grew.\"\n\n<div class=\"note\">A note</div>\n")))
	html := string(out)
	for _, want := range []string{"Hi &lt;first name&gt;, I saw &lt;Company&gt; grew.", "&lt;div class=&#34;note&#34;&gt;A note&lt;/div&gt;"} {
		if !strings.Contains(html, want) {
			t.Errorf("lacks %s:\n%s", want, html)
		}
	}
}

func TestUnicodeHeadingIDs(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("## Café & crème brûlée\n\n## 日本語の見出し\n\n## Ελληνικά κεφάλαια\n\n## \"Quoted\" heading's -- here\n\n## 🚀 Launch\n\n## !!!\n\n## Café & crème brûlée\n"))
	want := []Heading{
		{2, "café--crème-brûlée", "Café & crème brûlée"},
		{2, "日本語の見出し", "日本語の見出し"},
		{2, "ελληνικά-κεφάλαια", "Ελληνικά κεφάλαια"},
		{2, "quoted-headings----here", "“Quoted” heading’s – here"},
		{2, "-launch", "🚀 Launch"},
		{2, "section", "!!!"},
		{2, "café--crème-brûlée-1", "Café & crème brûlée"},
	}
	for i, w := range want {
		if i >= len(doc.Headings) || doc.Headings[i] != w {
			t.Errorf("heading %d = %+v, want %+v", i, doc.Headings[i], w)
		}
	}
	out, _ := r.Render(doc)
	if !strings.Contains(string(out), `aria-label="Link to section: “Quoted” heading’s – here"`) {
		t.Errorf("anchor label double-escaped:\n%s", out)
	}
}

func TestInlineStaysInline(t *testing.T) {
	r := New(Options{})
	cases := map[string]string{
		"# Heading":           "# Heading",
		"- item":              "- item",
		"> quote":             "&gt; quote",
		"1. first":            "1. first",
		"Plain **bold** text": "Plain <strong>bold</strong> text",
		"Two\n\nparagraphs":   "Two paragraphs",
		"Hi <first name>":     "Hi &lt;first name&gt;",
		"```\ncode\n```":      "<code>code</code>",
	}
	for in, want := range cases {
		out, err := r.Inline(in)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != want {
			t.Errorf("Inline(%q) = %q, want %q", in, out, want)
		}
	}
}

func TestCommentEdgeCases(t *testing.T) {
	r := New(Options{})
	out, _ := r.Render(r.Parse([]byte("Offer it. <!-- TODO: legal says never\npromise a discount here --> Then move on.\n\n<!-- internal --> Hi <first name>, thanks.\n")))
	html := string(out)
	if strings.Contains(html, "discount") || strings.Contains(html, "internal") {
		t.Errorf("comment text published:\n%s", html)
	}
	if !strings.Contains(html, "Then move on.") || !strings.Contains(html, "Hi &lt;first name&gt;, thanks.") {
		t.Errorf("text around comments lost:\n%s", html)
	}
}

func TestHeadingTextResolvesEscapes(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("## Q&amp;A \\#1 \\*fast\\*\n\n## See <https://x.example>\n\n## A<br>B\n"))
	want := []Heading{{2, "qa-1-fast", "Q&A #1 *fast*"}, {2, "see-httpsxexample", "See https://x.example"}, {2, "a-b", "A B"}}
	for i, w := range want {
		if doc.Headings[i] != w {
			t.Errorf("heading %d = %+v, want %+v", i, doc.Headings[i], w)
		}
	}
	if got := r.PlainText(`Within 30&nbsp;days, \*not\*`); got != "Within 30\u00a0days, *not*" {
		t.Errorf("PlainText = %q", got)
	}
}

func TestSections(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("Intro with **bold** and a [link](x.md).\n\n- one\n- two\n\n## Talk track\n\n> \"We hear you.\"\n\n```\ncode is left out\n```\n\n| a | b |\n|---|---|\n| c | d |\n\n## Talk track\n\nAgain & again.\n"))
	got := doc.Sections()
	want := []Section{
		{Text: "Intro with bold and a link.\none\ntwo"},
		{ID: "talk-track", Heading: "Talk track", Text: "“We hear you.”\na\nb\nc\nd"},
		{ID: "talk-track-1", Heading: "Talk track", Text: "Again & again."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections:\n got %q\nwant %q", got, want)
	}
}

// PlainText's shortcut for texts without markup must agree with parsing.
func TestPlainTextShortcut(t *testing.T) {
	r := New(Options{})
	for _, s := range []string{"Save six hours a week.", "On-time delivery", "Costs 5% less (per lane), $40/load!", "Proof: 30% fewer calls; fast?",
		"Ünïcödé wörds", "1. Not a list", "- dash", "a -- b", "wait...", "a  b", " padded ", "x: y", "Q3 2026", "", "2026 budget"} {
		doc := r.ParseInline(s)
		if got, want := r.PlainText(s), plainText(doc.root, doc.src); got != want {
			t.Errorf("PlainText(%q) = %q, parsing gives %q", s, got, want)
		}
	}
}
