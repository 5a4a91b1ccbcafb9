package search

import (
	"reflect"
	"testing"
)

// FuzzQuery runs any query (and filter) against an index of the fixture
// pages: the query parser and ranking never panic, answer the same twice,
// return only indexed pages, each once, within the limit, and count as
// many matches whatever the limit, at least as many as they return.
func FuzzQuery(f *testing.F) {
	docs := fixtureDocs()
	files, err := Build(docs, Options{Language: "en", Synonyms: [][]string{{"ROI", "return on investment"}, {"price", "cost"}}})
	if err != nil {
		f.Fatal(err)
	}
	ix, err := Open(files)
	if err != nil {
		f.Fatal(err)
	}
	known := map[string]bool{}
	for _, d := range docs {
		known[d.URL] = true
	}
	for _, q := range []string{
		"too expensive", "tooexpensive", "expensiv", "what is roi", "return on investment",
		"\"paid pilot\"", "the of and", "it's", "café", "日本", "x", "", "   ", "-price +pilot",
		"freight desk", "freightdesk", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	} {
		f.Add(q, "category", "price", uint8(3))
	}
	f.Fuzz(func(t *testing.T, query, facet, value string, limit uint8) {
		req := Request{Query: query, Limit: int(limit % 12), Facets: []string{"kind", facet}}
		if facet != "" {
			req.Filters = map[string][]string{facet: {value}}
		}
		a := ix.Find(req)
		b := ix.Find(req)
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("two searches for %q differ", query)
		}
		want := req.Limit
		if want == 0 {
			want = DefaultLimit
		}
		if len(a.Results) > want || a.Total < len(a.Results) {
			t.Fatalf("%q: %d results of %d total with limit %d", query, len(a.Results), a.Total, want)
		}
		seen := map[string]bool{}
		for i, r := range a.Results {
			if !known[r.URL] || seen[r.URL] {
				t.Fatalf("%q: result %d is %q (unknown or repeated)", query, i, r.URL)
			}
			seen[r.URL] = true
		}
		// Ranking is by words matched, then tiers, then score, so the
		// score alone need not fall; but how many pages match does not
		// depend on how many are returned.
		one := req
		one.Limit = 1
		if got := ix.Find(one).Total; got != a.Total {
			t.Fatalf("%q: %d pages match with limit 1, %d with limit %d", query, got, a.Total, want)
		}
		plain := ix.Search(query, nil)
		if len(plain) > DefaultLimit || len(plain) == 0 && ix.Find(Request{Query: query, Limit: 1}).Total > 0 {
			t.Fatalf("%q: Search returns %d results", query, len(plain))
		}
	})
}
