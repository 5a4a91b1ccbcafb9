package changes

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// The word diff. A text is cut into tokens, each either a run of
// whitespace or a run of anything else (a word with the punctuation
// attached to it), so that joining the tokens gives the text back. Each
// distinct token becomes one rune and diffmatchpatch diffs the two rune
// strings: every change is therefore a change of whole words.

const (
	// defaultContext is the number of unchanged words kept either side of
	// a change when Options.Context is 0.
	defaultContext = 8
	// excerptWords is how much of an added or removed section is shown.
	excerptWords = 60
	// minOmit is the fewest words worth replacing with an ellipsis: a cut
	// that would leave out fewer keeps the whole run.
	minOmit = 3
	// bigDiff is the combined token count above which the diff is given a
	// time limit; below it the diff is exact and deterministic.
	bigDiff = 20000
)

// tokens appends the tokens of s to dst: alternating runs of whitespace
// and of other characters. strings.Join(tokens, "") == s.
func tokens(dst []string, s string) []string {
	if dst == nil {
		dst = make([]string, 0, len(s)/3+1)
	}
	start := 0
	space := false
	for i, r := range s {
		var sp bool
		if r < utf8.RuneSelf {
			sp = r == ' ' || '\t' <= r && r <= '\r'
		} else {
			sp = unicode.IsSpace(r)
		}
		if i > start && sp != space {
			dst = append(dst, s[start:i])
			start = i
		}
		space = sp
	}
	if start < len(s) {
		dst = append(dst, s[start:])
	}
	return dst
}

// isSpace reports whether tok is a whitespace token.
func isSpace(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsSpace(r)
}

// isWord reports whether tok is a word: it holds a letter or a digit.
// Whitespace and lone punctuation ("—", "&", the commas between facet
// values) are not words.
func isWord(tok string) bool {
	return strings.IndexFunc(tok, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }) >= 0
}

// words counts the words in toks.
func words(toks []string) int {
	n := 0
	for _, t := range toks {
		if isWord(t) {
			n++
		}
	}
	return n
}

// countWords counts the words of s.
func countWords(s string) int {
	n := 0
	for _, f := range strings.FieldsFunc(s, unicode.IsSpace) {
		if isWord(f) {
			n++
		}
	}
	return n
}

// tpart is a diff part still cut into tokens.
type tpart struct {
	op   Op
	toks []string
}

// differ diffs texts word by word. Its tables are reused from one diff
// to the next; a differ is not safe for concurrent use.
type differ struct {
	dmp  *diffmatchpatch.DiffMatchPatch
	ids  map[string]rune
	toks []string // id -> token
	a, b []string
}

func newDiffer() *differ {
	dmp := diffmatchpatch.New()
	return &differ{dmp: dmp, ids: make(map[string]rune)}
}

// maxTokens is how many distinct tokens fit in the runes left once the
// surrogate range is skipped.
const maxTokens = unicode.MaxRune + 1 - 0x800

// runeOf is the rune standing for token number n; the surrogates
// (U+D800–U+DFFF) are skipped since a Go string cannot hold them.
func runeOf(n int) rune {
	if n >= 0xD800 {
		return rune(n + 0x800)
	}
	return rune(n)
}

// indexOf undoes runeOf.
func indexOf(r rune) int {
	if r >= 0xE000 {
		return int(r) - 0x800
	}
	return int(r)
}

// encode maps toks to runes, adding new tokens to the table.
func (d *differ) encode(toks []string) ([]rune, bool) {
	out := make([]rune, len(toks))
	for i, t := range toks {
		id, ok := d.ids[t]
		if !ok {
			if len(d.toks) >= maxTokens {
				return nil, false
			}
			id = runeOf(len(d.toks))
			d.ids[t] = id
			d.toks = append(d.toks, t)
		}
		out[i] = id
	}
	return out, true
}

// diff is the word diff from a to b: runs of unchanged, deleted and
// inserted tokens in reading order, adjacent runs of one op merged, a
// deletion always before the insertion next to it.
func (d *differ) diff(a, b string) []tpart {
	d.a = tokens(d.a[:0], a)
	d.b = tokens(d.b[:0], b)
	return d.diffTokens(d.a, d.b)
}

// diffTokens is diff on texts already cut into tokens.
func (d *differ) diffTokens(a, b []string) []tpart {
	clear(d.ids)
	d.toks = d.toks[:0]
	ra, okA := d.encode(a)
	rb, okB := d.encode(b)
	if !okA || !okB {
		// More distinct tokens than runes: replace the lot.
		return edits(nil, a, b)
	}
	d.dmp.DiffTimeout = 0 // exact: the same inputs always give the same diff
	if len(ra)+len(rb) > bigDiff {
		d.dmp.DiffTimeout = time.Second
	}
	diffs := d.dmp.DiffMainRunes(ra, rb, false)

	// Group into unchanged runs and edits (a deletion and an insertion
	// between two unchanged runs).
	var items []item
	for _, df := range diffs {
		toks := d.decode(df.Text)
		switch df.Type {
		case diffmatchpatch.DiffEqual:
			items = append(items, item{same: toks})
		default:
			if len(items) == 0 || !items[len(items)-1].edit {
				items = append(items, item{edit: true})
			}
			it := &items[len(items)-1]
			if df.Type == diffmatchpatch.DiffDelete {
				it.del = append(it.del, toks...)
			} else {
				it.ins = append(it.ins, toks...)
			}
		}
	}
	return render(absorb(items))
}

// decode maps runes back to tokens.
func (d *differ) decode(s string) []string {
	out := make([]string, 0, utf8.RuneCountInString(s))
	for _, r := range s {
		out = append(out, d.toks[indexOf(r)])
	}
	return out
}

// item is an unchanged run or an edit.
type item struct {
	edit     bool
	same     []string // unchanged tokens, when !edit
	del, ins []string // when edit
}

// absorb merges an unchanged run between two edits into them when it is
// no words (whitespace or lone punctuation), or fewer words than the
// larger side of each edit: a reader follows "pilot now → trial soon"
// more easily than "pilot → trial now → soon", and a lone "the" between
// two rewritten phrases is noise. Runs of no words go first, then the
// rule is applied again until nothing changes, since each merge makes
// an edit larger.
func absorb(items []item) []item {
	items = absorbPass(items, func(w int, prev, next *item) bool { return w == 0 })
	for {
		n := len(items)
		items = absorbPass(items, func(w int, prev, next *item) bool {
			return w < max(words(prev.del), words(prev.ins)) && w < max(words(next.del), words(next.ins))
		})
		if len(items) == n {
			return items
		}
	}
}

// absorbPass merges, left to right, each unchanged run between two edits
// that ok accepts (given its word count and the edits).
func absorbPass(items []item, ok func(w int, prev, next *item) bool) []item {
	out := make([]item, 0, len(items))
	for i := 0; i < len(items); i++ {
		it := items[i]
		if !it.edit && len(out) > 0 && out[len(out)-1].edit && i+1 < len(items) && items[i+1].edit {
			prev, next := &out[len(out)-1], &items[i+1]
			if ok(words(it.same), prev, next) {
				prev.del = slices.Concat(prev.del, it.same, next.del)
				prev.ins = slices.Concat(prev.ins, it.same, next.ins)
				i++
				continue
			}
		}
		out = append(out, it)
	}
	return out
}

// render turns items into parts: each edit's common leading and trailing
// tokens become unchanged text, then its deletion, then its insertion.
func render(items []item) []tpart {
	var out []tpart
	for _, it := range items {
		if !it.edit {
			out = appendPart(out, Same, it.same)
			continue
		}
		out = edits(out, it.del, it.ins)
	}
	return out
}

// edits appends the replacement of del by ins to out.
func edits(out []tpart, del, ins []string) []tpart {
	p := 0
	for p < len(del) && p < len(ins) && del[p] == ins[p] {
		p++
	}
	s := 0
	for s < len(del)-p && s < len(ins)-p && del[len(del)-1-s] == ins[len(ins)-1-s] {
		s++
	}
	out = appendPart(out, Same, del[:p])
	out = appendPart(out, Delete, del[p:len(del)-s])
	out = appendPart(out, Insert, ins[p:len(ins)-s])
	return appendPart(out, Same, del[len(del)-s:])
}

// appendPart appends toks as op, merging with the last part if it has the
// same op.
func appendPart(out []tpart, op Op, toks []string) []tpart {
	if len(toks) == 0 {
		return out
	}
	if n := len(out); n > 0 && out[n-1].op == op {
		out[n-1].toks = slices.Concat(out[n-1].toks, toks)
		return out
	}
	return append(out, tpart{op: op, toks: slices.Clone(toks)})
}

// elide shortens the unchanged runs of ps to ctx words either side of a
// change (no shortening when ctx < 0) and joins the tokens. See Part
// and Section.CutBefore for how a shortened run reads.
func elide(ps []tpart, ctx int) []Part {
	out := make([]Part, 0, len(ps)+1)
	whole := func(p tpart) { out = append(out, Part{Op: p.op, Text: strings.Join(p.toks, "")}) }
	for i, p := range ps {
		if p.op != Same || ctx < 0 {
			whole(p)
			continue
		}
		first, last := i == 0, i == len(ps)-1
		n := words(p.toks)
		switch {
		case first && last:
			whole(p)
		case first: // before the first change: keep its end
			if n-ctx < minOmit {
				whole(p)
				continue
			}
			out = append(out, Part{Op: Same, Text: strings.Join(tail(p.toks, ctx), ""), Elided: true})
		case last: // after the last change: keep its start
			if n-ctx < minOmit {
				whole(p)
				continue
			}
			out = append(out, Part{Op: Same, Text: strings.Join(head(p.toks, ctx), ""), Elided: true})
		default: // between two changes: keep both ends
			if ctx >= n || n-2*ctx < minOmit {
				whole(p)
				continue
			}
			t := tail(p.toks, ctx)
			if i := len(p.toks) - len(t); i > 0 && isSpace(p.toks[i-1]) {
				t = p.toks[i-1:] // keep the space before the resumed text
			}
			out = append(out,
				Part{Op: Same, Text: strings.Join(head(p.toks, ctx), ""), Elided: true},
				Part{Op: Same, Text: strings.Join(t, "")})
		}
	}
	return out
}

// head is toks up to and including the n-th word.
func head(toks []string, n int) []string {
	for i, t := range toks {
		if isWord(t) {
			n--
			if n == 0 {
				return toks[:i+1]
			}
		}
	}
	return toks
}

// tail is toks from the n-th word from the end.
func tail(toks []string, n int) []string {
	for i := len(toks) - 1; i >= 0; i-- {
		if isWord(toks[i]) {
			n--
			if n == 0 {
				return toks[i:]
			}
		}
	}
	return toks
}

// excerpt is the whole of an added or removed section's text as one
// part, cut after excerptWords words.
func excerpt(op Op, text string) []Part {
	if text == "" {
		return []Part{}
	}
	toks := tokens(nil, text)
	if words(toks)-excerptWords < minOmit {
		return []Part{{Op: op, Text: text}}
	}
	return []Part{{Op: op, Text: strings.Join(head(toks, excerptWords), ""), Elided: true}}
}

// count returns the words inserted and deleted in ps.
func count(ps []tpart) (ins, del int) {
	for _, p := range ps {
		switch p.op {
		case Insert:
			ins += words(p.toks)
		case Delete:
			del += words(p.toks)
		}
	}
	return ins, del
}

// CutBefore reports whether unchanged text was left out just before the
// text of s.Parts[i], so that a template writes "…" before it. That is
// the case for an elided first part followed by others: the unchanged
// run before the section's first change, kept only near the change.
func (s Section) CutBefore(i int) bool {
	return i == 0 && len(s.Parts) > 1 && s.Parts[0].Elided
}

// CutAfter reports whether text was left out just after the text of
// s.Parts[i], so that a template writes "…" after it: any other elided
// part (the run after the last change, the start of a long run between
// two changes, the excerpt of an added or removed section).
func (s Section) CutAfter(i int) bool {
	return i >= 0 && i < len(s.Parts) && s.Parts[i].Elided && !s.CutBefore(i)
}
