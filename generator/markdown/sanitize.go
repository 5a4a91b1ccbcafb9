package markdown

import (
	"errors"
	"html"
	"io"
	"strings"

	nethtml "golang.org/x/net/html"
)

// RawHTML says what happens to HTML written in markdown.
type RawHTML string

const (
	// RawHTMLEscape shows raw HTML as text ("Hi <first name>" stays
	// visible); comments stay hidden and <br> still breaks a line.
	RawHTMLEscape RawHTML = "escape"
	// RawHTMLSafe keeps the tags and attributes of an allowlist, as GitHub
	// does, and shows everything else as text. It is the default.
	RawHTMLSafe RawHTML = "safe"
	// RawHTMLUnsafe passes raw HTML through as written.
	RawHTMLUnsafe RawHTML = "unsafe"
)

// RawHTMLModes lists the modes, default first.
func RawHTMLModes() []string {
	return []string{string(RawHTMLSafe), string(RawHTMLEscape), string(RawHTMLUnsafe)}
}

// fragmentKey names the node attribute that holds the parsed form of a raw
// HTML node (*fragment). goldmark lets nodes carry any value as an
// attribute; raw HTML nodes have no other attributes and are rendered only
// by this package's renderer.
const fragmentKey = "playbook-raw-html"

// fragment is one raw HTML node (an inline tag or an HTML block) as it
// renders: literal HTML and tags whose URLs links may rewrite.
type fragment struct {
	parts []part
	// kept is true when a tag is rendered as a tag; a block of nothing
	// but text is shown as a paragraph, as escape mode does.
	kept bool
}

// part is literal output, or a tag serialised when rendered.
type part struct {
	lit string
	tag *htmlTag
	// text is what a reader sees of this part (for heading IDs and
	// search): the tag's text when it is shown escaped, else "".
	text string
}

type htmlTag struct {
	name      string
	attrs     []htmlAttr
	end       bool   // a closing tag
	raw       string // as written, for unsafe mode while no URL is rewritten
	rewritten bool
	unsafe    bool
}

type htmlAttr struct {
	key, val string
	urls     []*htmlURL // the URLs in a src, href, poster or srcset value
}

// htmlURL is one URL of an attribute value; a srcset candidate keeps its
// descriptor ("2x", "480w").
type htmlURL struct {
	dest, descriptor string
}

func (t *htmlTag) String() string {
	if t.unsafe && !t.rewritten {
		return t.raw
	}
	if t.end {
		return "</" + t.name + ">"
	}
	var b strings.Builder
	b.WriteString("<" + t.name)
	for _, a := range t.attrs {
		val := a.val
		if a.urls != nil {
			cands := make([]string, len(a.urls))
			for i, u := range a.urls {
				cands[i] = strings.TrimSpace(u.dest + " " + u.descriptor)
			}
			val = strings.Join(cands, ", ")
		}
		b.WriteString(" " + a.key + `="` + html.EscapeString(val) + `"`)
	}
	b.WriteString(">")
	return b.String()
}

func (f *fragment) String() string {
	var b strings.Builder
	for _, p := range f.parts {
		if p.tag != nil {
			b.WriteString(p.tag.String())
		} else {
			b.WriteString(p.lit)
		}
	}
	return b.String()
}

// text is what a reader sees of the fragment.
func (f *fragment) text() string {
	var b strings.Builder
	for _, p := range f.parts {
		b.WriteString(p.text)
	}
	return b.String()
}

// segText is the text of a node made of source segments (an HTML block's
// lines, a tag that spans lines), with the way back to source offsets.
type segText struct {
	text  string
	spans []segSpan
}

type segSpan struct{ at, src, pad int }

// offset maps a byte of text to its offset in the source.
func (s segText) offset(i int) int {
	k := 0
	for k+1 < len(s.spans) && s.spans[k+1].at <= i {
		k++
	}
	if len(s.spans) == 0 {
		return 0
	}
	sp := s.spans[k]
	if d := i - sp.at; d >= sp.pad {
		return sp.src + d - sp.pad
	}
	return sp.src
}

// htmlLink is a URL found in raw HTML, at a byte of the node's text.
type htmlLink struct {
	url   *htmlURL
	tag   *htmlTag
	at    int
	image bool
}

// sanitizer turns a document's raw HTML nodes into fragments, in document
// order, keeping track of the elements left open so that a stray closing
// tag cannot close the theme's own elements.
type sanitizer struct {
	mode RawHTML
	open []string // elements opened by raw HTML and not closed yet
	ids  []string // id and <a name> values, link targets
}

// parse turns one node's raw HTML into a fragment and the URLs in it.
func (z *sanitizer) parse(s string) (*fragment, []htmlLink) {
	f := &fragment{}
	var links []htmlLink
	tok := nethtml.NewTokenizer(strings.NewReader(s))
	at := 0
	rawText := false // inside a script, style or other raw text element shown as text
	for {
		tt := tok.Next()
		if tt == nethtml.ErrorToken {
			if !errors.Is(tok.Err(), io.EOF) || at < len(s) {
				// What the tokenizer could not read (a tag cut short)
				// is text.
				f.escaped(s[at:])
			}
			break
		}
		raw := string(tok.Raw())
		start := at
		at += len(raw)
		switch tt {
		case nethtml.TextToken:
			if z.mode == RawHTMLUnsafe {
				f.parts = append(f.parts, part{lit: raw})
			} else if rawText {
				f.escaped(raw)
			} else {
				text := string(tok.Text())
				f.parts = append(f.parts, part{lit: html.EscapeString(text), text: text})
			}
		case nethtml.CommentToken, nethtml.DoctypeToken:
			// Hidden, as writers' notes in comments are meant to be.
			if z.mode == RawHTMLUnsafe {
				f.parts = append(f.parts, part{lit: raw})
			}
		case nethtml.StartTagToken, nethtml.SelfClosingTagToken, nethtml.EndTagToken:
			name, _ := tok.TagName()
			t := &htmlTag{name: string(name), end: tt == nethtml.EndTagToken, raw: raw, unsafe: z.mode == RawHTMLUnsafe}
			if !t.end {
				for {
					k, v, more := tok.TagAttr()
					if len(k) > 0 {
						t.attrs = append(t.attrs, htmlAttr{key: string(k), val: string(v)})
					}
					if !more {
						break
					}
				}
			}
			rawText = false
			if z.mode == RawHTMLSafe && !allowedTag(t.name) {
				f.escaped(raw)
				rawText = !t.end && rawTextElement(t.name)
				continue
			}
			if !z.balance(t) {
				continue
			}
			links = append(links, z.attributes(t, raw, start)...)
			f.parts = append(f.parts, part{tag: t})
			f.kept = true
		}
	}
	if z.mode == RawHTMLUnsafe {
		f.kept = true // shown as written
	}
	return f, links
}

// escaped adds raw HTML shown as text.
func (f *fragment) escaped(raw string) {
	if raw != "" {
		f.parts = append(f.parts, part{lit: html.EscapeString(raw), text: raw})
	}
}

// balance tracks open elements in safe mode and reports whether the tag is
// kept: a closing tag that closes nothing raw HTML opened is dropped.
func (z *sanitizer) balance(t *htmlTag) bool {
	if z.mode != RawHTMLSafe || VoidElement(t.name) {
		return true
	}
	if !t.end {
		z.open = append(z.open, t.name)
		return true
	}
	for i := len(z.open) - 1; i >= 0; i-- {
		if z.open[i] == t.name {
			z.open = z.open[:i]
			return true
		}
	}
	return false
}

// closers closes what raw HTML left open, so that the page's own markup
// after the body stays as the theme wrote it. A paragraph is left to the
// browser: a stray </p> would add an empty one.
func (z *sanitizer) closers() string {
	var b strings.Builder
	for i := len(z.open) - 1; i >= 0; i-- {
		if z.open[i] != "p" {
			b.WriteString("</" + z.open[i] + ">")
		}
	}
	z.open = nil
	return b.String()
}

// attributes filters t's attributes (safe mode), finds the URLs in them
// and notes link targets. raw is the tag as written, at byte start of the
// node's text.
func (z *sanitizer) attributes(t *htmlTag, raw string, start int) []htmlLink {
	if t.end {
		return nil
	}
	spans := attrSpans(raw)
	var links []htmlLink
	kept := t.attrs[:0]
	for _, a := range t.attrs {
		if z.mode == RawHTMLSafe && !allowedAttr(t.name, a.key) {
			continue
		}
		image := t.name != "a"
		rawVal, valAt := a.val, 0 // the value as written, and where
		if sp, ok := spans[a.key]; ok {
			rawVal, valAt = raw[sp[0]:sp[1]], sp[0]
		}
		// A URL safe mode drops is still a link, so that the writer hears
		// of a javascript: link as with one written in markdown.
		switch {
		case urlAttr(t.name, a.key):
			dest := strings.TrimSpace(a.val)
			u := &htmlURL{dest: dest}
			a.urls = []*htmlURL{u}
			lead := len(rawVal) - len(strings.TrimLeft(rawVal, " \t\n\r\f"))
			links = append(links, htmlLink{url: u, tag: t, at: start + valAt + lead, image: image})
			if z.mode == RawHTMLSafe && !safeURL(dest, t.name == "img" && a.key == "src") {
				continue
			}
		case a.key == "srcset":
			// Split the value as the browser reads it (character
			// references resolved: "a.png&#32;2x" is a URL and a
			// descriptor), then find each URL where it is written.
			cands := parseSrcset(a.val)
			from := 0
			for i, c := range cands {
				cands[i].at = from
				for _, written := range []string{c.url.dest, strings.ReplaceAll(c.url.dest, "&", "&amp;")} {
					if k := strings.Index(rawVal[from:], written); k >= 0 {
						cands[i].at = from + k
						from += k + len(written)
						break
					}
				}
				c = cands[i]
				a.urls = append(a.urls, c.url)
				links = append(links, htmlLink{url: c.url, tag: t, at: start + valAt + c.at, image: true})
			}
			if z.mode == RawHTMLSafe && !allSafe(cands) {
				continue
			}
		case a.key == "id" || a.key == "name" && t.name == "a":
			if id := strings.TrimSpace(a.val); id != "" {
				z.ids = append(z.ids, id)
			}
		}
		kept = append(kept, a)
	}
	t.attrs = kept
	if z.mode == RawHTMLSafe && (t.name == "video" || t.name == "audio") && !hasAttr(t, "controls") {
		// Autoplay is not allowed, so without controls it could not play.
		t.attrs = append(t.attrs, htmlAttr{key: "controls"})
	}
	return links
}

func hasAttr(t *htmlTag, key string) bool {
	for _, a := range t.attrs {
		if a.key == key {
			return true
		}
	}
	return false
}

// attrSpans finds where each attribute's value is written in a start tag,
// by name (lower case; the first of duplicates, as the tokenizer keeps),
// following the HTML tokenizer's attribute states. It only locates values:
// their meaning comes from the tokenizer.
func attrSpans(raw string) map[string][2]int {
	out := map[string][2]int{}
	ws := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	i := 1
	for i < len(raw) && !ws(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++ // the tag name
	}
	for i < len(raw) {
		for i < len(raw) && (ws(raw[i]) || raw[i] == '/') {
			i++
		}
		if i >= len(raw) || raw[i] == '>' {
			break
		}
		nameStart := i
		i++ // a name may start with "="
		for i < len(raw) && !ws(raw[i]) && raw[i] != '/' && raw[i] != '>' && raw[i] != '=' {
			i++
		}
		name := strings.ToLower(raw[nameStart:i])
		for i < len(raw) && ws(raw[i]) {
			i++
		}
		valStart, valEnd := i, i
		if i < len(raw) && raw[i] == '=' {
			i++
			for i < len(raw) && ws(raw[i]) {
				i++
			}
			switch {
			case i < len(raw) && (raw[i] == '"' || raw[i] == '\''):
				q := raw[i]
				i++
				valStart = i
				for i < len(raw) && raw[i] != q {
					i++
				}
				valEnd = i
				i++
			default:
				valStart = i
				for i < len(raw) && !ws(raw[i]) && raw[i] != '>' {
					i++
				}
				valEnd = i
			}
		}
		if _, seen := out[name]; !seen {
			out[name] = [2]int{valStart, min(valEnd, len(raw))}
		}
	}
	return out
}

type srcsetCandidate struct {
	url *htmlURL
	at  int // byte of the URL in the value
}

// parseSrcset splits a srcset value, its character references already
// resolved, into its candidates: a URL, then an optional descriptor,
// separated by commas. at is where each URL starts in v.
func parseSrcset(v string) []srcsetCandidate {
	var out []srcsetCandidate
	ws := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	i := 0
	for i < len(v) {
		for i < len(v) && (ws(v[i]) || v[i] == ',') {
			i++
		}
		if i >= len(v) {
			break
		}
		start := i
		for i < len(v) && !ws(v[i]) {
			i++
		}
		u := v[start:i]
		desc := ""
		if trimmed := strings.TrimRight(u, ","); trimmed != u {
			u = trimmed // "a.png," has no descriptor
		} else {
			d := i
			for i < len(v) && v[i] != ',' {
				i++
			}
			desc = strings.Join(strings.Fields(v[d:i]), " ")
		}
		out = append(out, srcsetCandidate{url: &htmlURL{dest: u, descriptor: desc}, at: start})
	}
	return out
}

func allSafe(cands []srcsetCandidate) bool {
	for _, c := range cands {
		if !safeURL(c.url.dest, false) {
			return false
		}
	}
	return len(cands) > 0
}

// safeURL reports whether a URL may appear in safe mode: relative, or
// http(s), mailto or tel; data: only for an image's src.
func safeURL(u string, dataImage bool) bool {
	// Browsers ignore tabs and line breaks inside a URL and control
	// characters around it: "java\tscript:" is a script.
	s := strings.Map(func(c rune) rune {
		if c == '\t' || c == '\n' || c == '\r' {
			return -1
		}
		return c
	}, strings.TrimFunc(u, func(c rune) bool { return c <= ' ' }))
	colon := strings.IndexByte(s, ':')
	if colon < 0 {
		return true
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 && i < colon {
		return true // a relative path with a colon later on
	}
	switch strings.ToLower(s[:colon]) {
	case "http", "https", "mailto", "tel":
		return true
	case "data":
		return dataImage && strings.HasPrefix(strings.ToLower(s), "data:image/")
	}
	return false
}

// allowedTag is the safe mode's allowlist of elements: text markup,
// tables, lists, images and media, and details/summary. Scripts, styles,
// frames, forms and anything unknown (such as a "<first name>"
// placeholder) are shown as text.
func allowedTag(name string) bool {
	switch name {
	case "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
		"dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
		"h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
		"ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span",
		"strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time",
		"tr", "u", "ul", "var", "wbr", "video", "audio", "track":
		return true
	}
	return false
}

// allowedAttr is the safe mode's allowlist of attributes per element.
// Event handlers (on*), style, target and form attributes are dropped.
func allowedAttr(tag, attr string) bool {
	switch attr {
	case "id", "class", "title", "lang", "dir", "aria-label", "aria-hidden", "aria-describedby":
		return true
	case "align":
		switch tag {
		case "p", "div", "img", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "figure":
			return true
		}
		return false
	}
	switch tag {
	case "a":
		return attr == "href" || attr == "name"
	case "img":
		switch attr {
		case "src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding":
			return true
		}
	case "source":
		switch attr {
		case "src", "srcset", "sizes", "media", "type", "width", "height":
			return true
		}
	case "video":
		switch attr {
		case "src", "poster", "controls", "muted", "loop", "playsinline", "preload", "width", "height":
			return true
		}
	case "audio":
		switch attr {
		case "src", "controls", "muted", "loop", "preload":
			return true
		}
	case "track":
		switch attr {
		case "src", "kind", "srclang", "label", "default":
			return true
		}
	case "td", "th":
		switch attr {
		case "colspan", "rowspan", "headers", "scope", "width":
			return true
		}
	case "col", "colgroup":
		return attr == "span" || attr == "width"
	case "details":
		return attr == "open"
	case "ol":
		return attr == "start" || attr == "reversed" || attr == "type"
	case "li":
		return attr == "value"
	case "time", "del", "ins":
		return attr == "datetime"
	}
	return false
}

// urlAttr reports whether an attribute holds one URL that is a link or an
// embedded file.
func urlAttr(tag, attr string) bool {
	switch attr {
	case "href":
		return tag == "a"
	case "src":
		return tag == "img" || tag == "source" || tag == "video" || tag == "audio" || tag == "track"
	case "poster":
		return tag == "video"
	}
	return false
}

// VoidElement reports whether an HTML element has no content and no end
// tag (<br>, <img>).
func VoidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr":
		return true
	}
	return false
}

// rawTextElement reports elements whose content the tokenizer reads as
// text up to their closing tag.
func rawTextElement(name string) bool {
	switch name {
	case "script", "style", "textarea", "title", "iframe", "noembed", "noframes", "noscript", "plaintext", "xmp":
		return true
	}
	return false
}
