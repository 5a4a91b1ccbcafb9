package changes

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/pagetext"
)

// doc is a page with a lead and sections given as heading, text pairs.
func doc(url, title, kind, lead string, sections ...string) pagetext.Doc {
	d := pagetext.Doc{URL: url, Title: title, Kind: kind, Facets: map[string][]string{"kind": {kind}}}
	d.Sections = append(d.Sections, pagetext.Section{Text: lead})
	for i := 0; i+1 < len(sections); i += 2 {
		anchor := strings.ToLower(strings.ReplaceAll(sections[i], " ", "-"))
		d.Sections = append(d.Sections, pagetext.Section{Anchor: anchor, Heading: sections[i], Text: sections[i+1]})
	}
	return d
}

// numbered is "w1 w2 … wn" with the given prefix.
func numbered(prefix string, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return strings.Join(w, " ")
}

func reversed[T any](s []T) []T {
	r := slices.Clone(s)
	slices.Reverse(r)
	return r
}

func paths[T any](items []T, path func(T) string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, path(it))
	}
	return out
}

func pagePath(p Page) string     { return p.Path }
func changePath(c Change) string { return c.Path }

func TestClassification(t *testing.T) {
	a := doc("/objections/a/", "A", "objection", "lead a")
	b := doc("/objections/b/", "B", "objection", "lead b")
	c := doc("/objections/c/", "C", "objection", "lead c")
	b2 := doc("/objections/b/", "B", "objection", "lead b changed")
	home := doc("/", "Home", "home", "welcome")
	bAnchor := b
	bAnchor.Sections = []pagetext.Section{{Anchor: "intro", Text: "lead b"}}
	bDup := doc("/objections/b/", "B twice", "objection", "other")
	cases := []struct {
		name                    string
		from, to                []pagetext.Doc
		added, removed, changed []string
	}{
		{"nil", nil, nil, nil, nil, nil},
		{"identical", []pagetext.Doc{a, b}, []pagetext.Doc{b, a}, nil, nil, nil},
		{"all added", nil, []pagetext.Doc{a, b}, []string{"objections/a/", "objections/b/"}, nil, nil},
		{"all removed", []pagetext.Doc{a, b}, nil, nil, []string{"objections/a/", "objections/b/"}, nil},
		{"mixed", []pagetext.Doc{a, b}, []pagetext.Doc{b2, c}, []string{"objections/c/"}, []string{"objections/a/"}, []string{"objections/b/"}},
		{"home never listed", []pagetext.Doc{home}, []pagetext.Doc{a}, []string{"objections/a/"}, nil, nil},
		{"home added", []pagetext.Doc{a}, []pagetext.Doc{a, home}, nil, nil, nil},
		{"anchor only", []pagetext.Doc{b}, []pagetext.Doc{bAnchor}, nil, nil, nil},
		{"first of duplicate URLs counts", []pagetext.Doc{b, bDup}, []pagetext.Doc{b, bDup}, nil, nil, nil},
		{"duplicate in to", []pagetext.Doc{b}, []pagetext.Doc{b2, b}, nil, nil, []string{"objections/b/"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(tc.from, tc.to, Options{})
			check := func(what string, got, want []string) {
				t.Helper()
				if want == nil {
					want = []string{}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			check("added", paths(r.Added, pagePath), tc.added)
			check("removed", paths(r.Removed, pagePath), tc.removed)
			check("changed", paths(r.Changed, changePath), tc.changed)
			if got, want := r.Empty(), len(tc.added)+len(tc.removed)+len(tc.changed) == 0; got != want {
				t.Errorf("Empty() = %v, want %v", got, want)
			}
			if r.Added == nil || r.Removed == nil || r.Changed == nil {
				t.Errorf("nil slice in %+v", r)
			}
		})
	}
}

func TestOptionsCopied(t *testing.T) {
	r := Compare(nil, nil, Options{From: "v3.0", To: "v3.1", FromPath: "v/v3.0/", ToPath: "v/v3.1/"})
	if r.From != "v3.0" || r.To != "v3.1" || r.FromPath != "v/v3.0/" || r.ToPath != "v/v3.1/" {
		t.Errorf("report = %+v", r)
	}
	if !r.Empty() {
		t.Error("not empty")
	}
}

func TestSortOrder(t *testing.T) {
	pages := []pagetext.Doc{
		doc("/terms/z/", "Zeta", "term", ""),
		doc("/plays/b/", "b play", "play", ""),
		doc("/objections/b2/", "Budget", "objection", ""),
		doc("/objections/a/", "apple", "objection", ""),
		doc("/brand/y/", "Yellow", "brand", ""),
		doc("/tools/c/", "Coffee", "closing-tool", ""),
		doc("/objections/b1/", "budget", "objection", ""),
		doc("/objections/b0/", "Budget", "objection", ""),
	}
	want := []string{
		"objections/a/",  // objection, "apple"
		"objections/b0/", // objection, "Budget", path b0
		"objections/b2/", // objection, "Budget", path b2
		"objections/b1/", // objection, "budget": same folded title, "B" < "b"
		"tools/c/",       // closing-tool
		"plays/b/",       // play
		"brand/y/",       // unlisted kinds by name: brand < term
		"terms/z/",
	}
	opts := Options{KindOrder: []string{"objection", "closing-tool", "play"}}
	for _, order := range [][]pagetext.Doc{pages, reversed(pages)} {
		r := Compare(nil, order, opts)
		if got := paths(r.Added, pagePath); !slices.Equal(got, want) {
			t.Errorf("added order = %q, want %q", got, want)
		}
		r = Compare(order, nil, opts)
		if got := paths(r.Removed, pagePath); !slices.Equal(got, want) {
			t.Errorf("removed order = %q, want %q", got, want)
		}
		changed := make([]pagetext.Doc, len(order))
		for i, d := range order {
			changed[i] = d
			changed[i].Sections = []pagetext.Section{{Text: "new"}}
		}
		r = Compare(order, changed, opts)
		if got := paths(r.Changed, changePath); !slices.Equal(got, want) {
			t.Errorf("changed order = %q, want %q", got, want)
		}
	}
}

func TestOneWordReplacement(t *testing.T) {
	before, after := numbered("a", 20), numbered("b", 20)
	old := doc("/objections/price/", "Price", "objection", before+" it is too cheap for us "+after)
	new := doc("/objections/price/", "Price", "objection", before+" it is too cost-effective for us "+after)
	r := Compare([]pagetext.Doc{old}, []pagetext.Doc{new}, Options{})
	if len(r.Changed) != 1 {
		t.Fatalf("changed = %+v", r.Changed)
	}
	c := r.Changed[0]
	want := Change{
		Page:     Page{Path: "objections/price/", Title: "Price", Kind: "objection"},
		Inserted: 1, Deleted: 1,
		Sections: []Section{{
			Status: SectionChanged,
			Parts: []Part{
				{Op: Same, Text: "a16 a17 a18 a19 a20 it is too ", Elided: true},
				{Op: Delete, Text: "cheap"},
				{Op: Insert, Text: "cost-effective"},
				{Op: Same, Text: " for us b1 b2 b3 b4 b5 b6", Elided: true},
			},
		}},
	}
	if !reflect.DeepEqual(c, want) {
		t.Errorf("change =\n%+v\nwant\n%+v", c, want)
	}
	s := c.Sections[0]
	if !s.CutBefore(0) || s.CutAfter(0) || s.CutBefore(3) || !s.CutAfter(3) || s.CutAfter(1) || s.CutBefore(1) {
		t.Errorf("cut marks wrong for %+v", s.Parts)
	}
}

// show writes parts as a template would, with "…" where text was cut
// and [-deleted-] {+inserted+} text.
func show(s Section) string {
	var b strings.Builder
	for i, p := range s.Parts {
		if s.CutBefore(i) {
			b.WriteString("…")
		}
		switch p.Op {
		case Delete:
			b.WriteString("[-" + p.Text + "-]")
		case Insert:
			b.WriteString("{+" + p.Text + "+}")
		default:
			b.WriteString(p.Text)
		}
		if s.CutAfter(i) {
			b.WriteString("…")
		}
	}
	return b.String()
}

// TestTemplateRule runs the template given in Compare's documentation.
func TestTemplateRule(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`{{with $section := .}}` +
		`{{range $i, $p := $section.Parts}}{{if $section.CutBefore $i}}…{{end}}<span class="{{$p.Op}}">{{$p.Text}}</span>{{if $section.CutAfter $i}}…{{end}}{{end}}` +
		`{{end}}`))
	old := numbered("a", 20) + " cheap " + numbered("m", 30) + " low " + numbered("b", 20)
	new := numbered("a", 20) + " fair " + numbered("m", 30) + " right " + numbered("b", 20)
	r := Compare([]pagetext.Doc{doc("/p/", "P", "play", old)}, []pagetext.Doc{doc("/p/", "P", "play", new)}, Options{Context: 2})
	var b strings.Builder
	if err := tmpl.Execute(&b, r.Changed[0].Sections[0]); err != nil {
		t.Fatal(err)
	}
	want := `…<span class="same">a19 a20 </span><span class="delete">cheap</span><span class="insert">fair</span>` +
		`<span class="same"> m1 m2</span>…<span class="same"> m29 m30 </span><span class="delete">low</span><span class="insert">right</span>` +
		`<span class="same"> b1 b2</span>…`
	if b.String() != want {
		t.Errorf("template gives\n%s\nwant\n%s", b.String(), want)
	}

	r = Compare([]pagetext.Doc{doc("/p/", "P", "play", "")}, []pagetext.Doc{doc("/p/", "P", "play", "", "New", numbered("w", 70))}, Options{})
	b.Reset()
	if err := tmpl.Execute(&b, r.Changed[0].Sections[0]); err != nil {
		t.Fatal(err)
	}
	if want := `<span class="insert">` + numbered("w", 60) + `</span>…`; b.String() != want {
		t.Errorf("added section gives\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWordDiff(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		ctx      int
		want     string // rendered
		ins, del int
	}{
		{"insert word", "offer a pilot", "offer a paid pilot", 0, "offer a {+paid +}pilot", 1, 0},
		{"delete word", "offer a paid pilot", "offer a pilot", 0, "offer a [-paid -]pilot", 0, 1},
		{"punctuation is part of the word", "run a pilot, then decide.", "run a pilot. Then decide.", 0,
			"run a [-pilot, then-]{+pilot. Then+} decide.", 2, 2},
		{"space between edits absorbed", "offer a pilot now", "offer a trial soon", 0,
			"offer a [-pilot now-]{+trial soon+}", 2, 2},
		{"one word between longer edits absorbed", "we can offer a pilot the buyer likes",
			"we can extend two free weeks the CFO wants",
			0, "we can [-offer a pilot the buyer likes-]{+extend two free weeks the CFO wants+}", 7, 6},
		{"two words between edits kept", "we can offer a pilot to the buyer today",
			"we can extend two free weeks to the economic buyer",
			0, "we can [-offer a pilot-]{+extend two free weeks+} to the [-buyer today-]{+economic buyer+}", 6, 5},
		{"lone punctuation is not a word", "cost — value", "cost & value", 0, "cost [-—-]{+&+} value", 0, 0},
		{"equal run kept between one-word edits", "a b c d e", "a x c y e", 0, "a [-b-]{+x+} c [-d-]{+y+} e", 2, 2},
		{"paragraph break", "one two three four", "one two\nthree four", 0, "one two[- -]{+\n+}three four", 0, 0},
		{"from empty", "", "all new", 0, "{+all new+}", 2, 0},
		{"to empty", "all gone", "", 0, "[-all gone-]", 0, 2},
		{"unicode", "prix trop élevé", "prix très élevé", 0, "prix [-trop-]{+très+} élevé", 1, 1},
		{"middle cut", numbered("x", 3) + " old " + numbered("m", 20) + " old " + numbered("y", 3),
			numbered("x", 3) + " new " + numbered("m", 20) + " new " + numbered("y", 3), 2,
			"x1 x2 x3 [-old-]{+new+} m1 m2… m19 m20 [-old-]{+new+} y1 y2 y3", 2, 2},
		{"no cut under three words", numbered("x", 4) + " old", numbered("x", 4) + " new", 2,
			"x1 x2 x3 x4 [-old-]{+new+}", 1, 1},
		{"cut of three words", numbered("x", 5) + " old", numbered("x", 5) + " new", 2,
			"…x4 x5 [-old-]{+new+}", 1, 1},
		{"huge context keeps all", numbered("x", 3) + " old " + numbered("m", 20) + " old", numbered("x", 3) + " new " + numbered("m", 20) + " new", math.MaxInt,
			"x1 x2 x3 [-old-]{+new+} " + numbered("m", 20) + " [-old-]{+new+}", 2, 2},
		{"negative context keeps all", numbered("x", 30) + " old", numbered("x", 30) + " new", -1,
			numbered("x", 30) + " [-old-]{+new+}", 1, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare(
				[]pagetext.Doc{doc("/p/", "P", "play", tc.old)},
				[]pagetext.Doc{doc("/p/", "P", "play", tc.new)},
				Options{Context: tc.ctx})
			if len(r.Changed) != 1 || len(r.Changed[0].Sections) != 1 {
				t.Fatalf("report = %+v", r)
			}
			c := r.Changed[0]
			if got := show(c.Sections[0]); got != tc.want {
				t.Errorf("diff = %q, want %q", got, tc.want)
			}
			if c.Inserted != tc.ins || c.Deleted != tc.del {
				t.Errorf("inserted, deleted = %d, %d; want %d, %d", c.Inserted, c.Deleted, tc.ins, tc.del)
			}
		})
	}
}

// checkParts checks that parts rebuild old and new and are well formed.
func checkParts(t *testing.T, parts []Part, old, new string) {
	t.Helper()
	var o, n strings.Builder
	for i, p := range parts {
		if p.Elided {
			t.Fatalf("part %d elided with no elision: %+v", i, parts)
		}
		if p.Text == "" {
			t.Fatalf("part %d empty: %+v", i, parts)
		}
		if i > 0 && parts[i-1].Op == p.Op {
			t.Fatalf("parts %d and %d have one op: %+v", i-1, i, parts)
		}
		if i > 0 && parts[i-1].Op == Insert && p.Op == Delete {
			t.Fatalf("insert before delete at %d: %+v", i, parts)
		}
		switch p.Op {
		case Same:
			o.WriteString(p.Text)
			n.WriteString(p.Text)
		case Delete:
			o.WriteString(p.Text)
		case Insert:
			n.WriteString(p.Text)
		default:
			t.Fatalf("part %d op %q", i, p.Op)
		}
	}
	if o.String() != old {
		t.Errorf("same+delete = %q, want %q", o.String(), old)
	}
	if n.String() != new {
		t.Errorf("same+insert = %q, want %q", n.String(), new)
	}
}

func TestPartsRebuildText(t *testing.T) {
	pairs := [][2]string{
		{"Too cheap for us, honestly.", "Too cost-effective for us, honestly!"},
		{"  leading and trailing  ", "leading and\ntrailing"},
		{"a a a a b a a", "a b a a a b"},
		{"one\n\ntwo three", "one two\n\nthree four five"},
		{"same words different order here", "here order different words same"},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	vocab := []string{"pilot", "price", "cost,", "value.", "the", "a", "ROI", "trial", "élan", "—"}
	spaces := []string{" ", " ", " ", "\n", "  ", "\n\n"}
	text := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(spaces[rng.IntN(len(spaces))])
			}
			b.WriteString(vocab[rng.IntN(len(vocab))])
		}
		return b.String()
	}
	for range 200 {
		pairs = append(pairs, [2]string{text(rng.IntN(40)), text(rng.IntN(40))})
	}
	for i, p := range pairs {
		r := Compare(
			[]pagetext.Doc{doc("/p/", "P", "play", p[0])},
			[]pagetext.Doc{doc("/p/", "P", "play", p[1])},
			Options{Context: 1 << 20})
		if p[0] == p[1] {
			if !r.Empty() {
				t.Errorf("pair %d: equal texts reported: %+v", i, r)
			}
			continue
		}
		if len(r.Changed) != 1 || len(r.Changed[0].Sections) != 1 {
			t.Fatalf("pair %d: report = %+v", i, r)
		}
		c := r.Changed[0]
		checkParts(t, c.Sections[0].Parts, p[0], p[1])
		var ins, del int
		for _, part := range c.Sections[0].Parts {
			switch part.Op {
			case Insert:
				ins += countWords(part.Text)
			case Delete:
				del += countWords(part.Text)
			}
		}
		if ins != c.Inserted || del != c.Deleted {
			t.Errorf("pair %d: counts %d, %d; parts have %d, %d", i, c.Inserted, c.Deleted, ins, del)
		}
	}
}

func TestSections(t *testing.T) {
	long := numbered("w", 100)
	base := doc("/tools/pilot/", "Pilot", "closing-tool", "A paid pilot.",
		"When to use", "When the buyer doubts the value.",
		"Cost", "Two weeks of an engineer.",
		"Approver", "The sales director.")
	cases := []struct {
		name string
		new  pagetext.Doc
		want []Section
		ins  int
		del  int
	}{
		{"section added",
			doc("/tools/pilot/", "Pilot", "closing-tool", "A paid pilot.",
				"When to use", "When the buyer doubts the value.",
				"Proof", "Acme doubled usage.",
				"Cost", "Two weeks of an engineer.",
				"Approver", "The sales director."),
			[]Section{{Heading: "Proof", Anchor: "proof", Status: SectionAdded, Parts: []Part{{Op: Insert, Text: "Acme doubled usage."}}}},
			4, 0},
		{"section removed where it was",
			doc("/tools/pilot/", "Pilot", "closing-tool", "A paid pilot.",
				"When to use", "When the buyer doubts the value.",
				"Approver", "The sales director."),
			[]Section{{Heading: "Cost", Status: SectionRemoved, Parts: []Part{{Op: Delete, Text: "Two weeks of an engineer."}}}},
			0, 6},
		{"heading renamed",
			doc("/tools/pilot/", "Pilot", "closing-tool", "A paid pilot.",
				"When to use", "When the buyer doubts the value.",
				"What it costs", "Two weeks of an engineer.",
				"Approver", "The sales director."),
			[]Section{
				{Heading: "Cost", Status: SectionRemoved, Parts: []Part{{Op: Delete, Text: "Two weeks of an engineer."}}},
				{Heading: "What it costs", Anchor: "what-it-costs", Status: SectionAdded, Parts: []Part{{Op: Insert, Text: "Two weeks of an engineer."}}},
			},
			8, 6},
		{"heading case matters",
			doc("/tools/pilot/", "Pilot", "closing-tool", "A paid pilot.",
				"When to use", "When the buyer doubts the value.",
				"cost", "Two weeks of an engineer.",
				"Approver", "The sales director."),
			[]Section{
				{Heading: "Cost", Status: SectionRemoved, Parts: []Part{{Op: Delete, Text: "Two weeks of an engineer."}}},
				{Heading: "cost", Anchor: "cost", Status: SectionAdded, Parts: []Part{{Op: Insert, Text: "Two weeks of an engineer."}}},
			},
			6, 6},
		{"lead and a section changed, in page order",
			doc("/tools/pilot/", "Pilot", "closing-tool", "A free pilot.",
				"When to use", "When the buyer doubts the value.",
				"Cost", "Two weeks of an engineer.",
				"Approver", "The regional sales director."),
			[]Section{
				{Status: SectionChanged, Parts: []Part{{Op: Same, Text: "A "}, {Op: Delete, Text: "paid"}, {Op: Insert, Text: "free"}, {Op: Same, Text: " pilot."}}},
				{Heading: "Approver", Anchor: "approver", Status: SectionChanged, Parts: []Part{{Op: Same, Text: "The "}, {Op: Insert, Text: "regional "}, {Op: Same, Text: "sales director."}}},
			},
			2, 1},
		{"moved without change is no change",
			doc("/tools/pilot/", "Pilot", "closing-tool", "A paid pilot.",
				"Approver", "The sales director.",
				"When to use", "When the buyer doubts the value.",
				"Cost", "Two weeks of an engineer."),
			nil, 0, 0},
		{"long section added is cut",
			doc("/tools/pilot/", "Pilot", "closing-tool", "A paid pilot.",
				"When to use", "When the buyer doubts the value.",
				"Cost", "Two weeks of an engineer.",
				"Approver", "The sales director.",
				"Long", long),
			[]Section{{Heading: "Long", Anchor: "long", Status: SectionAdded, Parts: []Part{{Op: Insert, Text: numbered("w", 60), Elided: true}}}},
			101, 0},
		{"no sections at all",
			pagetext.Doc{URL: "/tools/pilot/", Title: "Pilot", Kind: "closing-tool", Facets: map[string][]string{"kind": {"closing-tool"}}},
			[]Section{
				{Status: SectionRemoved, Parts: []Part{{Op: Delete, Text: "A paid pilot."}}},
				{Heading: "When to use", Status: SectionRemoved, Parts: []Part{{Op: Delete, Text: "When the buyer doubts the value."}}},
				{Heading: "Cost", Status: SectionRemoved, Parts: []Part{{Op: Delete, Text: "Two weeks of an engineer."}}},
				{Heading: "Approver", Status: SectionRemoved, Parts: []Part{{Op: Delete, Text: "The sales director."}}},
			},
			0, 3 + 9 + 6 + 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare([]pagetext.Doc{base}, []pagetext.Doc{tc.new}, Options{})
			if tc.want == nil {
				if !r.Empty() {
					t.Errorf("report = %+v, want empty", r)
				}
				return
			}
			if len(r.Changed) != 1 {
				t.Fatalf("changed = %+v", r.Changed)
			}
			c := r.Changed[0]
			if !reflect.DeepEqual(c.Sections, tc.want) {
				t.Errorf("sections =\n%+v\nwant\n%+v", c.Sections, tc.want)
			}
			if c.Inserted != tc.ins || c.Deleted != tc.del {
				t.Errorf("inserted, deleted = %d, %d; want %d, %d", c.Inserted, c.Deleted, tc.ins, tc.del)
			}
			// The other way round, additions become removals.
			back := Compare([]pagetext.Doc{tc.new}, []pagetext.Doc{base}, Options{})
			if len(back.Changed) != 1 || back.Changed[0].Inserted != tc.del || back.Changed[0].Deleted != tc.ins {
				t.Errorf("reverse = %+v", back.Changed)
			}
		})
	}
}

func TestDuplicateHeadings(t *testing.T) {
	old := doc("/plays/p/", "P", "play", "", "Example", "one", "Example", "two")
	new := doc("/plays/p/", "P", "play", "", "Example", "one", "Example", "two", "Example", "three")
	r := Compare([]pagetext.Doc{old}, []pagetext.Doc{new}, Options{})
	want := []Section{{Heading: "Example", Anchor: "example", Status: SectionAdded, Parts: []Part{{Op: Insert, Text: "three"}}}}
	if len(r.Changed) != 1 || !reflect.DeepEqual(r.Changed[0].Sections, want) {
		t.Errorf("changed = %+v", r.Changed)
	}
}

func TestDetails(t *testing.T) {
	withFacets := func(kind string, facets map[string][]string) pagetext.Doc {
		d := doc("/objections/o/", "O", kind, "text")
		for k, v := range facets {
			d.Facets[k] = v
		}
		return d
	}
	old := withFacets("objection", map[string][]string{
		"category": {"price"}, "stage": {"negotiation"}, "tags": {"budget"}, "owners": {"Sales"}, "region": {"EMEA"},
	})
	cases := []struct {
		name     string
		new      pagetext.Doc
		want     string
		ins, del int
	}{
		{"stage", withFacets("objection", map[string][]string{
			"category": {"price"}, "stage": {"closing"}, "tags": {"budget"}, "owners": {"Sales"}, "region": {"EMEA"},
		}), "stage: [-negotiation-]{+closing+}", 1, 1},
		{"tag added, owners and an unknown facet changed", withFacets("objection", map[string][]string{
			"category": {"price"}, "stage": {"negotiation"}, "tags": {"budget", "cfo"}, "owners": {"Marketing"}, "region": {"APAC"},
		}), "owners: [-Sales-]{+Marketing+}\ntags: budget{+, cfo+}\nregion: [-EMEA-]{+APAC+}", 3, 2},
		{"facet gone", withFacets("objection", map[string][]string{
			"category": {"price"}, "stage": {"negotiation"}, "owners": {"Sales"}, "region": {"EMEA"},
		}), "tags:[- budget-]", 0, 1},
		{"kind", withFacets("play", map[string][]string{
			"category": {"price"}, "stage": {"negotiation"}, "tags": {"budget"}, "owners": {"Sales"}, "region": {"EMEA"},
		}), "kind: [-objection-]{+play+}", 1, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare([]pagetext.Doc{old}, []pagetext.Doc{tc.new}, Options{})
			if len(r.Changed) != 1 || len(r.Changed[0].Sections) != 1 {
				t.Fatalf("report = %+v", r)
			}
			c := r.Changed[0]
			s := c.Sections[0]
			if s.Heading != DetailsHeading || s.Status != SectionChanged || s.Anchor != "" {
				t.Errorf("section = %+v", s)
			}
			if got := show(s); got != tc.want {
				t.Errorf("details = %q, want %q", got, tc.want)
			}
			if c.Inserted != tc.ins || c.Deleted != tc.del {
				t.Errorf("inserted, deleted = %d, %d; want %d, %d", c.Inserted, c.Deleted, tc.ins, tc.del)
			}
			if c.Kind != tc.new.Kind {
				t.Errorf("kind = %q", c.Kind)
			}
		})
	}

	// nil and empty facet values are the same; the kind facet is ignored
	// in favour of Kind.
	a := withFacets("objection", map[string][]string{"tags": nil})
	b := withFacets("objection", map[string][]string{"persona": {}})
	b.Facets["kind"] = nil
	if r := Compare([]pagetext.Doc{a}, []pagetext.Doc{b}, Options{}); !r.Empty() {
		t.Errorf("empty facets differ: %+v", r)
	}
}

func TestTitle(t *testing.T) {
	old := doc("/objections/o/", "Too expensive", "objection", "text", "Response", "Show the value.")
	cases := []struct {
		name     string
		new      pagetext.Doc
		sections int
		ins, del int
	}{
		{"title only", doc("/objections/o/", "Too expensive for now", "objection", "text", "Response", "Show the value."), 0, 2, 0},
		{"case counts", doc("/objections/o/", "Far too expensive", "objection", "text", "Response", "Show the value."), 0, 2, 1},
		{"title and text", doc("/objections/o/", "Too costly", "objection", "text", "Response", "Show the ROI."), 1, 2, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := Compare([]pagetext.Doc{old}, []pagetext.Doc{tc.new}, Options{})
			if len(r.Changed) != 1 {
				t.Fatalf("report = %+v", r)
			}
			c := r.Changed[0]
			if c.OldTitle != "Too expensive" || c.Title != tc.new.Title {
				t.Errorf("titles = %q, %q", c.OldTitle, c.Title)
			}
			if len(c.Sections) != tc.sections || c.Inserted != tc.ins || c.Deleted != tc.del {
				t.Errorf("change = %+v", c)
			}
		})
	}
	same := Compare([]pagetext.Doc{old}, []pagetext.Doc{old}, Options{})
	if !same.Empty() {
		t.Errorf("same = %+v", same)
	}
}

func TestJSONRoundTrip(t *testing.T) {
	before, after := numbered("a", 20), numbered("b", 20)
	from := []pagetext.Doc{
		doc("/objections/price/", "Price", "objection", before+" too cheap "+after, "Proof", "Acme"),
		doc("/objections/gone/", "Gone", "objection", ""),
	}
	to := []pagetext.Doc{
		doc("/objections/price/", "Pricing", "objection", before+" too cost-effective "+after, "Proof", "Acme and Globex"),
		doc("/tools/new/", "New", "closing-tool", "fresh"),
	}
	to[0].Facets["stage"] = []string{"closing"}
	r := Compare(from, to, Options{From: "v1", To: "v2", FromPath: "v/v1/", KindOrder: []string{"objection"}})
	if r.Empty() || len(r.Changed) != 1 || len(r.Changed[0].Sections) != 3 {
		t.Fatalf("report = %+v", r)
	}
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back Report
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, r) {
		t.Errorf("round trip:\n%+v\nwant\n%+v", back, *r)
	}
	for _, key := range []string{`"added":[{"path":"tools/new/"`, `"removed":[{"path":"objections/gone/"`, `"old_title":"Price"`, `"elided":true`, `"status":"changed"`} {
		if !strings.Contains(string(data), key) {
			t.Errorf("JSON lacks %s: %s", key, data)
		}
	}
	empty, _ := json.Marshal(Compare(nil, nil, Options{}))
	if want := `{"from":"","to":"","from_path":"","to_path":"","added":[],"removed":[],"changed":[]}`; string(empty) != want {
		t.Errorf("empty JSON = %s", empty)
	}
}

func TestDeterministic(t *testing.T) {
	from, to := corpus(200, 10)
	first, _ := json.Marshal(Compare(from, to, Options{KindOrder: []string{"objection"}}))
	for range 5 {
		again, _ := json.Marshal(Compare(from, to, Options{KindOrder: []string{"objection"}}))
		if string(again) != string(first) {
			t.Fatal("two runs differ")
		}
	}
}

func TestCorpus(t *testing.T) {
	from, to := corpus(200, 10)
	r := Compare(from, to, Options{})
	if len(r.Changed) != 10 || len(r.Added) != 0 || len(r.Removed) != 0 {
		t.Fatalf("changed %d, added %d, removed %d", len(r.Changed), len(r.Added), len(r.Removed))
	}
	for _, c := range r.Changed {
		if c.Inserted == 0 || c.Deleted == 0 || len(c.Sections) == 0 {
			t.Errorf("change = %+v", c)
		}
	}
	if !Compare(from, from, Options{}).Empty() {
		t.Error("identical corpus not empty")
	}
}

// corpus is n pages of about 1,000 words in five sections, and the same
// pages (as separate strings, as two builds would make them) with a few
// words edited in `changed` of them.
func corpus(n, changed int) (from, to []pagetext.Doc) {
	rng := rand.New(rand.NewPCG(7, 11))
	vocab := strings.Fields("the buyer pilot price value cost risk budget timing competitor authority need " +
		"success plan training credits reference call executive sponsor payment terms phased rollout " +
		"we you they can will should offer show prove ask listen agree, decide. quarter, renewal. ROI")
	text := func(words int) string {
		w := make([]string, words)
		for i := range w {
			w[i] = vocab[rng.IntN(len(vocab))]
		}
		return strings.Join(w, " ")
	}
	kinds := []string{"objection", "closing-tool", "play", "term", "persona"}
	for i := range n {
		d := pagetext.Doc{
			URL: fmt.Sprintf("/%s/page-%d/", kinds[i%len(kinds)], i), Title: fmt.Sprintf("Page %d", i), Kind: kinds[i%len(kinds)],
			Facets: map[string][]string{"kind": {kinds[i%len(kinds)]}, "tags": {"a", "b"}},
		}
		d.Sections = append(d.Sections, pagetext.Section{Text: text(200)})
		for s := range 4 {
			h := fmt.Sprintf("Heading %d", s)
			d.Sections = append(d.Sections, pagetext.Section{Anchor: fmt.Sprintf("heading-%d", s), Heading: h, Text: text(200)})
		}
		from = append(from, d)
	}
	for i, d := range from {
		c := d
		c.Facets = map[string][]string{"kind": {d.Kind}, "tags": {"a", "b"}}
		c.Sections = make([]pagetext.Section, len(d.Sections))
		for s, sec := range d.Sections {
			c.Sections[s] = pagetext.Section{Anchor: strings.Clone(sec.Anchor), Heading: strings.Clone(sec.Heading), Text: strings.Clone(sec.Text)}
		}
		if i%(n/changed) == 0 && i/(n/changed) < changed {
			s := &c.Sections[1+i%4]
			words := strings.Fields(s.Text)
			for range 3 {
				words[rng.IntN(len(words))] = "changed"
			}
			words = slices.Insert(words, rng.IntN(len(words)), "a", "new", "phrase")
			s.Text = strings.Join(words, " ")
		}
		to = append(to, c)
	}
	return from, to
}

func BenchmarkCompare1000(b *testing.B) {
	from, to := corpus(1000, 30)
	if r := Compare(from, to, Options{}); len(r.Changed) != 30 {
		b.Fatalf("changed = %d", len(r.Changed))
	}
	b.ReportAllocs()
	for b.Loop() {
		Compare(from, to, Options{})
	}
}
