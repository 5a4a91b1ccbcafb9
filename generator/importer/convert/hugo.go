package convert

import (
	"regexp"
	"strings"
)

// shortcodeRE is one Hugo shortcode, {{< name params >}} or
// {{% name params %}}: 1 is "/" on a closer, 2 the name, 3 the params.
var shortcodeRE = regexp.MustCompile("\\{\\{[<%]-?\\s*(/?)\\s*([\\w][\\w./-]*)((?:\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`|[^\"`])*?)\\s*-?[>%]\\}\\}")

// shortcode is a shortcode alone on its line.
type shortcode struct {
	closer bool
	name   string
	pos    []string
	named  map[string]string
	text   string
}

func parseShortcode(s string) (shortcode, bool) {
	t := strings.TrimSpace(s)
	m := shortcodeRE.FindStringSubmatchIndex(t)
	if m == nil || m[0] != 0 || m[1] != len(t) {
		return shortcode{}, false
	}
	sc := shortcode{closer: t[m[2]:m[3]] == "/", name: strings.ToLower(t[m[4]:m[5]]), text: t}
	sc.pos, sc.named = params(t[m[6]:m[7]])
	return sc, true
}

// hugoAlerts are the callout shortcodes of common themes: hint
// (hugo-book), notice (relearn), alert (docsy), callout (hextra,
// lotus-docs), admonition, pageinfo (docsy).
var hugoAlerts = map[string]bool{"hint": true, "notice": true, "alert": true, "callout": true, "admonition": true, "pageinfo": true}

func first(m map[string]string, keys ...string) string {
	for _, k := range keys {
		if v := m[k]; v != "" {
			return v
		}
	}
	return ""
}

func hugoAlert(c *converter, in []line, i int) ([]line, int, bool) {
	sc, ok := parseShortcode(in[i].s)
	if !ok || sc.closer || !hugoAlerts[sc.name] {
		return nil, 0, false
	}
	isOpen := func(s string) bool { o, ok := parseShortcode(s); return ok && !o.closer && o.name == sc.name }
	isClose := func(s string) bool { o, ok := parseShortcode(s); return ok && o.closer && o.name == sc.name }
	j := scan(in, i+1, nested(isOpen, isClose))
	typ := first(sc.named, "type", "style", "color", "context", "theme", "kind", "class")
	title := first(sc.named, "title")
	if typ == "" && len(sc.pos) > 0 {
		typ = sc.pos[0]
	}
	if title == "" && len(sc.pos) > 1 {
		title = sc.pos[1]
	}
	if sc.name == "pageinfo" && typ == "" {
		typ = "info"
	}
	return c.admonition(in, i, j, typ, title, sc.text, "{{< /"+sc.name+" >}}")
}

// admonition converts the block from in[i] (the opener) to in[j] (its
// closer, or -1 when it has none) into an alert.
func (c *converter) admonition(in []line, i, j int, typ, title, opener, closer string) ([]line, int, bool) {
	next := j + 1
	if j < 0 {
		j, next = len(in), len(in)
		c.note(in[i].n, true, "%s is never closed by %s: converted it to the end of the page", opener, closer)
	}
	ind := lead(in[i].s)
	kind, label, known := c.alertKind(typ)
	if title == "" {
		title = label
	}
	if known {
		c.note(in[i].n, true, "%s became a [!%s] alert", opener, kind)
	} else {
		c.note(in[i].n, true, "%s has an unknown type %q: it became a [!%s] alert titled %q", opener, typ, kind, title)
	}
	body := c.block(dedentAll(in[i+1:j], indentOf(in[i].s)))
	return c.alert(in[i].n, ind, kind, title, body), next, true
}

// hugoHighlight turns {{< highlight go >}} into a fenced code block.
func hugoHighlight(c *converter, in []line, i int) ([]line, int, bool) {
	sc, ok := parseShortcode(in[i].s)
	if !ok || sc.closer || sc.name != "highlight" {
		return nil, 0, false
	}
	j := scan(in, i+1, func(s string) bool { o, ok := parseShortcode(s); return ok && o.closer && o.name == "highlight" })
	lang := ""
	if len(sc.pos) > 0 {
		lang = sc.pos[0]
	}
	return c.fence(in, i, j, lang, sc.text)
}

// fence writes the lines between in[i] and in[j] (or the end, when j < 0)
// verbatim in a fenced code block.
func (c *converter) fence(in []line, i, j int, lang, opener string) ([]line, int, bool) {
	next := j + 1
	if j < 0 {
		j, next = len(in), len(in)
		c.note(in[i].n, true, "%s is never closed: took the rest of the page as code", opener)
	}
	body := in[i+1 : j]
	ticks := "```"
	for _, l := range body {
		for strings.Contains(l.s, ticks) {
			ticks += "`"
		}
	}
	ind := lead(in[i].s)
	c.note(in[i].n, true, "%s became a fenced code block", opener)
	out := []line{c.gen(in[i].n, ind+ticks+lang)}
	out = append(out, body...)
	return append(out, c.gen(in[i].n, ind+ticks)), next, true
}

// hugoLine converts a shortcode alone on its line.
func hugoLine(c *converter, in []line, i int) ([]line, int, bool) {
	sc, ok := parseShortcode(in[i].s)
	if !ok {
		return nil, 0, false
	}
	n, ind := in[i].n, lead(in[i].s)
	switch {
	case sc.name == "ref" || sc.name == "relref" || sc.name == "figure":
		return nil, 0, false // the inline conversion does these
	case sc.name == "tabs":
		c.note(n, true, "removed %s: each tab became a bold label", sc.text)
		return nil, i + 1, true
	case sc.name == "tab" && sc.closer:
		return []line{c.gen(n, "")}, i + 1, true
	case sc.name == "tab":
		name := first(sc.named, "title", "name", "label", "header")
		if name == "" && len(sc.pos) > 0 {
			name = sc.pos[0]
		}
		c.note(n, true, "%s became a bold label", sc.text)
		return c.label(n, ind, name), i + 1, true
	case (sc.name == "details" || sc.name == "expand") && sc.closer:
		return []line{c.gen(n, ""), c.gen(n, ind+"</details>"), c.gen(n, "")}, i + 1, true
	case sc.name == "details" || sc.name == "expand":
		title := first(sc.named, "title", "summary")
		if title == "" && len(sc.pos) > 0 {
			title = sc.pos[0]
		}
		if title == "" {
			title = "Details"
		}
		open := ""
		if v := sc.named["open"]; v == "true" || (len(sc.pos) > 1 && sc.pos[1] == "open") {
			open = " open"
		}
		c.note(n, true, "%s became <details>", sc.text)
		return []line{c.gen(n, ind+"<details"+open+">"), c.gen(n, ind+"<summary>"+htmlEscape(title)+"</summary>"), c.gen(n, "")}, i + 1, true
	case sc.closer:
		c.note(n, true, "removed the closing %s (its opening shortcode is warned about)", sc.text)
		return nil, i + 1, true
	}
	return c.warning(n, ind, sc.text, ""), i + 1, true
}

// hugoInline converts ref and relref links and figures, and leaves a
// visible warning for any other shortcode.
func (c *converter) hugoInline(s string, n int) string {
	ms := shortcodeRE.FindAllStringSubmatchIndex(s, -1)
	if ms == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range ms {
		b.WriteString(s[last:m[0]])
		text := s[m[0]:m[1]]
		name := strings.ToLower(s[m[4]:m[5]])
		pos, named := params(s[m[6]:m[7]])
		closer := s[m[2]:m[3]] == "/"
		switch {
		case !closer && (name == "ref" || name == "relref"):
			target := first(named, "path")
			if target == "" && len(pos) > 0 {
				target = pos[0]
			}
			t := c.link(target)
			c.note(n, true, "%s became the link %s", text, t)
			b.WriteString(destination(s[:m[0]], s[m[1]:], t))
		case !closer && name == "figure":
			b.WriteString(c.figure(n, text, named, strings.TrimSpace(s[:m[0]]) == "" && strings.TrimSpace(s[m[1]:]) == ""))
		default:
			b.WriteString(c.inlineWarning(n, text))
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

// figure writes {{< figure >}} as an image, its caption below it when the
// figure is alone on its line.
func (c *converter) figure(n int, text string, named map[string]string, alone bool) string {
	src := named["src"]
	if src == "" {
		return c.inlineWarning(n, text)
	}
	alt := first(named, "alt", "title", "caption")
	img := "![" + strings.NewReplacer("[", `\[`, "]", `\]`).Replace(alt) + "](" + src
	if t := named["title"]; t != "" {
		img += ` "` + strings.ReplaceAll(t, `"`, `\"`) + `"`
	}
	img += ")"
	if l := named["link"]; l != "" {
		img = "[" + img + "](" + l + ")"
	}
	c.note(n, true, "%s became an image", text)
	if cap := named["caption"]; cap != "" && cap != alt {
		if alone {
			return img + "\n\n*" + cap + "*"
		}
		return img + " *" + cap + "*"
	}
	return img
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
