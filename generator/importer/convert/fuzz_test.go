package convert

import (
	"strings"
	"testing"
)

// FuzzBody checks that Body never panics, and that a fenced code block in
// the input comes out byte for byte, whatever surrounds it.
func FuzzBody(f *testing.F) {
	seeds := []string{
		"!!! note \"T\"\n    - a\n    ```\n    x\n",
		":::tip[T]\n::::info\n:::\n",
		"{% hint style=\"info\" %}\n{% tabs %}\n{% tab title=\"a\" %}\n",
		"{{< hint info >}}\n{{< /hint >}}\n{{< ref \"x\" >}}",
		"{% raw %}{{ x }}{% link a.md %}\r\n",
		"<Tabs>\n<TabItem label=\"a\">\n",
		"=== \"a\"\n\n    b\n",
		"{{#include a}}\n{/* x",
		"import {\nexport const a = {\n",
	}
	for _, s := range seeds {
		f.Add(s, uint8(0))
	}
	sources := []Source{Hugo, Docusaurus, MkDocs, GitBook, MdBook, Jekyll, Plain}
	const code = "```go\n{{< ref \"x\" >}} {% hint %} :::note\n!!! tip\n```\n"
	f.Fuzz(func(t *testing.T, body string, which uint8) {
		from := sources[int(which)%len(sources)]
		_, _ = Body([]byte(body), Options{From: from, Link: testLink})
		// A fence at the top level, after a blank line, survives whatever
		// follows it and whatever is before it once that is closed.
		if strings.Contains(body, "```") || strings.Contains(body, "~~~") {
			return // the body could close or open the fence itself
		}
		in := code + "\n" + body
		out, _ := Body([]byte(in), Options{From: from, Link: testLink})
		if !strings.HasPrefix(string(out), code) {
			t.Fatalf("the code block before %q changed:\n%s", body, out)
		}
	})
}

// FuzzTabWords checks that every word of plain text inside Docusaurus tabs
// survives, whichever way the tags share lines with it.
func FuzzTabWords(f *testing.F) {
	f.Add("alpha beta", "gamma", uint8(0))
	f.Add("one", "two three", uint8(5))
	f.Fuzz(func(t *testing.T, a, b string, layout uint8) {
		word := func(s string) string {
			return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < 'a' || r > 'z' }), " ")
		}
		a, b = word(a), word(b)
		if a == "" || b == "" {
			return
		}
		open, end := `<TabItem value="x">`, "</TabItem>"
		layouts := []string{
			"<Tabs>" + open + a + end + open + b + end + "</Tabs>\n",
			"<Tabs>\n" + open + a + "\n" + end + "\n" + open + "\n" + b + end + "\n</Tabs>\n",
			"<Tabs>\n" + open + a + end + "\n" + open + b + "\n" + end + "</Tabs>\n",
			"<Tabs>\n  " + open + "\n  " + a + "\n  " + end + open + b + end + "\n</Tabs>\nafter\n",
		}
		in := layouts[int(layout)%len(layouts)]
		out, _ := Body([]byte(in), Options{From: Docusaurus})
		for _, w := range strings.Fields(a + " " + b) {
			if !strings.Contains(string(out), w) {
				t.Fatalf("%q lost %q:\n%s", in, w, out)
			}
		}
	})
}
