package e2e

import (
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/internal/browser"
)

// documentedPolicy returns the Content-Security-Policy the README tells
// teams to send, so the test holds the site to what users are told.
func documentedPolicy(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Content-Security-Policy: (.+)$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("README.md has no line starting with \"Content-Security-Policy: \"")
	}
	return string(m[1])
}

// underPolicy wraps a handler to send policy as its
// Content-Security-Policy, as a host would.
func underPolicy(policy string) func(http.Handler) http.Handler {
	return func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Security-Policy", policy)
			h.ServeHTTP(w, r)
		})
	}
}

// allPageKinds are pages of every kind the sample has, with the query and
// list pages a rep opens.
var allPageKinds = []string{"/", "/objections/", "/objections/too-expensive/", "/objections/already-use-freightdesk/",
	"/closing-tools/", "/closing-tools/paid-pilot/", "/glossary/", "/glossary/qualified-prospect/",
	"/personas/", "/personas/cfo/", "/plays/", "/plays/business-case-cfo/", "/brand/", "/brand/colours/",
	"/brand/typography/", "/brand/logo/", "/brand/voice-and-tone/", "/working-together/how-to-edit-this-playbook/",
	"/no-such-page/", "/search/?q=too+expensive"}

// TestStrictContentSecurityPolicy serves the sample under the README's
// policy and fails on any violation: an inline script or style, a style
// attribute, eval, or a request to another origin.
func TestStrictContentSecurityPolicy(t *testing.T) {
	policy := documentedPolicy(t)
	base := serveSampleWith(t, underPolicy(policy))
	ctx := browser.New(t)
	var violations []string
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = [];
			document.addEventListener("securitypolicyviolation", e =>
				window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") +
					" at " + e.sourceFile + ":" + e.lineNumber));`,
	}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	pending := map[network.RequestID]bool{} // the page's requests not finished yet
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *log.EventEntryAdded:
			if strings.Contains(e.Entry.Text, "Content Security Policy") {
				violations = append(violations, "console: "+e.Entry.Text)
			}
		case *network.EventRequestWillBeSent:
			if !strings.HasPrefix(e.Request.URL, "data:") {
				pending[e.RequestID] = true
			}
		case *network.EventLoadingFinished:
			delete(pending, e.RequestID)
		case *network.EventLoadingFailed:
			delete(pending, e.RequestID)
		}
	}); err != nil {
		t.Fatal(err)
	}
	// settle waits until the page has loaded and has had no request in
	// flight for a few polls in a row, so that a violation from a late
	// script, style or fetch is reported before it is collected; it gives
	// up after 10 s.
	settle := func(where string) {
		deadline := time.Now().Add(10 * time.Second)
		for quiet := 0; quiet < 3; {
			loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.readyState === "complete"`))
			mu.Lock()
			n := len(pending)
			mu.Unlock()
			if err == nil && loaded && n == 0 {
				quiet++
			} else {
				quiet = 0
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the page did not settle in 10 s (loaded %v, %d requests in flight, %v)", where, loaded, n, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	collect := func(where string) {
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__csp || []`))
		if err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		mu.Lock()
		defer mu.Unlock()
		for _, v := range got {
			violations = append(violations, where+": "+v)
		}
	}
	for _, width := range []int64{390, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, p := range allPageKinds {
			mu.Lock()
			clear(pending) // what the last page left in flight ends with it
			mu.Unlock()
			if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			// Use what scripts add: open the menu on a phone, the search
			// popup, and every button that only shows, copies or toggles.
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => {
				for (const b of document.querySelectorAll("main button, .nav-toggle")) {
					if (!b.hidden && b.type !== "submit") b.click();
				}
				return true;
			})()`)); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			settle(p)
			collect(p)
		}
		mu.Lock()
		clear(pending)
		mu.Unlock()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/objections/"), chromedp.WaitReady(chromedp.CSS("body")),
			chromedp.Click("#pb-search-q"), chromedp.SendKeys("#pb-search-q", "pilot")); err != nil {
			t.Fatal(err)
		}
		poll(t, ctx, "the search popup", `document.querySelector(".search-popup").dataset.query === "pilot"`)
		settle("search popup")
		collect("search popup")
	}
	mu.Lock()
	defer mu.Unlock()
	slices.Sort(violations)
	for _, v := range slices.Compact(violations) {
		t.Errorf("CSP violation: %s", v)
	}
}
