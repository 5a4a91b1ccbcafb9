package convert

import (
	"path"
	"regexp"
	"strings"
)

func gitbookHint(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok || tg.name != "hint" {
		return nil, 0, false
	}
	j := scan(in, i+1, nested(isTag("hint"), isTag("endhint")))
	return c.admonition(in, i, j, tg.named["style"], "", tg.text, "{% endhint %}")
}

var mdLinkRE = regexp.MustCompile(`^\[(.*)\]\((.*)\)$`)

// gitbookContentRef turns a content-ref card into a plain link.
func gitbookContentRef(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok || tg.name != "content-ref" {
		return nil, 0, false
	}
	url := tg.named["url"]
	j := scan(in, i+1, isTag("endcontent-ref"))
	next := j + 1
	if j < 0 {
		// Without its end tag, only the tag line is the card.
		j, next = i+1, i+1
	}
	text := path.Base(strings.TrimSuffix(strings.TrimSuffix(url, "/"), "/README.md"))
	var rest []line
	for _, l := range trimBlank(in[i+1 : j]) {
		if m := mdLinkRE.FindStringSubmatch(strings.TrimSpace(l.s)); m != nil {
			text = m[1]
			continue
		}
		rest = append(rest, l) // anything else in the card stays
	}
	target := c.link(url)
	c.note(in[i].n, true, "%s became a link to %s", tg.text, target)
	out := []line{c.gen(in[i].n, lead(in[i].s)+"["+text+"]("+linkDest(target)+")")}
	if len(rest) > 0 {
		out = append(out, c.gen(in[i].n, ""))
		out = append(out, c.block(rest)...)
	}
	return out, next, true
}

// gitbookFile turns {% file src="…" %}caption{% endfile %} into a link.
func gitbookFile(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok || tg.name != "file" || tg.named["src"] == "" {
		return nil, 0, false
	}
	src := tg.named["src"]
	text := path.Base(src)
	next := i + 1
	if j := scan(in, i+1, isTag("endfile")); j > 0 && j-i <= 5 {
		if cap := strings.TrimSpace(joinText(in[i+1 : j])); cap != "" {
			text = cap
		}
		next = j + 1
	}
	c.note(in[i].n, true, "%s became a link", tg.text)
	return []line{c.gen(in[i].n, lead(in[i].s)+"["+text+"]("+linkDest(c.link(src))+")")}, next, true
}

func joinText(in []line) string {
	var parts []string
	for _, l := range in {
		if !isBlank(l.s) {
			parts = append(parts, strings.TrimSpace(l.s))
		}
	}
	return strings.Join(parts, " ")
}

// linkDest writes a link destination, in <…> when it holds spaces.
func linkDest(t string) string {
	if strings.ContainsAny(t, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(t) + ">"
	}
	return t
}

// gitbookLine converts a GitBook tag alone on its line.
func gitbookLine(c *converter, in []line, i int) ([]line, int, bool) {
	tg, ok := parseTag(in[i].s)
	if !ok {
		return nil, 0, false
	}
	n, ind := in[i].n, lead(in[i].s)
	switch tg.name {
	case "tabs", "endtabs":
		c.note(n, true, "removed %s: each tab became a bold label", tg.text)
		return nil, i + 1, true
	case "tab":
		c.note(n, true, "%s became a bold label", tg.text)
		return c.label(n, ind, tg.named["title"]), i + 1, true
	case "endtab":
		return []line{c.gen(n, "")}, i + 1, true
	case "embed":
		url := tg.named["url"]
		if url == "" {
			break
		}
		c.note(n, true, "%s became a link", tg.text)
		out := []line{c.gen(n, ind+"["+url+"]("+linkDest(url)+")")}
		if cap := tg.named["caption"]; cap != "" {
			out = append(out, c.gen(n, ""), c.gen(n, ind+cap))
		}
		return out, i + 1, true
	case "endembed":
		return nil, i + 1, true
	case "code":
		c.note(n, true, "removed %s around a code block", tg.text)
		if t := tg.named["title"]; t != "" {
			return []line{c.gen(n, ind+"**"+escapeStrong(t)+"**"), c.gen(n, "")}, i + 1, true
		}
		return nil, i + 1, true
	case "endcode":
		return nil, i + 1, true
	}
	return c.unknownTag(in, i, tg, "")
}

// gitbookInline warns about a GitBook tag inside a line.
func (c *converter) gitbookInline(s string, n int) string {
	if !strings.Contains(s, "{%") {
		return s
	}
	return tagRE.ReplaceAllStringFunc(s, func(m string) string { return c.inlineWarning(n, m) })
}
