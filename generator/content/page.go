// Package content loads a playbook's pages: it walks content/, parses front
// matter, and validates each kind's typed fields. It knows nothing of
// markdown rendering or templates.
package content

import (
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
)

// Page kinds.
const (
	KindPage        = "page"
	KindObjection   = "objection"
	KindClosingTool = "closing-tool"
	KindTerm        = "term"
	KindPersona     = "persona"
	KindPlay        = "play"
	KindBrand       = "brand"
	KindSection     = "section" // a folder's _index.md
	KindHome        = "home"    // content/_index.md
)

// Kinds lists the kinds a page may declare in front matter.
func Kinds() []string {
	return []string{KindPage, KindObjection, KindClosingTool, KindTerm, KindPersona, KindPlay, KindBrand}
}

// sectionKinds pairs a top-level folder with the kind its pages default to.
var sectionKinds = [...]struct{ section, kind string }{
	{"objections", KindObjection},
	{"closing-tools", KindClosingTool},
	{"glossary", KindTerm},
	{"personas", KindPersona},
	{"plays", KindPlay},
	{"brand", KindBrand},
}

// SectionKind returns the default kind of pages in a top-level folder.
func SectionKind(section string) (string, bool) {
	for _, sk := range sectionKinds {
		if sk.section == section {
			return sk.kind, true
		}
	}
	return "", false
}

// FolderOf returns the folder where pages of kind live by default, or
// "" when the kind has none.
func FolderOf(kind string) string {
	for _, sk := range sectionKinds {
		if sk.kind == kind {
			return sk.section
		}
	}
	return ""
}

// Audiences.
const (
	Internal = "internal"
	External = "external"
)

// Pos is a 1-based line and column in a page's file.
type Pos struct{ Line, Col int }

// Ref names another page by slug, remembering where it was written.
type Ref struct {
	Slug string
	Line int
	Col  int
}

// Page is one markdown file with its validated front matter.
type Page struct {
	File      string // path relative to the playbook root, forward slashes
	Rel       string // path relative to content/
	Dir       string // folder relative to content/ ("" at the root)
	Section   string // top-level folder ("" at the root)
	Slug      string // file name without .md; folder name for a section page
	IsSection bool   // a folder's section page: _index.md, index.md, README.md or page.md beside page/
	URL       string // site-relative pretty URL, e.g. "/objections/too-expensive/"

	Kind        string
	Title       string
	Description string
	Owners      []Ref
	Reviewed    time.Time // zero when never reviewed
	ReviewedPos Pos       // where reviewed was written
	ReviewEvery config.Interval
	Tags        []string
	Weight      int
	Draft       bool
	Audience    string
	Aliases     []Alias // old addresses that redirect here (aliases.go)
	// NoGlossaryLinks: glossary_links = false, the page's prose does not
	// link the glossary terms it mentions.
	NoGlossaryLinks bool

	Objection   *Objection
	ClosingTool *ClosingTool
	Term        *Term
	Persona     *Persona
	Play        *Play
	Brand       *Brand

	Body     []byte         // markdown after front matter
	BodyLine int            // line in File where Body starts
	Source   []byte         // the whole file, for diagnostics
	TextPos  map[string]Pos // where each front matter text was written

	// Params holds the front matter keys Playbook does not know, and those
	// under params, as plain values (string, int64, float64, bool,
	// time.Time, []any, map[string]any) for layouts (.Params.key).
	Params map[string]any

	// TitleHeading says the title is the page's first "#" heading, taken
	// out of the body: links to that heading's ID still lead here.
	TitleHeading bool

	// fmEnd is where FrontMatter ends in Source: after the front matter,
	// or after the heading the title was taken from. Body no longer
	// ends Source when a title heading was cut out of it.
	fmEnd    int
	hasFMEnd bool
	own      cascading // fields the page's own front matter sets
	down     passDown  // what a section page passes to the pages below it
}

// FileDir returns the folder the page's file is in, relative to content/
// ("" at the top), which its relative links start from: for page.md, the
// section page of page/, that is the folder above page/.
func (p *Page) FileDir() string { return relDir(p.Rel) }

// cascading flags the fields a section page can pass down to its pages.
type cascading struct{ owners, reviewEvery, audience bool }

// passDown holds the values a section page gives the pages below it.
type passDown struct {
	set         cascading
	owners      []Ref
	reviewEvery config.Interval
	audience    string
}

// FrontMatter returns the part of the page's file that decides what other
// pages show of it: the front matter, and the first heading when the
// title comes from it.
func (p *Page) FrontMatter() []byte {
	if p.hasFMEnd {
		return p.Source[:p.fmEnd]
	}
	return p.Source[:len(p.Source)-len(p.Body)]
}

// MarkdownFields returns the front matter texts that render as inline
// markdown (proof points, definitions, questions …), in a fixed order.
func (p *Page) MarkdownFields() []string {
	var out []string
	switch {
	case p.Objection != nil:
		out = append(out, p.Objection.Proof...)
	case p.ClosingTool != nil:
		t := p.ClosingTool
		out = append(out, t.When, t.Value, t.Cost, t.Approver)
	case p.Term != nil:
		out = append(out, p.Term.Marketing, p.Term.Sales, p.Term.Agreed)
	case p.Persona != nil:
		pe := p.Persona
		for _, list := range [][]string{pe.Goals, pe.Pains, pe.Value, pe.Proof} {
			out = append(out, list...)
		}
	case p.Play != nil:
		out = append(append(out, p.Play.Goal), p.Play.Questions...)
	case p.Brand != nil:
		out = append(append(out, p.Brand.Do...), p.Brand.Dont...)
	}
	return out
}

// Objection is a customer objection and the response to it.
type Objection struct {
	Says         string
	AlsoHeard    []string
	Category     string
	Personas     []Ref
	Stages       []string
	Proof        []string
	ClosingTools []Ref
	Avoid        []string
}

// ClosingTool is a non-price lever for closing a deal.
type ClosingTool struct {
	When     string
	Value    string
	Cost     string
	Approver string
	Answers  []Ref
}

// Term is a shared definition.
type Term struct {
	Marketing string
	Sales     string
	Agreed    string
	Aliases   []string
}

// Persona is positioning for one buyer.
type Persona struct {
	Role    string
	Segment string
	Goals   []string
	Pains   []string
	Value   []string
	Proof   []string
}

// Play is call preparation for a persona at a stage.
type Play struct {
	Persona      Ref
	Stage        string
	Goal         string
	Questions    []string
	Objections   []Ref
	ClosingTools []Ref
}

// Brand holds brand-identity page extras.
type Brand struct {
	Do    []string
	Dont  []string
	Shows string // "colours" or "typography"
}

// ReviewDue returns when the next review falls due, and false when the page
// has never been reviewed.
func (p *Page) ReviewDue() (time.Time, bool) {
	if p.Reviewed.IsZero() {
		return time.Time{}, false
	}
	return p.ReviewEvery.After(p.Reviewed), true
}
