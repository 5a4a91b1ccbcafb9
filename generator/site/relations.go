package site

import (
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// linkRelations resolves slugs named in front matter to pages and fills in
// the reverse direction, so each closing tool lists the objections that
// name it and each persona the objections and plays about it.
func (s *Site) linkRelations(diags *diag.List, all map[string]*content.Page) {
	bySlug := map[string]map[string]*Page{}
	for _, p := range s.Pages {
		if p.IsSection {
			continue
		}
		if bySlug[p.Kind] == nil {
			bySlug[p.Kind] = map[string]*Page{}
		}
		bySlug[p.Kind][p.Slug] = p
	}
	// Slugs of every loaded page, including left-out ones, to explain why
	// a relation cannot be resolved.
	loaded := map[string]*content.Page{}
	for _, cp := range all {
		if !cp.IsSection {
			loaded[cp.Kind+"/"+cp.Slug] = cp
		}
	}
	resolve := func(from *Page, field, kind string, ref content.Ref) *Page {
		if ref.Slug == "" {
			return nil
		}
		if p, ok := bySlug[kind][ref.Slug]; ok {
			return p
		}
		if cp, ok := loaded[kind+"/"+ref.Slug]; ok {
			diags.Errorf(from.File, ref.Line, 0, "relation", "%s names %q (%s), which is %s and left out of this build: %s",
				field, ref.Slug, cp.File, s.excluded(cp), leftOutHint(s.excluded(cp)))
			return nil
		}
		var slugs []string
		for slug := range bySlug[kind] {
			slugs = append(slugs, slug)
		}
		diags.Errorf(from.File, ref.Line, 0, "relation", "%s names %q, but there is no %s page with that name%s",
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
		if p.Play == nil {
			sortPages(p.Objections)
			sortPages(p.ClosingTools)
		}
		sortPages(p.Personas)
		sortPages(p.Plays)
	}
}

func leftOutHint(reason string) string {
	if reason == "draft" {
		return "publish it (remove draft = true) or build with --drafts"
	}
	return strings.TrimSpace("mark it audience = \"external\" or remove the reference")
}
