package markdown

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	nethtml "golang.org/x/net/html"
)

// Term is a glossary entry whose first mention in a page's prose links to
// the term's page, with its definition as a tooltip.
type Term struct {
	URL        string   // the term page's address, as a link to it is written
	Title      string   // its name, shown at the head of the tooltip
	Aliases    []string // other names that link to it too
	Definition string   // plain text: the agreed definition
}

// Glossary finds the names of terms in prose. Build it once with
// NewGlossary; it is never changed after, so pages can use it in parallel.
type Glossary struct {
	terms []Term
	// The names as a trie of their words in lower case: at each word of
	// a text, one map lookup per word of the longest name that can start
	// there, however many names share a first word.
	root trieNode
	// filter holds a bit for each first word's hash: most words of a
	// text are no name's first word, and a bit test is cheaper than the
	// map lookup.
	filter [filterWords]uint64
}

type trieNode struct {
	next  map[string]*trieNode
	names []termName // the names whose last word this is
}

type termName struct {
	text string
	term int
	// exact: an abbreviation ("ICP", "QP": no lower-case letter) matches
	// only as written, so "icp" or "Qp" is not it.
	exact bool
}

// NewGlossary indexes terms' titles and aliases. When two terms share a
// name, the first in terms keeps it. Names that do not start with a letter
// or digit are left out, and names of more than eight words are never
// found.
func NewGlossary(terms []Term) *Glossary {
	g := &Glossary{terms: slices.Clone(terms)}
	seen := map[string]bool{}
	for i, t := range g.terms {
		for _, name := range append([]string{t.Title}, t.Aliases...) {
			name = strings.Join(strings.Fields(name), " ")
			words := nameWords(name)
			if len(words) == 0 {
				continue
			}
			exact := isAbbreviation(name)
			key := strings.ToLower(name)
			if exact {
				key = "\x00" + name
			}
			if seen[key] {
				continue
			}
			seen[key] = true
			n := &g.root
			for _, w := range words {
				if n.next == nil {
					n.next = map[string]*trieNode{}
				}
				c := n.next[w]
				if c == nil {
					c = &trieNode{}
					n.next[w] = c
				}
				n = c
			}
			n.names = append(n.names, termName{text: name, term: i, exact: exact})
		}
	}
	g.root.addPlurals()
	for w := range g.root.next {
		h := hash([]byte(w))
		g.filter[h/64%filterWords] |= 1 << (h % 64)
	}
	return g
}

// addPlurals lets a word's plural ("icps", "expedites") lead where the
// word does, unless it is a word of its own: one lookup per word of a
// text. match checks the ending that was actually written.
func (n *trieNode) addPlurals() {
	words := make([]string, 0, len(n.next))
	for w := range n.next {
		words = append(words, w)
	}
	slices.Sort(words) // deterministic when two words share a plural
	for _, w := range words {
		c := n.next[w]
		c.addPlurals()
		for _, p := range []string{w + "s", w + "es"} {
			if _, taken := n.next[p]; !taken {
				n.next[p] = c
			}
		}
	}
}

// Len is the number of terms.
func (g *Glossary) Len() int {
	if g == nil {
		return 0
	}
	return len(g.terms)
}

// nameWords returns a name's words in lower case, or none when it does
// not start with one.
func nameWords(name string) []string {
	var out []string
	b := []byte(name)
	for i := 0; i < len(b); {
		j := wordEnd(b, i)
		if j == i {
			if i == 0 {
				return nil
			}
			_, n := utf8.DecodeRune(b[i:])
			i += n
			continue
		}
		out = append(out, strings.ToLower(name[i:j]))
		i = j
	}
	return out
}

// wordEnd returns where the run of letters and digits at b[i:] ends.
func wordEnd(b []byte, i int) int {
	for i < len(b) {
		if c := b[i]; c < utf8.RuneSelf {
			if !asciiWord[c] {
				break
			}
			i++
			continue
		}
		c, n := utf8.DecodeRune(b[i:])
		if c == '_' || !isWordRune(c) {
			break
		}
		i += n
	}
	return i
}

// isAbbreviation reports whether a name has capitals and no lower-case
// letter.
func isAbbreviation(name string) bool {
	upper := false
	for _, r := range name {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// asciiWord marks ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

// termMatch is a mention of a term at [start, end) of a text.
type termMatch struct{ start, end, term int }

// plural and possessive endings a mention may carry ("ICPs", "lane's").
var (
	exactSuffixes = []string{"’s", "'s", "s"}
	foldSuffixes  = []string{"’s", "'s", "es", "s'", "s"}
)

// scan calls fn with every mention in b, leftmost and then longest first,
// without overlaps. prev and next are the characters around b (0 for
// none), so a text node that continues a word does not start a mention.
func (g *Glossary) scan(b []byte, prev, next rune, fn func(termMatch)) {
	first := prev // the character before the text
	var path [8]*trieNode
	for i := 0; i < len(b); {
		r, size := rune(b[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(b[i:])
		}
		if r == '_' || !isWordRune(r) {
			prev = r
			i += size
			continue
		}
		j := wordEnd(b, i)
		// Not inside a word, an entity (&amp;) or an escape.
		found := false
		if !isWordRune(prev) && prev != '&' && prev != '#' && prev != '\\' {
			// Follow the trie word by word (one separator between
			// words), then try the deepest names first.
			depth := 0
			n, k := g.first(b[i:j]), j
			for n != nil && depth < len(path) {
				path[depth] = n
				depth++
				if k+1 >= len(b) {
					break
				}
				_, sep := utf8.DecodeRune(b[k:])
				e := wordEnd(b, k+sep)
				if e == k+sep {
					break
				}
				n, k = n.child(b[k+sep:e]), e
			}
			for d := depth - 1; d >= 0 && !found; d-- {
				for _, name := range path[d].names {
					if end, ok := name.match(b, i, next); ok {
						if name.exact || !name.inProperNoun(b, i, end, first) {
							fn(termMatch{start: i, end: end, term: name.term})
						}
						prev, _ = utf8.DecodeLastRune(b[i:end])
						i, found = end, true
						break
					}
				}
			}
		}
		if !found {
			prev, _ = utf8.DecodeLastRune(b[i:j])
			i = j
		}
	}
}

// child returns the node of a word (in any case) below n.
func (n *trieNode) child(w []byte) *trieNode {
	if n.next == nil {
		return nil
	}
	var buf [64]byte
	w, _ = lower(buf[:0], w)
	return n.next[string(w)]
}

// first returns the node of the first word of a name a text's word may
// start, skipping the map for most words: those whose hash is not in the
// filter of the first words.
func (g *Glossary) first(w []byte) *trieNode {
	var buf [64]byte
	w, h := lower(buf[:0], w)
	if g.filter[h/64%filterWords]&(1<<(h%64)) == 0 {
		return nil
	}
	return g.root.next[string(w)]
}

// filterWords is the size of Glossary.filter in 64-bit words.
const filterWords = 256

// lower returns w in lower case (in buf when it is short ASCII) and its
// hash.
func lower(buf, w []byte) ([]byte, uint32) {
	if len(w) <= cap(buf) && isASCII(w) {
		for _, c := range w {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
		}
		w = buf
	} else {
		w = bytes.ToLower(w)
	}
	return w, hash(w)
}

// hash is the 32-bit FNV-1a hash of w, for the glossary's bit filter
// (hash/fnv would allocate for each word).
func hash(w []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
}

// match reports where a mention of n starting at b[i:] ends, with a plural
// or possessive ending, when it ends at a word boundary.
func (n termName) match(b []byte, i int, next rune) (int, bool) {
	end := i + len(n.text)
	if end > len(b) {
		return 0, false
	}
	if n.exact {
		if string(b[i:end]) != n.text {
			return 0, false
		}
	} else if !bytes.EqualFold(b[i:end], []byte(n.text)) {
		return 0, false
	}
	suffixes := foldSuffixes
	if n.exact {
		suffixes = exactSuffixes
	}
	if last, _ := utf8.DecodeLastRuneInString(n.text); unicode.IsLetter(last) {
		for _, s := range suffixes {
			if bytes.HasPrefix(b[end:], []byte(s)) && boundary(b, end+len(s), next) {
				return end + len(s), true
			}
		}
	}
	return end, boundary(b, end, next)
}

// inProperNoun reports whether a mention of a name written in sentence
// case ("Lane", "win rate") is, being capitalized, part of a proper noun:
// the product "Lanes" or "Northwind Lanes", not the term "Lane". It is
// when it is capitalized and does not start a sentence (the last
// character before it, in this text or the one before, is not a full
// stop, a colon, or the start of the block), carries a plural or
// possessive ending, or the word after it is capitalized too. Such a mention is passed over, not linked.
func (n termName) inProperNoun(b []byte, start, end int, before rune) bool {
	if r, _ := utf8.DecodeRune(b[start:]); !unicode.IsUpper(r) || !sentenceCase(n.text) {
		return false
	}
	if end-start > len(n.text) {
		return true // "Lanes" at a sentence's start: a name as likely as a plural
	}
	i := start
	for i > 0 && (b[i-1] == ' ' || b[i-1] == '\t') {
		i--
	}
	last := before
	if i > 0 {
		last, _ = utf8.DecodeLastRune(b[:i])
	}
	switch last {
	case 0, '.', '!', '?', ':': // a space: after a line break, mid-sentence
	default:
		return true
	}
	k := end
	for k < len(b) && b[k] == ' ' {
		k++
	}
	if k > end && k < len(b) {
		if r, _ := utf8.DecodeRune(b[k:]); unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// sentenceCase reports whether a name has no capital after its first
// letter ("Win rate", "lane"); "Net Promoter Score" has.
func sentenceCase(name string) bool {
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// boundary reports whether no word continues at b[at:].
func boundary(b []byte, at int, next rune) bool {
	r := next
	if at < len(b) {
		r, _ = utf8.DecodeRune(b[at:])
	}
	return !isWordRune(r)
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// kindTerm is a mention of a glossary term linked to its page.
var kindTerm = ast.NewNodeKind("TermLink")

type termNode struct {
	ast.BaseInline
	url, tip string
}

func (n *termNode) Kind() ast.NodeKind { return kindTerm }

func (n *termNode) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"url": n.url}, nil)
}

type termRenderer struct{}

func (termRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTerm, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		t := n.(*termNode)
		if entering {
			_, _ = w.WriteString(`<a class="term" href="`)
			_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(t.url), true)))
			_, _ = w.WriteString(`" aria-describedby="` + t.tip + `">`)
		} else {
			_, _ = w.WriteString(`</a>`)
		}
		return ast.WalkContinue, nil
	})
}

// LinkTerms links the first mention of each of g's terms in the
// document's prose to the term's page; Render then appends the
// definitions, hidden, for the links' tooltips (aria-describedby). The
// term whose page is self is not linked. Headings, links, code, raw HTML,
// definition-list terms, table headers and text inside an element raw
// HTML opened where a link is invalid or wrong (<a>, <code>, <button>,
// at any depth, across blocks) are left alone. The words are unchanged:
// Sections and the plain texts read the same with or without the links.
func (d *Doc) LinkTerms(g *Glossary, self string) {
	if g.Len() == 0 {
		return
	}
	var texts []*ast.Text
	var open []string // elements raw HTML opened and has not closed, in document order
	skip := 0         // depth inside nodes whose text is never linked
	_ = ast.Walk(d.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.RawHTML, *ast.HTMLBlock:
			if entering {
				open = openElements(open, nodeText(n, d.src).text)
			}
		case *ast.Heading, *ast.Link, *ast.AutoLink, *ast.Image, *ast.CodeSpan, *ast.CodeBlock,
			*ast.FencedCodeBlock, *extast.DefinitionTerm, *extast.TableHeader, *anchorNode, *termNode:
			// Walked still, for the raw HTML inside a link or an image's
			// text, which may open or close an element.
			if entering {
				skip++
			} else {
				skip--
			}
		case *ast.Text:
			if entering && skip == 0 && !n.IsRaw() && !insideNoLink(open) {
				texts = append(texts, n)
			}
		}
		return ast.WalkContinue, nil
	})
	linked := make([]bool, len(g.terms))
	left := len(g.terms)
	for i, t := range g.terms {
		if t.URL == self {
			linked[i] = true
			left--
		}
	}
	for _, t := range texts {
		if left == 0 {
			break
		}
		var found []termMatch
		g.scan(t.Segment.Value(d.src), d.before(t), d.after(t), func(m termMatch) {
			if !linked[m.term] {
				linked[m.term] = true
				left--
				found = append(found, m)
			}
		})
		if len(found) > 0 {
			d.wrapTerms(t, found, g)
		}
	}
}

// openElements returns the elements left open after raw HTML, given
// those open before it: a start tag opens one (not a void or self-closed
// element), an end tag closes the latest of its name and those opened
// after it, and an end tag that closes nothing is ignored, as the
// sanitizer does.
func openElements(open []string, raw string) []string {
	tok := nethtml.NewTokenizer(strings.NewReader(raw))
	for {
		switch tok.Next() {
		case nethtml.ErrorToken:
			return open
		case nethtml.StartTagToken:
			name, _ := tok.TagName()
			if !VoidElement(string(name)) {
				open = append(open, string(name))
			}
		case nethtml.EndTagToken:
			name, _ := tok.TagName()
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] == string(name) {
					open = open[:i]
					break
				}
			}
		}
	}
}

// insideNoLink reports whether text is inside an element raw HTML opened
// where a term link is invalid (in a link, a control) or wrong (in code,
// in a script).
func insideNoLink(open []string) bool {
	for _, name := range open {
		switch name {
		case "a", "code", "kbd", "samp", "pre", "button", "label", "summary", "select", "option",
			"abbr", "dfn": // a name explained in place already
			return true
		}
		if rawTextElement(name) {
			return true
		}
	}
	return false
}

// before returns the character before a text node within its parent (a
// space after a line break, 0 at the start).
func (d *Doc) before(t *ast.Text) rune {
	p, ok := t.PreviousSibling().(*ast.Text)
	if !ok {
		return 0
	}
	if p.SoftLineBreak() || p.HardLineBreak() {
		return ' '
	}
	r, _ := utf8.DecodeLastRune(p.Segment.Value(d.src))
	return r
}

// after returns the character after a text node within its parent.
func (d *Doc) after(t *ast.Text) rune {
	if t.SoftLineBreak() || t.HardLineBreak() {
		return ' '
	}
	n, ok := t.NextSibling().(*ast.Text)
	if !ok {
		return 0
	}
	r, _ := utf8.DecodeRune(n.Segment.Value(d.src))
	return r
}

// wrapTerms splits a text node around its mentions and puts each in a
// term link; the node keeps what follows the last one, and its line
// break.
func (d *Doc) wrapTerms(t *ast.Text, found []termMatch, g *Glossary) {
	parent := t.Parent()
	seg := t.Segment
	pos := seg.Start
	for _, m := range found {
		start, end := seg.Start+m.start, seg.Start+m.end
		if start > pos {
			parent.InsertBefore(parent, t, ast.NewTextSegment(text.NewSegment(pos, start)))
		}
		d.tips = append(d.tips, g.terms[m.term])
		link := &termNode{url: g.terms[m.term].URL, tip: "pb-tip-" + strconv.Itoa(len(d.tips))}
		link.AppendChild(link, ast.NewTextSegment(text.NewSegment(start, end)))
		parent.InsertBefore(parent, t, link)
		pos = end
	}
	if pos == seg.Stop && !t.SoftLineBreak() && !t.HardLineBreak() {
		parent.RemoveChild(parent, t)
		return
	}
	t.Segment = seg.WithStart(pos)
}

// tipsHTML is the hidden definitions of the document's term links, after
// its body: outside the paragraphs, so copying a talk track's text, the
// reader's selection, or a page without scripts never includes them.
func (d *Doc) tipsHTML() []byte {
	if len(d.tips) == 0 {
		return nil
	}
	var b bytes.Buffer
	b.WriteString(`<div class="term-tips">`)
	for i, t := range d.tips {
		b.WriteString(`<span class="term-tip" role="tooltip" id="pb-tip-` + strconv.Itoa(i+1) + `" hidden><b class="term-tip__title">`)
		b.Write(util.EscapeHTML([]byte(t.Title)))
		b.WriteString(`</b> `)
		b.Write(util.EscapeHTML([]byte(t.Definition)))
		b.WriteString(`</span>`)
	}
	b.WriteString(`</div>`)
	return b.Bytes()
}
