package render

import (
	"html/template"
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
	nodes, err := html.ParseFragment(strings.NewReader(string(body)), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
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
