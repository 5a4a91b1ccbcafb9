package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
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
// fastPartials maps a partial to the template function that replaces it
// and the start of the SHA-256 of the theme file it was written from. A
// theme whose file differs (another theme, or an edit to this one) keeps
// its template; TestFastPartialSums says when the sums need updating,
// and TestFastPartials that the Go output matches the edited file.
var fastPartials = map[string]struct{ fn, sum string }{
	"nav.html":         {"sidebar", "70ce1b5d68e4710c"},
	"card.html":        {"card", "826493fe8162db53"},
	"breadcrumbs.html": {"breadcrumbs", "37bbb5436e55e8c5"},
	"pager.html":       {"pager", "3367da9dc7973903"},
	"page-header.html": {"pageHeader", "804b85013be565f7"},
	"toc.html":         {"toc", "ff675bacdbca3a74"},
	"trust.html":       {"trust", "f9722c9204d18a0b"},
	"meta.html":        {"meta", "9954b3733716a563"},
	"head.html":        {"head", "01941af7620eff27"},
	"search-box.html":  {"searchBox", "4404458d6fddff7b"},
	"lead.html":        {"leadBox", "d46e3fac79a6b6ea"},
	"feedback.html":    {"feedbackLinks", "0103a42e95d02398"},
}

// useFastPartials replaces in t the partials that have a Go version,
// unless the playbook has its own or the theme's file is not the one the
// Go version was written from.
func (r *Renderer) useFastPartials(t *template.Template) error {
	funcs := r.funcs()
	r.fastFuncs = map[string]func(any) (template.HTML, error){}
	for name, fp := range fastPartials {
		file := "layouts/partials/" + name
		if r.own(file) || partialSum(r.layers[1], file) != fp.sum {
			continue
		}
		if _, err := t.New(name).Parse("{{" + fp.fn + " .}}"); err != nil {
			return fmt.Errorf("replacing %s: %w", name, err)
		}
		fn, ok := funcs[fp.fn].(func(any) (template.HTML, error))
		if !ok {
			return fmt.Errorf("replacing %s: %s is not a partial function", name, fp.fn)
		}
		r.fastFuncs[name] = fn
	}
	return nil
}

// partialSum is the start of the hex SHA-256 of a theme file, "" when it
// cannot be read.
func partialSum(fsys fs.FS, name string) string {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:8])
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

// partialPage is the page behind a partial's data, or an error naming the
// partial.
func partialPage(name string, data any) (*site.Page, error) {
	if p := pageOf(data); p != nil {
		return p, nil
	}
	return nil, fmt.Errorf("%s: want a page, got %T", name, data)
}

// breadcrumbs is partials/breadcrumbs.html: the sections above the page.
func (r *Renderer) breadcrumbs(data any) (template.HTML, error) {
	p, err := partialPage("breadcrumbs", data)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(512)
	b.WriteString("<nav class=\"breadcrumbs\" aria-label=\"Breadcrumb\">\n  <ol>")
	for _, c := range p.Crumbs() {
		b.WriteString("\n    <li><a href=\"")
		writeURL(&b, c.Permalink())
		b.WriteString("\">")
		if c.Kind == "home" {
			b.WriteString("Home")
		} else {
			writeText(&b, c.Title)
		}
		b.WriteString("</a></li>")
	}
	b.WriteString("\n    <li><span aria-current=\"page\">")
	writeText(&b, p.Title)
	b.WriteString("</span></li>\n  </ol>\n</nav>\n")
	return template.HTML(b.String()), nil
}

// pager is partials/pager.html: the previous and next pages.
func (r *Renderer) pager(data any) (template.HTML, error) {
	p, err := partialPage("pager", data)
	if err != nil {
		return "", err
	}
	if p.Prev == nil && p.Next == nil {
		return "\n", nil
	}
	var b strings.Builder
	b.Grow(512)
	b.WriteString("\n<nav class=\"pager\" aria-label=\"Previous and next pages\">")
	if q := p.Prev; q != nil {
		b.WriteString(`<a class="pager__prev" href="`)
		writeURL(&b, q.Permalink())
		b.WriteString(`" rel="prev"><span class="pager__label">Previous</span><span class="pager__title">`)
		writeText(&b, q.Title)
		b.WriteString("</span></a>")
	}
	if q := p.Next; q != nil {
		b.WriteString(`<a class="pager__next" href="`)
		writeURL(&b, q.Permalink())
		b.WriteString(`" rel="next"><span class="pager__label">Next</span><span class="pager__title">`)
		writeText(&b, q.Title)
		b.WriteString("</span></a>")
	}
	b.WriteString("\n</nav>\n")
	return template.HTML(b.String()), nil
}

// pageHeader is partials/page-header.html: kind, tags, title and lede.
func (r *Renderer) pageHeader(data any) (template.HTML, error) {
	p, err := partialPage("page-header", data)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.Grow(512)
	b.WriteString("<header class=\"page-header\">\n  <p class=\"eyebrow\"><span class=\"badge badge--")
	writeText(&b, p.Kind)
	b.WriteString(`">`)
	writeText(&b, kindName(p.Kind))
	b.WriteString("</span>")
	for _, tag := range p.Tags {
		b.WriteString(` <span class="tag">`)
		writeText(&b, tag)
		b.WriteString("</span>")
	}
	b.WriteString("</p>\n  <h1")
	if id := p.TitleID(); id != "" {
		b.WriteString(` id="`)
		writeText(&b, id)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	writeText(&b, p.Title)
	b.WriteString("</h1>")
	if p.Description != "" {
		b.WriteString(`<p class="lede">`)
		writeText(&b, p.Description)
		b.WriteString("</p>")
	}
	b.WriteString("\n</header>\n")
	return template.HTML(b.String()), nil
}

// toc is partials/toc.html: the page's headings, when it has three or more.
func (r *Renderer) toc(data any) (template.HTML, error) {
	p, err := partialPage("toc", data)
	if err != nil {
		return "", err
	}
	if len(p.TOC) < 3 {
		return "\n", nil
	}
	var b strings.Builder
	b.Grow(256 + 96*len(p.TOC))
	b.WriteString("\n<nav class=\"toc\" aria-label=\"On this page\">\n  <p class=\"toc__title\">On this page</p>\n  <ol>")
	for _, h := range p.TOC {
		b.WriteString("\n    <li class=\"toc__l")
		b.WriteString(strconv.Itoa(h.Level))
		b.WriteString(`"><a href="#`)
		writeURLPart(&b, h.ID)
		b.WriteString(`">`)
		writeText(&b, h.Text)
		b.WriteString("</a></li>")
	}
	b.WriteString("\n  </ol>\n</nav>\n")
	return template.HTML(b.String()), nil
}

// trust is partials/trust.html: owners and review at the top of a page,
// internal editions only.
func (r *Renderer) trust(data any) (template.HTML, error) {
	p, err := partialPage("trust", data)
	if err != nil {
		return "", err
	}
	s := r.site
	if s.Options.Audience == "external" {
		return "\n", nil
	}
	rev := p.Review()
	var b strings.Builder
	b.Grow(512)
	b.WriteString("\n<p class=\"trust\">")
	if len(p.Owners) > 0 {
		b.WriteString(`<span class="trust__owners"><span class="visually-hidden">Owners: </span>`)
		for i, o := range p.Owners {
			if i > 0 {
				b.WriteString(", ")
			}
			writeText(&b, s.Config.Owners[o.Slug].Name)
		}
		b.WriteString("</span>")
	}
	if rev.State == "never" {
		b.WriteString(`<span class="review review--never">Never reviewed</span>`)
	} else {
		b.WriteString(`<span class="trust__reviewed">Reviewed <time datetime="`)
		writeText(&b, isoDate(rev.Reviewed))
		b.WriteString(`">`)
		writeText(&b, longDate(rev.Reviewed))
		b.WriteString(`</time></span><span data-review-badge data-due="`)
		writeText(&b, isoDate(rev.Due))
		b.WriteString(`">`)
		writeReviewBadge(&b, rev.State)
		b.WriteString("</span>")
	}
	b.WriteString("</p>\n")
	return template.HTML(b.String()), nil
}

func writeReviewBadge(b *strings.Builder, state string) {
	switch state {
	case "overdue":
		b.WriteString(` <strong class="review review--overdue">Overdue</strong>`)
	case "due-soon":
		b.WriteString(` <span class="review review--due-soon">Due soon</span>`)
	}
}

// meta is partials/meta.html: ownership, review and last change at the end
// of a page, internal editions only.
func (r *Renderer) meta(data any) (template.HTML, error) {
	p, err := partialPage("meta", data)
	if err != nil {
		return "", err
	}
	s := r.site
	if s.Options.Audience == "external" {
		return "\n", nil
	}
	rev := p.Review()
	var b strings.Builder
	b.Grow(1024)
	b.WriteString("\n<aside class=\"page-meta\" aria-label=\"Ownership and review\">\n  <dl>")
	if len(p.Owners) > 0 {
		b.WriteString("\n    <div><dt>Owners</dt><dd>")
		for i, o := range p.Owners {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`<span class="owner"`)
			if team := s.Config.Owners[o.Slug].Team; team != "" {
				b.WriteString(` title="`)
				writeText(&b, team)
				b.WriteByte('"')
			}
			b.WriteByte('>')
			writeText(&b, s.Config.Owners[o.Slug].Name)
			b.WriteString("</span>")
		}
		b.WriteString("</dd></div>")
	}
	b.WriteString("\n    <div><dt>Last reviewed</dt><dd>")
	if rev.State == "never" {
		b.WriteString(`<span class="review review--never">Never reviewed</span>`)
	} else {
		b.WriteString(`<time datetime="`)
		writeText(&b, isoDate(rev.Reviewed))
		b.WriteString(`">`)
		writeText(&b, longDate(rev.Reviewed))
		b.WriteString("</time>")
	}
	b.WriteString("</dd></div>")
	if c := r.updated(p); c != nil {
		b.WriteString("\n    <div><dt>Last changed</dt><dd><time datetime=\"")
		writeText(&b, isoDate(c.Time))
		b.WriteString(`">`)
		writeText(&b, longDate(c.Time))
		b.WriteString("</time>")
		if c.Author != "" {
			b.WriteString(" by ")
			writeText(&b, c.Author)
		}
		b.WriteString("</dd></div>")
	}
	if rev.State != "never" {
		b.WriteString("\n    <div><dt>Next review</dt><dd><time class=\"review review--")
		writeText(&b, rev.State)
		b.WriteString(`" datetime="`)
		writeText(&b, isoDate(rev.Due))
		b.WriteString(`" data-review-due>`)
		writeText(&b, longDate(rev.Due))
		b.WriteString("</time><span data-review-badge>")
		writeReviewBadge(&b, rev.State)
		b.WriteString("</span></dd></div>")
	}
	b.WriteString("\n  </dl>")
	if u := p.EditURL(); u != "" {
		b.WriteString("\n  <p class=\"edit-link\"><a href=\"")
		writeURL(&b, u)
		b.WriteString("\">Edit this page</a></p>")
	}
	b.WriteString("\n</aside>\n")
	return template.HTML(b.String()), nil
}

// head is partials/head.html: the page's title, description, canonical
// address, styles and scripts.
func (r *Renderer) head(data any) (template.HTML, error) {
	var v view
	switch x := data.(type) {
	case view:
		v = x
	case *view:
		v = *x
	default:
		return "", fmt.Errorf("head: want the page's view, got %T", data)
	}
	s := r.site
	var b strings.Builder
	b.Grow(2048)
	b.WriteString("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	switch {
	case v.Layout == "404":
		b.WriteString("Page not found · ")
	case v.Layout == "offline":
		b.WriteString("Offline · ")
	case v.Layout == "search":
		b.WriteString("Search · ")
	case v.Layout == "changes":
		writeText(&b, r.changesTitle(v.Report))
		b.WriteString(" · ")
	case v.Layout == "versions":
		b.WriteString("Versions · ")
	case v.Kind != "home":
		writeText(&b, v.Title)
		if l := v.Listing; l != nil && l.Number > 1 {
			b.WriteString(", page ")
			b.WriteString(strconv.Itoa(l.Number))
			b.WriteString(" of ")
			b.WriteString(strconv.Itoa(l.Total))
		}
		b.WriteString(" · ")
	}
	writeText(&b, s.Config.Title)
	b.WriteString("</title>")
	if d := v.Description; d != "" || s.Config.Description != "" {
		if d == "" {
			d = s.Config.Description
		}
		b.WriteString("\n<meta name=\"description\" content=\"")
		writeText(&b, d)
		b.WriteString(`">`)
	}
	b.WriteString("\n<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"Playbook\">")
	if s.Options.Audience != "external" {
		b.WriteString("\n<meta name=\"robots\" content=\"noindex, nofollow\">")
	}
	if v.Layout != "404" && v.Layout != "offline" {
		b.WriteString("\n<link rel=\"canonical\" href=\"")
		writeURL(&b, v.AbsURL())
		b.WriteString(`">`)
	}
	asset := func(name string) {
		writeURL(&b, r.AssetURL(name))
	}
	b.WriteString("\n<link rel=\"icon\" href=\"")
	asset("favicon.svg")
	b.WriteString("\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"")
	asset("css/playbook.css")
	b.WriteString("\">\n<link rel=\"stylesheet\" href=\"")
	asset("css/highlight.css")
	b.WriteString(`">`)
	if o := r.offline; o != nil {
		b.WriteString("\n<link rel=\"manifest\" href=\"")
		writeURL(&b, o.Manifest)
		b.WriteString("\">\n<meta name=\"theme-color\" content=\"")
		writeText(&b, o.ThemeColour)
		b.WriteString(`">`)
	}
	b.WriteString("\n<script src=\"")
	asset("js/playbook.js")
	b.WriteString("\" defer></script>\n<script src=\"")
	asset("js/search.js")
	b.WriteString(`" defer></script>`)
	if r.release != nil && !r.release.Alone {
		b.WriteString("\n<script src=\"")
		asset("js/versions.js")
		b.WriteString(`" defer></script>`)
	}
	if o := r.offline; o != nil {
		b.WriteString("\n<script src=\"")
		asset("js/offline.js")
		b.WriteString(`" data-worker="`)
		writeText(&b, o.Worker)
		b.WriteString(`" data-scope="`)
		writeText(&b, o.Scope)
		b.WriteString(`" data-pages="`)
		writeText(&b, o.Data)
		b.WriteString(`" defer></script>`)
	}
	b.WriteString("\n")
	return template.HTML(b.String()), nil
}

// searchBoxes are partials/search-box.html's three outputs, which depend
// only on the layout: none on the home page, an empty box on the search
// page (which has its own), the form elsewhere.
type searchBoxes struct{ home, search, other string }

func newSearchBoxes(s *site.Site) searchBoxes {
	var b strings.Builder
	b.WriteString("\n  <form class=\"search-box\" role=\"search\" action=\"")
	writeURL(&b, s.BasePath+"search/")
	b.WriteString(`" method="get" data-search-box data-search-url="`)
	writeURL(&b, s.BasePath+"search/")
	b.WriteString(`" data-stages="`)
	writeText(&b, strings.Join(s.Config.Stages, ","))
	b.WriteString("\">\n    <label class=\"visually-hidden\" for=\"pb-search-q\">Search the playbook</label>\n" +
		"    <input id=\"pb-search-q\" class=\"search-box__input\" type=\"search\" name=\"q\" placeholder=\"Search\" autocomplete=\"off\" autocapitalize=\"off\" spellcheck=\"false\" enterkeyhint=\"search\">\n" +
		"    <kbd class=\"search-box__key\" aria-hidden=\"true\">/</kbd>\n  </form>")
	const open, end = "\n<div class=\"site-search\" data-search>", "</div>\n"
	return searchBoxes{home: "\n", search: open + end, other: open + b.String() + end}
}

// searchBox is partials/search-box.html: the header's search form.
func (r *Renderer) searchBox(data any) (template.HTML, error) {
	var layout string
	switch x := data.(type) {
	case view:
		layout = x.Layout
	case *view:
		layout = x.Layout
	default:
		return "", fmt.Errorf("search-box: want the page's view, got %T", data)
	}
	switch layout {
	case "home":
		return template.HTML(r.search.home), nil
	case "search":
		return template.HTML(r.search.search), nil
	}
	return template.HTML(r.search.other), nil
}

// leadBox is partials/lead.html: the first thing to say, on a call page's
// first screen.
func (r *Renderer) leadBox(data any) (template.HTML, error) {
	p, err := partialPage("lead", data)
	if err != nil {
		return "", err
	}
	l := leadOf(p.HTML)
	if l == nil || !l.Script && p.Kind != "objection" {
		return "\n", nil
	}
	var b strings.Builder
	b.Grow(256 + len(l.HTML))
	b.WriteString("\n<section class=\"lead")
	if l.Script {
		b.WriteString(" lead--script")
	}
	b.WriteString("\" aria-labelledby=\"pb-lead-title\">\n  <h2 id=\"pb-lead-title\" class=\"lead__title\">")
	if l.Script {
		b.WriteString("Say it")
	} else {
		b.WriteString("Start here")
	}
	if l.Heading != "" {
		b.WriteString(`<span class="lead__where"> · `)
		writeText(&b, l.Heading)
		b.WriteString("</span>")
	}
	b.WriteString("</h2>\n  ")
	b.WriteString(string(l.HTML))
	b.WriteString("\n</section>\n")
	return template.HTML(b.String()), nil
}

// feedbackLinks is partials/feedback.html: "Did this work in a call?"
func (r *Renderer) feedbackLinks(data any) (template.HTML, error) {
	f := r.feedback(data)
	if f == nil {
		return "", nil
	}
	var b strings.Builder
	b.Grow(1024 + len(f.Worked) + len(f.NotWorked))
	b.WriteString("\n<aside class=\"feedback\" aria-labelledby=\"pb-feedback-title\">\n" +
		"  <h2 id=\"pb-feedback-title\" class=\"feedback__title\">Did this work in a call?</h2>\n" +
		"  <p class=\"feedback__text\">Tell the owners how it went: each link opens a short report to fill in.</p>\n" +
		"  <p class=\"feedback__actions\">\n" +
		"    <a class=\"feedback__link feedback__link--worked\" href=\"")
	writeURL(&b, f.Worked)
	b.WriteString("\" target=\"_blank\" rel=\"noopener\">Worked in a call<span class=\"visually-hidden\"> (opens in a new tab)</span></a>\n" +
		"    <a class=\"feedback__link feedback__link--not-worked\" href=\"")
	writeURL(&b, f.NotWorked)
	b.WriteString("\" target=\"_blank\" rel=\"noopener\">Didn't work<span class=\"visually-hidden\"> (opens in a new tab)</span></a>\n" +
		"  </p>\n</aside>")
	return template.HTML(b.String()), nil
}
