package site

import (
	"strconv"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Listing is one page of a section's list of cards. A section with more
// children than menu.per_page continues at <section>/page/2/ and so on, so
// a phone never loads thousands of cards and an edit to one page re-renders
// one list page, not the whole section.
type Listing struct {
	Items     []*Page
	Number    int    // 1-based
	Total     int    // how many list pages the section has
	URL       string // site-relative; page 1 is the section's own URL
	Permalink string // URL under the site base path
	Prev      string // permalink of the previous list page, or ""
	Next      string // permalink of the next list page, or ""
}

// Listings splits a section's children into list pages; a page that is
// not a section has none.
func (p *Page) Listings() []Listing {
	if !p.IsSection || p.Kind == content.KindHome {
		return nil
	}
	per := p.Site.Config.Menu.PerPage
	if per < 1 {
		per = len(p.Children) + 1
	}
	total := max(1, (len(p.Children)+per-1)/per)
	out := make([]Listing, total)
	for i := range out {
		l := &out[i]
		l.Number, l.Total = i+1, total
		from, to := min(i*per, len(p.Children)), min((i+1)*per, len(p.Children))
		l.Items = p.Children[from:to:to]
		l.URL = p.ListingURL(i + 1)
		l.Permalink = p.Site.BasePath + strings.TrimPrefix(l.URL, "/")
	}
	for i := range out {
		if i > 0 {
			out[i].Prev = out[i-1].Permalink
		}
		if i+1 < total {
			out[i].Next = out[i+1].Permalink
		}
	}
	return out
}

// ListingURL is the site-relative URL of list page n (1-based) of a section.
func (p *Page) ListingURL(n int) string {
	if n <= 1 {
		return p.URL
	}
	return p.URL + "page/" + strconv.Itoa(n) + "/"
}

// checkListings reports a page whose URL is also a section's list page,
// such as content/objections/page/2.md beside 120 objections.
func (s *Site) checkListings(diags *diag.List) {
	for _, sec := range s.Pages {
		ls := sec.Listings()
		for _, l := range ls[min(1, len(ls)):] {
			if clash := s.byURL[l.URL]; clash != nil {
				file := clash.File
				if file == "" {
					file = content.Dir + "/" + clash.Dir + "/"
				}
				diags.Errorf(file, 1, 1, "duplicate-url", "page URL %s is also page %d of the list of %s: rename or move it (list pages are numbered under page/)", l.URL, l.Number, sec.Title)
			}
		}
	}
}
