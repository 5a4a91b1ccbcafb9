package voice

import (
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// rulesTOML is the rule set most cases use.
const rulesTOML = `
[[voice]]
find = "cheap"
suggest = "cost-effective"

[[voice]]
find = "discount"
kinds = ["objection"]
suggest = "a closing tool"
message = "a discount answers an objection nobody raised"

[[voice]]
find = 'guarantee[sd]?'
regex = true
severity = "error"
message = "commit to effort, not outcomes"

[[voice]]
find = "synergy"
severity = "info"

[[voice]]
find = 'client(s?)'
regex = true
suggest = "customer$1"

[[voice]]
find = "closing tool"
kinds = ["page"]
suggest = "closing lever"

[[voice]]
find = "don't"
kinds = ["brand"]
suggest = "do not"
`

// check runs rules over one page and returns "line:col: severity: message"
// for each diagnostic.
func check(t *testing.T, rules, file, src string) []string {
	t.Helper()
	cfg, err := config.Parse([]byte(rules))
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	rs, err := Compile(cfg.Voice)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	p := content.Parse(file, []byte(src), cfg, &diags)
	if p == nil || diags.HasErrors() {
		t.Fatalf("page: %v", diags)
	}
	var out []string
	for _, d := range rs.Check(p, markdown.New(markdown.Options{})) {
		if d.File != file || d.Rule != "voice" {
			t.Errorf("diagnostic %+v: want file %s, rule voice", d, file)
		}
		out = append(out, strings.TrimPrefix(d.String(), file+":"))
	}
	return out
}

const fm = "+++\ntitle = \"T\"\n+++\n" // the body starts on line 4

func TestCheck(t *testing.T) {
	cases := []struct {
		name, file, src string
		want            []string
	}{
		{"paragraph", "content/guides/x.md", fm + "A cheap option.\n",
			[]string{`4:3: warning: "cheap": say "cost-effective" instead`}},
		{"case and second line", "content/guides/x.md", fm + "First line\nis CHEAP and Cheap.\n",
			[]string{`5:4: warning: "CHEAP": say "cost-effective" instead`, `5:14: warning: "Cheap": say "cost-effective" instead`}},
		{"heading", "content/guides/x.md", fm + "## Cheap lanes\n",
			[]string{`4:4: warning: "Cheap": say "cost-effective" instead`}},
		{"list item, quote, table cell", "content/guides/x.md", fm + "- one\n- two cheap\n\n> so cheap\n\n| a | b |\n|---|---|\n| x | cheap |\n",
			[]string{`5:7: warning: "cheap": say "cost-effective" instead`, `7:6: warning: "cheap": say "cost-effective" instead`, `11:7: warning: "cheap": say "cost-effective" instead`}},
		{"link text, not its address", "content/guides/x.md", fm + "See [cheap rates](https://cheap.example/cheap \"cheap\").\n",
			[]string{`4:6: warning: "cheap": say "cost-effective" instead`}},
		{"image alt text", "content/guides/x.md", fm + "![cheap truck](cheap.png)\n",
			[]string{`4:3: warning: "cheap": say "cost-effective" instead`}},
		{"emphasis inside a word", "content/guides/x.md", fm + "Never **ch**eap.\n",
			[]string{`4:9: warning: "cheap": say "cost-effective" instead`}},
		{"phrase across a line break", "content/guides/x.md", fm + "Pick a closing\n  tool.\n",
			[]string{`4:8: warning: "closing tool": say "closing lever" instead`}},
		{"phrase across link markup", "content/guides/x.md", fm + "Pick a [closing](a.md) tool.\n",
			[]string{`4:9: warning: "closing tool": say "closing lever" instead`}},
		{"not across code", "content/guides/x.md", fm + "Pick a closing `x` tool.\n", nil},
		{"never code, URLs or HTML", "content/guides/x.md", fm + "Use `cheap` and <https://cheap.example> and www.cheap.example and <span title=\"cheap\">x</span> <!-- cheap -->\n\n```\ncheap\n```\n\n    cheap indented\n\n<div>\ncheap\n</div>\n\n<!-- cheap\n-->\n",
			nil},
		{"escapes and entities", "content/guides/x.md", fm + "\\*cheap\\* &amp; &quot;cheap&quot; clients&amp;co\n",
			[]string{`4:3: warning: "cheap": say "cost-effective" instead`, `4:23: warning: "cheap": say "cost-effective" instead`, `4:35: warning: "clients": say "customers" instead`}},
		{"word boundaries", "content/guides/x.md", fm + "cheaper, cheapest, uncheap, cheap_x, cheap9, cheapé, écheap; cheap's cheap-looking (cheap)\n",
			[]string{`4:64: warning: "cheap": say "cost-effective" instead`, `4:72: warning: "cheap": say "cost-effective" instead`, `4:87: warning: "cheap": say "cost-effective" instead`}},
		{"regex rule, groups in the suggestion", "content/guides/x.md", fm + "Our client and our Clients, guarantee guaranteed guaranteeing.\n",
			[]string{`4:5: warning: "client": say "customer" instead`, `4:20: warning: "Clients": say "customers" instead`,
				`4:29: error: "guarantee" is banned: commit to effort, not outcomes`, `4:39: error: "guaranteed" is banned: commit to effort, not outcomes`}},
		{"severity info, banned without message", "content/guides/x.md", fm + "Synergy.\n",
			[]string{`4:1: note: "Synergy" is banned`}},
		{"kinds: objection only", "content/guides/x.md", fm + "A discount.\n", nil},
		{"kinds: on an objection", "content/objections/x.md", "+++\ntitle = \"T\"\nsays = \"Give me a discount.\"\ncategory = \"price\"\navoid = [\"I'll get you a discount.\"]\nalso_heard = [\"Any discount?\"]\n+++\nNo discount.\n",
			[]string{`8:4: warning: "discount": say "a closing tool" instead (a discount answers an objection nobody raised)`}},
		{"typographic apostrophe", "content/brand/x.md", fm + "Don't and don’t and dont.\n",
			[]string{`4:1: warning: "Don't": say "do not" instead`, `4:11: warning: "don’t": say "do not" instead`}},
		{"front matter texts, not keys", "content/closing-tools/x.md", "+++\ntitle = \"Cheap wins\"\ndescription = \"Not cheap.\"\nwhen = \"The client is a cheap, `cheap` one.\"\nvalue = \"x\"\ncost = \"y\"\napprover = \"z\"\n+++\n",
			[]string{`2:10: warning: "Cheap": say "cost-effective" instead`, `3:20: warning: "cheap": say "cost-effective" instead`,
				`4:13: warning: "client": say "customer" instead`, `4:25: warning: "cheap": say "cost-effective" instead`}},
		{"front matter key named like a rule", "content/guides/x.md", "+++\ntitle = \"client\"\n+++\n",
			[]string{`2:10: warning: "client": say "customer" instead`}},
		{"front matter list items and escapes", "content/objections/x.md", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nproof = [\n  \"One\",\n  \"A \\\"cheap\\\" one, cheap.\",\n]\n+++\n",
			[]string{`7:8: warning: "cheap": say "cost-effective" instead`, `7:21: warning: "cheap": say "cost-effective" instead`}},
		{"YAML front matter", "content/personas/x.md", "---\ntitle: Cheap\nrole: Cheap buyer\ngoals:\n  - Save on a cheap lane\n  - |\n    A block\n    with cheap words\n---\n",
			[]string{`2:8: warning: "Cheap": say "cost-effective" instead`, `5:15: warning: "cheap": say "cost-effective" instead`, `8:10: warning: "cheap": say "cost-effective" instead`}},
		{"brand dont is not checked, do is", "content/brand/x.md", "+++\ntitle = \"T\"\ndo = [\"Don't hedge.\"]\ndont = [\"Don't say cheap.\"]\n+++\n",
			[]string{`3:8: warning: "Don't": say "do not" instead`}},
		{"opt out: the next block", "content/guides/x.md", fm + "<!-- voice: off -->\nA cheap one.\n\nA cheap two.\n",
			[]string{`7:3: warning: "cheap": say "cost-effective" instead`}},
		{"opt out: a whole list", "content/guides/x.md", fm + "<!-- voice: off -->\n- cheap\n- cheap\n\ncheap\n",
			[]string{`8:1: warning: "cheap": say "cost-effective" instead`}},
		{"opt out: one item, inline", "content/guides/x.md", fm + "- cheap <!-- voice: off -->\n- cheap\n",
			[]string{`5:3: warning: "cheap": say "cost-effective" instead`}},
		{"opt out: some rules", "content/guides/x.md", fm + "<!-- Voice: OFF \"Cheap\", clients -->\nA cheap clients, guaranteed.\n",
			[]string{`5:18: error: "guaranteed" is banned: commit to effort, not outcomes`}},
		{"opt out: by the rule's find", "content/guides/x.md", fm + "<!-- voice: off guarantee[sd]? -->\nGuaranteed.\n", nil},
		{"opt out: a blank line between", "content/guides/x.md", fm + "<!-- voice: off -->\n\nA cheap one.\n", nil},
		{"opt out: one table cell", "content/guides/x.md", fm + "| a | b |\n|---|---|\n| cheap <!-- voice: off --> | cheap |\n",
			[]string{`6:31: warning: "cheap": say "cost-effective" instead`}},
		{"opt out: a heading only", "content/guides/x.md", fm + "<!-- voice: off -->\n## Cheap\n\nCheap.\n",
			[]string{`7:1: warning: "Cheap": say "cost-effective" instead`}},
		{"opt out: a front matter list item", "content/objections/x.md", "+++\ntitle = \"Cheap\" # voice: off cheap\nsays = \"x\"\ncategory = \"price\"\nproof = [\n  # voice: off\n  \"cheap\",\n  \"cheap too\",\n]\n+++\n",
			[]string{`8:4: warning: "cheap": say "cost-effective" instead`}},
		{"other comments do not opt out", "content/guides/x.md", fm + "<!-- TODO: voice -->\nA cheap one.\n",
			[]string{`5:3: warning: "cheap": say "cost-effective" instead`}},
		{"opt out in front matter", "content/guides/x.md", "+++\ntitle = \"Cheap\" # voice: off\n# voice: off cheap\ndescription = \"Cheap client\"\n+++\n",
			[]string{`4:22: warning: "client": say "customer" instead`}},
		{"overlapping rules both report", "content/guides/x.md", fm + "A closing tool.\n",
			[]string{`4:3: warning: "closing tool": say "closing lever" instead`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := check(t, rulesTOML, c.file, c.src)
			if !slices.Equal(got, c.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

func TestOverlappingRules(t *testing.T) {
	rules := `
[[voice]]
find = "offer a discount"
suggest = "offer a paid pilot"
[[voice]]
find = 'discount|discounted'
regex = true
severity = "info"
`
	got := check(t, rules, "content/guides/x.md", fm+"We offer a discount, discounted twice.\n")
	want := []string{
		`4:4: warning: "offer a discount": say "offer a paid pilot" instead`,
		`4:12: note: "discount" is banned`,
		`4:22: note: "discounted" is banned`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestNoRules(t *testing.T) {
	if got := check(t, "", "content/guides/x.md", fm+"Anything cheap.\n"); got != nil {
		t.Errorf("no rules gave %v", got)
	}
	var rs *Rules
	if d := rs.Check(&content.Page{}, nil); d != nil {
		t.Errorf("nil rules gave %v", d)
	}
}

// TestCheckDoc: a body parsed once (as check does for links) gives the
// same result as Check.
func TestCheckDoc(t *testing.T) {
	cfg, err := config.Parse([]byte(rulesTOML))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Compile(cfg.Voice)
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.List
	p := content.Parse("content/guides/x.md", []byte(fm+"## Cheap\n\nA client.\n"), cfg, &diags)
	md := markdown.New(markdown.Options{})
	a, b := rs.Check(p, md), rs.CheckDoc(p, md.Parse(p.Body), md)
	if len(a) != 2 || !slices.Equal(a, b) {
		t.Errorf("Check %v, CheckDoc %v", a, b)
	}
}

// TestKinds keeps the kinds a rule may name in step with the content model.
func TestKinds(t *testing.T) {
	want := append(content.Kinds(), content.KindSection, content.KindHome)
	if got := config.VoiceKinds(); !slices.Equal(got, want) {
		t.Errorf("config.VoiceKinds() = %v, want %v", got, want)
	}
}

func TestCompileErrors(t *testing.T) {
	for _, r := range []config.VoiceRule{
		{Find: " "},
		{Find: "(", Regex: true},
		{Find: `\bcheap`, Regex: true},
		{Find: "x?", Regex: true},
		{Find: "x", Severity: "fatal"},
	} {
		if _, err := Compile([]config.VoiceRule{r}); err == nil {
			t.Errorf("Compile(%+v) gave no error", r)
		}
	}
}
