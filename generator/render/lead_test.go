package render

import (
	"html/template"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/content"
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

// TestLeadPrefix checks that cutting a body before parsing it finds the
// same lead as parsing it whole, on every page of the sample playbook,
// on those pages cut short, and on hand-written tangles.
func TestLeadPrefix(t *testing.T) {
	s, _, _ := linkSite(t, "../../playbook", "")
	var bodies []string
	for _, p := range s.Pages {
		b := string(p.HTML)
		bodies = append(bodies, b)
		for i := 1; i < len(b); i += 1 + len(b)/7 {
			bodies = append(bodies, b[:i], b[i:], "<p>x"+b[i:], b[:i]+"</span>"+b[i:], b[:i]+"<table><tr><td>"+b[i:])
		}
	}
	bodies = append(bodies, leadTangles...)
	cut := 0
	for _, b := range bodies {
		if len(leadPrefix(b)) < len(b) {
			cut++
		}
		got, want := leadOf(template.HTML(b)), parseLead(b)
		if (got == nil) != (want == nil) || got != nil && *got != *want {
			t.Errorf("%q:\n got %+v\nwant %+v", b, got, want)
		}
	}
	if cut < len(s.Pages)/2 {
		t.Errorf("only %d of %d bodies were cut", cut, len(bodies))
	}
}

var leadTangles = []string{
	"<p>a<div>b</div></p><blockquote>q</blockquote>",
	"<p>a</p><BLOCKQUOTE>q</BLOCKQUOTE>",
	"<p>a</p><ul><li><blockquote>n</blockquote></li></ul><p>b</p>",
	"<p><a href=x>a<a href=y>b</a></a></p><blockquote>q</blockquote>",
	"<p><b>a<i>b</b>c</i></p><blockquote>q</blockquote>",
	"<li>a</li><p>b</p>",
	"<h2>a<h3>b</h3></h2><p>c</p>",
	"<p>a<hr>b</p><blockquote>q</blockquote>",
	"<p>a</p>\n<!-- c --><blockquote>q<!-- d --></blockquote>",
	"<p>a</p><table><tr><td><blockquote>q</blockquote></td></tr></table>",
	"<p>a</p><svg><p>b</p></svg><blockquote>q</blockquote>",
	"<p>a<br/>b</p><script>x</blockquote></script><blockquote>q</blockquote>",
	"<dl><dt>a<dd>b</dl><p>c</p>",
	"<p>a</p><blockquote>q",
	"<blockquote>q</blockquote",
	"<p>a</p>x<blockquote>q</blockquote>y",
	"<p id=one class=\"x\">a</p>",
	"<pre>\n<p>x</p></pre><p>y</p>",
	"<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><b>b</b></td>\n</tr>\n</tbody>\n</table>\n<blockquote><p>q</p></blockquote>",
	"<table><tr><td>a</td></tr></table><p>b</p>",
	"<table>x<tbody><tr><td>a</td></tr></tbody></table><p>b</p>",
	"<table><tbody><tr><span>a</span><td>b</td></tr></tbody></table><blockquote>q</blockquote>",
	"<table><tbody><tr><td>a<td>b</td></tr></tbody></table><p>c</p>",
	"<p>a<table><tbody><tr><td>b</td></tr></tbody></table></p><blockquote>q</blockquote>",
	"<ul><li><input disabled=\"\" type=\"checkbox\"> a</li></ul><blockquote>q</blockquote>",
	"<p><input type=hidden>a</p>",
}

// FuzzLeadPrefix checks leadOf against a whole parse on any body.
func FuzzLeadPrefix(f *testing.F) {
	for _, b := range leadTangles {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b string) {
		got, want := leadOf(template.HTML(b)), parseLead(b)
		if (got == nil) != (want == nil) || got != nil && *got != *want {
			t.Errorf("%q:\n got %+v\nwant %+v", b, got, want)
		}
	})
}

// BenchmarkLeadOf finds the lead of every call page of the sample
// playbook, cut (leadOf) and parsed whole (parseLead):
//
//	go test ./generator/render -run '^$' -bench LeadOf -benchmem
func BenchmarkLeadOf(b *testing.B) {
	s, _, _ := linkSite(b, "../../playbook", "")
	var bodies []string
	for _, p := range s.Pages {
		switch p.Kind {
		case content.KindObjection, content.KindClosingTool, content.KindPersona, content.KindPlay, content.KindTerm:
			bodies = append(bodies, string(p.HTML))
		}
	}
	// The same bodies with the tips of 40 glossary terms after them, as a
	// page that mentions many terms has.
	tip := `<span class="term-tip" role="tooltip" id="pb-tip-1" hidden><b class="term-tip__title">Discount</b> Any reduction from list price on the subscription, whether shown as a percentage, free months, or waived fees.</span>`
	var long []string
	for _, body := range bodies {
		long = append(long, body+`<div class="term-tips">`+strings.Repeat(tip, 40)+`</div>`)
	}
	for name, bodies := range map[string][]string{"sample": bodies, "terms": long} {
		b.Run(name+"/cut", func(b *testing.B) {
			for b.Loop() {
				for _, body := range bodies {
					leadOf(template.HTML(body))
				}
			}
		})
		b.Run(name+"/whole", func(b *testing.B) {
			for b.Loop() {
				for _, body := range bodies {
					parseLead(body)
				}
			}
		})
	}
}
