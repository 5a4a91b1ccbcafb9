package site

import (
	"crypto/sha256"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// buildGlossary collects the published terms whose mentions pages link
// to (so an internal or draft term is never linked from an external
// build), and fingerprints them. It returns nil when [glossary] links is
// off or there are no terms.
func (s *Site) buildGlossary() (*markdown.Glossary, [32]byte) {
	if !s.Config.Glossary.LinksOn() {
		return nil, [32]byte{}
	}
	var terms []markdown.Term
	h := sha256.New()
	for _, p := range s.Pages { // sorted by URL: the first of two terms sharing a name keeps it
		if p.Term == nil {
			continue
		}
		t := markdown.Term{URL: p.Permalink(), Title: p.Title, Aliases: p.Term.Aliases, Definition: s.definition(p.Page)}
		terms = append(terms, t)
		h.Write([]byte(t.URL + "\x00" + strings.Join(s.termOf(p.Page), "\x00") + "\x01"))
	}
	if len(terms) == 0 {
		return nil, [32]byte{}
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	return markdown.NewGlossary(terms), key
}

// definition is the text of a term's tooltip: its agreed definition
// without markdown, or its description.
func (s *Site) definition(p *content.Page) string {
	if d := s.md.PlainText(p.Term.Agreed); d != "" {
		return d
	}
	return p.Description
}

// termOf lists what other pages show of a term page (nil for any other
// page): a change to it changes every page that mentions the term.
func (s *Site) termOf(p *content.Page) []string {
	if p.Term == nil {
		return nil
	}
	return append([]string{p.Title, s.definition(p)}, p.Term.Aliases...)
}
