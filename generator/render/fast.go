package render

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/playbook-ssg/playbook/generator/site"
)

// The partials every page runs many times over (the sidebar, a card per
// listed page) are written in Go rather than executed: html/template finds
// each field and method by reflection, which made them about half of a
// page's template time. The theme's files stay the reference: when a
// playbook has its own copy of such a partial, that copy is executed as
// before, and tests check the Go output against the theme's template for
// every page of the sample playbook.
//
// fastPartials maps a partial to the template function that replaces it.
var fastPartials = map[string]string{
	"nav.html":  "sidebar",
	"card.html": "card",
}

// useFastPartials replaces the theme's partials that have a Go version in
// t, unless the playbook overrides them.
func (r *Renderer) useFastPartials(t *template.Template) error {
	for name, fn := range fastPartials {
		if r.own("layouts/partials/" + name) {
			continue
		}
		if _, err := t.New(name).Parse("{{" + fn + " .}}"); err != nil {
			return fmt.Errorf("replacing %s: %w", name, err)
		}
	}
	return nil
}

// own reports whether the playbook's layouts has the file.
func (r *Renderer) own(name string) bool {
	f, err := r.layers[0].Open(name)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// navEntry is a section's sidebar entry when the page is outside it,
// written once per renderer; title and url are what it was written from,
// so that an entry whose page changed since (a live edit) is written anew.
type navEntry struct {
	title, url string
	html       string
}

// navEntries writes the closed sidebar entry of each top-level section.
func navEntries(s *site.Site) []navEntry {
	out := make([]navEntry, len(s.Sections))
	for i, sec := range s.Sections {
		var b strings.Builder
		writeNavSection(&b, sec, false, false)
		out[i] = navEntry{title: sec.Title, url: sec.URL, html: b.String()}
	}
	return out
}

// sidebar is partials/nav.html: the site's sections, the current page's
// open with its pages.
func (r *Renderer) sidebar(data any) (template.HTML, error) {
	var v view
	switch x := data.(type) {
	case view:
		v = x
	case *view:
		v = *x
	default:
		return "", fmt.Errorf("sidebar: want the page's view, got %T", data)
	}
	s := r.site
	cur := v.Page
	var b strings.Builder
	b.Grow(1024 + 256*len(s.Sections))
	b.WriteString("<nav id=\"pb-site-nav\" class=\"sidebar\" aria-label=\"Playbook sections\">\n  <ul class=\"nav-list\">\n    <li><a href=\"")
	writeURL(&b, s.BasePath)
	b.WriteByte('"')
	if cur.Kind == "home" && !v.Standalone() {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteString(">Home</a></li>")
	for i, sec := range s.Sections {
		open := cur.InSection(sec)
		current := cur.URL == sec.URL
		if !open && !current && i < len(r.nav) && r.nav[i].title == sec.Title && r.nav[i].url == sec.URL {
			b.WriteString(r.nav[i].html)
			continue
		}
		writeNavSection(&b, sec, open, current)
		if open {
			items := cur.NavItems(sec)
			b.WriteString("\n      <ul>")
			for _, p := range items.Pages {
				b.WriteString("\n        <li><a href=\"")
				writeURL(&b, p.Permalink())
				b.WriteByte('"')
				if cur.URL == p.URL {
					b.WriteString(` aria-current="page"`)
				}
				b.WriteByte('>')
				writeText(&b, p.Title)
				b.WriteString("</a></li>")
			}
			if items.More != 0 {
				b.WriteString("\n        <li class=\"nav-more\"><a href=\"")
				writeURL(&b, sec.Permalink())
				b.WriteString("\">")
				b.WriteString(strconv.Itoa(items.More))
				b.WriteString(" more in ")
				writeText(&b, sec.Title)
				b.WriteString("</a></li>")
			}
			b.WriteString("\n      </ul>")
		}
		b.WriteString("\n    </li>")
	}
	b.WriteString("\n  </ul>\n</nav>\n")
	return template.HTML(b.String()), nil
}

// writeNavSection writes a section's sidebar entry up to its list of
// pages; a closed entry is written whole.
func writeNavSection(b *strings.Builder, sec *site.Page, open, current bool) {
	b.WriteString("\n    <li class=\"nav-section")
	if open {
		b.WriteString(" is-open")
	}
	b.WriteString("\">\n      <a href=\"")
	writeURL(b, sec.Permalink())
	b.WriteByte('"')
	if current {
		b.WriteString(` aria-current="page"`)
	}
	b.WriteByte('>')
	writeText(b, sec.Title)
	b.WriteString("</a>")
	if !open {
		b.WriteString("\n    </li>")
	}
}

// card is partials/card.html: a page in a list of cards.
func (r *Renderer) card(data any) (template.HTML, error) {
	p := pageOf(data)
	if p == nil {
		return "", fmt.Errorf("card: want a page, got %T", data)
	}
	var b strings.Builder
	b.Grow(512)
	b.WriteString(`<li class="card card--`)
	writeText(&b, p.Kind)
	if o := p.Objection; o != nil {
		b.WriteString(" card--cat-")
		writeText(&b, o.Category)
	}
	b.WriteString(`" data-pb-page="`)
	link := p.Permalink()
	writeText(&b, link)
	b.WriteString("\">\n  <a class=\"card__link\" href=\"")
	writeURL(&b, link)
	b.WriteString("\">\n    <span class=\"card__kind\">")
	if p.IsSection {
		b.WriteString("Section")
	} else {
		writeText(&b, kindName(p.Kind))
	}
	if o := p.Objection; o != nil {
		b.WriteString(" · ")
		writeText(&b, titleCase(o.Category))
	}
	if pl := p.Play; pl != nil {
		b.WriteString(" · ")
		writeText(&b, titleCase(pl.Stage))
	}
	b.WriteString("</span>\n    <span class=\"card__title\">")
	writeText(&b, p.Title)
	b.WriteString("</span>")
	if o := p.Objection; o != nil {
		b.WriteString("<span class=\"card__says\">“")
		writeText(&b, o.Says)
		b.WriteString("”</span>")
	} else if p.Description != "" {
		b.WriteString("<span class=\"card__desc\">")
		writeText(&b, p.Description)
		b.WriteString("</span>")
	}
	b.WriteString("\n  </a>\n</li>\n")
	return template.HTML(b.String()), nil
}
