package pipeline

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// relevanceQuery is one line of testdata/relevance/queries.txt.
type relevanceQuery struct {
	set, query string
	want       []string // any of these pages is right
	line       int
	heldOut    bool
	block      bool // under a "[set held-out]" header
}

func readRelevanceQueries(t *testing.T) []relevanceQuery {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "relevance", "queries.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []relevanceQuery
	set, block := "", false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			set = line[1 : len(line)-1]
			set, block = strings.CutSuffix(set, " held-out")
			continue
		}
		q, want, ok := strings.Cut(line, "=>")
		if !ok {
			t.Fatalf("queries.txt:%d: want `query => /page/`", n)
		}
		r := relevanceQuery{set: set, query: strings.TrimSpace(q), line: n, block: block}
		for _, w := range strings.Split(want, "|") {
			r.want = append(r.want, strings.TrimSpace(w))
		}
		r.heldOut = block || len(out)%3 == 2
		out = append(out, r)
	}
	return out
}

// largerPlaybook is the sample playbook plus the extra pages of
// testdata/relevance/content and a few hundred generated pages around
// them, which compete for every query.
func largerPlaybook(t *testing.T) string {
	t.Helper()
	dir := fixture.Copy(t, "../../playbook")
	if err := os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join("testdata", "relevance", "content"))); err != nil {
		t.Fatal(err)
	}
	gen := t.TempDir()
	if err := synth.WriteRealistic(gen, 400, 12); err != nil {
		t.Fatal(err)
	}
	// Generated pages join the sample's sections; the sample's own files
	// (config, section pages) win.
	src := filepath.Join(gen, "content")
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dir, "content", rel)
		if _, err := os.Stat(to); err == nil {
			return nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

type relevanceScore struct{ n, top1, top3 int }

func (s *relevanceScore) add(rank int) {
	s.n++
	if rank == 0 {
		s.top1++
	}
	if rank >= 0 && rank < 3 {
		s.top3++
	}
}

func (s relevanceScore) pct(k int) float64 { return 100 * float64(k) / float64(max(1, s.n)) }

// TestRelevance runs the relevance set: each query as a customer says it
// or a rep types it, with the page a rep should land on. The floor is the
// issue's target: the page first for 85% of queries, in the top 3 for 95%.
// Misses of held-out queries are shown only with PLAYBOOK_SHOW_HELDOUT=1,
// so that tuning does not look at them.
func TestRelevance(t *testing.T) {
	queries := readRelevanceQueries(t)
	if len(queries) < 80 {
		t.Fatalf("%d queries, want at least 80", len(queries))
	}
	indexes := map[string]*search.Index{
		"sample": openIndex(t, generate(t, Options{Source: "../../playbook"})),
		"larger": openIndex(t, generate(t, Options{Source: largerPlaybook(t)})),
	}
	showHeld := os.Getenv("PLAYBOOK_SHOW_HELDOUT") != ""
	var all, held, tuned, blocks relevanceScore
	sets := map[string]*relevanceScore{}
	for _, q := range queries {
		ix := indexes[q.set]
		if ix == nil {
			t.Fatalf("queries.txt:%d: unknown set %q", q.line, q.set)
		}
		res := ix.Search(q.query, nil)
		rank := -1
		for i, r := range res {
			url := strings.TrimPrefix(r.URL, "/playbook")
			for _, w := range q.want {
				if url == w && rank < 0 {
					rank = i
				}
			}
		}
		all.add(rank)
		if sets[q.set] == nil {
			sets[q.set] = &relevanceScore{}
		}
		sets[q.set].add(rank)
		if q.block {
			blocks.add(rank)
		}
		if q.heldOut {
			held.add(rank)
		} else {
			tuned.add(rank)
		}
		if rank != 0 && (!q.heldOut || showHeld) {
			var got []string
			for _, r := range res[:min(3, len(res))] {
				got = append(got, strings.TrimPrefix(r.URL, "/playbook"))
			}
			t.Logf("queries.txt:%d: %q: rank %d, want %s, got %s", q.line, q.query, rank+1, q.want[0], strings.Join(got, " "))
		}
	}
	report := func(name string, s relevanceScore) {
		t.Logf("%-15s %3d queries: top-1 %5.1f%%, top-3 %5.1f%%", name, s.n, s.pct(s.top1), s.pct(s.top3))
	}
	report("all", all)
	report("tuning", tuned)
	report("held-out", held)
	report("held-out blocks", blocks)
	report("sample", *sets["sample"])
	report("larger", *sets["larger"])
	if all.pct(all.top1) < 85 || all.pct(all.top3) < 95 {
		t.Errorf("relevance top-1 %.1f%%, top-3 %.1f%%: want at least 85%% and 95%%", all.pct(all.top1), all.pct(all.top3))
	}
}
