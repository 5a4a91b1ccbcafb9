package pipeline

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/offline"
	"github.com/playbook-ssg/playbook/generator/outpath"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// paths claims every file a build with opts writes that is known before
// any page renders, in one outpath.Table: the build's own files (404
// page, sitemap, search, offline files, versions pages), the theme's and
// the playbook's static files, every page and list page, and every old
// address's redirect page. The content files pages link to are known
// once every body is, and claimed then (claimFiles).
//
// The old addresses content.AliasClashes refuses (at a page's URL, or
// twice) are left to its message.
func paths(s *site.Site, set *content.Set, assets map[string][]byte, playbook fs.FS, opts Options) *outpath.Table {
	t := outpath.New()
	built := func(what string) outpath.Source { return outpath.Source{What: what} }

	// Folders the build keeps whole, then its own files.
	if !opts.noSearch {
		t.Tree("search/", built("the site's search (search/)"))
	}
	var reserved []site.Reserved
	if rel := opts.Release; !((rel == nil || rel.Alone) && !s.Config.Versions.On()) {
		reserved = site.ReservedForVersions(rel == nil || rel.Current.Latest)
	}
	for _, res := range reserved {
		src := built(res.What + " when versions are on (versions.enabled in playbook.toml)")
		switch {
		case res.Tree:
			t.Tree(res.Path, src)
		case strings.HasSuffix(res.Path, "/"):
			t.Claim(res.Path+"index.html", src)
		default:
			t.Claim(res.Path, src)
		}
	}
	t.Claim("404.html", built("the site's page for addresses that do not exist (404.html)"))
	if strings.Contains(s.BaseURL, "://") { // as the build: no full addresses, no sitemap
		t.Claim("sitemap.xml", built("the site's sitemap (sitemap.xml)"))
	}
	if offlineOn(opts) {
		for _, name := range offlineFiles {
			t.Claim(name, built("the site's offline support (the service worker, app manifest and offline page)"))
		}
	} else if !opts.Live && (opts.Release == nil || opts.Release.Current.Latest) {
		t.Claim(offline.WorkerFile, built("the site's service worker (sw.js)"))
	}

	// Static files: the playbook's over the theme's, in a stable order.
	for _, name := range sortedNames(assets) {
		if name == "404.html" || name == "sitemap.xml" {
			continue // replaced by the build's own, as ever
		}
		if _, err := fs.Stat(playbook, path.Join("static", name)); err == nil {
			file := path.Join("static", name)
			t.Claim(name, outpath.Source{File: file, Subject: "/" + name, What: "the file " + file, Fix: "rename or move this file"})
			continue
		}
		t.Claim(name, built(assetOrigin(name)))
	}

	// Pages, their list pages and their old addresses.
	for _, p := range s.Pages {
		t.Claim(pageFile(p), pageSource(p))
	}
	for _, p := range s.Pages {
		for n := 2; n <= len(p.Listings()); n++ {
			url := p.ListingURL(n)
			if s.Page(url) != nil {
				continue // a page there: the model reports it (site.checkListings)
			}
			src := pageSource(p)
			src.Subject = "list page " + strconv.Itoa(n) + " of " + src.File + " (" + url + ")"
			src.What = "list page " + strconv.Itoa(n) + " of " + src.File + " (a long section's list pages are numbered under page/)"
			src.Fix = "rename or move that file"
			src.Weight = heavy
			t.Claim(strings.TrimPrefix(url, "/")+"index.html", src)
		}
	}
	refused := map[[3]any]bool{}
	for _, d := range content.AliasClashes(set.Pages) {
		refused[[3]any{d.File, d.Line, d.Col}] = true
	}
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			if refused[[3]any{p.File, a.Line, a.Col}] {
				continue
			}
			t.Claim(a.File(), outpath.Source{File: p.File, Line: a.Line, Col: a.Col,
				Subject: "old address " + a.URL, What: "a redirect to " + p.File + " (its old address on line " + strconv.Itoa(a.Line) + ")", Fix: "remove the alias", Weight: light, Redirect: true})
		}
	}
	return t
}

// assetOrigin names a file of the renderer's that is not the playbook's:
// the two the build makes from playbook.toml, or one of the theme's.
func assetOrigin(name string) string {
	switch name {
	case "css/highlight.css":
		return "the site's code colours (css/highlight.css, made from [markdown] highlight_light and highlight_dark)"
	case "css/brand.css":
		return "the site's brand styles (css/brand.css, made from [brand] in playbook.toml)"
	}
	return "the theme's file static/" + name
}

// Weights of claims (outpath.Source.Weight): an old address gives way to
// any file, and any file to a long section's list page, which cannot
// move.
const (
	light = -1
	heavy = 1
)

// claimFiles claims the content files published pages link to. A file
// at the address of a static file or of the build's 404 page or sitemap
// replaces it, as it always has, so those are not claimed.
func claimFiles(t *outpath.Table, files []string, assets map[string][]byte) {
	for _, f := range files {
		if _, asset := assets[f]; asset || f == "404.html" || f == "sitemap.xml" {
			continue
		}
		file := path.Join(content.Dir, f)
		t.Claim(f, outpath.Source{File: file, Subject: "/" + f, What: "the file " + file, Fix: "rename or move this file"})
	}
}

// pageSource is where a page's address comes from: its file's name, or
// the folder of a section page without one.
func pageSource(p *site.Page) outpath.Source {
	file, what := p.File, "the page "+p.File
	switch {
	case file == "" && p.Kind == content.KindHome:
		return outpath.Source{What: "the home page (index.html)"}
	case p.Kind == content.KindHome:
		// The home page cannot move: the other file gives way.
		return outpath.Source{File: file, Line: 1, Col: 1, Subject: "the URL /", What: "the home page (" + file + ")", Fix: "rename or move the other file", Weight: heavy}
	case file == "":
		file = path.Join(content.Dir, p.Dir) + "/"
		what = "the section " + file
	}
	return outpath.Source{File: file, Line: 1, Col: 1, Subject: "the URL " + p.URL, What: what, Fix: "rename or move this page"}
}

// CheckPaths is what `playbook check` asks of the paths a plain
// `playbook build` of s would write: every collision (see package
// outpath), from the same claims the build makes. md and playbook are
// those s was linked with; the theme is the default one.
func CheckPaths(s *site.Site, set *content.Set, md *markdown.Renderer, playbook fs.FS) diag.List {
	var assets map[string][]byte
	var problems diag.List
	r, err := render.New(s, md, playbook, theme.FS)
	if err == nil {
		assets = r.Assets()
	} else {
		problems = layoutProblems(err)
	}
	t := paths(s, set, assets, playbook, Options{})
	claimFiles(t, s.Files, assets)
	return append(problems, t.Problems()...)
}

// layoutProblems is why the layouts could not be loaded, as check
// reports it: a green check must mean that build gets past loading them.
func layoutProblems(err error) diag.List {
	var list *diag.ListError
	var tmpl *render.TemplateError
	var file *render.FileError
	switch {
	case errors.As(err, &list):
		return list.List
	case errors.As(err, &tmpl):
		return tmpl.List()
	case errors.As(err, &file):
		rule := "template"
		if strings.HasPrefix(file.File, "static") {
			rule = "static"
		}
		return diag.List{{Severity: diag.Error, Rule: rule, File: file.File, Message: file.Reason}}
	}
	return diag.List{{Severity: diag.Error, Rule: "template", Message: err.Error()}}
}

// sortedNames is the names of files, sorted.
func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}
