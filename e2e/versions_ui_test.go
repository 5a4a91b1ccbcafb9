package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbook-ssg/playbook/generator/build"
	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/internal/browser"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// A page only the latest version has, and one only the oldest has.
const (
	latestOnly = "working-together/release-checklist/"
	oldestOnly = "working-together/old-process/"
)

var (
	verLatest = release.Version{Name: "Latest", Path: "", Commit: "aaaaaaaaaaaa1111111111111111111111111111", Date: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC), Latest: true}
	verV31    = release.Version{Name: "v3.1", Tag: "v3.1", Path: "v/v3.1/", Commit: "bbbbbbbbbbbb2222222222222222222222222222", Date: time.Date(2026, 10, 2, 9, 0, 0, 0, time.UTC)}
	verV30    = release.Version{Name: "v3.0", Tag: "v3.0", Path: "v/v3.0/", Commit: "cccccccccccc3333333333333333333333333333", Date: time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC)}
)

// serveVersionedSample serves the sample playbook as a site with three
// versions: the latest at the root and v3.1 and v3.0 under /v/, with
// versions.json, each version's changes page and the list of versions.
// The build does not put versions together yet, so this does what it will:
// each version is generated, then its pages are rendered again with its
// release context.
func serveVersionedSample(t *testing.T) string {
	t.Helper()
	page := func(title string) string {
		return "+++\ntitle = \"" + title + "\"\ndescription = \"A page of one version only.\"\nowners = [\"enablement\"]\nreviewed = 2026-11-10\n+++\n\n## Steps\n\nA short page.\n"
	}
	type spec struct {
		v       release.Version
		extra   map[string]string // content files only this version has
		changes *changes.Report
	}
	specs := []spec{
		{verLatest, map[string]string{"content/" + strings.TrimSuffix(latestOnly, "/") + ".md": page("Release checklist")}, &changes.Report{
			From: "v3.1", To: "Latest", FromPath: verV31.Path, ToPath: "",
			Added: []changes.Page{{Path: latestOnly, Title: "Release checklist", Kind: "page"}},
			Changed: []changes.Change{{
				Page:     changes.Page{Path: "objections/too-expensive/", Title: "It's too expensive", Kind: "objection"},
				Inserted: 9, Deleted: 3,
				Sections: []changes.Section{{Heading: "Acknowledge", Anchor: "acknowledge", Status: changes.SectionChanged, Parts: []changes.Part{
					{Op: changes.Same, Text: "That's fair, it's a real investment, and you should ", Elided: true},
					{Op: changes.Delete, Text: "buy"},
					{Op: changes.Insert, Text: "only make it if the numbers work for you"},
					{Op: changes.Same, Text: ". Stay calm and stop talking. Do not", Elided: true},
				}}, {Heading: "Confirm", Anchor: "confirm", Status: changes.SectionAdded, Parts: []changes.Part{
					{Op: changes.Insert, Text: "If the business case shows payback inside six months on your own data, is price still the main question?"},
				}}},
			}},
		}},
		{verV31, nil, &changes.Report{
			From: "v3.0", To: "v3.1", FromPath: verV30.Path, ToPath: verV31.Path,
			Removed: []changes.Page{{Path: oldestOnly, Title: "Old process", Kind: "page"}},
		}},
		{verV30, map[string]string{"content/" + strings.TrimSuffix(oldestOnly, "/") + ".md": page("Old process")}, nil},
	}

	files := map[string][]byte{}
	var pageSets [][]string
	var latestRenderer *render.Renderer
	for _, sp := range specs {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS("../playbook")); err != nil {
			t.Fatal(err)
		}
		for name, text := range sp.extra {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		s, err := build.Generate(build.Options{Source: dir, BaseURL: "/" + sp.v.Path, Today: sampleToday})
		if err != nil {
			t.Fatalf("building %s: %v", sp.v.Name, err)
		}
		md := markdown.New(markdown.Options{UnsafeHTML: s.Model.Config.Markdown.UnsafeHTML})
		r, err := render.New(s.Model, md, os.DirFS(dir), theme.FS)
		if err != nil {
			t.Fatal(err)
		}
		r.SetRelease(&release.Context{Current: sp.v, RootPath: "/", Changes: sp.changes})
		out := map[string][]byte{}
		var paths []string
		for _, p := range s.Model.Pages {
			rel := strings.TrimPrefix(p.URL, "/")
			paths = append(paths, rel)
			b, err := r.Page(p)
			if err != nil {
				t.Fatal(err)
			}
			out[rel+"index.html"] = b
			for n := 2; n <= len(p.Listings()); n++ {
				b, err := r.Listing(p, n)
				if err != nil {
					t.Fatal(err)
				}
				out[strings.TrimPrefix(p.ListingURL(n), "/")+"index.html"] = b
			}
		}
		for name, render := range map[string]func() ([]byte, error){"404.html": r.NotFound, "search/index.html": r.Search, "changes/index.html": r.Changes} {
			b, err := render()
			if err != nil {
				t.Fatal(err)
			}
			out[name] = b
		}
		for name, b := range s.Files {
			if _, ok := out[name]; !ok {
				out[name] = b
			}
		}
		for name, b := range out {
			files[sp.v.Path+name] = b
		}
		slices.Sort(paths)
		pageSets = append(pageSets, paths)
		if sp.v.Latest {
			latestRenderer = r
		}
	}

	// versions.json: the union of page paths, and each version's ranges.
	var union []string
	for _, ps := range pageSets {
		union = append(union, ps...)
	}
	slices.Sort(union)
	union = slices.Compact(union)
	index := struct {
		Format   int               `json:"format"`
		Versions []release.Version `json:"versions"`
		Pages    []string          `json:"pages"`
		Has      [][][2]int        `json:"has"`
	}{Format: 1, Pages: union}
	var list []release.Version
	for i, sp := range specs {
		list = append(list, sp.v)
		var ranges [][2]int
		for j, p := range union {
			if _, in := slices.BinarySearch(pageSets[i], p); !in {
				continue
			}
			if n := len(ranges); n > 0 && ranges[n-1][1] == j {
				ranges[n-1][1] = j + 1
			} else {
				ranges = append(ranges, [2]int{j, j + 1})
			}
		}
		index.Has = append(index.Has, ranges)
	}
	index.Versions = list
	b, err := json.Marshal(index)
	if err != nil {
		t.Fatal(err)
	}
	files["versions.json"] = b
	b, err = latestRenderer.Versions(list)
	if err != nil {
		t.Fatal(err)
	}
	files["versions/index.html"] = b
	return serveFiles(t, files)
}

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

func TestVersionSwitcher(t *testing.T) {
	base := serveVersionedSample(t)
	ctx := browser.New(t)
	w := watch(t, ctx)

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
	items := switcherItems(t, ctx)
	want := []string{"Latest|/objections/too-expensive/||", "v3.1|/v/v3.1/objections/too-expensive/|page|", "v3.0|/v/v3.0/objections/too-expensive/||"}
	if !slices.Equal(items, want) {
		t.Errorf("switcher on v3.1 lists %q, want %q", items, want)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".version-switch__list time").length`); n != 3 {
		t.Errorf("%d versions show a date, want 3", n)
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
	if err := chromedp.Do(ctx, chromedp.Click("figure.says")); err != nil {
		t.Fatal(err)
	}
	if evalJS[bool](t, ctx, `document.querySelector(".version-switch").open`) {
		t.Errorf("a click outside leaves the switcher open")
	}
	// Following a link goes to the page in that version.
	if err := chromedp.Do(ctx, chromedp.Click(".version-switch > summary"), chromedp.Click(`.version-switch__list a[href="/v/v3.0/objections/too-expensive/"]`)); err != nil {
		t.Fatalf("following v3.0 in the switcher: %v", err)
	}
	for i := 0; evalJS[string](t, ctx, "location.pathname") != "/v/v3.0/objections/too-expensive/"; i++ {
		if i == 100 {
			t.Fatalf("following v3.0 in the switcher went to %s", evalJS[string](t, ctx, "location.href"))
		}
		time.Sleep(20 * time.Millisecond)
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

	// The list of versions and the changes page link where they should.
	openPage(t, ctx, base+"/versions/")
	links := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".versions a")].map(a => a.getAttribute("href"))`)
	for _, l := range []string{"/", "/changes/", "/v/v3.1/", "/v/v3.1/changes/", "/v/v3.0/"} {
		if !slices.Contains(links, l) {
			t.Errorf("versions page lacks a link to %s: %q", l, links)
		}
	}
	openPage(t, ctx, base+"/changes/")
	for _, sel := range []string{`a[href="/working-together/release-checklist/"]`, `a[href="/objections/too-expensive/#acknowledge"]`, `.diff ins`, `.diff del`} {
		if evalJS[int](t, ctx, fmt.Sprintf(`document.querySelectorAll(%q).length`, sel)) == 0 {
			t.Errorf("changes page has no %s", sel)
		}
	}
	openPage(t, ctx, base+"/v/v3.1/changes/")
	if evalJS[int](t, ctx, `document.querySelectorAll('a[href="/v/v3.0/working-together/old-process/"]').length`) == 0 {
		t.Errorf("a removed page does not link to the older version")
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
	base := serveVersionedSample(t)
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
		for _, p := range []string{"/v/v3.1/objections/too-expensive/", "/", "/changes/", "/versions/", "/v/v3.0/no-such-page/"} {
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
	base := serveVersionedSample(t)
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
		{"versions-changes", "/changes/", false, ""},
		{"versions-changes-removed", "/v/v3.1/changes/", false, ""},
		{"versions-list", "/versions/", false, ""},
	}
	for _, dark := range []bool{false, true} {
		scheme := "light"
		if dark {
			scheme = "dark"
		}
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
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
	for _, s := range []struct{ name, path string }{{"versions-objection-old-print", "/v/v3.1/objections/too-expensive/"}, {"versions-changes-print", "/changes/"}} {
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
	base := serveVersionedSample(t)
	ctx := browser.New(t)
	check := func(what string) {
		t.Helper()
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](axe+`;
			axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
				.then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " +
					v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: running axe: %v", what, err)
		}
		if len(violations) > 0 {
			t.Errorf("%s: %s", what, strings.Join(violations, "\n  "))
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"/", "/changes/", "/v/v3.1/changes/", "/versions/", "/v/v3.1/objections/too-expensive/", "/v/v3.0/" + oldestOnly} {
			openPage(t, ctx, base+p)
			if strings.HasPrefix(p, "/v/") && p != "/v/v3.1/changes/" {
				if err := pollTrue(ctx, `document.querySelector("[data-version-latest]").textContent.includes("this page") || document.querySelector(".version-banner").textContent.includes("not in")`); err != nil {
					t.Fatalf("%s: banner: %v", p, err)
				}
			}
			check(p + " (" + scheme + ")")
		}
		openPage(t, ctx, base+"/v/v3.1/objections/too-expensive/")
		switcherItems(t, ctx)
		check("switcher open (" + scheme + ")")
	}
}
