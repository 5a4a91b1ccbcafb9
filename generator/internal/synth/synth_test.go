package synth

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWrite writes a synthetic playbook to $SYNTH_DIR when set, for manual
// benchmarking with the binary: SYNTH_DIR=/tmp/pb SYNTH_PAGES=1000 go test ./generator/internal/synth
// With SYNTH_SEED set it writes WriteRealistic's playbook for that seed.
func TestWrite(t *testing.T) {
	dir := os.Getenv("SYNTH_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	n := 200
	if s := os.Getenv("SYNTH_PAGES"); s != "" {
		var err error
		if n, err = atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if s := os.Getenv("SYNTH_SEED"); s != "" {
		seed, perr := atoi(s)
		if perr != nil {
			t.Fatal(perr)
		}
		err = WriteRealistic(dir, n, uint64(seed))
	} else {
		err = Write(dir, n)
	}
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir + "/content/objections")
	if err != nil || len(entries) < 3 {
		t.Fatalf("objections written: %d, %v", len(entries), err)
	}
}

// hashDir digests every file's path and contents.
func hashDir(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// TestWriteUnchanged pins what Write produces: benchmarks compare runs
// over time, so its output must not drift.
func TestWriteUnchanged(t *testing.T) {
	want := map[int]string{
		200:  "2f0931b6274c21ad3201c6133540896b693f956a3ebf63146d31a8dde8912fc9",
		1000: "599c4e690b3c2f02e9f59d69de3969ca9821f7b5a1aed063f8a597f9de7975fd",
	}
	for n, w := range want {
		dir := t.TempDir()
		if err := Write(dir, n); err != nil {
			t.Fatal(err)
		}
		if got := hashDir(t, dir); got != w {
			t.Errorf("Write(dir, %d) changed: digest %s, want %s", n, got, w)
		}
	}
}

func TestWriteRealistic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := WriteRealistic(d, 2000, 7); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteRealistic(c, 2000, 8); err != nil {
		t.Fatal(err)
	}
	if hashDir(t, a) != hashDir(t, b) {
		t.Error("the same seed wrote different playbooks")
	}
	if hashDir(t, a) == hashDir(t, c) {
		t.Error("another seed wrote the same playbook")
	}

	// Same sections and proportions as Write.
	for kind, want := range map[string]int{"personas": 40, "closing-tools": 200, "objections": 600, "glossary": 400, "plays": 200} {
		entries, err := os.ReadDir(filepath.Join(a, "content", kind))
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != want+1 { // and _index.md
			t.Errorf("%s: %d files, want %d", kind, len(entries), want+1)
		}
	}

	// Titles nearly all distinct, bodies from a vocabulary of thousands.
	titles := map[string]int{}
	words := map[string]int{}
	pages := 0
	err := filepath.WalkDir(filepath.Join(a, "content"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || e.Name() == "_index.md" {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		pages++
		text := string(b)
		for _, line := range strings.Split(text, "\n") {
			if t, ok := strings.CutPrefix(line, "title = "); ok {
				titles[strings.ToLower(t)]++
				break
			}
		}
		_, body, _ := strings.Cut(strings.TrimPrefix(text, "+++"), "+++")
		for _, w := range strings.FieldsFunc(strings.ToLower(body), func(r rune) bool { return r < 'a' || r > 'z' }) {
			words[w]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(titles) < pages*97/100 {
		t.Errorf("%d distinct titles for %d pages", len(titles), pages)
	}
	if len(words) < 4000 {
		t.Errorf("bodies use %d distinct words, want thousands", len(words))
	}
	// Zipf-like: a hundred words make much of the text, the rarer half of
	// the vocabulary little of it.
	counts := make([]int, 0, len(words))
	total := 0
	for _, c := range words {
		counts = append(counts, c)
		total += c
	}
	slices.Sort(counts)
	slices.Reverse(counts)
	top, tail := 0, 0
	for i, c := range counts {
		if i < 100 {
			top += c
		}
		if i >= len(counts)/2 {
			tail += c
		}
	}
	if top < total*2/5 || tail > total/20 {
		t.Errorf("not Zipf-like: the top 100 words are %d%% of the text, the rarer half %d%%", top*100/total, tail*100/total)
	}
}

func atoi(s string) (int, error) {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, os.ErrInvalid
		}
		n = n*10 + int(c-'0')
	}
	return n, nil
}

// TestWritePlain checks the content scripts/vs-hugo gives both tools: every
// page exists with front matter, a table, a list and a go block, every
// section and area has its _index.md, and each relative link points at a
// file that exists, so neither tool reports a broken link.
func TestWritePlain(t *testing.T) {
	tests := []struct{ pages, sections, areas int }{
		{1, 1, 1},
		{250, 3, 1},
		{1001, 11, 2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.pages), func(t *testing.T) {
			dir := t.TempDir()
			if err := WritePlain(dir, tt.pages); err != nil {
				t.Fatal(err)
			}
			for _, f := range []string{"playbook.toml", "content/_index.md"} {
				if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
					t.Errorf("%s: %v", f, err)
				}
			}
			var pages, sections, areas int
			err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, e fs.DirEntry, err error) error {
				if err != nil || e.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(dir, p)
				rel = filepath.ToSlash(rel)
				if depth := strings.Count(rel, "/"); filepath.Base(p) == "_index.md" {
					switch depth {
					case 2:
						areas++
					case 3:
						sections++
					}
					return nil
				}
				pages++
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				text := string(b)
				for _, want := range []string{"+++\ntitle = \"Page ", "\n| Lane | Carrier |", "\n- Confirm the ", "\n```go\nfunc quote"} {
					if !strings.Contains(text, want) {
						t.Errorf("%s lacks %q", rel, want)
					}
				}
				if len(b) < 2000 {
					t.Errorf("%s is %d bytes, want about 5 kB", rel, len(b))
				}
				links := 0
				for _, part := range strings.Split(text, "](")[1:] {
					target, _, ok := strings.Cut(part, ")")
					if !ok || !strings.HasSuffix(target, ".md") {
						continue
					}
					links++
					if _, err := os.Stat(filepath.Join(filepath.Dir(p), filepath.FromSlash(target))); err != nil {
						t.Errorf("%s links to %s, which does not exist", rel, target)
					}
				}
				if links != 2 {
					t.Errorf("%s has %d links to pages, want 2", rel, links)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if pages != tt.pages || sections != tt.sections || areas != tt.areas {
				t.Errorf("wrote %d pages in %d sections in %d areas, want %d in %d in %d", pages, sections, areas, tt.pages, tt.sections, tt.areas)
			}
		})
	}
}

// TestWritePlainUnchanged pins WritePlain's output: the README's table and
// the targets compare scripts/vs-hugo runs over time, on this text.
// Change the digest only when the plain pages are meant to change, and say
// so next to new figures.
func TestWritePlainUnchanged(t *testing.T) {
	const want = "3cc7242090315ad9e6e3369254f19f22494b1858b3407a3b7637c394d3ba2b3d"
	dir := t.TempDir()
	if err := WritePlain(dir, 250); err != nil {
		t.Fatal(err)
	}
	if got := hashDir(t, dir); got != want {
		t.Errorf("WritePlain(dir, 250) changed: digest %s, want %s", got, want)
	}
}
