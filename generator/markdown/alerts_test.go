package markdown

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// icons are left out of the expected HTML.
var iconRe = regexp.MustCompile(`<svg class="callout-icon" aria-hidden="true" focusable="false"[^>]*>.*?</svg>`)

func TestAlerts(t *testing.T) {
	cases := []struct {
		name, src, want string
	}{
		{"note", "> [!NOTE]\n> Read this.\n",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>Read this.</p>\n</div>\n"},
		{"tip", "> [!TIP]\n> Ask about **volume**.\n",
			"<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Ask about <strong>volume</strong>.</p>\n</div>\n"},
		{"second line opens with bold", "> [!TIP]\n> **Volume** first.\n",
			"<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p><strong>Volume</strong> first.</p>\n</div>\n"},
		{"second line opens with a link", "> [!NOTE]\n> [Pricing](p.md) changed.\n",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p><a href=\"p.md\">Pricing</a> changed.</p>\n</div>\n"},
		{"second line opens with raw HTML", "> [!NOTE]\n> <kbd>Ctrl</kbd> then C.\n",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p><kbd>Ctrl</kbd> then C.</p>\n</div>\n"},
		{"important", "> [!IMPORTANT]\n> Legal signs off.\n",
			"<div class=\"callout callout-important\" role=\"note\">\n<p class=\"callout-title\">Important</p>\n<p>Legal signs off.</p>\n</div>\n"},
		{"warning", "> [!WARNING]\n> Not below 5%.\n",
			"<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>Not below 5%.</p>\n</div>\n"},
		{"caution", "> [!CAUTION]\n> Never promise dates.\n",
			"<div class=\"callout callout-caution\" role=\"note\">\n<p class=\"callout-title\">Caution</p>\n<p>Never promise dates.</p>\n</div>\n"},
		{"any case, spaces around", ">   [!tip]  \n> Lower case.\n",
			"<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Lower case.</p>\n</div>\n"},
		{"marker line on its own paragraph", "> [!NOTE]\n>\n> First.\n>\n> - a\n> - b\n",
			"<div class=\"callout callout-note\" role=\"note\">\n<p class=\"callout-title\">Note</p>\n<p>First.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n</div>\n"},
		{"nested content", "> [!WARNING]\n> Check [the terms](terms.md).\n>\n> ```\n> code\n> ```\n>\n> > quoted\n",
			"<div class=\"callout callout-warning\" role=\"note\">\n<p class=\"callout-title\">Warning</p>\n<p>Check <a href=\"terms.md\">the terms</a>.</p>\n<pre><code>code\n</code></pre>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n</div>\n"},
		{"in a list", "- step\n\n  > [!TIP]\n  > Inside.\n",
			"<ul>\n<li>\n<p>step</p>\n<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Inside.</p>\n</div>\n</li>\n</ul>\n"},
		{"unknown type stays a quote", "> [!FOO]\n> Text.\n",
			"<blockquote>\n<p>[!FOO]\nText.</p>\n</blockquote>\n"},
		{"title line only stays a quote", "> [!NOTE]\n",
			"<blockquote>\n<p>[!NOTE]</p>\n</blockquote>\n"},
		{"text after the marker stays a quote", "> [!NOTE] Read this.\n",
			"<blockquote>\n<p>[!NOTE] Read this.</p>\n</blockquote>\n"},
		{"a link is no marker", "> [!NOTE](x.md)\n> Text.\n",
			"<blockquote>\n<p><a href=\"x.md\">!NOTE</a>\nText.</p>\n</blockquote>\n"},
		{"a plain quote", "> Just a quote.\n",
			"<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n"},
		{"inside code", "```\n> [!NOTE]\n> Text.\n```\n\n`> [!TIP]`\n",
			"<pre><code>&gt; [!NOTE]\n&gt; Text.\n</code></pre>\n<p><code>&gt; [!TIP]</code></p>\n"},
	}
	r := New(Options{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := iconRe.ReplaceAllString(render(t, r, c.src), "")
			if got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

// A callout's text is prose and searchable like any other; its title is
// no heading, so heading IDs and the table of contents are unchanged.
func TestAlertTextAndHeadings(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("## Price\n\n> [!TIP]\n> Ask what a late load costs them.\n\nThen [move on](next.md).\n"))
	if want := []Heading{{2, "price", "Price"}}; !reflect.DeepEqual(doc.Headings, want) {
		t.Errorf("headings %+v", doc.Headings)
	}
	if got := doc.Sections()[1].Text; got != "Ask what a late load costs them.\nThen move on." {
		t.Errorf("section text %q", got)
	}
	var prose []string
	for p := range doc.Prose {
		prose = append(prose, p.Text)
		if strings.HasPrefix(p.Text, "Ask") {
			if off := p.Offset(0); string(doc.Source()[off:off+3]) != "Ask" {
				t.Errorf("prose offset %d points at %q", off, doc.Source()[off:])
			}
		}
	}
	if want := []string{"Price" + Separator, "Ask what a late load costs them.", "Then move on."}; !reflect.DeepEqual(prose, want) {
		t.Errorf("prose %q", prose)
	}
	if len(doc.Links) != 1 || doc.Links[0].Line != 6 || doc.Links[0].Col != 6 {
		t.Errorf("links %+v", doc.Links)
	}
}

// A link inside a callout keeps its position once the marker line is gone.
func TestAlertLinkPosition(t *testing.T) {
	doc := New(Options{}).Parse([]byte("> [!WARNING]\n> Approval: see [the matrix](approvals.md).\n"))
	if len(doc.Links) != 1 || doc.Links[0].Line != 2 || doc.Links[0].Col != 17 {
		t.Errorf("links %+v", doc.Links[0])
	}
}

func TestAlertIconsAreDecorative(t *testing.T) {
	out := render(t, New(Options{}), "> [!CAUTION]\n> x\n")
	if !strings.Contains(out, `<p class="callout-title"><svg class="callout-icon" aria-hidden="true" focusable="false"`) || strings.Count(out, "<svg") != 1 {
		t.Errorf("icon:\n%s", out)
	}
}
