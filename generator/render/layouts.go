package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/playbook-ssg/playbook/generator/site"
)

// fastLayouts maps a kind's layout to the template function that replaces
// its "main" block and the start of the SHA-256 of the theme file it was
// written from; see fastPartials.
var fastLayouts = map[string]struct{ fn, sum string }{
	"closing-tool": {"closingToolMain", "e36d385d043f99fb"},
	"play":         {"playMain", "20ff614ddf6eea27"},
	"objection":    {"objectionMain", "fac9896432d8aa8a"},
}

// useFastLayout replaces the "main" block of a kind's set, unless the
// playbook has its own layout or the theme's is not the one the Go
// version was written from.
func (r *Renderer) useFastLayout(t *template.Template, kind string) error {
	fl, ok := fastLayouts[kind]
	file := "layouts/" + kind + ".html"
	if !ok || r.own(file) || partialSum(r.layers[1], file) != fl.sum {
		return nil
	}
	if _, err := t.New("main").Parse("{{" + fl.fn + " .}}"); err != nil {
		return fmt.Errorf("replacing the main block of %s: %w", file, err)
	}
	return nil
}

// writer is where pages are written: a bytes.Buffer or strings.Builder.
type writer interface {
	io.Writer
	io.StringWriter
}

// include writes a template of the page's set into w as {{template name
// .}} would: the Go version of a partial when the set uses one, else the
// template.
func (r *Renderer) include(w writer, v view, name string) error {
	return r.includeData(w, v.Layout, name, v)
}

// includeData is include with other data than the page's view, as
// {{template name data}} in the layout's set.
func (r *Renderer) includeData(w writer, layout, name string, data any) error {
	if fn := r.fastFuncs[name]; fn != nil {
		h, err := fn(data)
		w.WriteString(string(h))
		return err
	}
	if err := r.sets[layout].ExecuteTemplate(w, name, data); err != nil {
		return &includeError{err}
	}
	return nil
}

// includeError is a template that failed inside a Go layout or partial;
// execute reports it rather than the Go function that called it, so the
// message names the layout file and line at fault.
type includeError struct{ err error }

func (e *includeError) Error() string { return e.err.Error() }
func (e *includeError) Unwrap() error { return e.err }

// innermost returns the failed template's own error when err is from a Go
// layout or partial that included it.
func innermost(err error) error {
	for {
		var ie *includeError
		if !errors.As(err, &ie) {
			return err
		}
		err = ie.err
	}
}

// baseofSum is the start of the SHA-256 of the theme's baseof.html that
// baseof was written from; see fastPartials.
const baseofSum = "c056ee479b89ddc6"

// baseof writes layouts/baseof.html for a page: the document around the
// layout's main block, which it includes.
func (r *Renderer) baseof(w *bytes.Buffer, v view) error {
	s := r.site
	w.WriteString("<!doctype html>\n<html lang=\"")
	var b strings.Builder // for the escapers, which write to a Builder
	b.Grow(512)
	writeText(&b, s.Config.Language)
	w.WriteString(b.String())
	w.WriteString("\">\n<head>\n")
	if err := r.include(w, v, "head.html"); err != nil {
		return err
	}
	b.Reset()
	b.WriteString("</head>\n<body class=\"layout-")
	writeText(&b, v.Layout)
	b.WriteString("\">\n<a class=\"skip-link\" href=\"#pb-main\">Skip to content</a>\n<header class=\"site-header\">\n  <div class=\"site-header__inner\">\n" +
		"    <button class=\"nav-toggle\" type=\"button\" aria-controls=\"pb-site-nav\" aria-expanded=\"false\" hidden>\n" +
		"      <span class=\"nav-toggle__bars\" aria-hidden=\"true\"></span><span class=\"nav-toggle__label\">Menu</span>\n" +
		"    </button>\n    <a class=\"site-title\" href=\"")
	writeURL(&b, s.BasePath)
	b.WriteString("\"><img class=\"site-title__mark\" src=\"")
	writeURL(&b, r.AssetURL("favicon.svg"))
	b.WriteString("\" alt=\"\" width=\"28\" height=\"28\"><span class=\"site-title__text\">")
	writeText(&b, s.Config.Title)
	b.WriteString("</span></a>")
	w.WriteString(b.String())
	if err := r.include(w, v, "version-switch.html"); err != nil {
		return err
	}
	w.WriteString("\n    ")
	if err := r.include(w, v, "search-box.html"); err != nil {
		return err
	}
	w.WriteString("\n  </div>\n</header>\n<div class=\"page-shell\">\n  ")
	if err := r.include(w, v, "nav.html"); err != nil {
		return err
	}
	w.WriteString("\n  <main id=\"pb-main\" class=\"content\" tabindex=\"-1\">")
	if err := r.include(w, v, "version-banner.html"); err != nil {
		return err
	}
	if v.Kind != "home" && !v.Standalone() {
		if err := r.include(w, v, "breadcrumbs.html"); err != nil {
			return err
		}
		if err := r.include(w, v, "trust.html"); err != nil {
			return err
		}
	}
	if v.Draft {
		w.WriteString(`<p class="draft-badge" role="note">Draft: not published in normal builds</p>`)
	}
	w.WriteString("\n    ")
	if err := r.include(w, v, "main"); err != nil {
		return err
	}
	if !(v.Standalone() || v.Listing != nil && v.Listing.Number > 1) {
		if err := r.include(w, v, "pager.html"); err != nil {
			return err
		}
	}
	b.Reset()
	b.WriteString("\n  </main>\n</div>\n<footer class=\"site-footer\">\n  <div class=\"site-footer__inner\">\n    <p>")
	writeText(&b, s.Config.Title)
	if d := s.Config.Description; d != "" {
		b.WriteString(" · ")
		writeText(&b, d)
	}
	b.WriteString("</p>\n    <p class=\"site-footer__meta\">Built with Playbook")
	if s.Options.Audience == "external" {
		b.WriteString(" · public edition")
	}
	b.WriteString("</p>\n  </div>\n</footer>\n</body>\n</html>\n")
	w.WriteString(b.String())
	return nil
}

// objectionMain is the main block of layouts/objection.html.
func (r *Renderer) objectionMain(data any) (template.HTML, error) {
	v, ok := data.(view)
	if !ok || v.Objection == nil {
		return "", fmt.Errorf("objection layout: want an objection page, got %T", data)
	}
	o := v.Objection
	var b strings.Builder
	b.Grow(4096 + len(v.HTML))
	b.WriteString("<article class=\"objection\">\n  <header class=\"page-header objection__header\">\n" +
		"    <p class=\"eyebrow\"><span class=\"badge badge--objection\">Objection</span> <span class=\"badge badge--category badge--cat-")
	writeText(&b, o.Category)
	b.WriteString(`">`)
	writeText(&b, titleCase(o.Category))
	b.WriteString("</span>")
	for _, st := range o.Stages {
		b.WriteString(` <span class="tag">`)
		writeText(&b, st)
		b.WriteString("</span>")
	}
	b.WriteString("</p>\n    <h1")
	if id := v.TitleID(); id != "" {
		b.WriteString(` id="`)
		writeText(&b, id)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	writeText(&b, v.Title)
	b.WriteString("</h1>")
	if !sameWords(v.Title, o.Says) {
		b.WriteString("\n    <p class=\"says\"><span class=\"visually-hidden\">The customer says: </span>“")
		writeText(&b, o.Says)
		b.WriteString("”</p>")
	}
	b.WriteString("\n  </header>\n  <nav class=\"jump\" aria-label=\"Jump to\">\n    <a href=\"#pb-response-title\">Response</a>")
	if len(o.Proof) > 0 {
		b.WriteString(`<a href="#pb-proof-title">Proof</a>`)
	}
	if len(o.Avoid) > 0 {
		b.WriteString(`<a href="#pb-avoid-title">Don't say</a>`)
	}
	if len(o.AlsoHeard) > 0 {
		b.WriteString(`<a href="#pb-also-title">Also heard</a>`)
	}
	b.WriteString("\n  </nav>")
	if err := r.include(&b, v, "lead.html"); err != nil {
		return "", err
	}
	if len(v.ClosingTools) > 0 {
		b.WriteString("\n  <section class=\"tools\" aria-labelledby=\"pb-tools-title\">\n" +
			"    <h2 id=\"pb-tools-title\" class=\"lead__title\">Close without discounting</h2>\n    <ul class=\"tool-list\">")
		for _, t := range v.ClosingTools {
			if t.ClosingTool == nil {
				return "", fmt.Errorf("objection layout: %s is not a closing tool", t.URL)
			}
			b.WriteString("\n      <li><a class=\"tool-list__name\" href=\"")
			writeURL(&b, t.Permalink())
			b.WriteString(`">`)
			writeText(&b, t.Title)
			b.WriteString(`</a> <span class="tool-list__when">`)
			writeText(&b, r.md.PlainText(t.ClosingTool.When))
			b.WriteString("</span></li>")
		}
		b.WriteString("\n    </ul>\n  </section>")
	}
	b.WriteString("\n\n  <section class=\"response\" aria-labelledby=\"pb-response-title\">\n" +
		"    <h2 id=\"pb-response-title\" class=\"section-title\">Full response</h2>\n    <div class=\"prose\">")
	b.WriteString(string(v.HTML))
	b.WriteString("</div>\n  </section>\n\n  <div class=\"objection__grid\">")
	if len(o.Proof) > 0 {
		b.WriteString("\n    <section class=\"panel panel--proof\" aria-labelledby=\"pb-proof-title\">\n" +
			"      <h2 id=\"pb-proof-title\" class=\"panel__title\">Proof points</h2>\n      <ul>")
		for _, pr := range o.Proof {
			b.WriteString("<li>")
			b.WriteString(string(r.inline(v, pr)))
			b.WriteString("</li>")
		}
		b.WriteString("</ul>\n    </section>")
	}
	if len(o.Avoid) > 0 {
		b.WriteString("\n    <section class=\"panel panel--avoid\" aria-labelledby=\"pb-avoid-title\">\n" +
			"      <h2 id=\"pb-avoid-title\" class=\"panel__title\">Don't say</h2>\n      <ul>")
		for _, a := range o.Avoid {
			b.WriteString("<li>")
			writeText(&b, a)
			b.WriteString("</li>")
		}
		b.WriteString("</ul>\n    </section>")
	}
	b.WriteString("\n  </div>")
	if len(o.AlsoHeard) > 0 {
		b.WriteString("\n  <section class=\"also-heard\" aria-labelledby=\"pb-also-title\">\n" +
			"    <h2 id=\"pb-also-title\" class=\"also-heard__title\">Also heard as</h2>\n    <ul>")
		for _, a := range o.AlsoHeard {
			b.WriteString("<li>“")
			writeText(&b, a)
			b.WriteString("”</li>")
		}
		b.WriteString("</ul>\n  </section>")
	}
	if len(v.Personas) > 0 || len(v.Plays) > 0 {
		b.WriteString("\n  <section class=\"related related--inline\">")
		for _, rel := range []struct {
			label string
			pages []*site.Page
		}{{"Raised by", v.Personas}, {"Prepared in", v.Plays}} {
			if len(rel.pages) == 0 {
				continue
			}
			b.WriteString(`<p><span class="related__label">`)
			b.WriteString(rel.label)
			b.WriteString("</span> ")
			writePageLinks(&b, rel.pages)
			b.WriteString("</p>")
		}
		b.WriteString("\n  </section>")
	}
	return r.endArticle(&b, v)
}

// playMain is the main block of layouts/play.html: a call's prep sheet.
func (r *Renderer) playMain(data any) (template.HTML, error) {
	v, ok := data.(view)
	if !ok || v.Play == nil {
		return "", fmt.Errorf("play layout: want a play page, got %T", data)
	}
	pl, pp := v.Play, v.PersonaPage
	if pp != nil && pp.Persona == nil {
		return "", fmt.Errorf("play layout: %s is not a persona", pp.URL)
	}
	var b strings.Builder
	b.Grow(4096 + len(v.HTML))
	b.WriteString("\n<article class=\"play prep-sheet\">\n  <header class=\"page-header\">\n" +
		"    <p class=\"eyebrow\"><span class=\"badge badge--play\">Play</span> <span class=\"tag\">")
	writeText(&b, titleCase(pl.Stage))
	b.WriteString("</span>")
	if pp != nil {
		b.WriteString(` <span class="tag">`)
		writeText(&b, pp.Title)
		b.WriteString("</span>")
	}
	b.WriteString("</p>\n    <h1")
	if id := v.TitleID(); id != "" {
		b.WriteString(` id="`)
		writeText(&b, id)
		b.WriteByte('"')
	}
	b.WriteByte('>')
	writeText(&b, v.Title)
	b.WriteString("</h1>")
	if v.Description != "" {
		b.WriteString(`<p class="lede">`)
		writeText(&b, v.Description)
		b.WriteString("</p>")
	}
	b.WriteString("\n    <button class=\"print-button\" type=\"button\" data-print hidden>Print prep sheet</button>\n  </header>\n" +
		"  <dl class=\"facts facts--play\">\n    <div class=\"fact fact--goal\"><dt>Call goal</dt><dd>")
	b.WriteString(string(r.inline(v, pl.Goal)))
	b.WriteString("</dd></div>")
	if pp != nil {
		b.WriteString(`<div class="fact"><dt>Who</dt><dd><a href="`)
		writeURL(&b, pp.Permalink())
		b.WriteString(`">`)
		writeText(&b, pp.Title)
		b.WriteString("</a> · ")
		writeText(&b, pp.Persona.Role)
		b.WriteString("</dd></div>")
	}
	b.WriteString("\n    <div class=\"fact\"><dt>Stage</dt><dd>")
	writeText(&b, titleCase(pl.Stage))
	b.WriteString("</dd></div>\n  </dl>")
	if err := r.include(&b, v, "lead.html"); err != nil {
		return "", err
	}
	b.WriteString("\n  <div class=\"prep-grid\">")
	if len(pl.Questions) > 0 {
		b.WriteString("\n    <section class=\"panel panel--questions\">\n      <h2 class=\"panel__title\">Questions to ask</h2>\n      <ol>")
		for _, q := range pl.Questions {
			b.WriteString("<li>")
			b.WriteString(string(r.inline(v, q)))
			b.WriteString("</li>")
		}
		b.WriteString("</ol>\n    </section>")
	}
	if pp != nil && len(pp.Persona.Value) > 0 {
		b.WriteString("\n    <section class=\"panel panel--value\">\n      <h2 class=\"panel__title\">Messages that land</h2>\n      <ul>")
		for _, m := range pp.Persona.Value {
			b.WriteString("<li>")
			b.WriteString(string(r.inline(pp, m)))
			b.WriteString("</li>")
		}
		b.WriteString("</ul>\n    </section>")
	}
	b.WriteString("\n  </div>\n  <div class=\"prose\">")
	b.WriteString(string(v.HTML))
	b.WriteString("</div>")
	if len(v.Objections) > 0 {
		b.WriteString("\n  <section class=\"related prep-objections\" aria-labelledby=\"pb-prep-obj-title\">\n" +
			"    <h2 id=\"pb-prep-obj-title\" class=\"section-title\">Objections to prepare for</h2>\n    <ul class=\"prep-list\">")
		for _, o := range v.Objections {
			if o.Objection == nil {
				return "", fmt.Errorf("play layout: %s is not an objection", o.URL)
			}
			b.WriteString("\n      <li>\n        <a href=\"")
			writeURL(&b, o.Permalink())
			b.WriteString(`" class="prep-list__title">`)
			writeText(&b, o.Title)
			b.WriteString("</a>\n        <span class=\"prep-list__says\">“")
			writeText(&b, o.Objection.Says)
			b.WriteString("”</span>")
			if len(o.ClosingTools) > 0 {
				b.WriteString(`<span class="prep-list__tools">Answer with: `)
				for i, t := range o.ClosingTools {
					if i > 0 {
						b.WriteString(", ")
					}
					writeText(&b, t.Title)
				}
				b.WriteString("</span>")
			}
			b.WriteString("\n      </li>")
		}
		b.WriteString("\n    </ul>\n  </section>")
	}
	if len(v.ClosingTools) > 0 {
		b.WriteString("\n  <section class=\"related\" aria-labelledby=\"pb-prep-tools-title\">\n" +
			"    <h2 id=\"pb-prep-tools-title\" class=\"section-title\">Closing tools to have ready</h2>\n    <ul class=\"prep-list\">")
		for _, t := range v.ClosingTools {
			if t.ClosingTool == nil {
				return "", fmt.Errorf("play layout: %s is not a closing tool", t.URL)
			}
			b.WriteString("\n      <li><a href=\"")
			writeURL(&b, t.Permalink())
			b.WriteString(`" class="prep-list__title">`)
			writeText(&b, t.Title)
			b.WriteString(`</a> <span class="prep-list__says">`)
			b.WriteString(string(r.inline(t, t.ClosingTool.When)))
			b.WriteString(`</span> <span class="prep-list__tools">Approver: `)
			b.WriteString(string(r.inline(t, t.ClosingTool.Approver)))
			b.WriteString("</span></li>")
		}
		b.WriteString("\n    </ul>\n  </section>")
	}
	b.WriteString("\n  ")
	if err := r.include(&b, v, "meta.html"); err != nil {
		return "", err
	}
	b.WriteString("\n</article>\n")
	return template.HTML(b.String()), nil
}

// closingToolMain is the main block of layouts/closing-tool.html.
func (r *Renderer) closingToolMain(data any) (template.HTML, error) {
	v, ok := data.(view)
	if !ok {
		return "", fmt.Errorf("closing-tool layout: want the page's view, got %T", data)
	}
	ct := v.ClosingTool
	var b strings.Builder
	b.Grow(4096 + len(v.HTML))
	b.WriteString("\n<article class=\"closing-tool\">\n  ")
	if err := r.include(&b, v, "page-header.html"); err != nil {
		return "", err
	}
	if ct != nil {
		b.WriteString("\n  <dl class=\"facts facts--use\">\n    <div class=\"fact fact--when\"><dt>When to use it</dt><dd>")
		b.WriteString(string(r.inline(v, ct.When)))
		b.WriteString("</dd></div>\n    <div class=\"fact fact--value\"><dt>Value to the customer</dt><dd>")
		b.WriteString(string(r.inline(v, ct.Value)))
		b.WriteString("</dd></div>\n  </dl>")
	}
	if err := r.include(&b, v, "lead.html"); err != nil {
		return "", err
	}
	if ct != nil {
		b.WriteString("\n  <dl class=\"facts facts--cost\">\n    <div class=\"fact fact--cost\"><dt>Cost to the firm</dt><dd>")
		b.WriteString(string(r.inline(v, ct.Cost)))
		b.WriteString("</dd></div>\n    <div class=\"fact fact--approver\"><dt>Who approves</dt><dd>")
		b.WriteString(string(r.inline(v, ct.Approver)))
		b.WriteString("</dd></div>\n  </dl>")
	}
	b.WriteString("\n  <div class=\"page-body\">\n    ")
	if err := r.include(&b, v, "toc.html"); err != nil {
		return "", err
	}
	b.WriteString("\n    <div class=\"prose\">")
	b.WriteString(string(v.HTML))
	b.WriteString("</div>\n  </div>")
	if len(v.Objections) > 0 {
		b.WriteString("\n  <section class=\"related\" aria-labelledby=\"pb-answers-title\">\n" +
			"    <h2 id=\"pb-answers-title\" class=\"section-title\">Answers these objections</h2>\n    <ul class=\"cards\">")
		for _, o := range v.Objections {
			if err := r.includeData(&b, v.Layout, "card.html", o); err != nil {
				return "", err
			}
		}
		b.WriteString("</ul>\n  </section>")
	}
	if len(v.Plays) > 0 {
		b.WriteString("\n  <section class=\"related related--inline\"><p><span class=\"related__label\">Used in</span> ")
		writePageLinks(&b, v.Plays)
		b.WriteString("</p></section>")
	}
	return r.endArticle(&b, v)
}

// writePageLinks writes links to pages by title, separated by commas, as
// the layouts' "Used in" and related lines do.
func writePageLinks(b *strings.Builder, pages []*site.Page) {
	for i, p := range pages {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`<a href="`)
		writeURL(b, p.Permalink())
		b.WriteString(`">`)
		writeText(b, p.Title)
		b.WriteString("</a>")
	}
}

// endArticle writes the feedback links and the ownership block that close
// a call page's article, and returns the article.
func (r *Renderer) endArticle(b *strings.Builder, v view) (template.HTML, error) {
	if err := r.include(b, v, "feedback.html"); err != nil {
		return "", err
	}
	b.WriteString("\n  ")
	if err := r.include(b, v, "meta.html"); err != nil {
		return "", err
	}
	b.WriteString("\n</article>\n")
	return template.HTML(b.String()), nil
}
