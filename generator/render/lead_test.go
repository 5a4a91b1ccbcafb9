package render

import (
	"html/template"
	"testing"
)

func TestLeadOf(t *testing.T) {
	anchor := func(id string) string {
		return `<a class="anchor" href="#` + id + `" aria-label="Link to section: X">#</a>`
	}
	cases := []struct {
		name, body string
		want       *Lead
	}{
		{"first quote under its heading",
			`<h2 id="acknowledge">Acknowledge` + anchor("acknowledge") + "</h2>\n<blockquote>\n<p>That&rsquo;s fair.</p>\n</blockquote>\n<h2 id=\"respond\">Respond</h2>\n<blockquote>\n<p>Second.</p>\n</blockquote>\n",
			&Lead{Heading: "Acknowledge", ID: "acknowledge", HTML: "<blockquote>\n<p>That’s fair.</p>\n</blockquote>", Script: true}},
		{"a callout is not a script",
			"<div class=\"callout callout-tip\" role=\"note\">\n<p class=\"callout-title\">Tip</p>\n<p>Note.</p>\n</div>\n<h2 id=\"say\">Say</h2>\n<blockquote><p>Say this.</p></blockquote>\n",
			&Lead{Heading: "Say", ID: "say", HTML: "<blockquote><p>Say this.</p></blockquote>", Script: true}},
		{"a quote inside a list is not at the top level",
			"<ul>\n<li><blockquote><p>Nested.</p></blockquote></li>\n</ul>\n<p>First <strong>paragraph</strong>.</p>\n<p>Second.</p>\n",
			&Lead{HTML: "<p>First <strong>paragraph</strong>.</p>"}},
		{"no quote: the first paragraph, under its heading",
			"<h2 id=\"why\">Why</h2>\n<p>Because.<br>Really.</p>\n",
			&Lead{Heading: "Why", ID: "why", HTML: "<p>Because.<br>Really.</p>"}},
		{"ids are left out of the copy",
			"<blockquote>\n<p>Pay later<sup id=\"fnref:1\"><a href=\"#fn:1\" class=\"footnote-ref\" role=\"doc-noteref\">1</a></sup>.</p>\n</blockquote>\n",
			// The HTML parser sorts a formatting element's attributes
			// (<a>, <b>, <code>…): the same element.
			&Lead{HTML: "<blockquote>\n<p>Pay later<sup><a class=\"footnote-ref\" href=\"#fn:1\" role=\"doc-noteref\">1</a></sup>.</p>\n</blockquote>", Script: true}},
		{"nested quotes end with the outer one",
			"<blockquote>\n<p>Outer.</p>\n<blockquote><p>Inner.</p></blockquote>\n<p>After.</p>\n</blockquote>\n<p>Body.</p>\n",
			&Lead{HTML: "<blockquote>\n<p>Outer.</p>\n<blockquote><p>Inner.</p></blockquote>\n<p>After.</p>\n</blockquote>", Script: true}},
		{"a stray closing tag does not lose the level",
			"</div><p>x</p><blockquote><p>Say</p></blockquote>",
			&Lead{HTML: "<blockquote><p>Say</p></blockquote>", Script: true}},
		{"an unclosed paragraph ends where the next begins",
			"<p>one\n<p>two</p><blockquote><p>Say</p></blockquote>",
			&Lead{HTML: "<blockquote><p>Say</p></blockquote>", Script: true}},
		{"the first paragraph, unclosed",
			"<p>one\n<p>two</p>",
			&Lead{HTML: "<p>one\n</p>"}},
		{"a void element's end tag",
			"<img src=\"a.png\" alt=\"\"></img><blockquote><p>Say</p></blockquote>",
			&Lead{HTML: "<blockquote><p>Say</p></blockquote>", Script: true}},
		{"a stray end tag inside the quote",
			"<h2 id=\"say\">Say</h2><blockquote><p>One</span> two.</p></blockquote><p>Body.</p>",
			&Lead{Heading: "Say", ID: "say", HTML: "<blockquote><p>One two.</p></blockquote>", Script: true}},
		{"an unclosed div holds what follows",
			"<div><p>Inside.</p>\n<blockquote><p>Nested.</p></blockquote>",
			nil},
		{"nothing to show", "<pre><code>x</code></pre>\n<ul><li>a</li></ul>\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := leadOf(template.HTML(c.body))
			switch {
			case got == nil && c.want == nil:
			case got == nil || c.want == nil || *got != *c.want:
				t.Errorf("leadOf = %+v, want %+v", got, c.want)
			}
		})
	}
}

func TestSameWords(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"It's too expensive", "It's too expensive.", true},
		{"It’s too expensive", "it's TOO expensive!", true},
		{"Send me your best price", "Just send me a discount and we'll sign.", false},
		{"", "", true},
	}
	for _, c := range cases {
		if got := sameWords(c.a, c.b); got != c.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
