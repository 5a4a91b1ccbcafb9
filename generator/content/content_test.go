package content

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
)

func sampleConfig(t *testing.T) *config.Config {
	t.Helper()
	c, err := config.Load("../../playbook")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestReadmeExamples keeps the README's content-model examples valid.
func TestReadmeExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	cfg := sampleConfig(t)
	blocks := regexp.MustCompile("(?s)```(?:toml|yaml)\n((?:\\+\\+\\+|---)\n.*?)```").FindAllSubmatch(readme, -1)
	if len(blocks) < 5 {
		t.Fatalf("found %d front matter examples in README, want at least 5", len(blocks))
	}
	// Each example goes in the folder of the kind its fields show.
	folderFor := func(fm string) string {
		for _, c := range []struct{ field, folder string }{
			{"says", "objections"}, {"approver", "closing-tools"}, {"agreed", "glossary"},
			{"role", "personas"}, {"goal", "plays"}, {"dont", "brand"},
		} {
			if regexp.MustCompile(`(?m)^` + c.field + `\s*[=:]`).MatchString(fm) {
				return c.folder
			}
		}
		return "guides"
	}
	kinds := map[string]bool{}
	for i, b := range blocks {
		file := "content/" + folderFor(string(b[1])) + "/x.md"
		var diags diag.List
		p := Parse(file, b[1], cfg, &diags)
		if p == nil || len(diags) > 0 {
			t.Errorf("README example %d (%s) is invalid: %v", i+1, file, diags)
			continue
		}
		kinds[p.Kind] = true
	}
	for _, k := range Kinds() {
		if !kinds[k] {
			t.Errorf("README has no example of a %s page", k)
		}
	}
}

func TestKindFromSection(t *testing.T) {
	cfg := sampleConfig(t)
	cases := map[string]string{
		"content/objections/a.md":      KindObjection,
		"content/closing-tools/a.md":   KindClosingTool,
		"content/glossary/a.md":        KindTerm,
		"content/personas/a.md":        KindPersona,
		"content/plays/a.md":           KindPlay,
		"content/brand/a.md":           KindBrand,
		"content/guides/a.md":          KindPage,
		"content/objections/_index.md": KindSection,
		"content/_index.md":            KindHome,
		"content/a.md":                 KindPage,
	}
	minimal := map[string]string{
		KindObjection:   "says = \"x\"\ncategory = \"price\"\n",
		KindClosingTool: "when = \"w\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\n",
		KindTerm:        "marketing = \"m\"\nsales = \"s\"\nagreed = \"a\"\n",
		KindPersona:     "role = \"r\"\n",
		KindPlay:        "persona = \"p\"\nstage = \"discovery\"\ngoal = \"g\"\n",
	}
	for file, kind := range cases {
		var diags diag.List
		p := Parse(file, []byte("+++\ntitle = \"T\"\n"+minimal[kind]+"+++\n"), cfg, &diags)
		if p == nil || len(diags) > 0 || p.Kind != kind {
			t.Errorf("%s: kind %v, diags %v; want %s", file, p, diags, kind)
		}
	}
	var diags diag.List
	p := Parse("content/guides/x.md", []byte("+++\ntitle = \"T\"\nkind = \"term\"\nmarketing = \"m\"\nsales = \"s\"\nagreed = \"a\"\n+++\n"), cfg, &diags)
	if p.Kind != KindTerm || p.Term == nil || len(diags) > 0 {
		t.Errorf("kind from front matter not applied: %v %v", p.Kind, diags)
	}
	if p.URL != "/guides/x/" {
		t.Errorf("URL %s", p.URL)
	}
}

func TestKindSpecificFieldOnWrongKind(t *testing.T) {
	var diags diag.List
	Parse("content/guides/x.md", []byte("+++\ntitle = \"T\"\nsays = \"x\"\n+++\n"), sampleConfig(t), &diags)
	if len(diags) != 1 || !strings.Contains(diags[0].String(), `content/guides/x.md:3:1: error: field "says" belongs to objection pages, but this page's kind is "page": set kind = "objection", or remove the field`) {
		t.Errorf("got %v", diags)
	}
}

func TestLoadSample(t *testing.T) {
	set, diags, err := Load(os.DirFS("../../playbook"), sampleConfig(t))
	if err != nil || len(diags) > 0 {
		t.Fatalf("err %v diags %v", err, diags)
	}
	counts := map[string]int{}
	for _, p := range set.Pages {
		if !p.Draft {
			counts[p.Kind]++
		}
	}
	// The brief's minimums for the sample playbook.
	mins := map[string]int{KindObjection: 10, KindClosingTool: 8, KindTerm: 12, KindPersona: 3, KindPlay: 3, KindBrand: 5}
	for kind, n := range mins {
		if counts[kind] < n {
			t.Errorf("sample has %d %s pages, want at least %d", counts[kind], kind, n)
		}
	}
	cats := map[string]bool{}
	for _, p := range set.Pages {
		if p.Objection != nil && !p.Draft {
			cats[p.Objection.Category] = true
		}
	}
	for _, c := range config.DefaultCategories() {
		if !cats[c] {
			t.Errorf("sample has no %s objection", c)
		}
	}
}

func TestOneMessagePerMistake(t *testing.T) {
	cfg := sampleConfig(t)
	cases := []struct{ file, src, want string }{
		{"content/plays/p.md", "+++\ntitle = \"P\"\npersonas = [\"cfo\"]\nstage = \"discovery\"\ngoal = \"g\"\n+++\n",
			`content/plays/p.md:3:1: error: unknown field "personas" (did you mean "persona"?)`},
		{"content/plays/p.md", "+++\ntitle = \"P\"\npersona = \"\"\nstage = \"discovery\"\ngoal = \"g\"\n+++\n",
			`content/plays/p.md:3:1: error: persona is empty: fill in the file name of the persona page this call is with`},
		{"content/objections/_index.md", "+++\ntitle = \"O\"\nproof = [\"x\"]\n+++\n",
			`content/objections/_index.md:3:1: error: field "proof" belongs to objection and persona pages, but this page's kind is "section": a folder's section page takes only the common fields, so remove it`},
	}
	for _, c := range cases {
		var diags diag.List
		Parse(c.file, []byte(c.src), cfg, &diags)
		if len(diags) != 1 || diags[0].String() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.file, diags, c.want)
		}
	}
}
