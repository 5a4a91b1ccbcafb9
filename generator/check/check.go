// Package check finds every problem in a playbook in one run, for the
// pull-request gate: what a build would refuse (front matter, links and
// anchors, missing files, duplicate URLs, relations, owners, audience
// leaks) and what a build lets through but a reviewer should not: pages
// due for review, conflicting glossary terms, brand colour pairs that fail
// contrast, brand voice and a stale CODEOWNERS file.
//
// Unlike a build, check does not stop at the first broken file: pages
// whose front matter cannot be read stand in as stubs, so links to them
// are not reported as broken too.
package check

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/check/rule"
	"github.com/playbook-ssg/playbook/generator/codeowners"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/site"
	"github.com/playbook-ssg/playbook/generator/voice"
)

// Options control a check.
type Options struct {
	Source string    // playbook folder (holds playbook.toml)
	Today  time.Time // the date review status is judged on; zero means today

	// NoBaseline leaves the baseline out, to find every problem the
	// baseline should record (--update-baseline); [check] severity still
	// applies.
	NoBaseline bool
}

// Rules are the rules check runs over the loaded playbook, after what a
// build checks: review freshness, glossary conflicts and brand contrast
// here, brand voice and a stale CODEOWNERS file with their own code.
// Every caller of Run gets them all.
func Rules() []rule.Rule {
	return []rule.Rule{freshness, glossary, contrast, voice.CheckRule, codeowners.CheckRule}
}

// Run checks the playbook at opts.Source and returns every finding,
// sorted by file and position. The error is for failures to read the
// playbook at all, not for findings.
func Run(opts Options) (diag.List, error) {
	today := opts.Today
	if today.IsZero() {
		now := time.Now()
		today = time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	}
	// A config with mistakes is still used, its wrong values replaced by
	// defaults, so that its problems and the pages' come in one report.
	cfg, cfgFound, err := config.LoadAll(opts.Source)
	if err != nil {
		return nil, err
	}
	if cfg == nil {
		return cfgFound, nil // nothing else can be checked without it
	}
	root, err := os.OpenRoot(opts.Source)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", opts.Source, err)
	}
	defer root.Close()
	fsys := root.FS()
	policy, policyFound := loadPolicy(opts, cfg)
	cfgFound = append(cfgFound, policyFound...)
	set, found, err := content.Load(fsys, cfg)
	if err != nil {
		return nil, err
	}
	found = append(cfgFound, found...)
	if set == nil { // no content/ folder
		found = finish(policy, found)
		return found, nil
	}
	pages := set.Pages
	stubbed := stubs(fsys, cfg, set, found)
	set.Pages = append(set.Pages, stubbed...)

	md := markdown.New(markdown.Options{RawHTML: markdown.RawHTML(cfg.Markdown.RawHTML), Limits: content.Limits(cfg)})
	s, linked := site.Link(cfg, set, fsys, md, site.Options{Today: today, Adjust: policy.Adjust, LinksOnly: true})
	found = append(found, linked...)
	found = append(found, content.AliasClashes(pages)...)
	// Where every file of a build goes, claimed as the build does, even
	// when links are broken too (Link then gives no site: the model alone
	// knows every address but those of the content files pages link to).
	placed := s
	if placed == nil {
		placed, _ = site.Model(cfg, set, fsys, md, site.Options{Today: today, Adjust: policy.Adjust, LinksOnly: true})
	}
	if placed != nil {
		found = append(found, pipeline.CheckPaths(placed, &content.Set{Pages: pages, Files: set.Files}, md, fsys)...)
	}

	pb := &rule.Playbook{Source: opts.Source, Config: cfg, Pages: pages, Site: s, Markdown: md, Today: today}
	for _, p := range stubbed {
		pb.Unreadable = append(pb.Unreadable, p.File)
	}
	for _, r := range Rules() {
		found = append(found, r(pb)...)
	}
	found = finish(policy, dedupe(sectionClashesOnce(found)))
	return found, nil
}

// loadPolicy reads the playbook's [check] severities and, unless
// opts.NoBaseline, its baseline. A baseline that cannot be read is
// reported, and the check goes on without it.
func loadPolicy(opts Options, cfg *config.Config) (*baseline.Policy, diag.List) {
	if opts.NoBaseline {
		return baseline.NewPolicy(cfg.Check.Severity, nil), nil
	}
	p, err := baseline.ForConfig(cfg, opts.Source)
	if err != nil {
		return baseline.NewPolicy(cfg.Check.Severity, nil), diag.List{{File: baseline.FileName(cfg), Severity: diag.Error, Rule: baseline.Rule, Message: err.Error()}}
	}
	return p, nil
}

// finish applies the policy to every finding (those site.Link adjusted
// already are left as they were: Adjust is idempotent) and notes the
// baseline's entries that are fixed; check sees every problem, so only
// it can tell.
func finish(policy *baseline.Policy, found diag.List) diag.List {
	found, sum := policy.AdjustSummary(found)
	if n, ok := sum.StaleNote(); ok {
		found = append(found, n)
	}
	found.Sort()
	return found
}

// stubs stands in for the markdown files whose front matter could not be
// read at all, so that links and relations to them are not reported as
// broken as well: their own error says what is wrong.
func stubs(fsys fs.FS, cfg *config.Config, set *content.Set, found diag.List) []*content.Page {
	loaded := map[string]bool{}
	for _, p := range set.Pages {
		loaded[p.File] = true
	}
	var out []*content.Page
	seen := map[string]bool{}
	for _, d := range found {
		if d.Severity != diag.Error || loaded[d.File] || seen[d.File] || path.Ext(d.File) != ".md" || !strings.HasPrefix(d.File, content.Dir+"/") || content.Nameless(path.Base(d.File)) {
			continue
		}
		if _, err := fs.Stat(fsys, d.File); err != nil {
			continue
		}
		seen[d.File] = true
		slug := strings.TrimSuffix(path.Base(d.File), ".md")
		var discard diag.List
		if p := content.Parse(d.File, fmt.Appendf(nil, "+++\ntitle = %q\n+++\n", slug), cfg, &discard); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// dedupe drops repeated findings (the same problem found by two rules).
// sectionClashesOnce drops the duplicate-url errors of files that
// already have a "section pages" error: a folder with two section pages
// gives both files one URL, and one message about it is enough (the
// duplicate-url advice, to move one to _index.md, would make a third).
func sectionClashesOnce(list diag.List) diag.List {
	clash := map[string]bool{}
	for _, d := range list {
		if d.Rule == "content" && strings.Contains(d.Message, " section pages: ") {
			clash[d.File] = true
		}
	}
	if len(clash) == 0 {
		return list
	}
	out := list[:0]
	for _, d := range list {
		if !(d.Rule == "duplicate-url" && clash[d.File]) {
			out = append(out, d)
		}
	}
	return out
}

func dedupe(list diag.List) diag.List {
	seen := map[diag.Diagnostic]bool{}
	out := list[:0]
	for _, d := range list {
		if !seen[d] {
			seen[d] = true
			out = append(out, d)
		}
	}
	return out
}

// Failing reports whether list fails a check: an error, or with strict a
// warning the baseline does not record. Known problems never fail, not
// even with --strict, which is for new warnings.
func Failing(list diag.List, strict bool) bool {
	for _, d := range list {
		if d.Severity == diag.Error || strict && d.Severity == diag.Warning && !d.Known {
			return true
		}
	}
	return false
}

// Summary counts errors and warnings, for the last line of a report.
func Summary(list diag.List) (errs, warns int) {
	for _, d := range list {
		switch d.Severity {
		case diag.Error:
			errs++
		case diag.Warning:
			warns++
		}
	}
	return errs, warns
}
