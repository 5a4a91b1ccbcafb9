// Package importer converts a handbook written for another tool (Hugo,
// Docusaurus, MkDocs, GitBook, mdBook, Jekyll or a plain folder of
// markdown) into a playbook, once: it detects the tool, plans every
// file's new place, maps front matter and the old navigation to
// Playbook's fields, converts page bodies (package convert), rewrites
// links to moved files, then checks the result and records the problems
// left in a baseline, so that the imported playbook builds at once.
//
// In place, files move with git mv when the handbook is in a git work
// tree, so that their history follows them.
package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/check"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/importer/convert"
	"github.com/playbook-ssg/playbook/generator/internal/gitrun"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/parallel"
)

// ReportFile is the report an import writes in the playbook folder.
const ReportFile = "IMPORT-REPORT.md"

// Options say what to import and where.
type Options struct {
	Source string // the handbook's folder
	Dest   string // a new or empty folder for the playbook; "" converts Source in place
	From   Kind   // the tool; "" detects it
	Force  bool   // in place: go on with uncommitted changes or outside git, replace playbook.toml
	DryRun bool   // plan only: write nothing
	Commit bool   // in place in git: commit the import, then list it in .git-blame-ignore-revs in a second commit

	Today time.Time // the date check judges review dates against; zero is today
}

// Note is something the import did to a page, or could not do.
type Note struct {
	File      string // the page's path in the source
	Line      int    // 1-based line in the source file, 0 when none
	Kind      string // what: "moved to params", "dropped layout", or convert's message
	Message   string
	Converted bool // false: left for a person to do
}

// FileResult is what happened to one file of the source.
type FileResult struct {
	Old, New string // New is "" when the file is not carried over
	Action   string // page, file, navigation, old configuration, skipped, kept, made
	Why      string
}

// Result describes an import.
type Result struct {
	Kind     Kind
	Detected string // why the kind was chosen ("hugo.toml and content/", or "--from")
	Root     string // the playbook folder
	InPlace  bool
	Git      bool // files moved with git mv
	DryRun   bool

	Files   []FileResult
	Counts  map[string]int // changes by kind, for the report
	Notes   []Note         // every note; those with Converted false are left to do
	Known   diag.List      // problems found after the import, recorded in the baseline
	Failing diag.List      // errors a baseline cannot hold: the playbook does not build until they are fixed
	Config  string         // playbook.toml as written

	Commit     string   // the import commit, with --commit
	MoveCommit string   // with --commit, the commit of the moves alone before it, when files moved with git mv
	gitMoves   int      // files and folders moved with git mv (staged, with their old content)
	Advice     []string // commands to run next, in order
	Elapsed    time.Duration
}

// UsageError is a mistake in what was asked (a missing folder, a folder
// that is not empty): the command exits 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

func usage(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// Run imports the handbook opts.Source.
func Run(opts Options) (*Result, error) {
	start := time.Now()
	src, dest, err := checkFolders(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Root: dest, InPlace: dest == src, DryRun: opts.DryRun, Counts: map[string]int{}}
	if opts.From != "" {
		res.Kind, res.Detected = opts.From, "--from "+string(opts.From)
	} else {
		res.Kind, res.Detected = Detect(src)
	}
	l := newLayout(src, res.Kind)
	if l.kind == Plain && l.contentRoot != "" {
		res.Detected += "; the pages are in " + l.contentRoot + "/"
	}
	if res.InPlace {
		if err := checkInPlace(src, opts, res); err != nil {
			return nil, err
		}
		if !res.Git && !opts.Force && !opts.DryRun {
			return nil, usage("%s is not in git, so an in-place import could not be undone: give a DIR to write a copy, or --force", opts.Source)
		}
	}
	if opts.Commit && !res.Git {
		return nil, usage("--commit needs an import in place in a git work tree")
	}

	paths, links, err := walkFiles(src)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", src, err)
	}
	for _, p := range links {
		if !res.InPlace && isInside(filepath.Join(src, filepath.FromSlash(p)), dest) {
			continue
		}
		const why = "symbolic link: copy the file in if it is a page"
		res.Files = append(res.Files, FileResult{Old: p, Action: "left out", Why: why})
		res.Notes = append(res.Notes, Note{File: p, Kind: "left out", Message: why})
	}
	var files []*file
	for _, p := range paths {
		if !res.InPlace && isInside(filepath.Join(src, filepath.FromSlash(p)), dest) {
			continue
		}
		f := l.classify(p)
		files = append(files, &f)
	}
	pl, err := plan(src, l, files)
	if err != nil {
		return nil, err
	}
	res.Notes = append(res.Notes, pl.notes...)
	for _, n := range pl.notes {
		if n.Converted {
			res.Counts[n.Kind]++
		}
	}

	md := markdown.New(markdown.Options{})
	lk := newLinker(l, pl.files, pl.pages)
	outs := make([][]byte, len(pl.pages))
	pageNotes := make([][]Note, len(pl.pages))
	counts := make([]map[string]int, len(pl.pages))
	errs := make([]error, len(pl.pages))
	parallel.Each(len(pl.pages), func(i int) {
		outs[i], pageNotes[i], counts[i], errs[i] = convertPage(pl.pages[i], l, lk, md)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for i := range pl.pages {
		res.Notes = append(res.Notes, pageNotes[i]...)
		for k, n := range counts[i] {
			res.Counts[k] += n
		}
	}
	for _, f := range pl.files {
		res.Files = append(res.Files, FileResult{Old: f.Old, New: f.New, Action: f.Act.String(), Why: f.Why})
		switch {
		case f.Act == actPage || f.Act == actFile:
			if f.New != f.Old {
				res.Counts["files moved"]++
			}
		case f.Act == actConfig:
			res.Counts["old configuration left out"]++
		}
	}
	for _, p := range pl.pages {
		if p.Old == "" {
			res.Files = append(res.Files, FileResult{New: p.New, Action: "made", Why: p.Why})
			res.Counts["section pages made"]++
		}
	}
	res.Config = playbookTOML(src, l, pl, opts)
	if opts.DryRun {
		res.Elapsed = time.Since(start)
		return res, nil
	}

	if err := write(src, dest, l, res, pl, outs); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dest, config.FileName), []byte(res.Config), 0o644); err != nil {
		return nil, fmt.Errorf("writing %s: %w", filepath.Join(dest, config.FileName), err)
	}
	if res.Git && res.InPlace {
		if err := ignorePublic(src, res); err != nil {
			return nil, err
		}
	}

	found, err := check.Run(check.Options{Source: dest, Today: opts.Today, NoBaseline: true})
	if err != nil {
		return nil, fmt.Errorf("checking the imported playbook: %w", err)
	}
	if fixes := slugFixes(found); len(fixes) > 0 {
		fixed, err := check.Fix(dest, fixes)
		if err != nil {
			return nil, fmt.Errorf("repairing anchors: %w", err)
		}
		for _, f := range fixed.Applied {
			res.Notes = append(res.Notes, Note{File: f.File, Line: f.Line, Kind: "anchor repaired", Converted: true,
				Message: fmt.Sprintf("%s → %s (the old tool made heading IDs another way)", f.Old, f.New)})
			res.Counts["anchors repaired"]++
		}
		if found, err = check.Run(check.Options{Source: dest, Today: opts.Today, NoBaseline: true}); err != nil {
			return nil, fmt.Errorf("checking the imported playbook: %w", err)
		}
	}
	for _, d := range found {
		switch {
		case baseline.Eligible(d):
			res.Known = append(res.Known, d)
		case d.Severity == diag.Error:
			res.Failing = append(res.Failing, d)
		}
	}
	_ = os.Remove(filepath.Join(dest, baseline.DefaultFile))
	if len(res.Known) > 0 {
		if err := baseline.Write(dest, baseline.DefaultFile, res.Known); err != nil {
			return nil, fmt.Errorf("writing the baseline: %w", err)
		}
	}
	res.Elapsed = time.Since(start)
	if err := os.WriteFile(filepath.Join(dest, ReportFile), Report(res), 0o644); err != nil {
		return nil, fmt.Errorf("writing %s: %w", ReportFile, err)
	}
	if res.Git && res.InPlace {
		if err := finishGit(src, opts, res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// checkFolders refuses what cannot be imported, naming the folder.
func checkFolders(opts Options) (src, dest string, err error) {
	if opts.Source == "" {
		return "", "", usage("give the handbook's folder")
	}
	src, err = filepath.Abs(opts.Source)
	if err != nil {
		return "", "", usage("%s: %v", opts.Source, err)
	}
	fi, err := os.Stat(src)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "", "", usage("%s does not exist: give the folder of the handbook to import", opts.Source)
	case err != nil:
		return "", "", usage("%s: %v", opts.Source, err)
	case !fi.IsDir():
		return "", "", usage("%s is a file: give the folder of the handbook to import", opts.Source)
	}
	if opts.Dest == "" {
		if _, err := os.Stat(filepath.Join(src, config.FileName)); err == nil && !opts.Force {
			return "", "", usage("%s already has %s: it is a playbook already (use --force to replace its %s)", opts.Source, config.FileName, config.FileName)
		}
		return src, src, nil
	}
	dest, err = filepath.Abs(opts.Dest)
	if err != nil {
		return "", "", usage("%s: %v", opts.Dest, err)
	}
	if dest == src {
		return "", "", usage("%s is the handbook itself: leave DIR out to convert it in place, or give a new folder", opts.Dest)
	}
	if isInside(src, dest) {
		return "", "", usage("%s holds the handbook %s: give a folder outside it", opts.Dest, opts.Source)
	}
	if isInside(dest, src) {
		return "", "", usage("%s is inside the handbook %s: give a folder outside it, or leave DIR out to convert the handbook in place", opts.Dest, opts.Source)
	}
	fi, err = os.Stat(dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return "", "", usage("%s: %v", opts.Dest, err)
	case !fi.IsDir():
		return "", "", usage("%s is a file: give a new or empty folder for the playbook", opts.Dest)
	default:
		entries, err := os.ReadDir(dest)
		if err != nil {
			return "", "", usage("%s: %v", opts.Dest, err)
		}
		if len(entries) > 0 {
			return "", "", usage("%s is not empty: give a new or empty folder for the playbook", opts.Dest)
		}
	}
	return src, dest, nil
}

// isInside reports whether p is dir or inside it.
func isInside(p, dir string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}

func git(dir string) gitrun.Runner {
	return gitrun.Runner{Exe: "git", Dir: dir, Prefix: "importing " + dir}
}

// checkInPlace sees whether src is in a git work tree, and refuses
// uncommitted changes there, so that the import is one clean commit.
func checkInPlace(src string, opts Options, res *Result) error {
	if _, err := exec.LookPath("git"); err != nil {
		return nil
	}
	g := git(src)
	out, _, err := g.Output(context.Background(), "rev-parse", "--is-inside-work-tree")
	if err != nil || strings.TrimSpace(string(out)) != "true" {
		return nil
	}
	res.Git = true
	out, errOut, err := g.Output(context.Background(), "status", "--porcelain", "--", ".")
	if err != nil {
		return g.Error("status", err, errOut)
	}
	if len(bytes.TrimSpace(out)) > 0 && opts.Commit {
		return usage("%s has uncommitted changes: --commit makes the import's own commits, so commit or stash them first", opts.Source)
	}
	if len(bytes.TrimSpace(out)) > 0 && !opts.Force {
		first, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
		return usage("%s has uncommitted changes (%s): commit or stash them first, so that the import is one commit of its own (or use --force)", opts.Source, strings.TrimSpace(first))
	}
	return nil
}

// convertPage maps one page's front matter and converts its body.
func convertPage(p *page, l *layout, lk *linker, md *markdown.Renderer) ([]byte, []Note, map[string]int, error) {
	counts := map[string]int{}
	if p.Old == "" { // a section page the import makes
		out, err := p.render(nil)
		return out, nil, counts, err
	}
	src, err := os.ReadFile(p.abs)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("reading %s: %w", p.Old, err)
	}
	if p.readErr != "" {
		if out, ok := commentOut(src); ok {
			counts["front matter not read, kept in a comment"]++
			return out, []Note{{File: p.New, Line: 2, Kind: "front matter not read", Message: p.readErr + ": it is kept in an HTML comment at the top of the page, so the page builds; fix it and put it back"}}, counts, nil
		}
		return src, []Note{{File: p.New, Kind: "front matter not read", Message: p.readErr + " (the page was carried over as it was)"}}, counts, nil
	}
	p.mapFields(l, src)
	for _, n := range p.notes {
		if !n.Converted {
			continue
		}
		if key, ok := strings.CutPrefix(n.Kind, "dropped "); ok {
			counts["keys dropped ("+key+")"]++ // "32 keys dropped (hide)"
			continue
		}
		counts[n.Kind]++
	}
	// A body past the limits a build checks is carried over as it is:
	// converting it, and goldmark reading it for its links, could take
	// minutes, and the build would refuse it anyway.
	body, cnotes, n := p.body, []convert.Note(nil), 0
	if note, over := pastLimits(p.body, "carried over unconverted"); over {
		cnotes = append(cnotes, note)
		counts["pages past a limit, carried over unconverted"]++
	} else {
		link := func(target string) (string, bool) { return lk.link(p.file, target) }
		body, cnotes = convert.Body(p.body, convert.Options{From: l.kind, Link: link})
		if note, over := pastLimits(body, "its links were not rewritten"); over {
			cnotes = append(cnotes, note)
			counts["pages past a limit, links not rewritten"]++
		} else {
			body, n = rewriteLinks(md, body, link)
		}
	}
	counts["links rewritten"] += n
	out, err := p.render(body)
	if err != nil {
		return nil, nil, nil, err
	}
	if p.rewritten {
		counts["front matter rewritten"]++
	}
	// Notes name the new file and its line there, front matter included,
	// so that the owner can go straight to it.
	notes := p.notes
	for i := range notes {
		if !notes[i].Converted {
			notes[i].File = p.New
			if p.rewritten {
				notes[i].Line = 0 // its line in the old front matter is gone
			}
		}
	}
	above := bytes.Count(out[:len(out)-len(body)], []byte("\n"))
	for _, n := range cnotes {
		note := Note{File: p.Old, Line: n.Line, Kind: n.Message, Converted: n.Converted}
		if n.Line > 0 {
			note.Line += p.doc.BodyLine - 1
		}
		if !n.Converted {
			note.File, note.Line = p.New, 0
			if n.OutLine > 0 {
				note.Line = above + n.OutLine
			}
		}
		notes = append(notes, note)
		if n.Converted {
			counts["body constructs converted"]++
		}
	}
	return out, notes, counts, nil
}

// planned is every file's fate and every page.
type planned struct {
	files     []*file
	pages     []*page
	menuOrder []string
	notes     []Note
}

// plan reads the pages and the old navigation, and settles names.
func plan(src string, l *layout, files []*file) (*planned, error) {
	pl := &planned{files: files}
	// A page that is not UTF-8 text (a binary saved as .md) is left out,
	// rather than failing the import.
	texts := map[*file][]byte{}
	for _, f := range files {
		if f.Act != actPage {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(f.Old)))
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", f.Old, err)
		}
		if !utf8.Valid(b) {
			const why = "not UTF-8 text: left out; convert it to UTF-8 or delete it"
			f.Act, f.New, f.Why = actSkip, "", why
			pl.notes = append(pl.notes, Note{File: f.Old, Kind: "left out", Message: why})
			continue
		}
		texts[f] = b
	}
	taken := map[string]*file{}
	for _, f := range files {
		if f.New == "" {
			continue
		}
		if other, dup := taken[f.New]; dup {
			// Two files would land on one name (x.md and x.mdx, or Jekyll's
			// docs/ moving up): the second keeps its own extension or folder.
			ext := path.Ext(f.Old)
			alt := strings.TrimSuffix(f.New, path.Ext(f.New)) + "-" + strings.TrimPrefix(ext, ".") + path.Ext(f.New)
			pl.notes = append(pl.notes, Note{File: f.Old, Kind: "renamed to avoid a clash", Message: fmt.Sprintf("%s and %s would both be %s: this one is %s", other.Old, f.Old, f.New, alt)})
			f.New = alt
		}
		taken[f.New] = f
	}
	pl.notes = append(pl.notes, oneSectionPage(files, taken)...)
	var cats []string
	for _, f := range files {
		switch f.Act {
		case actPage:
			p := parsePage(f, texts[f])
			p.abs = filepath.Join(src, filepath.FromSlash(f.Old))
			pl.pages = append(pl.pages, p)
		case actNav:
			if strings.HasPrefix(path.Base(f.Old), "_category_") {
				cats = append(cats, f.Old)
			}
		}
	}
	byOld := map[string]*page{}
	for _, p := range pl.pages {
		byOld[p.Old] = p
	}

	// The old site's addresses and Docusaurus' ids.
	for _, p := range pl.pages {
		r := strings.TrimSuffix(rel(p.Old, l.contentRoot), path.Ext(p.Old))
		switch l.kind {
		case Docusaurus:
			dir := path.Dir(r)
			id := path.Base(r)
			if s := p.fmString("id"); s != "" {
				id = s
			}
			p.id = path.Join(dir, id)
			if dir == "." {
				p.id = id
			}
			u := strings.TrimSuffix(l.routeBase, "/") + "/" + strings.TrimSuffix(strings.TrimSuffix(p.id, "/index"), "index")
			if slug := p.fmString("slug"); slug != "" {
				if strings.HasPrefix(slug, "/") {
					u = strings.TrimSuffix(l.routeBase, "/") + slug
				} else {
					u = strings.TrimSuffix(l.routeBase, "/") + "/" + path.Join(dir, slug)
				}
			}
			p.oldURLs = append(p.oldURLs, path.Clean(u))
		case Jekyll:
			if pl := p.fmString("permalink"); pl != "" {
				p.oldURLs = append(p.oldURLs, pl)
			} else if m := postDate.FindStringSubmatch(path.Base(r)); m != nil && strings.HasPrefix(r, "_posts/") {
				ymd := strings.ReplaceAll(m[1], "-", "/")
				p.oldURLs = append(p.oldURLs, "/"+ymd+"/"+strings.TrimPrefix(path.Base(r), m[0])+".html")
			} else if base := path.Base(r); base == "index" || base == "README" {
				p.oldURLs = append(p.oldURLs, "/"+strings.TrimSuffix(path.Dir(r), ".")+"/")
			} else {
				p.oldURLs = append(p.oldURLs, "/"+r+".html")
			}
		case Hugo:
			if u := p.fmString("url"); u != "" {
				p.oldURLs = append(p.oldURLs, u)
			}
			if slug := p.fmString("slug"); slug != "" {
				p.oldURLs = append(p.oldURLs, "/"+path.Join(path.Dir(r), slug)+"/")
			}
		case MdBook:
			if base := path.Base(r); base == "README" || base == "index" {
				p.oldURLs = append(p.oldURLs, "/"+strings.TrimSuffix(path.Dir(r), ".")+"/index.html")
			} else {
				p.oldURLs = append(p.oldURLs, "/"+r+".html")
			}
		}
	}

	// Docusaurus: a doc with slug "/" is the home page.
	if l.kind == Docusaurus {
		home := path.Join("content", "index.md")
		if _, ok := taken[home]; !ok {
			for _, p := range pl.pages {
				if p.fmString("slug") == "/" && path.Dir(p.New) == "content" {
					delete(taken, p.New)
					pl.notes = append(pl.notes, Note{File: p.Old, Kind: "renamed", Message: "slug \"/\" made it the home page: now " + home, Converted: true})
					p.New = home
					taken[home] = p.file
					break
				}
			}
		}
	}

	// The old navigation: titles, order, and the order of the top
	// folders in the menu.
	var entries []navEntry
	switch l.kind {
	case GitBook, MdBook:
		entries = readSummary(src, path.Join(l.contentRoot, "SUMMARY.md"))
	case MkDocs:
		entries = readMkDocsNav(src, l.configFile, l.contentRoot)
	case Docusaurus:
		ids := map[string]string{}
		for _, p := range pl.pages {
			ids[p.id] = p.Old
		}
		entries = readSidebars(src, ids)
	}
	hasDir := map[string]bool{}
	for n := range taken {
		for d := path.Dir(n); d != "." && d != "/"; d = path.Dir(d) {
			hasDir[d] = true
		}
	}
	for _, p := range pl.pages {
		if isSectionName(p.New) {
			p.section = path.Dir(p.New)
		} else if hasDir[strings.TrimSuffix(p.New, ".md")] {
			p.section = strings.TrimSuffix(p.New, ".md")
		}
	}
	perParent := map[string]int{}
	seenTop := map[string]bool{}
	for _, e := range entries {
		p := byOld[e.file]
		if p == nil || p.navWeight != 0 {
			continue
		}
		parent := path.Dir(p.New)
		if p.section != "" {
			parent = path.Dir(p.section)
		}
		if p.New == "content/index.md" || p.New == "content/README.md" || p.New == "content/_index.md" {
			parent = ""
		}
		if parent != "" {
			perParent[parent]++
			p.navWeight = perParent[parent]
		}
		p.navTitle = e.title
		if top := topOf(p); top != "" && !seenTop[top] {
			seenTop[top] = true
			pl.menuOrder = append(pl.menuOrder, top)
		}
	}
	if l.kind == MkDocs || l.kind == Docusaurus {
		for _, p := range pl.pages {
			if l := p.fmString("sidebar_label"); l != "" && p.navTitle == "" {
				p.navTitle = l
			}
		}
	}

	// Docusaurus' _category_.json: the folder's title and place; a folder
	// without a section page gets one, as Docusaurus made one.
	for _, c := range cats {
		cat, ok := readCategory(src, c)
		if !ok {
			pl.notes = append(pl.notes, Note{File: c, Kind: "navigation not read", Message: "not valid JSON or YAML: the folder keeps its name as title"})
			continue
		}
		oldDir := path.Dir(c)
		newDir := path.Join("content", rel(oldDir, l.contentRoot))
		var sec *page
		for _, p := range pl.pages {
			if p.section == newDir {
				sec = p
				break
			}
		}
		if sec == nil {
			f := &file{New: path.Join(newDir, "_index.md"), Act: actPage, Why: "the section page Docusaurus generated (" + c + ")"}
			sec = &page{file: f, section: newDir}
			if cat.Label != "" {
				sec.out = append(sec.out, kv{"title", cat.Label})
			}
			if cat.Position != 0 {
				sec.out = append(sec.out, kv{"weight", int64(max(1, int(cat.Position+0.5)))})
			}
			pl.pages = append(pl.pages, sec)
			taken[f.New] = f
			continue
		}
		if sec.navTitle == "" {
			sec.navTitle = cat.Label
		}
		if sec.navWeight == 0 && cat.Position != 0 {
			sec.navWeight = max(1, int(cat.Position+0.5))
		}
	}
	if l.kind == GitBook {
		pl.notes = append(pl.notes, applyGitbookRedirects(src, l, byOld)...)
	}
	pl.notes = append(pl.notes, settleRedirects(pl.pages)...)
	if len(pl.menuOrder) == 0 {
		pl.menuOrder = l.menuOrder
	}
	if len(pl.menuOrder) == 0 {
		pl.menuOrder = topByWeight(pl.pages)
	}
	return pl, nil
}

// topOf is the top folder under content/ a page is in, or "".
func topOf(p *page) string {
	r := strings.TrimPrefix(p.New, "content/")
	top, _, ok := strings.Cut(r, "/")
	if !ok {
		if p.section != "" && p.section != "content" {
			return strings.TrimPrefix(p.section, "content/")
		}
		return ""
	}
	return top
}

// topByWeight orders the top folders by their section pages' weights,
// when any has one.
func topByWeight(pages []*page) []string {
	type top struct {
		name   string
		weight int
	}
	var tops []top
	for _, p := range pages {
		if p.section == "" || strings.Count(p.section, "/") != 1 {
			continue
		}
		w := p.navWeight
		if w == 0 {
			for _, k := range []string{"weight", "sidebar_position", "nav_order"} {
				if f, ok := p.doc.Fields[k]; ok {
					if n, ok := f.Value.(int64); ok {
						w = int(n)
						break
					}
				}
			}
		}
		for _, o := range p.out {
			if o.key == "weight" {
				w = int(o.val.(int64))
			}
		}
		if w != 0 {
			tops = append(tops, top{strings.TrimPrefix(p.section, "content/"), w})
		}
	}
	sort.SliceStable(tops, func(i, j int) bool {
		if tops[i].weight != tops[j].weight {
			return tops[i].weight < tops[j].weight
		}
		return tops[i].name < tops[j].name
	})
	var out []string
	for _, t := range tops {
		if !slices.Contains(out, t.name) {
			out = append(out, t.name)
		}
	}
	return out
}

// sectionRank orders the section pages of one folder: the first is kept
// as the folder's page, the others move (Playbook allows one).
func sectionRank(name, dir string) int {
	if path.Dir(name) != dir {
		return 3 // page.md beside page/
	}
	switch path.Base(name) {
	case "_index.md":
		return 0
	case "index.md":
		return 1
	}
	return 2 // README.md
}

// oneSectionPage leaves one section page per folder. A folder can have
// several (GitBook's page.md beside page/README.md, or index.md and
// README.md), which Playbook refuses: the first of _index.md, index.md,
// README.md stays the folder's page, and each other one moves into the
// folder under a free name (page/page.md, page/overview.md). Links to it
// follow, since the linker knows every file's new place.
func oneSectionPage(files []*file, taken map[string]*file) []Note {
	hasDir := map[string]bool{}
	for n := range taken {
		for d := path.Dir(n); d != "." && d != "/"; d = path.Dir(d) {
			hasDir[d] = true
		}
	}
	byDir := map[string][]*file{}
	for _, f := range files {
		if f.Act != actPage || f.New == "" {
			continue
		}
		switch stem := strings.TrimSuffix(f.New, ".md"); {
		case isSectionName(f.New):
			byDir[path.Dir(f.New)] = append(byDir[path.Dir(f.New)], f)
		case hasDir[stem]:
			byDir[stem] = append(byDir[stem], f)
		}
	}
	dirs := make([]string, 0, len(byDir))
	for d, fs := range byDir {
		if len(fs) > 1 {
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	var notes []Note
	for _, dir := range dirs {
		fs := byDir[dir]
		sort.SliceStable(fs, func(i, j int) bool { return sectionRank(fs[i].New, dir) < sectionRank(fs[j].New, dir) })
		for _, f := range fs[1:] {
			stem := "overview"
			if path.Dir(f.New) != dir {
				stem = path.Base(dir)
			}
			name := path.Join(dir, stem+".md")
			for n := 2; taken[name] != nil; n++ {
				name = path.Join(dir, fmt.Sprintf("%s-%d.md", stem, n))
			}
			delete(taken, f.New)
			notes = append(notes, Note{File: f.Old, Kind: "moved into its folder", Converted: true,
				Message: fmt.Sprintf("%s is the section page of %s/ (a folder has one): this page is now %s, and links to it follow", path.Base(fs[0].New), dir, name)})
			f.New = name
			taken[name] = f
		}
	}
	return notes
}

// slugFixes picks the anchor fixes check offers whose old and new IDs
// differ only in case and punctuation ("#country-region" for the heading
// "Country/Region", whose ID is countryregion here): the old tool made
// heading IDs by other rules, so the link worked there and has one clear
// target here. Other broken anchors are left for their owners.
func slugFixes(found diag.List) diag.List {
	var out diag.List
	for _, d := range found {
		if d.Rule != "anchor" || d.Fix == nil {
			continue
		}
		if a, b := slugKey(d.Fix.Old), slugKey(d.Fix.New); a != "" && a == b {
			out = append(out, d)
		}
	}
	return out
}

// slugKey is an anchor's letters and digits, lower-cased.
func slugKey(anchor string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, anchor)
}

// commentOut turns front matter that cannot be read into an HTML comment,
// which no reader sees, so that the page builds and its owner still has
// the text to mend. It reports false when the block has no end.
func commentOut(src []byte) ([]byte, bool) {
	var delim string
	switch {
	case bytes.HasPrefix(src, []byte("---\n")) || bytes.HasPrefix(src, []byte("---\r\n")):
		delim = "---"
	case bytes.HasPrefix(src, []byte("+++\n")) || bytes.HasPrefix(src, []byte("+++\r\n")):
		delim = "+++"
	default:
		return nil, false
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	for i := 1; i < len(lines); i++ {
		if t := string(bytes.TrimRight(lines[i], "\r\n \t")); t == delim || (delim == "---" && t == "...") {
			var b bytes.Buffer
			b.WriteString("<!-- playbook import: this front matter could not be read (see IMPORT-REPORT.md)\n")
			for _, l := range lines[:i+1] {
				b.Write(bytes.ReplaceAll(l, []byte("-->"), []byte("-- >")))
			}
			b.WriteString("-->\n")
			b.Write(bytes.Join(lines[i+1:], nil))
			return b.Bytes(), true
		}
	}
	return nil, false
}

// pastLimits checks a page body against the limits a build checks with
// the default settings, and returns a note at the line of the body where
// it goes past one.
func pastLimits(body []byte, what string) (convert.Note, bool) {
	var l markdown.Limits
	if line, over := l.OverSize(body); over {
		return convert.Note{OutLine: line, Message: fmt.Sprintf("page past a limit: the body is over %d bytes, the largest page a build reads; split it into several pages (%s)", l.PageSize(), what)}, true
	}
	if pr, over := l.Scan(body); over {
		return convert.Note{OutLine: pr.Line, Message: "page past a limit: " + content.LimitMessage(pr) + " (" + what + ")"}, true
	}
	return convert.Note{}, false
}
