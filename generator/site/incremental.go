package site

import (
	"bytes"
	"errors"
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
	if p == nil || p.File != cp.File || !bytes.Equal(frontMatter(p.Page), frontMatter(cp)) {
		return nil, nil, ErrNeedFull
	}
	doc := s.md.Parse(cp.Body)
	if !sameIDs(p.headings, doc) && s.linkedWithAnchor(cp.Rel) {
		return nil, nil, ErrNeedFull
	}
	oldUsed := slices.Clone(p.used)
	p.Page = cp
	s.resolver.all[cp.Rel] = cp
	p.headings = doc.Headings
	var diags diag.List
	used := s.renderBody(p, doc, &diags)
	slices.Sort(used)
	slices.Sort(oldUsed)
	if !slices.Equal(slices.Compact(used), slices.Compact(oldUsed)) {
		return nil, nil, ErrNeedFull
	}
	diags.Sort()
	return p, diags, nil
}

// frontMatter is the part of a page's file before its body.
func frontMatter(p *content.Page) []byte {
	return p.Source[:len(p.Source)-len(p.Body)]
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
	}
	return false
}
