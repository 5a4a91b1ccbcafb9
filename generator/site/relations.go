package site

import (
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
	bySlug, loaded := s.relations.bySlug, s.relations.loaded
	for _, p := range s.Pages {
		p.relDiags = nil
	}
	defer func() {
		for _, p := range s.Pages {
			*diags = append(*diags, p.relDiags...)
		}
	}()
	resolve := func(from *Page, field, kind string, ref content.Ref) *Page {
		out := &from.relDiags // kept with the page, for updates that keep its relations
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
	add := func(list *[]*Page, p *Page) {
		for _, q := range *list {
			if q == p {
				return
			}
		}
		*list = append(*list, p)
	}

	for _, p := range s.Pages {
		switch {
		case p.Objection != nil:
			for _, ref := range p.Objection.ClosingTools {
				if t := resolve(p, "closing_tools", content.KindClosingTool, ref); t != nil {
					add(&p.ClosingTools, t)
					add(&t.Objections, p)
				}
			}
			for _, ref := range p.Objection.Personas {
				if per := resolve(p, "personas", content.KindPersona, ref); per != nil {
					add(&p.Personas, per)
					add(&per.Objections, p)
				}
			}
		case p.ClosingTool != nil:
			for _, ref := range p.ClosingTool.Answers {
				if o := resolve(p, "answers", content.KindObjection, ref); o != nil {
					add(&p.Objections, o)
					add(&o.ClosingTools, p)
				}
			}
		case p.Play != nil:
			if per := resolve(p, "persona", content.KindPersona, p.Play.Persona); per != nil {
				p.PersonaPage = per
				add(&per.Plays, p)
			}
			for _, ref := range p.Play.Objections {
				if o := resolve(p, "objections", content.KindObjection, ref); o != nil {
					add(&p.Objections, o)
					add(&o.Plays, p)
				}
			}
			for _, ref := range p.Play.ClosingTools {
				if t := resolve(p, "closing_tools", content.KindClosingTool, ref); t != nil {
					add(&p.ClosingTools, t)
					add(&t.Plays, p)
				}
			}
		}
	}
	// Reverse lists arrive in page order; present them in navigation order.
	for _, p := range s.Pages {
		p.sortRelations()
	}
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
