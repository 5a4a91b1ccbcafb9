package markdown

import (
	"os"
	"testing"
)

// BenchmarkRenderPlainPage parses and renders one page of the plain
// synthetic playbook (prose, a table, a list, links, a highlighted code
// block), the unit of work a build repeats per page:
//
//	go test ./generator/markdown -run '^$' -bench RenderPlainPage -benchmem
func BenchmarkRenderPlainPage(b *testing.B) {
	src, err := os.ReadFile("testdata/plain-page.md")
	if err != nil {
		b.Fatal(err)
	}
	r := New(Options{})
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := r.Render(r.Parse(src)); err != nil {
			b.Fatal(err)
		}
	}
}
