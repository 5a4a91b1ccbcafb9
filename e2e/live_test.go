package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/preview"
	"github.com/playbook-ssg/playbook/internal/browser"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// livePreview runs `playbook serve` on a copy of the sample playbook.
func livePreview(t *testing.T) (dir, base string) {
	t.Helper()
	dir = fixture.Copy(t, "../playbook")
	pv, err := preview.Start(preview.Options{Build: pipeline.Options{Source: dir, BaseURL: "/", Drafts: true, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pv.Server)
	ctx, cancel := context.WithCancel(context.Background())
	go pv.Run(ctx)
	t.Cleanup(func() {
		cancel()
		pv.Close()
		srv.Close()
	})
	return dir, srv.URL
}

func edit(t *testing.T, dir, rel string, change func(string) string) {
	t.Helper()
	fixture.WriteFile(t, dir, rel, change(string(fixture.Read(t, dir, rel))))
}

// poll evaluates a JavaScript condition until it holds or time runs out.
func poll(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr)); err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s (%s)", what, expr)
}

func TestLiveReloadKeepsScroll(t *testing.T) {
	dir, base := livePreview(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 700), chromedp.Navigate(base+"/objections/too-expensive/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	// Let the theme's script settle the layout, mark this document so a
	// reload is detectable, scroll down, and note where the page is.
	poll(t, ctx, "the page to load", `document.readyState === "complete"`)
	time.Sleep(300 * time.Millisecond) // and the event stream to connect
	scrolled, err := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.__before = true; window.scrollTo({top: 1200, behavior: "instant"}); window.scrollY`))
	if err != nil || scrolled < 1000 {
		t.Fatalf("could not scroll down: %v %v", scrolled, err)
	}
	edit(t, dir, "content/objections/too-expensive.md", func(s string) string {
		return strings.Replace(s, "## Acknowledge", "## Acknowledge it", 1)
	})
	poll(t, ctx, "the page to reload with the edit", `!window.__before && !!document.getElementById("acknowledge-it")`)
	poll(t, ctx, "the scroll position to come back", fmt.Sprintf(`Math.abs(window.scrollY - %f) < 2`, scrolled))
}

func TestLiveCSSWithoutReload(t *testing.T) {
	dir, base := livePreview(t)
	if err := os.MkdirAll(filepath.Join(dir, "static", "css"), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/glossary/qualified-prospect/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__before = true`)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	// Override the theme's stylesheet from the playbook: a red page.
	theme, err := os.ReadFile("../themes/default/static/css/playbook.css")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static", "css", "playbook.css"), append(theme, []byte("\nbody { background: rgb(255, 0, 0) !important; }\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	poll(t, ctx, "the new stylesheet", `getComputedStyle(document.body).backgroundColor === "rgb(255, 0, 0)"`)
	if ok, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.__before === true`)); !ok {
		t.Errorf("the page reloaded for a CSS change")
	}
}

func TestLiveErrorOverlay(t *testing.T) {
	dir, base := livePreview(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/closing-tools/paid-pilot/"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	var good string
	edit(t, dir, "content/closing-tools/paid-pilot.md", func(s string) string {
		good = s
		return strings.Replace(s, "approver = ", "approver = \"unclosed\napprover2 = ", 1)
	})
	poll(t, ctx, "the error overlay", `!!document.getElementById("playbook-live-problems") && document.getElementById("playbook-live-problems").textContent.includes("content/closing-tools/paid-pilot.md:")`)
	if h1, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1"))); strings.TrimSpace(h1) != "Paid pilot" {
		t.Errorf("the last good page is not shown under the overlay: h1 %q", h1)
	}
	edit(t, dir, "content/closing-tools/paid-pilot.md", func(string) string { return good })
	poll(t, ctx, "the overlay to clear", `!document.getElementById("playbook-live-problems")`)
}

const manyTabs = 8

// TestManyTabs opens more preview tabs than a browser allows connections to
// one host: they share one event stream, so every tab still loads and
// still hears about changes.
func TestManyTabs(t *testing.T) {
	dir, base := livePreview(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatal(err)
	}
	var tabs []context.Context
	for i := 0; i < manyTabs; i++ {
		tab, cancel := chromedp.NewContext(ctx)
		t.Cleanup(cancel)
		// Open the tab first: a timeout on the first call would close it.
		if err := chromedp.Do(tab); err != nil {
			t.Fatal(err)
		}
		load, stop := context.WithTimeout(tab, 20*time.Second)
		err := chromedp.Do(load, chromedp.Navigate(base+"/glossary/qualified-prospect/"), chromedp.WaitReady(chromedp.CSS("main h1")))
		stop()
		if err != nil {
			t.Fatalf("tab %d did not load: %v", i+1, err)
		}
		tabs = append(tabs, tab)
	}
	time.Sleep(500 * time.Millisecond)
	edit(t, dir, "content/glossary/qualified-prospect.md", func(s string) string {
		return s + "\n## Heard in every tab\n"
	})
	for i, tab := range tabs {
		poll(t, tab, fmt.Sprintf("tab %d to reload", i+1), `!!document.getElementById("heard-in-every-tab")`)
	}
}
