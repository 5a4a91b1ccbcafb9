package content

import (
	"slices"
	"sort"
	"strings"
)

// Cascade passes owners, review_every and audience from each section page
// down to the pages and sections below it, as a default: the nearest
// section that sets a field wins, and a page's own value wins over any.
// A section page passes on its own owners and review_every, and what its
// cascade table says; audience only from the cascade table (or internal,
// from a section marked internal), because a section page is often marked
// external only so that it shows in a public build, which must not make
// the pages below it public.
// Load calls it; call it again only on a set whose section pages changed.
func (s *Set) Cascade() {
	byDir := s.sections()
	var sections []*Page
	for _, p := range byDir {
		sections = append(sections, p)
	}
	// Shallow sections first, so each passes on what it was given too.
	sort.Slice(sections, func(i, j int) bool {
		if di, dj := depth(sections[i].Dir), depth(sections[j].Dir); di != dj {
			return di < dj
		}
		return sections[i].Dir < sections[j].Dir
	})
	for _, sec := range sections {
		inherit(sec, byDir)
	}
	for _, p := range s.Pages {
		if !p.IsSection {
			inherit(p, byDir)
		}
	}
}

// sections maps each folder to its section page.
func (s *Set) sections() map[string]*Page {
	out := map[string]*Page{}
	for _, p := range s.Pages {
		if p.IsSection {
			out[p.Dir] = p
		}
	}
	return out
}

func depth(dir string) int {
	if dir == "" {
		return 0
	}
	return strings.Count(dir, "/") + 1
}

// inherit gives p what the nearest section above it passes down, and a
// section page passes on what it does not set itself.
func inherit(p *Page, sections map[string]*Page) {
	from := sectionAbove(p, sections)
	if from == nil {
		return
	}
	d := from.down
	if !p.own.owners && d.set.owners {
		p.Owners = slices.Clone(d.owners)
	}
	if !p.own.reviewEvery && d.set.reviewEvery {
		p.ReviewEvery = d.reviewEvery
	}
	if !p.own.audience && d.set.audience {
		p.Audience = d.audience
	}
	if !p.IsSection {
		return
	}
	if !p.down.set.owners && d.set.owners {
		p.down.owners, p.down.set.owners = d.owners, true
	}
	if !p.down.set.reviewEvery && d.set.reviewEvery {
		p.down.reviewEvery, p.down.set.reviewEvery = d.reviewEvery, true
	}
	if !p.down.set.audience && d.set.audience {
		p.down.audience, p.down.set.audience = d.audience, true
	}
}

// sectionAbove returns the section page of p's folder, or of the nearest
// folder above it that has one; for a section page, the one above its own.
func sectionAbove(p *Page, sections map[string]*Page) *Page {
	dir := p.Dir
	if p.IsSection {
		if dir == "" {
			return nil
		}
		dir = relDir(dir)
	}
	for {
		if q := sections[dir]; q != nil && q != p {
			return q
		}
		if dir == "" {
			return nil
		}
		dir = relDir(dir)
	}
}

// SameCascade reports whether two versions of a section page pass the
// same values down, so that the pages below it are unaffected by the edit.
func SameCascade(a, b *Page) bool {
	x, y := a.down, b.down
	return x.set == y.set && slices.Equal(x.owners, y.owners) && x.reviewEvery == y.reviewEvery && x.audience == y.audience
}
