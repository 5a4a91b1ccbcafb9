package content

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/frontmatter"
	"github.com/playbook-ssg/playbook/generator/internal/junk"
	"github.com/playbook-ssg/playbook/generator/outpath"
	"github.com/playbook-ssg/playbook/generator/parallel"
)

// Dir is the content folder inside a playbook.
const Dir = "content"

// Set is everything loaded from content/: pages sorted by file, plus the
// non-markdown files (images, PDFs) that sit beside them.
type Set struct {
	Pages   []*Page
	Files   []string  // paths relative to content/, forward slashes
	Skipped []Skipped // files and folders not read, sorted by path
}

// Skipped is a file or folder under content/ that the build does not read.
type Skipped struct {
	Path   string // relative to content/, forward slashes
	Dir    bool   // a folder, skipped with everything in it
	Reason string // why, as a clause: "its name starts with a dot"
}

// Why a file or folder is skipped.
const (
	SkipDot        = "its name starts with a dot"
	SkipUnderscore = "its name starts with an underscore"
	SkipLitter     = "it is editor or operating-system litter"
	SkipMarkdown   = "only .md files are read as pages"
	SkipPublished  = "pages are not read from a folder published for its files ([content] publish)"
)

// SkippedAt returns the skipped entry that is rel or a folder holding it.
func (s *Set) SkippedAt(rel string) (Skipped, bool) {
	for _, sk := range s.Skipped {
		if sk.Path == rel || sk.Dir && strings.HasPrefix(rel, sk.Path+"/") {
			return sk, true
		}
	}
	return Skipped{}, false
}

// walked is what a walk of content/ finds.
type walked struct {
	md, files []string
	skipped   []Skipped
	dirs      []string // every folder read, for suggestions
	diags     diag.List
}

// walk lists content/: markdown pages, other files, and what it skips.
func walk(fsys fs.FS, cfg *config.Config) (*walked, error) {
	w := &walked{}
	publish := publishDirs(cfg)
	published := func(rel string) bool {
		for _, e := range publish {
			if rel == e || strings.HasPrefix(rel, e+"/") {
				return true
			}
		}
		return false
	}
	toward := func(rel string) bool {
		for _, e := range publish {
			if strings.HasPrefix(e, rel+"/") {
				return true
			}
		}
		return false
	}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == Dir {
			return nil
		}
		rel, name := strings.TrimPrefix(p, Dir+"/"), d.Name()
		hidden := hiddenReason(name, d.IsDir())
		if hidden == "" {
			hidden = hiddenAbove(rel)
		}
		if d.IsDir() {
			w.dirs = append(w.dirs, rel)
			if hidden != "" && !published(rel) {
				if toward(rel) {
					return nil // only to reach the published folder below
				}
				w.skipped = append(w.skipped, Skipped{Path: rel, Dir: true, Reason: hidden})
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case Nameless(name):
			w.diags.Errorf(p, 0, 0, "content", "%q has no name before .md, so it cannot become a page (its address would be empty): rename it after what the page is about, like price-objection.md", name)
			return nil
		case junk.Is(name) || name == "Thumbs.db" || name == "desktop.ini":
			w.skipped = append(w.skipped, Skipped{Path: rel, Reason: SkipLitter})
			return nil
		case hidden != "" && (!published(rel) || strings.HasPrefix(name, ".")):
			w.skipped = append(w.skipped, Skipped{Path: rel, Reason: hidden})
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := fs.Stat(fsys, p); err == nil && fi.IsDir() {
				w.diags.Errorf(p, 0, 0, "content", "is a symbolic link to a folder, which is not supported: move or copy the folder into content/")
				return nil
			}
		}
		if bad := urlUnsafe(p); bad != "" {
			w.diags.Errorf(p, 0, 0, "content", "file or folder name has %s, which breaks its URL: rename it using letters, digits and hyphens", bad)
			return nil
		}
		switch ext := path.Ext(name); {
		case ext == ".md" && hidden != "":
			w.skipped = append(w.skipped, Skipped{Path: rel, Reason: SkipPublished})
		case ext == ".md":
			w.md = append(w.md, p)
		case ext == ".markdown" || ext == ".mdx" || ext == ".mdown":
			w.skipped = append(w.skipped, Skipped{Path: rel, Reason: SkipMarkdown})
		default:
			w.files = append(w.files, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(w.md)
	sort.Strings(w.files)
	w.sameNames()
	sort.Slice(w.skipped, func(i, j int) bool { return w.skipped[i].Path < w.skipped[j].Path })
	w.checkPublish(fsys, cfg, publish)
	return w, nil
}

// Nameless reports whether a markdown file's name leaves nothing to make
// its address from: ".md", "..md", " .md". Such a file is an error, not a
// page; other names starting with a dot are hidden on purpose, and
// skipped.
func Nameless(name string) bool {
	base, ok := strings.CutSuffix(name, ".md")
	return ok && strings.Trim(base, ". ") == ""
}

// sameNames reports files whose paths differ only in upper and lower case
// or in how accented letters are encoded (Unicode NFC and NFD), each at
// both files: macOS and Windows keep one of the two, so a checkout there
// loses the other without a word.
func (w *walked) sameNames() {
	all := slices.Clone(w.md)
	for _, f := range w.files {
		all = append(all, path.Join(Dir, f))
	}
	sort.Strings(all)
	w.sameFolders()
	first := map[string]string{}
	for _, f := range all {
		key := outpath.Fold(f)
		other, seen := first[key]
		if !seen {
			first[key] = f
			continue
		}
		how := outpath.SameName(f, other)
		w.diags.Errorf(other, 0, 0, "content", "this file's path differs from %s %s: macOS and Windows keep one of the two, so a checkout there loses the other: rename one of them", outpath.Spelled(f), how)
		w.diags.Errorf(f, 0, 0, "content", "this file's path differs from %s %s: macOS and Windows keep one of the two, so a checkout there loses the other: rename one of them", outpath.Spelled(other), how)
	}
}

// sameFolders reports folders whose paths differ only in upper and lower
// case or in Unicode form, each at both folders: macOS and Windows take
// the two for one, so their pages mix there and one section page is lost.
// Only the outermost such pair is reported: the folders below it differ
// too, by the same letters.
func (w *walked) sameFolders() {
	dirs := slices.Clone(w.dirs)
	sort.Strings(dirs)
	first := map[string]string{}
	for _, d := range dirs {
		key := outpath.Fold(d)
		other, seen := first[key]
		if !seen {
			first[key] = d
			continue
		}
		if path.Dir(d) != path.Dir(other) {
			continue // a folder above them differs already
		}
		how := outpath.SameName(d, other)
		for _, pair := range [][2]string{{other, d}, {d, other}} {
			w.diags.Errorf(path.Join(Dir, pair[0])+"/", 0, 0, "content", "this folder's path differs from %s/ %s: macOS and Windows take the two for one folder, so a checkout there mixes their files and loses one section page: rename one of them",
				outpath.Spelled(path.Join(Dir, pair[1])), how)
		}
	}
}

// hiddenReason says why a name keeps a file or folder out, or "".
func hiddenReason(name string, dir bool) string {
	switch {
	case strings.HasPrefix(name, "."):
		return SkipDot
	case dir && strings.HasPrefix(name, "_"):
		return SkipUnderscore
	}
	return ""
}

// hiddenAbove says why a folder above rel would keep it out, or "".
func hiddenAbove(rel string) string {
	parts := strings.Split(rel, "/")
	for _, part := range parts[:len(parts)-1] {
		if r := hiddenReason(part, true); r != "" {
			return r
		}
	}
	return ""
}

// publishDirs returns [content] publish as clean paths under content/.
func publishDirs(cfg *config.Config) []string {
	var out []string
	for _, e := range cfg.Content.Publish {
		e = path.Clean(strings.Trim(strings.TrimPrefix(e, Dir+"/"), "/"))
		if e != "." && e != ".." && !strings.HasPrefix(e, "../") {
			out = append(out, e)
		}
	}
	return out
}

// checkPublish warns about [content] publish entries that name no folder.
func (w *walked) checkPublish(fsys fs.FS, cfg *config.Config, publish []string) {
	line, col := cfg.Pos("content", "publish")
	for _, e := range publish {
		if fi, err := fs.Stat(fsys, path.Join(Dir, e)); err == nil && fi.IsDir() {
			continue
		}
		var known []string
		known = append(known, w.dirs...)
		for _, sk := range w.skipped {
			if sk.Dir {
				known = append(known, sk.Path)
			}
		}
		w.diags.Warnf(config.FileName, line, col, "config", "content.publish names %q, but there is no folder content/%s%s", e, e, diag.DidYouMean(e, known))
	}
}

// Load walks content/ in fsys (rooted at the playbook folder) and parses
// every page in parallel. Diagnostics for every bad page are returned
// together, sorted, so one run reports all of them. Owners, review_every
// and audience set on a section page are then passed down (see Cascade).
func Load(fsys fs.FS, cfg *config.Config) (*Set, diag.List, error) {
	w, err := walk(fsys, cfg)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.List{{File: Dir, Severity: diag.Error, Rule: "content",
				Message: "no content/ folder: put the playbook's markdown pages in content/"}}, nil
		}
		return nil, nil, fmt.Errorf("walking %s: %w", Dir, err)
	}
	set := &Set{Files: w.files, Skipped: w.skipped}
	mdFiles := w.md
	diags := w.diags
	roles := sectionRoles(mdFiles, &diags)

	set.Pages = make([]*Page, len(mdFiles))
	perPage := make([]diag.List, len(mdFiles))
	readErrs := make([]error, len(mdFiles))
	parallel.Each(len(mdFiles), func(i int) {
		src, size, err := readPage(fsys, mdFiles[i], Limits(cfg).PageSize())
		if err != nil {
			readErrs[i] = ReadError(mdFiles[i], err)
			return
		}
		set.Pages[i] = parse(mdFiles[i], src, size, cfg, &perPage[i], roles[mdFiles[i]])
	})
	if err := errors.Join(readErrs...); err != nil {
		return nil, nil, err
	}
	pages := set.Pages[:0]
	for i, p := range set.Pages {
		diags = append(diags, perPage[i]...)
		if p != nil {
			pages = append(pages, p)
		}
	}
	set.Pages = pages
	set.Cascade()
	diags.Sort()
	return set, plainNotesOnce(diags), nil
}

// ListSkipped returns what Load would skip under content/, for
// `playbook build -v`.
func ListSkipped(fsys fs.FS, cfg *config.Config) ([]Skipped, error) {
	w, err := walk(fsys, cfg)
	if err != nil {
		return nil, fmt.Errorf("walking %s: %w", Dir, err)
	}
	return w.skipped, nil
}

// role says whether a file is its folder's section page, and of which
// folder: page.md beside page/ is the section page of page/.
type role struct {
	section bool
	dir     string // the folder, relative to content/
}

// sectionRank orders the names a section page may have, or -1.
func sectionRank(base string) int {
	switch {
	case base == "_index.md":
		return 0
	case base == "index.md":
		return 1
	case strings.EqualFold(base, "readme.md"):
		return 2
	}
	return -1
}

// relDir is path.Dir for paths under content/, with "" for the top.
func relDir(rel string) string {
	if d := path.Dir(rel); d != "." {
		return d
	}
	return ""
}

// nameRole is the role a file's name gives it.
func nameRole(rel string) role {
	if sectionRank(path.Base(rel)) >= 0 {
		return role{section: true, dir: relDir(rel)}
	}
	return role{dir: relDir(rel)}
}

// sectionRoles decides each page file's role. A folder's section page is
// _index.md, index.md, README.md (any case), or page.md beside the folder
// page/; a folder with more than one is an error on each, and all but the
// first (in that order) are read as ordinary pages.
func sectionRoles(files []string, diags *diag.List) map[string]role {
	roles := make(map[string]role, len(files))
	hasPages := map[string]bool{} // folders with pages at any depth
	for _, f := range files {
		rel := strings.TrimPrefix(f, Dir+"/")
		roles[f] = role{dir: relDir(rel)}
		for d := relDir(rel); d != ""; d = relDir(d) {
			hasPages[d] = true
		}
	}
	type candidate struct {
		file string
		rank int
	}
	byDir := map[string][]candidate{}
	for _, f := range files {
		rel := strings.TrimPrefix(f, Dir+"/")
		if r := sectionRank(path.Base(rel)); r >= 0 {
			byDir[relDir(rel)] = append(byDir[relDir(rel)], candidate{f, r})
		} else if folder := strings.TrimSuffix(rel, ".md"); hasPages[folder] {
			byDir[folder] = append(byDir[folder], candidate{f, 3})
		}
	}
	for dir, cands := range byDir {
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].rank != cands[j].rank {
				return cands[i].rank < cands[j].rank
			}
			return cands[i].file < cands[j].file
		})
		roles[cands[0].file] = role{section: true, dir: dir}
		if len(cands) == 1 {
			continue
		}
		names := make([]string, len(cands))
		for i, c := range cands {
			names[i] = path.Base(c.file)
			if c.rank == 3 {
				names[i] = "../" + names[i]
			}
		}
		folder := path.Join(Dir, dir) + "/"
		for _, c := range cands {
			where := "this folder has"
			if c.rank == 3 {
				where = "the folder " + folder + " beside it has"
			}
			diags.Errorf(c.file, 1, 1, "content", "%s %d section pages: %s: keep one, and merge the others into it or rename them (a section page is _index.md, index.md, README.md, or page.md beside a folder page/)",
				where, len(cands), strings.Join(names, ", "))
		}
	}
	return roles
}

// Parse reads one changed page of this set as Load would have: with the
// role its file had (section page or not) and what the sections above it
// pass down. A file the set does not hold is read by its name alone.
func (s *Set) Parse(file string, src []byte, cfg *config.Config, diags *diag.List) *Page {
	r := nameRole(strings.TrimPrefix(file, Dir+"/"))
	for _, old := range s.Pages {
		if old.File == file {
			r = role{section: old.IsSection, dir: old.Dir}
			break
		}
	}
	p := parse(file, src, int64(len(src)), cfg, diags, r)
	if p != nil {
		inherit(p, s.sections())
	}
	return p
}

// urlUnsafe names a character of a file or folder name that cannot appear
// in a URL path as is, or returns "".
func urlUnsafe(name string) string {
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f:
			return "a control character"
		case strings.ContainsRune(`?#%"<>\|`, r):
			return fmt.Sprintf("%q", string(r))
		}
	}
	return ""
}

// readPage reads a page file, but no more than one byte past limit: a
// file past the page size limit is refused by its first bytes, so a huge
// one costs no more to refuse than one at the limit. size is the whole
// file's.
func readPage(fsys fs.FS, name string, limit int64) (src []byte, size int64, err error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	src, err = io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, 0, err
	}
	size = int64(len(src))
	if size > limit {
		if fi, err := f.Stat(); err == nil && fi.Size() > size {
			size = fi.Size()
		}
	}
	return src, size, nil
}

// ReadError explains why a file of the playbook could not be read. A
// symbolic link leading outside the playbook folder is refused on purpose.
func ReadError(file string, err error) error {
	switch {
	case strings.Contains(err.Error(), "escapes from parent"):
		return fmt.Errorf("%s: is a symbolic link that leads outside the playbook folder, which is never published: copy the file into the playbook instead", file)
	case strings.Contains(err.Error(), "is a directory"):
		return fmt.Errorf("%s: is a symbolic link to a folder, which is not supported: copy the files in instead", file)
	}
	return fmt.Errorf("reading %s: %w", file, err)
}

// Parse builds a page from one file's bytes. file is relative to the
// playbook root ("content/objections/too-expensive.md"). It returns nil and
// records diagnostics when the front matter cannot be read at all. A file
// named _index.md, index.md or README.md is its folder's section page.
func Parse(file string, src []byte, cfg *config.Config, diags *diag.List) *Page {
	return parse(file, src, int64(len(src)), cfg, diags, nameRole(strings.TrimPrefix(file, Dir+"/")))
}

// parse builds a page from src, the file's bytes, or only their first
// bytes when the file is larger than the page size limit: size is the
// whole file's.
func parse(file string, src []byte, size int64, cfg *config.Config, diags *diag.List, r role) *Page {
	rel := strings.TrimPrefix(file, Dir+"/")
	p := &Page{File: file, Rel: rel, Source: src, Dir: r.dir}
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		p.Section = rel[:i]
	}
	switch {
	case r.section && r.dir == "":
		p.IsSection, p.Kind, p.URL = true, KindHome, "/"
	case r.section:
		p.IsSection, p.Kind, p.Slug, p.URL = true, KindSection, path.Base(r.dir), "/"+r.dir+"/"
		p.Section, _, _ = strings.Cut(r.dir, "/")
	default:
		base := strings.TrimSuffix(path.Base(rel), ".md")
		p.Slug = base
		p.URL = "/" + path.Join(p.Dir, base) + "/"
		p.Kind = KindPage
		if k, ok := SectionKind(p.Section); ok {
			p.Kind = k
		}
	}
	if !utf8.Valid(src) {
		diags.Errorf(file, 1, 1, "content", "the file is not UTF-8 text: save it with UTF-8 encoding")
		return nil
	}
	doc, body, err := frontmatter.Parse(src)
	if err != nil {
		var fe *frontmatter.Error
		if errors.As(err, &fe) {
			diags.Errorf(file, fe.Line, fe.Col, "front-matter", "%s", fe.Msg)
		} else {
			diags.Errorf(file, 1, 1, "front-matter", "%v", err)
		}
		return nil
	}
	for _, pr := range doc.Problems {
		rule := "front-matter"
		if pr.BadDate {
			rule = "date"
		}
		diags.Errorf(file, pr.Line, pr.Col, rule, "%s", pr.Msg)
	}
	if doc.Line == 0 {
		doc.Line = 1 // no front matter: missing fields are reported at the top
	}
	p.Body = body
	p.BodyLine = doc.BodyLine
	p.fmEnd, p.hasFMEnd = len(src)-len(body), true
	checkLimits(p, src, size, cfg, diags)
	decodePage(p, doc, cfg, diags)
	titleFromBody(p, doc, cfg)
	return p
}

// titleFromBody gives a page without a title in front matter the text of
// its first level-1 heading, or else a title made from its file or folder
// name. The heading is cut from the body (the layout shows the title), as
// is a first heading that repeats a front matter title.
func titleFromBody(p *Page, doc frontmatter.Doc, cfg *config.Config) {
	h, found := firstH1(p.Body)
	if _, set := doc.Fields["title"]; set {
		if found && h.first && h.text == p.Title {
			p.Body = cutLines(p.Body, h.start, h.end)
			p.TitleHeading = true
		}
		return
	}
	// Only a heading that opens the page is its title: a "# How to"
	// halfway down belongs where it is.
	if found && h.lead {
		p.TitleHeading = true
		p.Title = h.text
		p.TextPos[h.text] = Pos{Line: p.BodyLine + h.line - 1, Col: h.col}
		p.fmEnd += h.end // edits up to the heading change the title
		p.Body = cutLines(p.Body, h.start, h.end)
		return
	}
	switch {
	case p.Kind == KindHome:
		p.Title = cfg.Title
	case p.IsSection:
		p.Title = titleFromName(path.Base(p.Dir))
	default:
		p.Title = titleFromName(p.Slug)
	}
}

// plainNotesOnce folds the notes on pages of a kind's folder that are
// plain pages (plainIfUntyped) into one per folder: an existing
// handbook's glossary/ of prose would otherwise repeat it on every build.
// diags must be sorted.
func plainNotesOnce(diags diag.List) diag.List {
	const marker = "/ but has none of "
	type group struct {
		first int // index of the first note
		n     int
	}
	groups := map[string]*group{}
	for i, d := range diags {
		if d.Severity != diag.Info || d.Rule != "content" || !strings.HasPrefix(d.Message, "in ") || !strings.Contains(d.Message, marker) {
			continue
		}
		folder := d.Message[len("in "):strings.Index(d.Message, marker)]
		if g := groups[folder]; g != nil {
			g.n++
		} else {
			groups[folder] = &group{first: i, n: 1}
		}
	}
	out := diags[:0]
	for i, d := range diags {
		if d.Severity == diag.Info && d.Rule == "content" && strings.Contains(d.Message, marker) && strings.HasPrefix(d.Message, "in ") {
			folder := d.Message[len("in "):strings.Index(d.Message, marker)]
			g := groups[folder]
			if g.first != i {
				continue
			}
			if g.n > 1 {
				what := d.Message[strings.Index(d.Message, marker)+len(marker):]
				what, _, _ = strings.Cut(what, ", so it is")
				d.Message = fmt.Sprintf("this page and %d more in %s/ have none of %s, so they are plain pages: add the fields to make them cards, or set kind = \"page\" on them", g.n-1, folder, what)
			}
		}
		out = append(out, d)
	}
	return out
}
