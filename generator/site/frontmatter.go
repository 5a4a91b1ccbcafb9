package site

import (
	"bytes"
	"slices"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Output is one file an update renders again: a page, or for a section
// one of its list pages (List 1 is the page itself).
type Output struct {
	Page *Page
	List int
}

// UpdateFrontMatter applies an edit to one published page's front matter
// (and maybe its body) in place, for the live preview: a title, weight,
// description, review date or relation changed, while the page keeps its
// URL, kind, draft state and audience. It returns the outputs whose HTML
// may have changed, besides the home and 404 pages, which callers render
// again anyway, and the page's own diagnostics (those of its file found
// while linking; content.Parse reports the rest).
//
// It returns ErrNeedFull, leaving the site untouched, for an edit that
// can change what many pages show: a section page, a page listed in the
// sidebar, a heading another page links to, or the files the page uses.
// Any other error leaves the site half-updated; it must not be used again.
func (s *Site) UpdateFrontMatter(cp *content.Page) ([]Output, diag.List, error) {
	p := s.resolver.published[cp.Rel]
	if p == nil || p.File != cp.File || p.IsSection || cp.IsSection || p.Parent == nil ||
		p.URL != cp.URL || p.Kind != cp.Kind || p.Draft != cp.Draft || p.Audience != cp.Audience {
		return nil, nil, ErrNeedFull
	}
	if s.glossary != nil && !slices.Equal(s.termOf(p.Page), s.termOf(cp)) {
		return nil, nil, ErrNeedFull // every page that mentions the term shows it
	}
	doc := s.md.Parse(cp.Body)
	if !bytes.Equal(p.Body, cp.Body) && !sameIDs(p.headings, doc) && s.linkedWithAnchor(cp.Rel) {
		return nil, nil, ErrNeedFull
	}

	// Where the page moves among its siblings, tried on a stand-in so the
	// site stays untouched until every check has passed.
	stand := *p
	stand.Page = cp
	stand.headings = withTitle(&stand, doc.Headings) // for links to its own headings
	sec := p.Parent
	kids := reorder(sec.Children, p, &stand)
	if inSidebar(sec, sec.Children, p) || inSidebar(sec, kids, p) {
		return nil, nil, ErrNeedFull
	}

	// The body and front matter texts, rendered on the stand-in too.
	var diags diag.List
	used := s.renderBody(&stand, doc, &diags)
	if !sameFiles(used, p.used) {
		return nil, nil, ErrNeedFull
	}

	before := s.dependents(p)
	oldLists := sec.Listings()
	relationsChanged := !sameRelations(p.Page, cp)

	// Apply.
	p.Page = cp
	s.resolver.all[cp.Rel] = cp
	p.headings = withTitle(p, doc.Headings)
	p.HTML, p.TOC, p.inline, p.used, p.anchors, p.text = stand.HTML, stand.TOC, stand.inline, stand.used, stand.anchors, stand.text
	p.inlineAnchors, p.bodyUsed, p.inlineUsed, p.bodyDiags, p.inlineDiags = stand.inlineAnchors, stand.bodyUsed, stand.inlineUsed, stand.bodyDiags, stand.inlineDiags
	p.pendingAnchors, p.bodyDone = nil, true
	p.diags = slices.Clone(diags)
	reordered := !slices.Equal(kids, sec.Children)
	sec.Children = kids
	if reordered {
		s.linkReadingOrder()
	}
	if relationsChanged {
		s.resolveRelationsOf(p)
	} else {
		// The page's new title or weight may reorder the lists it is in.
		for _, q := range s.related(p) {
			q.sortRelations()
		}
	}
	diags = append(diags, p.relDiags...)
	if p.Reviewed.After(s.Today) {
		diags.Warnf(p.File, p.ReviewedPos.Line, p.ReviewedPos.Col, "review", "reviewed %s is in the future: write the date the page was last checked", p.Reviewed.Format("2006-01-02"))
	}
	after := s.dependents(p)

	seen := map[*Page]bool{}
	var out []Output
	for _, q := range append(before, after...) {
		if !seen[q] {
			seen[q] = true
			out = append(out, Output{Page: q, List: 1})
		}
	}
	// The section's list pages whose cards changed.
	newLists := sec.Listings()
	for i, l := range newLists {
		if i < len(oldLists) && slices.Equal(l.Items, oldLists[i].Items) && !slices.Contains(l.Items, p) {
			continue
		}
		if i == 0 && seen[sec] {
			continue
		}
		out = append(out, Output{Page: sec, List: l.Number})
	}
	diags = s.Options.adjust(diags)
	diags.Sort()
	return out, diags, diags.Err()
}

// dependents lists the pages whose HTML shows p's front matter, apart from
// the home page and the sidebar: p, its neighbours in reading order, the
// pages related to it, and the plays that show its objections' tools.
func (s *Site) dependents(p *Page) []*Page {
	out := []*Page{p}
	if p.Prev != nil {
		out = append(out, p.Prev)
	}
	if p.Next != nil {
		out = append(out, p.Next)
	}
	out = append(out, s.related(p)...)
	for _, o := range p.Objections {
		out = append(out, o.Plays...) // a play lists each objection's tools
	}
	return out
}

// related lists the pages in p's relation lists, which hold p in theirs.
func (s *Site) related(p *Page) []*Page {
	out := slices.Concat(p.ClosingTools, p.Objections, p.Personas, p.Plays)
	if p.PersonaPage != nil {
		out = append(out, p.PersonaPage)
	}
	return out
}

// reorder returns kids in navigation order after p's fields become
// stand's: only p can move.
func reorder(kids []*Page, p, stand *Page) []*Page {
	out := make([]*Page, 0, len(kids))
	for _, k := range kids {
		if k != p {
			out = append(out, k)
		}
	}
	i, _ := slices.BinarySearchFunc(out, stand, func(k, t *Page) int {
		if before(k, t) {
			return -1
		}
		return 1
	})
	return slices.Insert(out, i, p)
}

// inSidebar reports whether p is among the entries the sidebar lists for a
// top-level section sec with children kids: then every page of the
// section shows its title.
func inSidebar(sec *Page, kids []*Page, p *Page) bool {
	if !sec.IsSection || sec.Parent == nil || sec.Parent.Parent != nil {
		return false // not a top-level section
	}
	i := slices.Index(kids, p)
	return i >= 0 && i < NavLimit
}

func sameFiles(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// sameRelations reports whether two versions of a page name the same
// related pages at the same places in the file.
func sameRelations(a, b *content.Page) bool {
	return slices.Equal(relationRefs(a), relationRefs(b))
}

func relationRefs(p *content.Page) []content.Ref {
	var out []content.Ref
	sep := content.Ref{Slug: "\x00"}
	switch {
	case p.Objection != nil:
		out = slices.Concat(p.Objection.ClosingTools, []content.Ref{sep}, p.Objection.Personas)
	case p.ClosingTool != nil:
		out = p.ClosingTool.Answers
	case p.Play != nil:
		out = slices.Concat([]content.Ref{p.Play.Persona, sep}, p.Play.Objections, []content.Ref{sep}, p.Play.ClosingTools)
	}
	return out
}
