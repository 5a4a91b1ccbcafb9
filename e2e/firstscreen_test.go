package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/internal/browser"
)

// The first screen of a phone: what a rep sees without scrolling.
const phoneW, phoneH = 390, 664

// box is where an element is drawn, in CSS pixels from the top of the page.
type box struct {
	Found       bool
	Top, Bottom float64
}

func boxOf(t *testing.T, ctx context.Context, selector string) box {
	t.Helper()
	return evalJS[box](t, ctx, `(() => {
		const e = document.querySelector(`+jsString(selector)+`);
		if (!e) return {Found: false, Top: 0, Bottom: 0};
		const r = e.getBoundingClientRect();
		return {Found: true, Top: r.top + scrollY, Bottom: r.bottom + scrollY};
	})()`)
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// TestFirstScreen checks, at 390x664, that what a rep needs in a call is
// on the first screen: on an objection the first thing to say and the
// closing tools, on a closing tool its facts and script, on a play its goal
// and opening, on a persona the pitch, and on home the search box and the
// top objections.
func TestFirstScreen(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneW, phoneH)); err != nil {
		t.Fatal(err)
	}
	// whole: the element must end on the first screen; start: it must
	// start there with room for its first lines (a script longer than
	// the screen still shows how it opens).
	type want struct {
		selector string
		whole    bool
	}
	const firstLines = 72 // px: the box's padding and two lines of text
	pages := []struct {
		path  string
		wants []want
	}{
		{"/", []want{{"#pb-search-q", true}, {"#pb-home-objections", true}, {".home-block .card", true}}},
		{"/plays/business-case-cfo/", []want{{".fact--goal", true}, {".lead--script blockquote", false}}},
		{"/plays/discovery-call-vp-supply-chain/", []want{{".fact--goal", true}, {".lead--script blockquote", false}}},
		{"/personas/cfo/", []want{{".lead--script blockquote", false}}},
	}
	// Every objection of the sample: the first talk track whole, and every
	// closing tool's name and its line.
	openPage(t, ctx, base+"/objections/")
	objections := evalJS[[]string](t, ctx, `[...document.querySelectorAll(".cards .card--objection a")].map(a => new URL(a.href).pathname)`)
	if len(objections) < 10 {
		t.Fatalf("found %d objections on /objections/", len(objections))
	}
	for _, p := range objections {
		pages = append(pages, struct {
			path  string
			wants []want
		}{p, []want{{".lead--script blockquote", true}, {".tool-list li:first-child .tool-list__name", true}, {".tool-list li:last-child", true}}})
	}
	// And every closing tool: when and why to use it whole, its script
	// started (its cost and approver follow the script).
	openPage(t, ctx, base+"/closing-tools/")
	for _, p := range evalJS[[]string](t, ctx, `[...document.querySelectorAll(".cards .card--closing-tool a")].map(a => new URL(a.href).pathname)`) {
		pages = append(pages, struct {
			path  string
			wants []want
		}{p, []want{{".facts--use", true}, {".lead--script blockquote", false}}})
	}
	for _, p := range pages {
		openPage(t, ctx, base+p.path)
		for _, w := range p.wants {
			b := boxOf(t, ctx, w.selector)
			switch {
			case !b.Found:
				t.Errorf("%s: no %s", p.path, w.selector)
			case w.whole && b.Bottom > phoneH:
				t.Errorf("%s: %s ends at %.0f px, below the first %d px screen", p.path, w.selector, b.Bottom, phoneH)
			case !w.whole && b.Top+firstLines > phoneH:
				t.Errorf("%s: %s starts at %.0f px, too low to show its first lines on the first %d px screen", p.path, w.selector, b.Top, phoneH)
			default:
				t.Logf("%s: %s at %.0f-%.0f px", p.path, w.selector, b.Top, b.Bottom)
			}
		}
	}
	// The closing tools give their whole "when", never cut short.
	openPage(t, ctx, base+"/objections/too-expensive/")
	if got := evalJS[string](t, ctx, `document.querySelector(".tool-list__when").textContent`); strings.Contains(got, "…") || !strings.HasSuffix(got, ".") {
		t.Errorf("first closing tool's line = %q, want its whole when", got)
	}
}

// TestCopyButtons checks that every script a rep can say has a copy
// button, a real <button> with a name, that copies the script's words as
// clean text and says "Copied" (visibly and to screen readers).
func TestCopyButtons(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	// Record what is written to the clipboard instead of asking the
	// browser for permission to read it back.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__copied = []; if (navigator.clipboard) navigator.clipboard.writeText = (t) => { window.__copied.push(t); return Promise.resolve(); };`,
	}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path, selector, want string
	}{
		{"/objections/too-expensive/", ".lead--script blockquote",
			"That’s fair, it’s a real investment, and you should only make it if the numbers work for you."},
		// The same words in the response, and a quote with a footnote
		// reference left out.
		{"/objections/too-expensive/", ".response .prose > blockquote",
			"That’s fair, it’s a real investment, and you should only make it if the numbers work for you."},
		{"/closing-tools/paid-pilot/", ".lead--script blockquote",
			"Rather than ask you to trust our numbers, let’s prove them on your lanes. Sixty days, two or three lanes, and we agree now what success looks like. If we hit it, the pilot fee comes off your first year. If we don’t, you’ve learned something useful for $12,000."},
		{"/closing-tools/paid-pilot/", ".prose > blockquote",
			"Rather than ask you to trust our numbers, let’s prove them on your lanes. Sixty days, two or three lanes, and we agree now what success looks like. If we hit it, the pilot fee comes off your first year. If we don’t, you’ve learned something useful for $12,000."},
		{"/personas/cfo/", ".lead--script blockquote",
			"Freight is usually one of the biggest costs you can’t see clearly until the invoices land. Northwind Lanes gives your team a quote for every load, checks every invoice against it, and shows which carriers deliver for the price. Our customers lower freight spend by 4 to 8 percent and cut expedites by 30 percent. We model only 3 percent in business cases, and the median customer still pays back inside six months. I’d like to run that model on your own numbers."},
		{"/plays/business-case-cfo/", ".lead--script blockquote",
			"Thank you for joining. Your team and I have built a business case on your own freight data, and I’d like you to pressure-test it. I’d rather you find the weak spot now than after you’ve signed. Can I take ten minutes to walk through it, and then hand it over to you for questions?"},
	}
	for _, c := range cases {
		openPage(t, ctx, base+c.path)
		button := c.selector + " > button.copy-button"
		name := evalJS[string](t, ctx, `(() => { const b = document.querySelector(`+jsString(button)+`); return b ? b.tagName + " " + b.type + " " + b.textContent : ""; })()`)
		if name != "BUTTON button Copy script" {
			t.Errorf("%s %s: copy button = %q, want a button named \"Copy script\"", c.path, c.selector, name)
			continue
		}
		evalJS[bool](t, ctx, `(window.__copied = [], true)`)
		if err := chromedp.Do(ctx, chromedp.Click(button)); err != nil {
			t.Fatal(err)
		}
		live := `document.querySelector('[role=status][aria-live=polite]')`
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(`+jsString(button)+`).classList.contains("is-copied") && !!`+live+` && `+live+`.textContent === "Copied"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatalf("%s %s: no Copied state: %v", c.path, c.selector, err)
		}
		copied := evalJS[[]string](t, ctx, `window.__copied`)
		if len(copied) != 1 || copied[0] != c.want {
			t.Errorf("%s %s: copied %q, want %q", c.path, c.selector, copied, c.want)
		}
		if label := evalJS[string](t, ctx, `document.querySelector(`+jsString(button)+` + " .copy-button__label").textContent`); label != "Copied" {
			t.Errorf("%s %s: the button says %q after copying, want Copied", c.path, c.selector, label)
		}
	}
}

// TestTrustLine checks the line at the top of a content page: its owners
// and last review on one line of the first phone screen, and "Overdue" in
// the danger colour once the reader's date is past the next review.
func TestTrustLine(t *testing.T) {
	base := serveSample(t)
	ctx := browser.New(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(phoneW, phoneH)); err != nil {
		t.Fatal(err)
	}
	url := base + "/objections/too-expensive/"
	openPage(t, ctx, url)
	b := boxOf(t, ctx, ".trust")
	if !b.Found || b.Bottom > 200 || b.Bottom-b.Top > 30 {
		t.Errorf("trust line at %.0f-%.0f px, want one line near the top", b.Top, b.Bottom)
	}
	if got := evalJS[string](t, ctx, `document.querySelector(".trust").textContent`); got != "Owners: Sales, Sales EnablementReviewed 10 Nov 2026" {
		t.Errorf("trust line says %q", got)
	}
	// Read in 2030: overdue, in the danger colour.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `(() => { const R = Date; window.Date = class extends R { constructor(...a) { super(...(a.length ? a : [2030, 0, 1])); } static now() { return new R(2030, 0, 1).getTime(); } }; })();`,
	}); err != nil {
		t.Fatal(err)
	}
	openPage(t, ctx, url)
	got := evalJS[string](t, ctx, `(() => { const o = document.querySelector(".trust strong.review--overdue"); return o ? o.textContent + " " + getComputedStyle(o).color : ""; })()`)
	danger := evalJS[string](t, ctx, `(() => { const e = document.createElement("span"); e.style.color = "var(--danger)"; document.body.appendChild(e); return getComputedStyle(e).color; })()`)
	if got != "Overdue "+danger {
		t.Errorf("in 2030 the trust line shows %q, want Overdue in %s", got, danger)
	}
}
