package search

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// Build indexes docs and returns the files of the index by path relative
// to the site root, all under "search/". The same input gives the same
// bytes, whatever the order of docs.
func Build(docs []Doc, opts Options) (map[string][]byte, error) {
	ordered, err := orderDocs(docs)
	if err != nil {
		return nil, err
	}
	lang := newLanguage(opts.Language)
	groups, phrases := compileSynonyms(opts.Synonyms)
	parts := analyzeAll(ordered, lang, phrases)
	voc := mergeVocabulary(parts, lang)
	inv := invert(parts, voc, len(groups))

	files := make(map[string][]byte, len(ordered)+2048)
	chunkStarts := writePostings(files, inv)
	keys := writeShards(files, voc, inv)
	writeFragments(files, ordered)
	facetNames := writeFacets(files, ordered)
	meta, err := encodeMeta(metaFile{
		Version:  formatVersion,
		Docs:     len(ordered),
		Terms:    inv.terms(),
		Stop:     strings.Join(sortedKeys(lang.stop), " "),
		Chunks:   string(deltaList(chunkStarts)),
		Keys:     strings.Join(keys, " "),
		Synonyms: groups,
		Facets:   facetNames,
		Build:    fingerprint(files),
		Group:    FragmentGroup,
	})
	if err != nil {
		return nil, err
	}
	files["search/meta.json"] = meta
	files["search/search.js"] = browserEngine()
	return files, nil
}

// formatVersion changes whenever the file format does, so that a cached
// search.js never reads files it does not understand.
const formatVersion = 2

// orderDocs sorts pages by URL, which fixes document numbers whatever the
// input order, and rejects missing or repeated URLs.
func orderDocs(docs []Doc) ([]*Doc, error) {
	ordered := make([]*Doc, len(docs))
	for i := range docs {
		if docs[i].URL == "" {
			return nil, fmt.Errorf("search: page %d (%q) has no URL", i, docs[i].Title)
		}
		ordered[i] = &docs[i]
	}
	slices.SortFunc(ordered, func(a, b *Doc) int { return strings.Compare(a.URL, b.URL) })
	for i := 1; i < len(ordered); i++ {
		if ordered[i].URL == ordered[i-1].URL {
			return nil, fmt.Errorf("search: two pages have the URL %q", ordered[i].URL)
		}
	}
	return ordered, nil
}

// compileSynonyms folds each group's phrases. Groups left with fewer than
// two distinct phrases say nothing and are dropped.
func compileSynonyms(in [][]string) (groups [][]string, byFirst map[string][]phrase) {
	byFirst = map[string][]phrase{}
	for _, g := range in {
		var folded []string
		for _, p := range g {
			if f := pagetext.Fold(p); f != "" && !slices.Contains(folded, f) {
				folded = append(folded, f)
			}
		}
		if len(folded) < 2 {
			continue
		}
		for _, f := range folded {
			words := strings.Split(f, " ")
			byFirst[words[0]] = append(byFirst[words[0]], phrase{words: words, group: len(groups)})
		}
		groups = append(groups, folded)
	}
	return groups, byFirst
}

// fingerprint hashes the files written so far, in name order.
func fingerprint(files map[string][]byte) string {
	h := sha256.New()
	for _, name := range sortedKeys(files) {
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(files[name])
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

//go:embed engine.js
var engineSource string

// browserEngine is engine.js without its comments, as served.
func browserEngine() []byte {
	var b strings.Builder
	inBlock := false
	for line := range strings.Lines(engineSource) {
		t := strings.TrimSpace(line)
		switch {
		case inBlock:
			inBlock = !strings.HasSuffix(t, "*/")
			continue
		case strings.HasPrefix(t, "/*"):
			inBlock = !strings.HasSuffix(t, "*/")
			continue
		case t == "" || strings.HasPrefix(t, "//"):
			continue
		}
		b.WriteString(t)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

//go:embed synonyms_en.txt
var synonymsEnglish string

// BuiltinSynonyms returns the reviewed synonym groups shipped for a
// language ("en", "en-GB"), or none for languages without a list. Each call
// returns a new slice.
func BuiltinSynonyms(language string) [][]string {
	base, _, _ := strings.Cut(strings.ToLower(language), "-")
	base, _, _ = strings.Cut(base, "_")
	if base != "en" {
		return nil
	}
	var groups [][]string
	for line := range strings.Lines(synonymsEnglish) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var g []string
		for _, w := range strings.Split(line, ",") {
			if w = strings.TrimSpace(w); w != "" {
				g = append(g, w)
			}
		}
		groups = append(groups, g)
	}
	return groups
}
