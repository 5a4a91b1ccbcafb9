package site

// NavLimit caps how many pages a section lists in the sidebar: a rep
// scanning on a phone needs the top entries, and the section page lists
// the rest. It also keeps every page's size independent of section size.
const NavLimit = 12

// NavItems is the sidebar entry list for one section.
type NavItems struct {
	Pages []*Page
	More  int // pages not listed
}

// NavItems returns the first NavLimit children of sec by weight, plus p
// (or its ancestor in sec) when it would otherwise be hidden.
func (p *Page) NavItems(sec *Page) NavItems {
	kids := sec.Children
	if len(kids) <= NavLimit {
		return NavItems{Pages: kids}
	}
	items := NavItems{Pages: kids[:NavLimit:NavLimit], More: len(kids) - NavLimit}
	for q := p; q != nil && q.Parent != nil; q = q.Parent {
		if q.Parent == sec {
			for _, k := range items.Pages {
				if k == q {
					return items
				}
			}
			items.Pages = append(items.Pages, q)
			items.More--
			break
		}
	}
	return items
}
