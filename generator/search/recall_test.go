package search

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// oneEdit applies edit op (0 insert, 1 delete, 2 substitute, 3 transpose)
// at a random position, the first letter included.
func oneEdit(r *rand.Rand, w string, op int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	rs := []rune(w)
	for {
		out := append([]rune(nil), rs...)
		switch op {
		case 0:
			i := r.IntN(len(rs) + 1)
			out = append(out[:i], append([]rune{rune(letters[r.IntN(26)])}, out[i:]...)...)
		case 1:
			i := r.IntN(len(rs))
			out = append(out[:i], out[i+1:]...)
		case 2:
			out[r.IntN(len(rs))] = rune(letters[r.IntN(26)])
		case 3:
			i := r.IntN(len(rs) - 1)
			out[i], out[i+1] = out[i+1], out[i]
		}
		if s := string(out); s != w {
			return s
		}
	}
}

// distinctiveTitleWord is the title word of four letters or more that the
// fewest pages contain.
func distinctiveTitleWord(d Doc, df map[string]int) string {
	best := ""
	for _, t := range pagetext.Tokens(d.Title) {
		if utf8.RuneCountInString(t.Word) >= 4 && (best == "" || df[t.Word] < df[best]) {
			best = t.Word
		}
	}
	return best
}

func documentFrequencies(docs []Doc) map[string]int {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		add := func(s string) {
			for _, t := range pagetext.Tokens(s) {
				if !seen[t.Word] {
					seen[t.Word] = true
					df[t.Word]++
				}
			}
		}
		add(d.Title)
		for _, s := range d.Sections {
			add(s.Heading)
			add(s.Text)
		}
	}
	return df
}

// TestTypoRecall makes 100 one-edit typos of pages' distinctive title
// words (25 of each kind of edit, at any position) and wants the page in
// the top five for at least 90 of them.
func TestTypoRecall(t *testing.T) {
	docs, files, err := benchCorpus()
	if testing.Short() || raceEnabled {
		docs, _ = syntheticDocs(2000, 1)
		files, err = Build(docs, benchOptions)
	}
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(files)
	if err != nil {
		t.Fatal(err)
	}
	df := documentFrequencies(docs)
	r := rand.New(rand.NewPCG(42, 4242))
	found := 0
	for i := range 100 {
		d := docs[r.IntN(len(docs))]
		word := distinctiveTitleWord(d, df)
		typo := oneEdit(r, word, i%4)
		rank := -1
		for k, res := range ix.Search(typo, nil) {
			if res.URL == d.URL {
				rank = k
				break
			}
		}
		if rank >= 0 && rank < 5 {
			found++
		} else {
			t.Logf("miss: %q -> %q (rank %d, df %d) for %s", word, typo, rank, df[word], d.URL)
		}
	}
	t.Logf("typo recall: %d of 100 in the top 5", found)
	if found < 90 {
		t.Errorf("typo recall %d of 100, want at least 90", found)
	}
}
