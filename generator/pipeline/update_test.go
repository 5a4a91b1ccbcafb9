package pipeline

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
)

// TestUpdateEqualsFullBuild applies a random sequence of edits — body
// edits (the fast path), heading changes, front matter changes, new and
// deleted pages — and after each compares Update's result with a full build.
func TestUpdateEqualsFullBuild(t *testing.T) {
	seeds, steps := []uint64{1, 2}, 40
	if raceEnabled {
		// The race detector makes each step several times slower; the
		// full set runs without it: go test ./generator/pipeline
		seeds, steps = seeds[:1], 25
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { testUpdateEqualsFullBuild(t, seed, steps) })
	}
}

func testUpdateEqualsFullBuild(t *testing.T, seed uint64, steps int) {
	dir := t.TempDir()
	if err := synth.Write(dir, 160); err != nil {
		t.Fatal(err)
	}
	// Short list pages, so edits move cards between them.
	cfg := filepath.Join(dir, "playbook.toml")
	b, _ := os.ReadFile(cfg)
	if err := os.WriteFile(cfg, append(b, "[menu]\nper_page = 5\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: dir, Today: fixtureToday}
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := cur.Files["objections/page/2/index.html"]; !ok {
		t.Fatal("no second list page of objections")
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	how := map[string]int{}
	files := func(sub string) []string {
		entries, _ := os.ReadDir(filepath.Join(dir, "content", sub))
		var out []string
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".md") && e.Name() != "_index.md" {
				out = append(out, "content/"+sub+"/"+e.Name())
			}
		}
		sort.Strings(out)
		return out
	}
	fast, relinked := 0, 0
	for step := 0; step < steps; step++ {
		section := []string{"objections", "guides", "closing-tools", "glossary"}[rng.IntN(4)]
		pages := files(section)
		rel := pages[rng.IntN(len(pages))]
		path := filepath.Join(dir, filepath.FromSlash(rel))
		src, _ := os.ReadFile(path)
		var what string
		switch k := rng.IntN(15); {
		case k >= 10:
			what = "front matter"
			switch k {
			case 10:
				src = bytes.Replace(src, []byte("weight = "), []byte("weight = 9"), 1)
			case 11:
				src = bytes.Replace(src, []byte("+++\ntitle"), []byte("+++\ndescription = \"Changed\"\ntitle"), 1)
			case 12:
				src = bytes.Replace(src, []byte("closing_tools = [\""), []byte("closing_tools = [\"tool-1\", \""), 1)
			case 14: // an old address, added to the term's other names or a new field
				alias := fmt.Sprintf("\"/old/%d/\"", step)
				if bytes.Contains(src, []byte("aliases = [")) {
					src = bytes.Replace(src, []byte("aliases = ["), []byte("aliases = ["+alias+", "), 1)
				} else {
					src = bytes.Replace(src, []byte("+++\ntitle"), []byte("+++\naliases = ["+alias+"]\ntitle"), 1)
				}
			default:
				src = bytes.Replace(src, []byte("reviewed = 2026-06-01"), []byte("reviewed = 2026-05-01"), 1)
			}
		case k < 5:
			what = "body"
			src = append(src, []byte(fmt.Sprintf("\nA new paragraph %d with **bold** text.\n", step))...)
		case k < 6:
			what = "heading"
			src = append(src, []byte(fmt.Sprintf("\n## Added heading %d\n", step))...)
		case k < 7:
			what = "title"
			src = bytes.Replace(src, []byte("title = \""), []byte(fmt.Sprintf("title = \"Edited %d ", step)), 1)
		case k < 8:
			what = "new page"
			rel = fmt.Sprintf("content/guides/new-%d.md", step)
			path = filepath.Join(dir, filepath.FromSlash(rel))
			src = []byte(fmt.Sprintf("+++\ntitle = \"New %d\"\n+++\nFresh.\n", step))
		case k < 9 && section == "guides":
			what = "delete"
			if err := os.Remove(path); err != nil {
				t.Fatal(err)
			}
		default:
			what = "body link"
			src = append(src, []byte("\nSee [the first guide](../guides/guide-0.md).\n")...)
		}
		if what != "delete" {
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		next, outputs, err := cur.Update([]string{rel})
		if err != nil {
			t.Fatalf("step %d (%s %s): %v", step, what, rel, err)
		}
		how[next.how]++
		if _, err := next.RefreshSearch(); err != nil {
			t.Fatalf("step %d: search index: %v", step, err)
		}
		if outputs != nil {
			fast++
			if what == "front matter" || what == "title" {
				relinked++
			}
		}
		full, err := Generate(opts)
		if err != nil {
			t.Fatalf("step %d: full build: %v", step, err)
		}
		if len(next.Files) != len(full.Files) {
			t.Fatalf("step %d (%s %s): %d files, full build has %d", step, what, rel, len(next.Files), len(full.Files))
		}
		for name, b := range full.Files {
			if !bytes.Equal(next.Files[name], b) {
				t.Fatalf("step %d (%s %s, fast=%v): %s differs from a full build", step, what, rel, outputs != nil, name)
			}
		}
		if fmt.Sprint(next.Diags) != fmt.Sprint(full.Diags) {
			t.Fatalf("step %d: diagnostics differ:\n%v\n%v", step, next.Diags, full.Diags)
		}
		cur = next
	}
	t.Logf("updates made: %v", how)
	if fast < steps/4 || relinked < steps/15 || how["front matter"] < 1 {
		t.Errorf("only %d of %d edits avoided a full build, %d of them front matter edits (%v)", fast, steps, relinked, how)
	}
}

// A batch that mixes a body edit with a front matter edit elsewhere must
// keep both.
func TestUpdateMixedBatch(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 60); err != nil {
		t.Fatal(err)
	}
	opts := Options{Source: dir, Today: fixtureToday}
	cur, err := Generate(opts)
	if err != nil {
		t.Fatal(err)
	}
	body := filepath.Join(dir, "content", "guides", "guide-1.md")
	title := filepath.Join(dir, "content", "objections", "objection-2.md")
	b, _ := os.ReadFile(body)
	os.WriteFile(body, append(b, []byte("\nMARKER paragraph.\n")...), 0o644)
	b, _ = os.ReadFile(title)
	os.WriteFile(title, bytes.Replace(b, []byte(`title = "`), []byte(`title = "Renamed `), 1), 0o644)
	for _, order := range [][]string{{"content/guides/guide-1.md", "content/objections/objection-2.md"}, {"content/objections/objection-2.md", "content/guides/guide-1.md"}} {
		next, _, err := cur.Update(order)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := next.RefreshSearch(); err != nil {
			t.Fatal(err)
		}
		full, err := Generate(opts)
		if err != nil {
			t.Fatal(err)
		}
		for name, want := range full.Files {
			if !bytes.Equal(next.Files[name], want) {
				t.Fatalf("order %v: %s differs from a full build", order, name)
			}
		}
		cur = next
	}
}
