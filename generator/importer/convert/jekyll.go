package convert

import (
	"regexp"
	"strings"
)

func jekyllRaw(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok || tg.name != "raw" {
		return nil, 0, false
	}
	j := scan(in, i+1, isTag("endraw"))
	next := j + 1
	if j < 0 {
		j, next = len(in), len(in)
		c.note(in[i].n, true, "{%% raw %%} is never closed: kept the rest of the page as written")
	}
	c.note(in[i].n, true, "unwrapped {%% raw %%}")
	return in[i+1 : j], next, true
}

func jekyllHighlight(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok || tg.name != "highlight" {
		return nil, 0, false
	}
	lang := ""
	if len(tg.pos) > 0 {
		lang = tg.pos[0]
	}
	return c.fence(in, i, scan(in, i+1, isTag("endhighlight")), lang, tg.text)
}

// jekyllComment turns {% comment %} into an HTML comment, hidden as it was.
func jekyllComment(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok || tg.name != "comment" {
		return nil, 0, false
	}
	j := scan(in, i+1, isTag("endcomment"))
	next := j + 1
	if j < 0 {
		j, next = len(in), len(in)
		c.note(in[i].n, true, "{%% comment %%} is never closed: the rest of the page is a comment")
	}
	c.note(in[i].n, true, "{%% comment %%} became an HTML comment")
	out := []line{c.gen(in[i].n, lead(in[i].s)+"<!--")}
	for _, l := range in[i+1 : j] {
		l.s = strings.ReplaceAll(l.s, "--", "- -")
		out = append(out, l)
	}
	return append(out, c.gen(in[i].n, lead(in[i].s)+"-->")), next, true
}

// calloutIncludes are the include files themes use for callouts
// ({% include note.html content="…" %}).
var calloutIncludes = map[string]string{
	"note.html": "note", "tip.html": "tip", "warning.html": "warning", "important.html": "important",
	"caution.html": "caution", "danger.html": "danger", "callout.html": "", "alert.html": "",
}

// ialRE is a kramdown block attribute list line: {: .note } or {:toc}.
var ialRE = regexp.MustCompile(`^\s*\{:\s*([^}]*)\}\s*$`)

// jtdCallouts are just-the-docs' callout classes.
var jtdCallouts = map[string]string{"note": "note", "tip": "tip", "important": "important", "warning": "warning", "caution": "caution", "danger": "danger", "highlight": "note", "new": "note"}

// jekyllCallout converts {% include note.html content="…" %} and
// just-the-docs' "{: .note }" before a paragraph or a quote.
func jekyllCallout(c *converter, in []line, i int) ([]line, int, bool) {
	n, ind := in[i].n, lead(in[i].s)
	if tg, ok := parseTag(in[i].s); ok && tg.name == "include" && len(tg.pos) > 0 {
		typ, isCallout := calloutIncludes[tg.pos[0]]
		content, has := tg.named["content"]
		if !isCallout || !has {
			return nil, 0, false
		}
		if typ == "" {
			typ = first(tg.named, "type", "style", "class")
		}
		kind, title, _ := c.alertKind(typ)
		if t := tg.named["title"]; t != "" {
			title = t
		}
		c.note(n, true, "%s became a [!%s] alert", tg.text, kind)
		body := c.block([]line{{s: content, n: n, eol: c.eol}})
		return c.alert(n, ind, kind, title, body), i + 1, true
	}
	m := ialRE.FindStringSubmatch(in[i].s)
	if m == nil || i+1 >= len(in) || isBlank(in[i+1].s) {
		return nil, 0, false
	}
	class := strings.TrimPrefix(strings.TrimSpace(m[1]), ".")
	hasTitle := strings.HasSuffix(class, "-title")
	typ, ok := jtdCallouts[strings.TrimSuffix(class, "-title")]
	if !ok {
		return nil, 0, false
	}
	// The block is the paragraph or quote that follows, up to a blank line.
	j := i + 1
	quote := strings.HasPrefix(strings.TrimSpace(in[j].s), ">")
	for j < len(in) && !isBlank(in[j].s) && (!quote || strings.HasPrefix(strings.TrimSpace(in[j].s), ">")) {
		j++
	}
	body := dedentAll(in[i+1:j], indentOf(in[i].s))
	if quote {
		for k := range body {
			s := strings.TrimPrefix(strings.TrimSpace(body[k].s), ">")
			body[k].s = strings.TrimPrefix(s, " ")
		}
	}
	kind, title, _ := c.alertKind(typ)
	if hasTitle && len(body) > 0 {
		title, body = strings.TrimSpace(body[0].s), body[1:]
	}
	c.note(n, true, "{: .%s } became a [!%s] alert", class, kind)
	return c.alert(n, ind, kind, title, c.block(body)), j, true
}

// jekyllIAL removes other kramdown attribute lists, which only style the
// block next to them, and the "* TOC" list that {:toc} turns into a table
// of contents.
func jekyllIAL(c *converter, in []line, i int) ([]line, int, bool) {
	t := strings.TrimSpace(in[i].s)
	if (t == "* TOC" || t == "1. TOC" || t == "- TOC") && i+1 < len(in) && strings.ReplaceAll(strings.TrimSpace(in[i+1].s), " ", "") == "{:toc}" {
		c.note(in[i].n, true, "removed the kramdown table of contents (%s {:toc})", t)
		return nil, i + 2, true
	}
	if m := ialRE.FindStringSubmatch(in[i].s); m != nil {
		c.note(in[i].n, true, "removed the kramdown attributes %s", t)
		return nil, i + 1, true
	}
	return nil, 0, false
}

// jekyllLine leaves a warning for a Liquid tag alone on its line that has
// no equivalent: an include, a control flow block, a custom tag.
func jekyllLine(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok || tg.name == "link" || tg.name == "post_url" {
		return nil, 0, false
	}
	hint := ""
	switch tg.name {
	case "include", "include_relative":
		hint = "it includes another file: paste its content here, or remove it."
	case "if", "unless", "case", "for", "else", "elsif", "when":
		hint = "Liquid logic does not run in Playbook: keep the part that applies."
	}
	return c.unknownTag(in, i, tg, hint)
}

var rawInline = regexp.MustCompile(`\{%-?\s*raw\s*-?%\}(.*?)\{%-?\s*endraw\s*-?%\}`)

// siteURLRE is a Liquid output that only prefixes a path with the site's
// address: {{ site.baseurl }}, {{ site.url }}.
var siteURLRE = regexp.MustCompile(`^\s*site\.(baseurl|url)\s*$`)

// filterURLRE is {{ "/path" | relative_url }} (or absolute_url).
var filterURLRE = regexp.MustCompile(`^\s*("[^"]*"|'[^']*')\s*\|\s*(relative_url|absolute_url)\s*$`)

// jekyllInline converts links and site prefixes, unwraps {% raw %}, and
// warns about any other Liquid.
func (c *converter) jekyllInline(s string, n int) string {
	if !strings.Contains(s, "{%") && !strings.Contains(s, "{{") {
		return s
	}
	// Text inside {% raw %} is kept as written, without the tags.
	var b strings.Builder
	last := 0
	for _, m := range rawInline.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(c.liquid(s[last:m[0]], n))
		b.WriteString(s[m[2]:m[3]])
		c.note(n, true, "unwrapped {%% raw %%}")
		last = m[1]
	}
	b.WriteString(c.liquid(s[last:], n))
	return b.String()
}

func (c *converter) liquid(s string, n int) string {
	s = tagRE.ReplaceAllStringFunc(s, func(m string) string {
		tg, _ := parseTag(m)
		switch {
		case tg.name == "link" && len(tg.pos) > 0:
			t := c.link(tg.pos[0])
			c.note(n, true, "%s became the link %s", m, t)
			return t
		case tg.name == "post_url" && len(tg.pos) > 0:
			t := c.link("_posts/" + tg.pos[0] + ".md")
			c.note(n, true, "%s became the link %s", m, t)
			return t
		}
		return c.inlineWarning(n, m)
	})
	return outputRE.ReplaceAllStringFunc(s, func(m string) string {
		expr := outputRE.FindStringSubmatch(m)[1]
		if siteURLRE.MatchString(expr) {
			c.note(n, true, "removed the prefix %s", m)
			return ""
		}
		if f := filterURLRE.FindStringSubmatch(expr); f != nil {
			c.note(n, true, "%s became %s", m, unquote(f[1]))
			return unquote(f[1])
		}
		return c.inlineWarning(n, m)
	})
}
