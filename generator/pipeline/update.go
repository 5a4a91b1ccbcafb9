package pipeline

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/parallel"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// Update brings a generated site up to date after files changed (paths
// relative to the playbook root). When every change is an edit to the body
// of a published page, only those pages are parsed and rendered again and
// outputs lists the files that were replaced; otherwise the whole site is
// generated again and outputs is nil. The result equals what Generate
// would return (the tests hold it to that).
//
// s is used up: after Update, use only the returned site (and after an
// error, generate afresh).
func (s *Site) Update(changed []string) (next *Site, outputs []string, err error) {
	start := time.Now()
	if s.opts.Files != nil {
		// Read from git, not the folder the changes were made in.
		next, err = Generate(s.opts)
		return next, nil, err
	}
	if s.opts.Today.IsZero() && s.Model.Today != today() {
		// Review status depends on the date; a new day changes many pages.
		next, err = Generate(s.opts)
		return next, nil, err
	}
	pages, diags, err := s.parseChanged(changed)
	if err == nil && s.aliasesChanged(pages) { // only a full build checks and writes them
		next, err = Generate(s.opts)
		return next, nil, err
	}
	if err == nil {
		next, outputs, err = s.updateBodies(pages)
	}
	if errors.Is(err, errTouched) {
		// The model was partly updated before a fallback: only a full
		// build is safe now.
		next, err = Generate(s.opts)
		return next, nil, err
	}
	if errors.Is(err, site.ErrNeedFull) && len(pages) == 1 {
		next, outputs, err = s.updateFrontMatter(pages[0], diags)
	}
	if errors.Is(err, site.ErrNeedFull) && pages != nil {
		next, outputs, err = s.relink(pages, diags)
	}
	if errors.Is(err, site.ErrNeedFull) {
		next, err = Generate(s.opts)
		return next, nil, err
	}
	if err == nil {
		next.Times = []Stage{{"update " + strings.Join(outputs, ", "), time.Since(start)}}
	}
	return next, outputs, err
}

// parseChanged reads and parses the changed pages. It returns
// site.ErrNeedFull when a change is not an existing page's markdown file or
// does not parse (a full build then reports why).
func (s *Site) parseChanged(changed []string) ([]*content.Page, diag.List, error) {
	if len(changed) == 0 || s.renderer == nil || s.set == nil {
		return nil, nil, site.ErrNeedFull
	}
	var pages []*content.Page
	var diags diag.List
	for _, rel := range changed {
		if !strings.HasPrefix(rel, content.Dir+"/") || path.Ext(rel) != ".md" {
			return nil, nil, site.ErrNeedFull
		}
		src, err := os.ReadFile(filepath.Join(s.opts.Source, filepath.FromSlash(rel)))
		if err != nil {
			return nil, nil, site.ErrNeedFull // deleted, or unreadable: let a full build say
		}
		// Read as Load would: the file's section role, and what the
		// sections above it pass down.
		cp := s.set.Parse(rel, src, s.Model.Config, &diags)
		if cp == nil || s.Model.PageByRel(cp.Rel) == nil {
			return nil, nil, site.ErrNeedFull
		}
		if old := s.Model.PageByRel(cp.Rel); cp.IsSection && !content.SameCascade(old.Page, cp) {
			return nil, nil, site.ErrNeedFull // the pages below it change too
		}
		pages = append(pages, cp)
	}
	diags = s.policy.Adjust(diags)
	if diags.HasErrors() {
		return nil, nil, site.ErrNeedFull
	}
	return pages, diags, nil
}

func (s *Site) updateBodies(pages []*content.Page) (*Site, []string, error) {
	// Every file must be a body-only edit before any is applied: a batch
	// that mixes in a front matter edit goes another way whole.
	for _, cp := range pages {
		if !bytes.Equal(s.Model.PageByRel(cp.Rel).FrontMatter(), cp.FrontMatter()) {
			return nil, nil, site.ErrNeedFull
		}
	}
	next := &Site{Files: maps.Clone(s.Files), Pages: s.Pages, Model: s.Model, Diags: s.Diags, opts: s.opts, renderer: s.renderer, set: s.set, md: s.md, parsed: s.parsed, how: "body", history: s.history, gitNotes: s.gitNotes, policy: s.policy}
	var outputs []string
	var rendered []*site.Page
	for i, cp := range pages {
		p, pdiags, err := s.Model.UpdateBody(cp)
		if errors.Is(err, site.ErrNeedFull) && i > 0 {
			return nil, nil, errTouched
		}
		if err != nil {
			return nil, nil, err
		}
		if pdiags.HasErrors() {
			return nil, nil, pdiags.Err()
		}
		// The page's body warnings are replaced; front matter ones stay.
		kept := next.Diags[:0:0]
		for _, d := range next.Diags {
			if d.File != cp.File || d.Line < cp.BodyLine {
				kept = append(kept, d)
			}
		}
		for _, d := range pdiags {
			if d.Line >= cp.BodyLine {
				kept = append(kept, d)
			}
		}
		kept.Sort()
		next.Diags = kept
		html, err := s.renderer.Page(p)
		if err != nil {
			return nil, nil, templateErrors([]error{err})
		}
		name := strings.TrimPrefix(p.URL, "/") + "index.html"
		next.Files[name] = html
		outputs = append(outputs, name)
		next.set = replacePage(next.set, cp)
		rendered = append(rendered, p)
	}
	next.updateSearchDocs(s, rendered)
	return next, outputs, nil
}

// errTouched says a body update fell back after changing the model.
var errTouched = errors.New("model partly updated")

func today() time.Time {
	now := time.Now()
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// replacePage returns a copy of set with the page of the same file replaced.
func replacePage(set *content.Set, cp *content.Page) *content.Set {
	out := &content.Set{Pages: slices.Clone(set.Pages), Files: set.Files, Skipped: set.Skipped}
	for i, p := range out.Pages {
		if p.File == cp.File {
			out.Pages[i] = cp
		}
	}
	return out
}

// updateFrontMatter applies one page's front matter edit to the model in
// place (see site.UpdateFrontMatter) and renders the outputs it names,
// the home and 404 pages, and the sitemap when a review date changed.
func (s *Site) updateFrontMatter(cp *content.Page, parseDiags diag.List) (*Site, []string, error) {
	if s.hasOwnLayouts() {
		return nil, nil, site.ErrNeedFull // a custom layout may show anything
	}
	old := s.Model.PageByRel(cp.Rel)
	if old == nil {
		return nil, nil, site.ErrNeedFull
	}
	oldReviewed := old.Reviewed
	todo, pdiags, err := s.Model.UpdateFrontMatter(cp)
	if err != nil {
		return nil, nil, err // after ErrNeedFull the model is untouched
	}
	todo = append(todo, site.Output{Page: s.Model.Home, List: 1})
	names, htmls, err := renderOutputs(s.renderer, todo)
	if err != nil {
		return nil, nil, err
	}
	next := &Site{Files: maps.Clone(s.Files), Pages: s.Pages, Model: s.Model, opts: s.opts, renderer: s.renderer, set: replacePage(s.set, cp), md: s.md,
		parsed: replaceDiags(s.parsed, parseDiags, cp.File), how: "front matter", history: s.history, gitNotes: s.gitNotes, policy: s.policy}
	// The file's diagnostics are all found again; others' stay.
	next.Diags = replaceDiags(s.Diags, append(parseDiags, pdiags...), cp.File)
	next.updateSearchDocs(s, outputPages(todo))
	outputs := names
	for i, name := range names {
		next.Files[name] = htmls[i]
	}
	notFound, err := s.renderer.NotFound()
	if err != nil {
		return nil, nil, err
	}
	next.Files["404.html"] = notFound
	outputs = append(outputs, "404.html")
	if _, ok := s.Files["sitemap.xml"]; ok && !oldReviewed.Equal(cp.Reviewed) {
		next.Files["sitemap.xml"] = sitemap(s.Model)
		outputs = append(outputs, "sitemap.xml")
	}
	return next, outputs, nil
}

// relink handles edits to front matter that keep every page where it is
// (same URL, kind, draft and audience): the site is linked again, taking
// every unchanged page's rendered body as it was, and only pages whose
// render inputs changed (see site.Signatures) are rendered again.
func (s *Site) relink(pages []*content.Page, diags diag.List) (*Site, []string, error) {
	if s.hasOwnLayouts() {
		return nil, nil, site.ErrNeedFull // a custom layout may show anything
	}
	set := s.set
	for _, cp := range pages {
		old := s.Model.PageByRel(cp.Rel)
		if old.URL != cp.URL || old.Kind != cp.Kind || old.Draft != cp.Draft || old.Audience != cp.Audience {
			return nil, nil, site.ErrNeedFull
		}
		if !bytes.Equal(old.Body, cp.Body) && s.Model.LinkedWithAnchor(cp.Rel) {
			return nil, nil, site.ErrNeedFull // its heading IDs may have changed under other pages' links
		}
		set = replacePage(set, cp)
	}
	root, err := os.OpenRoot(s.opts.Source)
	if err != nil {
		return nil, nil, site.ErrNeedFull
	}
	defer root.Close()
	fsys := root.FS()
	model, ldiags := site.Link(s.Model.Config, set, fsys, s.md, site.Options{
		Drafts: s.opts.Drafts, Audience: s.opts.Audience, Today: s.opts.Today, BaseURL: s.opts.BaseURL, Reuse: s.Model, Adjust: s.policy.Adjust,
	})
	if model == nil {
		return nil, nil, ldiags.Err()
	}
	if !slices.Equal(model.Files, s.Model.Files) {
		return nil, nil, site.ErrNeedFull // what is published changed
	}
	themeFS := s.opts.Theme
	if themeFS == nil {
		themeFS = theme.FS
	}
	r, err := render.New(model, s.md, fsys, themeFS)
	if err != nil {
		return nil, nil, err
	}
	r.SetHistory(s.history) // read once per full build: edits are not commits
	r.SetRelease(s.opts.Release)
	r.SetOffline(s.renderer.OfflineHead())
	before := s.sigs
	if before == nil {
		before = s.Model.Signatures()
	}
	after := model.Signatures()
	var todo []site.Output
	for _, p := range model.Pages {
		if p.Kind == content.KindHome || before[p.URL] != after[p.URL] {
			todo = append(todo, site.Output{Page: p, List: 1})
			for n := 2; n <= len(p.Listings()); n++ {
				todo = append(todo, site.Output{Page: p, List: n})
			}
		}
	}
	names, htmls, err := renderOutputs(r, todo)
	if err != nil {
		return nil, nil, err
	}
	parsed := s.parsed
	for _, cp := range pages {
		parsed = replaceDiags(parsed, diags, cp.File)
	}
	next := &Site{Files: maps.Clone(s.Files), Pages: s.Pages, Model: model, opts: s.opts, renderer: r, set: set, md: s.md, sigs: after, parsed: parsed, how: "relink", history: s.history, gitNotes: s.gitNotes, policy: s.policy}
	next.Diags = append(append(append(slices.Clone(parsed), ldiags...), s.policy.Adjust(r.Warnings())...), s.gitNotes...)
	if n, ok := sitemapNote(model, s.opts); ok {
		next.Diags = append(next.Diags, s.policy.Adjust(diag.List{n})...)
	}
	next.Diags.Sort()
	next.updateSearchDocs(s, outputPages(todo))
	outputs := names
	for i, name := range names {
		next.Files[name] = htmls[i]
	}
	notFound, err := r.NotFound()
	if err != nil {
		return nil, nil, err
	}
	next.Files["404.html"] = notFound
	searchPage, err := r.Search()
	if err != nil {
		return nil, nil, err
	}
	next.Files["search/index.html"] = searchPage
	outputs = append(outputs, "404.html", "search/index.html")
	if _, ok := s.Files["sitemap.xml"]; ok {
		next.Files["sitemap.xml"] = sitemap(model)
		outputs = append(outputs, "sitemap.xml")
	}
	return next, outputs, nil
}

// outputPages lists the pages behind outputs (a section once per list page).
func outputPages(todo []site.Output) []*site.Page {
	out := make([]*site.Page, len(todo))
	for i, o := range todo {
		out[i] = o.Page
	}
	return out
}

// renderOutputs renders pages and list pages in parallel, returning each
// output file's name (once, in order) and HTML.
func renderOutputs(r *render.Renderer, todo []site.Output) ([]string, [][]byte, error) {
	seen := map[string]bool{}
	var names []string
	var jobs []site.Output
	for _, o := range todo {
		name := strings.TrimPrefix(o.Page.ListingURL(o.List), "/") + "index.html"
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
			jobs = append(jobs, o)
		}
	}
	htmls := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	parallel.Each(len(jobs), func(i int) {
		if jobs[i].List > 1 {
			htmls[i], errs[i] = r.Listing(jobs[i].Page, jobs[i].List)
		} else {
			htmls[i], errs[i] = r.Page(jobs[i].Page)
		}
	})
	if err := templateErrors(errs); err != nil {
		return nil, nil, err
	}
	return names, htmls, nil
}

// replaceDiags returns list with file's diagnostics replaced by those of
// fresh that concern it, sorted.
func replaceDiags(list, fresh diag.List, file string) diag.List {
	var out diag.List
	for _, d := range list {
		if d.File != file {
			out = append(out, d)
		}
	}
	for _, d := range fresh {
		if d.File == file {
			out = append(out, d)
		}
	}
	out.Sort()
	return out
}

// hasOwnLayouts reports whether the playbook overrides any template.
func (s *Site) hasOwnLayouts() bool {
	entries, err := os.ReadDir(filepath.Join(s.opts.Source, "layouts"))
	return err == nil && len(entries) > 0
}
