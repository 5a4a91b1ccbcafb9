package search

import (
	"slices"
)

// Search returns the best DefaultLimit pages for a query, keeping only
// pages that pass filters (see Request.Filters).
func (ix *Index) Search(query string, filters map[string][]string) []Result {
	return ix.Find(Request{Query: query, Filters: filters}).Results
}

// Find answers a request. Ranking runs in two stages, as in the browser:
// the postings rank every page (words matched, then match tiers, then
// score), then the fragments of the pages returned add phrase matches,
// which reorder them, and give their sections and excerpts.
func (ix *Index) Find(req Request) Response {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	limit := req.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	q := ix.parse(req.Query)
	resp := Response{Results: []Result{}}
	if len(q.slots) == 0 {
		return resp
	}
	ix.resolve(q)
	for _, s := range q.slots {
		for i := range s.alts {
			a := &s.alts[i]
			a.postings = ix.postingList(a.term)
			r := reader{s: a.postings}
			a.idf = r.varint()
		}
	}

	n := ix.meta.Docs
	acc := newAccumulator(n)
	acc.exact = ix.exactPages(q, n)
	common := commonSlots(q.slots, n)
	for i, s := range q.slots {
		acc.addSlot(s.alts, common[i])
	}
	fails, failed := ix.filterFailures(req.Filters, n)
	var cands []int32
	for d := range n {
		if acc.matches(d) && fails[d] == 0 {
			cands = append(cands, int32(d))
		}
	}
	resp.Total = len(cands)
	if len(req.Facets) > 0 {
		resp.Counts = ix.count(req.Facets, acc, fails, failed)
	}
	slices.SortFunc(cands, func(a, b int32) int { return acc.compare(a, b, 0, 0) })
	cands = cands[:min(len(cands), limit)]

	ix.highlightWords(q)
	hits := make([]pageHits, len(cands))
	for i, d := range cands {
		hits[i] = ix.matchPage(q, int(d))
	}
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		return acc.compare(cands[i], cands[j], hits[i].pairs, hits[j].pairs)
	})
	for _, i := range order {
		resp.Results = append(resp.Results, hits[i].result(int(acc.score[cands[i]])))
	}
	return resp
}

// accumulator holds every page's stage-one ranking keys.
type accumulator struct {
	exact []bool   // the query is one of the page's names
	hit   []bool   // the page matches a query word
	slots []uint16 // query words matched, twice when strong (strongImpact)
	tiers []int32  // sum of the best tier per word matched
	score []int64  // sum of the best weight × idf × impact per word
	// per-slot scratch: the best tier and contribution so far
	bestTier  []int8
	bestScore []int64
	bestImp   []int // the impact of the best alternative so far, or a better one's
	touched   []int32
}

func newAccumulator(n int) *accumulator {
	return &accumulator{
		hit: make([]bool, n), slots: make([]uint16, n), tiers: make([]int32, n), score: make([]int64, n),
		bestTier: make([]int8, n), bestScore: make([]int64, n), bestImp: make([]int, n),
	}
}

// addSlot scores one query word: each page counts its best alternative.
// A common word adds to the score only, not to the words matched.
func (a *accumulator) addSlot(alts []alt, common bool) {
	a.touched = a.touched[:0]
	for _, al := range alts {
		r := reader{s: al.postings}
		r.varint() // idf
		doc := -1
		for r.more() {
			doc += r.varint() + 1
			imp := r.fixed()
			if r.bad || doc >= len(a.slots) {
				break
			}
			v := int64(al.weight * al.idf * imp)
			t := int8(al.tier)
			switch {
			case a.bestTier[doc] == 0:
				a.touched = append(a.touched, int32(doc))
				a.bestTier[doc], a.bestScore[doc] = t, v
				a.bestImp[doc] = imp
			case t > a.bestTier[doc] || t == a.bestTier[doc] && v > a.bestScore[doc]:
				a.bestTier[doc], a.bestScore[doc] = t, v
				a.bestImp[doc] = max(a.bestImp[doc], imp)
			}
		}
	}
	for _, d := range a.touched {
		n := 1
		if a.bestImp[d] >= strongImpact && a.bestTier[d] == tierExact {
			n = 2
		}
		if common {
			n = 0
		}
		a.hit[d] = true
		a.slots[d] += uint16(n)
		a.tiers[d] += int32(n * int(a.bestTier[d]))
		a.bestImp[d] = 0
		a.score[d] += a.bestScore[d]
		a.bestTier[d], a.bestScore[d] = 0, 0
	}
}

func (a *accumulator) matches(d int) bool { return a.hit[d] || a.exact[d] }

// commonIDF is the highest idf (invert.go) of a common word: one in about
// half the pages or more. A quarter was too low: in a sales playbook
// "price" and "budget" are on a quarter of the pages and are still the
// words a query is about. Among fewer than commonDocs pages no
// word is common.
const (
	commonIDF  = 4
	commonDocs = 20
)

// commonSlots marks the query words that are common in the content
// ("way", "now", "over"), when the query has a word that is not: a
// customer's filler words then do not outnumber the one distinctive
// word in deciding which pages match more of the query.
func commonSlots(slots []*slot, docs int) []bool {
	common := make([]bool, len(slots))
	if docs < commonDocs {
		return common
	}
	any := false
	for i, s := range slots {
		for _, a := range s.alts {
			if a.tier == tierExact && a.weight == weightExact && a.idf <= commonIDF {
				common[i] = true
			}
		}
		any = any || !common[i]
	}
	if !any {
		return make([]bool, len(slots))
	}
	return common
}

// compare orders pages best first: the query naming the page, words
// matched, tiers, phrase pairs, score, then document order.
func (a *accumulator) compare(x, y int32, px, py int) int {
	switch {
	case a.exact[x] != a.exact[y]:
		if a.exact[x] {
			return -1
		}
		return 1
	case a.slots[x] != a.slots[y]:
		return int(a.slots[y]) - int(a.slots[x])
	case a.tiers[x] != a.tiers[y]:
		return int(a.tiers[y] - a.tiers[x])
	case px != py:
		return py - px
	case a.score[x] != a.score[y]:
		if a.score[y] > a.score[x] {
			return 1
		}
		return -1
	}
	return int(x - y)
}

// filterFailures counts, for each page, the filtered facets it fails;
// failed[d] is the last such facet, which is all that facet counts need
// when a page fails exactly one.
func (ix *Index) filterFailures(filters map[string][]string, n int) (fails []uint8, failed []int16) {
	fails = make([]uint8, n)
	failed = make([]int16, n)
	for _, name := range sortedKeys(filters) {
		values := filters[name]
		if len(values) == 0 {
			continue
		}
		pass := make([]bool, n)
		f := ix.facet(name)
		for i, v := range f.values {
			if slices.Contains(values, v) {
				for _, d := range f.docs[i] {
					if d < n {
						pass[d] = true
					}
				}
			}
		}
		id := int16(slices.Index(ix.meta.Facets, name))
		for d := range n {
			if !pass[d] {
				fails[d]++
				failed[d] = id
			}
		}
	}
	return fails, failed
}

// count tallies facet values over the matching pages; a facet's own filter
// does not narrow its counts.
func (ix *Index) count(names []string, acc *accumulator, fails []uint8, failed []int16) map[string]map[string]int {
	counts := map[string]map[string]int{}
	for _, name := range names {
		id := int16(slices.Index(ix.meta.Facets, name))
		f := ix.facet(name)
		c := map[string]int{}
		for i, v := range f.values {
			k := 0
			for _, d := range f.docs[i] {
				if d < len(fails) && acc.matches(d) && (fails[d] == 0 || fails[d] == 1 && failed[d] == id) {
					k++
				}
			}
			if k > 0 {
				c[v] = k
			}
		}
		counts[name] = c
	}
	return counts
}

// strongImpact is the least impact of a word in a page's title or phrases
// (see impact). Such a word, matched exactly (or by its stem or a
// synonym), counts twice among the words a page matches, so that a page
// whose title or customer's words answer the query ranks above one that
// mentions every word of it in passing.
const strongImpact = 32
