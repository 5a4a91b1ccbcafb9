package e2e

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

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
// landmarks, names, ARIA) on every page type, in light and dark mode.
func TestAccessibility(t *testing.T) {
	axe := axeScript(t)
	base := serveSample(t)
	ctx := browser.New(t)
	paths := []string{"/", "/objections/", "/objections/too-expensive/", "/closing-tools/paid-pilot/",
		"/glossary/qualified-prospect/", "/personas/cfo/", "/plays/business-case-cfo/", "/brand/colours/",
		"/brand/voice-and-tone/", "/working-together/how-to-edit-this-playbook/", "/no-such-page/"}
	for _, scheme := range []string{"light", "dark"} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](axe+`;
				axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
					.then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " +
						v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`, chromedp.EvalAwaitPromise))
			if err != nil {
				t.Fatalf("%s: running axe: %v", p, err)
			}
			if len(violations) > 0 {
				t.Errorf("%s (%s): %s", p, scheme, strings.Join(violations, "\n  "))
			}
		}
	}
}
