package render

import (
	"bytes"
	"html/template"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
func leadOf(body template.HTML) *Lead {
	z := html.NewTokenizer(strings.NewReader(string(body)))
	var (
		depth            int
		heading, headID  string
		inHeading        bool
		headText         strings.Builder
		skip             int // depth of an anchor inside a heading being skipped
		para             *Lead
		capture          *bytes.Buffer
		captureAt        int
		captureIsQuote   bool
		captureHeading   string
		captureHeadingID string
	)
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Token()
		if capture != nil {
			writeToken(capture, tok)
		}
		switch tt {
		case html.StartTagToken:
			if depth == 0 && capture == nil {
				switch tok.DataAtom {
				case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					inHeading, heading, headID = true, "", attr(tok, "id")
					headText.Reset()
				case atom.Blockquote, atom.P:
					if tok.DataAtom == atom.Blockquote || para == nil {
						capture, captureAt, captureIsQuote = &bytes.Buffer{}, depth, tok.DataAtom == atom.Blockquote
						captureHeading, captureHeadingID = heading, headID
						writeToken(capture, tok)
					}
				}
			}
			if inHeading && tok.DataAtom == atom.A && hasClass(tok, "anchor") {
				skip = depth + 1
			}
			if !isVoid(tok.DataAtom) {
				depth++
			}
		case html.EndTagToken:
			depth--
			if skip > 0 && depth < skip {
				skip = 0
			}
			if inHeading && depth == 0 {
				inHeading, heading = false, strings.TrimSpace(headText.String())
			}
			if capture != nil && depth == captureAt {
				l := &Lead{Heading: captureHeading, ID: captureHeadingID, HTML: template.HTML(capture.String()), Script: captureIsQuote}
				if captureIsQuote {
					return l
				}
				para, capture = l, nil
			}
		case html.TextToken:
			if inHeading && skip == 0 {
				headText.WriteString(tok.Data)
			}
		}
	}
	return para
}

// writeToken writes a token back as HTML, without its id.
func writeToken(b *bytes.Buffer, tok html.Token) {
	if tok.Type == html.StartTagToken || tok.Type == html.SelfClosingTagToken {
		kept := tok.Attr[:0:0]
		for _, a := range tok.Attr {
			if a.Key != "id" {
				kept = append(kept, a)
			}
		}
		tok.Attr = kept
	}
	b.WriteString(tok.String())
}

func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(tok html.Token, class string) bool {
	for _, c := range strings.Fields(attr(tok, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func isVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link, atom.Meta,
		atom.Source, atom.Track, atom.Wbr:
		return true
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
