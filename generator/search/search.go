// Package search builds a static, chunked full-text index of a site and
// answers queries over it.
//
// Build turns documents into files under "search/" that any static host can
// serve. The browser engine (engine.js, shipped as search/search.js) fetches
// only what a query needs: meta.json once, then for each query word three
// small vocabulary shards, the postings chunks of the terms it matched, and
// the fragments of the results shown. Open and (*Index).Search run the same
// algorithm in Go over the same files; tests hold the two to identical
// results.
//
// Layout of the files (numbers use the alphabet in varint.go):
//
//	search/meta.json        document and term counts, stop words, synonym
//	                        groups, postings chunk boundaries, shard keys,
//	                        facet names
//	search/v/<key>.json     vocabulary shard: [words, term-id deltas, dfs];
//	                        page names are words too ("_qualified_lead",
//	                        in shard "_q"; see names.go)
//	search/t/<n>.json       postings chunk: one string per term, the term's
//	                        idf then (doc-id delta, impact) for each document
//	search/f/<doc>.json     fragment: url, title, kind, facets, sections
//	search/facet/<n>.json   one facet: its values and each value's documents
//	search/search.js        the browser engine
package search

import "github.com/playbook-ssg/playbook/generator/pagetext"

// Doc is one page to index: its text as pagetext holds it, which changes
// and the offline hashes read too.
type Doc = pagetext.Doc

// Section is a part of a page under one heading.
type Section = pagetext.Section

// Options configure Build.
type Options struct {
	// Language is the content's language tag ("en", "en-GB", "fr").
	// English words are stemmed and English stop words left out of scoring;
	// other languages are folded only.
	Language string
	// Synonyms are groups of equivalent words or phrases, such as
	// {"ROI", "return on investment"}. A query for one finds the others.
	Synonyms [][]string
}

// Result is one page that matches a query.
type Result struct {
	URL    string              `json:"url"`
	Title  Marked              `json:"title"`
	Kind   string              `json:"kind"`
	Facets map[string][]string `json:"facets"`
	Score  int                 `json:"score"`
	// Excerpt is from the page's best matching section, or the start of
	// the page when only the title matched.
	Excerpt Marked `json:"excerpt"`
	// Sections are the best matching sections that have an anchor, best
	// first, at most three.
	Sections []SectionResult `json:"sections"`
}

// SectionResult is a matching section of a page.
type SectionResult struct {
	Anchor  string `json:"anchor"`
	Heading Marked `json:"heading"`
	Excerpt Marked `json:"excerpt"`
}

// Marked is text with the matched words marked: the parts at even indexes
// are plain, those at odd indexes matched. It always has an odd length, so
// joining the parts gives the whole text. The browser side builds
// highlights from it with text nodes, never markup.
type Marked []string

// Request is a query with its options.
type Request struct {
	Query string
	// Filters keep pages having, for every facet named, one of the values
	// listed. A facet with no values is ignored.
	Filters map[string][]string
	// Limit is the number of results returned; 0 means DefaultLimit.
	Limit int
	// Facets names the facets to count values of over all matching pages.
	Facets []string
}

// Response answers a Request.
type Response struct {
	// Total counts every matching page, not only those returned.
	Total   int      `json:"total"`
	Results []Result `json:"results"`
	// Counts has, for each facet requested, how many matching pages have
	// each value. A facet's own filter is left out of its counts, so the
	// counts say what choosing another value would give.
	Counts map[string]map[string]int `json:"counts,omitempty"`
}

// DefaultLimit is the number of results Search returns.
const DefaultLimit = 10
