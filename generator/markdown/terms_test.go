package markdown

import (
	"fmt"
	"strings"
	"testing"
)

func testGlossary() *Glossary {
	return NewGlossary([]Term{
		{URL: "/glossary/icp/", Title: "ICP", Aliases: []string{"ideal customer profile", "target market"}, Definition: "Who we sell to."},
		{URL: "/glossary/prospect/", Title: "Prospect", Definition: "Anyone we talk to."},
		{URL: "/glossary/qp/", Title: "Qualified prospect", Aliases: []string{"QP", "qualified lead"}, Definition: "Fits & is ready."},
		{URL: "/glossary/expedite/", Title: "Expedite", Definition: "A rush shipment."},
		{URL: "/glossary/on-time/", Title: "On-time delivery", Definition: "Delivered in the window."},
		{URL: "/glossary/sql/", Title: "SQL", Definition: "Sales-qualified lead."},
	})
}

// links renders src with terms linked and returns the linked texts and
// where each goes, in order: "ICP>/glossary/icp/".
func links(t *testing.T, src, self string) []string {
	t.Helper()
	r := New(Options{})
	doc := r.Parse([]byte(src))
	doc.LinkTerms(testGlossary(), self)
	out, err := r.Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	html := string(out)
	for {
		i := strings.Index(html, `<a class="term" href="`)
		if i < 0 {
			break
		}
		html = html[i+len(`<a class="term" href="`):]
		href := html[:strings.IndexByte(html, '"')]
		html = html[strings.IndexByte(html, '>')+1:]
		text := html[:strings.Index(html, "</a>")]
		got = append(got, text+">"+href)
	}
	return got
}

func TestLinkTermsMatching(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"abbreviation", "Check the ICP first.", []string{"ICP>/glossary/icp/"}},
		{"abbreviation lower case is not it", "The icp and qp are words here.", nil},
		{"abbreviation inside a word", "ICPX and XICP and ICP_x and qpq", nil},
		{"abbreviation plural", "Two ICPs overlap.", []string{"ICPs>/glossary/icp/"}},
		{"abbreviation possessive (typographer)", "The ICP's edge.", []string{"ICP>/glossary/icp/"}},
		{"alias acronym in its case only", "A Qp, a qp, then a QP.", []string{"QP>/glossary/qp/"}},
		{"case-insensitive title", "an expedite, then another Expedite", []string{"expedite>/glossary/expedite/"}},
		{"plural", "Two expedites cost money.", []string{"expedites>/glossary/expedite/"}},
		{"capitalized plural at a sentence start may be a name", "Expedites cost money.", nil},
		{"not another word form", "We expedited it.", nil},
		{"longest first", "A qualified prospect is a prospect.", []string{"qualified prospect>/glossary/qp/", "prospect>/glossary/prospect/"}},
		{"alias", "Our target market is wide.", []string{"target market>/glossary/icp/"}},
		{"first mention only, per term", "ICP, ICP, ideal customer profile.", []string{"ICP>/glossary/icp/"}},
		{"hyphenated name", "We track on-time delivery weekly.", []string{"on-time delivery>/glossary/on-time/"}},
		{"after a hyphen", "A non-ICP account.", []string{"ICP>/glossary/icp/"}},
		{"emphasis is prose", "Only **ICP** accounts.", []string{"ICP>/glossary/icp/"}},
		{"heading", "# ICP\n\nText.", nil},
		{"heading then prose", "## The ICP\n\nThe ICP.", []string{"ICP>/glossary/icp/"}},
		{"link", "See [the ICP](x.md) and [expedite](y.md).", nil},
		{"autolink", "<https://icp.example.com/ICP>", nil},
		{"inline code", "Run `ICP` now.", nil},
		{"code block", "```\nICP\n```\n", nil},
		{"indented code", "    ICP here\n", nil},
		{"raw html block", "<div>\nICP\n</div>\n", nil},
		{"inline raw html", "An <abbr>ICP</abbr> here.", nil},
		{"raw html link", "See <a href=\"x\">the ICP</a>.", nil},
		{"raw link in strong", "**<a href=\"/x\">the ICP</a>**", nil},
		{"raw code in emphasis", "*<code>ICP</code>*", nil},
		{"raw link in strikethrough", "~~<a href=\"/x\">ICP</a>~~", nil},
		{"raw kbd in strong", "Press **<kbd>ICP</kbd>**.", nil},
		{"raw link in a table cell", "| a | b |\n|---|---|\n| **<a href=\"/x\">ICP</a>** | y |\n", nil},
		{"raw link in a quote", "> *<a href=\"/x\">the ICP</a>*", nil},
		{"raw link in a list item", "- _<a href=\"/x\">ICP</a>_", nil},
		{"nested raw elements", "**<a href=\"/x\"><span>the ICP</span></a>**", nil},
		{"html block opens a link around paragraphs", "<a href=\"/x\">\n\nThe ICP here.\n\n- an expedite\n\n</a>\n", nil},
		{"html block opens a button", "<button>\n\nThe ICP.\n\n</button>\n", nil},
		{"after the raw link closes", "**<a href=\"/x\">the ICP</a>** and the ICP.", []string{"ICP>/glossary/icp/"}},
		{"after the html block closes", "<a href=\"/x\">\n\nThe ICP.\n\n</a>\n\nThe ICP.", []string{"ICP>/glossary/icp/"}},
		{"raw code inside a markdown link closes", "[<code>x</code>](y.md) and the ICP.", []string{"ICP>/glossary/icp/"}},
		{"a stray closing tag closes nothing", "<code>a</code></a> the ICP", []string{"ICP>/glossary/icp/"}},
		{"raw span is prose", "The <span>ICP</span> matters.", []string{"ICP>/glossary/icp/"}},
		{"void element is no reason", "An <img src=\"x.png\" alt=\"\"> ICP.", []string{"ICP>/glossary/icp/"}},
		{"a line break or a comment is no reason", "The ICP<br>\nnext <!-- note --> line.", []string{"ICP>/glossary/icp/"}},
		{"table header not, cell yes", "| ICP | x |\n|---|---|\n| ICP | y |\n", []string{"ICP>/glossary/icp/"}},
		{"definition list term", "ICP\n: Expedite here.\n", []string{"Expedite>/glossary/expedite/"}},
		{"not after & (an entity's name)", "&SQL; and &#SQL", nil},
		{"list and quote", "- the ICP\n\n> an expedite", []string{"ICP>/glossary/icp/", "expedite>/glossary/expedite/"}},
		{"across a soft line break, each word", "qualified\nprospect", []string{"prospect>/glossary/prospect/"}},
		{"alert", "> [!TIP]\n> Mind the ICP.", []string{"ICP>/glossary/icp/"}},
		{"proper noun: capitalized word before", "Northwind Expedites ships. Then an expedite.", []string{"expedite>/glossary/expedite/"}},
		{"proper noun: capitalized word after", "Expedite Logistics Inc. An expedite is costly.", []string{"expedite>/glossary/expedite/"}},
		{"sentence start is not a proper noun", "Done. Expedite it.", []string{"Expedite>/glossary/expedite/"}},
		{"proper noun: capitalized mid-sentence", "Compare it to Expedites, then expedites.", []string{"expedites>/glossary/expedite/"}},
		{"proper noun after a line break", "Compare it to\nExpedites.", nil},
		{"after a colon", "Note: Expedite it.", []string{"Expedite>/glossary/expedite/"}},
		{"abbreviations after a name still link", "Northwind ICP.", []string{"ICP>/glossary/icp/"}},
		{"unicode around", "«ICP» and é-SQL", []string{"ICP>/glossary/icp/", "SQL>/glossary/sql/"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := links(t, tc.src, "")
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
			}
		})
	}
}

func TestLinkTermsOwnPage(t *testing.T) {
	got := links(t, "The ICP and an expedite.", "/glossary/icp/")
	if fmt.Sprint(got) != fmt.Sprint([]string{"expedite>/glossary/expedite/"}) {
		t.Errorf("got %q", got)
	}
	// A longer name of the page's own term still takes its words: "ideal
	// customer profile" is not "customer" + something else.
	got = links(t, "The ideal customer profile, then the ICP.", "/glossary/icp/")
	if len(got) != 0 {
		t.Errorf("got %q", got)
	}
}

func TestLinkTermsHTML(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("A qualified prospect fits the ICP.\n\nAn ICP again."))
	doc.LinkTerms(testGlossary(), "")
	out, err := r.Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := `<p>A <a class="term" href="/glossary/qp/" aria-describedby="pb-tip-1">qualified prospect</a> fits the <a class="term" href="/glossary/icp/" aria-describedby="pb-tip-2">ICP</a>.</p>
<p>An ICP again.</p>
<div class="term-tips"><span class="term-tip" role="tooltip" id="pb-tip-1" hidden><b class="term-tip__title">Qualified prospect</b> Fits &amp; is ready.</span><span class="term-tip" role="tooltip" id="pb-tip-2" hidden><b class="term-tip__title">ICP</b> Who we sell to.</span></div>`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
}

// The words a search or a diff reads are the same with the links: the
// definitions are never part of them.
func TestLinkTermsKeepText(t *testing.T) {
	src := "Intro with the ICP.\n\n## Fit\n\nA qualified\nprospect's expedites, **SQL** and QP.\n\n- on-time delivery\n"
	r := New(Options{})
	plain := r.Parse([]byte(src))
	linked := r.Parse([]byte(src))
	linked.LinkTerms(testGlossary(), "")
	if _, err := r.Render(linked); err != nil {
		t.Fatal(err)
	}
	if a, b := fmt.Sprint(plain.Sections()), fmt.Sprint(linked.Sections()); a != b {
		t.Errorf("sections changed:\n%s\n%s", a, b)
	}
	if got := fmt.Sprint(linked.Sections()); strings.Contains(got, "Who we sell to") {
		t.Errorf("definition in the text: %s", got)
	}
}

func TestLinkTermsNoGlossary(t *testing.T) {
	r := New(Options{})
	doc := r.Parse([]byte("The ICP."))
	doc.LinkTerms(nil, "")
	doc.LinkTerms(NewGlossary(nil), "")
	out, _ := r.Render(doc)
	if string(out) != "<p>The ICP.</p>\n" {
		t.Errorf("got %q", out)
	}
}

// BenchmarkLinkTerms links a page's worth of prose against 300 terms.
func BenchmarkLinkTerms(b *testing.B) {
	var terms []Term
	for i := range 300 {
		terms = append(terms, Term{URL: fmt.Sprintf("/glossary/t%d/", i), Title: fmt.Sprintf("Term%d", i),
			Aliases: []string{fmt.Sprintf("term number %d", i), fmt.Sprintf("T%d", i)}, Definition: "A definition."})
	}
	terms = append(terms, testGlossary().terms...)
	g := NewGlossary(terms)
	para := "The customer said the price was too high, so the rep asked about the ICP fit, the expedites last quarter and the term number 42 rollout. "
	src := []byte(strings.Repeat("## Heading\n\n"+strings.Repeat(para, 4)+"\n\n", 6))
	r := New(Options{})
	b.Run("parse+render", func(b *testing.B) {
		for b.Loop() {
			doc := r.Parse(src)
			if _, err := r.Render(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parse+link+render", func(b *testing.B) {
		for b.Loop() {
			doc := r.Parse(src)
			doc.LinkTerms(g, "")
			if _, err := r.Render(doc); err != nil {
				b.Fatal(err)
			}
		}
	})
}
