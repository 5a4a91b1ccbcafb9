package main

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/search"
)

type page struct {
	URL, Title string
	words      map[string]bool // title, headings and text
}

// readPages reads the indexed pages back from our index's fragments, which
// hold each page's title, headings and text as the index saw them (a file
// holds the fragments of search.FragmentGroup pages).
func readPages(out string) ([]page, error) {
	dir := filepath.Join(out, "search", "f")
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var pages []page
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		var group []struct { // search.FragmentGroup pages a file
			U, T string
			S    [][3]string
		}
		if err := json.Unmarshal(b, &group); err != nil {
			return nil, fmt.Errorf("%s: %w", e.Name(), err)
		}
		for _, f := range group {
			p := page{URL: f.U, Title: f.T, words: map[string]bool{}}
			for _, w := range words(f.T) {
				p.words[w] = true
			}
			for _, s := range f.S {
				for _, w := range words(s[1] + " " + s[2]) {
					p.words[w] = true
				}
			}
			pages = append(pages, p)
		}
	}
	slices.SortFunc(pages, func(a, b page) int { return strings.Compare(a.URL, b.URL) })
	return pages, nil
}

// words are the lower-case runs of ASCII letters of s.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return r < 'a' || r > 'z' })
}

// titleWords are the title's words of letters only, five or more.
func titleWords(title string) []string {
	var out []string
	for _, w := range strings.Fields(title) {
		w = strings.Trim(w, `.,:;!?"()`)
		if len(w) >= 5 && strings.IndexFunc(w, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }) < 0 {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

type typoCase struct {
	URL, Title, Word, Typo string
	Op                     string
	DF                     int // pages holding the word
	TitleDF                int // pages holding it in their title
}

var ops = []string{"insert", "delete", "substitute", "transpose"}

// typoCases picks n content pages at random, takes each one's rarest title
// word of five letters or more (fewest pages holding it; the first on a
// tie) and makes one random edit of it.
// With maxTitleDF > 0 only pages whose word is in at most maxTitleDF
// titles count: an engine that ranks title matches first can find those
// by the word alone.
func typoCases(out string, n int, seed uint64, maxTitleDF int) ([]typoCase, error) {
	pages, err := readPages(out)
	if err != nil {
		return nil, err
	}
	df, titleDF := map[string]int{}, map[string]int{}
	for _, p := range pages {
		for w := range p.words {
			df[w]++
		}
		seen := map[string]bool{}
		for _, w := range words(p.Title) {
			if !seen[w] {
				seen[w] = true
				titleDF[w]++
			}
		}
	}
	r := rand.New(rand.NewPCG(seed, 0x7e57ca5e))
	var cases []typoCase
	used := map[int]bool{}
	for tries := 0; len(cases) < n && tries < 100*n; tries++ {
		i := r.IntN(len(pages))
		p := pages[i]
		if used[i] || strings.Count(strings.Trim(p.URL, "/"), "/") < 1 { // not a section page
			continue
		}
		best := ""
		for _, w := range titleWords(p.Title) {
			if best == "" || df[w] < df[best] {
				best = w
			}
		}
		if best == "" || maxTitleDF > 0 && titleDF[best] > maxTitleDF {
			continue
		}
		used[i] = true
		op := r.IntN(len(ops))
		typo := edit(r, best, op)
		cases = append(cases, typoCase{URL: p.URL, Title: p.Title, Word: best, Typo: typo, Op: ops[op], DF: df[best], TitleDF: titleDF[best]})
	}
	return cases, nil
}

// edit applies one edit at a random position, never giving the word back.
func edit(r *rand.Rand, w string, op int) string {
	const letters = "abcdefghijklmnopqrstuvwxyz"
	for {
		b := []byte(w)
		switch op {
		case 0:
			i := r.IntN(len(b) + 1)
			b = slices.Insert(b, i, letters[r.IntN(26)])
		case 1:
			i := r.IntN(len(b))
			b = slices.Delete(b, i, i+1)
		case 2:
			b[r.IntN(len(b))] = letters[r.IntN(26)]
		case 3:
			i := r.IntN(len(b) - 1)
			b[i], b[i+1] = b[i+1], b[i]
		}
		if s := string(b); s != w {
			return s
		}
	}
}

type recall struct {
	Typo, Exact   int // pages in the top 5, of Cases
	TypoByOp      map[string]int
	Cases         int
	GoTypo        int // our Go reference engine over the same files
	GoAgreesTop10 int // queries whose top 10 URLs are the same in Go and the browser
	GoQueries     int
	MedianDF      int
	MeanDF        float64
	TypoTop1      int
	TypoAndExact  int // typo and exact word both in the top 5
	ByKind        map[string]int
}

// measureRecall runs each case's typo and the word itself in both engines
// and, for ours, in the Go reference over the same files.
func measureRecall(b *chrome, s *server, out string, cases []typoCase) (map[string]recall, map[string][]string, []string, error) {
	var queries []string
	for _, c := range cases {
		queries = append(queries, c.Typo, c.Word)
	}
	res := map[string]recall{}
	misses := map[string][]string{}
	var tops = map[string][][]string{}
	for _, engine := range engines {
		top, err := topURLs(b, s, engine, queries, 10)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("%s recall: %w", engine, err)
		}
		tops[engine] = top
	}
	// The Go reference over the files on disk.
	files := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join(out, "search"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		files[strings.TrimPrefix(siteRel(out, p), "/")] = b
		return err
	})
	if err != nil {
		return nil, nil, nil, err
	}
	ix, err := search.Open(files)
	if err != nil {
		return nil, nil, nil, err
	}
	var goTops [][]string
	for _, q := range queries {
		var urls []string
		for _, r := range ix.Search(q, nil) {
			urls = append(urls, r.URL)
		}
		goTops = append(goTops, urls)
	}
	tops["go"] = goTops

	dfs := make([]int, len(cases))
	sum := 0
	for i, c := range cases {
		dfs[i] = c.DF
		sum += c.DF
	}
	slices.Sort(dfs)
	in5 := func(urls []string, u string) int {
		for k, x := range urls {
			if k < 5 && x == u {
				return k
			}
		}
		return -1
	}
	for _, engine := range append(slices.Clone(engines), "go") {
		rc := recall{Cases: len(cases), TypoByOp: map[string]int{}, ByKind: map[string]int{}, MedianDF: dfs[len(dfs)/2], MeanDF: float64(sum) / float64(len(cases))}
		for i, c := range cases {
			typoTop, exactTop := tops[engine][2*i], tops[engine][2*i+1]
			rankT, rankE := in5(typoTop, c.URL), in5(exactTop, c.URL)
			rc.ByKind[strings.Split(strings.Trim(c.URL, "/"), "/")[0]]++
			if rankT >= 0 {
				rc.Typo++
				rc.TypoByOp[c.Op]++
				if rankT == 0 {
					rc.TypoTop1++
				}
				if rankE >= 0 {
					rc.TypoAndExact++
				}
			} else if engine != "go" {
				exact := "not in the top 5"
				if rankE >= 0 {
					exact = fmt.Sprint("rank ", rankE+1)
				}
				misses[engine] = append(misses[engine], fmt.Sprintf("%q -> %q (%s; on %d pages, in %d titles; the word itself: %s) %s", c.Word, c.Typo, c.Op, c.DF, c.TitleDF, exact, c.URL))
			}
			if rankE >= 0 {
				rc.Exact++
			}
		}
		res[engine] = rc
	}
	var differs []string
	agree := 0
	for i, q := range queries {
		if slices.Equal(tops["go"][i], tops["playbook"][i]) {
			agree++
		} else {
			differs = append(differs, fmt.Sprintf("%q: go %v, browser %v", q, tops["go"][i], tops["playbook"][i]))
		}
	}
	g := res["go"]
	g.GoAgreesTop10, g.GoQueries, g.GoTypo = agree, len(queries), g.Typo
	res["go"] = g
	return res, misses, differs, nil
}
