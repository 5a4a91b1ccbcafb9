// Package preview runs the live preview behind `playbook serve`: it builds
// the site in memory, serves it, watches the playbook, rebuilds on every
// change and tells browsers what changed or what broke. A broken build
// never takes the preview down: the last good site stays served.
package preview

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/serve"
	"github.com/playbook-ssg/playbook/generator/watch"
)

// Options configure a preview.
type Options struct {
	Build pipeline.Options
	Poll  bool      // poll for changes instead of using file events
	Log   io.Writer // progress and errors, for the terminal
}

// Preview is a running live preview.
type Preview struct {
	Server  *serve.Server
	opts    Options
	watcher *watch.Watcher
	pages   int
	shown   string         // the last problems printed, to print each state once
	last    *pipeline.Site // the last good build, updated in place by body edits
	warned  diag.List      // the warnings last printed

	closeOnce sync.Once
}

// Watched folders and files of a playbook.
var (
	watchedDirs  = []string{"content", "static", "layouts", "data"}
	watchedFiles = []string{"playbook.toml"}
)

// Start builds the site and starts watching. When the first build fails,
// the preview starts anyway, showing the problems until they are fixed.
func Start(opts Options) (*Preview, error) {
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	opts.Build.Live = true // no service worker: it would answer in place of the live server
	p := &Preview{opts: opts}
	site, err := pipeline.Generate(opts.Build)
	p.last = site
	if err != nil {
		p.Server = serve.New(placeholder(), serve.Options{Live: true})
		if err := p.report(err); err != nil {
			return nil, err
		}
	} else {
		p.pages = site.Pages
		p.Server = serve.New(site.Files, serve.Options{Live: true})
		p.printDiags(site.Diags)
	}
	w, err := watch.New(opts.Build.Source, watchedDirs, watchedFiles, watch.Options{Poll: opts.Poll})
	if err != nil {
		return nil, err
	}
	if w.Polling && !opts.Poll {
		fmt.Fprintf(opts.Log, "note: polling for changes (%s)\n", w.Reason)
	}
	p.watcher = w
	return p, nil
}

// Pages is the number of pages in the last good build.
func (p *Preview) Pages() int { return p.pages }

// Run rebuilds on every batch of changes until ctx ends.
func (p *Preview) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case changed, ok := <-p.watcher.Changes():
			if !ok {
				return
			}
			p.Rebuild(changed)
		}
	}
}

// Rebuild builds the site again and publishes it, or reports why it
// failed. The pages go out first; the search index follows.
func (p *Preview) Rebuild(changed []string) {
	if p.rebuildPages(changed) {
		p.refreshSearch()
	}
}

// rebuildPages updates and publishes the pages, reporting whether it worked.
func (p *Preview) rebuildPages(changed []string) bool {
	start := time.Now()
	var site *pipeline.Site
	var outputs []string
	var err error
	if p.last != nil {
		site, outputs, err = p.last.Update(changed)
	} else {
		site, err = pipeline.Generate(p.opts.Build)
	}
	p.last = site // nil after an error: the next change rebuilds in full
	if err != nil {
		_ = p.report(err)
		return false
	}
	p.pages = site.Pages
	var updated []string
	if outputs != nil {
		updated = p.Server.PublishSome(site.Files, outputs)
	} else {
		updated = p.Server.Publish(site.Files)
	}
	if p.shown != "" {
		fmt.Fprintln(p.opts.Log, "Fixed: the build works again.")
		p.shown = ""
	}
	p.printDiags(site.Diags)
	fmt.Fprintf(p.opts.Log, "Rebuilt in %s after %s: %s changed\n", time.Since(start).Round(time.Millisecond), describe(changed), plural(len(updated), "file"))
	return true
}

// refreshSearch brings the search index up to date with the pages just
// published, for searches made from here on.
func (p *Preview) refreshSearch() {
	changed, err := p.last.RefreshSearch()
	if err != nil {
		p.last = nil
		_ = p.report(err)
		return
	}
	if len(changed) > 0 {
		p.Server.PublishSome(p.last.Files, changed)
	}
}

// report tells the terminal (once per distinct state) and the browsers why
// the build failed. An error without diagnostics is returned unreported.
func (p *Preview) report(err error) error {
	list, ok := diag.From(err)
	if !ok {
		list = diag.List{{Severity: diag.Error, Rule: "build", Message: err.Error()}}
	}
	data, jerr := json.Marshal(list)
	if jerr != nil {
		return jerr
	}
	p.Server.Fail(data)
	// Each error is printed once: while a file stays broken, saving
	// another file does not print it again.
	var b strings.Builder
	printed := map[string]bool{}
	for _, line := range strings.Split(p.shown, "\n") {
		printed[line] = true
	}
	var all strings.Builder
	for _, d := range list {
		line := d.String()
		all.WriteString(line + "\n")
		if !printed[line] {
			b.WriteString(line + "\n")
		}
	}
	if all.String() == p.shown {
		return nil
	}
	p.shown = all.String()
	if b.Len() > 0 {
		fmt.Fprintf(p.opts.Log, "%sThe preview keeps showing the last good build until this is fixed.\n", b.String())
	} else {
		fmt.Fprintf(p.opts.Log, "Still %s to fix (shown above).\n", plural(len(list), "error"))
	}
	return nil
}

// printDiags prints warnings when they differ from the last ones printed,
// so a rebuild does not repeat the same list every time.
func (p *Preview) printDiags(list diag.List) {
	// Compared as printed: each build makes new Fix values.
	same := func(a, b diag.Diagnostic) bool { return a.String() == b.String() && a.Rule == b.Rule }
	if len(list) == len(p.warned) && slices.EqualFunc(list, p.warned, same) {
		return
	}
	p.warned = list
	// Known problems (the baseline's) are counted, not listed: a writer
	// needs to see what their edit broke, not the handbook's backlog.
	known := 0
	for _, d := range list {
		if d.Known {
			known++
			continue
		}
		fmt.Fprintln(p.opts.Log, d.String())
	}
	if known > 0 {
		fmt.Fprintf(p.opts.Log, "%s left in the baseline (playbook check lists them).\n", plural(known, "known problem"))
	}
}

// Close stops watching and ends every browser's event stream. It may be
// called more than once.
func (p *Preview) Close() {
	p.closeOnce.Do(func() {
		p.watcher.Close()
		p.Server.Close()
	})
}

func describe(changed []string) string {
	switch len(changed) {
	case 0:
		return "a change"
	case 1:
		return changed[0]
	default:
		return fmt.Sprintf("%s and %d more", changed[0], len(changed)-1)
	}
}

// placeholder is the site served until a first build succeeds.
func placeholder() map[string][]byte {
	page := []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="playbook-placeholder" content=""><title>Playbook preview</title></head>` +
		`<body style="font-family:system-ui,sans-serif;margin:2rem"><h1>The playbook does not build yet</h1><p>The errors are listed below and in the terminal. Save a fix and this page updates by itself.</p></body></html>`)
	return map[string][]byte{"index.html": page, "404.html": page}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
