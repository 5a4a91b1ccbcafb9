package search

import (
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// Names: a page's title, and the names its Doc adds (aliases, the
// customer's exact words), are indexed as one word each, "_" and the folded
// words joined by "_" ("_qualified_lead"). Tokens never hold "_", so a
// name never meets an ordinary word: it sits in its own shard ("_q"), is
// neither a completion nor a typo correction, and a query finds it only
// when it is the name, word for word.

// nameKey is the index word of a folded name.
func nameKey(folded string) string {
	return "_" + strings.ReplaceAll(folded, " ", "_")
}

func isName(w string) bool { return strings.HasPrefix(w, "_") }

// docNames are the index words of a page's names.
func docNames(d *Doc) []string {
	var out []string
	for _, n := range append([]string{d.Title}, d.Names...) {
		if f := pagetext.Fold(n); f != "" {
			if k := nameKey(f); !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}

// Question framing a rep types around a name: "what is a QP", "define
// ICP", "what does OTD mean". Folded, so "what's" is "whats".
var (
	framingLeads = [][]string{
		{"what", "is", "meant", "by"}, {"what", "is"}, {"what", "are"}, {"whats"}, {"what", "does"}, {"what", "do"},
		{"who", "is"}, {"whos"}, {"define"}, {"definition", "of"}, {"meaning", "of"}, {"explain"},
	}
	framingTails = [][]string{{"mean"}, {"means"}, {"stand", "for"}, {"stands", "for"}}
	articles     = []string{"a", "an", "the"}
)

// queryNames are the name words a query may be: the query as typed, and
// without its question framing and leading article.
func queryNames(toks []pagetext.Token) []string {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Word
	}
	out := []string{}
	add := func(ws []string) {
		if len(ws) > 0 {
			if k := nameKey(strings.Join(ws, " ")); !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	add(words)
	for _, lead := range framingLeads {
		if len(words) > len(lead) && slices.Equal(words[:len(lead)], lead) {
			rest := words[len(lead):]
			for _, tail := range framingTails {
				if len(rest) > len(tail) && slices.Equal(rest[len(rest)-len(tail):], tail) {
					rest = rest[:len(rest)-len(tail)]
					break
				}
			}
			if len(rest) > 1 && slices.Contains(articles, rest[0]) {
				rest = rest[1:]
			}
			add(rest)
			break
		}
	}
	return out
}
