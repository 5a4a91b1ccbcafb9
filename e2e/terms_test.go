package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/playbook-ssg/playbook/internal/browser"
)

// The first glossary term linked on the too-expensive objection, and its
// tooltip.
const (
	termPage = "/objections/too-expensive/"
	termLink = `document.querySelector('a.term[aria-describedby="pb-tip-1"]')`
	termTip  = `document.getElementById("pb-tip-1")`
	tipShown = `!` + termTip + `.hidden`
	tipGone  = termTip + `.hidden`
)

// termPoint scrolls the first term link into view and returns its centre.
func termPoint(t *testing.T, ctx context.Context) (x, y float64) {
	t.Helper()
	xy := evalJS[[]float64](t, ctx, `(() => { const a = `+termLink+`; a.scrollIntoView({block: "center", behavior: "instant"});
		const r = a.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; })()`)
	return xy[0], xy[1]
}

// tipFits reports whether the open tooltip is inside the viewport, below
// or above its link, without moving anything on the page.
const tipFits = `(() => { const r = ` + termTip + `.getBoundingClientRect(), a = ` + termLink + `.getClientRects()[0];
	return r.left >= 0 && r.right <= document.documentElement.clientWidth && (r.top >= a.bottom || r.bottom <= a.top); })()`

func TestTermTooltip(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	w := watch(t, ctx)
	openPage(t, ctx, base+termPage)

	// Without the script the definition is already the link's description.
	if got := evalJS[string](t, ctx, termTip+`.getAttribute("role") + " " + `+termTip+`.textContent`); !strings.HasPrefix(got, "tooltip Expedite ") {
		t.Errorf("tooltip: %q", got)
	}
	if n := evalJS[int](t, ctx, `document.querySelectorAll(".prose .term-tip").length`); n != 0 {
		t.Errorf("%d definitions left inside the prose", n)
	}
	if desc := firstLinkDescription(t, ctx); !strings.HasPrefix(desc, "Expedite ") {
		t.Errorf("accessible description of the term link: %q", desc)
	}

	// Hover shows it; leaving hides it.
	before := evalJS[string](t, ctx, `JSON.stringify([document.documentElement.scrollHeight, `+termLink+`.getBoundingClientRect().top + scrollY])`)
	x, y := termPoint(t, ctx)
	mouse(t, ctx, x, y)
	poll(t, ctx, "the tooltip on hover", tipShown)
	if !evalJS[bool](t, ctx, tipFits) {
		t.Error("tooltip on hover outside the viewport or over its link")
	}
	if after := evalJS[string](t, ctx, `JSON.stringify([document.documentElement.scrollHeight, `+termLink+`.getBoundingClientRect().top + scrollY])`); after != before {
		t.Errorf("the page moved when the tooltip opened: %s, then %s", before, after)
	}
	if evalJS[bool](t, ctx, `!!`+termTip+`.querySelector(".term-tip__open")`) {
		t.Error(`hover shows "Open term", which only a tap needs`)
	}
	mouse(t, ctx, 5, 5)
	poll(t, ctx, "the tooltip to close when the pointer leaves", tipGone)

	// Keyboard focus shows it; Escape hides it and keeps focus.
	evalJS[bool](t, ctx, `(document.body.focus(), true)`)
	for i := 0; i < 200 && !evalJS[bool](t, ctx, `document.activeElement === `+termLink); i++ {
		key(t, ctx, kb.Tab)
	}
	if !evalJS[bool](t, ctx, `document.activeElement === `+termLink) {
		t.Fatal("Tab never reached the term link")
	}
	poll(t, ctx, "the tooltip on keyboard focus", tipShown)
	key(t, ctx, kb.Escape)
	poll(t, ctx, "Escape to close the tooltip", tipGone)
	if !evalJS[bool](t, ctx, `document.activeElement === `+termLink) {
		t.Error("Escape moved focus away from the term")
	}

	// A tap on a phone shows it with "Open term", and stays on the page.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 664, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	openPage(t, ctx, base+termPage)
	x, y = termPoint(t, ctx)
	tap(t, ctx, x, y)
	poll(t, ctx, "the tooltip on a tap", tipShown+` && !!`+termTip+`.querySelector(".term-tip__open")`)
	if p := evalJS[string](t, ctx, `location.pathname`); p != termPage {
		t.Errorf("the first tap navigated to %s", p)
	}
	if !evalJS[bool](t, ctx, tipFits) {
		t.Error("tooltip on a phone outside the viewport or over its link")
	}
	if dir := os.Getenv("PLAYBOOK_SHOTS"); dir != "" {
		shot(t, ctx, filepath.Join(dir, "term-390-tap.png"))
	}
	key(t, ctx, kb.Escape)
	poll(t, ctx, "Escape to close a tapped tooltip", tipGone)
	// A tap elsewhere closes it; a second tap on the term opens the term.
	tap(t, ctx, x, y)
	poll(t, ctx, "the tooltip on a tap", tipShown)
	tap(t, ctx, 5, 600)
	poll(t, ctx, "a tap elsewhere to close the tooltip", tipGone)
	tap(t, ctx, x, y)
	poll(t, ctx, "the tooltip on a tap", tipShown)
	tap(t, ctx, x, y)
	poll(t, ctx, "the second tap to open the term", `location.pathname === "/glossary/expedite/"`)

	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.errors) > 0 {
		t.Errorf("console: %s", strings.Join(w.errors, "\n"))
	}
}

// TestTermTooltipScreenshots opens the tooltip at 390 and 1280 px, light
// and dark, and saves screenshots to PLAYBOOK_SHOTS for a person to look at.
func TestTermTooltipScreenshots(t *testing.T) {
	dir := os.Getenv("PLAYBOOK_SHOTS")
	if dir == "" {
		t.Skip("set PLAYBOOK_SHOTS to a folder to save screenshots of the tooltip")
	}
	base := serveSample(t)
	ctx := browser.New(t)
	for _, width := range []int64{390, 1280} {
		for _, scheme := range []string{"light", "dark"} {
			height := int64(800)
			if width == 390 {
				height = 664
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, height)); err != nil {
				t.Fatal(err)
			}
			colourScheme(t, ctx, scheme)
			openPage(t, ctx, base+termPage)
			x, y := termPoint(t, ctx)
			mouse(t, ctx, x, y)
			poll(t, ctx, "the tooltip on hover", tipShown)
			if !evalJS[bool](t, ctx, tipFits) {
				t.Errorf("%d px %s: tooltip outside the viewport", width, scheme)
			}
			shot(t, ctx, filepath.Join(dir, fmt.Sprintf("term-%d-%s.png", width, scheme)))
			mouse(t, ctx, 1, 1)
		}
	}
}

func key(t *testing.T, ctx context.Context, k string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.KeyEvent(k)); err != nil {
		t.Fatal(err)
	}
}

func mouse(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	if _, err := chromedp.Call(ctx, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: x, Y: y}); err != nil {
		t.Fatal(err)
	}
}

// tap touches the screen at x, y as a finger does.
func tap(t *testing.T, ctx context.Context, x, y float64) {
	t.Helper()
	for _, ev := range []input.DispatchTouchEventParams{
		{Type: input.DispatchTouchEventTypeTouchStart, TouchPoints: []*input.TouchPoint{{X: x, Y: y}}},
		{Type: input.DispatchTouchEventTypeTouchEnd, TouchPoints: []*input.TouchPoint{}},
	} {
		if _, err := chromedp.Call(ctx, input.DispatchTouchEvent, ev); err != nil {
			t.Fatal(err)
		}
	}
}

func shot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// firstLinkDescription is the description the browser's accessibility
// tree gives the first link that has one.
func firstLinkDescription(t *testing.T, ctx context.Context) string {
	t.Helper()
	tree, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range tree.Nodes {
		if n.Role == nil || string(n.Role.Value) != `"link"` || n.Description == nil {
			continue
		}
		if d := strings.Trim(string(n.Description.Value), `"`); d != "" {
			return d
		}
	}
	return ""
}

// TestTermTooltipAccessible runs axe-core with a tooltip open (hover and
// tap), in light and dark mode.
func TestTermTooltipAccessible(t *testing.T) {
	axe := axeScript(t)
	base := serveSample(t)
	ctx := browser.New(t)
	for _, scheme := range []string{"light", "dark"} {
		colourScheme(t, ctx, scheme)
		for _, mobile := range []bool{false, true} {
			opts := []chromedp.EmulateViewportOption{}
			width := int64(1280)
			if mobile {
				opts, width = append(opts, chromedp.EmulateMobile), 390
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800, opts...)); err != nil {
				t.Fatal(err)
			}
			openPage(t, ctx, base+termPage)
			x, y := termPoint(t, ctx)
			if mobile {
				tap(t, ctx, x, y)
			} else {
				mouse(t, ctx, x, y)
			}
			poll(t, ctx, "the tooltip", tipShown)
			violations, err := axeViolations(ctx, axe)
			if err != nil {
				t.Fatal(err)
			}
			if len(violations) > 0 {
				t.Errorf("%d px, %s, tooltip open: %s", width, scheme, strings.Join(violations, "\n  "))
			}
		}
	}
}

// TestTermTooltipUnderCSP opens and places a tooltip on the sample served
// with a strict Content-Security-Policy: no violation is reported (the
// script positions the tooltip through the CSSOM, which style-src 'self'
// allows).
func TestTermTooltipUnderCSP(t *testing.T) {
	base := serveSampleWith(t, underPolicy(documentedPolicy(t)))
	ctx := browser.New(t)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));`,
	}); err != nil {
		t.Fatal(err)
	}
	openPage(t, ctx, base+termPage)
	x, y := termPoint(t, ctx)
	mouse(t, ctx, x, y)
	poll(t, ctx, "the tooltip on hover", tipShown)
	if !evalJS[bool](t, ctx, tipFits) {
		t.Error("tooltip not placed under the CSP")
	}
	if v := evalJS[[]string](t, ctx, `window.__csp`); len(v) > 0 {
		t.Errorf("CSP violations: %v", v)
	}
}
