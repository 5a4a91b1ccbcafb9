package search

import (
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// Stage two works on the fragments of the pages returned: it finds the
// query's words in the title, headings and text, counts phrase pairs
// (consecutive query words found next to each other), picks the best
// sections and cuts excerpts around the matches.

const (
	excerptWords   = 24 // words in an excerpt
	excerptLead    = 3  // words kept before the first match
	sectionResults = 3  // sections listed under a page
)

// pattern is a multi-word synonym phrase that highlights as its slot.
type pattern struct {
	words []string
	value int
}

// highlightWords fills each slot's words and patterns: every word, in the
// shards the slot read, whose term the slot matched, and the phrases of its
// synonym groups. A word's value is its alternative's weight × idf.
func (ix *Index) highlightWords(q parsedQuery) {
	for _, s := range q.slots {
		for _, a := range s.alts {
			v := a.weight * a.idf
			if g := int(a.term) - ix.groupBase; g >= 0 {
				for _, p := range ix.meta.Synonyms[g] {
					words := strings.Split(p, " ")
					if len(words) == 1 {
						s.words[p] = max(s.words[p], v)
					} else {
						s.patterns = append(s.patterns, pattern{words, v})
					}
				}
				continue
			}
			for _, k := range s.keys {
				sh := ix.shard(k)
				for i, w := range sh.words {
					if sh.terms[i] == a.term {
						s.words[w] = max(s.words[w], v)
					}
				}
			}
		}
	}
}

// slotHit says a word of a text matches a slot, worth value.
type slotHit struct {
	slot, value int
}

// matched is a text with the slots each of its words matches.
type matched struct {
	text string
	toks []pagetext.Token
	hits [][]slotHit
	next []int // the next word that is not a stop word, or -1
}

func (q parsedQuery) match(text string) matched {
	m := matched{text: text, toks: pagetext.Tokens(text)}
	m.hits = make([][]slotHit, len(m.toks))
	m.next = make([]int, len(m.toks))
	following := -1
	for j := len(m.toks) - 1; j >= 0; j-- {
		m.next[j] = following
		if !q.stop[m.toks[j].Word] {
			following = j
		}
	}
	add := func(j, si, v int) {
		for k, h := range m.hits[j] {
			if h.slot == si {
				m.hits[j][k].value = max(h.value, v)
				return
			}
		}
		m.hits[j] = append(m.hits[j], slotHit{si, v})
	}
	for j, t := range m.toks {
		for si, s := range q.slots {
			if v, ok := s.words[t.Word]; ok {
				add(j, si, v)
			}
			for _, p := range s.patterns {
				if j+len(p.words) > len(m.toks) {
					continue
				}
				ok := true
				for k, w := range p.words {
					if m.toks[j+k].Word != w {
						ok = false
						break
					}
				}
				if ok {
					for k := range p.words {
						add(j+k, si, p.value)
					}
				}
			}
		}
	}
	for j := range m.hits {
		slices.SortFunc(m.hits[j], func(a, b slotHit) int { return a.slot - b.slot })
	}
	return m
}

// pairs are the query's consecutive words, stop words left out, that can
// form a phrase (a multi-word synonym is one already). A text has a pair
// when its words follow each other, stop words between them left out:
// "price too high" finds "the price is too high".
func (q parsedQuery) pairs() [][2]item {
	var out [][2]item
	prev := -1
	for _, it := range q.items {
		if it.slot < 0 {
			continue
		}
		if prev >= 0 && !q.slots[prev].group && !q.slots[it.slot].group {
			out = append(out, [2]item{{slot: prev}, it})
		}
		prev = it.slot
	}
	return out
}

func (m matched) is(j int, it item) bool {
	if it.slot < 0 {
		return m.toks[j].Word == it.stop
	}
	for _, h := range m.hits[j] {
		if h.slot == it.slot {
			return true
		}
	}
	return false
}

// markPairs sets found[p] for each pair p found in m.
func (m matched) markPairs(pairs [][2]item, found []bool) {
	for j := 0; j+1 < len(m.toks); j++ {
		k := m.next[j]
		if k < 0 {
			continue
		}
		for p, pr := range pairs {
			if !found[p] && m.is(j, pr[0]) && m.is(k, pr[1]) {
				found[p] = true
			}
		}
	}
}

// bestValues adds to best, per slot, the best value of its hits times mul.
func (m matched) bestValues(best []int, mul int) {
	for _, hs := range m.hits {
		for _, h := range hs {
			best[h.slot] = max(best[h.slot], h.value*mul)
		}
	}
}

// sectionStat ranks a section of a page.
type sectionStat struct {
	index, slots, pairs, score int
	heading, text              matched
}

// pageHits is stage two's result for one page.
type pageHits struct {
	frag     *fragmentData
	title    matched
	sections []sectionStat
	pairs    int
}

func (ix *Index) matchPage(q parsedQuery, doc int) pageHits {
	f := ix.fragment(doc)
	pairs := q.pairs()
	ph := pageHits{frag: f, title: q.match(f.Title)}
	pageFound := make([]bool, len(pairs))
	ph.title.markPairs(pairs, pageFound)
	for i, s := range f.Sections {
		st := sectionStat{index: i, heading: q.match(s[1]), text: q.match(s[2])}
		found := make([]bool, len(pairs))
		st.heading.markPairs(pairs, found)
		st.text.markPairs(pairs, found)
		best := make([]int, len(q.slots))
		st.heading.bestValues(best, 2)
		st.text.bestValues(best, 1)
		for _, v := range best {
			if v > 0 {
				st.slots++
				st.score += v
			}
		}
		for p, ok := range found {
			if ok {
				st.pairs++
				pageFound[p] = true
			}
		}
		ph.sections = append(ph.sections, st)
	}
	for _, ok := range pageFound {
		if ok {
			ph.pairs++
		}
	}
	slices.SortStableFunc(ph.sections, func(a, b sectionStat) int {
		switch {
		case a.slots != b.slots:
			return b.slots - a.slots
		case a.pairs != b.pairs:
			return b.pairs - a.pairs
		case a.score != b.score:
			return b.score - a.score
		}
		return a.index - b.index
	})
	return ph
}

func (ph pageHits) result(score int) Result {
	f := ph.frag
	r := Result{
		URL:      f.URL,
		Title:    ph.title.marked(0, len(ph.title.toks)),
		Kind:     f.Kind,
		Facets:   f.Facets,
		Score:    score,
		Sections: []SectionResult{},
	}
	if r.Facets == nil {
		r.Facets = map[string][]string{}
	}
	for _, st := range ph.sections {
		if st.slots == 0 {
			break
		}
		if r.Excerpt == nil {
			r.Excerpt = st.text.excerpt()
		}
		if a := f.Sections[st.index][0]; a != "" && len(r.Sections) < sectionResults {
			r.Sections = append(r.Sections, SectionResult{
				Anchor:  a,
				Heading: st.heading.marked(0, len(st.heading.toks)),
				Excerpt: st.text.excerpt(),
			})
		}
	}
	if r.Excerpt == nil {
		// Only the title matched: the start of the page.
		r.Excerpt = Marked{""}
		for i := range f.Sections {
			if st := ph.byIndex(i); st.text.text != "" {
				r.Excerpt = st.text.excerpt()
				break
			}
		}
	}
	return r
}

func (ph pageHits) byIndex(i int) sectionStat {
	for _, st := range ph.sections {
		if st.index == i {
			return st
		}
	}
	return sectionStat{}
}

// excerpt cuts a window of excerptWords words holding the most distinct
// query words (then the most matches, then the earliest).
func (m matched) excerpt() Marked {
	n := len(m.toks)
	if n == 0 {
		return Marked{m.text}
	}
	best, bestSlots, bestHits := 0, -1, -1
	for h := range m.toks {
		if len(m.hits[h]) == 0 {
			continue
		}
		s := max(0, h-excerptLead)
		seen := map[int]bool{}
		hits := 0
		for j := s; j < min(n, s+excerptWords); j++ {
			for _, x := range m.hits[j] {
				seen[x.slot] = true
			}
			if len(m.hits[j]) > 0 {
				hits++
			}
		}
		if len(seen) > bestSlots || len(seen) == bestSlots && hits > bestHits {
			best, bestSlots, bestHits = s, len(seen), hits
		}
	}
	return m.marked(best, min(n, best+excerptWords))
}

// marked returns the text from word from to word to (exclusive) with its
// matches marked; a cut text gets an ellipsis at the cut.
func (m matched) marked(from, to int) Marked {
	n := len(m.toks)
	start, end := 0, len(m.text)
	if n > 0 && from > 0 {
		start = m.toks[from].Start
	}
	if n > 0 && to < n {
		end = m.toks[to-1].End
	}
	var parts Marked
	pos := start
	for j := from; j < to; j++ {
		if len(m.hits[j]) == 0 {
			continue
		}
		parts = append(parts, m.text[pos:m.toks[j].Start], m.text[m.toks[j].Start:m.toks[j].End])
		pos = m.toks[j].End
	}
	parts = append(parts, m.text[pos:end])
	if start > 0 {
		parts[0] = "…" + parts[0]
	}
	if end < len(m.text) {
		parts[len(parts)-1] += "…"
	}
	return parts
}
