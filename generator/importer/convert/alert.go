package convert

import (
	"strings"
)

// kinds maps the admonition types of every source to the five GitHub
// alerts. The names of the sources do not clash, so one map serves all:
//
//	NOTE       note, info, todo, abstract, summary, tldr, question, help,
//	           faq, example, quote, cite, seealso, primary, secondary, default
//	TIP        tip, hint, success, check, done
//	IMPORTANT  important
//	WARNING    warning, warn, caution, attention
//	CAUTION    danger, error, failure, fail, missing, bug
//
// Docusaurus' and Material's "caution" is their orange, second-level
// callout, so it is a WARNING; GitHub's CAUTION is the red one, which
// those tools call "danger".
var kinds = map[string]string{
	"note": "NOTE", "info": "NOTE", "todo": "NOTE", "abstract": "NOTE", "summary": "NOTE", "tldr": "NOTE",
	"question": "NOTE", "help": "NOTE", "faq": "NOTE", "example": "NOTE", "quote": "NOTE", "cite": "NOTE",
	"seealso": "NOTE", "primary": "NOTE", "secondary": "NOTE", "default": "NOTE",
	"tip": "TIP", "hint": "TIP", "success": "TIP", "check": "TIP", "done": "TIP",
	"important": "IMPORTANT",
	"warning":   "WARNING", "warn": "WARNING", "caution": "WARNING", "attention": "WARNING",
	"danger": "CAUTION", "error": "CAUTION", "failure": "CAUTION", "fail": "CAUTION", "missing": "CAUTION", "bug": "CAUTION",
}

// labelled are Material's types whose meaning the GitHub kind does not
// carry: without a title of their own, they get their name as one ("Bug"),
// as Material shows it. Other sources' types are only colours.
var labelled = map[string]bool{
	"todo": true, "abstract": true, "summary": true, "tldr": true, "question": true, "help": true, "faq": true,
	"example": true, "quote": true, "cite": true, "success": true, "check": true, "done": true,
	"failure": true, "fail": true, "missing": true, "bug": true,
}

// alertKind returns the GitHub alert for a source's admonition type, and
// the title to show when the admonition has none (for MkDocs types in
// labelled). An unknown type is a NOTE titled with its name.
func (c *converter) alertKind(typ string) (kind, title string, known bool) {
	t := strings.ToLower(strings.TrimSpace(typ))
	k, ok := kinds[t]
	if !ok {
		if t == "" {
			return "NOTE", "", true
		}
		return "NOTE", capitalize(t), false
	}
	if labelled[t] && c.opts.From == MkDocs {
		return k, capitalize(t), true
	}
	return k, "", true
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// alert writes a GitHub alert: the marker, a bold title if there is one,
// then body, each line quoted and indented by ind (the indent of the
// construct it replaces, so that an alert in a list stays in the list).
// n is the input line the alert stands for.
func (c *converter) alert(n int, ind, kind, title string, body []line) []line {
	body = trimBlank(body)
	// The marker is a paragraph of its own: Playbook's markdown (like
	// GitHub's) must see "[!NOTE]" alone, and a line that starts with bold
	// text or a link right under it would hide it.
	out := []line{c.gen(n, ind+"> [!"+kind+"]"), c.gen(n, ind+">")}
	if title == "" && len(body) == 0 {
		title = capitalize(strings.ToLower(kind)) // GitHub needs something after the marker
	}
	if title != "" {
		out = append(out, c.gen(n, ind+"> **"+escapeStrong(title)+"**"))
		if len(body) > 0 {
			out = append(out, c.gen(n, ind+">"))
		}
	}
	for _, l := range body {
		if isBlank(l.s) {
			out = append(out, c.gen(l.n, ind+">"))
		} else {
			out = append(out, c.gen(l.n, ind+"> "+l.s))
		}
	}
	return out
}

// escapeStrong keeps a title from closing its ** early.
func escapeStrong(s string) string { return strings.ReplaceAll(s, "*", `\*`) }

// warning leaves a visible warning in place of what could not be
// converted, and notes it.
func (c *converter) warning(n int, ind, construct, hint string) []line {
	c.note(n, false, "not converted: %s", construct)
	msg := "Not converted from " + c.opts.From.name() + ": " + codeSpan(construct) + " — "
	if hint == "" {
		hint = "replace it by hand."
	}
	return []line{c.gen(n, ind+"> [!WARNING]"), c.gen(n, ind+">"), c.gen(n, ind+"> "+msg+hint)}
}

// inlineWarning is warning inside a line of text.
func (c *converter) inlineWarning(n int, construct string) string {
	c.note(n, false, "not converted: %s", construct)
	return "**Not converted from " + c.opts.From.name() + ":** " + codeSpan(construct)
}

// codeSpan quotes s as inline code, with enough backticks.
func codeSpan(s string) string {
	s = strings.TrimSpace(s)
	ticks := "`"
	for strings.Contains(s, ticks) {
		ticks += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return ticks + s + ticks
}

// label writes the bold label that stands for a tab, with blank lines
// around it so that it is a paragraph of its own.
func (c *converter) label(n int, ind, text string) []line {
	return []line{c.gen(n, ""), c.gen(n, ind+"**"+escapeStrong(strings.TrimSpace(text))+"**"), c.gen(n, "")}
}
