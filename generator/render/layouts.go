package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"

	"github.com/playbook-ssg/playbook/generator/site"
)

// fastLayouts maps a kind's layout to the template function that replaces
// its "main" block and the start of the SHA-256 of the theme file it was
// written from; see fastPartials.
var fastLayouts = map[string]struct{ fn, sum string }{
	"objection": {"objectionMain", "fac9896432d8aa8a"},
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

// include writes a partial into b as {{template name .}} would: its Go
// version when the set uses one, else its template.
func (r *Renderer) include(b *strings.Builder, v view, name string) error {
	if fn := r.fastFuncs[name]; fn != nil {
		h, err := fn(v)
		b.WriteString(string(h))
		return err
	}
	var buf bytes.Buffer
	if err := r.sets[v.Layout].ExecuteTemplate(&buf, name, v); err != nil {
		return err
	}
	b.Write(buf.Bytes())
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
			for i, p := range rel.pages {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(`<a href="`)
				writeURL(&b, p.Permalink())
				b.WriteString(`">`)
				writeText(&b, p.Title)
				b.WriteString("</a>")
			}
			b.WriteString("</p>")
		}
		b.WriteString("\n  </section>")
	}
	if err := r.include(&b, v, "feedback.html"); err != nil {
		return "", err
	}
	b.WriteString("\n  ")
	if err := r.include(&b, v, "meta.html"); err != nil {
		return "", err
	}
	b.WriteString("\n</article>\n")
	return template.HTML(b.String()), nil
}
