package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbook-ssg/playbook/internal/browser"
)

// pollTrue waits until a JavaScript expression is true.
func pollTrue(ctx context.Context, expr string) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(5*time.Second)))
	return err
}

// switcherItems opens the version switcher and returns its links as
// "name|href|aria-current|missing".
func switcherItems(t *testing.T, ctx context.Context) []string {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Click(".version-switch > summary")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(".version-switch__list a.version-switch__item")); err != nil {
		t.Fatal(err)
	}
	var items []string
	for range 50 {
		items = evalJS[[]string](t, ctx, `[...document.querySelectorAll(".version-switch__list li")].map(li => {
			const a = li.querySelector("a");
			if (!a) return "";
			return a.querySelector(".version-switch__item-name").textContent + "|" + a.getAttribute("href") + "|" +
				(a.getAttribute("aria-current") || "") + "|" + (a.querySelector(".version-switch__missing") ? "missing" : "");
		})`)
		if len(items) == 3 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	return items
}

// waitForPath waits until the browser has loaded the page at path, after
// following a link.
func waitForPath(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	at := ""
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		// While the browser navigates, evaluating fails or waits: try again.
		c, cancel := context.WithTimeout(ctx, time.Second)
		got, err := chromedp.Run(c, chromedp.Evaluate[string](`location.pathname + "|" + document.readyState`))
		cancel()
		if err != nil {
			continue
		}
		if at = got; got == path+"|complete" {
			return
		}
	}
	t.Fatalf("the browser is at %q, want %s loaded", at, path)
}

// chooseVersion opens the switcher, clicks the version named name and
// waits until the browser has loaded the page at want.
func chooseVersion(t *testing.T, ctx context.Context, name, want string) {
	t.Helper()
	items := switcherItems(t, ctx)
	i := slices.IndexFunc(items, func(item string) bool { return strings.HasPrefix(item, name+"|") })
	if i < 0 {
		t.Fatalf("the switcher lists no %s: %q", name, items)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(".version-switch__list li:nth-child(%d) > a", i+1)))); err != nil {
		t.Fatalf("choosing %s in the switcher: %v", name, err)
	}
	waitForPath(t, ctx, want)
}

// pageVersion returns the version folder and the page path the page in the
// browser says it is ("v/v3.0/|objections/too-expensive/").
func pageVersion(t *testing.T, ctx context.Context) string {
	t.Helper()
	return evalJS[string](t, ctx, `(() => { const s = document.querySelector(".version-switch"); return s ? s.dataset.version + "|" + s.dataset.page : "no switcher"; })()`)
}

// TestSwitchVersionLandsOnSamePage follows the switcher and the older
// version's banner, as a reader clicks them, to the same page in another
// version, or to that version's home when it lacks the page.
func TestSwitchVersionLandsOnSamePage(t *testing.T) {
	site := serveVersionedSample(t)
	base := site.URL
	ctx := browser.New(t)
	w := watch(t, ctx)

	// The banner of an older version: its link becomes the same page in the
	// latest, and following it lands there.
	openPage(t, ctx, base+"/v/v3.0/objections/too-expensive/")
	if err := pollTrue(ctx, `document.querySelector("[data-version-latest]").textContent.includes("this page")`); err != nil {
		t.Fatalf("banner link not upgraded: %v", err)
	}
	got := evalJS[string](t, ctx, `(() => { const a = document.querySelector("[data-version-latest]"); return a.getAttribute("href") + "|" + a.textContent; })()`)
	if want := "/objections/too-expensive/|See this page in the latest version"; got != want {
		t.Errorf("banner link = %q, want %q", got, want)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("[data-version-latest]"))); err != nil {
		t.Fatal(err)
	}
	waitForPath(t, ctx, "/objections/too-expensive/")
	if got := pageVersion(t, ctx); got != "|objections/too-expensive/" {
		t.Errorf("the banner's link lands on %q, want the latest's objections/too-expensive/", got)
	}

	// v3.0 → the latest, then the latest → v3.0: the same page.
	openPage(t, ctx, base+"/v/v3.0/objections/too-expensive/")
	chooseVersion(t, ctx, "Latest", "/objections/too-expensive/")
	if got := pageVersion(t, ctx); got != "|objections/too-expensive/" {
		t.Errorf("choosing the latest on v3.0 lands on %q", got)
	}
	if evalJS[int](t, ctx, `document.querySelectorAll(".version-banner").length`) != 0 {
		t.Errorf("the latest shows the older version's banner")
	}
	chooseVersion(t, ctx, "v3.0", "/v/v3.0/objections/too-expensive/")
	if got := pageVersion(t, ctx); got != "v/v3.0/|objections/too-expensive/" {
		t.Errorf("choosing v3.0 on the latest lands on %q", got)
	}
	// It is v3.0's text, not the latest's.
	if text := evalJS[string](t, ctx, `document.querySelector("main").textContent`); !strings.Contains(text, ackV30) || strings.Contains(text, ackNow) {
		t.Errorf("v3.0's page does not have v3.0's text")
	}

	// A page v3.0 does not have: its home.
	openPage(t, ctx, base+"/"+latestOnly)
	chooseVersion(t, ctx, "v3.0", "/v/v3.0/")
	if got := pageVersion(t, ctx); got != "v/v3.0/|" {
		t.Errorf("choosing v3.0 on a page only the latest has lands on %q, want v3.0's home", got)
	}

	_ = chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond))
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, e := range w.errors {
		t.Errorf("browser reported %s", e)
	}
}

// TestVersionSwitcher checks what the switcher lists, from versions.json,
// how it opens and closes, the older version's banner, the list of
// versions and the What changed pages.
func TestVersionSwitcher(t *testing.T) {
	site := serveVersionedSample(t)
	base := site.URL
	ctx := browser.New(t)
	w := watch(t, ctx)

	// versions.json: newest first, with the commits and dates of git.
	var list []string
	for _, v := range site.Manifest.Versions {
		list = append(list, fmt.Sprintf("%s|%s|%s|%s|%s", v.Name, v.Tag, v.Path, v.Commit, v.Date.UTC().Format(time.RFC3339)))
	}
	wantList := []string{
		"Latest|||" + site.Commits["Latest"] + "|" + dayLatest.Format(time.RFC3339),
		"v3.1|v3.1|v/v3.1/|" + site.Commits["v3.1"] + "|" + dayV31.Format(time.RFC3339),
		"v3.0|v3.0|v/v3.0/|" + site.Commits["v3.0"] + "|" + dayV30.Format(time.RFC3339),
	}
	if !slices.Equal(list, wantList) {
		t.Fatalf("versions.json lists\n  %q\nwant\n  %q", list, wantList)
	}

	// An older version's page: the banner points at the page in the latest,
	// and the switcher lists every version with the same page in each.
	openPage(t, ctx, base+"/v/v3.1/objections/too-expensive/")
	if err := pollTrue(ctx, `document.querySelector("[data-version-latest]").textContent.includes("this page")`); err != nil {
		t.Fatalf("banner link not upgraded: %v", err)
	}
	got := evalJS[string](t, ctx, `(() => { const a = document.querySelector("[data-version-latest]"); return a.getAttribute("href") + "|" + a.textContent; })()`)
	if want := "/objections/too-expensive/|See this page in the latest version"; got != want {
		t.Errorf("banner link = %q, want %q", got, want)
	}
	// Its history is v3.1's: Bob changed it last.
	if got := evalJS[string](t, ctx, `[...document.querySelectorAll("dd")].map(d => d.textContent).join("|")`); !strings.Contains(got, "by "+authorV31) {
		t.Errorf("v3.1's page does not say %s changed it last: %q", authorV31, got)
	}
	items := switcherItems(t, ctx)
	want := []string{"Latest|/objections/too-expensive/||", "v3.1|/v/v3.1/objections/too-expensive/|page|", "v3.0|/v/v3.0/objections/too-expensive/||"}
	if !slices.Equal(items, want) {
		t.Errorf("switcher on v3.1 lists %q, want %q", items, want)
	}
	// Each version shows its commit's date, from versions.json.
	var wantDates []string
	for _, v := range site.Manifest.Versions {
		wantDates = append(wantDates, v.Date.UTC().Format("2006-01-02"))
	}
	if dates := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".version-switch__list time")].map(t => t.getAttribute("datetime"))`); !slices.Equal(dates, wantDates) {
		t.Errorf("the switcher's dates are %q, want %q", dates, wantDates)
	}
	// Escape closes it and gives the focus back to its button.
	if err := chromedp.Do(ctx, chromedp.Focus(".version-switch__list a"), chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".version-switch").open + "|" + document.activeElement.tagName`); got != "false|SUMMARY" {
		t.Errorf("after Escape: open|focus = %q", got)
	}
	// The keyboard opens it again; a click elsewhere closes it.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if !evalJS[bool](t, ctx, `document.querySelector(".version-switch").open`) {
		t.Errorf("Enter on the switcher's button does not open it")
	}
	if err := chromedp.Do(ctx, chromedp.Click("main h1")); err != nil {
		t.Fatal(err)
	}
	if evalJS[bool](t, ctx, `document.querySelector(".version-switch").open`) {
		t.Errorf("a click outside leaves the switcher open")
	}

	// A page only the latest has: older versions open at their home.
	openPage(t, ctx, base+"/"+latestOnly)
	if evalJS[int](t, ctx, `document.querySelectorAll(".version-banner").length`) != 0 {
		t.Errorf("the latest shows the older version's banner")
	}
	items = switcherItems(t, ctx)
	want = []string{"Latest|/" + latestOnly + "|page|", "v3.1|/v/v3.1/||missing", "v3.0|/v/v3.0/||missing"}
	if !slices.Equal(items, want) {
		t.Errorf("switcher on a page only the latest has lists %q, want %q", items, want)
	}

	// A page the latest no longer has: the banner says so and links home.
	openPage(t, ctx, base+"/v/v3.0/"+oldestOnly)
	if err := pollTrue(ctx, `document.querySelector(".version-banner").textContent.includes("not in the latest")`); err != nil {
		t.Fatalf("banner does not say the page is gone: %v", err)
	}
	if got := evalJS[string](t, ctx, `document.querySelector("[data-version-latest]").getAttribute("href")`); got != "/" {
		t.Errorf("banner links to %q, want /", got)
	}
	items = switcherItems(t, ctx)
	want = []string{"Latest|/||missing", "v3.1|/v/v3.1/||missing", "v3.0|/v/v3.0/" + oldestOnly + "|page|"}
	if !slices.Equal(items, want) {
		t.Errorf("switcher on a page only v3.0 has lists %q, want %q", items, want)
	}

	// The list of versions links to each version and its changes.
	openPage(t, ctx, base+"/versions/")
	links := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".versions a")].map(a => a.getAttribute("href"))`)
	for _, l := range []string{"/", "/changes/", "/v/v3.1/", "/v/v3.1/changes/", "/v/v3.0/"} {
		if !slices.Contains(links, l) {
			t.Errorf("versions page lacks a link to %s: %q", l, links)
		}
	}

	// What changed in the latest: the page it added, also new on its home.
	openPage(t, ctx, base+"/changes/")
	if evalJS[int](t, ctx, `document.querySelectorAll('.changes-block a[href="/`+latestOnly+`"]').length`) == 0 {
		t.Errorf("the latest's changes page does not link to the page it added")
	}
	openPage(t, ctx, base+"/")
	if evalJS[int](t, ctx, `document.querySelectorAll('.whats-new a[href="/`+latestOnly+`"]').length`) == 0 {
		t.Errorf("the latest's home does not show the page it added as new")
	}

	// What changed in v3.1: the reworded sentence word by word, the new
	// section, and the removed page, linked in v3.0.
	openPage(t, ctx, base+"/v/v3.1/changes/")
	for _, sel := range []string{`a[href="/v/v3.1/objections/too-expensive/#acknowledge"]`, `a[href="/v/v3.1/objections/too-expensive/#clarify"]`, `a[href="/v/v3.0/` + oldestOnly + `"]`} {
		if evalJS[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)) == 0 {
			t.Errorf("v3.1's changes page has no %s", sel)
		}
	}
	diff := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".change-section--changed .diff del, .change-section--changed .diff ins")].map(e => e.tagName.toLowerCase() + ":" + e.textContent.replace(/^(added|removed): /, "").trim())`)
	if want := []string{"del:buy", "ins:make"}; !slices.Equal(diff, want) {
		t.Errorf("v3.1's changes page shows the reworded sentence as %q, want %q", diff, want)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".change-section--added .diff ins").length`); n == 0 {
		t.Errorf("v3.1's changes page does not show the added section")
	}

	_ = chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond))
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, e := range w.errors {
		t.Errorf("browser reported %s", e)
	}
}

// TestVersionsNoOverflow checks the header with the switcher, open and
// closed, and the pages about versions at phone and desktop widths.
func TestVersionsNoOverflow(t *testing.T) {
	base := serveVersionedSample(t).URL
	ctx := browser.New(t)
	overflow := func() []string {
		return evalJS[[]string](t, ctx, `(() => {
			const vw = document.documentElement.clientWidth;
			const out = [...document.querySelectorAll('body *')]
				.filter(e => e.getBoundingClientRect().right > vw + 1 && !e.closest('pre, .table-wrap, table'))
				.slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right));
			// The header's items stay on one row.
			const header = document.querySelector('.site-header__inner');
			if (header.getBoundingClientRect().height > 72) out.push('header is ' + Math.round(header.getBoundingClientRect().height) + 'px tall');
			return out;
		})()`)
	}
	for _, width := range []int64{360, 390, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/v/v3.1/objections/too-expensive/", "/", "/changes/", "/v/v3.1/changes/", "/versions/", "/v/v3.0/no-such-page/"} {
			openPage(t, ctx, base+p)
			if o := overflow(); len(o) > 0 {
				t.Errorf("%s at %d px overflows: %v", p, width, o)
			}
		}
		openPage(t, ctx, base+"/v/v3.1/objections/too-expensive/")
		switcherItems(t, ctx)
		if o := overflow(); len(o) > 0 {
			t.Errorf("open switcher at %d px overflows: %v", width, o)
		}
		// The open list lies within the screen.
		if r := evalJS[[]float64](t, ctx, `(() => { const r = document.querySelector(".version-switch__panel").getBoundingClientRect(); return [r.left, r.right]; })()`); r[0] < 0 || r[1] > float64(width) {
			t.Errorf("open switcher at %d px spans %v", width, r)
		}
	}
}

// TestVersionsScreenshots saves screenshots of the pages about versions
// for reviewing the theme, when PLAYBOOK_SCREENSHOTS names a folder
// (scripts/screenshots.sh sets it).
func TestVersionsScreenshots(t *testing.T) {
	out := os.Getenv("PLAYBOOK_SCREENSHOTS")
	if out == "" {
		t.Skip("set PLAYBOOK_SCREENSHOTS to a folder to save screenshots")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	base := serveVersionedSample(t).URL
	ctx := browser.New(t)
	shots := []struct {
		name, path string
		open       bool   // with the switcher open
		at         string // scrolled to this element, else the top
	}{
		{"versions-objection-old", "/v/v3.1/objections/too-expensive/", false, ""},
		{"versions-feedback", "/v/v3.1/objections/too-expensive/", false, ".feedback"},
		{"versions-switcher-open", "/v/v3.1/objections/too-expensive/", true, ""},
		{"versions-latest-only", "/" + latestOnly, true, ""},
		{"versions-home-new", "/", false, ".whats-new"},
		{"versions-changes", "/v/v3.1/changes/", false, ""}, // a reworded sentence, a new section, a removed page
		{"versions-changes-latest", "/changes/", false, ""}, // an added page
		{"versions-list", "/versions/", false, ""},
	}
	for _, dark := range []bool{false, true} {
		scheme := "light"
		if dark {
			scheme = "dark"
		}
		colourScheme(t, ctx, scheme)
		for _, width := range []int64{390, 1280} {
			if dark && width == 1280 {
				continue
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900)); err != nil {
				t.Fatal(err)
			}
			for _, s := range shots {
				openPage(t, ctx, base+s.path)
				if s.open {
					switcherItems(t, ctx)
				}
				if s.at != "" {
					evalJS[bool](t, ctx, fmt.Sprintf(`(document.querySelector(%q).scrollIntoView({block: "center", behavior: "instant"}), true)`, s.at))
				}
				_ = chromedp.Do(ctx, chromedp.Sleep(150*time.Millisecond))
				png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Fatal(err)
				}
				name := fmt.Sprintf("%s-%d", s.name, width)
				if dark {
					name += "-dark"
				}
				if err := os.WriteFile(filepath.Join(out, name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	// Printed: the banner and the diff on paper.
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Log("no pdftoppm: print screenshots skipped")
		return
	}
	for _, s := range []struct{ name, path string }{{"versions-objection-old-print", "/v/v3.1/objections/too-expensive/"}, {"versions-changes-print", "/v/v3.1/changes/"}} {
		openPage(t, ctx, base+s.path)
		pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF())
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(out, s.name+".pdf")
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		if b, err := exec.Command("pdftoppm", "-png", "-r", "60", file, filepath.Join(out, s.name)).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v: %s", err, b)
		}
	}
}

// TestVersionsAccessibility runs axe-core's WCAG 2 A and AA rules on the
// pages about versions and with the switcher open, in light and dark mode.
func TestVersionsAccessibility(t *testing.T) {
	axe := axeScript(t)
	base := serveVersionedSample(t).URL
	ctx := browser.New(t)
	check := axeChecker(t, ctx, axe)
	for _, width := range []int64{390, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, scheme := range []string{"light", "dark"} {
			colourScheme(t, ctx, scheme)
			for _, p := range []string{"/", "/changes/", "/v/v3.1/changes/", "/versions/", "/v/v3.1/objections/too-expensive/", "/v/v3.0/" + oldestOnly} {
				openPage(t, ctx, base+p)
				if strings.HasPrefix(p, "/v/") && p != "/v/v3.1/changes/" {
					if err := pollTrue(ctx, `document.querySelector("[data-version-latest]").textContent.includes("this page") || document.querySelector(".version-banner").textContent.includes("not in")`); err != nil {
						t.Fatalf("%s: banner: %v", p, err)
					}
				}
				check(fmt.Sprintf("%s (%s, %d px)", p, scheme, width))
			}
			openPage(t, ctx, base+"/v/v3.1/objections/too-expensive/")
			switcherItems(t, ctx)
			check(fmt.Sprintf("switcher open (%s, %d px)", scheme, width))
		}
	}
}
