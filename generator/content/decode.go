package content

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/agnivade/levenshtein"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/frontmatter"
	"github.com/playbook-ssg/playbook/generator/internal/loosedate"
	"github.com/playbook-ssg/playbook/generator/internal/tomlwords"
)

// decoder pulls typed values out of front matter, recording a diagnostic
// for each problem and remembering which keys were read so that the rest
// can be reported as unknown.
type decoder struct {
	file    string
	doc     frontmatter.Doc
	used    map[string]bool
	missing []missingField // required fields not present, reported last
	kind    string
	section bool           // a folder's section page
	unknown string         // severity of unknown fields: config.Unknown*
	texts   map[string]Pos // where each text value was written
	diags   *diag.List
}

type missingField struct{ key, hint string }

// kindsWithField lists the kinds that have key among their own fields.
func kindsWithField(key string) []string {
	var kinds []string
	for _, kind := range Kinds() {
		if slices.Contains(kindKeys[kind], key) {
			kinds = append(kinds, kind)
		}
	}
	return kinds
}

func (d *decoder) field(key string) (frontmatter.Field, bool) {
	d.used[key] = true
	f, ok := d.doc.Fields[key]
	if ok && f.Value == nil {
		return f, false
	}
	return f, ok
}

// dateErrorAt reports a date field that cannot be read. Its rule is
// "date", not "front-matter": the page still builds without the date, so
// an imported handbook's old dates can wait in a baseline.
func (d *decoder) dateErrorAt(f frontmatter.Field, format string, args ...any) {
	d.errorAt(f, format, args...)
	(*d.diags)[len(*d.diags)-1].Rule = "date"
}

func (d *decoder) errorAt(f frontmatter.Field, format string, args ...any) {
	line := f.Line
	if line == 0 {
		line = d.doc.Line
	}
	d.diags.Errorf(d.file, line, f.Col, "front-matter", format, args...)
}

// required records a problem when key is absent or blank. hint says what
// the field holds, without syntax, so it reads right for TOML and YAML.
func (d *decoder) required(key, hint string) {
	f, ok := d.doc.Fields[key]
	if !ok {
		d.missing = append(d.missing, missingField{key, hint})
		return
	}
	if s, isText := f.Value.(string); f.Value == nil || isText && strings.TrimSpace(s) == "" {
		d.errorAt(f, "%s is empty: fill in %s", key, hint)
	}
}

// typeName names the type of a front matter value, in the words
// playbook.toml messages use too.
func typeName(v any) string { return tomlwords.Given(v) }

// quoteHint suggests quotes only where quoting would fix the value.
func quoteHint(v any) string {
	switch v.(type) {
	case int64, float64, bool, time.Time:
		return ": put it in quotes"
	}
	return ""
}

func (d *decoder) str(key string) string {
	f, ok := d.field(key)
	if !ok {
		return ""
	}
	s, ok := f.Value.(string)
	if !ok {
		d.errorAt(f, "%s must be text, not %s%s", key, typeName(f.Value), quoteHint(f.Value))
		return ""
	}
	s = strings.TrimSpace(s)
	d.remember(s, f)
	return s
}

func (d *decoder) remember(text string, f frontmatter.Field) {
	if _, seen := d.texts[text]; !seen {
		d.texts[text] = Pos{Line: f.Line, Col: f.Col}
	}
}

// items returns a list field's items. A single text value is read as a
// one-item list, as Hugo and Jekyll read it, so that a handbook written
// for them still builds; it is reported as a warning, since "a, b" would
// silently be one item.
func (d *decoder) items(key, what string) ([]frontmatter.Field, bool) {
	f, ok := d.field(key)
	if !ok {
		return nil, false
	}
	if s, ok := f.Value.(string); ok {
		d.notAList(f, key, s)
		return []frontmatter.Field{f}, true
	}
	items, ok := f.Value.([]frontmatter.Field)
	if !ok {
		d.errorAt(f, "%s must be a list of %s, like [\"a\", \"b\"], not %s", key, what, typeName(f.Value))
		return nil, false
	}
	return items, true
}

// notAList warns that a list field was given one text, with the list to
// write: the text as one item, or split at its commas when it reads as
// names ("pricing, discount"), not as a sentence.
func (d *decoder) notAList(f frontmatter.Field, key, text string) {
	var quoted []string
	for _, part := range strings.Split(text, ",") {
		if part = strings.TrimSpace(part); part != "" {
			quoted = append(quoted, strconv.Quote(part))
		}
		if strings.ContainsAny(part, " \t") {
			quoted = nil
			break
		}
	}
	if len(quoted) == 0 {
		quoted = []string{strconv.Quote(text)}
	}
	assign := " = "
	if d.doc.Format == "yaml" {
		assign = ": "
	}
	line := f.Line
	if line == 0 {
		line = d.doc.Line
	}
	d.diags.Warnf(d.file, line, f.Col, "front-matter", "%s must be a list, like %s%s[%s]: the text is read as a one-item list for now", key, key, assign, strings.Join(quoted, ", "))
}

// unique drops repeated page names from a relation list, reporting each
// repeated name once, where it is first repeated, with how often it is
// listed: a list of 5,000 copies would otherwise pass unnoticed.
func (d *decoder) unique(key string, refs []Ref) []Ref {
	count := map[string]int{}
	for _, r := range refs {
		count[r.Slug]++
	}
	if len(count) == len(refs) {
		return refs
	}
	out := make([]Ref, 0, len(count))
	seen := map[string]bool{}
	for _, r := range refs {
		if !seen[r.Slug] {
			seen[r.Slug] = true
			out = append(out, r)
			continue
		}
		if n := count[r.Slug]; n > 0 {
			count[r.Slug] = 0 // reported
			line := r.Line
			if line == 0 {
				line = d.doc.Line
			}
			d.diags.Warnf(d.file, line, r.Col, "front-matter", "%q is listed %s times in %s; list it once", r.Slug, thousands(n), key)
		}
	}
	return out
}

// thousands writes n with commas between groups of three digits (5,000).
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (d *decoder) strs(key string) []string {
	items, _ := d.items(key, "text")
	out := make([]string, 0, len(items))
	for i, it := range items {
		s, ok := it.Value.(string)
		if !ok {
			d.errorAt(it, "%s: item %d must be text, not %s%s", key, i+1, typeName(it.Value), quoteHint(it.Value))
			continue
		}
		if s = strings.TrimSpace(s); s != "" {
			d.remember(s, it)
			out = append(out, s)
		}
	}
	return out
}

func (d *decoder) refs(key string) []Ref {
	items, _ := d.items(key, "page names")
	out := make([]Ref, 0, len(items))
	for i, it := range items {
		if r, ok := d.toRef(key, i, it); ok {
			out = append(out, r)
		}
	}
	return d.unique(key, out)
}

func (d *decoder) toRef(key string, i int, it frontmatter.Field) (Ref, bool) {
	s, ok := it.Value.(string)
	if !ok {
		d.errorAt(it, "%s: item %d must be a page name in quotes, not %s", key, i+1, typeName(it.Value))
		return Ref{}, false
	}
	s = strings.TrimSpace(s)
	if s == "" {
		d.errorAt(it, "%s: item %d is empty: write the file name of the page, without .md", key, i+1)
		return Ref{}, false
	}
	return Ref{Slug: strings.TrimSuffix(s, ".md"), Line: it.Line, Col: it.Col}, true
}

func (d *decoder) ref(key string) Ref {
	f, ok := d.field(key)
	if !ok {
		return Ref{}
	}
	v, isText := f.Value.(string)
	if !isText {
		d.errorAt(f, "%s must be one page name in quotes, not %s", key, typeName(f.Value))
		return Ref{}
	}
	if strings.TrimSpace(v) == "" {
		return Ref{} // reported by required
	}
	r, _ := d.toRef(key, 0, f)
	return r
}

func (d *decoder) integer(key string) int {
	f, ok := d.field(key)
	if !ok {
		return 0
	}
	i, ok := f.Value.(int64)
	if !ok {
		d.errorAt(f, "%s must be a whole number, not %s", key, typeName(f.Value))
		return 0
	}
	return int(i)
}

func (d *decoder) boolean(key string) bool {
	f, ok := d.field(key)
	if !ok {
		return false
	}
	b, ok := f.Value.(bool)
	if !ok {
		d.errorAt(f, "%s must be true or false, not %s", key, typeName(f.Value))
		return false
	}
	return b
}

func (d *decoder) date(key string) time.Time {
	f, ok := d.field(key)
	if !ok {
		return time.Time{}
	}
	switch v := f.Value.(type) {
	case time.Time:
		if v.Hour() != 0 || v.Minute() != 0 || v.Second() != 0 {
			d.dateErrorAt(f, "%s must be a date without a time, written YYYY-MM-DD", key)
		}
		return time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		t, err := time.Parse("2006-01-02", strings.TrimSpace(v))
		if err != nil {
			switch iso, why := loosedate.ISO(v); {
			case iso != "" && f.Line > 0: // sure: playbook check --fix rewrites it
				d.dateErrorAt(f, "%s: %q is not a date: write it as YYYY-MM-DD, here %s (playbook check --fix does it)", key, v, iso)
				(*d.diags)[len(*d.diags)-1].Fix = &diag.Fix{File: d.file, Line: f.Line, Col: f.Col, Old: v, New: iso}
			case why != "":
				d.dateErrorAt(f, "%s: %q is not a date: write it as YYYY-MM-DD, like 2026-03-31 (%s)", key, v, why)
			default:
				d.dateErrorAt(f, "%s: %q is not a date: %s", key, v, frontmatter.DateHint(v))
			}
			return time.Time{}
		}
		return t
	default:
		d.dateErrorAt(f, "%s must be a date written YYYY-MM-DD, not %s", key, typeName(f.Value))
		return time.Time{}
	}
}

func (d *decoder) oneOf(key, value string, allowed []string) {
	d.oneOfAt(d.doc.Fields[key], key, value, allowed)
}

func (d *decoder) oneOfAt(f frontmatter.Field, key, value string, allowed []string) {
	if value == "" || slices.Contains(allowed, value) {
		return
	}
	d.errorAt(f, "%s %q is not one of: %s%s", key, value, strings.Join(allowed, ", "), diag.DidYouMean(value, allowed))
}

// finish reports unknown keys, then missing required fields, except those
// an unknown key was evidently meant to be: a typo gives one message
// ("unknown field sayz (did you mean says?)"), not two. A typo and a field
// of another kind are errors; any other unknown key is kept in params and
// reported as the config says.
func (d *decoder) finish(known []string, params map[string]any) {
	var keys []string
	for k := range d.doc.Fields {
		if !d.used[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	meant := map[string]bool{}
	for _, k := range keys {
		f := d.doc.Fields[k]
		// A near miss of this page's own field is a typo ("personas" on a
		// play meant "persona"); a field of another kind is more likely a
		// kind mix-up ("says" on a plain page) than a typo.
		s := diag.Suggest(k, known)
		kinds := kindsWithField(k)
		_, foreign := foreignHints[k]
		if s != "" && !foreign && typo(k, s) && (len(kinds) == 0 || levenshtein.ComputeDistance(k, s) <= 1) {
			meant[s] = true
			d.errorAt(f, "unknown field %q%s", k, diag.DidYouMean(k, known))
			continue
		}
		if len(kinds) > 0 {
			advice := fmt.Sprintf("set kind = %q, or remove the field", kinds[0])
			if d.section {
				advice = "a folder's section page takes only the common fields, so remove it"
			}
			d.errorAt(f, "field %q belongs to %s pages, but this page's kind is %q: %s", k, strings.Join(kinds, " and "), d.kind, advice)
			continue
		}
		if _, set := params[k]; !set {
			params[k] = Plain(f.Value)
		}
		d.unknownField(f, k)
	}
	for _, m := range d.missing {
		if !meant[m.key] {
			d.diags.Errorf(d.file, d.doc.Line, 1, "front-matter", "missing required field %q: %s", m.key, m.hint)
		}
	}
}

// typo reports whether an unknown key is close enough to a known one to be
// a misspelling rather than another tool's field ("image" is not "stage"):
// one edit, two letters swapped, or two edits in a long word.
func typo(key, known string) bool {
	dist := levenshtein.ComputeDistance(key, known)
	if dist <= 1 || dist == 2 && len(key) >= 7 {
		return true
	}
	a, b := []rune(key), []rune(known)
	if len(a) != len(b) {
		return false
	}
	var diff []int
	for i := range a {
		if a[i] != b[i] {
			diff = append(diff, i)
		}
	}
	return len(diff) == 2 && diff[1] == diff[0]+1 && a[diff[0]] == b[diff[1]] && a[diff[1]] == b[diff[0]]
}

// foreignHints names fields other site generators use, with what Playbook
// does instead where it has an equivalent.
var foreignHints = map[string]string{
	"date":             `Playbook's review date is "reviewed"`,
	"lastmod":          `Playbook's review date is "reviewed"`,
	"last_update":      `Playbook's review date is "reviewed"`,
	"sidebar_position": `Playbook orders pages by "weight"`,
	"nav_order":        `Playbook orders pages by "weight"`,
	"order":            `Playbook orders pages by "weight"`,
	"slug":             "a page's address comes from its file name",
	"permalink":        "a page's address comes from its file name",
	"url":              "a page's address comes from its file name",
	"id":               "",
	"sidebar_label":    "",
	"hide_sidebar":     "",
	"layout":           "",
	"toc":              "",
	"hide":             "",
	"template":         "",
	"icon":             "",
	"author":           `Playbook's owners are "owners"`,
	"authors":          `Playbook's owners are "owners"`,
	"summary":          `Playbook's summary is "description"`,
	"keywords":         `Playbook's keywords are "tags"`,
	"categories":       `Playbook's keywords are "tags"`,
	"image":            "",
	"type":             "",
}

// unknownField reports a key kept in params, at the configured severity.
func (d *decoder) unknownField(f frontmatter.Field, key string) {
	if d.unknown == config.UnknownIgnore {
		return
	}
	what := fmt.Sprintf("unknown field %q", key)
	if hint := foreignHints[key]; hint != "" {
		what += " (" + hint + ")"
	}
	d.report(f, what+`: kept as a parameter for layouts (.Params.`+key+`); move it under params, or set [content] unknown_fields = "ignore" in playbook.toml`)
}

// report records a foreign field at the severity [content] unknown_fields sets.
func (d *decoder) report(f frontmatter.Field, msg string) {
	if d.unknown == config.UnknownIgnore {
		return
	}
	line := f.Line
	if line == 0 {
		line = d.doc.Line
	}
	if d.unknown == config.UnknownError {
		d.diags.Errorf(d.file, line, f.Col, "unknown-field", "%s", msg)
		return
	}
	d.diags.Warnf(d.file, line, f.Col, "unknown-field", "%s", msg)
}

// params reads the params table, which layouts see with the unknown keys.
func (d *decoder) params() map[string]any {
	out := map[string]any{}
	f, ok := d.field("params")
	if !ok {
		return out
	}
	m, ok := f.Value.(map[string]any)
	if !ok {
		d.errorAt(f, "params must be a table of your own fields (params.team = \"x\" in TOML, an indented mapping in YAML), not %s", typeName(f.Value))
		return out
	}
	for k, v := range m {
		out[k] = Plain(v)
	}
	return out
}

// Plain turns a front matter value into plain Go values for templates:
// string, int64, float64, bool, time.Time, []any and map[string]any.
func Plain(v any) any {
	switch v := v.(type) {
	case []frontmatter.Field:
		out := make([]any, len(v))
		for i, f := range v {
			out[i] = Plain(f.Value)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = Plain(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = Plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = Plain(e)
		}
		return out
	}
	return v
}

var commonKeys = []string{"title", "description", "kind", "owners", "reviewed", "review_every", "tags", "weight", "draft", "audience", "params", "cascade", "aliases", "redirect_from", "glossary_links"}

// cascade sets what a section page passes down: its own owners and
// review_every, the values of its cascade table, and internal when it is
// itself marked internal (see Set.Cascade).
func (d *decoder) cascade(p *Page, cfg *config.Config) {
	if p.IsSection {
		if p.own.owners {
			p.down.owners, p.down.set.owners = p.Owners, true
		}
		if p.own.reviewEvery {
			p.down.reviewEvery, p.down.set.reviewEvery = p.ReviewEvery, true
		}
		if p.own.audience && p.Audience == Internal {
			p.down.audience, p.down.set.audience = Internal, true
		}
	}
	f, ok := d.field("cascade")
	if !ok {
		return
	}
	if !p.IsSection {
		d.errorAt(f, "cascade is read only on a folder's section page (_index.md, index.md or README.md): set the fields on this page itself")
		return
	}
	table, ok := f.Value.(map[string]any)
	if !ok {
		d.errorAt(f, "cascade must be a table of owners, review_every and audience for the pages below, not %s", typeName(f.Value))
		return
	}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := Plain(table[k])
		switch k {
		case "owners":
			var refs []Ref
			list, isList := v.([]any)
			if s, isText := v.(string); isText {
				list, isList = []any{s}, true
				d.notAList(f, "cascade.owners", s)
			}
			if !isList {
				d.errorAt(f, "cascade.owners must be a list of owner ids, not %s", typeName(v))
				continue
			}
			for _, item := range list {
				id, _ := item.(string)
				if !cfg.HasOwner(id) {
					d.errorAt(f, "cascade.owners: unknown owner %q: declare it under [owners.%s] in playbook.toml%s", id, id, diag.DidYouMean(id, cfg.OwnerIDs()))
					continue
				}
				refs = append(refs, Ref{Slug: id, Line: f.Line, Col: f.Col})
			}
			p.down.owners, p.down.set.owners = refs, true
		case "review_every":
			text, _ := v.(string)
			iv, err := config.ParseDuration(text)
			if err != nil {
				d.errorAt(f, "cascade.review_every: %v", err)
				continue
			}
			p.down.reviewEvery, p.down.set.reviewEvery = iv, true
		case "audience":
			a, _ := v.(string)
			if a != Internal && a != External {
				d.errorAt(f, "cascade.audience %v is not one of: internal, external", v)
				continue
			}
			p.down.audience, p.down.set.audience = a, true
		default:
			d.report(f, fmt.Sprintf("cascade.%s is not passed down: cascade takes owners, review_every and audience%s; remove it, or set [content] unknown_fields = \"ignore\" in playbook.toml", k, diag.DidYouMean(k, []string{"owners", "review_every", "audience"})))
		}
	}
}

var kindKeys = map[string][]string{
	KindObjection:   {"says", "also_heard", "category", "personas", "stages", "proof", "closing_tools", "avoid"},
	KindClosingTool: {"when", "value", "cost", "approver", "answers"},
	KindTerm:        {"marketing", "sales", "agreed", "aliases"},
	KindPersona:     {"role", "segment", "goals", "pains", "value", "proof"},
	KindPlay:        {"persona", "stage", "goal", "questions", "objections", "closing_tools"},
	KindBrand:       {"do", "dont", "shows"},
}

// decodePage fills p from its front matter.
func decodePage(p *Page, doc frontmatter.Doc, cfg *config.Config, diags *diag.List) {
	d := &decoder{file: p.File, doc: doc, used: map[string]bool{}, texts: map[string]Pos{}, diags: diags, unknown: cfg.Content.UnknownFields}
	p.TextPos = d.texts

	// Without a title, the page takes its first heading's (titleFromBody).
	p.Title = d.str("title")
	if _, ok := doc.Fields["title"]; ok {
		d.required("title", "the page title")
	}
	p.Description = d.str("description")
	if k := d.str("kind"); k != "" {
		f := doc.Fields["kind"]
		switch kinds := Kinds(); {
		case p.IsSection:
			d.errorAt(f, "kind cannot be set on a folder's section page: set it on each page, or put the pages in the kind's folder")
		case !slices.Contains(kinds, k):
			d.errorAt(f, "unknown kind %q: use one of %s%s", k, strings.Join(kinds, ", "), diag.DidYouMean(k, kinds))
		default:
			p.Kind = k
		}
	}
	_, p.own.owners = doc.Fields["owners"]
	_, p.own.reviewEvery = doc.Fields["review_every"]
	_, p.own.audience = doc.Fields["audience"]
	if items, ok := d.items("owners", "owner ids"); ok {
		ids := cfg.OwnerIDs()
		var refs []Ref
		for i, it := range items {
			if o, ok := d.toRef("owners", i, it); ok {
				refs = append(refs, o)
			}
		}
		refs = d.unique("owners", refs)
		for _, o := range refs {
			it := frontmatter.Field{Line: o.Line, Col: o.Col}
			if !cfg.HasOwner(o.Slug) {
				if len(ids) == 0 {
					d.errorAt(it, "unknown owner %q: playbook.toml declares no owners yet; add [owners.%s] with a name", o.Slug, o.Slug)
					continue
				}
				d.errorAt(it, "unknown owner %q: declare it under [owners.%s] in playbook.toml, or use one of: %s%s",
					o.Slug, o.Slug, strings.Join(ids, ", "), diag.DidYouMean(o.Slug, ids))
				continue
			}
			p.Owners = append(p.Owners, o)
		}
	}
	p.Reviewed = d.date("reviewed")
	if f, ok := doc.Fields["reviewed"]; ok {
		p.ReviewedPos = Pos{f.Line, f.Col}
	}
	every := cfg.Review.Every
	if s := d.str("review_every"); s != "" {
		every = s
	}
	iv, err := config.ParseDuration(every)
	if err != nil {
		d.errorAt(doc.Fields["review_every"], "review_every: %v", err)
		// The page is judged by the playbook's interval meanwhile, not
		// by a zero one that makes it overdue the day it is reviewed.
		iv, _ = config.ParseDuration(cfg.Review.Every)
	}
	p.ReviewEvery = iv
	p.Tags = d.strs("tags")
	p.Weight = d.integer("weight")
	p.Draft = d.boolean("draft")
	if _, ok := doc.Fields["glossary_links"]; ok {
		p.NoGlossaryLinks = !d.boolean("glossary_links")
	}
	p.Audience = d.str("audience")
	if p.Audience == "" {
		p.Audience = Internal
	}
	d.oneOf("audience", p.Audience, []string{Internal, External})
	if _, explicit := doc.Fields["kind"]; !explicit {
		d.plainIfUntyped(p)
	}

	switch p.Kind {
	case KindObjection:
		o := &Objection{
			Says:         d.str("says"),
			AlsoHeard:    d.strs("also_heard"),
			Category:     d.str("category"),
			Personas:     d.refs("personas"),
			Stages:       d.strs("stages"),
			Proof:        d.strs("proof"),
			ClosingTools: d.refs("closing_tools"),
			Avoid:        d.strs("avoid"),
		}
		d.required("says", `the customer's words, like "It's too expensive."`)
		d.required("category", "one of "+strings.Join(cfg.Objections.Categories, ", "))
		d.oneOf("category", o.Category, cfg.Objections.Categories)
		d.oneOfEach("stages", cfg.Stages)
		p.Objection = o
	case KindClosingTool:
		p.ClosingTool = &ClosingTool{
			When:     d.str("when"),
			Value:    d.str("value"),
			Cost:     d.str("cost"),
			Approver: d.str("approver"),
			Answers:  d.refs("answers"),
		}
		d.required("when", "when a rep should use this tool")
		d.required("value", "the value to the customer")
		d.required("cost", "the cost to the firm")
		d.required("approver", `who approves it, like "Regional Sales Director"`)
	case KindTerm:
		p.Term = &Term{
			Marketing: d.str("marketing"),
			Sales:     d.str("sales"),
			Agreed:    d.str("agreed"),
			Aliases:   d.strs("aliases"),
		}
		d.required("marketing", "marketing's definition")
		d.required("sales", "sales' definition")
		d.required("agreed", "the definition both functions agreed on")
	case KindPersona:
		p.Persona = &Persona{
			Role:    d.str("role"),
			Segment: d.str("segment"),
			Goals:   d.strs("goals"),
			Pains:   d.strs("pains"),
			Value:   d.strs("value"),
			Proof:   d.strs("proof"),
		}
		d.required("role", `the buyer's job title, like "VP Supply Chain"`)
	case KindPlay:
		pl := &Play{
			Persona:      d.ref("persona"),
			Stage:        d.str("stage"),
			Goal:         d.str("goal"),
			Questions:    d.strs("questions"),
			Objections:   d.refs("objections"),
			ClosingTools: d.refs("closing_tools"),
		}
		d.required("persona", "the file name of the persona page this call is with")
		d.required("stage", "one of "+strings.Join(cfg.Stages, ", "))
		d.required("goal", "what the call must achieve")
		d.oneOf("stage", pl.Stage, cfg.Stages)
		p.Play = pl
	case KindBrand:
		b := &Brand{Do: d.strs("do"), Dont: d.strs("dont"), Shows: d.str("shows")}
		if b.Shows == "colors" {
			b.Shows = "colours"
		}
		d.oneOf("shows", b.Shows, []string{"colours", "colors", "typography"})
		p.Brand = b
	}

	p.Aliases = decodeAliases(d, p)
	d.kind, d.section = p.Kind, p.IsSection
	d.cascade(p, cfg)
	params := d.params()
	d.finish(append(append([]string{}, commonKeys...), kindKeys[p.Kind]...), params)
	if len(params) > 0 {
		p.Params = params
	}
}

// oneOfEach checks every item of a list field against allowed values,
// pointing at the item.
func (d *decoder) oneOfEach(key string, allowed []string) {
	f, ok := d.doc.Fields[key]
	if !ok {
		return
	}
	items, ok := f.Value.([]frontmatter.Field)
	if !ok {
		items = []frontmatter.Field{f}
	}
	for _, it := range items {
		if s, ok := it.Value.(string); ok {
			d.oneOfAt(it, key, strings.TrimSpace(s), allowed)
		}
	}
}

// plainIfUntyped makes a page in a kind's folder a plain page when it has
// none of that kind's fields: an existing handbook's glossary/ or
// personas/ folder holds prose pages, not cards, and refusing each one
// for missing fields would refuse the handbook. A page with even one of
// the kind's fields (as `playbook new` writes them) stays typed, so a
// half-filled card still reports what it lacks.
func (d *decoder) plainIfUntyped(p *Page) {
	switch p.Kind {
	case KindObjection, KindClosingTool, KindTerm, KindPersona, KindPlay:
	default:
		return
	}
	for _, k := range kindKeys[p.Kind] {
		if _, ok := d.doc.Fields[k]; ok {
			return
		}
	}
	article := "a"
	if strings.ContainsRune("aeiou", rune(p.Kind[0])) {
		article = "an"
	}
	d.diags.Notef(d.file, 1, 1, "content", "in %s/ but has none of %s %s's fields (%s), so it is a plain page: add them to make it a card, or set kind = \"page\" to say it is meant as one",
		p.Section, article, p.Kind, strings.Join(kindKeys[p.Kind], ", "))
	p.Kind = KindPage
}
