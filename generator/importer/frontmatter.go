package importer

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/frontmatter"
	"github.com/playbook-ssg/playbook/generator/internal/loosedate"
	"go.yaml.in/yaml/v3"
)

// page is a markdown page being imported.
type page struct {
	*file
	abs     string // the file in SRC
	doc     frontmatter.Doc
	body    []byte
	head    []byte // the front matter as written, delimiters included
	readErr string // front matter that could not be read: the page is carried over as it is

	// What the old navigation says (nav.go).
	navTitle  string
	navWeight int // 0: none
	// Set when the page is a folder's section page in the new tree.
	section string // the folder it stands for, under content/ ("" for the home page)

	id string // Docusaurus: the doc id (folder/id)

	// The mapped front matter, in the order it is written.
	out       []kv
	params    map[string]any
	dropped   []string // keys left out, for the report
	oldURLs   []string // the old site's addresses of the page
	redirects []string // the old addresses written to redirect_from (settleRedirects)
	// cfgRedirects are old addresses the old tool's configuration sent to
	// this page (GitBook's .gitbook.yaml redirects).
	cfgRedirects []string
	rewritten    bool // render wrote new front matter
	notes        []Note
}

type kv struct {
	key string
	val any // string, int64, bool, dateText, []string, []any, map[string]any
}

// dateText is a date written as it must appear: YYYY-MM-DD, or the
// original text when it cannot be read (check then reports it).
type dateText struct {
	text string
	ok   bool
}

// Keys Playbook knows, carried over as they are.
var playbookKeys = []string{"kind", "owners", "review_every", "audience", "cascade"}

// dropKeys mean something only to the old tool's theme or navigation;
// the new tree and navigation carry what they said.
var dropKeys = map[string]string{
	"layout":                 "the old theme's template",
	"id":                     "Docusaurus' document id (links were rewritten)",
	"sidebar_label":          "the old sidebar's label",
	"sidebar_position":       "mapped to weight",
	"sidebar_class_name":     "the old sidebar's style",
	"nav_order":              "mapped to weight",
	"hide":                   "MkDocs Material's hidden navigation and table of contents",
	"toc":                    "the old theme's table of contents",
	"hide_table_of_contents": "the old theme's table of contents",
	"hide_title":             "the old theme's title",
	"pagination_next":        "the old theme's previous/next links",
	"pagination_prev":        "the old theme's previous/next links",
	"pagination_label":       "the old theme's previous/next links",
	"parent":                 "just-the-docs' navigation (the folder says it now)",
	"grand_parent":           "just-the-docs' navigation (the folder says it now)",
	"has_children":           "just-the-docs' navigation (the folder says it now)",
	"has_toc":                "just-the-docs' table of contents",
	"nav_exclude":            "just-the-docs' navigation",
	"bookCollapseSection":    "hugo-book's navigation",
	"bookFlatSection":        "hugo-book's navigation",
	"bookToc":                "hugo-book's table of contents",
	"bookHidden":             "hugo-book's navigation",
}

// dateKeys are the old tools' dates; the newest becomes reviewed.
var dateKeys = []string{"date", "lastmod", "last_update", "last_modified_date", "last_modified_at", "updated", "publishDate"}

var postDate = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-`)

// parsePage reads the page's front matter and body.
func parsePage(f *file, src []byte) *page {
	p := &page{file: f}
	doc, body, err := frontmatter.Parse(src)
	if err != nil {
		p.readErr = err.Error()
		p.doc = frontmatter.Doc{Fields: map[string]frontmatter.Field{}}
		p.body = src
		return p
	}
	p.doc, p.body = doc, body
	if doc.Format != "" && bytes.HasSuffix(src, body) {
		p.head = src[:len(src)-len(body)]
	}
	p.lowerKnownKeys()
	return p
}

// knownKeys maps the lower-case form of every key the import reads to
// its spelling.
var knownKeys = func() map[string]string {
	m := map[string]string{}
	for _, k := range []string{"title", "description", "summary", "tags", "keywords", "categories", "weight", "draft", "published", "redirect_from", "aliases", "slug", "permalink", "url", "params"} {
		m[k] = k
	}
	for _, list := range [][]string{playbookKeys, dateKeys} {
		for _, k := range list {
			m[strings.ToLower(k)] = k
		}
	}
	for k := range dropKeys {
		m[strings.ToLower(k)] = k
	}
	return m
}()

// lowerKnownKeys respells a key the import knows but written in another
// case (Description:, Tags:), which Playbook reports as an error, unless
// the page also has it spelt right.
func (p *page) lowerKnownKeys() {
	for _, k := range p.doc.Keys() {
		known, ok := knownKeys[strings.ToLower(k)]
		if !ok || known == k {
			continue
		}
		if _, both := p.doc.Fields[known]; both {
			continue
		}
		f := p.doc.Fields[k]
		p.doc.Fields[known] = f
		delete(p.doc.Fields, k)
		p.notes = append(p.notes, Note{File: p.Old, Line: f.Line, Kind: "key respelt", Message: k + " → " + known, Converted: true})
	}
}

// fmString returns a front matter text field.
func (p *page) fmString(key string) string {
	if f, ok := p.doc.Fields[key]; ok {
		if s, ok := f.Value.(string); ok {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// mapFields turns the old front matter into Playbook's (see
// docs/import.md for the table).
func (p *page) mapFields(l *layout, src []byte) {
	fields := p.doc.Fields
	used := map[string]bool{}
	p.params = map[string]any{}
	add := func(k string, v any) { p.out = append(p.out, kv{k, v}) }

	title := p.fmString("title")
	used["title"] = true
	if title == "" && p.navTitle != "" && !startsWithH1(p.body) {
		title = p.navTitle
		p.notes = append(p.notes, Note{File: p.Old, Kind: "title from navigation", Converted: true})
	}
	if title != "" {
		add("title", title)
	}

	desc := p.fmString("description")
	used["description"] = true
	if desc == "" {
		if s := p.fmString("summary"); s != "" {
			desc, used["summary"] = s, true
		}
	}
	if desc != "" {
		add("description", desc)
	}

	// weight: the old navigation file first, then the page's own order.
	weight := p.navWeight
	for _, k := range []string{"weight", "sidebar_position", "nav_order"} {
		f, ok := fields[k]
		if !ok {
			continue
		}
		used[k] = true
		if weight != 0 {
			continue
		}
		switch v := f.Value.(type) {
		case int64:
			weight = int(v)
		case float64:
			weight = int(math.Round(v))
		case string:
			if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil {
				weight = n
			}
		}
		if weight < 1 && k != "weight" {
			weight = 1 // Docusaurus and just-the-docs count from 0; Playbook's 0 means unset
		}
	}
	if weight != 0 {
		add("weight", int64(weight))
	}

	if d, ok := p.reviewed(l, src, used); ok {
		add("reviewed", d)
	}

	draft := false
	if f, ok := fields["draft"]; ok {
		used["draft"] = true
		// Hugo and Docusaurus read draft: "true" or draft: yes as a
		// draft; anything but a clear no stays unpublished, so that an
		// import never publishes what the old site kept back.
		draft = !clearlyFalse(f.Value)
		if _, isBool := f.Value.(bool); !isBool && draft {
			p.notes = append(p.notes, Note{File: p.Old, Line: f.Line, Kind: "draft", Message: fmt.Sprintf("draft: %v read as a draft", frontValue(f.Value)), Converted: true})
		}
	}
	if f, ok := fields["published"]; ok {
		used["published"] = true
		if clearlyFalse(f.Value) {
			draft = true
		}
	}
	if draft {
		add("draft", true)
	}

	var tags []string
	for _, k := range []string{"tags", "keywords", "categories"} {
		f, ok := fields[k]
		if !ok {
			continue
		}
		used[k] = true
		for _, t := range stringsOf(f.Value, k != "tags") {
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	if len(tags) > 0 {
		add("tags", tags)
	}

	for _, k := range playbookKeys {
		if f, ok := fields[k]; ok {
			used[k] = true
			add(k, frontValue(f.Value))
		}
	}

	// Old addresses: settled for every page at once (settleRedirects).
	for _, k := range []string{"redirect_from", "aliases", "slug", "permalink", "url"} {
		if _, ok := fields[k]; ok {
			used[k] = true
		}
	}
	if len(p.redirects) > 0 {
		add("redirect_from", p.redirects)
	}

	// An existing params table is kept, and every other key joins it.
	if f, ok := fields["params"]; ok {
		used["params"] = true
		if m, ok := f.Value.(map[string]any); ok {
			for k, v := range m {
				p.params[k] = v
			}
		} else {
			p.params["params"] = frontValue(f.Value)
		}
	}
	for _, k := range p.doc.Keys() {
		if used[k] {
			continue
		}
		f := fields[k]
		if why, ok := dropKeys[k]; ok {
			p.dropped = append(p.dropped, k)
			p.notes = append(p.notes, Note{File: p.Old, Line: f.Line, Kind: "dropped " + k, Message: why, Converted: true})
			continue
		}
		if slices.Contains(dateKeys, k) {
			continue // read by reviewed
		}
		p.params[k] = frontValue(f.Value)
		p.notes = append(p.notes, Note{File: p.Old, Line: f.Line, Kind: "moved to params", Message: k, Converted: true})
	}
	if len(p.params) > 0 {
		add("params", p.params)
	}
}

// reviewed picks the newest of the page's dates. A date that cannot be
// read one way only is written as it was, so that check asks its owner.
func (p *page) reviewed(l *layout, src []byte, used map[string]bool) (dateText, bool) {
	var best string
	var bad []string
	consider := func(v any) {
		switch v := v.(type) {
		case time.Time:
			if s := v.Format("2006-01-02"); s > best {
				best = s
			}
		case string:
			v = strings.TrimSpace(v)
			if v == "" {
				return
			}
			if len(v) >= 10 {
				if t, err := time.Parse("2006-01-02", v[:10]); err == nil {
					if s := t.Format("2006-01-02"); s > best {
						best = s
					}
					return
				}
			}
			if iso, _ := loosedate.ISO(v); iso != "" {
				if iso > best {
					best = iso
				}
				return
			}
			bad = append(bad, v)
		case map[string]any: // Docusaurus' last_update: {date, author}
			if d, ok := v["date"]; ok {
				if t, ok := d.(time.Time); ok {
					if s := t.Format("2006-01-02"); s > best {
						best = s
					}
				} else if s, ok := d.(string); ok {
					if iso, _ := loosedate.ISO(s); iso != "" && iso > best {
						best = iso
					} else if t, err := time.Parse("2006-01-02", strings.TrimSpace(s)); err == nil {
						if t.Format("2006-01-02") > best {
							best = t.Format("2006-01-02")
						}
					} else if iso == "" {
						bad = append(bad, s)
					}
				}
			}
			rest := map[string]any{}
			for k, e := range v {
				if k != "date" {
					rest[k] = e
				}
			}
			if len(rest) > 0 {
				p.params["last_update"] = rest
			}
		}
	}
	if f, ok := p.doc.Fields["reviewed"]; ok {
		used["reviewed"] = true
		consider(f.Value)
	}
	for _, k := range dateKeys {
		if f, ok := p.doc.Fields[k]; ok {
			used[k] = true
			consider(f.Value)
		}
	}
	// A TOML date the parser could not read (lastmod = 03/12/2026) is
	// missing from Fields: take its text from the line.
	lines := bytes.Split(src, []byte("\n"))
	for _, pr := range p.doc.Problems {
		if !pr.BadDate || pr.Line < 1 || pr.Line > len(lines) {
			continue
		}
		k, v, ok := strings.Cut(string(lines[pr.Line-1]), "=")
		k = strings.TrimSpace(k)
		if !ok || !(slices.Contains(dateKeys, k) || k == "reviewed") {
			continue
		}
		used[k] = true
		consider(strings.Trim(strings.TrimSpace(v), `"'`))
	}
	if l.kind == Jekyll {
		if m := postDate.FindStringSubmatch(path.Base(p.Old)); m != nil && strings.Contains(p.Old, "_posts/") {
			consider(m[1])
		}
	}
	if len(bad) > 0 {
		p.notes = append(p.notes, Note{File: p.Old, Kind: "unreadable date", Message: fmt.Sprintf("%q cannot be read one way only: written to reviewed as it was, for its owner to fix", bad[0])})
		return dateText{text: bad[0]}, true
	}
	if best == "" {
		return dateText{}, false
	}
	return dateText{text: best, ok: true}, true
}

// stringsOf reads a list of texts, or one text; split breaks a
// space-separated text into words (Jekyll's categories).
func stringsOf(v any, split bool) []string {
	var out []string
	switch v := v.(type) {
	case string:
		if split && !strings.Contains(v, ",") {
			return strings.Fields(v)
		}
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	case []frontmatter.Field:
		for _, f := range v {
			out = append(out, stringsOf(f.Value, false)...)
		}
	case []any:
		for _, e := range v {
			out = append(out, stringsOf(e, false)...)
		}
	case int64:
		out = append(out, strconv.FormatInt(v, 10))
	}
	return out
}

// frontValue turns a parsed value back into plain values to write:
// content.Plain's values, with dates written as dates.
func frontValue(v any) any { return writable(content.Plain(v)) }

func writable(v any) any {
	switch v := v.(type) {
	case []any:
		for i, e := range v {
			v[i] = writable(e)
		}
	case map[string]any:
		for k, e := range v {
			v[k] = writable(e)
		}
	case time.Time:
		if v.Hour() == 0 && v.Minute() == 0 && v.Second() == 0 && v.Nanosecond() == 0 {
			return dateText{text: v.Format("2006-01-02"), ok: true}
		}
		return v.UTC()
	}
	return v
}

// newURL is the address Playbook gives a page at path (under content/).
func newURL(p string) string {
	r := strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md")
	switch path.Base(r) {
	case "_index", "index", "README":
		r = path.Dir(r)
		if r == "." {
			return "/"
		}
	}
	return "/" + r + "/"
}

var h1 = regexp.MustCompile(`^ {0,3}#[ \t]+\S`)

// startsWithH1 reports whether the body's first line of content is a
// level-1 heading (which then gives the page its title).
func startsWithH1(body []byte) bool {
	for _, l := range strings.Split(string(body), "\n") {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "<!--") || strings.HasPrefix(t, "import ") {
			continue
		}
		return h1.MatchString(l)
	}
	return false
}

// render writes the page: new front matter, in the page's own format
// (YAML when it had none), then the body.
func (p *page) render(body []byte) ([]byte, error) {
	if len(p.out) == 0 {
		return body, nil
	}
	fm, err := p.frontMatter()
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if p.head != nil && p.sameFields(fm) {
		b.Write(p.head) // nothing changed: the front matter stays as written
	} else {
		// The new lines end as the file's do, so that a CRLF file stays CRLF.
		eol := lineEnding(p.head, body)
		if eol != "\n" {
			fm = bytes.ReplaceAll(fm, []byte("\n"), []byte(eol))
		}
		b.Write(fm)
		p.rewritten = true
		if len(body) > 0 && !bytes.HasPrefix(body, []byte("\n")) && !bytes.HasPrefix(body, []byte("\r\n")) {
			b.WriteString(eol)
		}
	}
	b.Write(body)
	return b.Bytes(), nil
}

// lineEnding is "\r\n" when the first line ending of the page's front
// matter, or else of its body, is one; "\n" otherwise.
func lineEnding(parts ...[]byte) string {
	for _, b := range parts {
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			if i > 0 && b[i-1] == '\r' {
				return "\r\n"
			}
			return "\n"
		}
	}
	return "\n"
}

// sameFields reports whether front matter fm says what the page's own
// said: the same keys with the same values.
func (p *page) sameFields(fm []byte) bool {
	doc, _, err := frontmatter.Parse(fm)
	if err != nil || len(doc.Fields) != len(p.doc.Fields) {
		return false
	}
	for k, f := range p.doc.Fields {
		g, ok := doc.Fields[k]
		if !ok || !reflect.DeepEqual(frontValue(f.Value), frontValue(g.Value)) {
			return false
		}
	}
	return true
}

// frontMatter writes p.out in the page's format, delimiters included.
func (p *page) frontMatter() ([]byte, error) {
	var b bytes.Buffer
	if p.doc.Format == "toml" {
		b.WriteString("+++\n")
		if err := writeTOML(&b, p.out); err != nil {
			return nil, fmt.Errorf("%s: %w", p.Old, err)
		}
		b.WriteString("+++\n")
	} else {
		b.WriteString("---\n")
		if err := writeYAML(&b, p.out); err != nil {
			return nil, fmt.Errorf("%s: %w", p.Old, err)
		}
		b.WriteString("---\n")
	}
	return b.Bytes(), nil
}

func writeYAML(b *bytes.Buffer, fields []kv) error {
	root := &yaml.Node{Kind: yaml.MappingNode}
	for _, f := range fields {
		root.Content = append(root.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: f.key}, yamlNode(f.val))
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return err
	}
	_ = enc.Close()
	b.Write(out.Bytes())
	return nil
}

func yamlNode(v any) *yaml.Node {
	switch v := v.(type) {
	case dateText:
		if v.ok {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: v.text}
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.text}
	case []string:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, s := range v {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s})
		}
		return n
	case []any:
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, e := range v {
			n.Content = append(n.Content, yamlNode(e))
		}
		return n
	case map[string]any:
		n := &yaml.Node{Kind: yaml.MappingNode}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, yamlNode(v[k]))
		}
		return n
	}
	n := &yaml.Node{}
	if err := n.Encode(v); err != nil {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: fmt.Sprint(v)}
	}
	return n
}

func writeTOML(b *bytes.Buffer, fields []kv) error {
	var tables []kv
	for _, f := range fields {
		if _, isTable := f.val.(map[string]any); isTable {
			tables = append(tables, f)
			continue
		}
		b.WriteString(f.key + " = " + tomlValue(f.val) + "\n")
	}
	for _, t := range tables {
		enc := toml.NewEncoder(b)
		if err := enc.Encode(map[string]any{t.key: tomlPlain(t.val)}); err != nil {
			return err
		}
	}
	return nil
}

// tomlValue writes one value inline.
func tomlValue(v any) string {
	switch v := v.(type) {
	case dateText:
		if v.ok {
			return v.text
		}
		return tomlString(v.text)
	case string:
		return tomlString(v)
	case bool:
		return strconv.FormatBool(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case []string:
		parts := make([]string, len(v))
		for i, s := range v {
			parts[i] = tomlString(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(map[string]any{"v": tomlPlain(v)}); err == nil {
		if _, val, ok := strings.Cut(strings.TrimSpace(b.String()), " = "); ok {
			return val
		}
	}
	return tomlString(fmt.Sprint(v))
}

// tomlPlain turns dates back into values the TOML encoder writes.
func tomlPlain(v any) any {
	switch v := v.(type) {
	case dateText:
		if t, err := time.Parse("2006-01-02", v.text); err == nil && v.ok {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, tomlLocalDate())
		}
		return v.text
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = tomlPlain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = tomlPlain(e)
		}
		return out
	}
	return v
}

func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlLocalDate is the location BurntSushi/toml gives a local date, which
// its encoder writes back as one (2026-03-12, not a timestamp).
func tomlLocalDate() *time.Location {
	var m map[string]time.Time
	if _, err := toml.Decode("d = 2000-01-01", &m); err == nil {
		return m["d"].Location()
	}
	return time.UTC
}

// settleRedirects decides each page's redirect_from: its written aliases
// and redirect_from, then the addresses the old site served it at (its
// slug, permalink, Docusaurus' /docs/ path). An address is left out when
// it is the page's own URL here, another page's URL (no redirect can be
// written there), claimed by an earlier page, or not one a redirect page
// can answer (a full address, a query): each would be an error that
// stops the build. pages are in file order, so the first claim wins.
func settleRedirects(pages []*page) []Note {
	fileOf := func(u string) string { // the file a page or redirect is written to
		if strings.HasSuffix(u, "/") {
			return strings.TrimPrefix(u, "/") + "index.html"
		}
		return strings.TrimPrefix(u, "/")
	}
	pageAt := map[string]*page{}
	for _, p := range pages {
		pageAt[fileOf(newURL(p.New))] = p
	}
	claimed := map[string]*page{}
	var notes []Note
	for _, p := range pages {
		p.redirects = nil
		if p.Old == "" {
			continue
		}
		var written []string
		for _, k := range []string{"redirect_from", "aliases"} {
			if f, ok := p.doc.Fields[k]; ok {
				written = append(written, stringsOf(f.Value, false)...)
			}
		}
		written = append(written, p.cfgRedirects...)
		for i, s := range append(written, p.oldURLs...) {
			s = strings.TrimSpace(s)
			if s != "" && !strings.HasPrefix(s, "/") && !strings.Contains(s, "://") {
				s = "/" + s
			}
			u, problem := content.AliasURL(s)
			if problem != "" {
				if i < len(written) { // an address the import worked out is not worth a note
					notes = append(notes, Note{File: p.New, Kind: "old address left out", Message: fmt.Sprintf("%q %s", s, problem)})
				}
				continue
			}
			f := fileOf(u)
			switch q := pageAt[f]; {
			case q == p:
				continue
			case q != nil:
				notes = append(notes, Note{File: p.Old, Kind: "old address left out", Converted: true, Message: fmt.Sprintf("%s is the address of %s now", u, q.New)})
				continue
			}
			if q := claimed[f]; q == p {
				continue
			} else if q != nil {
				notes = append(notes, Note{File: p.New, Kind: "old address left out", Message: fmt.Sprintf("%s leads to %s, which claimed it first", u, q.New)})
				continue
			}
			claimed[f] = p
			p.redirects = append(p.redirects, u)
		}
	}
	return notes
}

// clearlyFalse reports whether a front matter value says no: false, "false",
// "no", "off", 0 or empty. Anything else, "true" in quotes included, is yes.
func clearlyFalse(v any) bool {
	switch v := v.(type) {
	case bool:
		return !v
	case int64:
		return v == 0
	case string:
		switch strings.ToLower(strings.TrimSpace(v)) {
		case "false", "no", "off", "0", "":
			return true
		}
	case nil:
		return true
	}
	return false
}
