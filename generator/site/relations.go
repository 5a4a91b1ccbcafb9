package site

import (
	"slices"
	"sort"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// linkRelations resolves slugs named in front matter to pages and fills in
// the reverse direction, so each closing tool lists the objections that
// name it and each persona the objections and plays about it.
func (s *Site) linkRelations(diags *diag.List, all map[string]*content.Page) {
	s.relations = s.indexRelations(diags, all)
	s.resolveRelations(diags)
}

// relationIndex finds the pages relations name: published pages by kind
// and slug, and every loaded page, to explain a name that is left out.
type relationIndex struct {
	bySlug map[string]map[string]*Page
	loaded map[string]*content.Page // by kind + "/" + slug
}

// indexRelations builds the relation index. It depends only on which
// pages exist and are published, so an edit that changes neither can
// resolve relations again without it.
func (s *Site) indexRelations(diags *diag.List, all map[string]*content.Page) relationIndex {
	// Pages by kind and slug. Relations name pages by file name, so two
	// pages of a kind with one name would make a relation ambiguous.
	bySlug := map[string]map[string]*Page{}
	for _, p := range s.Pages {
		if p.IsSection {
			continue
		}
		if bySlug[p.Kind] == nil {
			bySlug[p.Kind] = map[string]*Page{}
		}
		if other, dup := bySlug[p.Kind][p.Slug]; dup && relatedKind(p.Kind) {
			diags.Errorf(p.File, 1, 1, "duplicate-name", "another %s page is also named %q (%s): relations name pages by file name, so rename one of them", p.Kind, p.Slug, other.File)
			continue
		}
		bySlug[p.Kind][p.Slug] = p
	}
	// Every loaded page, including left-out ones, to explain why a
	// relation cannot be resolved. Sorted by file so the message is stable.
	loaded := map[string]*content.Page{}
	for _, cp := range sortedPages(all) {
		if !cp.IsSection {
			if _, seen := loaded[cp.Kind+"/"+cp.Slug]; !seen {
				loaded[cp.Kind+"/"+cp.Slug] = cp
			}
		}
	}
	return relationIndex{bySlug: bySlug, loaded: loaded}
}

// resolveRelations fills every page's relation lists, both ways.
func (s *Site) resolveRelations(diags *diag.List) {
	for _, p := range s.Pages {
		p.relDiags = nil
	}
	for _, p := range s.Pages {
		for _, e := range s.edges(p, &p.relDiags) {
			e.link(p, true, true)
		}
	}
	// Reverse lists arrive in page order; present them in navigation order.
	for _, p := range s.Pages {
		p.sortRelations()
		*diags = append(*diags, p.relDiags...)
	}
}

// resolveRelationsOf resolves again the relations of p after its relation
// fields changed, touching only the lists that can hold p: those of p and
// of the pages it names before and after. It returns those pages.
func (s *Site) resolveRelationsOf(p *Page) []*Page {
	p.relDiags = nil
	fresh := s.edges(p, &p.relDiags)
	touched := map[*Page]bool{p: true}
	for _, q := range s.related(p) {
		touched[q] = true
	}
	for _, e := range fresh {
		touched[e.target] = true
	}
	// Every page that names a touched page is in its lists (relations go
	// both ways), or is p.
	sources := map[*Page]bool{}
	for q := range touched {
		sources[q] = true
		for _, r := range s.related(q) {
			sources[r] = true
		}
	}
	for q := range touched {
		q.ClosingTools, q.Objections, q.Personas, q.Plays, q.PersonaPage = nil, nil, nil, nil, nil
	}
	var discard diag.List
	for _, from := range s.Pages { // in page order, as resolveRelations
		if !sources[from] {
			continue
		}
		es := fresh
		if from != p {
			es = s.edges(from, &discard)
		}
		for _, e := range es {
			e.link(from, touched[from], touched[e.target])
		}
	}
	out := make([]*Page, 0, len(touched))
	for _, q := range s.Pages {
		if touched[q] {
			q.sortRelations()
			out = append(out, q)
		}
	}
	return out
}

// edge is one resolved relation: a page names target in one of its fields.
type edge struct {
	target *Page
	fwd    *[]*Page // the naming page's list that holds target; nil for a play's persona
	back   *[]*Page // target's list that holds the naming page
}

// link records the edge from a page: on its side (fwd), on the target's
// side (back), or both.
func (e edge) link(from *Page, fwd, back bool) {
	add := func(list *[]*Page, p *Page) {
		if !slices.Contains(*list, p) {
			*list = append(*list, p)
		}
	}
	if fwd {
		if e.fwd == nil {
			from.PersonaPage = e.target
		} else {
			add(e.fwd, e.target)
		}
	}
	if back {
		add(e.back, from)
	}
}

// edges resolves the relation fields of from, recording problems in out.
func (s *Site) edges(from *Page, out *diag.List) []edge {
	bySlug, loaded := s.relations.bySlug, s.relations.loaded
	resolve := func(field, kind string, ref content.Ref) *Page {
		if ref.Slug == "" {
			return nil
		}
		if p, ok := bySlug[kind][ref.Slug]; ok {
			if from.Audience == content.External && p.Audience != content.External {
				out.Warnf(from.File, ref.Line, ref.Col, "audience", "%s names %q (%s), which is internal: an external build (--audience external) will fail until it is external too", field, ref.Slug, p.File)
			}
			return p
		}
		if cp, ok := loaded[kind+"/"+ref.Slug]; ok {
			// A draft just drops out of the lists that name it; an
			// internal page named by an external one is a leak to report.
			if s.excluded(cp) == "internal" {
				out.Errorf(from.File, ref.Line, ref.Col, "audience", "%s names %q (%s), which is internal and left out of external builds: mark it audience = \"external\" or remove it from %s",
					field, ref.Slug, cp.File, field)
			}
			return nil
		}
		slugs := make([]string, 0, len(bySlug[kind]))
		for slug := range bySlug[kind] {
			slugs = append(slugs, slug)
		}
		sort.Strings(slugs)
		out.Errorf(from.File, ref.Line, ref.Col, "relation", "%s names %q, but there is no %s page with that file name%s",
			field, ref.Slug, kind, diag.DidYouMean(ref.Slug, slugs))
		return nil
	}
	var es []edge
	each := func(refs []content.Ref, field, kind string, fwd func() *[]*Page, back func(t *Page) *[]*Page) {
		for _, ref := range refs {
			if t := resolve(field, kind, ref); t != nil {
				var f *[]*Page
				if fwd != nil {
					f = fwd()
				}
				es = append(es, edge{target: t, fwd: f, back: back(t)})
			}
		}
	}
	switch p := from; {
	case p.Objection != nil:
		each(p.Objection.ClosingTools, "closing_tools", content.KindClosingTool, func() *[]*Page { return &p.ClosingTools }, func(t *Page) *[]*Page { return &t.Objections })
		each(p.Objection.Personas, "personas", content.KindPersona, func() *[]*Page { return &p.Personas }, func(t *Page) *[]*Page { return &t.Objections })
	case p.ClosingTool != nil:
		each(p.ClosingTool.Answers, "answers", content.KindObjection, func() *[]*Page { return &p.Objections }, func(t *Page) *[]*Page { return &t.ClosingTools })
	case p.Play != nil:
		each([]content.Ref{p.Play.Persona}, "persona", content.KindPersona, nil, func(t *Page) *[]*Page { return &t.Plays })
		each(p.Play.Objections, "objections", content.KindObjection, func() *[]*Page { return &p.Objections }, func(t *Page) *[]*Page { return &t.Plays })
		each(p.Play.ClosingTools, "closing_tools", content.KindClosingTool, func() *[]*Page { return &p.ClosingTools }, func(t *Page) *[]*Page { return &t.Plays })
	}
	return es
}

// sortRelations puts the lists that gather pages from both directions in
// navigation order; a play's own lists keep the order the play gives.
func (p *Page) sortRelations() {
	if p.Play == nil {
		sortPages(p.Objections)
		sortPages(p.ClosingTools)
	}
	sortPages(p.Personas)
	sortPages(p.Plays)
}

// relatedKind reports whether relations name pages of kind by slug.
func relatedKind(kind string) bool {
	switch kind {
	case content.KindObjection, content.KindClosingTool, content.KindPersona, content.KindPlay:
		return true
	}
	return false
}

func sortedPages(all map[string]*content.Page) []*content.Page {
	out := make([]*content.Page, 0, len(all))
	for _, p := range all {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].File < out[j].File })
	return out
}
