// Package render executes the theme's templates over the linked site model
// and gathers the theme's static assets. Output is returned as bytes; the
// caller decides where it goes (disk or memory).
package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/history"
	"github.com/playbook-ssg/playbook/generator/internal/textcase"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/offline"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/site"
)

// Layouts a theme provides: a base, partials, and one per page kind.
var kindLayouts = []string{
	content.KindHome, content.KindSection, content.KindPage, content.KindObjection, content.KindClosingTool,
	content.KindTerm, content.KindPersona, content.KindPlay, content.KindBrand, "404", "search",
	layoutChanges, layoutVersions, layoutOffline,
}

// Renderer turns pages into HTML with one template set per kind.
type Renderer struct {
	site   *site.Site
	md     *markdown.Renderer
	sets   map[string]*template.Template
	assets map[string][]byte // static files from theme and playbook, by path under static/
	hashes map[string]string // short content hash per asset, for cache busting
	layers overlay
	names  map[string]string // template name -> layout path, for messages
	warns  diag.List
	// history holds each file's last git change; nil shows none.
	history *history.History
	// release is what this build knows of the playbook's versions; nil in
	// builds without versions (serve, a folder outside git).
	release *release.Context
	// offline is the head of pages that work offline; nil leaves it out.
	offline *Offline
	// nav holds each top-level section's closed sidebar entry, and search
	// the header's search form (fast.go).
	nav    []navEntry
	search searchBoxes
	// fastFuncs are the Go partials in use, by partial name; fastBase says
	// baseof.html is written in Go too (layouts.go).
	fastFuncs map[string]func(any) (template.HTML, error)
	fastBase  bool
	// bufs holds the buffers pages are written into (see execute).
	bufs sync.Pool
}

// Warnings lists problems with the playbook's layout overrides that do not
// stop a build, such as a file that overrides nothing.
func (r *Renderer) Warnings() diag.List { return r.warns }

// New loads templates and static files from the playbook's layouts/ and
// static/ over the theme's. playbook and theme are rooted at their folders.
func New(s *site.Site, md *markdown.Renderer, playbook, theme fs.FS) (*Renderer, error) {
	return newRenderer(s, md, playbook, theme, true)
}

// newRenderer is New; fast false executes every partial from its template,
// for tests that compare the Go partials (fast.go) with the theme's.
func newRenderer(s *site.Site, md *markdown.Renderer, playbook, theme fs.FS, fast bool) (*Renderer, error) {
	layers := overlay{playbook, theme}
	r := &Renderer{site: s, md: md, sets: map[string]*template.Template{}, assets: map[string][]byte{}, hashes: map[string]string{},
		layers: layers, names: map[string]string{}, nav: navEntries(s), search: newSearchBoxes(s)}

	staticFiles, err := layers.files("static")
	if err != nil {
		if linkErr := linkError(playbook, "static", true); linkErr != nil {
			return nil, linkErr
		}
		return nil, fmt.Errorf("listing static files: %w", err)
	}
	for _, f := range staticFiles {
		b, err := fs.ReadFile(layers, f)
		if err != nil {
			if linkErr := linkError(playbook, f, false); linkErr != nil {
				return nil, linkErr
			}
			return nil, content.ReadError(f, err)
		}
		r.addAsset(strings.TrimPrefix(f, "static/"), b)
	}
	css, err := markdown.HighlightCSS(s.Config.Markdown.HighlightLight, s.Config.Markdown.HighlightDark)
	if err != nil {
		return nil, err
	}
	r.addAsset("css/highlight.css", css)
	if len(s.Config.Brand.Colours)+len(s.Config.Brand.Fonts) > 0 {
		r.addAsset("css/brand.css", brandCSS(s.Config.Brand))
	}

	base := template.New("").Funcs(r.funcs())
	layoutFiles, err := layers.files("layouts")
	if err != nil {
		if linkErr := linkError(playbook, "layouts", true); linkErr != nil {
			return nil, linkErr
		}
		return nil, fmt.Errorf("listing layouts: %w", err)
	}
	for _, f := range layoutFiles {
		// A broken link would otherwise let the theme's file stand in for
		// the playbook's own without a word.
		if err := linkError(playbook, f, false); err != nil {
			return nil, err
		}
		if !strings.HasPrefix(f, "layouts/partials/") && f != "layouts/baseof.html" {
			continue
		}
		if err := r.parseInto(base, f); err != nil {
			return nil, err
		}
	}
	if fast {
		if err := r.useFastPartials(base); err != nil {
			return nil, err
		}
		r.fastBase = !r.own("layouts/baseof.html") && partialSum(r.layers[1], "layouts/baseof.html") == baseofSum
	}
	r.checkOverrides()
	for _, kind := range kindLayouts {
		t, err := base.Clone()
		if err != nil {
			return nil, fmt.Errorf("cloning templates: %w", err)
		}
		if err := r.parseInto(t, "layouts/"+kind+".html"); err != nil {
			return nil, err
		}
		if fast {
			if err := r.useFastLayout(t, kind); err != nil {
				return nil, err
			}
		}
		r.sets[kind] = t
	}
	return r, nil
}

// checkOverrides warns about files in the playbook's layouts/ that no
// template uses: a misspelt name ("objections.html") silently overrides
// nothing. New partials are fine: an override may include them.
func (r *Renderer) checkOverrides() {
	own, err := overlay{r.layers[0]}.files("layouts")
	if err != nil {
		return
	}
	known := map[string]bool{"layouts/baseof.html": true}
	for _, k := range kindLayouts {
		known["layouts/"+k+".html"] = true
	}
	var names []string
	for name := range known {
		names = append(names, path.Base(name))
	}
	for _, f := range own {
		if known[f] || strings.HasPrefix(f, "layouts/partials/") {
			continue
		}
		if _, err := fs.Stat(r.layers[1], "layouts/partials/"+path.Base(f)); err == nil && path.Dir(f) == "layouts" {
			r.warns.Warnf(f, 0, 0, "layout", "this layout overrides nothing: %s is a partial (did you mean layouts/partials/%s?)", path.Base(f), path.Base(f))
			continue
		}
		if path.Dir(f) != "layouts" {
			r.warns.Warnf(f, 0, 0, "layout", "this layout overrides nothing: the only folder inside layouts/ is partials/ (did you mean layouts/partials/%s?)", path.Base(f))
			continue
		}
		r.warns.Warnf(f, 0, 0, "layout", "this layout overrides nothing: the theme's layouts are baseof.html, one per kind (%s.html) and partials/*.html%s",
			strings.Join(kindLayouts, ".html, "), diag.DidYouMean(path.Base(f), names))
	}
}

func (r *Renderer) parseInto(t *template.Template, name string) error {
	b, err := fs.ReadFile(r.layers, name)
	if err != nil {
		if linkErr := linkError(r.layers[0], name, false); linkErr != nil {
			return linkErr
		}
		return fmt.Errorf("theme is missing %s: %w", name, err)
	}
	r.names[path.Base(name)] = name
	if _, err := t.New(path.Base(name)).Parse(string(b)); err != nil {
		return r.diagnose(err, "").List().Err()
	}
	return nil
}

// TemplateError is a template that failed, located at its layout file.
type TemplateError struct {
	Diag diag.Diagnostic
	URL  string // the page being rendered, if any
}

func (e *TemplateError) Error() string { return e.Diag.String() }

// List wraps the diagnostic for callers that print diagnostics.
func (e *TemplateError) List() diag.List { return diag.List{e.Diag} }

var templateErrRe = regexp.MustCompile(`^(?:html/)?template: ?([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// diagnose locates a template error at its layout file: the playbook's own
// layouts/ file when it overrides the theme, else the built-in theme's.
func (r *Renderer) diagnose(err error, url string) *TemplateError {
	d := diag.Diagnostic{Severity: diag.Error, Rule: "template", Message: err.Error()}
	if m := templateErrRe.FindStringSubmatch(err.Error()); m != nil {
		name := r.names[m[1]]
		if name == "" {
			name = "layouts/" + m[1]
		}
		d.File = name
		if _, err := fs.Stat(r.layers[0], name); err != nil {
			d.File = "themes/default/" + name + " (built-in theme)"
		}
		d.Line, _ = strconv.Atoi(m[2])
		d.Col, _ = strconv.Atoi(m[3])
		d.Message = strings.NewReplacer("render.view", "page", "*site.Page", "page", "*site.Site", "site").Replace(m[4])
	}
	return &TemplateError{Diag: d, URL: url}
}

func (r *Renderer) addAsset(name string, b []byte) {
	if strings.HasSuffix(name, ".css") {
		b = []byte(trimCSS(string(b)))
	}
	r.assets[name] = b
	r.hashes[name] = offline.Hash(b)
}

// SetHistory gives pages their last change from git (see history.Read);
// without it they show none.
func (r *Renderer) SetHistory(h *history.History) { r.history = h }

// Assets returns the static files to publish, by path under the site root.
func (r *Renderer) Assets() map[string][]byte { return r.assets }

// Page renders one page with the template for its kind.
func (r *Renderer) Page(p *site.Page) ([]byte, error) {
	kind := p.Kind
	if _, ok := r.sets[kind]; !ok {
		kind = content.KindPage
	}
	v := view{Page: p, Layout: kind}
	if ls := p.Listings(); ls != nil {
		v.Listing = &ls[0]
	}
	return r.execute(v)
}

// Listing renders list page n (2 and up) of a section: the section's
// header and the next cards of its list.
func (r *Renderer) Listing(p *site.Page, n int) ([]byte, error) {
	ls := p.Listings()
	if n < 1 || n > len(ls) {
		return nil, fmt.Errorf("%s has no list page %d", p.URL, n)
	}
	kind := p.Kind
	if _, ok := r.sets[kind]; !ok {
		kind = content.KindPage
	}
	return r.execute(view{Page: p, Layout: kind, Listing: &ls[n-1]})
}

// NotFound renders the 404 page.
func (r *Renderer) NotFound() ([]byte, error) {
	return r.execute(view{Page: r.site.Home, Layout: "404"})
}

// Search renders the search page, /search/, which answers ?q= links.
func (r *Renderer) Search() ([]byte, error) {
	return r.execute(view{Page: r.site.Home, Layout: "search"})
}

func (r *Renderer) execute(v view) ([]byte, error) {
	v.release = r.release
	// Pages are written into a reused buffer and copied out at their
	// size: a buffer grown page by page would be copied several times,
	// and the caller would keep its spare capacity.
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	defer func() {
		if buf.Cap() <= 1<<20 {
			buf.Reset()
			r.bufs.Put(buf)
		}
	}()
	var err error
	if r.fastBase {
		err = r.baseof(buf, v)
	} else {
		err = r.sets[v.Layout].ExecuteTemplate(buf, "baseof.html", v)
	}
	if err != nil {
		url := v.URL
		if v.Listing != nil {
			url = v.Listing.URL
		}
		return nil, r.diagnose(innermost(err), url)
	}
	return bytes.Clone(buf.Bytes()), nil
}

// view is what templates see: the page, which layout is in use, and for a
// section which of its list pages this is.
type view struct {
	*site.Page
	Layout  string
	Listing *site.Listing // nil unless the page is a section

	// Report is what changed in this version: the changes layout only.
	Report *changes.Report
	// Versions lists every version, newest first: the versions layout only.
	Versions []release.Version

	release *release.Context
}

// Standalone reports whether the layout is a page of the site's own
// rather than of a content page: the 404, search, changes and versions
// pages, which borrow the home page for their data.
func (v view) Standalone() bool {
	switch v.Layout {
	case "404", "search", layoutChanges, layoutVersions, layoutOffline:
		return true
	}
	return false
}

// VersionPath is the path of what is rendered relative to its version's
// root, for the version switcher to open the same page in another
// version: "objections/too-expensive/", "" for the home page. A section's
// later list pages give the section's path; the search and What changed
// pages their own (every version has a search page, and all but the
// first a What changed page: versions.json lists them); the 404 and
// versions pages "" (the other version's home).
func (v view) VersionPath() string {
	switch v.Layout {
	case "search":
		return "search/"
	case layoutChanges:
		return "changes/"
	case "404", layoutVersions, layoutOffline:
		return ""
	}
	return strings.TrimPrefix(v.URL, "/")
}

// AbsURL is the full address of what is rendered: a section's later list
// pages and the search, changes and versions pages have their own, for
// the canonical link.
func (v view) AbsURL() string {
	switch v.Layout {
	case "search":
		return v.Site.BaseURL + "search/"
	case layoutChanges:
		return v.Site.BaseURL + "changes/"
	case layoutVersions:
		return rootURL(v.Site.BaseURL, v.release) + "versions/"
	}
	if v.Listing != nil && v.Listing.Number > 1 {
		return v.Site.BaseURL + strings.TrimPrefix(v.Listing.URL, "/")
	}
	return v.Page.AbsURL()
}

func (r *Renderer) funcs() template.FuncMap {
	s := r.site
	return template.FuncMap{
		// asset returns the URL of a static file with a cache-busting hash.
		"asset": r.AssetURL,
		// url prefixes a site-relative path with the base path.
		"url": func(p string) string { return s.BasePath + strings.TrimPrefix(p, "/") },
		// inline renders a front matter text of owner (a page) as inline
		// markdown, with links resolved from the owner's folder.
		// Text that is not one of the owner's markdown fields was never
		// link-checked, so it is shown as plain text rather than risk a
		// broken or unsafe link.
		"inline": r.inline,
		// plain strips markdown from a front matter text.
		"plain":   r.md.PlainText,
		"date":    longDate,
		"isodate": isoDate,
		"title":   titleCase,
		"join":    strings.Join,
		"first": func(n int, ps []*site.Page) []*site.Page {
			if len(ps) > n {
				return ps[:n]
			}
			return ps
		},
		"kindName": kindName,
		"ofKind":   s.PagesOfKind,
		// firstOfKind is the first n pages of a kind, for the home page.
		"firstOfKind": func(n int, kind string) []*site.Page { return s.FirstOfKind(kind, n) },
		"site":        func() *site.Site { return s },
		"stageIndex": func(stage string) int {
			for i, st := range s.Config.Stages {
				if st == stage {
					return i + 1
				}
			}
			return 0
		},
		"owner":     func(id string) string { return s.Config.Owners[id].Name },
		"team":      func(id string) string { return s.Config.Owners[id].Team },
		"textOn":    textOn,
		"navItems":  func(cur, sec *site.Page) site.NavItems { return cur.NavItems(sec) },
		"fontStack": fontStack,
		// release is what the build knows of the playbook's versions, or
		// nil in a build without versions.
		// release is what the pages know of the playbook's versions, or
		// nil in a site with no other versions.
		"release": func() *release.Context {
			if r.release == nil || r.release.Alone {
				return nil
			}
			return r.release
		},
		// feedback is the pair of new-issue links of an objection or
		// closing-tool page, or nil.
		"feedback": r.feedback,
		// whatsNew is the first n pages added or changed in a report.
		"whatsNew": whatsNew,
		// changesTitle is the heading of the "What changed" page.
		"changesTitle": r.changesTitle,
		// changeSummary counts the pages added, changed and removed.
		"changeSummary": changeSummary,
		// diff prepares a changed section's word diff for display.
		"diff": diffParts,
		// shortHash is the first 7 characters of a commit hash.
		"shortHash": func(h string) string {
			if len(h) > 7 {
				return h[:7]
			}
			return h
		},
		"add": func(a, b int) int { return a + b },
		// sidebar and card are the Go versions of partials/nav.html and
		// partials/card.html (see fast.go).
		"sidebar":         r.sidebar,
		"card":            r.card,
		"breadcrumbs":     r.breadcrumbs,
		"pager":           r.pager,
		"pageHeader":      r.pageHeader,
		"toc":             r.toc,
		"trust":           r.trust,
		"meta":            r.meta,
		"head":            r.head,
		"searchBox":       r.searchBox,
		"objectionMain":   r.objectionMain,
		"playMain":        r.playMain,
		"closingToolMain": r.closingToolMain,
		"leadBox":         r.leadBox,
		"feedbackLinks":   r.feedbackLinks,
		// offline is the head of a page that works offline (manifest,
		// theme colour, service worker), or nil.
		"offline": func() *Offline { return r.offline },
		// sameWords reports whether two texts have the same words, whatever
		// their case and punctuation ("It's too expensive" and "It's too
		// expensive."), so a page shows the customer's words once.
		"sameWords": sameWords,
		// lead is what the first screen shows of a page's body: its first
		// quote to say, else its first paragraph (see Lead); nil for none.
		"lead": func(v any) *Lead {
			if p := pageOf(v); p != nil {
				return leadOf(p.HTML)
			}
			return nil
		},
		// updated is the last git change of a page's file, or nil.
		"updated": func(v any) *history.Change { return r.updated(pageOf(v)) },
	}
}

// inline renders a front matter text of owner as inline markdown; see the
// inline template function.
func (r *Renderer) inline(owner any, text string) template.HTML {
	if p := pageOf(owner); p != nil {
		if h, ok := p.InlineHTML(text); ok {
			return h
		}
	}
	return template.HTML(html.EscapeString(r.md.PlainText(text)))
}

// updated is the last git change of a page's file, or nil.
func (r *Renderer) updated(p *site.Page) *history.Change {
	if p != nil && p.File != "" {
		if c, ok := r.history.Updated(p.File); ok {
			return &c
		}
	}
	return nil
}

// longDate is a date for people ("2 Jan 2006"), "" for none.
func longDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006")
}

// isoDate is a date for machines, in datetime attributes.
func isoDate(t time.Time) string { return t.Format("2006-01-02") }

// pageOf returns the page behind a template value: a page, or the view of one.
func pageOf(v any) *site.Page {
	switch x := v.(type) {
	case *site.Page:
		return x
	case view:
		return x.Page
	case *view:
		return x.Page
	}
	return nil
}

// titleCase capitalises a word, such as a stage or category, for display.
func titleCase(s string) string { return textcase.Capitalize(s) }

func kindName(kind string) string {
	switch kind {
	case content.KindClosingTool:
		return "Closing tool"
	case content.KindTerm:
		return "Glossary term"
	case content.KindBrand:
		return "Brand"
	default:
		return textcase.Capitalize(kind)
	}
}

// fontStack lets a configured CSS font-family list into a style attribute.
// html/template rejects quotes there, but font names need them; config
// validation has refused anything beyond names, quotes, commas and spaces,
// and this checks again because templates may be handed other strings.
func fontStack(stack string) template.CSS {
	if !config.ValidFontStack(stack) {
		return "inherit"
	}
	return template.CSS(stack)
}
