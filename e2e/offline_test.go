package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/offline"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/serve"
	"github.com/playbook-ssg/playbook/internal/browser"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// offlineBase is where the sites of these tests live: under a path, as on
// a project's GitHub Pages, so the worker's scope is tested with it.
const offlineBase = "/playbook/"

// switchableSite serves generated sites under offlineBase on a loopback
// port; Publish replaces the site (a deploy) and Down cuts the network
// (every connection is dropped, as with no signal).
type switchableSite struct {
	URL  string // the site's address, ending in offlineBase
	srv  *serve.Server
	down atomic.Bool

	mu    sync.Mutex
	asked []string // the paths requested, in order
}

// requests returns the paths requested since the last call.
func (s *switchableSite) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.asked
	s.asked = nil
	return r
}

// offlineCSP is the strict policy the site must run under: the worker,
// its registration and the manifest need nothing more.
const offlineCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"

// recordCSP makes every page the browser opens record Content Security
// Policy violations in window.__csp, from before its first script.
func recordCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => __csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`,
	}); err != nil {
		t.Fatal(err)
	}
}

func serveSwitchable(t *testing.T, files map[string][]byte) *switchableSite {
	t.Helper()
	s := &switchableSite{srv: serve.New(files, serve.Options{})}
	inner := http.StripPrefix(strings.TrimSuffix(offlineBase, "/"), s.srv)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.down.Load() {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		s.mu.Lock()
		s.asked = append(s.asked, r.URL.Path)
		s.mu.Unlock()
		w.Header().Set("Content-Security-Policy", offlineCSP)
		inner.ServeHTTP(w, r)
	})
	s.URL = listenLoopback(t, h) + offlineBase
	return s
}

// generateAt builds the playbook in dir under offlineBase.
func generateAt(t *testing.T, dir string) *pipeline.Site {
	t.Helper()
	site, err := pipeline.Generate(pipeline.Options{Source: dir, BaseURL: offlineBase, Today: sampleToday})
	if err != nil {
		t.Fatalf("building %s: %v", dir, err)
	}
	return site
}

// appendToPage adds a sentence to the body of a page's file.
func appendToPage(t *testing.T, dir, file, text string) {
	t.Helper()
	fixture.Append(t, dir, file, "\n"+text+"\n")
}

// waitFor polls a JavaScript expression until it is true; installing the
// worker saves the whole index, which takes longer than a page load.
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (%s)", what, expr)
}

// evalAwait evaluates an expression whose value is a promise.
func evalAwait[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// setOffline emulates the network off (or on again) for the page and its
// service worker, navigator.onLine included.
func setOffline(t *testing.T, ctx context.Context, off bool) {
	t.Helper()
	sw := true
	if _, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
		EmulateOfflineServiceWorker: &sw,
		MatchedNetworkConditions:    []*network.Conditions{{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}},
	}); err != nil {
		t.Fatalf("emulating the network off=%v: %v", off, err)
	}
	if _, err := chromedp.Call(ctx, network.OverrideNetworkState, network.OverrideNetworkStateParams{Offline: off, DownloadThroughput: -1, UploadThroughput: -1}); err != nil {
		t.Fatalf("navigator.onLine off=%v: %v", off, err)
	}
}

// cacheKeys lists the browser's Cache Storage names.
const cacheKeys = `caches.keys()`

// controlled is true once the page is controlled by the site's worker.
const controlled = `!!navigator.serviceWorker.controller`

// workerBuild is the build stamp the site's worker names its cache by.
func workerBuild(t *testing.T, s *pipeline.Site) string {
	t.Helper()
	line, _, _ := strings.Cut(string(s.Files["sw.js"]), "\n")
	_, rest, ok := strings.Cut(line, `"build":"`)
	if !ok {
		t.Fatalf("sw.js has no build: %s", line)
	}
	stamp, _, _ := strings.Cut(rest, `"`)
	return stamp
}

// workerPages is the hash of each page the site's worker saves on
// install, by URL.
func workerPages(t *testing.T, s *pipeline.Site) map[string]string {
	t.Helper()
	line, _, _ := strings.Cut(string(s.Files["sw.js"]), "\n")
	var w offline.Worker
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(line, "self.PB = "), ";")), &w); err != nil {
		t.Fatalf("sw.js settings %q: %v", line, err)
	}
	m := map[string]string{}
	for _, e := range w.Pages {
		m[e[0]] = e[1]
	}
	return m
}

// TestOfflineAfterOneVisit: after one visit to home, with the network off,
// every objection, closing tool, play and glossary term opens, search
// answers, a page never saved shows the offline page, and the page says
// it is offline.
func TestOfflineAfterOneVisit(t *testing.T) {
	site := generateAt(t, "../playbook")
	srv := serveSwitchable(t, site.Files)
	ctx := browser.New(t)
	recordCSP(t, ctx)
	openPage(t, ctx, srv.URL)
	waitFor(t, ctx, "the service worker to control the page", controlled)
	if got := evalAwait[[]string](t, ctx, cacheKeys); !slices.Equal(got, []string{"playbook:" + offlineBase + ":" + workerBuild(t, site)}) {
		t.Fatalf("caches %q, want one named by the build", got)
	}
	if !evalJS[bool](t, ctx, `Array.isArray(window.__csp)`) {
		t.Fatal("the CSP recorder did not run")
	}
	if v := evalJS[[]string](t, ctx, `window.__csp`); len(v) > 0 {
		t.Errorf("under %s, home violates: %q", offlineCSP, v)
	}

	// The server gone while the device still has a network (a captive
	// portal, a dead host): saved pages answer, and the page says so.
	srv.down.Store(true)
	openPage(t, ctx, srv.URL+"objections/too-expensive/")
	poll(t, ctx, "the unreachable status", `document.querySelector(".offline-status").textContent === "Can't reach the playbook — showing saved pages"`)
	if got := evalJS[string](t, ctx, `document.body.className`); !strings.Contains(got, "layout-objection") {
		t.Errorf("with the server gone, the objection shows %q", got)
	}

	setOffline(t, ctx, true)
	n := 0
	for _, p := range site.Model.Pages {
		switch p.Kind {
		case content.KindObjection, content.KindClosingTool, content.KindPlay, content.KindTerm:
		default:
			continue
		}
		n++
		openPage(t, ctx, srv.URL+strings.TrimPrefix(p.Permalink(), offlineBase))
		got := evalJS[string](t, ctx, `document.body.className + "|" + (document.querySelector("main h1") || {}).textContent`)
		if strings.Contains(got, "layout-offline") || !strings.HasPrefix(got, "layout-"+p.Kind+"|") {
			t.Errorf("offline, %s shows %q", p.Permalink(), got)
		}
		if v := evalJS[[]string](t, ctx, `window.__csp`); len(v) > 0 {
			t.Errorf("offline, %s violates %s: %q", p.Permalink(), offlineCSP, v)
		}
	}
	if n < 30 {
		t.Errorf("only %d pages of the kinds a rep needs offline", n)
	}
	status := evalJS[string](t, ctx, `(document.querySelector(".offline-status[role=status]") || {}).textContent`)
	if status != "Offline — showing saved pages" {
		t.Errorf("offline status %q", status)
	}

	// Search, from the search page's address as a shared link opens it.
	openPage(t, ctx, srv.URL+"search/?q=too+expensive")
	poll(t, ctx, "search results offline", `document.querySelector("[data-search-results]").dataset.query === "too expensive"`)
	first := evalJS[string](t, ctx, `(document.querySelector(".search-results .search-result__title a") || {}).pathname`)
	if first != offlineBase+"objections/too-expensive/" {
		t.Errorf("offline, the first result for too expensive is %q", first)
	}

	// A page never saved.
	openPage(t, ctx, srv.URL+"working-together/how-to-edit-this-playbook/")
	if got := evalJS[string](t, ctx, `document.body.className + "|" + document.querySelector("main h1").textContent`); got != "layout-offline|You are offline" {
		t.Errorf("a page never saved shows %q offline", got)
	}

	// Back online, the status line empties.
	srv.down.Store(false)
	setOffline(t, ctx, false)
	poll(t, ctx, "the offline status to clear", `document.querySelector(".offline-status").textContent === ""`)
	// Online, a page the site answers with 404 is not "can't reach".
	openPage(t, ctx, srv.URL+"no-such-page/")
	poll(t, ctx, "the reachability check", `document.querySelector(".offline-status").hasAttribute("data-checked")`)
	if got := evalJS[string](t, ctx, `document.querySelector(".offline-status").textContent`); got != "" {
		t.Errorf("online, the not-found page says %q", got)
	}
}

// TestOfflineNewBuildReplacesCache: a deploy installs a new worker, whose
// cache is named by the new build; the old build's cache is deleted and
// the changed page shows its new text, saved for offline too.
func TestOfflineNewBuildReplacesCache(t *testing.T) {
	dir := fixture.Copy(t, "../playbook")
	first := generateAt(t, dir)
	srv := serveSwitchable(t, first.Files)
	ctx := browser.New(t)
	openPage(t, ctx, srv.URL)
	waitFor(t, ctx, "the service worker to control the page", controlled)
	oldKey := "playbook:" + offlineBase + ":" + workerBuild(t, first)
	if got := evalAwait[[]string](t, ctx, cacheKeys); !slices.Equal(got, []string{oldKey}) {
		t.Fatalf("caches %q, want [%s]", got, oldKey)
	}

	const marker = "A line this deploy added to the talk track."
	appendToPage(t, dir, "content/objections/too-expensive.md", marker)
	next := generateAt(t, dir)
	newKey := "playbook:" + offlineBase + ":" + workerBuild(t, next)
	if newKey == oldKey {
		t.Fatal("the rebuild kept the build stamp")
	}
	srv.srv.Publish(next.Files)
	srv.requests()

	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the new build's cache to replace the old one",
		fmt.Sprintf(`caches.keys().then(k => k.length === 1 && k[0] === %q)`, newKey))
	// The new worker downloads the pages whose bytes changed, and copies
	// the others from the old build's cache.
	asked := srv.requests()
	before, after := workerPages(t, first), workerPages(t, next)
	changed := offlineBase + "objections/too-expensive/"
	if before[changed] == after[changed] || !slices.Contains(asked, changed) {
		t.Errorf("the changed page %s (hash %s then %s) was not downloaded: %q", changed, before[changed], after[changed], asked)
	}
	kept := 0
	for u, h := range after {
		if before[u] != h {
			continue
		}
		kept++
		if slices.Contains(asked, u) {
			t.Errorf("the unchanged page %s was downloaded again", u)
		}
	}
	if kept < 20 {
		t.Errorf("only %d of %d pages unchanged after one page changed", kept, len(after))
	}
	t.Logf("after one page changed: %d requests, %d of %d saved pages copied", len(asked), kept, len(after))
	saved := fmt.Sprintf(`caches.open(%q).then(c => c.match(%q)).then(r => r ? r.text() : "").then(t => t.includes(%q))`,
		newKey, offlineBase+"objections/too-expensive/", marker)
	if !evalAwait[bool](t, ctx, saved) {
		t.Error("the new cache does not hold the changed page's new text")
	}
	openPage(t, ctx, srv.URL+"objections/too-expensive/")
	if !evalJS[bool](t, ctx, fmt.Sprintf(`document.querySelector("main").textContent.includes(%q)`, marker)) {
		t.Error("online, the changed page does not show its new text")
	}

	// Offline, the saved copy is the new one.
	srv.down.Store(true)
	setOffline(t, ctx, true)
	openPage(t, ctx, srv.URL+"objections/too-expensive/")
	if !evalJS[bool](t, ctx, fmt.Sprintf(`document.querySelector("main").textContent.includes(%q)`, marker)) {
		t.Error("offline, the changed page shows its old text")
	}
}

// TestOfflineWorkerSwitchedOff: a build with drafts published where a
// built site was switches that site's worker off: it unregisters, its
// saved pages are deleted, and pages come from the network again.
func TestOfflineWorkerSwitchedOff(t *testing.T) {
	site := generateAt(t, "../playbook")
	srv := serveSwitchable(t, site.Files)
	ctx := browser.New(t)
	openPage(t, ctx, srv.URL)
	waitFor(t, ctx, "the service worker to control the page", controlled)

	drafts, err := pipeline.Generate(pipeline.Options{Source: "../playbook", BaseURL: offlineBase, Today: sampleToday, Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	srv.srv.Publish(drafts.Files)
	if err := chromedp.Do(ctx, chromedp.Reload()); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the worker to unregister", `navigator.serviceWorker.getRegistrations().then(r => r.length === 0)`)
	waitFor(t, ctx, "the saved pages to be deleted", `caches.keys().then(k => k.length === 0)`)
	openPage(t, ctx, srv.URL+"objections/too-expensive/")
	if evalJS[bool](t, ctx, controlled) {
		t.Error("a page of the build with drafts is still answered by a worker")
	}
}

// TestChangedSinceLastVisit: home marks the pages whose text changed since
// the build the browser saw before, and only those; a first visit marks
// nothing; opening the page unmarks it.
func TestChangedSinceLastVisit(t *testing.T) {
	dir := fixture.Copy(t, "../playbook")
	first := generateAt(t, dir)
	srv := serveSwitchable(t, first.Files)
	ctx := browser.New(t)
	openPage(t, ctx, srv.URL)
	poll(t, ctx, "the marks to be done", `document.documentElement.dataset.pbUpdated === "0"`)
	const marked = `[...document.querySelectorAll("[data-pb-page].is-updated")].map(li => li.dataset.pbPage + "|" + li.querySelector(".updated-badge").textContent)`
	if got := evalJS[[]string](t, ctx, marked); len(got) != 0 {
		t.Fatalf("a first visit marks %q", got)
	}
	cards := evalJS[[]string](t, ctx, `[...document.querySelectorAll("[data-pb-page]")].map(li => li.dataset.pbPage)`)
	changed := offlineBase + "objections/too-expensive/"
	if !slices.Contains(cards, changed) || len(cards) < 5 {
		t.Fatalf("home lists %q, want %s among them", cards, changed)
	}

	appendToPage(t, dir, "content/objections/too-expensive.md", "A line added since the last visit.")
	srv.srv.Publish(generateAt(t, dir).Files)
	openPage(t, ctx, srv.URL)
	poll(t, ctx, "a page marked as updated", `document.querySelectorAll("[data-pb-page].is-updated").length > 0`)
	if got, want := evalJS[[]string](t, ctx, marked), []string{changed + "|Updated"}; !slices.Equal(got, want) {
		t.Errorf("home marks %q, want %q", got, want)
	}
	// Still marked on the next visit to a list, until the page is opened.
	openPage(t, ctx, srv.URL+"objections/")
	poll(t, ctx, "the objection list to mark it", `document.querySelectorAll("[data-pb-page].is-updated").length > 0`)
	if got, want := evalJS[[]string](t, ctx, marked), []string{changed + "|Updated"}; !slices.Equal(got, want) {
		t.Errorf("the objection list marks %q, want %q", got, want)
	}
	// Opened by a percent-encoded address, as some links and apps write it.
	opened := fmt.Sprintf(`(JSON.parse(localStorage.getItem("playbook:seen:%s")).opened || {})[%q] === 1`, offlineBase, changed)
	openPage(t, ctx, srv.URL+"objections/too%2Dexpensive/")
	waitFor(t, ctx, "the opened page to be noted", opened)
	openPage(t, ctx, srv.URL)
	poll(t, ctx, "the marks to be done", `document.documentElement.dataset.pbUpdated === "0"`)
	if got := evalJS[[]string](t, ctx, marked); len(got) != 0 {
		t.Errorf("after opening the page, home still marks %q", got)
	}

	// A page opened after a deploy, before any list, counts as seen in
	// that deploy's build, not in the build the browser saw before.
	appendToPage(t, dir, "content/objections/too-expensive.md", "Another line, a deploy later.")
	srv.srv.Publish(generateAt(t, dir).Files)
	openPage(t, ctx, srv.URL+"objections/too-expensive/")
	waitFor(t, ctx, "the opened page to be noted", opened)
	openPage(t, ctx, srv.URL)
	poll(t, ctx, "the marks to be done", `document.documentElement.dataset.pbUpdated === "0"`)
	if got := evalJS[[]string](t, ctx, marked); len(got) != 0 {
		t.Errorf("the page opened after the deploy is marked %q", got)
	}
}

// serveWithWordDiff serves the sample as the latest of versioned builds
// whose What changed page has a word diff of too-expensive, and returns
// the site's address and that page's URL.
func serveWithWordDiff(t *testing.T) (*switchableSite, string) {
	t.Helper()
	site, err := pipeline.Start(pipeline.Options{Source: "../playbook", BaseURL: offlineBase, Today: sampleToday,
		Release: &release.Context{Current: release.Version{Name: "Latest", Latest: true}, RootPath: offlineBase}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	rep := &changes.Report{From: "v3.1", To: "Latest", Changed: []changes.Change{{
		Page:     changes.Page{Path: "objections/too-expensive/", Title: "It's too expensive", Kind: content.KindObjection},
		Inserted: 1,
		Sections: []changes.Section{{Status: changes.SectionChanged, Parts: []changes.Part{{Op: changes.Same, Text: "We "}, {Op: changes.Insert, Text: "now "}, {Op: changes.Same, Text: "agree."}}}},
	}}}
	if err := site.Finish(rep, nil); err != nil {
		t.Fatal(err)
	}
	return serveSwitchable(t, site.Files), offlineBase + "objections/too-expensive/"
}

// seenOtherVersion makes the browser remember another text of page from
// its last visit, after a first visit to home.
func seenOtherVersion(t *testing.T, ctx context.Context, srv *switchableSite, page string) {
	t.Helper()
	openPage(t, ctx, srv.URL)
	poll(t, ctx, "the first visit to be remembered", `document.documentElement.dataset.pbUpdated === "0"`)
	evalJS[bool](t, ctx, fmt.Sprintf(`(() => { const k = "playbook:seen:%s", s = JSON.parse(localStorage.getItem(k)); s.before = Object.assign({}, s.pages, {%q: "00000000"}); localStorage.setItem(k, JSON.stringify(s)); return true; })()`, offlineBase, page))
}

// TestChangedLinksToWordDiff: where versions exist, a page marked as
// updated links to its word diff on the What changed page.
func TestChangedLinksToWordDiff(t *testing.T) {
	srv, page := serveWithWordDiff(t)
	ctx := browser.New(t)
	seenOtherVersion(t, ctx, srv, page)
	openPage(t, ctx, srv.URL)
	poll(t, ctx, "the page to be marked", `document.documentElement.dataset.pbUpdated === "1"`)
	href := evalJS[string](t, ctx, fmt.Sprintf(`document.querySelector('[data-pb-page=%q] a.updated-diff').getAttribute("href")`, page))
	if want := offlineBase + "changes/#pb-change-objections/too-expensive/"; href != want {
		t.Errorf("word diff link %q, want %q", href, want)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-pb-page=%q] a.updated-diff`, page)))); err != nil {
		t.Fatal(err)
	}
	waitForPath(t, ctx, offlineBase+"changes/")
	if got := evalJS[string](t, ctx, `(document.getElementById(decodeURIComponent(location.hash.slice(1))) || {}).className`); got != "change" {
		t.Errorf("the link lands on %q, want the page's change", got)
	}
}

// TestOfflineAccessible runs axe-core (PLAYBOOK_AXE) on what this feature
// adds, light and dark: a list with an updated card and its word diff
// link, a page with the offline status shown, and the offline page.
func TestOfflineAccessible(t *testing.T) {
	axe := axeScript(t)
	srv, page := serveWithWordDiff(t)
	ctx := browser.New(t)
	seenOtherVersion(t, ctx, srv, page)
	waitFor(t, ctx, "the service worker to control the page", controlled)
	check := axeChecker(t, ctx, axe)
	for _, scheme := range []string{"light", "dark"} {
		colourScheme(t, ctx, scheme)
		openPage(t, ctx, srv.URL)
		poll(t, ctx, "the page to be marked", `document.documentElement.dataset.pbUpdated === "1"`)
		check("home with an updated card (" + scheme + ")")
		srv.down.Store(true)
		setOffline(t, ctx, true)
		openPage(t, ctx, srv.URL+"closing-tools/paid-pilot/")
		poll(t, ctx, "the offline status", `document.querySelector(".offline-status").textContent !== ""`)
		check("a saved page offline (" + scheme + ")")
		openPage(t, ctx, srv.URL+"brand/logo/")
		if got := evalJS[string](t, ctx, `document.body.className`); got != "layout-offline" {
			t.Fatalf("brand/logo/ offline shows %q, want the offline page", got)
		}
		check("the offline page (" + scheme + ")")
		srv.down.Store(false)
		setOffline(t, ctx, false)
	}
}
