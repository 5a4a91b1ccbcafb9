// Package e2e drives the built sample playbook in headless Chromium.
package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/serve"
	"github.com/playbook-ssg/playbook/internal/browser"
)

// serveSample builds the sample playbook in memory and serves it on a
// loopback port for the test's lifetime.
func serveSample(t *testing.T) string {
	t.Helper()
	return serveSampleWith(t, nil)
}

// serveSampleWith is serveSample with the handler wrapped by wrap (nil for
// none): to add headers or compression as a host would.
func serveSampleWith(t *testing.T, wrap func(http.Handler) http.Handler) string {
	t.Helper()
	site, err := pipeline.Generate(pipeline.Options{Source: "../playbook", BaseURL: "/", Today: sampleToday})
	if err != nil {
		t.Fatalf("building sample: %v", err)
	}
	h := serve.Handler(site.Files)
	if wrap != nil {
		h = wrap(h)
	}
	return listenLoopback(t, h)
}

var sampleToday = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

// pageWatch records console errors, uncaught exceptions and every request
// the page makes.
type pageWatch struct {
	mu       sync.Mutex
	errors   []string
	requests []string
}

func watch(t *testing.T, ctx context.Context) *pageWatch {
	w := &pageWatch{}
	err := chromedp.Listen(ctx, func(ev any) {
		w.mu.Lock()
		defer w.mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == "error" || e.Type == "warning" {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				w.errors = append(w.errors, fmt.Sprintf("console.%s: %s", e.Type, strings.Join(parts, " ")))
			}
		case *runtime.EventExceptionThrown:
			w.errors = append(w.errors, "exception: "+e.ExceptionDetails.Text)
		case *network.EventRequestWillBeSent:
			w.requests = append(w.requests, e.Request.URL)
		case *network.EventLoadingFailed:
			w.errors = append(w.errors, "request failed: "+e.ErrorText)
		case *network.EventResponseReceived:
			if e.Response.Status >= 400 {
				w.errors = append(w.errors, fmt.Sprintf("HTTP %d for %s", e.Response.Status, e.Response.URL))
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func TestSamplePagesInBrowser(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	w := watch(t, ctx)
	pages := []struct{ path, h1, extra string }{
		{"/", "Northwind Playbook", ".cards"},
		{"/objections/too-expensive/", "It's too expensive", ".lead--script blockquote"},
		{"/closing-tools/paid-pilot/", "Paid pilot", "dl.facts"},
		{"/glossary/qualified-prospect/", "Qualified prospect", ".definition--agreed"},
	}
	for _, p := range pages {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p.path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main h1")))
		if err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		extra, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", p.extra)))
		if err != nil {
			t.Fatalf("%s: %v", p.path, err)
		}
		if strings.TrimSpace(h1) != p.h1 {
			t.Errorf("%s: h1 = %q, want %q", p.path, h1, p.h1)
		}
		if extra == 0 {
			t.Errorf("%s: no %s", p.path, p.extra)
		}
	}
	// Let late requests and script errors arrive.
	_ = chromedp.Do(ctx, chromedp.Sleep(300*time.Millisecond))
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, e := range w.errors {
		t.Errorf("browser reported %s", e)
	}
	u, _ := url.Parse(base)
	if len(w.requests) == 0 {
		t.Fatal("no requests recorded")
	}
	for _, r := range w.requests {
		ru, err := url.Parse(r)
		if err != nil || (ru.Scheme != "data" && ru.Host != u.Host) {
			t.Errorf("request left the site: %s", r)
		}
	}
}

// TestNoHorizontalOverflow checks every page type at phone and desktop
// widths: nothing may be wider than the viewport.
func TestNoHorizontalOverflow(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	paths := []string{"/", "/objections/", "/objections/too-expensive/", "/objections/already-use-freightdesk/",
		"/closing-tools/paid-pilot/", "/glossary/qualified-prospect/", "/personas/cfo/",
		"/plays/discovery-call-vp-supply-chain/", "/brand/colours/", "/brand/typography/", "/brand/voice-and-tone/",
		"/working-together/how-to-edit-this-playbook/", "/working-together/how-marketing-and-sales-work-together/", "/no-such-page/"}
	for _, width := range []int64{360, 390, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatalf("%s at %d px: %v", p, width, err)
			}
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
					const vw = document.documentElement.clientWidth;
					if (document.documentElement.scrollWidth <= vw) return [];
					return [...document.querySelectorAll('body *')]
						.filter(e => e.getBoundingClientRect().right > vw + 1 && !e.closest('pre, .table-wrap, table'))
						.slice(0, 5).map(e => e.tagName.toLowerCase() + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right));
				})()`))
			if err != nil {
				t.Fatalf("%s at %d px: %v", p, width, err)
			}
			if len(overflow) > 0 {
				t.Errorf("%s at %d px overflows the viewport: %v", p, width, overflow)
			}
		}
	}
}

// TestReviewStatusFollowsToday checks that a page built as up to date shows
// as overdue when read after its review date: the script re-judges it.
func TestReviewStatusFollowsToday(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	url := base + "/objections/too-expensive/"
	// stateOn reads the page's review status as if the reader's clock said
	// the given date: Date is replaced before the page's script runs.
	stateOn := func(y, m, d int) string {
		script, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: fmt.Sprintf(`(() => { const R = Date; window.Date = class extends R { constructor(...a) { super(...(a.length ? a : [%d, %d, %d])); } static now() { return new R(%d, %d, %d).getTime(); } }; })();`, y, m-1, d, y, m-1, d),
		})
		if err != nil {
			t.Fatal(err)
		}
		defer chromedp.Call(ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams(script))
		if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatal(err)
		}
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("time[data-review-due]").className + "|" + document.querySelector("[data-review-badge]").textContent`))
		if err != nil {
			t.Fatal(err)
		}
		return state
	}
	if got := stateOn(2026, 11, 25); got != "review review--ok|" {
		t.Errorf("read on the build day: %q", got)
	}
	if got := stateOn(2030, 1, 1); got != "review review--overdue| Overdue" {
		t.Errorf("read in 2030: %q", got)
	}
}
