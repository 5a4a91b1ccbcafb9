package content

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/frontmatter"
)

// decoder pulls typed values out of front matter, recording a diagnostic
// for each problem and remembering which keys were read so that the rest
// can be reported as unknown.
type decoder struct {
	file  string
	doc   frontmatter.Doc
	used  map[string]bool
	diags *diag.List
}

func (d *decoder) field(key string) (frontmatter.Field, bool) {
	d.used[key] = true
	f, ok := d.doc.Fields[key]
	if ok && f.Value == nil {
		return f, false
	}
	return f, ok
}

func (d *decoder) errorf(line int, format string, args ...any) {
	d.diags.Errorf(d.file, line, 0, "front-matter", format, args...)
}

func (d *decoder) required(key, hint string) {
	f, ok := d.doc.Fields[key]
	if !ok || f.Value == nil {
		d.errorf(d.doc.Line, "missing required field %q: %s", key, hint)
		return
	}
	if s, isText := f.Value.(string); isText && strings.TrimSpace(s) == "" {
		d.errorf(f.Line, "%s is empty: fill in %s", key, hint)
	}
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a number"
	case float64:
		return "a decimal number"
	case bool:
		return "true/false"
	case time.Time:
		return "a date"
	case []frontmatter.Field:
		return "a list"
	default:
		return fmt.Sprintf("%T", v)
	}
}

func (d *decoder) str(key string) string {
	f, ok := d.field(key)
	if !ok {
		return ""
	}
	s, ok := f.Value.(string)
	if !ok {
		d.errorf(f.Line, "%s must be text, not %s: put it in quotes", key, typeName(f.Value))
		return ""
	}
	return strings.TrimSpace(s)
}

func (d *decoder) strs(key string) []string {
	f, ok := d.field(key)
	if !ok {
		return nil
	}
	if s, ok := f.Value.(string); ok { // a single value is a one-item list
		return []string{s}
	}
	items, ok := f.Value.([]frontmatter.Field)
	if !ok {
		d.errorf(f.Line, "%s must be a list of text, like [\"a\", \"b\"], not %s", key, typeName(f.Value))
		return nil
	}
	out := make([]string, 0, len(items))
	for i, it := range items {
		s, ok := it.Value.(string)
		if !ok {
			d.errorf(it.Line, "%s[%d] must be text, not %s", key, i, typeName(it.Value))
			continue
		}
		out = append(out, strings.TrimSpace(s))
	}
	return out
}

func (d *decoder) refs(key string) []Ref {
	f, ok := d.field(key)
	if !ok {
		return nil
	}
	if s, ok := f.Value.(string); ok {
		return []Ref{{Slug: s, Line: f.Line}}
	}
	items, ok := f.Value.([]frontmatter.Field)
	if !ok {
		d.errorf(f.Line, "%s must be a list of page names, like [\"paid-pilot\"], not %s", key, typeName(f.Value))
		return nil
	}
	out := make([]Ref, 0, len(items))
	for i, it := range items {
		s, ok := it.Value.(string)
		if !ok {
			d.errorf(it.Line, "%s[%d] must be a page name in quotes, not %s", key, i, typeName(it.Value))
			continue
		}
		out = append(out, Ref{Slug: strings.TrimSpace(s), Line: it.Line})
	}
	return out
}

func (d *decoder) ref(key string) Ref {
	f, ok := d.field(key)
	if !ok {
		return Ref{}
	}
	s, ok := f.Value.(string)
	if !ok {
		d.errorf(f.Line, "%s must be one page name in quotes, not %s", key, typeName(f.Value))
		return Ref{}
	}
	return Ref{Slug: strings.TrimSpace(s), Line: f.Line}
}

func (d *decoder) integer(key string) int {
	f, ok := d.field(key)
	if !ok {
		return 0
	}
	i, ok := f.Value.(int64)
	if !ok {
		d.errorf(f.Line, "%s must be a whole number, not %s", key, typeName(f.Value))
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
		d.errorf(f.Line, "%s must be true or false, not %s", key, typeName(f.Value))
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
		return time.Date(v.Year(), v.Month(), v.Day(), 0, 0, 0, 0, time.UTC)
	case string:
		t, err := time.Parse("2006-01-02", strings.TrimSpace(v))
		if err != nil {
			d.errorf(f.Line, "%s: %q is not a date: write it as YYYY-MM-DD, like 2026-03-31", key, v)
			return time.Time{}
		}
		return t
	default:
		d.errorf(f.Line, "%s must be a date written YYYY-MM-DD, not %s", key, typeName(f.Value))
		return time.Time{}
	}
}

func (d *decoder) oneOf(key, value string, allowed []string) {
	if value == "" || slices.Contains(allowed, value) {
		return
	}
	f := d.doc.Fields[key]
	d.errorf(f.Line, "%s %q is not one of: %s%s", key, value, strings.Join(allowed, ", "), diag.DidYouMean(value, allowed))
}

// unknown reports every key nobody read, with a suggestion.
func (d *decoder) unknown(known []string) {
	var keys []string
	for k := range d.doc.Fields {
		if !d.used[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		f := d.doc.Fields[k]
		d.errorf(f.Line, "unknown field %q%s", k, diag.DidYouMean(k, known))
	}
}

var commonKeys = []string{"title", "description", "kind", "owners", "reviewed", "review_every", "tags", "weight", "draft", "audience"}

var kindKeys = map[string][]string{
	KindPage:        nil,
	KindSection:     nil,
	KindHome:        nil,
	KindObjection:   {"says", "also_heard", "category", "personas", "stages", "proof", "closing_tools", "avoid"},
	KindClosingTool: {"when", "value", "cost", "approver", "answers"},
	KindTerm:        {"marketing", "sales", "agreed", "aliases"},
	KindPersona:     {"role", "segment", "goals", "pains", "value", "proof"},
	KindPlay:        {"persona", "stage", "goal", "questions", "objections", "closing_tools"},
	KindBrand:       {"do", "dont", "shows"},
}

// decodePage fills p from its front matter.
func decodePage(p *Page, doc frontmatter.Doc, cfg *config.Config, diags *diag.List) {
	d := &decoder{file: p.File, doc: doc, used: map[string]bool{}, diags: diags}

	p.Title = d.str("title")
	d.required("title", "every page needs a title")
	p.Description = d.str("description")
	if k := d.str("kind"); k != "" {
		if kinds := Kinds(); !slices.Contains(kinds, k) {
			d.errorf(doc.Fields["kind"].Line, "unknown kind %q: use one of %s%s", k, strings.Join(kinds, ", "), diag.DidYouMean(k, kinds))
		} else if !p.IsSection {
			p.Kind = k
		}
	}
	for _, o := range d.refs("owners") {
		if !cfg.HasOwner(o.Slug) {
			d.errorf(o.Line, "unknown owner %q: declare it under [owners.%s] in playbook.toml, or use one of: %s%s",
				o.Slug, o.Slug, strings.Join(cfg.OwnerIDs(), ", "), diag.DidYouMean(o.Slug, cfg.OwnerIDs()))
			continue
		}
		p.Owners = append(p.Owners, o)
	}
	p.Reviewed = d.date("reviewed")
	every := cfg.Review.Every
	if s := d.str("review_every"); s != "" {
		every = s
	}
	iv, err := config.ParseDuration(every)
	if err != nil {
		d.errorf(doc.Fields["review_every"].Line, "review_every: %v", err)
	}
	p.ReviewEvery = iv
	p.Tags = d.strs("tags")
	p.Weight = d.integer("weight")
	p.Draft = d.boolean("draft")
	p.Audience = d.str("audience")
	if p.Audience == "" {
		p.Audience = Internal
	}
	d.oneOf("audience", p.Audience, []string{Internal, External})

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
		d.required("says", "the customer's words, e.g. says = \"It's too expensive.\"")
		d.required("category", "one of "+strings.Join(cfg.Objections.Categories, ", "))
		d.oneOf("category", o.Category, cfg.Objections.Categories)
		for _, s := range o.Stages {
			d.oneOf("stages", s, cfg.Stages)
		}
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
		d.required("approver", "who approves it, e.g. \"Regional Sales Director\"")
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
		d.required("role", "the buyer's job title, e.g. \"VP Supply Chain\"")
	case KindPlay:
		pl := &Play{
			Persona:      d.ref("persona"),
			Stage:        d.str("stage"),
			Goal:         d.str("goal"),
			Questions:    d.strs("questions"),
			Objections:   d.refs("objections"),
			ClosingTools: d.refs("closing_tools"),
		}
		d.required("persona", "the slug of the persona page this call is with")
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

	known := append(append([]string{}, commonKeys...), kindKeys[p.Kind]...)
	d.unknown(known)
}
