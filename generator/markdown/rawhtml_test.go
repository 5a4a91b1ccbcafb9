package markdown

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func render(t *testing.T, r *Renderer, src string) string {
	t.Helper()
	out, err := r.Render(r.Parse([]byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// TestSafeHTML: safe mode keeps an allowlist of tags and attributes and
// shows everything else as text, with dangerous URLs dropped.
func TestSafeHTML(t *testing.T) {
	r := New(Options{})
	cases := []struct {
		name, src string
		want      string // the whole output
	}{
		{"inline tags kept", "Press <kbd>Ctrl</kbd>+<kbd>K</kbd>, H<sub>2</sub>O, <mark>new</mark>",
			"<p>Press <kbd>Ctrl</kbd>+<kbd>K</kbd>, H<sub>2</sub>O, <mark>new</mark></p>\n"},
		{"placeholder shown", "Hi <first name>, <Company> grew",
			"<p>Hi &lt;first name&gt;, &lt;Company&gt; grew</p>\n"},
		{"placeholder block shown", "<first name>\n",
			"<p>&lt;first name&gt;</p>\n"},
		{"script shown as text", "<script>alert(1)</script>\n",
			"<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{"style shown as text", "<style>body{display:none}</style>\n",
			"<p>&lt;style&gt;body{display:none}&lt;/style&gt;</p>\n"},
		{"iframe shown as text", "<iframe src=\"https://x.example\"></iframe>\n",
			"<p>&lt;iframe src=&#34;https://x.example&#34;&gt;&lt;/iframe&gt;</p>\n"},
		{"form shown as text", "a <form action=\"/x\"><input name=\"q\"></form> b",
			"<p>a &lt;form action=&#34;/x&#34;&gt;&lt;input name=&#34;q&#34;&gt;&lt;/form&gt; b</p>\n"},
		{"event handler and style dropped", "<span onclick=\"x()\" onmouseover=\"y()\" style=\"color:red\" class=\"k\" title=\"t\">s</span>",
			"<p><span class=\"k\" title=\"t\">s</span></p>\n"},
		{"javascript href dropped", "<a href=\"javascript:alert(1)\">j</a> <a href=\" JaVa\tScRiPt:x\">k</a> <a href=\"vbscript:x\">v</a>",
			"<p><a>j</a> <a>k</a> <a>v</a></p>\n"},
		{"entity-encoded scheme dropped", "<a href=\"&#106;avascript:alert(1)\">j</a>",
			"<p><a>j</a></p>\n"},
		{"data URL only for img src", "<a href=\"data:text/html,x\">a</a><img src=\"data:image/png;base64,AA\" alt=\"i\"><img srcset=\"data:image/png;base64,AA 2x\" alt=\"s\">",
			"<p><a>a</a><img src=\"data:image/png;base64,AA\" alt=\"i\"><img alt=\"s\"></p>\n"},
		{"other schemes kept", "<a href=\"https://x.example/a?b=1&amp;c=2\">h</a> <a href=\"mailto:a@b.example\">m</a> <a href=\"tel:+15551234\">t</a> <a href=\"a:b/c\">r</a>",
			"<p><a href=\"https://x.example/a?b=1&amp;c=2\">h</a> <a href=\"mailto:a@b.example\">m</a> <a href=\"tel:+15551234\">t</a> <a>r</a></p>\n"},
		{"relative path with colon kept", "<a href=\"./a:b\">r</a>",
			"<p><a href=\"./a:b\">r</a></p>\n"},
		{"target dropped", "<a href=\"https://x.example\" target=\"_blank\" name=\"top\">x</a>",
			"<p><a href=\"https://x.example\" name=\"top\">x</a></p>\n"},
		{"img attributes", "<img src=\"a.png\" alt=\"A\" width=\"40\" height=\"20\" loading=\"lazy\" align=\"right\" onerror=\"x()\">\n",
			"<img src=\"a.png\" alt=\"A\" width=\"40\" height=\"20\" loading=\"lazy\" align=\"right\">\n"},
		{"picture and source", "<picture>\n<source media=\"(min-width: 600px)\" srcset=\"big.png\" type=\"image/png\">\n<img src=\"small.png\" alt=\"x\">\n</picture>\n",
			"<picture>\n<source media=\"(min-width: 600px)\" srcset=\"big.png\" type=\"image/png\">\n<img src=\"small.png\" alt=\"x\">\n</picture>\n"},
		{"video gets controls, no autoplay", "<video src=\"v.mp4\" poster=\"p.png\" autoplay muted></video>\n",
			"<p><video src=\"v.mp4\" poster=\"p.png\" muted=\"\" controls=\"\"></video></p>\n"},
		{"details", "<details open>\n<summary>More</summary>\n\nText\n\n</details>\n",
			"<details open=\"\">\n<summary>More</summary>\n<p>Text</p>\n</details>\n"},
		{"table", "<table>\n<tr><th colspan=\"2\" style=\"x\">H</th></tr>\n<tr><td rowspan=\"1\">a</td><td>b</td></tr>\n</table>\n",
			"<table>\n<tr><th colspan=\"2\">H</th></tr>\n<tr><td rowspan=\"1\">a</td><td>b</td></tr>\n</table>\n"},
		{"comment hidden", "Offer it. <!-- legal: never promise --> Then move on.",
			"<p>Offer it.  Then move on.</p>\n"},
		{"comment block hidden", "<!-- internal -->\n",
			""},
		{"svg shown as text", "<svg onload=\"x()\"></svg>\n",
			"<p>&lt;svg onload=&#34;x()&#34;&gt;&lt;/svg&gt;</p>\n"},
		{"stray closing tags dropped", "</div></div>\n\nText</p>\n",
			"<p>Text</p>\n"},
		{"open elements closed at the end", "<div class=\"box\">\n<span>open\n\nText\n",
			"<div class=\"box\">\n<span>open\n<p>Text</p>\n</span></div>"},
		{"an open paragraph is left to the browser", "<p>\n\nText\n",
			"<p>\n<p>Text</p>\n"},
		{"mis-nested closes down to the match", "<div><span>a</div>\n\nb</span>\n",
			"<div><span>a</div>\n<p>b</p>\n"},
		{"text in a block is escaped", "<div>\nA & B < C\n</div>\n",
			"<div>\nA &amp; B &lt; C\n</div>\n"},
		{"upper case tags", "<DIV ALIGN=\"center\"><IMG SRC=\"a.png\" ALT=\"a\"></DIV>\n",
			"<div align=\"center\"><img src=\"a.png\" alt=\"a\"></div>\n"},
		{"unquoted and single-quoted values", "Look: <img src=a.png alt='a \"b\"'>",
			"<p>Look: <img src=\"a.png\" alt=\"a &#34;b&#34;\"></p>\n"},
		{"duplicate attribute: the first wins", "<a href=\"a.md\" href=\"javascript:x\">a</a>",
			"<p><a href=\"a.md\">a</a></p>\n"},
		{"br in a table cell", "| a |\n|---|\n| x<br>y |\n",
			"<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Table: a\">\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>x<br>y</td>\n</tr>\n</tbody>\n</table>\n</div>\n"},
		{"code is not HTML", "`<script>` and\n\n```\n<a href=\"x.md\">\n```\n",
			"<p><code>&lt;script&gt;</code> and</p>\n<pre><code>&lt;a href=&quot;x.md&quot;&gt;\n</code></pre>\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := render(t, r, c.src); got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestEscapeAndUnsafeModes(t *testing.T) {
	src := "Hi <first name>, <a href=\"a.md\" onclick=\"x()\">a</a>\n\n<script>alert(1)</script>\n\n<!-- note -->\n"
	cases := []struct {
		mode RawHTML
		want string
	}{
		{RawHTMLEscape, "<p>Hi &lt;first name&gt;, &lt;a href=&#34;a.md&#34; onclick=&#34;x()&#34;&gt;a&lt;/a&gt;</p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"},
		{RawHTMLUnsafe, "<p>Hi <first name>, <a href=\"/a/\" onclick=\"x()\">a</a></p>\n<script>alert(1)</script>\n<!-- note -->\n"},
		{"bogus", "<p>Hi &lt;first name&gt;, <a href=\"/a/\">a</a></p>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"}, // safe
	}
	for _, c := range cases {
		r := New(Options{RawHTML: c.mode})
		doc := r.Parse([]byte(src))
		for _, l := range doc.Links {
			l.Rewrite("/a/")
		}
		out, _ := r.Render(doc)
		if string(out) != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.mode, out, c.want)
		}
		if c.mode == RawHTMLEscape && len(doc.Links) != 0 {
			t.Errorf("escape mode found links in text: %+v", doc.Links)
		}
	}
}

// An untouched tag is written as it was in unsafe mode; a rewritten one is
// written again with every attribute.
func TestUnsafeRewriteKeepsTheRest(t *testing.T) {
	r := New(Options{RawHTML: RawHTMLUnsafe})
	doc := r.Parse([]byte("<div STYLE=color:red><a href='x.md' data-x=1>x</a> <a href=\"https://y.example\" class=k>y</a></div>\n"))
	doc.Links[0].Rewrite(`/x/?a=1&b="2"`)
	out, _ := r.Render(doc)
	want := "<div STYLE=color:red><a href=\"/x/?a=1&amp;b=&#34;2&#34;\" data-x=\"1\">x</a> <a href=\"https://y.example\" class=k>y</a></div>\n"
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

func TestRawHTMLLinks(t *testing.T) {
	src := "Intro\n\nSee <a href=\"pricing.md#roi\">pricing</a> and <a\nhref=\"b.md\">b</a>.\n\n" + // 3, 4
		"<div>\n  <img src=\" d.png\" srcset=\"d.png 1x,\n   d@2x.png 2x, d-480.png 480w\" alt=\"D\">\n</div>\n\n" + // 6-9
		"> <a href=\"quoted.md\">q</a>\n>\n> <img src=\"q.png\" alt=\"\">\n\n" + // 11, 13
		"- item\n\n  <video src=\"v.mp4\" poster=\"p.png\"><track src=\"v.vtt\" kind=\"captions\"></video>\n\n" + // 17
		"`<a href=\"code.md\">` [md](m.md)\n\n```html\n<a href=\"fenced.md\">x</a>\n```\n\n" + // 19
		"<a href=\"javascript:x\">js</a> <a href=\"https://x.example\">w</a> <a>none</a> <a href=\"\">empty</a>\n" // 25
	type want struct {
		dest      string
		line, col int
		image     bool
	}
	wants := []want{
		{"pricing.md#roi", 3, 14, false},
		{"b.md", 4, 7, false},
		{"d.png", 7, 14, true}, // after the space
		{"d.png", 7, 29, true},
		{"d@2x.png", 8, 4, true},
		{"d-480.png", 8, 17, true},
		{"quoted.md", 11, 12, false},
		{"q.png", 13, 13, true},
		{"v.mp4", 17, 15, true},
		{"p.png", 17, 30, true},
		{"v.vtt", 17, 49, true},
		{"m.md", 19, 22, false},
		{"javascript:x", 25, 10, false},
		{"https://x.example", 25, 40, false},
		{"", 25, 86, false},
	}
	for _, mode := range []RawHTML{RawHTMLSafe, RawHTMLUnsafe} {
		doc := New(Options{RawHTML: mode}).Parse([]byte(src))
		var got []want
		for _, l := range doc.Links {
			got = append(got, want{l.Dest, l.Line, l.Col, l.IsImage})
		}
		if !reflect.DeepEqual(got, wants) {
			t.Errorf("%s:\n got %v\nwant %v", mode, got, wants)
		}
	}
}

func TestRawHTMLRewrite(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("<a href=\"a.md#x\">a</a> <img src=\"i.png\" srcset=\"i.png 1x, i@2x.png 2x\" alt=\"i\"> <a href=\"https://x.example\">w</a>\n"))
	for _, l := range doc.Links {
		if !strings.HasPrefix(l.Dest, "https:") {
			l.Rewrite("/site/" + strings.ReplaceAll(l.Dest, ".md", "/") + `?q="<&>"`)
		}
	}
	out, _ := r.Render(doc)
	got := string(out)
	want := `<p><a href="/site/a/#x?q=&#34;&lt;&amp;&gt;&#34;">a</a> <img src="/site/i.png?q=&#34;&lt;&amp;&gt;&#34;" srcset="/site/i.png?q=&#34;&lt;&amp;&gt;&#34; 1x, /site/i@2x.png?q=&#34;&lt;&amp;&gt;&#34; 2x" alt="i"> <a href="https://x.example">w</a></p>` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestParseSrcset(t *testing.T) {
	cases := map[string][]string{
		"a.png":                         {"a.png|"},
		"a.png 1x, b.png 2x":            {"a.png|1x", "b.png|2x"},
		"  a.png   480w ,b.png  800w  ": {"a.png|480w", "b.png|800w"},
		"a.png, b.png 2x":               {"a.png|", "b.png|2x"},
		"a.png,b.png 2x":                {"a.png,b.png|2x"}, // a comma inside a URL is part of it
		"a&b.png 1x":                    {"a&b.png|1x"},
		"":                              nil,
		" , ,":                          nil,
	}
	for in, want := range cases {
		var got []string
		for _, c := range parseSrcset(in) {
			got = append(got, c.url.dest+"|"+c.url.descriptor)
			if !strings.HasPrefix(in[c.at:], c.url.dest) {
				t.Errorf("%q: candidate %q is not at %d", in, c.url.dest, c.at)
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("parseSrcset(%q) = %q, want %q", in, got, want)
		}
	}
}

// ids and <a name> in raw HTML are link targets; they are not headings of
// the table of contents.
func TestRawHTMLAnchors(t *testing.T) {
	doc := New(Options{}).Parse([]byte("## Pricing\n\n<a name=\"old-pricing\"></a>\n\n<div id=\"roi-table\">x</div> <span id=\"\">e</span>\n"))
	want := []Heading{{2, "pricing", "Pricing"}, {0, "old-pricing", ""}, {0, "roi-table", ""}}
	if !reflect.DeepEqual(doc.Headings, want) {
		t.Errorf("headings %+v, want %+v", doc.Headings, want)
	}
	if doc := New(Options{RawHTML: RawHTMLEscape}).Parse([]byte("<a name=\"x\"></a>\n")); len(doc.Headings) != 0 {
		t.Errorf("escape mode found targets in text: %+v", doc.Headings)
	}
}

// What a reader sees of raw HTML is the text of headings and search, in
// each mode.
func TestRawHTMLText(t *testing.T) {
	src := "## Press <kbd>Ctrl</kbd> for <first name>\n\nA <b>bold</b> word and <script>x</script>\n"
	cases := []struct {
		mode    RawHTML
		heading Heading
		text    string
	}{
		{RawHTMLSafe, Heading{2, "press-ctrl-for-first-name", "Press Ctrl for <first name>"}, "A bold word and <script>x</script>"},
		{RawHTMLEscape, Heading{2, "press-kbdctrlkbd-for-first-name", "Press <kbd>Ctrl</kbd> for <first name>"}, "A <b>bold</b> word and <script>x</script>"},
		{RawHTMLUnsafe, Heading{2, "press-ctrl-for", "Press Ctrl for"}, "A bold word and x"},
	}
	for _, c := range cases {
		doc := New(Options{RawHTML: c.mode}).Parse([]byte(src))
		if doc.Headings[0] != c.heading {
			t.Errorf("%s: heading %+v, want %+v", c.mode, doc.Headings[0], c.heading)
		}
		if got := doc.Sections()[1].Text; got != c.text {
			t.Errorf("%s: text %q, want %q", c.mode, got, c.text)
		}
	}
}

// Front matter texts are inline markdown: their raw HTML is treated the
// same way, and an element they leave open is closed.
func TestInlineRawHTML(t *testing.T) {
	r := New(Options{})
	doc := r.ParseInline(`See <a href="pricing.md" onclick="x()">pricing</a> <span class="k">open`)
	if len(doc.Links) != 1 || doc.Links[0].Dest != "pricing.md" || doc.Links[0].Line != 1 || doc.Links[0].Col != 14 {
		t.Fatalf("links %+v", doc.Links)
	}
	doc.Links[0].Rewrite("/pricing/")
	out, err := r.RenderInline(doc)
	if err != nil {
		t.Fatal(err)
	}
	if want := `See <a href="/pricing/">pricing</a> <span class="k">open</span>`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}

// A srcset is split as the browser reads it: a character reference for a
// space separates a URL from its descriptor.
func TestSrcsetCharacterReferences(t *testing.T) {
	doc := New(Options{}).Parse([]byte("<img srcset=\"a.png&#32;2x, b&amp;c.png 1x\" alt=\"x\">\n"))
	var got []string
	for _, l := range doc.Links {
		got = append(got, fmt.Sprintf("%s@%d", l.Dest, l.Col))
	}
	if want := []string{"a.png@14", "b&c.png@28"}; !reflect.DeepEqual(got, want) {
		t.Errorf("links %q, want %q", got, want)
	}
}
