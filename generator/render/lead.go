package render

import (
	"html/template"
	"io"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/playbook-ssg/playbook/generator/markdown"
)

// Lead is what a page's first screen shows of its body: the first thing a
// rep can say (the first top-level quote, which the theme shows as a "Say
// it" box), or, in a body without one, its first paragraph.
type Lead struct {
	// Heading is the text of the heading the lead sits under ("Acknowledge",
	// "What to say"), without its anchor; "" before any heading.
	Heading string
	// ID is that heading's id, for a link to the lead in its context.
	ID string
	// HTML is the quote or paragraph, ids removed (the body keeps the
	// original, and an id must be unique on a page).
	HTML template.HTML
	// Script says HTML is a quote to say (a blockquote), not a paragraph.
	Script bool
}

// leadOf finds the lead of a rendered body: its first top-level
// <blockquote> (callouts are <div>s, so a GitHub alert is never taken), or
// failing that its first top-level <p>. It returns nil for a body with
// neither. Working on the rendered HTML, rather than on the markdown,
// keeps whatever later stages added to the body (rewritten links, terms).
// The body is parsed as a browser would, so stray or unclosed tags from
// raw HTML cannot hide the lead or mistake a nested element for it.
func leadOf(body template.HTML) *Lead {
	return parseLead(leadPrefix(string(body)))
}

// parseLead finds the lead as leadOf does, parsing the whole of body.
func parseLead(body string) *Lead {
	nodes, err := html.ParseFragment(strings.NewReader(body), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return nil
	}
	var heading, headID string
	var para *Lead
	for _, n := range nodes {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			heading, headID = strings.TrimSpace(headingText(n)), attr(n, "id")
		case atom.Blockquote:
			return &Lead{Heading: heading, ID: headID, HTML: template.HTML(outerHTML(n)), Script: true}
		case atom.P:
			if para == nil {
				para = &Lead{Heading: heading, ID: headID, HTML: template.HTML(outerHTML(n))}
			}
		}
	}
	return para
}

// leadPrefix returns the start of body that holds its lead, so that a long
// body is not parsed whole for its first quote or paragraph: it reads the
// tags up to the end of the first top-level <blockquote> (or of the first
// top-level <p> when no blockquote follows, or none is at the top) and
// cuts there. Parsing the
// prefix gives the same top-level nodes up to the cut as parsing the whole
// only when the parser is back at the top with nothing open there, so the
// tags must nest plainly: any tag outside a small set of ordinary ones, an
// end tag that closes anything but the innermost element, or a tag that
// the parser would close something for (a block inside a paragraph, a
// list item outside a list, a link in a link) returns body whole.
func leadPrefix(body string) string {
	z := html.NewTokenizer(strings.NewReader(body))
	var open []atom.Atom
	at := 0
	quote := 0 // where the next "<blockquote" may start, -1 for nowhere
	para := 0  // the end of the first top-level paragraph
	inside := func(a atom.Atom) bool {
		for _, o := range open {
			if o == a {
				return true
			}
		}
		return false
	}
	for {
		tt := z.Next()
		at += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF || len(open) > 0 {
				return body
			}
			// Everything nested plainly and no quote was at the top:
			// the lead is the first paragraph, if any.
			return body[:para]
		case html.CommentToken:
			continue
		case html.TextToken:
			if len(open) > 0 && tableRow(open[len(open)-1]) && strings.TrimSpace(string(z.Raw())) != "" {
				return body // text in a table but outside a cell moves before the table
			}
			continue
		case html.StartTagToken, html.EndTagToken:
		default:
			return body
		}
		name, _ := z.TagName()
		a := atom.Lookup(name)
		if tt == html.EndTagToken {
			if len(open) == 0 || open[len(open)-1] != a {
				return body
			}
			open = open[:len(open)-1]
			if len(open) > 0 {
				continue
			}
			if a == atom.P && para == 0 {
				para = at
			}
			if a == atom.P && quote >= 0 && quote < at {
				if quote = indexBlockquote(body[at:]); quote >= 0 {
					quote += at
				}
			}
			if a == atom.Blockquote || a == atom.P && quote < 0 {
				return body[:at]
			}
			continue
		}
		block, ok := plainTags[a]
		top := atom.Atom(0)
		if len(open) > 0 {
			top = open[len(open)-1]
		}
		if want, ok := parentTags[a]; ok && !slices.Contains(want, top) || tableRow(top) && !ok {
			return body // out of place: the parser would move or drop it
		}
		switch {
		case !ok,
			block && inside(atom.P),
			a == atom.A && inside(atom.A),
			headingAtom(a) && (inside(atom.H1) || inside(atom.H2) || inside(atom.H3) || inside(atom.H4) || inside(atom.H5) || inside(atom.H6)):
			return body
		}
		if !markdown.VoidElement(string(name)) {
			open = append(open, a)
		}
	}
}

// parentTags are the only parents the parser leaves these tags in.
var parentTags = map[atom.Atom][]atom.Atom{
	atom.Li: {atom.Ul, atom.Ol}, atom.Dt: {atom.Dl}, atom.Dd: {atom.Dl},
	atom.Thead: {atom.Table}, atom.Tbody: {atom.Table}, atom.Tfoot: {atom.Table},
	atom.Tr: {atom.Thead, atom.Tbody, atom.Tfoot}, atom.Th: {atom.Tr}, atom.Td: {atom.Tr},
}

// tableRow reports whether a is a table's element that holds only other
// table elements (not a cell).
func tableRow(a atom.Atom) bool {
	switch a {
	case atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr:
		return true
	}
	return false
}

// plainTags are the tags leadPrefix follows, each true for a block that
// closes an open paragraph.
var plainTags = map[atom.Atom]bool{
	atom.A: false, atom.Abbr: false, atom.B: false, atom.Bdi: false, atom.Bdo: false, atom.Br: false, atom.Cite: false,
	atom.Code: false, atom.Data: false, atom.Del: false, atom.Dfn: false, atom.Em: false, atom.I: false, atom.Img: false,
	atom.Ins: false, atom.Kbd: false, atom.Mark: false, atom.Q: false, atom.S: false, atom.Samp: false, atom.Small: false,
	atom.Span: false, atom.Strong: false, atom.Sub: false, atom.Sup: false, atom.Time: false, atom.U: false, atom.Var: false,
	atom.Wbr: false, atom.Input: false,
	atom.Table: true, atom.Thead: false, atom.Tbody: false, atom.Tfoot: false, atom.Tr: false, atom.Th: false, atom.Td: false,
	atom.P: true, atom.Blockquote: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Pre: true, atom.Hr: true, atom.Section: true, atom.Aside: true, atom.Details: true, atom.Summary: true,
	atom.Figure: true, atom.Figcaption: true, atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Article: true,
}

func headingAtom(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// indexBlockquote is where s has "<blockquote" in any case, or -1.
func indexBlockquote(s string) int {
	const tag = "<blockquote"
	for i := strings.IndexByte(s, '<'); i >= 0 && i+len(tag) <= len(s); {
		if strings.EqualFold(s[i:i+len(tag)], tag) {
			return i
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return -1
}

// headingText is the text of a heading without its anchor link.
func headingText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && c.DataAtom == atom.A && hasClass(c, "anchor"):
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// outerHTML writes a node back as HTML, without ids (the body keeps them,
// and an id must be unique on a page). Unlike html.Render, a void element
// is written as the body wrote it (<br>, not <br/>).
func outerHTML(n *html.Node) string {
	var b strings.Builder
	var write func(*html.Node)
	write = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if p := n.Parent; p != nil && (p.DataAtom == atom.Script || p.DataAtom == atom.Style) {
				b.WriteString(n.Data)
			} else {
				b.WriteString(html.EscapeString(n.Data))
			}
		case html.CommentNode:
			b.WriteString("<!--" + n.Data + "-->")
		case html.ElementNode:
			var kept []html.Attribute
			for _, a := range n.Attr {
				if a.Key != "id" {
					kept = append(kept, a)
				}
			}
			b.WriteString(html.Token{Type: html.StartTagToken, Data: n.Data, Attr: kept}.String())
			if markdown.VoidElement(n.Data) {
				return
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				write(c)
			}
			b.WriteString("</" + n.Data + ">")
		}
	}
	write(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func sameWords(a, b string) bool {
	words := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
		}), " ")
	}
	return words(strings.ReplaceAll(a, "’", "'")) == words(strings.ReplaceAll(b, "’", "'"))
}
