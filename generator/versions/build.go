// Package versions builds every release of a playbook into one site: the
// latest (the working tree) at the root and each git tag matching
// [versions] tags under /v/<name>/, read through git without checking it
// out, with a What changed page per version and a versions.json listing
// them for the version switcher.
//
// A tag's build is cached by everything its output depends on (the tag's
// commit, the version before it, the generator, the theme and the
// settings of the latest that reach it): when nothing changed, its folder
// is carried over from the previous output by one rename, so a rebuild
// renders only the latest.
package versions

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/gitfs"
	"github.com/playbook-ssg/playbook/generator/history"
	"github.com/playbook-ssg/playbook/generator/output"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// Options control a build of every version.
type Options struct {
	// Build is how to build the latest: Source, Audience, BaseURL, Today,
	// Theme, GitHistory. Tags are built the same way, without drafts,
	// judged against their own commit's date.
	Build pipeline.Options
	// Out is the output folder.
	Out string
	// CacheDir keeps what later builds need to reuse a tag's output
	// (see cache); empty builds every tag every time.
	CacheDir string
	// KeepGoing publishes the other versions when a tag does not build,
	// rather than failing the build.
	KeepGoing bool
	// Generator identifies the generator's code (its version, or a hash of
	// its executable), so that a new generator builds every tag again.
	Generator string
}

// Result summarises a build.
type Result struct {
	Out      string
	Pages    int // pages of the latest
	Files    int // files written; not counting versions carried over
	Versions []Built
	Diags    diag.List
	Times    []pipeline.Stage // how long each step took: the versions', then the latest's stages
	Duration time.Duration
}

// Built is one version of a build.
type Built struct {
	release.Version
	Pages  int
	Cached bool // carried over from the previous output
}

// Manifest is versions.json at the site's root: every version, newest
// first, and which pages each has, for the version switcher.
type Manifest struct {
	Format   int               `json:"format"`
	Versions []ManifestVersion `json:"versions"`
	// Pages is every page path of any version (relative to a version's
	// folder, "" for its home), sorted.
	Pages []string `json:"pages"`
	// Has lists, per version in the order of Versions, the half-open
	// ranges [start, end) of the indexes in Pages that the version has.
	Has [][][2]int `json:"has"`
}

// ManifestVersion is a version as versions.json lists it.
type ManifestVersion struct {
	release.Version
	Build string `json:"build,omitempty"` // the cache key of a tag's build
}

// ManifestFile is the name of versions.json under the site root.
const ManifestFile = "versions.json"

// Build builds the latest and every tagged version into opts.Out. On any
// error the previous output is left as it was.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	src := opts.Build.Source
	if err := output.CheckDest(opts.Out, src); err != nil {
		return nil, err
	}
	cfg, err := config.Load(src)
	if err != nil {
		return nil, err
	}
	b := &builder{opts: opts, cfg: cfg, res: &Result{Out: opts.Out}, cache: openCache(opts.CacheDir, src, opts.Out)}
	b.root = cfg.BaseURL
	if opts.Build.BaseURL != "" {
		b.root = opts.Build.BaseURL
	}
	if !strings.HasSuffix(b.root, "/") {
		b.root += "/"
	}
	lap := func(name string) {
		now := time.Now()
		b.res.Times = append(b.res.Times, pipeline.Stage{Name: name, Duration: now.Sub(start)})
		start = now
	}
	begin := start
	// The output first: it holds the output's lock, so the previous
	// output read next is the one this build replaces, not one another
	// build is about to.
	st, err := output.Begin(ctx, opts.Out, src)
	if err != nil {
		return nil, err
	}
	defer st.Abort() // does nothing once committed
	b.st = st
	b.published = readManifest(filepath.Join(opts.Out, ManifestFile))
	if err := b.findTags(ctx); err != nil {
		return nil, err
	}
	lap("find tags")
	if err := b.buildTags(ctx); err != nil {
		return nil, err
	}
	lap("tagged versions")
	b.warnDropped()
	if err := b.buildLatest(ctx, lap); err != nil {
		return nil, err
	}
	if err := st.Commit(); err != nil {
		return nil, err
	}
	if b.keys != nil {
		b.cache.prune(b.keys)
	}
	lap("commit output")
	b.res.Diags.Sort()
	b.res.Duration = time.Since(begin)
	return b.res, nil
}

// builder holds one Build's state.
type builder struct {
	opts  Options
	cfg   *config.Config
	res   *Result
	cache cache
	st    *output.Staging
	repo  *Repo
	tags  []Tag
	names []string // display names of tags
	paths []string // folder names of tags
	root  string   // base URL of the whole site
	keys  map[string]bool

	// published is what the previous output held.
	published published
	// failed are the tags left out because they do not build, and
	// tagErrors their problems when that fails the build.
	failed    map[string]bool
	tagErrors diag.List

	// prev is the last version built or kept, which the next is compared
	// with.
	prev *prevVersion
	// pages lists every version's page paths, in build order.
	pages    [][]string
	versions []ManifestVersion
}

type prevVersion struct {
	version release.Version
	key     string       // cache key, for its texts; empty for one built in this run
	texts   *texts       // loaded lazily for kept versions
	docs    []search.Doc // set for versions built in this run
	report  *changes.Report
}

// findTags reads the repository and the tags to build.
func (b *builder) findTags(ctx context.Context) error {
	if !b.cfg.Versions.On() && !b.opts.Build.GitHistory {
		return nil
	}
	repo, notes, err := Inspect(ctx, b.opts.Build.Source)
	if err != nil {
		return err
	}
	b.res.Diags = append(b.res.Diags, notes...)
	if repo == nil {
		return nil
	}
	b.repo = repo
	if repo.Shallow {
		b.res.Diags.Warnf("", 0, 0, Rule, "this is a shallow clone, so older versions and their tags may be missing and most pages show the clone's newest commit as their last update: fetch the whole history (in GitHub Actions, set fetch-depth: 0 on actions/checkout; elsewhere, run git fetch --unshallow --tags)")
	}
	if !b.cfg.Versions.On() {
		return nil
	}
	tags, skipped, err := repo.Tags(ctx, b.cfg.Versions.Tags, b.cfg.Versions.Order == "date")
	if err != nil {
		return err
	}
	for _, name := range skipped {
		b.res.Diags.Notef("", 0, 0, Rule, "tag %s does not name a commit, so it is not a version: leave it out of versions.tags to silence this", name)
	}
	known := map[string]bool{}
	for _, t := range tags {
		known[t.Name] = true
		if slices.Contains(b.cfg.Versions.Exclude, t.Name) {
			continue
		}
		b.tags = append(b.tags, t)
	}
	for tag := range b.cfg.Versions.Names {
		if !known[tag] {
			line, col := b.cfg.Pos("versions", "names")
			b.res.Diags.Warnf(config.FileName, line, col, Rule, "versions.names names tag %q, but no tag matching %q has that name: check the spelling", tag, b.cfg.Versions.Tags)
		}
	}
	if len(tags) == 0 && !repo.Shallow { // a shallow clone's warning says why already
		line, col := b.cfg.Pos("versions", "tags")
		b.res.Diags.Notef(config.FileName, line, col, Rule, "no git tag matches %q, so only the latest version is built: tag a release (git tag v1) to publish it under /v/, or set versions.tags to the pattern of your tags", b.cfg.Versions.Tags)
	}
	for _, t := range b.tags {
		name := t.Name
		if n, ok := b.cfg.Versions.Names[t.Name]; ok && strings.TrimSpace(n) != "" {
			name = n
		}
		b.names = append(b.names, name)
	}
	old := b.published
	previous := make([]string, len(b.tags))
	for i, t := range b.tags {
		if v, ok := old.byTag[t.Name]; ok {
			previous[i] = strings.TrimSuffix(strings.TrimPrefix(v.Path, pipeline.VersionsDir), "/")
		}
	}
	var clashes []int
	b.paths, clashes = pathNames(b.names, previous)
	for _, i := range clashes {
		b.res.Diags.Warnf(config.FileName, 0, 0, Rule, "tag %s is published at /%s%s/, because another version's name makes the folder %s: give one of them another name with versions.names", b.tags[i].Name, pipeline.VersionsDir, b.paths[i], safeName(b.names[i]))
	}
	for _, tag := range b.cfg.Versions.Exclude {
		if !known[tag] {
			line, col := b.cfg.Pos("versions", "exclude")
			b.res.Diags.Warnf(config.FileName, line, col, Rule, "versions.exclude names tag %q, but no tag matching %q has that name: check the spelling", tag, b.cfg.Versions.Tags)
		}
	}
	return nil
}

// buildTags builds or carries over each tag, oldest first, so that each
// can be compared with the one before it.
func (b *builder) buildTags(ctx context.Context) error {
	if len(b.tags) == 0 {
		return nil
	}
	theme, err := b.themeID()
	if err != nil {
		return err
	}
	issue, _ := b.cfg.IssueTemplate()
	mailmap := b.repo.mailmap() // names in the history shown on pages
	old := b.published.keys
	b.keys = map[string]bool{}
	for i, t := range b.tags {
		v := release.Version{Name: b.names[i], Tag: t.Name, Path: pipeline.VersionsDir + b.paths[i] + "/", Commit: t.Commit, Date: t.Date}
		var prevName, prevPath, prevCommit string
		if b.prev != nil {
			prevName, prevPath, prevCommit = b.prev.version.Name, b.prev.version.Path, b.prev.version.Commit
		}
		k := key(b.opts.Generator, theme, t.Commit, v.Name, v.Path, prevName, prevPath, prevCommit, b.root,
			b.opts.Build.Audience, fmt.Sprint(b.opts.Build.GitHistory), fmt.Sprint(b.repo.Shallow), mailmap,
			issue, b.cfg.Feedback.Labels.Worked, b.cfg.Feedback.Labels.NotWorked)
		folder := filepath.Join(b.opts.Out, filepath.FromSlash(v.Path))
		if e := b.cache.load(k); e != nil && old[v.Path] == k && e.holds(folder) {
			if err := b.st.Keep(strings.TrimSuffix(v.Path, "/")); err != nil {
				return err
			}
			b.keys[k] = true
			b.add(v, k, e.Pages, &prevVersion{version: v, key: k}, true)
			continue
		}
		ok, err := b.buildTag(ctx, t, v, k)
		if err != nil {
			return err
		}
		if ok {
			b.keys[k] = true
		}
	}
	if len(b.tagErrors) > 0 {
		return append(b.res.Diags, b.tagErrors...).Err()
	}
	return nil
}

// warnDropped warns about each release the previous output published
// that this build leaves out without being asked to, so that a build
// where git cannot see the tags (git missing, a shallow clone) does not
// unpublish them unnoticed.
func (b *builder) warnDropped() {
	built := map[string]bool{}
	for _, v := range b.versions {
		built[v.Tag] = true
	}
	for _, tag := range b.published.tags {
		if built[tag] || slices.Contains(b.cfg.Versions.Exclude, tag) || b.failed[tag] {
			continue
		}
		why := "no tag matching versions.tags has that name any more"
		switch {
		case !b.cfg.Versions.On():
			why = "versions are turned off (versions.enabled = false)"
		case b.repo == nil:
			why = "git cannot read the repository here (see the note above)"
		case b.repo.Shallow:
			why = "this shallow clone lacks the tag: fetch the whole history (fetch-depth: 0 in GitHub Actions)"
		}
		b.res.Diags.Warnf("", 0, 0, Rule, "%s, published at /%s by the previous build, is left out of this one: %s", tag, b.published.byTag[tag].Path, why)
	}
}

// add records a version in the manifest and as the one the next is
// compared with.
func (b *builder) add(v release.Version, k string, pages []string, prev *prevVersion, cached bool) {
	b.versions = append(b.versions, ManifestVersion{Version: v, Build: k})
	b.pages = append(b.pages, pages)
	b.res.Versions = append(b.res.Versions, Built{Version: v, Pages: len(pages), Cached: cached})
	b.prev = prev
}

// buildTag builds one tag from git and writes it. It returns false, with
// warnings, when the tag is left out: it has no playbook, or it does not
// build and KeepGoing is set.
func (b *builder) buildTag(ctx context.Context, t Tag, v release.Version, k string) (bool, error) {
	fsys, err := gitfs.Open(ctx, b.repo.Dir, t.Commit, b.repo.Prefix)
	if errors.Is(err, fs.ErrNotExist) {
		b.res.Diags.Warnf("", 0, 0, Rule, "tag %s has no folder %s, so it has no playbook to build: leave it out with versions.tags or versions.exclude in %s", t.Name, orRoot(b.repo.Prefix), config.FileName)
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("reading tag %s: %w", t.Name, err)
	}
	defer fsys.Close()
	if _, err := fs.Stat(fsys, config.FileName); err != nil {
		b.res.Diags.Warnf("", 0, 0, Rule, "tag %s has no %s in %s, so it has no playbook to build: leave it out with versions.tags or versions.exclude", t.Name, config.FileName, orRoot(b.repo.Prefix))
		return false, nil
	}
	opts := pipeline.Options{
		Source:   b.opts.Build.Source,
		Files:    fsys,
		Audience: b.opts.Build.Audience,
		BaseURL:  b.root + v.Path,
		Today:    t.Date, // review dates are judged as they stood at the release
		Theme:    b.opts.Build.Theme,
		Release:  &release.Context{Current: v, RootPath: site.BasePathOf(b.root), Feedback: b.feedback()},
	}
	if b.opts.Build.GitHistory {
		h, _, err := history.ReadContext(ctx, b.opts.Build.Source, history.Options{Rev: t.Commit, NoShallowWarning: true})
		if err != nil {
			return false, fmt.Errorf("tag %s: %w", t.Name, err)
		}
		opts.History = h
	}
	// A tag is built in memory, so that one which fails leaves nothing in
	// the output (--keep-going publishes the others).
	s, err := pipeline.Start(opts, nil)
	if err != nil {
		return b.tagFailed(t, err)
	}
	docs := compareDocs(s)
	var rep *changes.Report
	if b.prev != nil {
		prevDocs, err := b.prevDocs()
		if err != nil {
			return false, err
		}
		rep = b.compare(prevDocs, docs, b.prev.version, v)
	}
	if err := s.Finish(rep, nil); err != nil {
		return b.tagFailed(t, err)
	}
	delete(s.Files, "sitemap.xml") // search engines get the latest only
	b.checkSwitcher(s, v)
	if err := b.st.Write(v.Path, s.Files); err != nil {
		return false, err
	}
	b.res.Files += len(s.Files)
	pages := pagePaths(s, s.Has(pipeline.ChangesPage+"index.html"))
	e := &entry{Format: cacheFormat, Key: k, Pages: pages, Check: map[string]int64{}}
	for _, name := range checkedFiles() {
		if data, ok := s.Files[name]; ok {
			e.Check[name] = int64(len(data))
		}
	}
	if err := b.cache.store(e, &texts{Docs: docs, Changes: rep}); err != nil {
		b.res.Diags.Warnf("", 0, 0, Rule, "%v: the next build will build tag %s again", err, t.Name)
	}
	b.add(v, k, pages, &prevVersion{version: v, docs: docs, report: rep}, false)
	return true, nil
}

// tagFailed reports a tag that does not build: its problems, each named
// as git names a file at a tag (v2.0:content/…), then what to do. With
// KeepGoing they are warnings and the tag is left out.
func (b *builder) tagFailed(t Tag, err error) (bool, error) {
	list, ok := diag.From(err)
	if !ok {
		list = diag.List{{Severity: diag.Error, Rule: Rule, Message: err.Error()}}
	}
	var out diag.List
	for _, d := range list {
		if d.Severity != diag.Error {
			continue
		}
		if d.File != "" {
			// As git names a file at a tag: git show v2.0:content/x.md
			d.File = t.Name + ":" + path.Join(b.repo.Prefix, d.File)
		} else {
			d.Message = "tag " + t.Name + ": " + d.Message
		}
		if b.opts.KeepGoing {
			d.Severity = diag.Warning
		}
		out = append(out, d)
	}
	if b.failed == nil {
		b.failed = map[string]bool{}
	}
	b.failed[t.Name] = true
	if b.opts.KeepGoing {
		out.Warnf("", 0, 0, Rule, "tag %s (commit %.12s) does not build, so it was left out (--keep-going): move the tag to a commit that builds, or list it in versions.exclude in %s", t.Name, t.Commit, config.FileName)
		b.res.Diags = append(b.res.Diags, out...)
		return false, nil
	}
	out.Errorf("", 0, 0, Rule, "tag %s (commit %.12s) does not build, so nothing was published: move the tag to a commit that builds, list it in versions.exclude in %s, or build with --keep-going to publish the other versions without it", t.Name, t.Commit, config.FileName)
	// Go on, to report every tag that does not build at once.
	b.tagErrors = append(b.tagErrors, out...)
	return false, nil
}

// prevDocs returns the page texts of the version the next is compared
// with, reading a kept version's from the cache.
func (b *builder) prevDocs() ([]search.Doc, error) {
	p := b.prev
	if p.docs != nil || p.key == "" {
		return p.docs, nil
	}
	if p.texts == nil {
		p.texts = b.cache.loadTexts(p.key)
	}
	if p.texts == nil {
		return nil, fmt.Errorf("the versions cache lost the page texts of %s: build again, or delete %s", p.version.Name, b.cache.dir)
	}
	return p.texts.Docs, nil
}

// prevReport returns what changed in the version before the latest.
func (b *builder) prevReport() *changes.Report {
	p := b.prev
	if p.key == "" {
		return p.report
	}
	if p.texts == nil {
		p.texts = b.cache.loadTexts(p.key)
	}
	if p.texts == nil {
		return nil
	}
	return p.texts.Changes
}

func (b *builder) compare(from, to []search.Doc, fv, tv release.Version) *changes.Report {
	return changes.Compare(from, to, changes.Options{
		From: fv.Name, To: tv.Name, FromPath: fv.Path, ToPath: tv.Path,
		KindOrder: kindOrder(),
	})
}

// feedback is where every version's feedback links go: the latest's
// settings, so that readers of an older version report to the
// repository as it is now.
func (b *builder) feedback() *release.Feedback {
	tmpl, _ := b.cfg.IssueTemplate()
	return &release.Feedback{Template: tmpl, Worked: b.cfg.Feedback.Labels.Worked, NotWorked: b.cfg.Feedback.Labels.NotWorked}
}

// checkSwitcher notes a version whose pages have no version switcher: a
// playbook's own layouts/baseof.html (perhaps at an old tag) that
// predates it.
func (b *builder) checkSwitcher(s *pipeline.Site, v release.Version) {
	if len(b.tags) == 0 || strings.Contains(string(s.Files["index.html"]), `class="version-switch"`) {
		return
	}
	where := "the latest"
	if !v.Latest {
		where = "tag " + v.Tag
	}
	b.res.Diags.Notef("layouts/baseof.html", 0, 0, Rule, "the pages of %s have no version switcher, because the playbook's own layouts/baseof.html replaces the theme's: add {{template \"version-switch.html\" .}} to its header and {{template \"version-banner.html\" .}} above the main content", where)
}

// compareDocs returns what a version's What changed page compares: the
// text of each page as search indexes it, plus the relations its front
// matter declares (an objection's closing tools, a play's persona), which
// the search index does not hold but readers see change. URLs are
// relative to the version's folder ("/objections/x/", where the index
// has full paths), so that versions can be compared.
func compareDocs(s *pipeline.Site) []search.Doc {
	docs := slices.Clone(s.Docs())
	for i, d := range docs {
		docs[i].URL = "/" + strings.TrimPrefix(d.URL, s.Model.BasePath)
		p := s.Model.Page(docs[i].URL)
		if p == nil {
			continue
		}
		rel := map[string][]*site.Page{}
		switch p.Kind {
		case content.KindObjection:
			rel["closing tools"] = p.ClosingTools
		case content.KindClosingTool:
			rel["answers"] = p.Objections
		case content.KindPlay:
			rel["closing tools"] = p.ClosingTools
			rel["objections"] = p.Objections
			if p.PersonaPage != nil {
				rel["persona"] = []*site.Page{p.PersonaPage}
			}
		}
		facets := maps.Clone(d.Facets)
		for name, pages := range rel {
			if len(pages) == 0 {
				continue
			}
			if facets == nil {
				facets = map[string][]string{}
			}
			for _, q := range pages {
				facets[name] = append(facets[name], q.Title)
			}
		}
		docs[i].Facets = facets
	}
	return docs
}

// buildLatest builds the working tree at the root, compares it with the
// newest tag and writes it with versions.json and the list of versions.
func (b *builder) buildLatest(ctx context.Context, lap func(string)) error {
	opts := b.opts.Build
	latest := release.Version{Name: b.cfg.Versions.Latest, Latest: true}
	if b.repo != nil {
		latest.Commit, latest.Date = b.repo.Head, b.repo.HeadDate
	}
	if b.repo != nil || len(b.versions) > 0 {
		opts.Release = &release.Context{Current: latest, RootPath: site.BasePathOf(b.root), Alone: len(b.versions) == 0, Feedback: b.feedback()}
	}
	if opts.GitHistory {
		if b.repo == nil {
			opts.GitHistory = false // the note saying why is given already
		} else {
			h, notes, err := history.ReadContext(ctx, opts.Source, history.Options{NoShallowWarning: true})
			if err != nil {
				return err
			}
			opts.History = h
			b.res.Diags = append(b.res.Diags, notes...)
		}
	}
	lap("latest: git history")
	// The latest is written as it is rendered: a page at a time, not the
	// whole site held in memory.
	stream, err := b.st.Stream("")
	if err != nil {
		return err
	}
	files, err := b.renderLatest(opts, latest, stream, lap)
	if cerr := stream.Close(); err == nil && cerr != nil {
		err = cerr
	}
	b.res.Files += files
	return err
}

// renderLatest renders the latest into stream, returning how many files
// it wrote.
func (b *builder) renderLatest(opts pipeline.Options, latest release.Version, stream *output.Stream, lap func(string)) (int, error) {
	s, err := pipeline.Start(opts, stream)
	if err != nil {
		return 0, err
	}
	b.res.Diags = append(b.res.Diags, s.Diags...)
	b.res.Pages = s.Pages
	lap("latest")
	if len(b.versions) > 0 {
		prevDocs, err := b.prevDocs()
		if err != nil {
			return 0, err
		}
		rep := b.compare(prevDocs, compareDocs(s), b.prev.version, latest)
		if rep.Empty() {
			// The latest is the newest release, unchanged: show what
			// that release changed.
			if r := b.prevReport(); r != nil {
				rep = r
			}
		}
		b.add(latest, "", pagePaths(s, true), nil, false)
		list := b.manifest()
		vs := make([]release.Version, len(list.Versions))
		for i, v := range list.Versions {
			vs[i] = v.Version
		}
		if err := s.Finish(rep, vs); err != nil {
			return 0, err
		}
		data, err := json.Marshal(list)
		if err != nil {
			return 0, err
		}
		s.Files[ManifestFile] = append(data, '\n')
		lap("what changed, versions.json")
	} else if err := s.Finish(nil, nil); err != nil {
		return 0, err
	}
	for _, st := range s.Times {
		b.res.Times = append(b.res.Times, pipeline.Stage{Name: "latest: " + st.Name, Duration: st.Duration})
	}
	b.checkSwitcher(s, latest)
	for name, data := range s.Files {
		stream.Put(name, data)
	}
	return s.FileCount(), nil
}

// manifest lists the versions newest first (the latest, then tags from
// the newest) with the pages each has.
func (b *builder) manifest() Manifest {
	m := Manifest{Format: 1}
	seen := map[string]bool{}
	for _, ps := range b.pages {
		for _, p := range ps {
			if !seen[p] {
				seen[p] = true
				m.Pages = append(m.Pages, p)
			}
		}
	}
	slices.Sort(m.Pages)
	index := make(map[string]int, len(m.Pages))
	for i, p := range m.Pages {
		index[p] = i
	}
	for i := len(b.versions) - 1; i >= 0; i-- {
		m.Versions = append(m.Versions, b.versions[i])
		var at []int
		for _, p := range b.pages[i] {
			at = append(at, index[p])
		}
		m.Has = append(m.Has, ranges(at))
	}
	return m
}

// ranges turns indexes into sorted half-open ranges.
func ranges(at []int) [][2]int {
	slices.Sort(at)
	out := [][2]int{}
	for _, i := range at {
		if n := len(out); n > 0 && out[n-1][1] == i {
			out[n-1][1] = i + 1
			continue
		}
		out = append(out, [2]int{i, i + 1})
	}
	return out
}

// published is what a previous output's versions.json says it holds.
type published struct {
	keys  map[string]string // the cache key of each version folder
	byTag map[string]ManifestVersion
	tags  []string // in its order, newest first
}

// readManifest reads a previous output's versions.json; a missing or
// unreadable one holds nothing.
func readManifest(name string) published {
	p := published{keys: map[string]string{}, byTag: map[string]ManifestVersion{}}
	b, err := os.ReadFile(name)
	if err != nil {
		return p
	}
	var m Manifest
	if json.Unmarshal(b, &m) != nil {
		return p
	}
	for _, v := range m.Versions {
		if v.Build != "" {
			p.keys[v.Path] = v.Build
		}
		if v.Tag != "" {
			p.byTag[v.Tag] = v
			p.tags = append(p.tags, v.Tag)
		}
	}
	return p
}

// pagePaths lists the paths of a site's pages relative to its root, for
// the version switcher: its content pages, and its search and What
// changed pages when it has them.
func pagePaths(s *pipeline.Site, changesPage bool) []string {
	out := make([]string, 0, len(s.Model.Pages)+2)
	for _, p := range s.Model.Pages {
		if !p.Draft {
			out = append(out, strings.TrimPrefix(p.URL, "/"))
		}
	}
	if s.Has("search/index.html") {
		out = append(out, "search/")
	}
	if changesPage {
		out = append(out, pipeline.ChangesPage)
	}
	slices.Sort(out)
	return out
}

func (b *builder) themeID() (string, error) {
	fsys := b.opts.Build.Theme
	if fsys == nil {
		fsys = theme.FS
	}
	return hashFS(fsys)
}

func orRoot(prefix string) string {
	if prefix == "" {
		return "the repository's root"
	}
	return prefix + "/"
}

// kindOrder is the order of kinds on a What changed page: what reps use
// in calls first.
func kindOrder() []string {
	return []string{content.KindObjection, content.KindClosingTool, content.KindPlay, content.KindPersona,
		content.KindTerm, content.KindBrand, content.KindPage, content.KindSection}
}
