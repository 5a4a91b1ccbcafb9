package markdown

import (
	"os"
	"strings"
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

// TestFenceAttributes: attributes after a fence's language still number
// and mark lines as they did with goldmark-highlighting.
func TestFenceAttributes(t *testing.T) {
	r := New(Options{})
	cases := []struct{ fence, want string }{
		{"go {hl_lines=[1]}", `<span class="line hl"><span class="cl"><span class="kd">func</span>`},
		{"go {linenos=table}", `<table class="lntable"><tr><td class="lntd">`},
		{"go {linenos=true linenostart=5}", `<span class="ln">5</span>`},
		{"go {nohl=true}", `<pre><code class="language-go">func a() {}`},
		{"go", `<pre tabindex="0" class="chroma"><code><span class="line"><span class="cl"><span class="kd">func</span>`},
	}
	for _, c := range cases {
		html, err := r.Render(r.Parse([]byte("```" + c.fence + "\nfunc a() {}\n```\n")))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(html), c.want) {
			t.Errorf("%s:\n%s\nwant %s", c.fence, html, c.want)
		}
	}
}
