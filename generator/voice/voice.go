// Package voice applies a playbook's brand voice rules ([[voice]] in
// playbook.toml) to its pages: a word or phrase to avoid, with the wording
// to use instead or the reason it is banned. Rules read prose only: the
// words of the body (paragraphs, headings, list items, table cells, link
// text, quotes) and the front matter texts a reader sees, never code,
// URLs, raw HTML or front matter keys. Matching ignores case and respects
// words: a match never starts or ends inside a word, so "discount" does not
// match "discounted" unless the rule's expression says so.
//
// A writer opts a block out with an HTML comment, which the page does not
// show:
//
//	<!-- voice: off -->                  every rule, for the next block
//	<!-- voice: off discount, cheap -->  only rules finding these words
//
// A comment on a line of its own covers the block after it (a paragraph,
// a list, a table, a quote); inside a paragraph, heading or list item, it
// covers that paragraph, heading or item. In front matter, the same words
// in a "#" comment on the line of a value, or on the line above it, cover
// that value.
package voice

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// RuleName is the Rule of every diagnostic this package reports.
const RuleName = "voice"

// Rules is a compiled set of voice rules. It is safe for concurrent use.
type Rules struct {
	rules []rule
	// byKind holds the matcher for the rules that apply to each kind;
	// other kinds use all, the rules limited to no kind.
	byKind map[string]*matcher
	all    *matcher
}

type rule struct {
	config.VoiceRule
	severity diag.Severity
	// at matches the rule at the start of a text and one character past
	// it, which must not be part of a word (group end).
	at       *regexp.Regexp
	end      int      // index of the group after the phrase
	pattern  string   // the phrase's expression, see config.VoiceRule.Pattern
	prefixes []string // one of these starts every match; nil: anything may
}

// matcher finds where a set of rules match, in one pass over a text.
type matcher struct {
	rules []int // every rule of the set
	// Rules with prefixes are tried where the text starts with one:
	// first marks the first bytes of prefixes, and byLen[i] maps the
	// prefixes of length lens[i] to their rules.
	first [256]bool
	lens  []int
	byLen []map[string][]int
	// loose are the rules that may start with anything (a regex such as
	// "[^ ]+ly"), found by any, their expressions combined.
	loose []int
	any   *regexp.Regexp
}

// wordEnd follows a phrase: the end of the text or a character that is not
// part of a word. A word is letters, digits, combining marks and "_".
const wordEnd = `(\z|[^\pL\pN\pM_])`

// Compile prepares rules for checking. It reports the first rule that is
// not valid (config.Load has already reported it with its line).
func Compile(rules []config.VoiceRule) (*Rules, error) {
	rs := &Rules{byKind: map[string]*matcher{}}
	for i, r := range rules {
		pat, err := r.Pattern()
		if err != nil {
			return nil, fmt.Errorf("voice rule %d: %w", i+1, err)
		}
		at, err := regexp.Compile(`\A(?i:` + pat + `)` + wordEnd)
		if err != nil {
			return nil, fmt.Errorf("voice rule %d: %w", i+1, err)
		}
		sev, err := severity(r.Severity)
		if err != nil {
			return nil, fmt.Errorf("voice rule %d: %w", i+1, err)
		}
		rs.rules = append(rs.rules, rule{VoiceRule: r, severity: sev, at: at, end: at.NumSubexp(), pattern: pat, prefixes: prefixes(pat)})
	}
	// One matcher per distinct set of rules: kinds with the same rules
	// share it.
	bySet := map[string]*matcher{}
	build := func(kind string) (*matcher, error) {
		var idx []int
		var key strings.Builder
		for i, r := range rs.rules {
			if len(r.Kinds) == 0 || slices.Contains(r.Kinds, kind) {
				idx = append(idx, i)
				fmt.Fprintf(&key, "%d,", i)
			}
		}
		if m, ok := bySet[key.String()]; ok {
			return m, nil
		}
		m := &matcher{rules: idx}
		var alts []string
		for _, i := range idx {
			r := &rs.rules[i]
			if len(r.prefixes) == 0 {
				m.loose = append(m.loose, i)
				alts = append(alts, "(?:"+r.pattern+")")
				continue
			}
			for _, pre := range r.prefixes {
				k := slices.Index(m.lens, len(pre))
				if k < 0 {
					k = len(m.lens)
					m.lens = append(m.lens, len(pre))
					m.byLen = append(m.byLen, map[string][]int{})
				}
				if !slices.Contains(m.byLen[k][pre], i) {
					m.byLen[k][pre] = append(m.byLen[k][pre], i)
				}
				m.first[pre[0]] = true
			}
		}
		if len(alts) > 0 {
			var err error
			if m.any, err = regexp.Compile(`(?i:` + strings.Join(alts, "|") + `)` + wordEnd); err != nil {
				return nil, fmt.Errorf("voice rules: %w", err)
			}
		}
		bySet[key.String()] = m
		return m, nil
	}
	var err error
	if rs.all, err = build(""); err != nil {
		return nil, err
	}
	for _, r := range rs.rules {
		for _, k := range r.Kinds {
			if _, done := rs.byKind[k]; !done {
				if rs.byKind[k], err = build(k); err != nil {
					return nil, err
				}
			}
		}
	}
	return rs, nil
}

func severity(s string) (diag.Severity, error) {
	switch s {
	case "error":
		return diag.Error, nil
	case "warning", "":
		return diag.Warning, nil
	case "info":
		return diag.Info, nil
	}
	return 0, fmt.Errorf("severity %q is not one of: %s", s, strings.Join(config.VoiceSeverities(), ", "))
}

// Len returns how many rules the set holds.
func (rs *Rules) Len() int { return len(rs.rules) }

func (rs *Rules) matcherFor(kind string) *matcher {
	if m, ok := rs.byKind[kind]; ok {
		return m
	}
	return rs.all
}

// hit is one match of a rule in a text.
type hit struct {
	rule       int
	start, end int    // the phrase in the text
	suggest    string // expanded suggestion
}

// scan reports each match of m's rules in text; a rule never matches
// twice in overlapping text.
func (rs *Rules) scan(m *matcher, text string, report func(hit)) {
	if len(m.rules) == 0 {
		return
	}
	var last []int // end of each rule's last match, by rule index
	try := func(i, s int) {
		if last == nil {
			last = make([]int, len(rs.rules))
		}
		r := &rs.rules[i]
		if s < last[i] {
			return
		}
		sub := r.at.FindStringSubmatchIndex(text[s:])
		if sub == nil {
			return
		}
		end := s + sub[2*r.end]
		last[i] = end
		h := hit{rule: i, start: s, end: end, suggest: r.Suggest}
		if r.Regex && strings.Contains(r.Suggest, "$") {
			h.suggest = string(r.at.ExpandString(nil, r.Suggest, text[s:], sub))
		}
		report(h)
	}
	if len(m.lens) > 0 {
		var buf [prefixLen]byte
		prevWord := false
		for s := 0; s < len(text); {
			c, size, word := text[s], 1, false
			if c < utf8.RuneSelf {
				word = asciiWord[c]
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(text[s:])
				word = isWord(r)
			}
			if !prevWord && m.first[asciiLower[c]] {
				key := foldKey(&buf, text[s:])
				for k, n := range m.lens {
					if n <= len(key) {
						for _, i := range m.byLen[k][string(key[:n])] {
							try(i, s)
						}
					}
				}
			}
			prevWord = word
			s += size
		}
	}
	if m.any == nil {
		return
	}
	for pos := 0; pos < len(text); {
		loc := m.any.FindStringIndex(text[pos:])
		if loc == nil {
			return
		}
		s := pos + loc[0]
		if startsWord(text, s) {
			for _, i := range m.loose {
				try(i, s)
			}
		}
		_, size := utf8.DecodeRuneInString(text[s:])
		pos = s + max(size, 1)
	}
}

// startsWord reports whether a match may start at text[i]: not just after
// a letter, digit, mark or "_".
func startsWord(text string, i int) bool {
	if i == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return !isWord(r)
}

// asciiWord and asciiLower are isWord and lower case for single bytes.
var asciiWord, asciiLower = func() (w [256]bool, l [256]byte) {
	for c := range 256 {
		w[c] = c < utf8.RuneSelf && isWord(rune(c))
		l[c] = byte(c)
		if c >= 'A' && c <= 'Z' {
			l[c] = byte(c) + 'a' - 'A'
		}
	}
	return w, l
}()

func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// message says what is wrong and what to write instead.
func (rs *Rules) message(h hit, found string) string {
	r := &rs.rules[h.rule]
	found = strings.Join(strings.Fields(strings.ReplaceAll(found, markdown.Separator, "…")), " ")
	if h.suggest != "" {
		msg := fmt.Sprintf("%q: say %q instead", found, h.suggest)
		if r.Message != "" {
			msg += " (" + r.Message + ")"
		}
		return msg
	}
	msg := fmt.Sprintf("%q is banned", found)
	if r.Message != "" {
		msg += ": " + r.Message
	}
	return msg
}

// optOut reports whether comments switch a hit off: "voice: off" alone
// switches every rule off; "voice: off a, b" only rules that find "a" or
// "b" (the words matched, or the rule's find as written).
func (rs *Rules) optOut(comments []string, h hit, found string) bool {
	for _, c := range comments {
		list, ok := offList(c)
		if !ok {
			continue
		}
		if len(list) == 0 {
			return true
		}
		found = normalizeWords(found)
		find := normalizeWords(rs.rules[h.rule].Find)
		for _, w := range list {
			if w == found || w == find {
				return true
			}
		}
	}
	return false
}

var offRe = regexp.MustCompile(`(?i)^voice\s*:\s*off\b\s*(.*)$`)

// offList parses "voice: off" and the words after it. The words are
// separated by commas, and may be quoted.
func offList(comment string) ([]string, bool) {
	m := offRe.FindStringSubmatch(strings.TrimSpace(comment))
	if m == nil {
		return nil, false
	}
	var list []string
	for _, w := range strings.Split(m[1], ",") {
		if w = normalizeWords(strings.Trim(strings.TrimSpace(w), `"'`)); w != "" {
			list = append(list, w)
		}
	}
	return list, true
}

func normalizeWords(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// Check applies the rules to a page: its body, parsed with md, and the
// front matter texts a reader sees (see CheckDoc). It returns one
// diagnostic per match, sorted by position.
func (rs *Rules) Check(p *content.Page, md *markdown.Renderer) diag.List {
	if rs == nil || len(rs.matcherFor(p.Kind).rules) == 0 {
		return nil
	}
	return rs.CheckDoc(p, md.Parse(p.Body), md)
}

// CheckDoc is Check for a page whose body has been parsed already: doc
// must come from md.Parse(p.Body), so that its positions are the body's.
//
// The front matter texts checked are the title, the description and the
// kind's texts that render as markdown (proof points; when, value, cost
// and approver; the three definitions; goals, pains, value and proof; a
// play's goal and questions; a brand page's do list), read as inline
// markdown, so code and URLs in them do not count either. Left out are the
// texts that quote words a writer does not choose: an objection's says and
// also_heard (the customer's words) and avoid (what not to say), a brand
// page's dont list, and labels (tags, aliases, role, segment, categories).
func (rs *Rules) CheckDoc(p *content.Page, doc *markdown.Doc, md *markdown.Renderer) diag.List {
	if rs == nil {
		return nil
	}
	m := rs.matcherFor(p.Kind)
	if len(m.rules) == 0 {
		return nil
	}
	var out diag.List
	rs.checkFrontMatter(p, m, md, &out)
	if doc != nil {
		for prose := range doc.Prose {
			rs.scan(m, prose.Text, func(h hit) {
				found := prose.Text[h.start:h.end]
				if rs.optOut(prose.Comments, h, found) {
					return
				}
				line, col := diag.LineCol(p.Body, prose.Offset(h.start))
				out = append(out, rs.diagnostic(p.File, p.BodyLine+line-1, col, h, found))
			})
		}
	}
	out.Sort()
	return out
}

func (rs *Rules) diagnostic(file string, line, col int, h hit, found string) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: line, Col: col, Severity: rs.rules[h.rule].severity, Rule: RuleName, Message: rs.message(h, found)}
}

// proseFields returns the front matter texts the rules read: the title,
// the description and the texts shown as markdown, except a brand page's
// "don't" list, which quotes what not to write.
func proseFields(p *content.Page) []string {
	out := []string{p.Title, p.Description}
	for _, t := range p.MarkdownFields() {
		if p.Brand == nil || !slices.Contains(p.Brand.Dont, t) {
			out = append(out, t)
		}
	}
	return out
}

func (rs *Rules) checkFrontMatter(p *content.Page, m *matcher, md *markdown.Renderer, out *diag.List) {
	var fm []byte
	seen := map[string]bool{}
	for _, text := range proseFields(p) {
		if text == "" || seen[text] {
			continue
		}
		seen[text] = true
		if !m.mayMatch(text) {
			continue
		}
		pr := md.InlineProse(text)
		if pr.Text == "" {
			continue
		}
		if fm == nil {
			fm = p.FrontMatter()
		}
		pos := p.TextPos[text]
		start := lineStart(fm, pos.Line)
		comments := fmComments(fm, pos.Line)
		rs.scan(m, pr.Text, func(h hit) {
			found := pr.Text[h.start:h.end]
			if rs.optOut(comments, h, found) {
				return
			}
			line, col := pos.Line, pos.Col
			if off, ok := locate(fm, start, text, found, pr.Offset(h.start)); ok {
				line, col = diag.LineCol(fm, off)
			}
			*out = append(*out, rs.diagnostic(p.File, line, col, h, found))
		})
	}
}

// mayMatch is a quick test of a front matter text as written, to spare
// parsing most: could any rule match it once its markup is read? Markup
// removes characters ("**dis**count" reads "discount"), so the test drops
// emphasis and escape characters first; a text with a link, an entity or
// a rule without prefixes is parsed whatever.
func (m *matcher) mayMatch(text string) bool {
	if m.any != nil || strings.Contains(text, "](") || strings.IndexByte(text, '&') >= 0 {
		return true
	}
	if strings.ContainsAny(text, "*_~\\`[]") {
		text = markupChars.Replace(text)
	}
	var buf [prefixLen]byte
	for s := 0; s < len(text); s++ {
		if !m.first[asciiLower[text[s]]] {
			continue
		}
		key := foldKey(&buf, text[s:])
		for k, n := range m.lens {
			if n <= len(key) && m.byLen[k][string(key[:n])] != nil {
				return true
			}
		}
	}
	return false
}

var markupChars = strings.NewReplacer("*", "", "_", "", "~", "", "\\", "", "`", "", "[", "", "]", "")

// lineStart returns the byte offset where a 1-based line starts in src
// (len(src) past the end, 0 for line 0).
func lineStart(src []byte, line int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := strings.IndexByte(string(src[off:]), '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// fmComments returns the "#" comments that apply to a front matter value
// written on line: at the end of that line, or on a line of their own just
// above it.
func fmComments(fm []byte, line int) []string {
	var out []string
	if line < 1 {
		return nil
	}
	lines := strings.Split(string(fm), "\n")
	if line <= len(lines) {
		if i := strings.LastIndex(lines[line-1], "#"); i >= 0 {
			out = append(out, lines[line-1][i+1:])
		}
	}
	if line >= 2 && line-1 <= len(lines) {
		if t := strings.TrimSpace(lines[line-2]); strings.HasPrefix(t, "#") {
			out = append(out, t[1:])
		}
	}
	return out
}

var keyPrefix = regexp.MustCompile(`^[ \t]*(?:- )?[A-Za-z0-9_-]+[ \t]*[=:][ \t]*`)

// locate finds a match in the front matter: text is the value as decoded,
// found the words matched and at their offset in the text as parsed. The
// value is searched for from the start of its line, after its key; when it
// is not written as is (escapes, a folded YAML block), the matched words
// are, counting earlier occurrences of them in the text.
func locate(fm []byte, start int, text, found string, at int) (int, bool) {
	if start >= len(fm) {
		return 0, false
	}
	rest := string(fm[start:])
	if k := keyPrefix.FindStringIndex(rest); k != nil {
		start += k[1]
		rest = rest[k[1]:]
	}
	trimmed := strings.TrimSpace(text)
	if i := strings.Index(rest, trimmed); i >= 0 && at+len(found) <= len(trimmed) && trimmed[at:at+len(found)] == found {
		return start + i + at, true
	}
	n := strings.Count(trimmed[:min(at, len(trimmed))], found)
	off := 0
	for k := 0; k <= n; k++ {
		i := strings.Index(rest[off:], found)
		if i < 0 {
			return 0, false
		}
		if k == n {
			return start + off + i, true
		}
		off += i + len(found)
	}
	return 0, false
}
