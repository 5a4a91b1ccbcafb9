// Package site links loaded pages into a site: it applies the draft and
// audience filters, builds sections and navigation, resolves relations in
// both directions, rewrites links between pages and renders markdown. The
// result is the model templates read; nothing here writes files.
package site

import (
	"bytes"
	"cmp"
	"errors"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/textcase"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/parallel"
)

// Options select what a build publishes.
type Options struct {
	Drafts   bool      // publish draft pages
	Audience string    // content.Internal (everything) or content.External
	Today    time.Time // for review-due status; zero means now
	BaseURL  string    // overrides config base_url when set

	// Reuse is a previous site of the same playbook whose pages' rendered
	// bodies are taken as they are when a page's file is unchanged. The
	// caller guarantees nothing those bodies depend on changed: the set of
	// pages, their URLs and what is published.
	Reuse *Site

	// Adjust, when set, applies the playbook's policy (per-rule severity,
	// the baseline) to every list of diagnostics Link and the updates
	// return, before errors are judged: a known problem must not stop
	// the build.
	Adjust func(diag.List) diag.List

	// LinksOnly parses bodies and checks their links without rendering
	// them (`playbook check`): pages then have no HTML, table of contents
	// or text.
	LinksOnly bool
}

// adjust applies Options.Adjust to list.
func (o Options) adjust(list diag.List) diag.List {
	if o.Adjust == nil {
		return list
	}
	return o.Adjust(list)
}

// Site is the linked, rendered model of a playbook.
type Site struct {
	Config   *config.Config
	Options  Options
	Home     *Page
	Pages    []*Page  // every published page, sorted by URL
	Sections []*Page  // top-level sections in menu order
	Files    []string // content files (images, PDFs) that published pages use
	BaseURL  string   // absolute or root-relative, ending in "/"
	BasePath string   // path part of BaseURL, ending in "/"
	Today    time.Time

	byURL    map[string]*Page
	md       *markdown.Renderer
	glossary *markdown.Glossary // nil when terms are not linked
	// glossaryKey fingerprints the glossary: a body rendered with another
	// one has other term links and tooltips.
	glossaryKey [32]byte
	resolver    *resolver
	relations   relationIndex
	pending     diag.List // what Model found, for Bodies to return
}

// renderInline renders p's front matter texts as inline markdown, checking
// and rewriting their links like the body's.
func (s *Site) renderInline(p *Page, r *resolver, md *markdown.Renderer, diags *diag.List, used []string) (map[string]template.HTML, []string) {
	out := map[string]template.HTML{}
	for _, text := range p.MarkdownFields() {
		if _, done := out[text]; done {
			continue
		}
		doc := md.ParseInline(text)
		pos := p.TextPos[text]
		used = append(used, r.rewriteLinks(p, doc.Links, func(l *markdown.Link) (int, int) {
			return pos.Line, pos.Col
		}, true, diags)...)
		html, err := md.RenderInline(doc)
		if err != nil {
			diags.Errorf(p.File, pos.Line, pos.Col, "markdown", "%v", err)
			continue
		}
		out[text] = template.HTML(html)
	}
	return out, used
}

// InlineHTML returns one of the page's front matter texts rendered as
// inline markdown, its links resolved from the page's folder; ok is false
// for text that is not the page's.
func (p *Page) InlineHTML(text string) (template.HTML, bool) {
	h, ok := p.inline[strings.TrimSpace(text)]
	return h, ok
}

// PlainText returns a front matter text without markdown, for places that
// cannot hold links, such as a card that is itself a link.
func (p *Page) PlainText(text string) string {
	return p.Site.md.PlainText(text)
}

// Page is a published page with everything its template needs.
type Page struct {
	*content.Page
	Site *Site

	HTML     template.HTML // rendered body
	TOC      []markdown.Heading
	Parent   *Page   // enclosing section (nil for home)
	Children []*Page // for sections: pages and subsections, ordered
	Prev     *Page
	Next     *Page

	// Relations, resolved both ways.
	ClosingTools []*Page // objection, play: tools to use
	Objections   []*Page // closing tool: objections it answers; persona: raised by; play: to prepare
	Personas     []*Page // objection: who raises it
	PersonaPage  *Page   // play: who the call is with
	Plays        []*Page // persona, objection, closing tool: plays that use it

	text     []markdown.Section       // the body's words by heading, for search
	inline   map[string]template.HTML // front matter texts rendered
	headings []markdown.Heading       // every heading, for checking links to anchors
	used     []string                 // content files this page links to (body and front matter)
	diags    diag.List                // problems found rendering the body and front matter texts
	relDiags diag.List                // problems with the pages its front matter names

	// The same, apart for the body and the front matter texts: a full
	// build renders the texts before any body, and the live preview
	// reuses an unchanged body.
	anchors, inlineAnchors []anchorRef // links to anchors of other pages
	bodyUsed, inlineUsed   []string
	bodyDiags, inlineDiags diag.List
	// pendingAnchors are the body's links to headings, checked once
	// every page is parsed (Bodies).
	pendingAnchors, inlinePending []pendingAnchor
	bodyDone                      bool // the body was rendered (Bodies or an update)
}

// Text returns the words of the page's body, split at its top-level
// headings, for the search index.
func (p *Page) Text() []markdown.Section { return p.text }

// TitleID is the ID of the heading the title was taken from, which the
// page's h1 carries so that links to it still land; "" otherwise.
func (p *Page) TitleID() string {
	if !p.TitleHeading {
		return ""
	}
	return markdown.HeadingID(p.Title)
}

// withTitle adds the heading the title was taken from to a page's
// headings, for checking links to it.
func withTitle(p *Page, hs []markdown.Heading) []markdown.Heading {
	if id := p.TitleID(); id != "" {
		return append([]markdown.Heading{{Level: 1, ID: id, Text: p.Title}}, hs...)
	}
	return hs
}

// Permalink is the page URL under the site base path.
func (p *Page) Permalink() string { return p.Site.BasePath + strings.TrimPrefix(p.URL, "/") }

// AbsURL is the full URL including the configured host, for sitemaps.
func (p *Page) AbsURL() string { return p.Site.BaseURL + strings.TrimPrefix(p.URL, "/") }

// Crumbs lists the enclosing sections from the home page down, excluding p.
func (p *Page) Crumbs() []*Page {
	var out []*Page
	for q := p.Parent; q != nil; q = q.Parent {
		out = append([]*Page{q}, out...)
	}
	return out
}

// Model builds the site from a loaded content set without the pages'
// bodies: sections and navigation, relations both ways, and the front
// matter texts every card shows. Bodies then renders the bodies. The
// diagnostics found so far are kept for Bodies to return (the Site is
// nil, and they are returned, only when it cannot be built at all).
func Model(cfg *config.Config, set *content.Set, fsys fs.FS, md *markdown.Renderer, opts Options) (*Site, diag.List) {
	s := &Site{Config: cfg, Options: opts, Today: opts.Today, byURL: map[string]*Page{}, md: md}
	if s.Today.IsZero() {
		now := time.Now()
		s.Today = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	if opts.Audience == "" {
		s.Options.Audience = content.Internal
	}
	s.BaseURL = cfg.BaseURL
	if opts.BaseURL != "" {
		s.BaseURL = strings.TrimSuffix(opts.BaseURL, "/") + "/"
	}
	s.BasePath = BasePathOf(s.BaseURL)
	var diags diag.List

	// All loaded pages, for telling "missing" from "left out" in links.
	all := map[string]*content.Page{}
	for _, cp := range set.Pages {
		all[cp.Rel] = cp
	}

	// Publish filter.
	published := map[string]*Page{} // by Rel
	for _, cp := range set.Pages {
		if reason := s.excluded(cp); reason != "" {
			continue
		}
		p := &Page{Page: cp, Site: s}
		if prev, dup := s.byURL[p.URL]; dup {
			diags.Errorf(cp.File, 1, 1, "duplicate-url", "page URL %s is also used by %s: rename one of the files", p.URL, prev.File)
			continue
		}
		s.byURL[p.URL] = p
		published[cp.Rel] = p
		s.Pages = append(s.Pages, p)
	}
	s.buildTree(&diags)
	s.glossary, s.glossaryKey = s.buildGlossary()
	s.checkListings(&diags)
	s.checkMenu(set, &diags)
	for _, p := range s.Pages {
		if p.Reviewed.After(s.Today) {
			diags.Warnf(p.File, p.ReviewedPos.Line, p.ReviewedPos.Col, "review", "reviewed %s is in the future: write the date the page was last checked", p.Reviewed.Format("2006-01-02"))
		}
	}

	s.linkRelations(&diags, all)
	s.resolver = s.newResolver(set, fsys, all, published)
	s.resolver.deferAnchors = true

	// Front matter texts first: other pages' cards show them, so each is
	// ready before any page is rendered.
	inlineDiags := make([]diag.List, len(s.Pages))
	parallel.Each(len(s.Pages), func(i int) {
		p := s.Pages[i]
		p.inlineAnchors, p.inlineUsed, p.inlinePending = nil, nil, nil
		p.inline, p.inlineUsed = s.renderInline(p, s.resolver, md, &inlineDiags[i], nil)
		p.inlineDiags = inlineDiags[i]
	})
	for _, l := range inlineDiags {
		diags = append(diags, l...)
	}
	s.pending = diags
	return s, opts.adjust(slices.Clone(diags))
}

// Link builds the site from a loaded content set and renders every
// page's body, keeping them all (for the live preview and tests). It
// returns diagnostics for every broken link or relation; the Site is nil
// when any is an error.
func Link(cfg *config.Config, set *content.Set, fsys fs.FS, md *markdown.Renderer, opts Options) (*Site, diag.List) {
	s, diags := Model(cfg, set, fsys, md, opts)
	if s == nil {
		return nil, diags
	}
	if diags, err := s.Bodies(nil); err != nil || diags.HasErrors() {
		return nil, diags
	} else {
		return s, diags
	}
}

// Bodies parses and renders the body of every page, in parallel, calling
// each (when not nil) with a page and its index in Pages as soon as its
// body is ready, from
// several goroutines at once: a build renders and writes the page there
// and may drop its body (Page.DropBody), so that the site's HTML is never
// held whole. Each page's markdown is parsed once: links to other pages'
// headings are checked when every page is done. It returns the site's
// diagnostics, sorted, the model's own included; an error from each
// stops the work and is returned.
func (s *Site) Bodies(each func(i int, p *Page) error) (diag.List, error) {
	opts, diags := s.Options, s.pending
	s.pending = nil
	perPage := make([]diag.List, len(s.Pages))
	errs := make([]error, len(s.Pages))
	var failed atomic.Bool
	parallel.Each(len(s.Pages), func(i int) {
		if failed.Load() {
			return
		}
		p := s.Pages[i]
		if old := reusable(opts.Reuse, p); old != nil && old.bodyDone {
			p.headings, p.HTML, p.TOC, p.text = old.headings, old.HTML, old.TOC, old.text
			p.anchors, p.bodyUsed, p.bodyDiags, p.pendingAnchors = old.anchors, old.bodyUsed, old.bodyDiags, old.pendingAnchors
		} else {
			doc := s.md.Parse(p.Body)
			p.headings = withTitle(p, doc.Headings)
			p.anchors, p.pendingAnchors = nil, nil
			p.bodyDiags = nil
			p.bodyUsed = s.renderText(p, doc, &p.bodyDiags)
		}
		p.bodyDone = true
		p.used = append(slices.Clip(p.bodyUsed), p.inlineUsed...)
		if each != nil {
			if err := each(i, p); err != nil {
				errs[i] = err
				failed.Store(true)
			}
		}
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	s.resolver.deferAnchors = false
	// Every heading is known now: check the links to them.
	for i, p := range s.Pages {
		perPage[i] = slices.Clone(p.bodyDiags)
		for _, a := range append(slices.Clip(p.pendingAnchors), p.inlinePending...) {
			s.resolver.checkAnchor(p, a, &perPage[i])
		}
		p.diags = append(slices.Clone(perPage[i]), p.inlineDiags...)
	}
	for _, l := range perPage {
		diags = append(diags, l...)
	}
	// Only the content files that published pages use are published, so
	// an internal page's attachment stays out of an external build. Links
	// in raw HTML are found and counted like markdown links. Unsafe raw
	// HTML can use files where no link is looked for (an iframe, an
	// object, a style's url()), so then every file in a folder with a
	// published page goes too, as before raw HTML links were read.
	usedFiles := make([][]string, 0, len(s.Pages))
	for _, p := range s.Pages {
		usedFiles = append(usedFiles, p.used)
	}
	seen := map[string]bool{}
	if s.Config.Markdown.RawHTML == "unsafe" {
		dirs := map[string]bool{}
		for _, p := range s.Pages {
			dirs[p.FileDir()] = true
		}
		for _, f := range s.resolver.set.Files {
			if dir := path.Dir(f); dirs[dir] || dir == "." && dirs[""] {
				usedFiles = append(usedFiles, []string{f})
			}
		}
	}
	s.Files = nil
	for _, files := range usedFiles {
		for _, f := range files {
			if !seen[f] {
				seen[f] = true
				s.Files = append(s.Files, f)
			}
		}
	}
	sort.Strings(s.Files)
	diags = opts.adjust(diags)
	diags.Sort()
	return diags, nil
}

// newResolver gathers what checking and rewriting links needs.
func (s *Site) newResolver(set *content.Set, fsys fs.FS, all map[string]*content.Page, published map[string]*Page) *resolver {
	staticFiles := map[string]bool{}
	_ = fs.WalkDir(fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			staticFiles[strings.TrimPrefix(p, "static/")] = true
		}
		return nil
	})
	contentFiles := map[string]bool{}
	for _, f := range set.Files {
		contentFiles[f] = true
	}
	sectionFiles := map[string]string{}
	for _, cp := range set.Pages {
		if cp.IsSection {
			sectionFiles[cp.Dir] = cp.Rel
		}
	}
	return &resolver{site: s, all: all, published: published, static: staticFiles, files: contentFiles, rels: sortedKeys(all), sections: sectionFiles, set: set}
}

// reusable returns the previous site's version of p when p's file is
// unchanged, so its rendered body can be taken as it is.
func reusable(prev *Site, p *Page) *Page {
	if prev == nil || p.File == "" || prev.resolver == nil {
		return nil
	}
	old := prev.resolver.published[p.Rel]
	if old == nil || !bytes.Equal(old.Source, p.Source) || prev.glossaryKey != p.Site.glossaryKey {
		return nil
	}
	return old
}

// renderBody resolves a page's links, renders its body and its front
// matter texts, and returns the content files it uses. It writes only p's
// fields, so pages can be rendered in parallel. The live preview's
// updates use it, when every page's headings are known.
func (s *Site) renderBody(p *Page, doc *markdown.Doc, diags *diag.List) []string {
	p.anchors, p.pendingAnchors, p.bodyDiags = nil, nil, nil
	p.bodyUsed = s.renderText(p, doc, &p.bodyDiags)
	p.inlineAnchors, p.inlineDiags, p.inlinePending = nil, nil, nil
	p.inline, p.inlineUsed = s.renderInline(p, s.resolver, s.md, &p.inlineDiags, nil)
	*diags = append(append(*diags, p.bodyDiags...), p.inlineDiags...)
	p.used = append(slices.Clip(p.bodyUsed), p.inlineUsed...)
	p.bodyDone = true
	return p.used
}

// renderText resolves the links of a page's body, renders it, and keeps
// its table of contents and its text by section; it returns the content
// files the body uses.
func (s *Site) renderText(p *Page, doc *markdown.Doc, diags *diag.List) []string {
	r, md := s.resolver, s.md
	p.TOC = nil
	used := r.rewriteLinks(p, doc.Links, func(l *markdown.Link) (int, int) {
		return p.BodyLine + l.Line - 1, l.Col
	}, false, diags)
	if s.Options.LinksOnly {
		return used
	}
	for _, h := range doc.Headings {
		if h.Level == 2 || h.Level == 3 {
			p.TOC = append(p.TOC, h)
		}
	}
	if s.glossary != nil && !p.NoGlossaryLinks {
		doc.LinkTerms(s.glossary, p.Permalink())
	}
	html, err := md.Render(doc)
	if err != nil {
		diags.Errorf(p.File, p.BodyLine, 0, "markdown", "%v", err)
	}
	p.HTML = template.HTML(html)
	p.text = doc.Sections()
	return used
}

// DropBody forgets the page's rendered body and its source once its page
// is written, so that a build holds a page's text only while it renders
// it, not the site's. The page cannot be rendered, updated or
// fingerprinted (Signatures) again.
func (p *Page) DropBody() {
	p.HTML = ""
	p.text = nil
	p.Body, p.Source = nil, nil // the content set's page too: a build is done with it
}

// DropLinks forgets what checking links to the page and from it needed
// (its headings, table of contents, links to anchors and problems), once
// Bodies has checked every link and the page is written: a streaming
// build then holds the model and the search text only.
func (p *Page) DropLinks() {
	p.headings, p.TOC = nil, nil
	p.anchors, p.inlineAnchors, p.pendingAnchors, p.inlinePending = nil, nil, nil, nil
	p.diags, p.bodyDiags, p.inlineDiags = nil, nil, nil
}

// checkMenu reports menu.order entries that name no top-level folder, so a
// typo does not silently leave a section out of order.
func (s *Site) checkMenu(set *content.Set, diags *diag.List) {
	folders := map[string]bool{}
	for _, p := range set.Pages {
		if p.Section != "" {
			folders[p.Section] = true
		}
	}
	names := sortedKeys(folders)
	line, col := s.Config.Pos("menu", "order")
	for _, entry := range s.Config.Menu.Order {
		if !folders[entry] {
			diags.Errorf(config.FileName, line, col, "config", "menu.order names %q, but content/ has no folder %s/%s", entry, entry, diag.DidYouMean(entry, names))
		}
	}
}

// excluded says why a page is left out of this build, or "" when it is published.
func (s *Site) excluded(p *content.Page) string {
	if p.Draft && !s.Options.Drafts {
		return "draft"
	}
	if s.Options.Audience == content.External && p.Audience != content.External {
		return "internal"
	}
	return ""
}

// BasePathOf is the path part of a base URL, with slashes at both ends:
// "https://example.com/playbook" gives "/playbook/", "/" gives "/".
func BasePathOf(baseURL string) string {
	u := baseURL
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = "/"
		}
	}
	if !strings.HasPrefix(u, "/") {
		u = "/" + u
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

// buildTree attaches pages to sections, creating a section page for any
// folder that has no _index.md, and orders children and navigation.
func (s *Site) buildTree(diags *diag.List) {
	sections := map[string]*Page{} // by Dir
	for _, p := range s.Pages {
		if p.IsSection {
			sections[p.Dir] = p
		}
	}
	ensure := func(dir string) *Page {
		if sec, ok := sections[dir]; ok {
			return sec
		}
		cp := &content.Page{Rel: path.Join(dir, "_index.md"), Dir: dir, IsSection: true, Kind: content.KindSection,
			Slug: path.Base(dir), URL: "/" + dir + "/", Title: titleFromSlug(path.Base(dir)), Audience: content.External}
		if dir == "" {
			cp.Kind, cp.URL, cp.Title, cp.Slug = content.KindHome, "/", s.Config.Title, ""
			cp.Description = s.Config.Description
		}
		if i := strings.IndexByte(dir, '/'); i >= 0 {
			cp.Section = dir[:i]
		} else if dir != "" {
			cp.Section = dir
		}
		p := &Page{Page: cp, Site: s}
		sections[dir] = p
		if clash := s.byURL[p.URL]; clash != nil {
			diags.Errorf(clash.File, 1, 1, "duplicate-url", "page URL %s is also the URL of the folder %s/: rename the file, or move it to %s/_index.md to make it the folder's page",
				p.URL, path.Join(content.Dir, dir), path.Join(content.Dir, dir))
			return p
		}
		s.Pages = append(s.Pages, p)
		s.byURL[p.URL] = p
		return p
	}
	s.Home = ensure("")
	// Attach every page (including section pages) to its parent.
	for _, p := range slices.Clone(s.Pages) {
		if p == s.Home {
			continue
		}
		parentDir := p.Dir
		if p.IsSection {
			parentDir = path.Dir(p.Dir)
			if parentDir == "." {
				parentDir = ""
			}
		}
		parent := ensure(parentDir)
		p.Parent = parent
		parent.Children = append(parent.Children, p)
	}
	// Section pages created by ensure may themselves need parents.
	for changed := true; changed; {
		changed = false
		for _, p := range slices.Clone(s.Pages) {
			if p == s.Home || p.Parent != nil {
				continue
			}
			parentDir := path.Dir(p.Dir)
			if parentDir == "." {
				parentDir = ""
			}
			parent := ensure(parentDir)
			p.Parent = parent
			parent.Children = append(parent.Children, p)
			changed = true
		}
	}
	for _, p := range s.Pages {
		sortPages(p.Children)
	}
	sort.Slice(s.Pages, func(i, j int) bool { return s.Pages[i].URL < s.Pages[j].URL })

	// Top-level sections in menu order, then by weight and title.
	for _, c := range s.Home.Children {
		if c.IsSection {
			s.Sections = append(s.Sections, c)
		}
	}
	order := s.Config.Menu.Order
	rank := func(p *Page) int {
		if i := slices.Index(order, p.Slug); i >= 0 {
			return i
		}
		return len(order)
	}
	sort.SliceStable(s.Sections, func(i, j int) bool { return rank(s.Sections[i]) < rank(s.Sections[j]) })

	s.linkReadingOrder()
}

// linkReadingOrder sets every page's previous and next page: depth-first
// through the navigation.
func (s *Site) linkReadingOrder() {
	var flat []*Page
	var walk func(p *Page)
	walk = func(p *Page) {
		flat = append(flat, p)
		kids := p.Children
		if p == s.Home {
			kids = append(slices.Clone(s.Sections), nonSections(p.Children)...)
		}
		for _, c := range kids {
			walk(c)
		}
	}
	walk(s.Home)
	for i, p := range flat {
		p.Prev, p.Next = nil, nil
		if i > 0 {
			p.Prev = flat[i-1]
		}
		if i+1 < len(flat) {
			p.Next = flat[i+1]
		}
	}
}

func nonSections(ps []*Page) []*Page {
	var out []*Page
	for _, p := range ps {
		if !p.IsSection {
			out = append(out, p)
		}
	}
	return out
}

// sortPages orders by weight (unset weights last), then title, then URL.
func sortPages(ps []*Page) {
	if len(ps) < 2 {
		return
	}
	slices.SortStableFunc(ps, func(a, b *Page) int {
		if before(a, b) {
			return -1
		}
		if before(b, a) {
			return 1
		}
		return 0
	})
}

// before is the navigation order of sortPages.
func before(a, b *Page) bool {
	wa, wb := a.Weight, b.Weight
	if wa == 0 {
		wa = 1 << 30
	}
	if wb == 0 {
		wb = 1 << 30
	}
	if wa != wb {
		return wa < wb
	}
	if a.Title != b.Title {
		if c := compareFold(a.Title, b.Title); c != 0 {
			return c < 0
		}
	}
	return a.URL < b.URL
}

// compareFold compares two strings as their lower-case forms would,
// without allocating them: sorting thousands of titles is on the path of
// every live-preview edit.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra, rb = unicode.ToLower(ra), unicode.ToLower(rb); ra != rb {
			return cmp.Compare(ra, rb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}

func titleFromSlug(slug string) string {
	words := strings.FieldsFunc(slug, func(r rune) bool { return r == '-' || r == '_' })
	return textcase.Capitalize(strings.Join(words, " "))
}

// PagesOfKind returns published pages of a kind, in navigation order.
func (s *Site) PagesOfKind(kind string) []*Page {
	var out []*Page
	for _, p := range s.Pages {
		if p.Kind == kind {
			out = append(out, p)
		}
	}
	sortPages(out)
	return out
}

// FirstOfKind returns the first n published pages of a kind in navigation
// order, without sorting them all: the home page shows a few of each.
func (s *Site) FirstOfKind(kind string, n int) []*Page {
	if n < 1 {
		return nil
	}
	out := make([]*Page, 0, n+1)
	for _, p := range s.Pages {
		if p.Kind != kind || len(out) == n && !before(p, out[n-1]) {
			continue
		}
		i := sort.Search(len(out), func(i int) bool { return before(p, out[i]) })
		out = slices.Insert(out, i, p)
		if len(out) > n {
			out = out[:n]
		}
	}
	return out
}

// Page returns the published page at a site-relative URL, or nil.
func (s *Site) Page(url string) *Page { return s.byURL[url] }

// Review describes where a page stands in its review cycle.
type Review struct {
	Reviewed time.Time
	Due      time.Time
	State    string // "ok", "due-soon" (within 14 days), "overdue" or "never"
}

// Review returns the page's review status as of the build date.
func (p *Page) Review() Review {
	due, ok := p.ReviewDue()
	if !ok {
		return Review{State: "never"}
	}
	r := Review{Reviewed: p.Reviewed, Due: due, State: "ok"}
	switch {
	case due.Before(p.Site.Today):
		r.State = "overdue"
	case due.Before(p.Site.Today.AddDate(0, 0, 14)):
		r.State = "due-soon"
	}
	return r
}

// EditURL links to the page's source in the code host's editor, or "".
func (p *Page) EditURL() string {
	repo := p.Site.Config.Repository
	if p.File == "" || (repo.URL == "" && repo.EditURL == "") {
		return ""
	}
	file := path.Join(repo.ContentPath, p.File)
	if repo.EditURL != "" {
		return strings.ReplaceAll(repo.EditURL, "{path}", file)
	}
	return strings.TrimSuffix(repo.URL, "/") + "/edit/" + repo.Branch + "/" + file
}

// OwnerNames returns the display names of the page's owners.
func (p *Page) OwnerNames() []string {
	var out []string
	for _, o := range p.Owners {
		out = append(out, p.Site.Config.Owners[o.Slug].Name)
	}
	return out
}

// InSection reports whether p is sec or lies below it, for highlighting navigation.
func (p *Page) InSection(sec *Page) bool {
	for q := p; q != nil; q = q.Parent {
		if q == sec {
			return true
		}
	}
	return false
}
