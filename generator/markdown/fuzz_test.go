package markdown

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	nethtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzSafeOutput renders any markdown in the safe (default) and escape raw
// HTML modes and parses the output as a browser would. Whatever the input,
// no element outside the allowlist comes through (script, iframe, style,
// form, svg …), no event handler, style or other active attribute, and no
// URL whose scheme a browser would run (javascript:, vbscript:, or data:
// except an image), however it is spelled: case, character references,
// tabs and line breaks inside the scheme, control characters in front.
func FuzzSafeOutput(f *testing.F) {
	addMarkdownSeeds(f)
	safe := New(Options{RawHTML: RawHTMLSafe})
	escape := New(Options{RawHTML: RawHTMLEscape})
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, r := range []*Renderer{safe, escape} {
			out, err := r.Render(r.Parse(src))
			if err != nil {
				continue // reported to the author; nothing is written
			}
			again, _ := r.Render(r.Parse(src))
			if !bytes.Equal(out, again) {
				t.Fatalf("%s mode: two renders differ", r.rawHTML)
			}
			checkSafeHTML(t, r.rawHTML, src, out)
			if inline, err := r.Inline(string(src)); err == nil {
				checkSafeHTML(t, r.rawHTML, src, inline)
			}
		}
	})
}

func addMarkdownSeeds(f *testing.F) {
	f.Helper()
	add := func(path string) {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatalf("reading a seed: %v", err)
		}
		f.Add(src)
	}
	add(filepath.Join("testdata", "plain-page.md"))
	err := filepath.WalkDir(filepath.Join("..", "..", "playbook", "content"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			add(path)
		}
		return err
	})
	if err != nil {
		f.Fatalf("reading the sample playbook: %v", err)
	}
	for _, s := range []string{
		"<script>alert(1)</script>\n",
		"<img src=x onerror=alert(1)>",
		"<iframe src=\"https://x.example\"></iframe>\n",
		"<a href=\"&#106;avascript:alert(1)\">j</a> <a href=\" JaVa\tScRiPt:x\">k</a>",
		"<a href=\"&#x6A;ava&Tab;script&colon;x\">e</a>",
		"[x](javascript:alert(1)) [y](JAVASCRIPT%3Aalert) ![i](vbscript:x) <javascript:alert(1)>",
		"[r]: java\tscript:x\n\n[a][r]",
		"<img srcset=\"data:text/html,x 2x, javascript:x 1x\" src=\"data:image/svg+xml,x\">",
		"<video poster=\"javascript:x\" src=\"v.mp4\" autoplay></video>",
		"<details open ontoggle=alert(1)><summary>x</summary></details>",
		"<svg><script>x</script></svg><math><mi xlink:href=\"javascript:x\">m</mi></math>",
		"<p style=\"background:url(javascript:x)\" class=k>t</p>",
		"<!-- <script>x</script> --><![CDATA[<script>]]>",
		"<form action=\"javascript:x\"><button formaction=\"javascript:x\">b</button></form>",
		"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
		"<textarea><script>x</script></textarea><title><script></title>",
		"- [ ] task <b onclick=x>b</b>\n- [x] done\n",
		"| a | b |\n|:-|-:|\n| <span onmouseover=x>c</span> | d |\n",
		"> [!NOTE]\n> <a href=javascript:x>n</a>\n",
		"```html\n<script>x</script>\n```\n",
		"Term\n: <em onclick=x>def</em>[^1]\n\n[^1]: <a href=\"jav&#x09;ascript:x\">f</a>\n",
	} {
		f.Add([]byte(s))
	}
}

// clip shortens a long input or output for a failure message.
func clip(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "…"
	}
	return string(b)
}

// active attributes run script or change the page whatever their value.
var activeAttrs = map[string]bool{
	"style": true, "srcdoc": true, "action": true, "formaction": true,
	"xlink:href": true, "background": true, "dynsrc": true, "lowsrc": true,
	"http-equiv": true, "autofocus": true, "target": true,
}

var tableAlign = map[string]bool{"text-align:left": true, "text-align:center": true, "text-align:right": true}

var urlAttrs = map[string]bool{"href": true, "src": true, "poster": true, "cite": true, "data": true, "srcset": true}

func checkSafeHTML(t *testing.T, mode RawHTML, src, out []byte) {
	t.Helper()
	body := &nethtml.Node{Type: nethtml.ElementNode, DataAtom: atom.Body, Data: "body"}
	nodes, err := nethtml.ParseFragment(bytes.NewReader(out), body)
	if err != nil {
		t.Fatalf("%s mode: the output does not parse: %v\n%s", mode, err, out)
	}
	var walk func(n *nethtml.Node)
	walk = func(n *nethtml.Node) {
		if n.Type == nethtml.ElementNode {
			checkElement(t, mode, src, out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

func checkElement(t *testing.T, mode RawHTML, src, out []byte, n *nethtml.Node) {
	t.Helper()
	fail := func(what string) {
		t.Fatalf("%s mode lets %s through\ninput:  %q\noutput: %q", mode, what, clip(src), clip(out))
	}
	if n.Namespace == "svg" && isCalloutIcon(n) {
		return
	}
	if n.Namespace != "" {
		fail("a foreign (" + n.Namespace + ") element <" + n.Data + ">")
	}
	if !allowedTag(n.Data) && !markdownElement(n) {
		fail("the element <" + n.Data + ">")
	}
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		if (n.Data == "th" || n.Data == "td") && key == "style" && tableAlign[a.Val] {
			continue // a GFM table column's alignment
		}
		if a.Namespace != "" || strings.HasPrefix(key, "on") || activeAttrs[key] {
			fail("the attribute " + a.Key + "=" + a.Val + " on <" + n.Data + ">")
		}
		if !urlAttrs[key] {
			continue
		}
		image := key != "href" && key != "cite" && key != "data" && (n.Data == "img" || n.Data == "source")
		values := []string{a.Val}
		if key == "srcset" {
			values = nil
			for _, c := range strings.Split(a.Val, ",") {
				if fields := strings.Fields(c); len(fields) > 0 {
					values = append(values, fields[0])
				}
			}
		}
		for _, v := range values {
			if scheme := browserScheme(v); scheme == "javascript" || scheme == "vbscript" ||
				(scheme == "data" && !(image && strings.HasPrefix(strings.ToLower(strings.TrimLeft(v, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\v\f\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")), "data:image/"))) {
				fail("the URL " + a.Key + "=" + v + " on <" + n.Data + ">")
			}
		}
	}
}

// isCalloutIcon reports whether n is part of an alert's icon, an inline SVG
// the renderer writes itself: only its shapes and presentation attributes.
func isCalloutIcon(n *nethtml.Node) bool {
	switch n.Data {
	case "svg", "path", "circle":
	default:
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "aria-hidden", "focusable", "viewBox", "width", "height", "fill", "stroke",
			"stroke-width", "stroke-linecap", "stroke-linejoin", "d", "cx", "cy", "r":
		default:
			return false
		}
	}
	return true
}

// markdownElement reports the elements markdown writes itself that are not
// in the raw HTML allowlist: a task list's disabled check box, and the
// footnotes' section.
func markdownElement(n *nethtml.Node) bool {
	switch n.Data {
	case "input":
		typ, disabled := "", false
		for _, a := range n.Attr {
			switch a.Key {
			case "type":
				typ = a.Val
			case "disabled":
				disabled = true
			}
		}
		return typ == "checkbox" && disabled
	case "section":
		return true
	}
	return false
}

// browserScheme is a URL's scheme as a browser reads it (the URL Standard):
// leading and trailing C0 controls and spaces stripped, tabs and line
// breaks removed anywhere, letters compared without case. It is "" for a
// relative URL.
func browserScheme(u string) string {
	u = strings.TrimFunc(u, func(r rune) bool { return r <= ' ' })
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	colon := strings.IndexByte(u, ':')
	if colon <= 0 {
		return ""
	}
	s := strings.ToLower(u[:colon])
	for i, c := range s {
		letter := c >= 'a' && c <= 'z'
		if !letter && (i == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return ""
		}
	}
	return s
}

// FuzzLimitsScan runs the pre-scan that guards goldmark on any text, with
// limits small enough for the fuzzer to reach: it gives the same answer
// twice, a line inside the text, a count past the limit it names, and
// never passes a page that TooDeep alone refuses.
func FuzzLimitsScan(f *testing.F) {
	addMarkdownSeeds(f)
	for _, s := range []string{"- - - - - x\n", "> > > > > x\n", "|a|b|c|\n|-|-|-|\n" + strings.Repeat("|1|2|3|\n", 10), "[^1]: - > - > x\n", "```\n> > > > >\n```\n", "\t-\t-\t-\t-\t- x\n"} {
		f.Add([]byte(s))
	}
	l := Limits{MaxNesting: 4, MaxTableCells: 20}
	f.Fuzz(func(t *testing.T, src []byte) {
		pr, found := l.Scan(src)
		again, foundAgain := l.Scan(src)
		if pr != again || found != foundAgain {
			t.Fatalf("two scans differ: %+v, %+v", pr, again)
		}
		lines := bytes.Count(src, []byte("\n")) + 1
		if found && (pr.Line < 1 || pr.Line > lines || pr.Found <= pr.Limit && pr.Kind != InlineMarks) {
			t.Fatalf("problem %+v in %d lines", pr, lines)
		}
		if found && pr.Kind == Nesting && pr.Limit != 4 || found && pr.Kind == TableCells && pr.Limit != 20 {
			t.Fatalf("problem %+v names another limit", pr)
		}
		if line, _ := l.TooDeep(src); line > 0 && (!found || pr.Line > line) {
			t.Fatalf("TooDeep refuses line %d, but Scan gives %+v, %v", line, pr, found)
		}
	})
}
