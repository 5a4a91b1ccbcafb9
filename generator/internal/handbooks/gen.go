package handbooks

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
)

// secSpec is one section of the handbook template; min is the page count
// from which it is included, so small handbooks keep fewer sections.
type secSpec struct {
	title, kind string
	min, weight int
	kids        []secSpec
}

var template = []secSpec{
	{"Company", "policy", 0, 1, []secSpec{{"Values", "policy", 200, 1, nil}}},
	{"Onboarding", "onboarding", 0, 2, []secSpec{{"First week", "onboarding", 150, 1, nil}}},
	{"Sales", "process", 0, 1, []secSpec{
		{"Sales process", "process", 0, 2, []secSpec{{"Stages", "process", 100, 2, nil}}},
		{"Objection handling", "objection", 0, 3, []secSpec{{"Competitors", "objection", 250, 2, nil}}},
		{"Pricing", "pricing", 60, 2, []secSpec{{"Discounts and approvals", "pricing", 200, 1, nil}}},
	}},
	{"Marketing", "brand", 0, 1, []secSpec{
		{"Brand guidelines", "brand", 0, 2, []secSpec{{"Logo and colours", "brand", 150, 1, nil}}},
		{"Campaigns", "process", 120, 2, nil},
		{"Events", "process", 300, 1, nil},
	}},
	{"Customer success", "process", 80, 2, nil},
	{"People", "policy", 0, 1, []secSpec{
		{"Benefits", "policy", 100, 2, nil},
		{"Time off", "policy", 200, 1, nil},
		{"Hiring", "process", 150, 2, nil},
	}},
	{"Engineering", "engineering", 60, 2, []secSpec{
		{"On call", "engineering", 150, 2, nil},
		{"Architecture", "engineering", 250, 1, nil},
	}},
	{"Meeting notes", "meeting", 0, 3, nil},
	{"How to", "howto", 0, 4, nil},
	{"Glossary", "glossary", 0, 3, nil},
}

type section struct {
	title, slug, kind string
	weight            int
	depth             int // 0 for the root
	parent            *section
	kids              []*section
	pages             []*page // pages other than the section page, in order
	index             *page   // the section page, nil when the layout has none
	noIndex           bool    // the layout gives this section no section page
	dir               string  // folder in the source tree, "" for the root when at the top
}

type heading struct {
	level    int
	text, id string
}

type page struct {
	title, slug, kind string
	sec               *section
	isIndex           bool
	order             int // 1-based position among its section's pages
	headings          []heading
	file              string
	draft             bool
	problem           string // kind of problem to plant, "" for none
	mdx               bool   // Docusaurus: written as .mdx
}

// style is what differs between layouts.
type style interface {
	// noIndex reports whether a section has no section page (Docusaurus'
	// generated indexes).
	noIndex(g *gen, s *section) bool
	// reserved is the number of pages the style writes itself (posts).
	reserved() int
	// place sets every section's dir and every page's file.
	place(g *gen)
	// h1 reports whether a page's body starts with "# Title".
	h1(p *page) bool
	frontMatter(g *gen, p *page) string
	link(g *gen, from, to *page, anchor, text string) string
	// rawLink links to a path relative to from's folder (a deleted page).
	rawLink(g *gen, from *page, target, text string) string
	image(g *gen, from *page, name, alt string) string
	// callout returns an admonition block in the layout's syntax.
	callout(g *gen, from *page, kind, title, body string) string
	// quirk returns a layout-specific block for a page, or "".
	quirk(g *gen, p *page) string
	// finish writes configuration, navigation, assets and litter.
	finish(g *gen)
}

type gen struct {
	layout   Layout
	n        int
	r        *rand.Rand
	st       style
	company  string
	root     *section
	sections []*section // preorder, root first
	pages    []*page    // every page in navigation order
	titles   map[string]bool
	files    map[string][]byte
	problems []Problem
	markers  map[string]bool
	pageList []string // extra pages written by the style
	ignored  []string
	images   []string // names of the images in the pool
}

func newGen(layout Layout, opts Options) *gen {
	seed := uint64(opts.Seed)
	g := &gen{
		layout:  layout,
		n:       opts.Pages,
		r:       rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)),
		titles:  map[string]bool{},
		files:   map[string][]byte{},
		markers: map[string]bool{},
	}
	g.st = styleFor(layout)
	g.company = pick(g.r, []string{"Beacon", "Lumen", "Northstar", "Harbor", "Keystone"})
	return g
}

func styleFor(l Layout) style {
	switch l {
	case Hugo:
		return &hugoStyle{}
	case Docusaurus:
		return &docusaurusStyle{}
	case MkDocs:
		return &mkdocsStyle{}
	case GitBook:
		return &gitbookStyle{}
	case MdBook:
		return &mdbookStyle{}
	case Jekyll:
		return &jekyllStyle{}
	default:
		return &plainStyle{}
	}
}

func (g *gen) run() {
	g.buildTree()
	g.makePages()
	g.st.place(g)
	g.planProblems()
	for _, p := range g.pages {
		g.writePage(p)
	}
	g.st.finish(g)
}

func (g *gen) buildTree() {
	g.root = &section{title: g.company + " Handbook", kind: "policy"}
	g.sections = []*section{g.root}
	var add func(parent *section, specs []secSpec)
	add = func(parent *section, specs []secSpec) {
		for _, sp := range specs {
			if g.n < sp.min {
				continue
			}
			s := &section{title: sp.title, slug: slugify(sp.title), kind: sp.kind, weight: sp.weight, depth: parent.depth + 1, parent: parent}
			parent.kids = append(parent.kids, s)
			g.sections = append(g.sections, s)
			g.titles[strings.ToLower(s.title)] = true
			add(s, sp.kids)
		}
	}
	add(g.root, template)
}

// makePages creates section pages and spreads the rest over the sections
// by weight.
func (g *gen) makePages() {
	indexes := 0
	for _, s := range g.sections {
		s.noIndex = s != g.root && g.st.noIndex(g, s)
		if !s.noIndex {
			indexes++
		}
	}
	rest := max(g.n-indexes-g.st.reserved(), len(g.sections))
	total := 0
	for _, s := range g.sections[1:] {
		total += s.weight
	}
	counts := make([]int, len(g.sections))
	given := 0
	for i, s := range g.sections[1:] {
		counts[i+1] = max(1, rest*s.weight/total)
		given += counts[i+1]
	}
	for i := 1; given < rest; i = i%(len(g.sections)-1) + 1 {
		counts[i]++
		given++
	}
	for i, s := range g.sections {
		if !s.noIndex {
			s.index = &page{title: s.title, slug: s.slug, kind: s.kind, sec: s, isIndex: true}
			g.headingsFor(s.index)
		}
		meetingDay := 0
		for j := 0; j < counts[i]; j++ {
			p := &page{kind: s.kind, sec: s, order: j + 1}
			if s.kind == "meeting" {
				p.title, p.slug = g.meetingTitle(&meetingDay)
			} else {
				p.title = g.title(s.kind)
				p.slug = slugify(p.title)
			}
			s.pages = append(s.pages, p)
			g.headingsFor(p)
		}
	}
	// Navigation order: a section's page, its pages, then its subsections.
	var walk func(s *section)
	walk = func(s *section) {
		if s.index != nil {
			g.pages = append(g.pages, s.index)
		}
		g.pages = append(g.pages, s.pages...)
		for _, k := range s.kids {
			walk(k)
		}
	}
	walk(g.root)
}

var titleTemplates = map[string][]string{
	"objection":   objections,
	"pricing":     {"Pricing for {segment}", "Discounts for {segment}", "Price list for {region}", "Payment terms in {region}", "Approving {object}", "{policy} pricing rules", "Quoting {segment}", "Renewal pricing in {region}"},
	"brand":       {"{brand}", "{brand} for {channel}", "Writing for {channel}", "{brand} in {region}"},
	"glossary":    {"{term}"},
	"howto":       {"How to {verb} {object}"},
	"process":     {"{stage} {artifact}", "{stage} for {segment}", "Working with {team} on {object}", "{stage} in {region}"},
	"policy":      {"{policy} policy", "{policy} in {region}", "{policy} for {team}"},
	"onboarding":  {"Your first week in {team}", "Setting up {tool}", "Meet the {team} team", "Onboarding for {team}", "Learning {tool}"},
	"engineering": {"{system} runbook", "{practice} guidelines", "{system} architecture", "{practice} for {system}"},
}

// title draws a title not used anywhere else in the handbook.
func (g *gen) title(kind string) string {
	pats := titleTemplates[kind]
	for try := 0; ; try++ {
		t := capitalize(g.fill(pick(g.r, pats)))
		if try > 30 {
			// The patterns run out in big handbooks: qualify the title.
			t += g.fill(pick(g.r, []string{" for {segment}", " in {region}", " ({team})", " with {customer}"}))
		}
		if try > 90 {
			t = fmt.Sprintf("%s %d", t, try)
		}
		if !g.titles[strings.ToLower(t)] {
			g.titles[strings.ToLower(t)] = true
			return t
		}
	}
}

func (g *gen) meetingTitle(day *int) (string, string) {
	*day += 3 + g.r.IntN(9)
	d := dateOf(2024, 1, 8, *day*3)
	for {
		t := fmt.Sprintf("%s %s", pick(g.r, []string{"Pipeline review", "Marketing sync", "Sales kickoff planning", "Brand council", "Leadership meeting", "Deal desk", "Product launch sync", "Quarterly business review"}), d)
		if !g.titles[strings.ToLower(t)] {
			g.titles[strings.ToLower(t)] = true
			name, _, _ := strings.Cut(t, " 20")
			return t, d + "-" + slugify(name)
		}
		*day++
		d = dateOf(2024, 1, 8, *day*3)
	}
}

// fill replaces {slot}s in a pattern with words.
func (g *gen) fill(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		b.WriteString(s[:i])
		b.WriteString(g.slot(s[i+1 : i+j]))
		s = s[i+j+1:]
	}
}

func (g *gen) slot(name string) string {
	r := g.r
	switch name {
	case "team":
		return pick(r, teams)
	case "competitor":
		return pick(r, competitors)
	case "customer":
		return pick(r, customers)
	case "region":
		return pick(r, regions)
	case "segment":
		return pick(r, segments)
	case "tool":
		return pick(r, tools)
	case "stage":
		return pick(r, stages)
	case "artifact":
		return pick(r, artifacts)
	case "verb":
		return pick(r, verbs)
	case "object":
		return pick(r, objects)
	case "brand":
		return pick(r, brandTopics)
	case "channel":
		return pick(r, channels)
	case "term":
		return pick(r, termHeads) + " " + pick(r, termNouns)
	case "policy":
		return pick(r, policies)
	case "system":
		return pick(r, systems)
	case "practice":
		return pick(r, practices)
	case "feature":
		return pick(r, features)
	case "month":
		return pick(r, months)
	}
	return name
}

// headingsFor picks a page's ## and ### headings, unique on the page and
// different from its title.
func (g *gen) headingsFor(p *page) {
	used := map[string]bool{slugify(p.title): true}
	add := func(level int, text string) bool {
		id := headingID(text)
		if used[id] {
			return false
		}
		used[id] = true
		p.headings = append(p.headings, heading{level, text, id})
		return true
	}
	if p.isIndex {
		add(2, "In this section")
		add(2, "Owners")
		if g.r.IntN(2) == 0 {
			add(2, "How to contribute")
		}
		return
	}
	pool := append(slices.Clone(h2ByKind[p.kind]), h2Generic...)
	n2 := 3 + g.r.IntN(4)
	for added := 0; added < n2; {
		if add(2, pick(g.r, pool)) {
			added++
			for k := g.r.IntN(3); k > 0; k-- {
				add(3, pick(g.r, h3Generic))
			}
		}
	}
	add(2, "Related pages")
}

// linkable reports whether other pages may link to p: drafts would be
// broken links in a build without drafts, and a page with a bad date may
// lose its front matter and headings, so links to it would report that
// one problem again.
func (p *page) linkable() bool { return !p.draft && p.problem != "date" }

// planProblems marks drafts and the pages that get a planted problem.
func (g *gen) planProblems() {
	var cands []*page
	for _, p := range g.pages {
		if !p.isIndex {
			cands = append(cands, p)
		}
	}
	// Drafts only where the layout has them (Hugo, Docusaurus, Jekyll).
	if g.layout == Hugo || g.layout == Docusaurus || g.layout == Jekyll {
		for i := 0; i < max(2, len(cands)/60); i++ {
			cands[g.r.IntN(len(cands))].draft = true
		}
	}
	var pool []*page
	for _, p := range cands {
		if !p.draft {
			pool = append(pool, p)
		}
	}
	g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
	n := max(3, len(g.pages)*7/100)
	kinds := []string{"anchor", "link", "image"}
	if g.layout == Hugo || g.layout == Jekyll || g.layout == Plain {
		kinds = append(kinds, "date")
	}
	for i := 0; i < n && i < len(pool); i++ {
		k := "anchor"
		switch {
		case i < len(kinds):
			k = kinds[i]
		case i%5 == 0:
			k = "link"
		case i%5 == 1:
			k = "image"
		}
		pool[i].problem = k
	}
}

// marker registers a unique marker built by make, retrying on collisions.
func (g *gen) marker(make func() string) string {
	for {
		m := make()
		clash := g.markers[m]
		for o := range g.markers {
			if strings.Contains(o, m) || strings.Contains(m, o) {
				clash = true
			}
		}
		if !clash {
			g.markers[m] = true
			return m
		}
	}
}

func (g *gen) writePage(p *page) {
	text := g.st.frontMatter(g, p) + g.body(p)
	g.files[p.file] = []byte(text)
}

// addProblem records a planted problem, finding its line in the file.
func (g *gen) addProblem(file, kind, marker string) {
	g.problems = append(g.problems, Problem{File: file, Kind: kind, Marker: marker})
}

func (g *gen) manifest() Manifest {
	m := Manifest{Layout: g.layout}
	for _, p := range g.pages {
		m.Pages = append(m.Pages, p.file)
		if p.draft {
			m.Drafts = append(m.Drafts, p.file)
		}
	}
	m.Pages = append(m.Pages, g.pageList...)
	m.Ignored = append(m.Ignored, g.ignored...)
	for _, pr := range g.problems {
		lines := strings.Split(string(g.files[pr.File]), "\n")
		for i, l := range lines {
			if strings.Contains(l, pr.Marker) {
				pr.Line = i + 1
				break
			}
		}
		m.Problems = append(m.Problems, pr)
	}
	slices.Sort(m.Pages)
	slices.Sort(m.Drafts)
	slices.Sort(m.Ignored)
	slices.SortFunc(m.Problems, func(a, b Problem) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	return m
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func capitalize(s string) string {
	for i, c := range s {
		return string(unicode.ToUpper(c)) + s[i+len(string(c)):]
	}
	return s
}

// slugify makes a file name from a title: lower-case ASCII letters and
// digits, hyphens between words.
func slugify(t string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(t) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		} else if c != '\'' {
			dash = true
		}
	}
	return b.String()
}

// headingID is the GitHub-style ID of a heading, the one Playbook uses.
func headingID(text string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// dateOf returns the ISO date days after y-m-d.
func dateOf(y, m, d, days int) string {
	mdays := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	d += days
	for {
		n := mdays[m-1]
		if m == 2 && y%4 == 0 {
			n = 29
		}
		if d <= n {
			return fmt.Sprintf("%04d-%02d-%02d", y, m, d)
		}
		d -= n
		m++
		if m > 12 {
			m, y = 1, y+1
		}
	}
}
