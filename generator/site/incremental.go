package site

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"slices"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// ErrNeedFull says an edit may change more than one page, so the site must
// be linked again from scratch.
var ErrNeedFull = errors.New("the change needs a full rebuild")

// UpdateBody applies an edit that changed only the markdown body of a
// published page (its front matter is byte for byte the same): the body is
// parsed, its links resolved and checked, and the page's HTML replaced. No
// other page's output can depend on a body, with two exceptions that return
// ErrNeedFull: heading IDs that another page links to changed, or the set
// of files the page uses (which decides what is published) changed.
//
// On an error the site is left half-updated and must not be used again.
func (s *Site) UpdateBody(cp *content.Page) (*Page, diag.List, error) {
	p := s.resolver.published[cp.Rel]
	if p == nil || p.File != cp.File || !bytes.Equal(p.FrontMatter(), cp.FrontMatter()) {
		return nil, nil, ErrNeedFull
	}
	doc := s.md.Parse(cp.Body)
	if !sameIDs(p.headings, doc) && s.linkedWithAnchor(cp.Rel) {
		return nil, nil, ErrNeedFull
	}
	oldUsed := slices.Clone(p.used)
	p.Page = cp
	s.resolver.all[cp.Rel] = cp
	p.headings = withTitle(p, doc.Headings)
	var diags diag.List
	used := s.renderBody(p, doc, &diags)
	p.diags = diags
	slices.Sort(used)
	slices.Sort(oldUsed)
	if !slices.Equal(slices.Compact(used), slices.Compact(oldUsed)) {
		return nil, nil, ErrNeedFull
	}
	diags = s.Options.adjust(diags)
	diags.Sort()
	return p, diags, nil
}

// sameIDs reports whether a page keeps the same heading IDs.
func sameIDs(old []markdown.Heading, doc *markdown.Doc) bool {
	if len(old) != len(doc.Headings) {
		return false
	}
	for i := range old {
		if old[i].ID != doc.Headings[i].ID {
			return false
		}
	}
	return true
}

// linkedWithAnchor reports whether any page links to a heading of rel.
func (s *Site) linkedWithAnchor(rel string) bool {
	for _, q := range s.Pages {
		for _, a := range q.anchors {
			if a.target == rel {
				return true
			}
		}
		for _, a := range q.inlineAnchors {
			if a.target == rel {
				return true
			}
		}
	}
	return false
}

// PageByRel returns the published page of a file under content/, or nil.
func (s *Site) PageByRel(rel string) *Page {
	if s.resolver == nil {
		return nil
	}
	return s.resolver.published[rel]
}

// LinkedWithAnchor reports whether any page links to a heading of the page
// at rel (under content/).
func (s *Site) LinkedWithAnchor(rel string) bool { return s.linkedWithAnchor(rel) }

// Signatures fingerprints, for every page, everything its template can
// show: its own file, and the front matter of the pages around it (the
// sections above it, previous and next, the sidebar, the pages it lists,
// the pages those list in turn). A page whose fingerprint is unchanged
// after an edit renders the same and need not be rendered again. The home
// and 404 pages, which show lists of everything, are always re-rendered.
func (s *Site) Signatures() map[string][32]byte {
	fm := make(map[*Page][32]byte, len(s.Pages))
	for _, p := range s.Pages {
		fm[p] = fmHash(p)
	}
	out := make(map[string][32]byte, len(s.Pages))
	for _, p := range s.Pages {
		h := sha256.New()
		add := func(q *Page) {
			if q == nil {
				h.Write([]byte{0})
				return
			}
			f := fm[q]
			h.Write([]byte(q.URL))
			h.Write(f[:])
		}
		h.Write(p.Source)
		h.Write(s.glossaryKey[:]) // term links and tooltips in the body
		add(p)
		for _, c := range p.Crumbs() {
			add(c)
		}
		add(p.Prev)
		add(p.Next)
		for _, sec := range s.Sections {
			add(sec)
			if p.InSection(sec) {
				items := p.NavItems(sec)
				for _, q := range items.Pages {
					add(q)
				}
				fmt.Fprint(h, items.More)
			}
		}
		for _, list := range [][]*Page{p.Children, p.ClosingTools, p.Objections, p.Personas, p.Plays} {
			fmt.Fprint(h, len(list))
			for _, q := range list {
				add(q)
				for _, r := range q.ClosingTools { // a play lists its objections' tools
					add(r)
				}
			}
		}
		add(p.PersonaPage)
		var sum [32]byte
		copy(sum[:], h.Sum(nil))
		out[p.URL] = sum
	}
	return out
}

// fmHash fingerprints what other pages can show of p: its front matter
// (or, for a section without a file, its title and description).
func fmHash(p *Page) [32]byte {
	if p.File == "" {
		return sha256.Sum256([]byte(p.Title + "\x00" + p.Description))
	}
	return sha256.Sum256(p.FrontMatter())
}
