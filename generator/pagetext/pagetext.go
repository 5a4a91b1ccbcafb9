// Package pagetext is a page's text as the generator compares and indexes
// it: the title, phrases, names, facets and sections of a Doc, and the one
// way words are cut and folded (Tokenizer, Fold) that the search index,
// its browser engine and the checks share.
//
// It is a leaf: it imports only the standard library and golang.org/x/text,
// so that what reads page texts (search, changes, release, render) does not
// depend on the search index to do so.
package pagetext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is one page's text. The first section is the page's introduction,
// with an empty Anchor and Heading; each heading starts a new section.
type Doc struct {
	URL   string
	Title string
	Kind  string
	// Facets are filterable values by facet name: kind, category, persona,
	// stage, owners, tags. Kind is added from the Kind field when absent.
	Facets map[string][]string
	// Phrases are what the page answers, in the words a reader types: an
	// objection's says and also_heard, a term's aliases. They weigh just
	// below the title, and results show them as one section.
	Phrases []string
	// Names are what the page is called: its title is one already; add
	// aliases and the customer's exact words. A query that is one of them,
	// once framing like "what is" is left out, puts the page first.
	Names    []string
	Sections []Section
}

// Section is a part of a page under one heading.
type Section struct {
	Anchor, Heading, Text string
}

// JoinList joins the items of a list into one text that reads as a list
// in an excerpt: sentences follow each other, other items are separated
// by " · " ("qualified lead · QP"), never run together.
func JoinList(items []string) string {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			r, _ := utf8.DecodeLastRuneInString(items[i-1])
			if unicode.IsPunct(r) {
				b.WriteByte(' ')
			} else {
				b.WriteString(" · ")
			}
		}
		b.WriteString(it)
	}
	return b.String()
}
