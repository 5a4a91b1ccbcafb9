package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/internal/browser"
)

// calloutPages are the sample's pages with GitHub alerts, and the kind of
// each callout on them.
var calloutPages = map[string]string{
	"/objections/too-expensive/":    "tip",
	"/closing-tools/payment-terms/": "warning",
}

// callout describes the first callout of the open page as the browser
// draws it.
type callout struct {
	Class, Role, Title, TitleColour, Background, BorderLeft string
	TitleVisible, IconHidden, InTOC, TitleIsHeading         bool
	Text                                                    string
}

const describeCallout = `(() => {
	const c = document.querySelector(".prose .callout");
	if (!c) return null;
	const t = c.querySelector(".callout-title"), s = getComputedStyle(c), r = t.getBoundingClientRect();
	const icon = t.querySelector("svg");
	return {
		Class: c.className, Role: c.getAttribute("role") || "", Title: t.innerText.trim(),
		TitleColour: getComputedStyle(t).color, Background: s.backgroundColor,
		BorderLeft: s.borderLeftWidth + " " + s.borderLeftStyle,
		TitleVisible: r.width > 0 && r.height > 0 && getComputedStyle(t).visibility === "visible",
		IconHidden: !!icon && icon.getAttribute("aria-hidden") === "true",
		InTOC: [...document.querySelectorAll(".toc a")].some(a => a.textContent.trim() === t.innerText.trim()),
		TitleIsHeading: /^H[1-6]$/.test(t.tagName) || t.getAttribute("role") === "heading",
		Text: c.innerText,
	};
})()`

// TestCalloutsRender: the sample's alerts are callouts with a visible
// title, in light and dark mode and in print.
func TestCalloutsRender(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	for _, media := range []struct{ scheme, print string }{{"light", ""}, {"dark", ""}, {"light", "print"}} {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Media:    media.print,
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: media.scheme}},
		}); err != nil {
			t.Fatal(err)
		}
		for path, kind := range calloutPages {
			what := path + " (" + media.scheme + " " + media.print + ")"
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(390, 900), chromedp.Navigate(base+path), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			c, err := chromedp.Run(ctx, chromedp.Evaluate[*callout](describeCallout))
			if err != nil || c == nil {
				t.Fatalf("%s: no callout (%v)", what, err)
			}
			title := strings.ToUpper(kind[:1]) + kind[1:]
			if c.Class != "callout callout-"+kind || c.Role != "note" {
				t.Errorf("%s: class %q role %q", what, c.Class, c.Role)
			}
			// The title is shown in capitals by CSS; its text is the word.
			if !strings.EqualFold(c.Title, title) || !c.TitleVisible || !c.IconHidden {
				t.Errorf("%s: title %q visible %v, icon hidden %v", what, c.Title, c.TitleVisible, c.IconHidden)
			}
			if c.InTOC || c.TitleIsHeading {
				t.Errorf("%s: the callout's title is a heading or in the table of contents", what)
			}
			if strings.Contains(c.Text, "[!") {
				t.Errorf("%s: the marker line shows: %q", what, c.Text)
			}
			if c.BorderLeft != "4px solid" {
				t.Errorf("%s: left border %q", what, c.BorderLeft)
			}
			if media.print == "print" && (c.Background != "rgb(255, 255, 255)" || c.TitleColour != "rgb(0, 0, 0)") {
				t.Errorf("%s: prints on %s in %s, want black on white", what, c.Background, c.TitleColour)
			}
			if media.print == "" && c.Background == "rgba(0, 0, 0, 0)" {
				t.Errorf("%s: no background on screen", what)
			}
		}
	}
}

// TestCalloutsAccessible runs axe-core's WCAG 2 A and AA rules on the
// pages with callouts, in light and dark mode.
func TestCalloutsAccessible(t *testing.T) {
	axe := axeScript(t)
	base := serveSample(t)
	ctx := browser.New(t)
	for _, scheme := range []string{"light", "dark"} {
		colourScheme(t, ctx, scheme)
		for path := range calloutPages {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitReady(chromedp.CSS(".callout"))); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			violations, err := axeViolations(ctx, axe)
			if err != nil {
				t.Fatalf("%s: running axe: %v", path, err)
			}
			if len(violations) > 0 {
				t.Errorf("%s (%s): %s", path, scheme, strings.Join(violations, "\n  "))
			}
		}
	}
}
