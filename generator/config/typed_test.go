package config

import (
	"slices"
	"strings"
	"testing"
)

// badlyWrong has a value of the wrong type in most tables, in arrays of
// tables, in lists and in lists of lists, and one unknown key.
const badlyWrong = `title = 42
description = "Fine"
base_url = true
stages = ["discovery", 3, "closing"]

[owners.sales]
name = ["Sales"]
team = "@org/sales"

[review]
every = 180

[menu]
order = "brand"
per_page = "48"

[markdown]
raw_html = false
unsafe_html = "yes"

[search]
synonyms = [["ROI", 7], "cost"]
builtin_synonyms = "no"

[[brand.colours]]
name = "Blue"
hex = "#0B4F8A"

[[brand.colours]]
name = 2
hex = 0x0B4F8A

[[voice]]
find = "utilize"
regex = "true"
kinds = "page"

[versions]
enabled = 1
lates = "x"
`

// TestEveryTypeErrorInOneRun: BurntSushi/toml stopped at the first value
// of the wrong type, a different one each run, in Go's words and without
// a column.
func TestEveryTypeErrorInOneRun(t *testing.T) {
	want := []string{
		`playbook.toml:1:9: error: title must be text, not a number: put it in quotes`,
		`playbook.toml:3:12: error: base_url must be text, not true/false: put it in quotes`,
		`playbook.toml:4:24: error: stages: item 2 must be text, not a number: put it in quotes`,
		`playbook.toml:7:8: error: owners.sales.name must be text, not a list`,
		`playbook.toml:11:9: error: review.every must be text, not a number: put it in quotes`,
		`playbook.toml:14:9: error: menu.order must be a list of text, like ["brand"], not text`,
		`playbook.toml:15:12: error: menu.per_page must be a whole number, not text: write it without quotes`,
		`playbook.toml:18:12: error: markdown.raw_html must be text, not true/false: put it in quotes`,
		`playbook.toml:19:15: error: markdown.unsafe_html must be true or false, not text`,
		`playbook.toml:22:21: error: search.synonyms: item 1, item 2 must be text, not a number: put it in quotes`,
		`playbook.toml:22:25: error: search.synonyms: item 2 must be a list of text, like ["cost"], not text`,
		`playbook.toml:23:20: error: search.builtin_synonyms must be true or false, not text`,
		`playbook.toml:30:8: error: brand.colours[2].name must be text, not a number: put it in quotes`,
		`playbook.toml:31:7: error: brand.colours[2].hex must be text, not a number: put it in quotes`,
		`playbook.toml:35:9: error: voice[1].regex must be true or false, not text: write it without quotes`,
		`playbook.toml:36:9: error: voice[1].kinds must be a list of text, like ["page"], not text`,
		`playbook.toml:39:11: error: versions.enabled must be true or false, not a number`,
		`playbook.toml:40:1: error: unknown key "versions.lates" (did you mean "latest"?)`,
	}
	var first []string
	for run := range 20 {
		c, diags := parse([]byte(badlyWrong))
		if c == nil {
			t.Fatalf("no config: %v", diags)
		}
		var got []string
		for _, d := range diags {
			got = append(got, strings.Replace(d.String(), "error: ", "error: ", 1))
		}
		if run == 0 {
			first = got
			if !slices.Equal(got, want) {
				t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		} else if !slices.Equal(got, first) {
			t.Fatalf("run %d differs:\n%s", run, strings.Join(got, "\n"))
		}
		// What was right is kept, what was wrong is the default, so
		// check can go on to the content.
		if c.Title != "Playbook" || c.Description != "Fine" || c.BaseURL != "/" || c.Review.Every != "180d" ||
			c.Menu.PerPage != DefaultPerPage || c.Markdown.RawHTML != "safe" || c.Owners["sales"].Team != "@org/sales" ||
			!slices.Equal(c.Stages, []string{"discovery", "closing"}) || len(c.Brand.Colours) != 2 || c.Brand.Colours[0].Hex != "#0B4F8A" ||
			len(c.Voice) != 1 || c.Voice[0].Find != "utilize" || c.Voice[0].Severity != "warning" || !c.Versions.On() ||
			len(c.Search.Synonyms) != 1 || c.Search.Synonyms[0][0] != "ROI" {
			t.Fatalf("config after errors: %+v", c)
		}
	}
}

func TestTypeErrorsInInlineTables(t *testing.T) {
	src := "owners = { sales = { name = 1 } }\ncheck.severity = { anchor = 3 }\nbrand.pairs = [{ text = \"a\", background = \"b\", large = \"x\" }, 5]\n"
	_, diags := parse([]byte(src))
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, w := range []string{
		`playbook.toml:1:10: error: owners.sales.name must be text, not a number: put it in quotes`,
		`playbook.toml:2:18: error: check.severity.anchor must be text, not a number: put it in quotes`,
		`playbook.toml:3:16: error: brand.pairs[1].large must be true or false, not text`,
		`playbook.toml:3:63: error: brand.pairs: item 2 must be a table, not a number`,
	} {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in:\n%s", w, all)
		}
	}
}

// TestKeyCase: BurntSushi/toml matched keys regardless of case, so a
// playbook may have written Title; it still works.
func TestKeyCase(t *testing.T) {
	c, err := Parse([]byte("Title = \"T\"\n[Review]\nEvery = \"9m\"\n"))
	if err != nil || c.Title != "T" || c.Review.Every != "9m" {
		t.Fatalf("got %+v, %v", c, err)
	}
}

// TestEntriesCountFromOne: messages name array-of-tables entries from 1,
// whichever check finds the problem.
func TestEntriesCountFromOne(t *testing.T) {
	_, err := Parse([]byte("[[brand.colours]]\nname = \"A\"\nhex = \"#000000\"\n[[brand.colours]]\nhex = \"#FFFFFF\"\n[[brand.colours]]\nname = \"C\"\nhex = 3\n"))
	for _, w := range []string{
		`playbook.toml:4:1: error: brand.colours[2]: name is required`,
		`playbook.toml:8:7: error: brand.colours[3].hex must be text, not a number: put it in quotes`,
	} {
		if err == nil || !strings.Contains(err.Error(), w) {
			t.Errorf("missing %q in %v", w, err)
		}
	}
}

// TestTextTypeWords: a Size reads itself from text, so its Go kind (a
// struct) is no help: "must be a table, not a table" said nothing.
func TestTextTypeWords(t *testing.T) {
	for src, want := range map[string]string{
		"[markdown]\nmax_page_size = {a=1}\n": `playbook.toml:2:17: error: markdown.max_page_size must be a size, like "5MB" or 5000000, not a table`,
		"[markdown]\nmax_page_size = true\n":  `playbook.toml:2:17: error: markdown.max_page_size must be a size, like "5MB" or 5000000, not true/false`,
		"[markdown]\nmax_page_size = [1]\n":   `playbook.toml:2:17: error: markdown.max_page_size must be a size, like "5MB" or 5000000, not a list`,
	} {
		_, diags := parse([]byte(src))
		if len(diags) != 1 || diags[0].String() != want {
			t.Errorf("%q:\ngot  %v\nwant %s", src, diags, want)
		}
	}
}

// TestCapitalisedTables: keys that differ from a setting's name only in
// case are accepted, so every message about them has a line and column,
// and their values count as set.
func TestCapitalisedTables(t *testing.T) {
	for src, want := range map[string][]string{
		"[[Brand.Colours]]\nname = 5\nhex = \"#000000\"\n":           {`playbook.toml:2:8: error: Brand.Colours[1].name must be text, not a number: put it in quotes`},
		"[Brand]\n[[Brand.Colours]]\nname = \"x\"\nhex = \"nope\"\n": {`playbook.toml:4:1: error: brand colour "x": hex "nope" is not a colour like "#0B4F8A"`},
		"[Review]\nevery = \"5q\"\n":                                 {`playbook.toml:2:1: error: review.every: "5q" is not an interval: write a number and a unit, like "90d", "12w", "6m" or "1y"`},
		"[Owners.Sales]\nteam = \"x\"\n": {
			`playbook.toml:1:1: error: owners.Sales: name is required (the display name, e.g. "Marketing")`,
			`playbook.toml:2:1: error: owners.Sales.team "x" must be a handle starting with @ (e.g. "@org/team")`,
		},
		"[foo.bar]\nx = 1\n":   {`playbook.toml:1:1: error: unknown key "foo"`},
		"a = 1\nfoo.bar = 1\n": {`playbook.toml:1:1: error: unknown key "a"`, `playbook.toml:2:1: error: unknown key "foo"`},
	} {
		_, diags := parse([]byte(src))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\ngot  %s\nwant %s", src, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
		}
	}
	c, err := Parse([]byte("[Menu]\nPer_Page = 10\n"))
	if err != nil || c.Menu.PerPage != 10 {
		t.Errorf("[Menu] Per_Page = 10: got %d, %v", c.Menu.PerPage, err)
	}
}

// TestInlineTypeErrorsNotRepeated: a value left out for its type reads as
// missing to later checks; inside an inline table they said so again, at
// the table's header.
func TestInlineTypeErrorsNotRepeated(t *testing.T) {
	for src, want := range map[string][]string{
		"[brand]\ncolours = [{name=\"x\", hex=5}]\n":                                                 {`playbook.toml:2:12: error: brand.colours[1].hex must be text, not a number: put it in quotes`},
		"[brand]\ncolours = [{name=\"x\", hex=\"#000000\"}]\npairs = [{text=\"x\", background=3}]\n": {`playbook.toml:3:10: error: brand.pairs[1].background must be text, not a number: put it in quotes`},
		"brand = {colours = [{name=\"x\", hex=[1]}]}\n":                                              {`playbook.toml:1:9: error: brand.colours[1].hex must be text, not a list`},
		"[brand]\ncolours = [{name=\"x\", hex=\"nope\"}]\n":                                          {`playbook.toml:2:12: error: brand colour "x": hex "nope" is not a colour like "#0B4F8A"`},
		"owners = {sales = {name = \"S\", team = 5}}\n":                                              {`playbook.toml:1:10: error: owners.sales.team must be text, not a number: put it in quotes`},
	} {
		_, diags := parse([]byte(src))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\ngot  %s\nwant %s", src, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
		}
	}
}
