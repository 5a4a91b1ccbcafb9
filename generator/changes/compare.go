package changes

import (
	"cmp"
	"runtime"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/pagetext"
	"github.com/playbook-ssg/playbook/generator/parallel"
)

// Options name the two versions compared and order the report.
type Options struct {
	From, To         string   // display names -> Report.From/To
	FromPath, ToPath string   // -> Report.FromPath/ToPath
	KindOrder        []string // kinds in display order (e.g. "objection", "closing-tool", "play", ...); kinds not listed sort after, by name
	// Context is the number of unchanged words kept either side of a
	// change; 0 means 8, and a negative number keeps all unchanged text.
	Context int
}

// DetailsHeading is the heading of the section that lists a changed
// page's kind and facets (category, persona, stage, owners, tags …).
const DetailsHeading = "Details"

// facetOrder is the order of the lines in a page's details; other facets
// follow by name.
var facetOrder = []string{"kind", "category", "persona", "stage", "owners", "tags"}

// Compare reports what changed from the pages `from` to the pages `to`,
// two versions' page texts (what the search index is built from).
//
// Pages are matched by URL. A page only in `to` is added, one only in
// `from` removed (the home page, "/", is never listed as either); one in
// both is changed when its title, kind, facets, or any section's heading
// or text differ. Section anchors are not compared. When a URL occurs
// twice in one version, the first document counts.
//
// The sections of a changed page are matched by heading, case-sensitively,
// each new section taking the first unused old section with its heading;
// the leads (the first sections) are matched to each other whatever their
// headings, and are listed with no heading or anchor. A renamed heading is
// therefore a removed section and an added one. An added or removed
// section's Parts are one Insert or Delete of its text, cut after 60 words
// (Elided set), or none if it has no text. A matched section whose text
// differs is changed and its Parts are the word diff. Only sections that
// differ are listed, in the newer page's order, a removed section where it
// was: just after the listed or unlisted section that preceded it in the
// older page. Moving a section without changing its text is not a change:
// sections are compared by heading, not position, so a page whose only
// difference is the order of its sections is not reported.
//
// When the kind or facets differ, the first listed section has the
// heading DetailsHeading and the word diff of a rendering of the
// differing facets, one "name: value, value" line each (kind first, then
// category, persona, stage, owners, tags, then the others by name; the
// "kind" facet is ignored in favour of Doc.Kind; nil and empty values are
// alike), so a change reads "stage: negotiation → closing" and adding a
// tag "tags: budget{+, cfo+}". A changed title sets OldTitle (which stays
// empty if the old title was).
//
// Inserted and Deleted count words: tokens holding a letter or a digit,
// so neither whitespace nor a lone "—" counts. They cover the title's
// diff, the details' diff, the section diffs, and the whole text and
// heading of each added or removed section (not only the 60 words shown).
//
// The diff is word by word: a word keeps its punctuation, so "cheap," to
// "cheap." is a whole-word change. An unchanged run of no words between
// two edits, or of fewer words than the larger side of each edit, is
// merged into them ("[-pilot now-]{+trial soon+}" rather than
// "[-pilot-]{+trial+} [-now-]{+soon+}"). Adjacent parts never share an op,
// and a Delete always comes before the Insert next to it. Within a changed
// section, joining the texts of the Same and Delete parts gives the older
// text and the Same and Insert parts the newer, whitespace included ("\n"
// between paragraphs, which a template may show with CSS white-space:
// pre-line), except where unchanged text was left out. A run of unchanged
// text longer than Context words before the first change, after the last,
// or twice that between two changes, is shortened (and only when at least
// three words would go):
//
//   - before the first change, to its last Context words: one Same part,
//     Elided, whose text starts with a word; the text left out was before
//     it, so a template writes "…" before it;
//   - after the last change, to its first Context words: one Same part,
//     Elided, whose text ends with a word; "…" goes after it;
//   - between two changes, to two Same parts: the first Context words
//     (Elided, ending with a word: "…" after it) and the last Context
//     words (not Elided, starting with the space before its first word),
//     so that it reads "[-cheap-]{+fair+} for us and… the price is [-low-]{+right+}".
//
// The rule for a template is thus: an Elided part is cut at its start if
// it is the first of several parts, and at its end otherwise (including
// the lone, elided Insert or Delete of an added or removed section). The
// ellipsis is not in Text. Section.CutBefore and Section.CutAfter apply
// the rule:
//
//	{{range $i, $p := $section.Parts}}{{if $section.CutBefore $i}}…{{end}}<span class="{{$p.Op}}">{{$p.Text}}</span>{{if $section.CutAfter $i}}…{{end}}{{end}}
//
// The report is deterministic: the same inputs give the same report (a
// section of more than 20,000 words and spaces on both sides together is
// diffed with a one-second limit, past which the diff is coarser and may
// depend on the machine). Its slices are empty rather than nil, so its
// JSON has [] rather than null.
func Compare(from, to []pagetext.Doc, opts Options) *Report {
	ctx := opts.Context
	if ctx == 0 {
		ctx = defaultContext
	}
	r := &Report{
		From: opts.From, To: opts.To,
		FromPath: opts.FromPath, ToPath: opts.ToPath,
		Added: []Page{}, Removed: []Page{}, Changed: []Change{},
	}

	older := make(map[string]*pagetext.Doc, len(from))
	for i := range from {
		if _, dup := older[from[i].URL]; !dup {
			older[from[i].URL] = &from[i]
		}
	}
	newer := make(map[string]bool, len(to))
	type pair struct{ old, new *pagetext.Doc }
	var pairs []pair
	for i := range to {
		d := &to[i]
		if newer[d.URL] {
			continue
		}
		newer[d.URL] = true
		o, ok := older[d.URL]
		switch {
		case !ok:
			if !isHome(d.URL) {
				r.Added = append(r.Added, pageOf(d))
			}
		case !sameDoc(o, d):
			pairs = append(pairs, pair{o, d})
		}
	}
	for i := range from {
		o := &from[i]
		if !newer[o.URL] && older[o.URL] == o && !isHome(o.URL) {
			r.Removed = append(r.Removed, pageOf(o))
		}
	}

	changes := make([]Change, len(pairs))
	ok := make([]bool, len(pairs))
	workers := min(runtime.GOMAXPROCS(0), len(pairs)/8+1) // a few changed pages are not worth the goroutines
	differs := make(chan *differ, workers)
	parallel.EachN(len(pairs), workers, func(i int) {
		var d *differ
		select {
		case d = <-differs:
		default:
			d = newDiffer()
		}
		changes[i], ok[i] = compare(d, pairs[i].old, pairs[i].new, ctx)
		differs <- d
	})
	for i, c := range changes {
		if ok[i] {
			r.Changed = append(r.Changed, c)
		}
	}

	rank := kindRank(opts.KindOrder)
	slices.SortFunc(r.Added, func(a, b Page) int { return comparePages(rank, a, b) })
	slices.SortFunc(r.Removed, func(a, b Page) int { return comparePages(rank, a, b) })
	slices.SortFunc(r.Changed, func(a, b Change) int { return comparePages(rank, a.Page, b.Page) })
	return r
}

func isHome(url string) bool { return url == "/" || url == "" }

func pageOf(d *pagetext.Doc) Page {
	return Page{Path: strings.TrimPrefix(d.URL, "/"), Title: d.Title, Kind: d.Kind}
}

// sameDoc reports whether a and b show the same text: title, kind,
// facets, and each section's heading and text.
func sameDoc(a, b *pagetext.Doc) bool {
	if a.Title != b.Title || a.Kind != b.Kind || len(a.Sections) != len(b.Sections) {
		return false
	}
	for i := range a.Sections {
		if a.Sections[i].Heading != b.Sections[i].Heading || a.Sections[i].Text != b.Sections[i].Text {
			return false
		}
	}
	for name, v := range a.Facets {
		if name != "kind" && !slices.Equal(v, b.Facets[name]) {
			return false
		}
	}
	for name, v := range b.Facets {
		if _, ok := a.Facets[name]; !ok && name != "kind" && len(v) > 0 {
			return false
		}
	}
	return true
}

// compare is the change from o to d, and false if, section by section,
// there is none to show.
func compare(df *differ, o, d *pagetext.Doc, ctx int) (Change, bool) {
	c := Change{Page: pageOf(d), Sections: []Section{}}
	if o.Title != d.Title {
		c.OldTitle = o.Title
		ins, del := count(df.diff(o.Title, d.Title))
		c.Inserted += ins
		c.Deleted += del
	}
	if old, new := details(o, d); len(old) > 0 {
		c.Sections = append(c.Sections, c.changedTokens(df, DetailsHeading, "", old, new, ctx))
	}

	match := matchSections(o.Sections, d.Sections)
	used := make([]bool, len(o.Sections))
	for _, m := range match {
		if m >= 0 {
			used[m] = true
		}
	}
	// A removed section follows the section that preceded it in the
	// older page: after the newer section matching that one, or in
	// place if it was the lead.
	emitted := make([]bool, len(o.Sections))
	removedAfter := func(k int) {
		for ; k < len(o.Sections) && !used[k] && !emitted[k]; k++ {
			emitted[k] = true
			s := o.Sections[k]
			c.Deleted += countWords(s.Heading) + countWords(s.Text)
			c.Sections = append(c.Sections, Section{Heading: heading(s, k), Status: SectionRemoved, Parts: excerpt(Delete, s.Text)})
		}
	}
	for j, s := range d.Sections {
		anchor := s.Anchor
		if j == 0 {
			anchor = ""
		}
		m := match[j]
		if m < 0 {
			c.Inserted += countWords(s.Heading) + countWords(s.Text)
			c.Sections = append(c.Sections, Section{Heading: heading(s, j), Anchor: anchor, Status: SectionAdded, Parts: excerpt(Insert, s.Text)})
			continue
		}
		if o.Sections[m].Text != s.Text {
			c.Sections = append(c.Sections, c.changed(df, heading(s, j), anchor, o.Sections[m].Text, s.Text, ctx))
		}
		removedAfter(m + 1)
	}
	removedAfter(0) // the older page's sections when the newer has none
	return c, o.Title != d.Title || len(c.Sections) > 0
}

// heading is the heading shown for section i: none for the lead.
func heading(s pagetext.Section, i int) string {
	if i == 0 {
		return ""
	}
	return s.Heading
}

// changed diffs a section's text and counts the words.
func (c *Change) changed(df *differ, heading, anchor, old, new string, ctx int) Section {
	df.a = tokens(df.a[:0], old)
	df.b = tokens(df.b[:0], new)
	return c.changedTokens(df, heading, anchor, df.a, df.b, ctx)
}

// changedTokens is changed on texts cut into tokens.
func (c *Change) changedTokens(df *differ, heading, anchor string, old, new []string, ctx int) Section {
	parts := df.diffTokens(old, new)
	ins, del := count(parts)
	c.Inserted += ins
	c.Deleted += del
	return Section{Heading: heading, Anchor: anchor, Status: SectionChanged, Parts: elide(parts, ctx)}
}

// matchSections gives, for each new section, the index of the old section
// it continues, or -1. The leads match each other; the other sections
// match by heading, each taking the first unused old section with it.
func matchSections(old, new []pagetext.Section) []int {
	match := make([]int, len(new))
	byHeading := make(map[string][]int, len(old))
	for i := 1; i < len(old); i++ {
		byHeading[old[i].Heading] = append(byHeading[old[i].Heading], i)
	}
	for j := range new {
		match[j] = -1
		if j == 0 {
			if len(old) > 0 {
				match[j] = 0
			}
			continue
		}
		if list := byHeading[new[j].Heading]; len(list) > 0 {
			match[j] = list[0]
			byHeading[new[j].Heading] = list[1:]
		}
	}
	return match
}

// details renders the kind and facets that differ between o and d, one
// "name: value, value" line each, as tokens: each value is cut into
// words, and the commas between values are tokens of their own, so that
// adding a tag reads "tags: budget{+, cfo+}".
func details(o, d *pagetext.Doc) (old, new []string) {
	names := slices.Clone(facetOrder)
	var others []string
	for _, facets := range []map[string][]string{o.Facets, d.Facets} {
		for name := range facets {
			if !slices.Contains(facetOrder, name) && !slices.Contains(others, name) {
				others = append(others, name)
			}
		}
	}
	slices.Sort(others)
	names = append(names, others...)

	for _, name := range names {
		ov, nv := facetValues(o, name), facetValues(d, name)
		if slices.Equal(ov, nv) {
			continue
		}
		old = line(old, name, ov)
		new = line(new, name, nv)
	}
	return old, new
}

func facetValues(d *pagetext.Doc, name string) []string {
	if name == "kind" {
		if d.Kind == "" {
			return nil
		}
		return []string{d.Kind}
	}
	return d.Facets[name]
}

func line(toks []string, name string, values []string) []string {
	if len(toks) > 0 {
		toks = append(toks, "\n")
	}
	toks = append(toks, name+":")
	for i, v := range values {
		if i > 0 {
			toks = append(toks, ",")
		}
		toks = append(toks, " ")
		toks = tokens(toks, v)
	}
	return toks
}

// kindRank maps each listed kind to its position.
func kindRank(order []string) map[string]int {
	rank := make(map[string]int, len(order))
	for i, k := range order {
		if _, dup := rank[k]; !dup {
			rank[k] = i
		}
	}
	return rank
}

// comparePages orders pages by kind (listed kinds first, in order, then
// the others by name), title ignoring case, then path.
func comparePages(rank map[string]int, a, b Page) int {
	ra, oka := rank[a.Kind]
	rb, okb := rank[b.Kind]
	switch {
	case oka && okb:
		if c := cmp.Compare(ra, rb); c != 0 {
			return c
		}
	case oka:
		return -1
	case okb:
		return 1
	default:
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
	}
	if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
		return c
	}
	if c := strings.Compare(a.Title, b.Title); c != 0 {
		return c
	}
	return strings.Compare(a.Path, b.Path)
}
