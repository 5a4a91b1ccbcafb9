package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// chunkTarget is the size a postings chunk is filled to. Smaller chunks
// waste fewer bytes on the neighbours of a wanted term; larger ones keep
// meta.json's list of chunk boundaries short.
const chunkTarget = 6 << 10

// writePostings files every term's postings into chunks of consecutive
// terms and returns the first term of each chunk. Each term's encoded size
// is computed first, so that each chunk is written once into a buffer of
// its size.
func writePostings(files map[string][]byte, p *postings) []int {
	n := p.terms()
	size := make([]int32, n)
	eachRange(n, func(lo, hi int) {
		for t := lo; t < hi; t++ {
			docs, _ := p.of(t)
			s := varintLen(idf(len(docs), p.docN)) + len(docs)
			prev := int32(-1)
			for _, d := range docs {
				s += varintLen(int(d - prev - 1))
				prev = d
			}
			size[t] = int32(s)
		}
	})
	var starts []int
	fill := chunkTarget
	for t := range n {
		if fill+int(size[t]) > chunkTarget && fill > 0 {
			starts = append(starts, t)
			fill = 0
		}
		fill += int(size[t]) + 3
	}
	out := make([][]byte, len(starts))
	eachRange(len(starts), func(lo, hi int) {
		for c := lo; c < hi; c++ {
			end := n
			if c+1 < len(starts) {
				end = starts[c+1]
			}
			total := 1
			for t := starts[c]; t < end; t++ {
				total += int(size[t]) + 3
			}
			b := make([]byte, 1, total)
			b[0] = '['
			for t := starts[c]; t < end; t++ {
				if t > starts[c] {
					b = append(b, ',')
				}
				b = append(b, '"')
				docs, impacts := p.of(t)
				b = appendVarint(b, idf(len(docs), p.docN))
				prev := int32(-1)
				for i, d := range docs {
					b = appendVarint(b, int(d-prev-1))
					b = append(b, digits[impacts[i]])
					prev = d
				}
				b = append(b, '"')
			}
			out[c] = append(b, ']')
		}
	})
	for c, b := range out {
		files["search/t/"+strconv.Itoa(c)+".json"] = b
	}
	return starts
}

// writeShards files every word under its shard keys and returns the keys.
// A shard is three strings: the words, sorted and space-separated; their
// term ids as zigzag deltas; and each term's document frequency.
func writeShards(files map[string][]byte, v *vocabulary, p *postings) []string {
	shards := map[string][]int32{}
	for w, word := range v.words {
		for _, k := range shardKeys(word) {
			shards[k] = append(shards[k], int32(w))
		}
	}
	keys := sortedKeys(shards)
	out := make([][]byte, len(keys))
	eachRange(len(keys), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			ws := shards[keys[i]]
			var words, terms, dfs []byte
			prev := 0
			for j, w := range ws {
				if j > 0 {
					words = append(words, ' ')
				}
				words = append(words, v.words[w]...)
				t := int(v.term[w])
				terms = appendVarint(terms, zigzag(t-prev))
				prev = t
				dfs = appendVarint(dfs, p.df(int32(t)))
			}
			b := []byte{'['}
			b = appendJSONString(b, string(words), false)
			b = append(b, ",\""...)
			b = append(b, terms...)
			b = append(b, "\",\""...)
			b = append(b, dfs...)
			out[i] = append(b, "\"]"...)
		}
	})
	for i, k := range keys {
		files[shardFile(k)] = out[i]
	}
	return keys
}

func zigzag(v int) int {
	if v < 0 {
		return -2*v - 1
	}
	return 2 * v
}

func unzigzag(v int) int {
	if v&1 == 1 {
		return -(v + 1) / 2
	}
	return v / 2
}

// writeFragments writes what results show of each page: url, title, kind,
// facets and sections as [anchor, heading, text], whitespace collapsed.
func writeFragments(files map[string][]byte, docs []*Doc) {
	// Pages go FragmentGroup to a file: neighbours by URL are often found
	// together, and each file written (and later deleted with the previous
	// output) costs a build far more than its bytes. Each file is written
	// in one buffer sized beforehand: the fragments are most of the index.
	out := make([][]byte, (len(docs)+FragmentGroup-1)/FragmentGroup)
	eachRange(len(out), func(lo, hi int) {
		for g := lo; g < hi; g++ {
			group := docs[g*FragmentGroup : min((g+1)*FragmentGroup, len(docs))]
			size := 2
			for _, d := range group {
				size += 1 + fragmentSize(d)
			}
			b := make([]byte, 1, size)
			b[0] = '['
			for i, d := range group {
				if i > 0 {
					b = append(b, ',')
				}
				b = appendFragment(b, d)
			}
			out[g] = append(b, ']')
		}
	})
	for g, b := range out {
		files["search/f/"+strconv.Itoa(g)+".json"] = b
	}
}

// FragmentGroup is how many pages' fragments share one file. Four keeps a
// first query's download near 50–85 kB at 10,000 pages (a query fetches
// the files of the ten results shown) while halving the files that two
// gave: on a VM's disk, writing and deleting 5,000 fragment files made the
// index cost a fifth to a third of the build, against 2–13% with 2,500
// (BenchmarkSearchCost10000).
const FragmentGroup = 4

// fragmentSections are the sections results show: the page's, with its
// phrases as one more section after the introduction.
func fragmentSections(d *Doc) []Section {
	if len(d.Phrases) == 0 {
		return d.Sections
	}
	ph := Section{Text: pagetext.JoinList(d.Phrases)}
	at := min(1, len(d.Sections))
	return slices.Concat(d.Sections[:at], []Section{ph}, d.Sections[at:])
}

// fragmentSize is about the size of a page's fragment: exact unless text
// needs escaping or has whitespace to collapse.
func fragmentSize(d *Doc) int {
	size := 36 + len(d.URL) + len(d.Title) + len(d.Kind)
	for name, vals := range d.Facets {
		size += 6 + len(name)
		for _, v := range vals {
			size += 3 + len(v)
		}
	}
	if _, ok := d.Facets["kind"]; !ok {
		size += 12 + len(d.Kind)
	}
	if len(d.Phrases) > 0 {
		size += 11 // one more section
	}
	for _, p := range d.Phrases {
		size += 4 + len(p)
	}
	for _, s := range d.Sections {
		size += 11 + len(s.Anchor) + len(s.Heading) + len(s.Text)
	}
	return size
}

// appendFragment appends the fragment of one page: a JSON object.
func appendFragment(b []byte, d *Doc) []byte {
	b = append(b, `{"u":`...)
	b = appendJSONString(b, d.URL, true)
	b = append(b, `,"t":`...)
	b = appendJSONString(b, d.Title, true)
	b = append(b, `,"k":`...)
	b = appendJSONString(b, d.Kind, true)
	b = append(b, `,"f":{`...)
	for i, name := range facetNames(d) {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, name, true)
		b = append(b, ":["...)
		for j, v := range facetValues(d, name) {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, v, true)
		}
		b = append(b, ']')
	}
	b = append(b, `},"s":[`...)
	for i, s := range fragmentSections(d) {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSONString(b, s.Anchor, true)
		b = append(b, ',')
		b = appendJSONString(b, s.Heading, true)
		b = append(b, ',')
		b = appendJSONString(b, s.Text, true)
		b = append(b, ']')
	}
	return append(b, "]}"...)
}

// facetNames are a page's facets with at least one value, sorted; kind is
// one of them when the page has a kind.
func facetNames(d *Doc) []string {
	var names []string
	for name := range d.Facets {
		if name = strings.TrimSpace(name); name != "" && !slices.Contains(names, name) && len(facetValues(d, name)) > 0 {
			names = append(names, name)
		}
	}
	if _, ok := d.Facets["kind"]; !ok && strings.TrimSpace(d.Kind) != "" {
		names = append(names, "kind")
	}
	slices.Sort(names)
	return names
}

// facetValues are a page's values of one facet: trimmed, distinct, sorted.
func facetValues(d *Doc, name string) []string {
	vals, ok := d.Facets[name]
	if !ok && name == "kind" {
		vals = []string{d.Kind}
	}
	var out []string
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// writeFacets writes, for each facet, its values (sorted) and the pages
// having each, as deltas. It returns the facet names; facet n is in
// search/facet/<n>.json.
func writeFacets(files map[string][]byte, docs []*Doc) []string {
	byName := map[string]map[string][]int{}
	for i, d := range docs {
		for _, name := range facetNames(d) {
			if byName[name] == nil {
				byName[name] = map[string][]int{}
			}
			for _, v := range facetValues(d, name) {
				byName[name][v] = append(byName[name][v], i)
			}
		}
	}
	names := sortedKeys(byName)
	for n, name := range names {
		values := sortedKeys(byName[name])
		b := []byte(`{"name":`)
		b = appendJSONString(b, name, true)
		b = append(b, `,"values":[`...)
		for i, v := range values {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, v, true)
		}
		b = append(b, `],"docs":[`...)
		for i, v := range values {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, '"')
			b = append(b, deltaList(byName[name][v])...)
			b = append(b, '"')
		}
		files["search/facet/"+strconv.Itoa(n)+".json"] = append(b, "]}"...)
	}
	return names
}

// deltaList writes ascending numbers as varint gaps (the first from -1).
func deltaList(list []int) []byte {
	var b []byte
	prev := -1
	for _, v := range list {
		b = appendVarint(b, v-prev-1)
		prev = v
	}
	return b
}

// metaFile is search/meta.json: all a query needs before its first fetch.
type metaFile struct {
	Version int    `json:"v"`
	Docs    int    `json:"docs"`
	Terms   int    `json:"terms"`
	Stop    string `json:"stop"`
	// Chunks lists the first term of each postings chunk, as deltaList.
	Chunks string `json:"chunks"`
	// Keys lists the vocabulary shards, space-separated, so that no query
	// asks for a file that does not exist.
	Keys string `json:"keys"`
	// Synonyms are the groups of folded phrases; group g is the term
	// Terms-len(Synonyms)+g.
	Synonyms [][]string `json:"synonyms"`
	Facets   []string   `json:"facets"`
	// Build fingerprints every other file of the index. The browser asks
	// for them with it (?v=build), so that after a deploy it never mixes
	// cached files of the old index with new ones.
	Build string `json:"build"`
	// Group is how many pages' fragments share a file (FragmentGroup).
	Group int `json:"fg"`
}

func encodeMeta(m metaFile) ([]byte, error) {
	if m.Synonyms == nil {
		m.Synonyms = [][]string{}
	}
	if m.Facets == nil {
		m.Facets = []string{}
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil, fmt.Errorf("search: encoding meta.json: %w", err)
	}
	return b, nil
}

// plainString says whether s can be copied as it is: plain ASCII, and
// with collapse, no white space to collapse.
func plainString(s string, collapse bool) bool {
	if collapse && len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ') {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !plainByte(c) && (c != ' ' || collapse && prev == ' ') {
			return false
		}
		prev = c
	}
	return true
}

// plainByte is an ASCII byte that JSON strings hold as it is, other than
// white space.
func plainByte(c byte) bool {
	return c > ' ' && c < utf8.RuneSelf && c != '"' && c != '\\'
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD; with collapse, runs of white space become one space and the ends
// are trimmed, which is how fragments store text.
func appendJSONString(b []byte, s string, collapse bool) []byte {
	b = append(b, '"')
	if plainString(s, collapse) {
		b = append(b, s...)
		return append(b, '"')
	}
	space := false
	wrote := false
	for i := 0; i < len(s); {
		c := s[i]
		if plainByte(c) {
			// Copy a run of plain characters at once.
			j := i + 1
			for j < len(s) && plainByte(s[j]) {
				j++
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			b = append(b, s[i:j]...)
			wrote = true
			i = j
			continue
		}
		if c < utf8.RuneSelf {
			i++
			if collapse && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
				space = wrote
				continue
			}
			if space {
				b = append(b, ' ')
				space = false
			}
			wrote = true
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c < 0x20:
				b = append(b, `\u00`...)
				b = append(b, "0123456789abcdef"[c>>4], "0123456789abcdef"[c&15])
			default:
				b = append(b, c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if collapse && unicode.IsSpace(r) {
			space = wrote
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		wrote = true
		switch r {
		case '\u2028', '\u2029':
			b = append(b, `\u202`...)
			b = append(b, "89"[r-'\u2028'])
		default:
			b = utf8.AppendRune(b, r) // RuneError for invalid bytes
		}
	}
	return append(b, '"')
}
