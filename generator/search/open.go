package search

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Index answers queries over the files Build wrote, reading each file the
// first time a query needs it, as the browser engine does. It is the
// reference the browser engine is tested against, and is safe for
// concurrent use.
type Index struct {
	files       map[string][]byte
	meta        metaFile
	stop        map[string]bool
	keys        map[string]bool
	chunkStarts []int
	groupBase   int
	phrases     [][]string // every synonym phrase, as words
	phraseGroup []int      // phrase -> synonym group

	mu      sync.Mutex
	shards  map[string]*shard
	chunks  map[int][]string
	frags   map[int]*fragmentData
	facets  map[string]*facetData
	fetched map[string]bool
}

// Open reads an index from the files Build returned (keyed the same way).
func Open(files map[string][]byte) (*Index, error) {
	ix := &Index{
		files:   files,
		shards:  map[string]*shard{},
		chunks:  map[int][]string{},
		frags:   map[int]*fragmentData{},
		facets:  map[string]*facetData{},
		fetched: map[string]bool{},
	}
	raw, ok := files["search/meta.json"]
	if !ok {
		return nil, fmt.Errorf("search: opening index: no search/meta.json")
	}
	if err := json.Unmarshal(raw, &ix.meta); err != nil {
		return nil, fmt.Errorf("search: reading search/meta.json: %w", err)
	}
	if ix.meta.Version != formatVersion || ix.meta.Group < 1 {
		return nil, fmt.Errorf("search: search/meta.json has format %d, want %d", ix.meta.Version, formatVersion)
	}
	ix.stop = setOf(strings.Fields(ix.meta.Stop))
	ix.keys = setOf(strings.Fields(ix.meta.Keys))
	r := reader{s: ix.meta.Chunks}
	prev := -1
	for r.more() {
		prev += r.varint() + 1
		ix.chunkStarts = append(ix.chunkStarts, prev)
	}
	if r.bad {
		return nil, fmt.Errorf("search: search/meta.json: bad chunk list")
	}
	ix.groupBase = ix.meta.Terms - len(ix.meta.Synonyms)
	for g, group := range ix.meta.Synonyms {
		for _, p := range group {
			words := strings.Split(p, " ")
			ix.phrases = append(ix.phrases, words)
			ix.phraseGroup = append(ix.phraseGroup, g)
		}
	}
	return ix, nil
}

func setOf(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// fetch returns a file, noting that a query needed it.
func (ix *Index) fetch(path string) ([]byte, bool) {
	b, ok := ix.files[path]
	if ok {
		ix.fetched[path] = true
	}
	return b, ok
}

// shard is one vocabulary shard, decoded.
type shard struct {
	words []string
	terms []int32
	dfs   []int
}

func (ix *Index) shard(key string) *shard {
	if s, ok := ix.shards[key]; ok {
		return s
	}
	s := &shard{}
	ix.shards[key] = s
	raw, ok := ix.fetch(shardFile(key))
	if !ok {
		return s
	}
	var cols [3]string
	if json.Unmarshal(raw, &cols) != nil {
		return s
	}
	s.words = strings.Split(cols[0], " ")
	tr, dr := reader{s: cols[1]}, reader{s: cols[2]}
	prev := 0
	for range s.words {
		prev += unzigzag(tr.varint())
		s.terms = append(s.terms, int32(prev))
		s.dfs = append(s.dfs, dr.varint())
	}
	if tr.bad || dr.bad {
		*s = shard{}
	}
	return s
}

// postingList returns a term's postings string ("" when unknown).
func (ix *Index) postingList(term int32) string {
	c, _ := slices.BinarySearch(ix.chunkStarts, int(term)+1)
	c--
	if c < 0 {
		return ""
	}
	list, ok := ix.chunks[c]
	if !ok {
		raw, _ := ix.fetch("search/t/" + strconv.Itoa(c) + ".json")
		_ = json.Unmarshal(raw, &list)
		ix.chunks[c] = list
	}
	i := int(term) - ix.chunkStarts[c]
	if i < 0 || i >= len(list) {
		return ""
	}
	return list[i]
}

// fragmentData is a page as results show it.
type fragmentData struct {
	URL      string              `json:"u"`
	Title    string              `json:"t"`
	Kind     string              `json:"k"`
	Facets   map[string][]string `json:"f"`
	Sections [][3]string         `json:"s"`
}

func (ix *Index) fragment(doc int) *fragmentData {
	if f, ok := ix.frags[doc]; ok {
		return f
	}
	f := &fragmentData{}
	raw, _ := ix.fetch("search/f/" + strconv.Itoa(doc/ix.meta.Group) + ".json")
	var group []fragmentData
	if json.Unmarshal(raw, &group) == nil && doc%ix.meta.Group < len(group) {
		f = &group[doc%ix.meta.Group]
	}
	ix.frags[doc] = f
	return f
}

// facetData is one facet: for each value, the set of pages having it.
type facetData struct {
	values []string
	docs   [][]int
}

func (ix *Index) facet(name string) *facetData {
	if f, ok := ix.facets[name]; ok {
		return f
	}
	f := &facetData{}
	ix.facets[name] = f
	n := slices.Index(ix.meta.Facets, name)
	if n < 0 {
		return f
	}
	raw, _ := ix.fetch("search/facet/" + strconv.Itoa(n) + ".json")
	var file struct {
		Values []string `json:"values"`
		Docs   []string `json:"docs"`
	}
	if json.Unmarshal(raw, &file) != nil || len(file.Values) != len(file.Docs) {
		return f
	}
	f.values = file.Values
	for _, s := range file.Docs {
		r := reader{s: s}
		var list []int
		prev := -1
		for r.more() {
			prev += r.varint() + 1
			list = append(list, prev)
		}
		f.docs = append(f.docs, list)
	}
	return f
}

// fetchedFiles lists the files queries have read since the last call.
func (ix *Index) fetchedFiles() []string {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	out := sortedKeys(ix.fetched)
	clear(ix.fetched)
	return out
}
