package search

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// vocabulary is every scored word of the site, sorted, with its term: the
// stem its postings are filed under. Terms are numbered in stem order, so
// the words of one stem, and words sharing a prefix, sit in few chunks.
type vocabulary struct {
	words []string
	term  []int32   // word id -> term id
	terms int       // number of word terms; synonym groups follow
	local [][]int32 // per analysis part: local word id -> word id, -1 for stop words
}

func mergeVocabulary(parts []*analysis, lang language) *vocabulary {
	// Each part sorts its own words (in parallel); a k-way merge of the
	// sorted lists then numbers the words without a global map.
	sorted := make([][]int32, len(parts))
	eachPart(len(parts), func(i int) {
		p := parts[i]
		ids := make([]int32, 0, len(p.words))
		for id := range p.words {
			if !p.stop[id] {
				ids = append(ids, int32(id))
			}
		}
		slices.SortFunc(ids, func(a, b int32) int { return strings.Compare(p.words[a], p.words[b]) })
		sorted[i] = ids
	})
	v := &vocabulary{local: make([][]int32, len(parts))}
	for i, p := range parts {
		v.local[i] = make([]int32, len(p.words))
		for id := range v.local[i] {
			v.local[i][id] = -1
		}
	}
	var all []string
	pos := make([]int, len(parts))
	for {
		best := -1
		for i := range parts {
			if pos[i] < len(sorted[i]) && (best < 0 || parts[i].words[sorted[i][pos[i]]] < parts[best].words[sorted[best][pos[best]]]) {
				best = i
			}
		}
		if best < 0 {
			break
		}
		w := parts[best].words[sorted[best][pos[best]]]
		all = append(all, w)
		for i := range parts {
			if pos[i] < len(sorted[i]) && parts[i].words[sorted[i][pos[i]]] == w {
				v.local[i][sorted[i][pos[i]]] = int32(len(all) - 1)
				pos[i]++
			}
		}
	}
	v.words = all

	stems := make([]string, len(all))
	eachRange(len(all), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			stems[i] = lang.stem(all[i])
		}
	})
	unique := slices.Clone(stems)
	slices.Sort(unique)
	unique = slices.Compact(unique)
	termOf := make(map[string]int32, len(unique))
	for i, s := range unique {
		termOf[s] = int32(i)
	}
	v.term = make([]int32, len(all))
	for i, s := range stems {
		v.term[i] = termOf[s]
	}
	v.terms = len(unique)
	return v
}

// postings holds, for every term, the pages it occurs in (ascending) with
// the term's weight in each, flattened: term t owns [start[t], start[t+1]).
type postings struct {
	start   []int32
	docs    []int32
	impacts []uint8
	docN    int
}

func (p *postings) terms() int     { return len(p.start) - 1 }
func (p *postings) df(t int32) int { return int(p.start[t+1] - p.start[t]) }
func (p *postings) of(t int) (docs []int32, impacts []uint8) {
	return p.docs[p.start[t]:p.start[t+1]], p.impacts[p.start[t]:p.start[t+1]]
}

// weighed is one analysis part's pages as term weights, flattened: page i
// of the part owns [end[i-1], end[i]) of terms and impacts.
type weighed struct {
	terms   []int32
	impacts []uint8
	end     []int32
	count   []int32 // term -> pages of the part that have it
}

// invert computes each page's term weights and files them by term. It
// consumes parts: a part's word lists are dropped as soon as they are
// weighed, before the postings are allocated, so that the two are never
// in memory together.
func invert(parts []*analysis, v *vocabulary, groups int) *postings {
	docN, total := 0, 0
	for _, p := range parts {
		docN += len(p.docs)
		for _, d := range p.docs {
			total += d.length
		}
	}
	avg := max(1, float64(total)/float64(max(1, docN)))
	terms := v.terms + groups

	w := make([]*weighed, len(parts))
	eachPart(len(parts), func(pi int) {
		w[pi] = weigh(parts[pi], v.local[pi], v, terms, avg)
		parts[pi] = nil
	})

	// Each part's postings of a term follow the part before it.
	p := &postings{start: make([]int32, terms+1), docN: docN}
	for t := range terms {
		n := p.start[t]
		for _, wp := range w {
			c := wp.count[t]
			wp.count[t] = n // now where the part writes its next posting of t
			n += c
		}
		p.start[t+1] = n
	}
	p.docs = make([]int32, p.start[terms])
	p.impacts = make([]uint8, p.start[terms])
	doc := int32(0)
	for _, wp := range w {
		next, from := wp.count, int32(0)
		for _, to := range wp.end {
			for i := from; i < to; i++ {
				t := wp.terms[i]
				k := next[t]
				next[t]++
				p.docs[k], p.impacts[k] = doc, wp.impacts[i]
			}
			from = to
			doc++
		}
	}
	return p
}

// weigh merges each page's word counts by term (the words of one stem make
// one term) and weighs them, then its synonym groups.
func weigh(a *analysis, local []int32, v *vocabulary, terms int, avg float64) *weighed {
	size := 0
	for _, d := range a.docs {
		size += len(d.words) + len(d.groups)
	}
	ts, imps := make([]int32, 0, size), make([]uint8, 0, size)
	end, count := make([]int32, len(a.docs)), make([]int32, terms)
	// stamp says which page last saw a term, slot where it is in that
	// page's list.
	stamp := make([]int32, v.terms)
	slot := make([]int32, v.terms)
	var merged []wordCount
	for di, d := range a.docs {
		merged = merged[:0]
		for _, c := range d.words {
			t := v.term[local[c.id]]
			if stamp[t] != int32(di+1) {
				stamp[t] = int32(di + 1)
				slot[t] = int32(len(merged))
				c.id = t
				merged = append(merged, c)
				continue
			}
			m := &merged[slot[t]]
			m.title = satAdd(m.title, c.title)
			m.phrase = satAdd(m.phrase, c.phrase)
			m.head = satAdd(m.head, c.head)
			m.body = satAdd(m.body, c.body)
		}
		for _, c := range merged {
			ts = append(ts, c.id)
			imps = append(imps, impact(c, d, avg))
			count[c.id]++
		}
		for _, g := range d.groups {
			t := int32(v.terms) + g.id
			ts = append(ts, t)
			imps = append(imps, impact(g, d, avg))
			count[t]++
		}
		end[di] = int32(len(ts))
	}
	return &weighed{terms: ts, impacts: imps, end: end, count: count}
}

// impact is a term's weight in a page, 1–63. Field presence gives tiers
// (title above phrases above heading above body, whatever the body's
// frequency), and BM25's saturating, length-normalised frequency ranks
// within a tier. A short title that is mostly the term ranks above a long
// one. The page kind's prior scales the whole. A term in the title or the
// phrases has an impact of strongImpact or more, any other less.
func impact(c wordCount, d docWords, avgLen float64) uint8 {
	const k1, b = 1.2, 0.75
	x := 0.0
	if c.title > 0 {
		x += 5 + 2/float64(d.titleLen)
	}
	if c.phrase > 0 {
		x += 4
	}
	if c.head > 0 {
		x += 3
	}
	if tf := float64(c.head) + float64(c.body); tf > 0 {
		x += tf * (k1 + 1) / (tf + k1*(1-b+b*float64(d.length)/avgLen))
	}
	x *= float64(d.prior) / 10
	if c.title > 0 || c.phrase > 0 {
		// At most (7+4+3+2.2) × 1.2 ≈ 19.4.
		return uint8(min(63, strongImpact+int(math.Round(x*1.6))))
	}
	// At most (3+2.2) × 1.2 ≈ 6.2.
	return uint8(min(strongImpact-1, max(1, int(math.Round(x*5)))))
}

// kindPrior weighs pages by kind, in tenths. A rep types what the customer
// said, so among pages matching a query about as well, the objection
// answering it comes first, then a glossary term (a word the customer
// used), then a closing tool; other pages are the reference around them.
// A section page lists its pages, so the page itself comes before it. The
// priors are small: they reorder near ties, never a clearly better match.
func kindPrior(kind string) int {
	switch kind {
	case "section":
		return 9
	case "objection":
		return 12
	case "term":
		return 11
	case "closing-tool":
		return 11
	}
	return 10
}

// idf is BM25's inverse document frequency, scaled to a small integer so
// that both engines score with exact integer arithmetic.
func idf(df, n int) int {
	v := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
	return max(1, int(math.Round(v*6)))
}

// eachPart runs fn(i) for i in [0, n) concurrently.
func eachPart(n int, fn func(i int)) {
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn(i)
		}()
	}
	wg.Wait()
}

// eachRange splits [0, n) into one range per core.
func eachRange(n int, fn func(lo, hi int)) {
	workers := max(1, min(runtime.GOMAXPROCS(0), n/256))
	eachPart(workers, func(w int) {
		fn(w*n/workers, (w+1)*n/workers)
	})
}
