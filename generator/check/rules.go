package check

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/check/rule"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/colour"
	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// freshness warns about published pages that are due for review, or were
// never reviewed, naming who should look at them.
func freshness(pb *rule.Playbook) diag.List {
	var out diag.List
	for _, p := range pb.Pages {
		if p.Draft {
			continue // not read by anyone yet
		}
		who := ownerNames(pb.Config, p)
		due, ok := p.ReviewDue()
		switch {
		case !ok && p.ReviewedPos.Line > 0:
			// A reviewed date that cannot be read has its own error.
		case !ok:
			field := "reviewed = " // TOML
			if bytes.HasPrefix(p.Source, []byte("---")) {
				field = "reviewed: " // YAML
			}
			out.Warnf(p.File, 1, 1, "review", "never reviewed: once %s have checked the page, add %s%s", who, field, pb.Today.Format("2006-01-02"))
		case due.Before(pb.Today):
			out.Warnf(p.File, p.ReviewedPos.Line, p.ReviewedPos.Col, "review", "review overdue since %s (reviewed %s, every %s): %s should check the page, then update reviewed",
				due.Format("2006-01-02"), p.Reviewed.Format("2006-01-02"), interval(p.ReviewEvery), who)
		}
	}
	return out
}

// ownerNames says who owns a page, for messages.
func ownerNames(cfg *config.Config, p *content.Page) string {
	var names []string
	for _, o := range p.Owners {
		if own, ok := cfg.Owners[o.Slug]; ok {
			names = append(names, own.Name)
		}
	}
	switch len(names) {
	case 0:
		return "its owners (none set: add owners)"
	case 1:
		return names[0]
	default:
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
}

func interval(i config.Interval) string { return fmt.Sprintf("%d%c", i.N, i.Unit) }

// glossary reports terms that two glossary pages claim: the same title,
// or a title or alias of one that is a title or alias of another. Both
// functions must agree on one meaning per word.
func glossary(pb *rule.Playbook) diag.List {
	type claim struct {
		page  *content.Page
		word  string
		alias bool
	}
	claims := map[string][]claim{}
	var order []string
	for _, p := range pb.Pages {
		if p.Term == nil {
			continue
		}
		words := []claim{{p, p.Title, false}}
		for _, a := range p.Term.Aliases {
			words = append(words, claim{p, a, true})
		}
		for _, c := range words {
			key := pagetext.Fold(c.word)
			if key == "" {
				continue
			}
			if len(claims[key]) == 0 {
				order = append(order, key)
			}
			if !slices.ContainsFunc(claims[key], func(o claim) bool { return o.page == c.page }) {
				claims[key] = append(claims[key], c)
			}
		}
	}
	var out diag.List
	for _, key := range order {
		cs := claims[key]
		if len(cs) < 2 {
			continue
		}
		slices.SortFunc(cs, func(a, b claim) int { return strings.Compare(a.page.File, b.page.File) })
		for i, c := range cs {
			other := cs[(i+1)%len(cs)]
			what := "title"
			if c.alias {
				what = "alias"
			}
			line, col := findInFrontMatter(c.page, c.word)
			otherWhat := "the title"
			if other.alias {
				otherWhat = "an alias"
			}
			out.Errorf(c.page.File, line, col, "glossary", "%s %q is also %s of %s (%s): one word needs one agreed meaning, so merge the terms or rename one",
				what, c.word, otherWhat, other.page.Title, other.page.File)
		}
	}
	return out
}

// findInFrontMatter locates a value's first appearance in the front matter
// (line 1 when it cannot be found), for fields the decoder does not place.
func findInFrontMatter(p *content.Page, value string) (line, col int) {
	fm := p.FrontMatter()
	// A quoted value first, so that "concession" is not found inside
	// another field's sentence; then a bare YAML value.
	for _, q := range []string{`"`, `'`, ""} {
		if i := bytes.Index(fm, []byte(q+value+q)); i >= 0 {
			return diag.LineCol(fm, i+len(q))
		}
	}
	return 1, 1
}

// contrast holds the brand's declared text/background pairs to WCAG AA:
// 4.5:1 for body text, 3:1 for pairs declared large = true.
func contrast(pb *rule.Playbook) diag.List {
	var out diag.List
	for i, pair := range pb.Config.Brand.Pairs {
		text, ok1 := pb.Config.Colour(pair.Text)
		bg, ok2 := pb.Config.Colour(pair.Background)
		if !ok1 || !ok2 {
			continue // the config check has said so
		}
		need, use := 4.5, "text"
		if pair.Large {
			need, use = 3, "large text"
		}
		if ratio := colour.Contrast(text.Hex, bg.Hex); ratio < need {
			line, col := pb.Config.Pos("brand", fmt.Sprintf("pairs[%d]", i))
			advice := "pick a darker or lighter pair"
			if !pair.Large && ratio >= 3 {
				advice += ", or mark it large = true if it is only for large headings"
			}
			out.Errorf(config.FileName, line, col, "contrast", "%s (%s) on %s (%s) has contrast %.2f:1, below the %.1f:1 WCAG AA asks for %s: %s",
				pair.Text, text.Hex, pair.Background, bg.Hex, ratio, need, use, advice)
		}
	}
	return out
}
