package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/serve"
	"github.com/playbook-ssg/playbook/internal/browser"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// The header box, its popup and the search page, as the theme builds them.
const (
	boxInput   = "#pb-search-q"
	popupSel   = ".site-search .search-popup"
	pageInput  = "#pb-search-page-q"
	pageResult = "[data-search-results]"
)

// serveFiles serves a generated site on a loopback port for the test.
func serveFiles(t *testing.T, files map[string][]byte) string {
	t.Helper()
	return listenLoopback(t, serve.Handler(files))
}

func openPage(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("%s: %v", url, err)
	}
}

func evalJS[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// press sends a key as a keyboard does: one keyDown carrying its text, so
// a page that cancels the keydown also cancels the text. (chromedp's
// KeyEvent sends the text as a separate char event, which a page cannot
// cancel: "/" would land in the box it focuses, and Enter would submit the
// form as well as open the option.)
func press(t *testing.T, ctx context.Context, key, code string, keyCode int64) {
	t.Helper()
	text := key
	if key == "Enter" {
		text = "\r"
	}
	down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: key, Code: code, Text: text, UnmodifiedText: text,
		WindowsVirtualKeyCode: keyCode, NativeVirtualKeyCode: keyCode}
	up := down
	up.Type, up.Text, up.UnmodifiedText = input.DispatchKeyEventTypeKeyUp, "", ""
	for _, ev := range []input.DispatchKeyEventParams{down, up} {
		if _, err := chromedp.Call(ctx, input.DispatchKeyEvent, ev); err != nil {
			t.Fatal(err)
		}
	}
}

// searchBox types query into the header box and waits for its results.
func searchBox(t *testing.T, ctx context.Context, query string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(boxInput), chromedp.SendKeys(boxInput, query)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "results for "+query, fmt.Sprintf(`(() => { const p = document.querySelector(%q); return !!p && !p.hidden && p.dataset.query === %q; })()`, popupSel, query))
}

// dropdownPages lists the pages in the popup, best first: each page
// result's path and kind badge (sections left out).
const dropdownPages = `[...document.querySelectorAll("#pb-search-listbox .search-option:not(.search-option--section)")]
	.map(a => new URL(a.href).pathname + " " + a.querySelector(".badge").textContent)`

func TestSearchTypoPutsObjectionFirst(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	w := watch(t, ctx)
	// A phone: the popup spans the screen under the header.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(360, 740)); err != nil {
		t.Fatal(err)
	}
	openPage(t, ctx, base+"/")
	searchBox(t, ctx, "too expnsive")
	pages := evalJS[[]string](t, ctx, dropdownPages)
	if len(pages) == 0 || pages[0] != "/objections/too-expensive/ Objection" {
		t.Fatalf("first results for %q: %q, want the price objection first", "too expnsive", pages)
	}
	// The match is marked, as text.
	marks := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#pb-search-listbox .search-option")[0].querySelectorAll(".search-option__title mark")].map(m => m.textContent)`)
	if len(marks) == 0 || !strings.EqualFold(marks[0], "expensive") {
		t.Errorf("title marks = %q, want [expensive]", marks)
	}
	box := evalJS[[]float64](t, ctx, `(() => { const r = document.querySelector(".search-popup").getBoundingClientRect(); return [r.left, r.right, document.documentElement.clientWidth, document.documentElement.scrollWidth]; })()`)
	if box[0] != 0 || box[1] != box[2] || box[3] > box[2] {
		t.Errorf("at 360 px the popup spans %v–%v of %v px (page %v px wide), want the full width", box[0], box[1], box[2], box[3])
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, e := range w.errors {
		t.Errorf("browser reported %s", e)
	}
}

func TestSearchFacetNarrows(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	openPage(t, ctx, base+"/")
	searchBox(t, ctx, "pilot")
	before := evalJS[int](t, ctx, `+document.querySelector(".search-popup").dataset.total`)
	kinds := evalJS[[]string](t, ctx, dropdownPages)
	chip := `button.search-chip[data-facet="kind"][data-value="objection"]`
	if err := chromedp.Do(ctx, chromedp.Click(chip)); err != nil {
		t.Fatal(err)
	}
	// The chips are built again with the narrowed results.
	poll(t, ctx, "the objection filter", fmt.Sprintf(`document.querySelector('%s[aria-pressed="true"]') !== null`, chip))
	after := evalJS[int](t, ctx, `+document.querySelector(".search-popup").dataset.total`)
	pages := evalJS[[]string](t, ctx, dropdownPages)
	if after == 0 || after >= before {
		t.Fatalf("objection filter: %d results, was %d (%q)", after, before, kinds)
	}
	for _, p := range pages {
		if !strings.HasSuffix(p, " Objection") {
			t.Errorf("filtered to objections, got %s", p)
		}
	}
	if want := evalJS[int](t, ctx, `+document.querySelector('`+chip+` .search-chip__count').firstChild.textContent`); want != after {
		t.Errorf("the chip counts %d objections, the filter gives %d", want, after)
	}
	// The filter goes along to the search page.
	more := evalJS[string](t, ctx, `(document.querySelector(".search-popup__more:not([hidden])") || {}).href || ""`)
	if more != "" && !strings.Contains(more, "kind=objection") {
		t.Errorf("link to all results %q lacks the filter", more)
	}
}

func TestSearchKeyboardOpensResult(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	openPage(t, ctx, base+"/glossary/")
	// "/" focuses the box from anywhere but a field.
	press(t, ctx, "/", "Slash", 191)
	if got := evalJS[string](t, ctx, `document.activeElement.id`); got != "pb-search-q" {
		t.Fatalf(`after "/" focus is on %q, want the search box`, got)
	}
	if v := evalJS[string](t, ctx, `document.querySelector("#pb-search-q").value`); v != "" {
		t.Fatalf(`"/" was typed into the box: %q`, v)
	}
	searchBox(t, ctx, "paid pilot")
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.ArrowUp)); err != nil {
		t.Fatal(err)
	}
	first := evalJS[[]string](t, ctx, `(() => { const o = document.querySelector("#pb-search-listbox [role=option]"); const i = document.querySelector("#pb-search-q");
		return [o.id, o.getAttribute("aria-selected"), i.getAttribute("aria-activedescendant"), new URL(o.href).pathname, document.activeElement.id]; })()`)
	if first[1] != "true" || first[2] != first[0] || first[4] != "pb-search-q" {
		t.Fatalf("after Down, Down, Up: option %s aria-selected=%s, aria-activedescendant=%s, focus on %q; want the first option active and focus in the box",
			first[0], first[1], first[2], first[4])
	}
	press(t, ctx, "Enter", "Enter", 13)
	poll(t, ctx, "the result to open", fmt.Sprintf(`location.pathname === %q && document.readyState !== "loading"`, first[3]))
	if first[3] != "/closing-tools/paid-pilot/" {
		t.Errorf("opened %s, want the paid pilot page", first[3])
	}
	// The page marks the words searched for and drops ?hl from the address.
	poll(t, ctx, "highlighted words", `document.querySelectorAll("main mark.search-hit").length > 0`)
	hits := evalJS[[]string](t, ctx, `[...new Set([...document.querySelectorAll("main mark.search-hit")].map(m => m.textContent.toLowerCase()))]`)
	for _, h := range hits {
		if h != "paid" && h != "pilot" && h != "pilots" {
			t.Errorf("marked %q on the page, searched for paid pilot", h)
		}
	}
	if s := evalJS[string](t, ctx, `location.search`); s != "" {
		t.Errorf("address keeps %q after highlighting", s)
	}
}

func TestSearchPageMatchesDropdown(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	openPage(t, ctx, base+"/")
	searchBox(t, ctx, "too expnsive")
	dropdown := evalJS[[]string](t, ctx, `[...document.querySelectorAll("#pb-search-listbox .search-option:not(.search-option--section)")].map(a => new URL(a.href).pathname)`)
	// Enter with no option chosen opens the search page for the query.
	press(t, ctx, "Enter", "Enter", 13)
	poll(t, ctx, "the search page", `location.pathname === "/search/" && document.readyState !== "loading"`)
	if q := evalJS[string](t, ctx, `location.search`); q != "?q=too+expnsive" {
		t.Errorf("search page address %q, want ?q=too+expnsive", q)
	}
	poll(t, ctx, "search page results", `document.querySelector("[data-search-results]").dataset.query === "too expnsive"`)
	page := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-results .search-result__title a")].map(a => new URL(a.href).pathname)`)
	if len(dropdown) == 0 || len(page) < len(dropdown) {
		t.Fatalf("dropdown %q, search page %q", dropdown, page)
	}
	for i := range dropdown {
		if page[i] != dropdown[i] {
			t.Errorf("result %d: search page %s, dropdown %s", i+1, page[i], dropdown[i])
		}
	}
	if v := evalJS[string](t, ctx, `document.querySelector("#pb-search-page-q").value`); v != "too expnsive" {
		t.Errorf("search page box holds %q", v)
	}

	// A shared link with a facet filter.
	openPage(t, ctx, base+"/search/?q=pilot&kind=objection")
	poll(t, ctx, "filtered results", `document.querySelector("[data-search-results]").dataset.query === "pilot"`)
	kinds := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".search-results > li > .badge")].map(b => b.textContent)`)
	if len(kinds) == 0 {
		t.Fatal("no results for pilot among objections")
	}
	for _, k := range kinds {
		if k != "Objection" {
			t.Errorf("kind=objection shows a %s", k)
		}
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll('.search-chip[data-facet="kind"][data-value="objection"][aria-pressed="true"]').length`); n != 1 {
		t.Errorf("the objection chip is not pressed")
	}
	// Typing keeps the address in step, filter included.
	if err := chromedp.Do(ctx, chromedp.Focus(pageInput), chromedp.SendKeys(pageInput, " lane")); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the address to follow", `location.search === "?q=pilot+lane&kind=objection"`)
}

func TestSearchShowsTitlesAsText(t *testing.T) {
	dir := fixture.Copy(t, "../playbook")
	page := "+++\ntitle = '<img src=x onerror=\"window.__xss=1\"> zanzibarquux'\ndescription = \"<b onmouseover=window.__xss=2>bold</b> zanzibarquux\"\n+++\n\n## <img src=y onerror=window.__xss=3>\n\nThe zanzibarquux rule.\n"
	fixture.WriteFile(t, dir, "content/working-together/xss.md", page)
	site, err := pipeline.Generate(pipeline.Options{Source: dir, BaseURL: "/", Today: sampleToday})
	if err != nil {
		t.Fatalf("building: %v", err)
	}
	base := serveFiles(t, site.Files)
	ctx := browser.New(t)
	openPage(t, ctx, base+"/")
	searchBox(t, ctx, "zanzibarquux")
	title := evalJS[string](t, ctx, `document.querySelector("#pb-search-listbox .search-option__title").textContent`)
	if !strings.Contains(title, `<img src=x onerror="window.__xss=1">`) {
		t.Errorf("result title shows %q, want the markup as text", title)
	}
	press(t, ctx, "Enter", "Enter", 13) // the search page
	poll(t, ctx, "search page results", `document.querySelector("[data-search-results]").dataset.query === "zanzibarquux"`)
	got := evalJS[[]any](t, ctx, `[document.querySelectorAll(".search-popup img, .search-results img, .search-results b").length,
		document.querySelector(".search-results .search-result__title").textContent, typeof window.__xss]`)
	if got[0].(float64) != 0 || !strings.Contains(got[1].(string), "<img") || got[2] != "undefined" {
		t.Errorf("search page: %v elements from index text, title %q, window.__xss %v", got[0], got[1], got[2])
	}
	// Open it, highlighted: the marks are text too.
	if err := chromedp.Do(ctx, chromedp.Click(".search-results .search-result__title a")); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the page", `location.pathname === "/working-together/xss/" && document.readyState === "complete"`)
	if x := evalJS[string](t, ctx, `typeof window.__xss`); x != "undefined" {
		t.Errorf("window.__xss = %s: index text ran as HTML", x)
	}
}

func TestSearchLoadsNothingBeforeFocus(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	openPage(t, ctx, base+"/objections/too-expensive/")
	poll(t, ctx, "the page to load", `document.readyState === "complete"`)
	fetched := `performance.getEntriesByType("resource").map(e => new URL(e.name).pathname).filter(p => p.startsWith("/search/"))`
	if got := evalJS[[]string](t, ctx, fetched); len(got) != 0 {
		t.Fatalf("before focus the page fetched %q", got)
	}
	if got := evalJS[string](t, ctx, `typeof window.PlaybookSearch`); got != "undefined" {
		t.Fatalf("search engine loaded before focus")
	}
	if err := chromedp.Do(ctx, chromedp.Click(boxInput)); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the engine and index on focus", `(() => { const f = `+fetched+`; return f.includes("/search/search.js") && f.includes("/search/meta.json"); })()`)
}

func TestSearchCombobox(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	openPage(t, ctx, base+"/")
	roles := `(() => { const i = document.querySelector("#pb-search-q"); const l = document.getElementById(i.getAttribute("aria-controls"));
		return [i.getAttribute("role"), i.getAttribute("aria-expanded"), i.getAttribute("aria-autocomplete"), l && l.getAttribute("role"),
			String(l && l.querySelectorAll(":scope > [role=option]").length), String(l && l.querySelectorAll(":scope > :not([role=option])").length),
			document.querySelector(".site-search [role=status]") ? "status" : "none", i.value]; })()`
	closed := evalJS[[]string](t, ctx, roles)
	if closed[0] != "combobox" || closed[1] != "false" || closed[2] != "list" || closed[3] != "listbox" || closed[6] != "status" {
		t.Fatalf("closed box: role, aria-expanded, aria-autocomplete, popup role, options, others, live region = %q", closed)
	}
	// Ctrl+K focuses the box.
	if err := chromedp.Do(ctx, chromedp.KeyEvent("k", chromedp.KeyModifiers(chromedp.ModifierCtrl))); err != nil {
		t.Fatal(err)
	}
	if got := evalJS[string](t, ctx, `document.activeElement.id`); got != "pb-search-q" {
		t.Fatalf("after Ctrl+K focus is on %q", got)
	}
	searchBox(t, ctx, "budget")
	open1 := evalJS[[]string](t, ctx, roles)
	if open1[1] != "true" || open1[4] == "0" || open1[5] != "0" {
		t.Errorf("open box: aria-expanded=%s, %s options, %s other children of the listbox", open1[1], open1[4], open1[5])
	}
	poll(t, ctx, "the live region to announce the count", `/^\d+ results?/.test(document.querySelector(".site-search [role=status]").textContent)`)
	// Escape closes, then clears.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if got := evalJS[[]string](t, ctx, roles); got[1] != "false" || got[7] != "budget" {
		t.Errorf("after Escape: aria-expanded=%s, box holds %q; want closed, text kept", got[1], got[7])
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if got := evalJS[[]string](t, ctx, roles); got[7] != "" {
		t.Errorf("second Escape left %q in the box", got[7])
	}
	// Tab leaves the box and its popup: the popup closes.
	searchBox(t, ctx, "pilot")
	for range 40 {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
		if evalJS[bool](t, ctx, `!document.querySelector(".site-search").contains(document.activeElement)`) {
			break
		}
	}
	if got := evalJS[[]string](t, ctx, roles); got[1] != "false" {
		t.Errorf("focus left the search, the popup is still open")
	}
}

func TestSearchIndexUnavailable(t *testing.T) {
	site, err := pipeline.Generate(pipeline.Options{Source: "../playbook", BaseURL: "/", Today: sampleToday})
	if err != nil {
		t.Fatalf("building sample: %v", err)
	}
	delete(site.Files, "search/meta.json")
	base := serveFiles(t, site.Files)
	ctx := browser.New(t)
	openPage(t, ctx, base+"/")
	if err := chromedp.Do(ctx, chromedp.Focus(boxInput), chromedp.SendKeys(boxInput, "pilot")); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "a failure message", fmt.Sprintf(`(() => { const p = document.querySelector(%q); return !!p && !p.hidden && p.dataset.total === "-1"; })()`, popupSel))
	if msg := evalJS[string](t, ctx, `document.querySelector(".search-popup__note").textContent`); !strings.Contains(msg, "could not be loaded") {
		t.Errorf("failure message %q", msg)
	}
}

// TestSearchUnderLivePreview checks the search in `playbook serve`: results
// come from the served index, and a page opened highlighted still reloads
// on an edit (without the highlighting, which is dropped from the address).
func TestSearchUnderLivePreview(t *testing.T) {
	dir, base := livePreview(t)
	ctx := browser.New(t)
	w := watch(t, ctx)
	openPage(t, ctx, base+"/objections/too-expensive/?hl=expensive")
	poll(t, ctx, "highlighted words", `document.querySelectorAll("main mark.search-hit").length > 0 && location.search === ""`)
	time.Sleep(300 * time.Millisecond) // the event stream connects
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__before = true`)); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "content/objections/too-expensive.md", func(s string) string {
		return strings.Replace(s, "## Acknowledge", "## Acknowledge it", 1)
	})
	poll(t, ctx, "the page to reload with the edit", `!window.__before && !!document.getElementById("acknowledge-it")`)
	if n := evalJS[int](t, ctx, `document.querySelectorAll("mark.search-hit").length`); n != 0 {
		t.Errorf("the reloaded page is still highlighted (%d marks)", n)
	}
	searchBox(t, ctx, "too expnsive")
	if pages := evalJS[[]string](t, ctx, dropdownPages); len(pages) == 0 || pages[0] != "/objections/too-expensive/ Objection" {
		t.Errorf("in the preview, %q gives %q", "too expnsive", pages)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, e := range w.errors {
		t.Errorf("browser reported %s", e)
	}
}
