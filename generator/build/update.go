package build

import (
	"errors"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/site"
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
	next, outputs, err = s.updateBodies(changed)
	if errors.Is(err, site.ErrNeedFull) {
		next, err = Generate(s.opts)
		return next, nil, err
	}
	if err == nil {
		next.Times = []Stage{{"update " + strings.Join(outputs, ", "), time.Since(start)}}
	}
	return next, outputs, err
}

func (s *Site) updateBodies(changed []string) (*Site, []string, error) {
	if len(changed) == 0 || s.renderer == nil {
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
		cp := content.Parse(rel, src, s.Model.Config, &diags)
		if cp == nil || diags.HasErrors() {
			return nil, nil, site.ErrNeedFull
		}
		pages = append(pages, cp)
	}
	next := &Site{Files: maps.Clone(s.Files), Pages: s.Pages, Model: s.Model, Diags: s.Diags, opts: s.opts, renderer: s.renderer}
	var outputs []string
	for _, cp := range pages {
		p, pdiags, err := s.Model.UpdateBody(cp)
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
	}
	return next, outputs, nil
}
