package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/internal/browser"
)

var engines = []string{"playbook", "pagefind"}

type chrome struct {
	ctx     context.Context
	cancel  func()
	profile string
}

func newBrowser() (*chrome, error) {
	path := browser.Path()
	if path == "" {
		return nil, fmt.Errorf("chromium not found: install it (apt-get install -y chromium) or set PLAYBOOK_CHROMIUM")
	}
	profile, err := os.MkdirTemp("", "searchbench-chromium-")
	if err != nil {
		return nil, err
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(1280, 900))
	ctx, cancelCtx := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		return nil, fmt.Errorf("starting Chromium (%s): %w", path, err)
	}
	return &chrome{ctx: ctx, profile: profile, cancel: func() { cancelCtx(); cancelAlloc() }}, nil
}

func (c *chrome) close() {
	c.cancel()
	_ = os.RemoveAll(c.profile)
}

// fresh opens the bench page (a blank page of the site's origin) in a new
// browser context, so with an empty cache, and returns the tab with a
// timeout and its cancel.
func (c *chrome) fresh(s *server, timeout time.Duration) (context.Context, func(), error) {
	tab, cancelTab := chromedp.NewContext(c.ctx, chromedp.WithNewBrowserContext())
	if err := chromedp.Do(tab); err != nil {
		cancelTab()
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(tab, timeout)
	done := func() { cancel(); cancelTab() }
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL+"/__bench/")); err != nil {
		done()
		return nil, nil, err
	}
	return ctx, done, nil
}

// loaders define, in the page, run(q, n): the engine's top n results
// for q, loading the engine on first use. Both fetch nothing before it.
var loaders = map[string]string{
	"playbook": `
window.loadEngine = () => window.engine || (window.engine = new Promise((resolve, reject) => {
	const s = document.createElement('script');
	s.src = '/search/search.js';
	s.onload = () => resolve(PlaybookSearch.open('/search/'));
	s.onerror = reject;
	document.head.appendChild(s);
}));
window.run = async (q, n) => {
	const ix = await loadEngine();
	const r = await ix.search(q, {}, {limit: n});
	return {total: r.total, results: r.results.map(x => ({url: x.url, title: x.title.join('')}))};
};
window.runSearchOnly = window.run;`,
	"pagefind": `
window.loadEngine = () => window.engine || (window.engine = import('/pagefind/pagefind.js').then(async pf => { await pf.init(); return pf; }));
window.run = async (q, n) => {
	const pf = await loadEngine();
	const r = await pf.search(q);
	const top = await Promise.all(r.results.slice(0, n).map(x => x.data()));
	return {total: r.results.length, results: top.map(d => ({url: d.url, title: d.meta.title || ''}))};
};
window.runSearchOnly = async (q, n) => {
	const pf = await loadEngine();
	return (await pf.search(q)).results.length;
};`,
}

type hit struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

type runResult struct {
	Total   int   `json:"total"`
	Results []hit `json:"results"`
}

type firstQuery struct {
	Query      string
	Files      []served // in the order sent
	Bytes      int64    // as sent by a server that does not compress
	Gzip       int64    // each file gzipped (Pagefind's own gzip files as they are)
	Resources  []string // the page's resource timing entries
	Total      int
	Top        []hit
	Elapsed    time.Duration // from the first fetch to the results, cold
	ByFileType map[string]int
}

func evaluate[T any](ctx context.Context, js string, args ...any) (T, error) {
	a, _ := json.Marshal(append([]any{}, args...))
	return chromedp.Run(ctx, chromedp.Evaluate[T](fmt.Sprintf("(%s)(...%s)", js, a), chromedp.EvalAwaitPromise))
}

// measureFirstQuery loads a fresh page, runs one query for the top 10 and
// records every file sent for it.
func measureFirstQuery(b *chrome, s *server, engine, q string) (firstQuery, error) {
	fq := firstQuery{Query: q, ByFileType: map[string]int{}}
	ctx, done, err := b.fresh(s, 2*time.Minute)
	if err != nil {
		return fq, err
	}
	defer done()
	if _, err := evaluate[bool](ctx, `() => { `+loaders[engine]+` return true; }`); err != nil {
		return fq, err
	}
	s.reset()
	type out struct {
		R         runResult `json:"r"`
		Resources []string  `json:"resources"`
		Ms        float64   `json:"ms"`
	}
	o, err := evaluate[out](ctx, `async (q) => {
		const t0 = performance.now();
		const r = await run(q, 10);
		const ms = performance.now() - t0;
		return {r, ms, resources: performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)};
	}`, q)
	if err != nil {
		return fq, err
	}
	time.Sleep(200 * time.Millisecond) // any late request
	fq.Files = s.served()
	fq.Resources = o.Resources
	fq.Total = o.R.Total
	fq.Top = o.R.Results
	fq.Elapsed = time.Duration(o.Ms * float64(time.Millisecond))
	for _, f := range fq.Files {
		fq.Bytes += f.Bytes
		fq.Gzip += gzipSize(fileRoot, f.Path)
		fq.ByFileType[fileType(f.Path)]++
	}
	return fq, nil
}

// fileRoot is the site folder, for gzipSize.
var fileRoot string

func fileType(p string) string {
	switch {
	case p == "/search/search.js" || p == "/pagefind/pagefind.js" || p == "/pagefind/pagefind-worker.js":
		return "script"
	case p == "/search/meta.json" || p == "/pagefind/pagefind-entry.json" || slices.Contains([]string{".pf_meta"}, ext(p)):
		return "meta"
	case ext(p) == ".pagefind":
		return "wasm"
	case len(p) > 10 && p[:10] == "/search/v/":
		return "vocabulary"
	case len(p) > 10 && p[:10] == "/search/t/", ext(p) == ".pf_index":
		return "postings"
	case len(p) > 10 && p[:10] == "/search/f/", ext(p) == ".pf_fragment":
		return "fragment"
	}
	return "other"
}

func ext(p string) string {
	for i := len(p) - 1; i >= 0 && p[i] != '/'; i-- {
		if p[i] == '.' {
			return p[i:]
		}
	}
	return ""
}

type queryTime struct {
	Queries          int
	Median, P90, Max time.Duration
	SearchOnlyMedian time.Duration // Pagefind: search() without data()
	SearchOnlyP90    time.Duration
	PerQuery         map[string]time.Duration
}

// measureQueryTime loads an engine, runs every query once to load what it
// needs, then times each query again (the median of 5 runs of each).
func measureQueryTime(b *chrome, s *server, engine string, queries []string) (queryTime, error) {
	qt := queryTime{Queries: len(queries), PerQuery: map[string]time.Duration{}}
	ctx, done, err := b.fresh(s, 5*time.Minute)
	if err != nil {
		return qt, err
	}
	defer done()
	if _, err := evaluate[bool](ctx, `() => { `+loaders[engine]+` return true; }`); err != nil {
		return qt, err
	}
	// Each query is timed in 5 passes and its median kept: the machine is
	// shared, and one pass catches other processes' bursts.
	type out struct{ Full, Only []float64 }
	o, err := evaluate[out](ctx, `async (qs) => {
		for (const q of qs) await run(q, 10);
		const median = a => a.sort((x, y) => x - y)[a.length >> 1];
		const time = async f => {
			const per = qs.map(() => []);
			for (let pass = 0; pass < 5; pass++)
				for (let i = 0; i < qs.length; i++) { const t0 = performance.now(); await f(qs[i], 10); per[i].push(performance.now() - t0); }
			return per.map(median);
		};
		return {full: await time(run), only: await time(runSearchOnly)};
	}`, queries)
	if err != nil {
		return qt, err
	}
	ms := func(f float64) time.Duration { return time.Duration(f * float64(time.Millisecond)) }
	for i, q := range queries {
		qt.PerQuery[q] = ms(o.Full[i])
	}
	pct := func(v []float64, p int) time.Duration {
		s := slices.Clone(v)
		sort.Float64s(s)
		return ms(s[min(len(s)-1, len(s)*p/100)])
	}
	qt.Median, qt.P90, qt.Max = pct(o.Full, 50), pct(o.Full, 90), pct(o.Full, 100)
	qt.SearchOnlyMedian, qt.SearchOnlyP90 = pct(o.Only, 50), pct(o.Only, 90)
	return qt, nil
}

// topURLs runs many queries in one loaded page and returns each one's
// top n URLs.
func topURLs(b *chrome, s *server, engine string, queries []string, n int) ([][]string, error) {
	ctx, done, err := b.fresh(s, 10*time.Minute)
	if err != nil {
		return nil, err
	}
	defer done()
	if _, err := evaluate[bool](ctx, `() => { `+loaders[engine]+` return true; }`); err != nil {
		return nil, err
	}
	return evaluate[[][]string](ctx, `async (qs, n) => {
		const out = [];
		for (const q of qs) out.push((await run(q, n)).results.map(r => r.url));
		return out;
	}`, queries, n)
}
