package e2e

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbook-ssg/playbook/internal/browser"
)

// axeScript returns axe-core, the accessibility rules engine, from the
// file PLAYBOOK_AXE names (.ci/run installs it from npm). Without it the
// test is skipped, except under CI.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("PLAYBOOK_AXE")
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("PLAYBOOK_AXE must name axe.min.js under CI (npm install axe-core)")
		}
		t.Skip("set PLAYBOOK_AXE to axe-core's axe.min.js to run accessibility checks")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading axe-core: %v", err)
	}
	return string(b)
}

// TestAccessibility runs axe-core's WCAG 2 A and AA rules (contrast,
// landmarks, names, ARIA) on every page type, at phone and desktop widths,
// in light and dark mode.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	base := serveSample(t)
	ctx := browser.New(t)
	check := func(what, scheme string, width int64) {
		violations, err := axeViolations(ctx, axe)
		if err != nil {
			t.Fatalf("%s: running axe: %v", what, err)
		}
		if len(violations) > 0 {
			t.Errorf("%s (%s, %d px): %s", what, scheme, width, strings.Join(violations, "\n  "))
		}
	}
	for _, width := range []int64{390, 1280} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, scheme := range []string{"light", "dark"} {
			colourScheme(t, ctx, scheme)
			for _, p := range allPageKinds {
				if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
					t.Fatalf("%s: %v", p, err)
				}
				if strings.HasPrefix(p, "/search/") {
					poll(t, ctx, "search results", `document.querySelectorAll(".search-results li").length > 0`)
				}
				check(p, scheme, width)
			}
			// The header's search popup, open with an option chosen.
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/objections/"), chromedp.WaitReady(chromedp.CSS("body")),
				chromedp.Click("#pb-search-q"), chromedp.SendKeys("#pb-search-q", "pilot")); err != nil {
				t.Fatal(err)
			}
			poll(t, ctx, "the search popup", `document.querySelector(".search-popup").dataset.query === "pilot"`)
			if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowDown)); err != nil {
				t.Fatal(err)
			}
			check("/objections/ with the search popup open", scheme, width)
		}
	}
}

// axeViolations runs axe-core's WCAG 2 A and AA rules on the page open in
// ctx and describes each violation with up to three of its elements.
func axeViolations(ctx context.Context, axe string) ([]string, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[[]string](axe+`;
		axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
			.then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " +
				v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
}
