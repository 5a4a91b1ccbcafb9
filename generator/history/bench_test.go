package history_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/history"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

// BenchmarkRead10000 reads the history of 10,000 pages changed by 20,000
// commits (one in 50 a merge of a side branch), in a repository that also
// holds 1,000 files outside the playbook folder: read from the folder
// (subfolder), and from the repository's root (root, 11,000 files). The
// repository takes some seconds to make.
//
//	go test ./generator/history -run '^$' -bench Read10000
func BenchmarkRead10000(b *testing.B) {
	const pages, others, commits = 10000, 1000, 20000
	gittest.Isolate(b)
	dir := b.TempDir()
	gittest.RunIn(b, dir, nil, nil, "init", "-q", "-b", "main")
	start := time.Now()
	gittest.RunIn(b, dir, nil, fastImport(pages, others, commits), "fast-import", "--quiet")
	b.Logf("fast-import of %d commits: %v", commits, time.Since(start).Round(time.Millisecond))
	pb := filepath.Join(dir, "playbook")
	if err := os.Mkdir(pb, 0o755); err != nil { // the work tree is not checked out
		b.Fatal(err)
	}

	for _, c := range []struct {
		name, dir string
		files     int
	}{{"subfolder", pb, pages}, {"root", dir, pages + others}} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				h, diags, err := history.Read(c.dir)
				if err != nil || len(diags) > 0 || h.Len() != c.files {
					b.Fatalf("Read: %d entries, %v, %v", h.Len(), diags, err)
				}
			}
		})
	}
}

// fastImport writes a git fast-import stream: a first commit adding pages
// files under playbook/content/ and others under src/, then commits each
// changing one to three random files (a tenth of them outside the
// playbook). Every 50th commit merges a one-commit side branch.
func fastImport(pages, others, commits int) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	page := func(i int) string { return fmt.Sprintf("playbook/content/section-%02d/page %05d.md", i%100, i) }
	other := func(i int) string { return fmt.Sprintf("src/pkg%02d/file%04d.go", i%20, i) }
	var buf bytes.Buffer
	when := time.Date(2020, 1, 1, 9, 0, 0, 0, time.UTC).Unix()
	mark := 0
	header := func(ref string, n int) {
		mark++
		who := fmt.Sprintf("Author %d <a%d@example.com> %d +0100", n%37, n%37, when+int64(n)*3600)
		fmt.Fprintf(&buf, "commit %s\nmark :%d\nauthor %s\ncommitter %s\ndata 7\nchange\n", ref, mark, who, who)
	}
	modify := func(path string, n int) {
		content := fmt.Sprintf("%s, revision %d\n", path, n)
		// Paths need no quoting: none starts with a quote or has a newline.
		fmt.Fprintf(&buf, "M 100644 inline %s\ndata %d\n%s\n", path, len(content), content)
	}
	randomFile := func() string {
		if rng.IntN(10) == 0 {
			return other(rng.IntN(others))
		}
		return page(rng.IntN(pages))
	}

	header("refs/heads/main", 0)
	for i := range pages {
		modify(page(i), 0)
	}
	for i := range others {
		modify(other(i), 0)
	}
	mainMark := mark
	for n := 1; n < commits; n++ {
		if n%50 == 0 {
			// A side commit from main, then the merge bringing it in.
			header("refs/heads/topic", n)
			fmt.Fprintf(&buf, "from :%d\n", mainMark)
			f := randomFile()
			modify(f, n)
			topic := mark
			n++
			header("refs/heads/main", n) // continues main: no from needed
			fmt.Fprintf(&buf, "merge :%d\n", topic)
			modify(f, n-1) // the merge's tree has the side change
			mainMark = mark
			continue
		}
		header("refs/heads/main", n)
		for range 1 + rng.IntN(3) {
			modify(randomFile(), n)
		}
		mainMark = mark
	}
	return buf.Bytes()
}
