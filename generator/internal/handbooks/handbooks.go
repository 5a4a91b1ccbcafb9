// Package handbooks writes realistic company handbooks (sales, marketing,
// people and engineering pages) in the source layouts of the tools teams
// already use: Hugo, Docusaurus, MkDocs (Material), GitBook, mdBook,
// Jekyll (just-the-docs) and plain folders of markdown. Each carries the
// quirks real handbooks have in that layout, and a few real problems
// (broken anchors, deleted pages, missing images, a bad date) planted on
// purpose and listed in a Manifest, so that import, build and check can be
// tested end to end: every planted problem must be reported, and nothing
// else.
//
// The same layout, page count and seed always give the same bytes.
package handbooks

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing/fstest"
)

// Layout names a source layout.
type Layout string

// The layouts Write knows.
const (
	Hugo       Layout = "hugo"
	Docusaurus Layout = "docusaurus"
	MkDocs     Layout = "mkdocs"
	GitBook    Layout = "gitbook"
	MdBook     Layout = "mdbook"
	Jekyll     Layout = "jekyll"
	Plain      Layout = "plain"
)

// Layouts returns every layout, in a fixed order.
func Layouts() []Layout {
	return []Layout{Hugo, Docusaurus, MkDocs, GitBook, MdBook, Jekyll, Plain}
}

// Options sizes a handbook.
type Options struct {
	// Pages is the number of markdown pages to write, within a few percent;
	// 0 means 300.
	Pages int
	// Seed varies titles, words, links and where problems are planted.
	Seed int64
}

// DefaultPages is the size of a handbook when Options.Pages is 0.
const DefaultPages = 300

// Problem is a real problem planted in the content on purpose.
type Problem struct {
	// File is the path in the source tree, slash-separated.
	File string
	// Line is the 1-based line of File that holds Marker.
	Line int
	// Kind is "anchor" (a link to a heading that does not exist), "link"
	// (a link to a page that was deleted), "image" (a missing image) or
	// "date" (a date written 03/12/2026 in front matter).
	Kind string
	// Marker appears in the diagnostic any correct checker reports for
	// the problem: the missing heading ID (without "#"), the missing file's
	// base name, or the bad date. It occurs exactly once in the whole
	// handbook, at File:Line, and is not a substring of another Marker.
	Marker string
}

// Manifest describes a written handbook.
type Manifest struct {
	Layout Layout
	// Pages lists every markdown page that must become a page, drafts
	// included, sorted. Not listed: navigation files (SUMMARY.md),
	// mdBook include snippets, Jekyll includes and editor litter.
	Pages []string
	// Drafts lists the pages marked draft (a subset of Pages).
	Drafts []string
	// Ignored lists files an import must skip: editor litter, dot folders,
	// OS metadata.
	Ignored []string
	// Problems lists the planted problems, sorted by file and line.
	Problems []Problem
}

// Write writes a handbook in layout into dir, which must be empty or
// absent, and returns its manifest.
func Write(dir string, layout Layout, opts Options) (Manifest, error) {
	files, m, err := generate(layout, opts)
	if err != nil {
		return Manifest{}, err
	}
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return Manifest{}, fmt.Errorf("handbooks: %w", err)
	case len(entries) > 0:
		return Manifest{}, fmt.Errorf("handbooks: %s is not empty: give an empty or new folder", dir)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return Manifest{}, fmt.Errorf("handbooks: %w", err)
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return Manifest{}, fmt.Errorf("handbooks: %w", err)
		}
	}
	return m, nil
}

// FS returns the handbook Write would write, in memory. It panics on an
// unknown layout, as that is a mistake in the calling test.
func FS(layout Layout, opts Options) (fstest.MapFS, Manifest) {
	files, m, err := generate(layout, opts)
	if err != nil {
		panic(err)
	}
	mfs := fstest.MapFS{}
	for name, data := range files {
		mfs[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return mfs, m
}

func generate(layout Layout, opts Options) (map[string][]byte, Manifest, error) {
	if !slices.Contains(Layouts(), layout) {
		return nil, Manifest{}, fmt.Errorf("handbooks: unknown layout %q (want one of %v)", layout, Layouts())
	}
	if opts.Pages < 0 {
		return nil, Manifest{}, fmt.Errorf("handbooks: Pages is %d: give a positive count, or 0 for %d", opts.Pages, DefaultPages)
	}
	if opts.Pages == 0 {
		opts.Pages = DefaultPages
	}
	g := newGen(layout, opts)
	g.run()
	return g.files, g.manifest(), nil
}
