package content

import (
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// TestTextWhereListExpected: one text where the docs say list was read as
// a one-item list without a word, so "a, b" silently became one tag.
func TestTextWhereListExpected(t *testing.T) {
	cfg := sampleConfig(t)
	cases := []struct{ file, src, want string }{
		{"content/brand/x.md", "+++\ntitle = \"X\"\ntags =  \"pricing\"\n+++\n",
			`content/brand/x.md:3:1: warning: tags must be a list, like tags = ["pricing"]: the text is read as a one-item list for now`},
		{"content/brand/x.md", "---\ntitle: X\nowners: sales\n---\n",
			`content/brand/x.md:3:1: warning: owners must be a list, like owners: ["sales"]: the text is read as a one-item list for now`},
		{"content/objections/x.md", "+++\ntitle = \"X\"\nsays = \"s\"\ncategory = \"price\"\n  also_heard = \"Sorry, too pricey\"\n+++\n",
			`content/objections/x.md:5:3: warning: also_heard must be a list, like also_heard = ["Sorry, too pricey"]: the text is read as a one-item list for now`},
		{"content/brand/x.md", "+++\ntitle = \"X\"\ntags = \"pricing, discount\"\n+++\n",
			`content/brand/x.md:3:1: warning: tags must be a list, like tags = ["pricing", "discount"]: the text is read as a one-item list for now`},
		{"content/brand/x.md", "+++\ntitle = \"X\"\nredirect_from = \"/old/x/\"\n+++\n",
			`content/brand/x.md:3:1: warning: redirect_from must be a list, like redirect_from = ["/old/x/"]: the text is read as a one-item list for now`},
	}
	for _, c := range cases {
		var diags diag.List
		p := Parse(c.file, []byte(c.src), cfg, &diags)
		if len(diags) != 1 || diags[0].String() != c.want {
			t.Errorf("%s:\n got %v\nwant %s", c.src, diags, c.want)
		}
		if p == nil {
			t.Errorf("%s: no page", c.src)
		}
	}
}

// TestDuplicateRelations: 5,000 copies of one page name in a relation
// list passed without a word.
func TestDuplicateRelations(t *testing.T) {
	cfg := sampleConfig(t)
	answers := `answers = ["a", "too-expensive"` + strings.Repeat(`, "too-expensive"`, 4999) + `, "a.md", "b"]`
	src := "+++\ntitle = \"T\"\nowners = [\"sales\", \"sales\"]\nwhen = \"w\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\n" + answers + "\n+++\n"
	var diags diag.List
	p := Parse("content/closing-tools/t.md", []byte(src), cfg, &diags)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	want := []string{
		`content/closing-tools/t.md:3:20: warning: "sales" is listed 2 times in owners; list it once`,
		`content/closing-tools/t.md:8:34: warning: "too-expensive" is listed 5,000 times in answers; list it once`,
		`content/closing-tools/t.md:8:85017: warning: "a" is listed 2 times in answers; list it once`,
	}
	if !slices.Equal(got, want) {
		t.Fatalf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var slugs []string
	for _, r := range p.ClosingTool.Answers {
		slugs = append(slugs, r.Slug)
	}
	if !slices.Equal(slugs, []string{"a", "too-expensive", "b"}) || len(p.Owners) != 1 {
		t.Errorf("answers %v, owners %v", slugs, p.Owners)
	}
}

// TestReviewEveryBound: a huge review_every overflowed into "overdue".
func TestReviewEveryBound(t *testing.T) {
	var diags diag.List
	cfg := sampleConfig(t)
	p := Parse("content/brand/x.md", []byte("+++\ntitle = \"X\"\nreview_every = \"9223372036854775807d\"\n+++\n"), cfg, &diags)
	if want, _ := config.ParseDuration(cfg.Review.Every); p.ReviewEvery != want {
		t.Errorf("a refused review_every leaves the interval %+v, not the playbook's %s", p.ReviewEvery, cfg.Review.Every)
	}
	want := `content/brand/x.md:3:1: error: review_every: "9223372036854775807d" is more than 100 years: write a shorter interval, such as "1y"`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("got %v\nwant %s", diags, want)
	}
}
