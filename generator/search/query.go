package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// Match tiers and weights. A page's tiers are summed over the query's words
// and compared before its score: exact words and synonyms rank above
// prefix completions, which rank above typo corrections. Weights order
// alternatives within a tier and scale the score.
const (
	tierExact  = 3
	tierPrefix = 2
	tierTypo   = 1

	weightExact = 10
	// weightCompound: two query words matching one word of the page
	// ("freight desk", "FreightDesk") are one name, closer than the two
	// words apart.
	weightCompound = 11
	weightSynonym  = 9
	weightPrefix   = 7
	weightTypo1    = 5
	weightTypo2    = 3

	typoCap = 8 // typo corrections kept per word, closest and most common first
	// rareDF: a word whose exact and prefix matches cover no more pages
	// than this is perhaps itself a typo in the content, so corrections
	// are searched too (ranked below it).
	rareDF = 2
)

// prefixCap is how many completions of the last word are searched: fewer
// for short prefixes, whose completions are many and common.
func prefixCap(runes int) int {
	switch {
	case runes < 2:
		return 0
	case runes == 2:
		return 3
	case runes == 3:
		return 5
	}
	return 8
}

// maxEdits is the typo tolerance for a query word.
func maxEdits(word string) int {
	n := 0
	for _, r := range word {
		if unicode.IsNumber(r) {
			return 0 // "2025" is not a typo of "2026"
		}
		n++
	}
	switch {
	case n >= 8:
		return 2
	case n >= 4:
		return 1
	}
	return 0
}

// alt is one term a query word may match.
type alt struct {
	term         int32
	tier, weight int
	idf          int
	postings     string
}

// slot is a query word (or a multi-word synonym) with the terms it may
// match; a page matches the slot through its best alternative.
type slot struct {
	word       string
	prefix     bool // the last word, typed so far: completions count
	onlyPrefix bool // a stop word: its completions only
	group      bool // a multi-word synonym phrase
	keys       []string
	alts       []alt
	known      int // pages the exact and prefix matches cover, at most
	// words are the folded words that highlight as this slot, with their
	// alternative; patterns are multi-word phrases that do.
	words    map[string]int
	patterns []pattern
}

// item is one element of the query's word sequence, for phrase matching:
// a slot, or a stop word (slot -1) matched literally.
type item struct {
	slot int
	stop string
}

type parsedQuery struct {
	slots []*slot
	items []item
	stop  map[string]bool
	// names are the name words (names.go) the query may be.
	names []string
	// compounds are adjacent query words written as one ("freight desk"
	// may be "freightdesk"), with the slots of those words.
	compounds []compound
}

// compound is two adjacent query words joined, and the slots (one or two:
// a stop word has none) that also match it.
type compound struct {
	word  string
	slots []int
}

// parse splits a query into slots. It needs no file but meta.json.
func (ix *Index) parse(query string) parsedQuery {
	q := parsedQuery{stop: ix.stop}
	toks := pagetext.Tokens(query)
	q.names = queryNames(toks)
	typing := len(toks) > 0 && toks[len(toks)-1].End == len(query)
	// tokSlot is each word's slot: -1 for a stop word, -2 in a phrase.
	tokSlot := make([]int, len(toks))
	for i := 0; i < len(toks); {
		k, groups := ix.synonymAt(toks, i)
		var s *slot
		switch w := toks[i].Word; {
		case k > 1: // a multi-word synonym is one slot
			s = &slot{group: true}
			for j := i; j < i+k; j++ {
				tokSlot[j] = -2
			}
		case ix.stop[w]:
			q.items = append(q.items, item{slot: -1, stop: w})
			tokSlot[i] = -1
			i++
			continue
		default:
			k = 1
			s = &slot{word: w, prefix: i == len(toks)-1 && typing}
			tokSlot[i] = len(q.slots)
		}
		s.words = map[string]int{}
		for _, g := range groups {
			s.alts = append(s.alts, alt{term: int32(ix.groupBase + g), tier: tierExact, weight: weightSynonym})
		}
		q.items = append(q.items, item{slot: len(q.slots)})
		q.slots = append(q.slots, s)
		i += k
	}
	for i := 0; i+1 < len(toks); i++ {
		a, b := tokSlot[i], tokSlot[i+1]
		if a == -2 || b == -2 || a == -1 && b == -1 {
			continue
		}
		c := compound{word: toks[i].Word + toks[i+1].Word}
		for _, si := range []int{a, b} {
			if si >= 0 {
				c.slots = append(c.slots, si)
			}
		}
		q.compounds = append(q.compounds, c)
	}
	// A query of stop words alone still completes its last word ("on" is
	// on its way to "onboarding").
	if len(q.slots) == 0 && typing {
		w := toks[len(toks)-1].Word
		if utf8.RuneCountInString(w) >= 2 {
			q.items[len(q.items)-1] = item{slot: 0}
			q.slots = append(q.slots, &slot{word: w, prefix: true, onlyPrefix: true, words: map[string]int{}})
		}
	}
	return q
}

// synonymAt finds the longest synonym phrase starting at toks[i]: its
// length in words and every group having it.
func (ix *Index) synonymAt(toks []pagetext.Token, i int) (int, []int) {
	best := 0
	var groups []int
	for p, words := range ix.phrases {
		if len(words) < best || i+len(words) > len(toks) {
			continue
		}
		match := true
		for k, w := range words {
			if toks[i+k].Word != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if len(words) > best {
			best, groups = len(words), groups[:0]
		}
		if g := ix.phraseGroup[p]; !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	slices.Sort(groups)
	return best, groups
}

// resolve finds each slot's terms in the vocabulary shards: the word
// itself, completions of the last word, and, when neither exists, typo
// corrections.
func (ix *Index) resolve(q parsedQuery) {
	for _, s := range q.slots {
		if s.group {
			continue
		}
		key := prefixKey(s.word)
		if !ix.keys[key] {
			continue
		}
		s.keys = []string{key}
		sh := ix.shard(key)
		exact := int32(-1)
		if !s.onlyPrefix {
			for i, w := range sh.words {
				if w == s.word {
					exact = sh.terms[i]
					s.alts = append(s.alts, alt{term: exact, tier: tierExact, weight: weightExact})
					s.known += sh.dfs[i]
					break
				}
			}
		}
		if s.prefix {
			var known int
			s.alts, known = appendCompletions(s.alts, sh, s.word, exact)
			s.known += known
		}
	}
	for _, s := range q.slots {
		if s.group || s.known > rareDF || s.onlyPrefix {
			continue
		}
		edits := maxEdits(s.word)
		if edits == 0 {
			continue
		}
		s.keys = nil
		for _, k := range shardKeys(s.word) {
			if ix.keys[k] {
				s.keys = append(s.keys, k)
			}
		}
		s.alts = append(s.alts, ix.corrections(s, edits)...)
	}
	ix.resolveCompounds(q)
}

// resolveCompounds lets the slots of two adjacent words also match the
// word they make together, as written in the content or in a synonym
// group: a customer splits or joins a product's name another way than
// the page does.
func (ix *Index) resolveCompounds(q parsedQuery) {
	for _, c := range q.compounds {
		var alts []alt
		key := prefixKey(c.word)
		found := false
		if ix.keys[key] {
			sh := ix.shard(key)
			if i := slices.Index(sh.words, c.word); i >= 0 {
				alts = append(alts, alt{term: sh.terms[i], tier: tierExact, weight: weightCompound})
				found = true
			}
		}
		for p, words := range ix.phrases {
			if len(words) == 1 && words[0] == c.word {
				alts = append(alts, alt{term: int32(ix.groupBase + ix.phraseGroup[p]), tier: tierExact, weight: weightSynonym})
			}
		}
		for _, si := range c.slots {
			s := q.slots[si]
			if found && !slices.Contains(s.keys, key) {
				s.keys = append(s.keys, key)
			}
			for _, a := range alts {
				if !slices.ContainsFunc(s.alts, func(b alt) bool { return b.term == a.term }) {
					s.alts = append(s.alts, a)
				}
			}
		}
	}
}

// exactPages marks the pages one of the query's names names.
func (ix *Index) exactPages(q parsedQuery, n int) []bool {
	exact := make([]bool, n)
	for _, name := range q.names {
		key := prefixKey(name)
		if !ix.keys[key] {
			continue
		}
		sh := ix.shard(key)
		i := slices.Index(sh.words, name)
		if i < 0 {
			continue
		}
		r := reader{s: ix.postingList(sh.terms[i])}
		r.varint() // idf
		doc := -1
		for r.more() {
			doc += r.varint() + 1
			r.fixed()
			if r.bad || doc >= n {
				break
			}
			exact[doc] = true
		}
	}
	return exact
}

// appendCompletions appends the terms of words starting with prefix, most
// frequent first, leaving out the exact word's term, and returns the sum of
// their document frequencies.
func appendCompletions(alts []alt, sh *shard, prefix string, exact int32) ([]alt, int) {
	type cand struct {
		term int32
		df   int
	}
	var cands []cand
	for i, w := range sh.words {
		if sh.terms[i] != exact && len(w) > len(prefix) && strings.HasPrefix(w, prefix) &&
			!slices.ContainsFunc(cands, func(c cand) bool { return c.term == sh.terms[i] }) {
			cands = append(cands, cand{sh.terms[i], sh.dfs[i]})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.df != b.df {
			return b.df - a.df
		}
		return int(a.term - b.term)
	})
	cands = cands[:min(len(cands), prefixCap(utf8.RuneCountInString(prefix)))]
	known := 0
	for _, c := range cands {
		alts = append(alts, alt{term: c.term, tier: tierPrefix, weight: weightPrefix})
		known += c.df
	}
	return alts, known
}

// corrections are the terms of words within the allowed number of edits,
// closest first, then most frequent.
func (ix *Index) corrections(s *slot, edits int) []alt {
	type cand struct {
		term     int32
		dist, df int
	}
	q := []rune(s.word)
	var cands []cand
	for _, k := range s.keys {
		sh := ix.shard(k)
		for i, w := range sh.words {
			if isName(w) {
				continue
			}
			d := editDistance(q, w, edits)
			if d == 0 || d > edits || slices.ContainsFunc(s.alts, func(a alt) bool { return a.term == sh.terms[i] }) {
				continue
			}
			if j := slices.IndexFunc(cands, func(c cand) bool { return c.term == sh.terms[i] }); j >= 0 {
				cands[j].dist = min(cands[j].dist, d)
				continue
			}
			cands = append(cands, cand{sh.terms[i], d, sh.dfs[i]})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		if a.df != b.df {
			return b.df - a.df
		}
		return int(a.term - b.term)
	})
	cands = cands[:min(len(cands), typoCap)]
	out := make([]alt, len(cands))
	for i, c := range cands {
		w := weightTypo1
		if c.dist > 1 {
			w = weightTypo2
		}
		out[i] = alt{term: c.term, tier: tierTypo, weight: w}
	}
	return out
}

// editDistance is the optimal-string-alignment distance (Damerau–
// Levenshtein without repeated edits of a substring) between q and w, or
// max+1 once it must exceed max.
func editDistance(q []rune, word string, max int) int {
	w := []rune(word)
	if abs(len(q)-len(w)) > max {
		return max + 1
	}
	// Three rows suffice for transpositions.
	prev2 := make([]int, len(w)+1)
	prev := make([]int, len(w)+1)
	cur := make([]int, len(w)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(q); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(w); j++ {
			cost := 1
			if q[i-1] == w[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && q[i-1] == w[j-2] && q[i-2] == w[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(w)], max+1)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
