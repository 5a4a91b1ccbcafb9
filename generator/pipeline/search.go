package pipeline

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/pagetext"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/generator/site"
)

// addSearch adds the search index and the search page to a generated
// site. Both live under /search/, which content may not use (see paths).
func addSearch(out *Site, s *site.Site, r *render.Renderer, docs []*search.Doc) error {
	// docs is by page, in the order of s.Pages, nil for pages left out.
	out.searchDocs = make([]search.Doc, 0, len(docs))
	out.searchAt = make(map[string]int, len(docs))
	for i, d := range docs {
		if d != nil {
			out.searchAt[s.Pages[i].URL] = len(out.searchDocs)
			out.searchDocs = append(out.searchDocs, *d)
		}
	}
	files, err := search.Build(out.searchDocs, searchOptions(s))
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	page, err := r.Search()
	if err != nil {
		return err
	}
	files["search/index.html"] = page
	for name, b := range files {
		if name == "search/meta.json" || name == "search/index.html" {
			out.Files[name] = b // read again for the offline files
		} else {
			out.put(name, b)
		}
	}
	return nil
}

func searchable(p *site.Page) bool { return p.Kind != content.KindHome && !p.Draft }

func searchOptions(s *site.Site) search.Options {
	return search.Options{Language: s.Config.Language, Synonyms: synonyms(s)}
}

// updateSearchDocs replaces the index documents of the pages rendered
// again by an update (the rest are shared with the previous site) and
// marks the index for RefreshSearch. An update never adds or removes
// pages, so the set of documents stays the same.
func (s *Site) updateSearchDocs(prev *Site, pages []*site.Page) {
	s.searchAt = prev.searchAt
	s.searchDocs = slices.Clone(prev.searchDocs)
	for _, p := range pages {
		if i, ok := s.searchAt[p.URL]; ok && searchable(p) {
			s.searchDocs[i] = searchDoc(p, s.md)
		}
	}
	s.searchStale = true
}

// RefreshSearch rebuilds the search index after updates and returns the
// names of the files that changed or went away. Update leaves the index
// as it was so that a page shows at once; the live preview calls this
// right after publishing the page.
func (s *Site) RefreshSearch() ([]string, error) {
	if !s.searchStale {
		return nil, nil
	}
	files, err := search.Build(s.searchDocs, searchOptions(s.Model))
	if err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	var changed []string
	for name := range s.Files {
		if strings.HasPrefix(name, "search/") && name != "search/index.html" {
			if _, ok := files[name]; !ok {
				delete(s.Files, name)
				changed = append(changed, name)
			}
		}
	}
	for name, b := range files {
		if !bytes.Equal(s.Files[name], b) {
			s.Files[name] = b
			changed = append(changed, name)
		}
	}
	s.searchStale = false
	// The offline files follow the pages and the index they describe.
	before := map[string][]byte{}
	for _, name := range offlineFiles {
		before[name] = s.Files[name]
	}
	if err := s.writeOffline(); err != nil {
		return nil, err
	}
	for _, name := range offlineFiles {
		if !bytes.Equal(before[name], s.Files[name]) {
			changed = append(changed, name)
		}
	}
	slices.Sort(changed)
	return changed, nil
}

// searchDoc is a page as the index sees it. What the customer says (an
// objection's says and also_heard) and a term's aliases are its phrases,
// which weigh most after the title, and its names, which a query typed
// word for word puts first. Other front matter texts lead the first
// section as sentences, so that excerpts read properly; an objection's
// proof and the phrases to avoid come last, since a rep searching the
// customer's words should not land on what not to say.
func searchDoc(p *site.Page, md *markdown.Renderer) search.Doc {
	var intro, phrases, names []string
	var tail []search.Section
	plain := func(texts []string) []string {
		var out []string
		for _, t := range texts {
			if t = strings.TrimSpace(md.PlainText(t)); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	add := func(texts ...string) {
		for _, t := range plain(texts) {
			intro = append(intro, sentence(t))
		}
	}
	list := func(heading string, texts []string) {
		if t := plain(texts); len(t) > 0 {
			tail = append(tail, search.Section{Heading: heading, Text: pagetext.JoinList(t)})
		}
	}
	add(p.Description)
	facets := map[string][]string{"kind": {p.Kind}}
	switch {
	case p.Objection != nil:
		o := p.Objection
		phrases = plain(append([]string{o.Says}, o.AlsoHeard...))
		// Its category names it too: a rep typing "competitor" or
		// "timing" wants the objections of that kind first.
		names = append(slices.Clone(phrases), o.Category)
		list("Proof points", o.Proof)
		list("Don't say", o.Avoid)
		facets["category"] = []string{o.Category}
		facets["stage"] = o.Stages
		for _, per := range p.Personas {
			facets["persona"] = append(facets["persona"], per.Title)
		}
	case p.ClosingTool != nil:
		t := p.ClosingTool
		add(t.When, t.Value, t.Cost, t.Approver)
	case p.Term != nil:
		t := p.Term
		phrases = plain(t.Aliases)
		names = phrases
		add(t.Marketing, t.Sales, t.Agreed)
	case p.Persona != nil:
		pe := p.Persona
		add(pe.Role, pe.Segment)
		for _, list := range [][]string{pe.Goals, pe.Pains, pe.Value, pe.Proof} {
			add(list...)
		}
		facets["persona"] = []string{p.Title}
	case p.Play != nil:
		add(p.Play.Goal)
		add(p.Play.Questions...)
		facets["stage"] = []string{p.Play.Stage}
		if p.PersonaPage != nil {
			facets["persona"] = []string{p.PersonaPage.Title}
		}
	case p.Brand != nil:
		add(p.Brand.Do...)
		add(p.Brand.Dont...)
	}
	facets["owners"] = p.OwnerNames()
	facets["tags"] = p.Tags
	for name, values := range facets {
		if len(values) == 0 {
			delete(facets, name)
		}
	}

	doc := search.Doc{URL: p.Permalink(), Title: p.Title, Kind: p.Kind, Facets: facets, Phrases: phrases, Names: names}
	text := p.Text()
	first := strings.Join(intro, " ")
	if len(text) > 0 && text[0].ID == "" {
		first = strings.TrimSpace(first + " " + text[0].Text)
		text = text[1:]
	}
	doc.Sections = append(doc.Sections, search.Section{Text: first})
	for _, sec := range text {
		doc.Sections = append(doc.Sections, search.Section{Anchor: sec.ID, Heading: sec.Heading, Text: sec.Text})
	}
	doc.Sections = append(doc.Sections, tail...)
	return doc
}

// sentence ends a front matter text with a full stop unless it ends with
// punctuation already, so that texts joined in one excerpt read apart.
func sentence(t string) string {
	r, _ := utf8.DecodeLastRuneInString(t)
	if unicode.IsPunct(r) {
		return t
	}
	return t + "."
}

// synonyms are the configured groups, the built-in list for the site's
// language (unless turned off, less the groups dropped) and each glossary
// term with its aliases: both functions' words for one thing find it.
func synonyms(s *site.Site) [][]string {
	cfg := s.Config.Search
	groups := append([][]string(nil), cfg.Synonyms...)
	if cfg.BuiltinSynonyms == nil || *cfg.BuiltinSynonyms {
		drop := map[string]bool{}
		for _, w := range cfg.DropSynonyms {
			drop[pagetext.Fold(w)] = true
		}
		for _, g := range search.BuiltinSynonyms(s.Config.Language) {
			if !slices.ContainsFunc(g, func(w string) bool { return drop[pagetext.Fold(w)] }) {
				groups = append(groups, g)
			}
		}
	}
	for _, p := range s.Pages {
		if p.Term != nil && len(p.Term.Aliases) > 0 && !p.Draft {
			groups = append(groups, append([]string{p.Title}, p.Term.Aliases...))
		}
	}
	return groups
}
