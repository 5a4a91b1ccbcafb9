// Package pipeline builds one version of a playbook: config -> content ->
// site (model, then each page's body) -> render -> files, each page
// rendered and written as soon as its body is ready. Generate keeps the
// result in memory (for serving and tests); Build writes it to disk
// through a staging folder, never holding the whole site. Start and
// Finish split the work around what only other versions can tell, for
// package versions, which is what `playbook build` runs.
package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/xml"
	"errors"
	"fmt"
	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/parallel"
	"io/fs"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/history"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/outpath"
	"github.com/playbook-ssg/playbook/generator/output"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// Options control a build.
type Options struct {
	Source   string    // playbook folder (holds playbook.toml)
	Drafts   bool      // include drafts
	Audience string    // "internal" (default: everything) or "external"
	BaseURL  string    // overrides base_url from the config
	Today    time.Time // date for review status; zero means today
	Theme    fs.FS     // theme files; nil means the embedded default theme

	// Files, when set, is where the playbook is read from instead of the
	// Source folder: a tagged version read through git (gitfs), so that
	// the working tree is never touched. Source then only names it in
	// messages; a site generated this way cannot Update.
	Files fs.FS

	// GitHistory shows on each page when and by whom its file was last
	// changed, from one pass over the git log. Off by default so that
	// output depends only on the files (tests, golden pages).
	GitHistory bool
	// History, when set, is the git history to show, already read by the
	// caller (for a tagged version, at its tag); GitHistory is then not
	// read again.
	History *history.History

	// Release says which version of the playbook this build is and where
	// the others are, for the version switcher, the banner of an older
	// version, the What changed page and the feedback links; nil in a
	// build without versions.
	Release *release.Context

	// Live is the live preview (`playbook serve`): no service worker,
	// app manifest or offline files, since a worker would answer in place
	// of the live server.
	Live bool

	noSearch bool // leave the search index out, to measure what it costs
}

// Site is a generated site held in memory.
type Site struct {
	Files map[string][]byte // slash-separated paths under the site root
	Pages int               // HTML pages rendered (not counting 404)
	Model *site.Site
	Diags diag.List // warnings (errors abort generation)
	Times []Stage   // how long each stage took, in order

	opts     Options
	renderer *render.Renderer
	set      *content.Set
	md       *markdown.Renderer
	sigs     map[string][32]byte // Model.Signatures, once computed
	parsed   diag.List           // what loading the content found, kept for updates
	how      string              // how the last update was made, for tests
	history  *history.History    // git's last change per file, read by full builds
	gitNotes diag.List           // what reading the history found (not a repository …)
	policy   *baseline.Policy    // [check] severity and the baseline, applied to every diagnostic once

	// stream, when set, takes the big files as they are made (Build);
	// streamed is the size and hash of each, for the offline files.
	stream   *output.Stream
	streamMu sync.Mutex
	streamed map[string]fileSum
	paths    *outpath.Table // every file's path, claimed before any is written
	home     *site.Page     // rendered by Finish
	finished bool

	searchDocs  []search.Doc   // what the search index holds, by page
	searchAt    map[string]int // index into searchDocs by page URL
	searchStale bool           // searchDocs changed since the index was built
}

// Stage is one timed step of the pipeline, for `build -v`.
type Stage struct {
	Name     string
	Duration time.Duration
}

// stopwatch records consecutive stage durations.
type stopwatch struct {
	last   time.Time
	stages []Stage
}

func newStopwatch() *stopwatch { return &stopwatch{last: time.Now()} }

func (w *stopwatch) lap(name string) {
	now := time.Now()
	w.stages = append(w.stages, Stage{name, now.Sub(w.last)})
	w.last = now
}

// Generate runs the pipeline and returns the site in memory. Content
// problems are returned as an error carrying diagnostics (see diag.From).
func Generate(opts Options) (*Site, error) {
	s, err := Start(opts, nil)
	if err != nil {
		return nil, err
	}
	if err := s.Finish(nil, nil); err != nil {
		return nil, err
	}
	return s, nil
}

// Start runs the pipeline up to what only the other versions of the
// playbook can tell: every page but the home page is rendered, and the
// search index made. Finish then renders the home page (which shows what
// is new), the What changed and versions pages, and the offline files.
//
// With a stream, each page is written as soon as it is rendered and its
// HTML then dropped, like the other big files (list pages, content files,
// the search index): Files keeps only the small files read again later
// (the home, 404 and search pages, the search index's meta.json, the
// theme's assets, the sitemap, redirects and offline files), for the
// caller to write after Finish; the rest is on its way to disk. Without
// one, Files holds the whole site.
func Start(opts Options, stream *output.Stream) (*Site, error) {
	if opts.Audience == "" {
		opts.Audience = content.Internal
	}
	if opts.Audience != content.Internal && opts.Audience != content.External {
		return nil, fmt.Errorf("audience %q: use internal or external", opts.Audience)
	}
	watch := newStopwatch()
	fsys, cfg, closeFS, err := open(opts)
	if err != nil {
		return nil, err
	}
	defer closeFS()
	policy, err := loadPolicy(opts, cfg, fsys)
	if err != nil {
		return nil, err
	}
	set, diags, err := content.Load(fsys, cfg)
	watch.lap("load content")
	if err != nil {
		return nil, err
	}
	diags = policy.Adjust(diags)
	if diags.HasErrors() {
		return nil, diags.Err()
	}
	parsed := diags
	md := markdown.New(markdown.Options{RawHTML: markdown.RawHTML(cfg.Markdown.RawHTML), Limits: content.Limits(cfg)})
	s, modelDiags := site.Model(cfg, set, fsys, md, site.Options{
		Drafts: opts.Drafts, Audience: opts.Audience, Today: opts.Today, BaseURL: opts.BaseURL, Adjust: policy.Adjust,
	})
	if s == nil {
		return nil, append(diags, modelDiags...).Err()
	}
	if modelDiags.HasErrors() {
		// Every problem in one run: the bodies' too, without rendering.
		s.Options.LinksOnly = true
		more, err := s.Bodies(nil)
		if err != nil {
			return nil, err
		}
		return nil, append(diags, more...).Err()
	}
	watch.lap("link")
	themeFS := opts.Theme
	if themeFS == nil {
		themeFS = theme.FS
	}
	r, err := render.New(s, md, fsys, themeFS)
	if err != nil {
		return nil, err
	}
	diags = append(diags, policy.Adjust(r.Warnings())...)
	var hist *history.History
	var gitNotes diag.List
	r.SetRelease(opts.Release)
	if opts.History != nil {
		r.SetHistory(opts.History)
		hist = opts.History
	} else if opts.GitHistory && opts.Files == nil { // a version's history is read at its tag
		h, notes, err := history.Read(opts.Source)
		if err != nil {
			return nil, err
		}
		r.SetHistory(h)
		hist, gitNotes = h, policy.Adjust(notes)
		diags = append(diags, gitNotes...)
		watch.lap("git history")
	}

	out := &Site{Files: map[string][]byte{}, Model: s, opts: opts, renderer: r, set: set, md: md, parsed: parsed, how: "full", history: hist, gitNotes: gitNotes, policy: policy, stream: stream}
	if stream != nil {
		out.streamed = map[string]fileSum{}
	}
	for name, b := range r.Assets() {
		out.Files[name] = b
	}
	if err := setOffline(out, s, r); err != nil {
		return nil, err
	}
	// Every page's, list page's and old address's path is known before
	// anything is rendered: refuse any two files at one place (see
	// package outpath) before the first is written.
	out.paths = paths(s, set, r.Assets(), fsys, opts)
	if clash := append(content.AliasClashes(set.Pages), out.paths.Problems()...); clash.HasErrors() {
		clash.Sort()
		return nil, clash.Err()
	}

	// Render and write each page as soon as its body is ready; a
	// section's list pages with it, while its body is at hand. The
	// default theme shows no other page's body, table of contents or
	// text; a playbook's own layouts (or another theme) may, so then
	// every body is ready before any page renders, as the live preview
	// assumes too (it rebuilds in full when a playbook has layouts).
	errs := make([]error, len(s.Pages))
	docs := make([]*search.Doc, len(s.Pages))
	searchOn := !opts.noSearch
	renderPage := func(i int, p *site.Page) {
		if p == s.Home {
			out.home = p // rendered by Finish, with what changed
		} else {
			html, err := r.Page(p)
			if err != nil {
				errs[i] = err
				return
			}
			out.put(pageFile(p), html)
		}
		for n := 2; n <= len(p.Listings()); n++ {
			list, err := r.Listing(p, n)
			if err != nil {
				errs[i] = err
				return
			}
			out.put(strings.TrimPrefix(p.ListingURL(n), "/")+"index.html", list)
		}
		if searchOn && searchable(p) {
			d := searchDoc(p, md)
			docs[i] = &d
		}
	}
	crossPage := opts.Theme != nil || ownLayouts(fsys)
	var each func(i int, p *site.Page) error
	if !crossPage {
		each = func(i int, p *site.Page) error {
			renderPage(i, p)
			if stream != nil && p != s.Home {
				p.DropBody()
			}
			return nil
		}
	}
	linkDiags, err := s.Bodies(each)
	if err == nil && crossPage && !linkDiags.HasErrors() {
		parallel.Each(len(s.Pages), func(i int) { renderPage(i, s.Pages[i]) })
		if stream != nil {
			for _, p := range s.Pages {
				if p != s.Home {
					p.DropBody()
				}
			}
		}
	}
	if err != nil {
		return nil, err
	}
	if stream != nil {
		for _, p := range s.Pages {
			if p != s.Home {
				p.DropLinks()
			}
		}
	}
	diags = append(diags, linkDiags...)
	if linkDiags.HasErrors() {
		diags.Sort()
		return nil, diags.Err()
	}
	if err := templateErrors(errs); err != nil {
		return nil, err
	}
	out.Diags = diags
	out.Pages = len(s.Pages)
	watch.lap("render pages")

	// Content files are known once every body is: those pages link to.
	// They are claimed before the first is written.
	claimFiles(out.paths, s.Files, r.Assets())
	if clash := out.paths.Problems(); clash.HasErrors() {
		clash.Sort()
		return nil, clash.Err()
	}
	for _, f := range s.Files {
		b, err := fs.ReadFile(fsys, path.Join(content.Dir, f))
		if err != nil {
			return nil, content.ReadError(path.Join(content.Dir, f), err)
		}
		if _, asset := out.Files[f]; asset || f == "404.html" || f == "sitemap.xml" {
			// As before streaming: the playbook's file replaces an asset,
			// and the build's own 404 page and sitemap replace it.
			out.Files[f] = b
			continue
		}
		out.put(f, b)
	}
	notFound, err := r.NotFound()
	if err != nil {
		return nil, err
	}
	out.Files["404.html"] = notFound
	watch.lap("content files")
	if searchOn {
		if err := addSearch(out, s, r, docs); err != nil {
			return nil, err
		}
	}
	watch.lap("search index")
	if strings.Contains(s.BaseURL, "://") {
		out.Files["sitemap.xml"] = sitemap(s)
	} else if n, ok := sitemapNote(s, opts); ok {
		out.Diags = append(out.Diags, policy.Adjust(diag.List{n})...)
	}
	if err := addRedirects(out, s); err != nil {
		return nil, err
	}
	out.Diags.Sort()
	out.Times = watch.stages
	return out, nil
}

// Finish renders what depends on the other versions of the playbook: the
// What changed page for rep (nil when there is none: a build without
// versions), the home page, which shows what is new, and the list of
// versions at /versions/ (list nil for none), then the offline files. A
// site is finished once; with rep, it must have been started with a
// Release.
func (s *Site) Finish(rep *changes.Report, list []release.Version) error {
	if s.finished {
		return errors.New("build: the site is finished already")
	}
	s.finished = true
	start := time.Now()
	r := s.renderer
	if rep != nil {
		if s.opts.Release == nil {
			return errors.New("build: what changed needs a site started with a Release")
		}
		rel := *s.opts.Release
		rel.Changes = rep
		s.opts.Release = &rel
		r.SetRelease(&rel)
		page, err := r.Changes()
		if err != nil {
			return err
		}
		s.put(ChangesPage+"index.html", page)
	}
	if s.home != nil {
		home, err := r.Page(s.home)
		if err != nil {
			return templateErrors([]error{err})
		}
		s.Files["index.html"] = home
	}
	if list != nil {
		page, err := r.Versions(list)
		if err != nil {
			return err
		}
		s.put(VersionsPage+"index.html", page)
	}
	if err := s.writeOffline(); err != nil {
		return err
	}
	s.Times = append(s.Times, Stage{"home, offline", time.Since(start)})
	return nil
}

// ownLayouts reports whether the playbook has layouts of its own.
func ownLayouts(fsys fs.FS) bool {
	entries, err := fs.ReadDir(fsys, "layouts")
	return err == nil && len(entries) > 0
}

// pageFile is where a page's HTML goes.
func pageFile(p *site.Page) string {
	return strings.TrimPrefix(p.URL, "/") + "index.html"
}

// open returns the playbook's files and configuration: from opts.Files
// when set, otherwise from the Source folder through an os.Root, which
// keeps every read inside the playbook folder (a symbolic link to
// /etc/passwd in static/ must not publish it).
func open(opts Options) (fs.FS, *config.Config, func(), error) {
	if opts.Files != nil {
		src, err := fs.ReadFile(opts.Files, config.FileName)
		if err != nil {
			return nil, nil, nil, fmt.Errorf("reading %s of %s: %w", config.FileName, opts.Source, err)
		}
		cfg, err := config.Parse(src)
		return opts.Files, cfg, func() {}, err
	}
	cfg, err := config.Load(opts.Source)
	if err != nil {
		return nil, nil, nil, err
	}
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("opening %s: %w", opts.Source, err)
	}
	return root.FS(), cfg, func() { root.Close() }, nil
}

// loadPolicy reads the playbook's [check] severities and baseline, from
// the tag being built when opts.Files is set.
func loadPolicy(opts Options, cfg *config.Config, fsys fs.FS) (*baseline.Policy, error) {
	if opts.Files != nil {
		return baseline.ForConfigFS(cfg, fsys)
	}
	return baseline.ForConfig(cfg, opts.Source)
}

// Result summarises a build written to disk.
type Result struct {
	Pages    int
	Files    int
	Out      string
	Duration time.Duration
	Diags    diag.List
	Times    []Stage
}

// Build generates the site and writes it to out, each page as soon as it
// is rendered, into a temporary folder that replaces out only when the
// whole build succeeded: on any error the previous contents of out are
// left untouched.
func Build(opts Options, out string) (*Result, error) {
	return BuildContext(context.Background(), opts, out)
}

// BuildContext is Build with a context for the output (see output.Begin):
// a Guard in it can abort the build's output when the command is
// interrupted, and it ending stops a wait for another build of out.
func BuildContext(ctx context.Context, opts Options, out string) (*Result, error) {
	start := time.Now()
	st, err := output.Begin(ctx, out, opts.Source)
	if err != nil {
		return nil, err
	}
	stream, err := st.Stream("")
	if err != nil {
		st.Abort()
		return nil, err
	}
	s, err := Start(opts, stream)
	if err == nil {
		err = s.Finish(nil, nil)
	}
	if err == nil {
		for name, b := range s.Files {
			stream.Put(name, b)
		}
	}
	if cerr := stream.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		st.Abort()
		return nil, err
	}
	writeStart := time.Now()
	if err := st.Commit(); err != nil {
		return nil, err
	}
	times := append(s.Times, Stage{"write", time.Since(writeStart)})
	return &Result{Pages: s.Pages, Files: s.FileCount(), Out: out, Duration: time.Since(start), Diags: s.Diags, Times: times}, nil
}

// sitemapNote explains a missing sitemap when the base URL has no host and
// the user did not choose that on the command line.
func sitemapNote(s *site.Site, opts Options) (diag.Diagnostic, bool) {
	if strings.Contains(s.BaseURL, "://") || opts.BaseURL != "" {
		return diag.Diagnostic{}, false
	}
	return diag.Diagnostic{File: config.FileName, Severity: diag.Info, Rule: "sitemap",
		Message: "no sitemap.xml: a sitemap needs full addresses, so set base_url to where the site will live, like \"https://example.github.io/playbook/\""}, true
}

type urlEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName xml.Name   `xml:"urlset"`
	NS      string     `xml:"xmlns,attr"`
	URLs    []urlEntry `xml:"url"`
}

// sitemap lists every published page with its last review date. Drafts,
// shown only in preview builds, are left out.
func sitemap(s *site.Site) []byte {
	set := urlSet{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, p := range s.Pages {
		if p.Draft {
			continue
		}
		e := urlEntry{Loc: s.BaseURL + site.EscapePath(strings.TrimPrefix(p.URL, "/"))}
		if !p.Reviewed.IsZero() {
			e.LastMod = p.Reviewed.Format("2006-01-02")
		}
		set.URLs = append(set.URLs, e)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	_ = enc.Encode(set)
	buf.WriteByte('\n')
	return buf.Bytes()
}

// templateErrors reports each distinct template failure once, however many
// pages hit it, naming one page and how many others.
func templateErrors(errs []error) error {
	type seen struct {
		d     diag.Diagnostic
		url   string
		count int
	}
	var order []string
	byKey := map[string]*seen{}
	var other []error
	for _, err := range errs {
		var te *render.TemplateError
		switch {
		case err == nil:
		case errors.As(err, &te):
			key := te.Diag.String()
			if byKey[key] == nil {
				byKey[key] = &seen{d: te.Diag, url: te.URL}
				order = append(order, key)
			}
			byKey[key].count++
		default:
			other = append(other, err)
		}
	}
	if len(other) > 0 {
		return errors.Join(other...)
	}
	var list diag.List
	for _, key := range order {
		s := byKey[key]
		d := s.d
		d.Message += fmt.Sprintf(" (rendering %s", s.url)
		if s.count > 1 {
			d.Message += fmt.Sprintf(" and %d other pages", s.count-1)
		}
		d.Message += ")"
		list = append(list, d)
	}
	list.Sort()
	return list.Err()
}

// fileSum is what the end of a build needs to know of a file it wrote.
type fileSum struct {
	size int
	sum  [32]byte
}

// put adds a file to the site: to the stream when there is one, else to
// Files. It is safe for concurrent use.
func (s *Site) put(name string, data []byte) {
	if s.stream == nil {
		s.streamMu.Lock()
		s.Files[name] = data
		s.streamMu.Unlock()
		return
	}
	sum := sha256.Sum256(data)
	s.stream.Put(name, data)
	s.streamMu.Lock()
	s.streamed[name] = fileSum{size: len(data), sum: sum}
	s.streamMu.Unlock()
}

// Has reports whether the site has a file at name, in memory or
// written.
func (s *Site) Has(name string) bool { return s.has(name) }

// FileCount is how many files the site has, in memory and written.
func (s *Site) FileCount() int { return len(s.fileNames()) }

// has reports whether the site has a file at name.
func (s *Site) has(name string) bool {
	if _, ok := s.Files[name]; ok {
		return true
	}
	_, ok := s.streamed[name]
	return ok
}

// fileNames lists every file of the site, in no order.
func (s *Site) fileNames() []string {
	names := make([]string, 0, len(s.Files)+len(s.streamed))
	for name := range s.Files {
		names = append(names, name)
	}
	for name := range s.streamed {
		if _, dup := s.Files[name]; !dup {
			names = append(names, name)
		}
	}
	return names
}

// sumOf returns the SHA-256 and size of a file of the site.
func (s *Site) sumOf(name string) fileSum {
	if b, ok := s.Files[name]; ok {
		return fileSum{size: len(b), sum: sha256.Sum256(b)}
	}
	return s.streamed[name]
}
