package config

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
)

// TestDocumentedExample keeps docs/configuration.md true: its example must load.
func TestDocumentedExample(t *testing.T) {
	doc, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)```toml\n(.*?)```").FindSubmatch(doc)
	if m == nil {
		t.Fatal("no toml example in docs/configuration.md")
	}
	c, err := Parse(m[1])
	if err != nil {
		t.Fatalf("documented example does not load: %v", err)
	}
	if c.Title != "Northwind Playbook" || len(c.Brand.Colours) != 2 || len(c.Brand.Pairs) != 1 || c.OwnerIDs()[0] != "marketing" || len(c.Stages) != 5 {
		t.Errorf("example decoded wrongly: %+v", c)
	}
}

func TestSampleConfig(t *testing.T) {
	c, err := Load("../../playbook")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.OwnerIDs(), ","); got != "marketing,sales,enablement,product-marketing" {
		t.Errorf("owner order %s", got)
	}
}

func TestDefaults(t *testing.T) {
	c, err := Parse(nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Title != "Playbook" || c.BaseURL != "/" || c.Review.Every != "180d" || c.Repository.Branch != "main" || len(c.Objections.Categories) != 6 || c.Menu.PerPage != DefaultPerPage {
		t.Errorf("defaults: %+v", c)
	}
	c, _ = Parse([]byte(`base_url = "https://x.example/pb"`))
	if c.BaseURL != "https://x.example/pb/" {
		t.Errorf("base_url not given a trailing slash: %s", c.BaseURL)
	}
}

func TestErrorsCollectedWithLines(t *testing.T) {
	src := "title = \"T\"\ncolour = \"x\"\n\n[owners.sales]\nteam = \"sales\"\n\n[review]\nevery = \"often\"\n\n[menu]\nper_page = 0\n"
	_, err := Parse([]byte(src))
	list, ok := diag.From(err)
	if !ok {
		t.Fatalf("want diagnostics, got %v", err)
	}
	var got []string
	for _, d := range list {
		got = append(got, d.String())
	}
	want := []string{
		`playbook.toml:2:1: error: unknown key "colour"`,
		`playbook.toml:4:1: error: owners.sales: name is required`,
		`playbook.toml:5:1: error: owners.sales.team "sales" must be a handle starting with @`,
		`playbook.toml:8:1: error: review.every: "often" is not an interval`,
		`playbook.toml:11:1: error: menu.per_page is 0: set how many cards a section page lists, like 48 (at least 1)`,
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in:\n%s", w, all)
		}
	}
}

func TestIntervals(t *testing.T) {
	base := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	cases := map[string]string{"90d": "2026-05-01", "2w": "2026-02-14", "1m": "2026-03-03", "1y": "2027-01-31"}
	for in, want := range cases {
		iv, err := ParseDuration(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := iv.After(base).Format("2006-01-02"); got != want {
			t.Errorf("%s after %s = %s, want %s", in, base.Format("2006-01-02"), got, want)
		}
	}
	for _, bad := range []string{"", "d", "90", "-3d", "3x", "1.5m"} {
		if _, err := ParseDuration(bad); err == nil {
			t.Errorf("ParseDuration(%q) accepted", bad)
		}
	}
}

func TestHighlightStyle(t *testing.T) {
	_, err := Parse([]byte("[markdown]\nhighlight_dark = \"github-drak\"\n"))
	if err == nil || !strings.Contains(err.Error(), `playbook.toml:2:1: error: markdown.highlight_dark: unknown highlight style "github-drak" (did you mean "github-dark"?)`) {
		t.Errorf("got %v", err)
	}
}

func TestRawHTML(t *testing.T) {
	cases := []struct {
		src, want, err string
	}{
		{"", "safe", ""},
		{"[markdown]\nraw_html = \"escape\"\n", "escape", ""},
		{"[markdown]\nraw_html = \"unsafe\"\n", "unsafe", ""},
		{"[markdown]\nunsafe_html = true\n", "unsafe", ""},
		{"[markdown]\nunsafe_html = false\n", "escape", ""},
		{"[markdown]\nunsafe_html = true\nraw_html = \"unsafe\"\n", "unsafe", ""},
		{"[markdown]\nunsafe_html = false\nraw_html = \"safe\"\n", "safe", ""},
		{"[markdown]\nraw_html = \"sfae\"\n", "safe", `playbook.toml:2:1: error: markdown.raw_html "sfae": use "safe" (allowed tags and attributes, as on GitHub), "escape" (show HTML as text) or "unsafe" (pass it through) (did you mean "safe"?)`},
		{"[markdown]\nraw_html = \"safe\"\nunsafe_html = true\n", "safe", `playbook.toml:3:1: error: markdown.unsafe_html = true contradicts raw_html = "safe": remove unsafe_html, the older name for raw_html = "unsafe"`},
		{"[markdown]\nunsafe_html = false\nraw_html = \"unsafe\"\n", "unsafe", `playbook.toml:2:1: error: markdown.unsafe_html = false contradicts raw_html = "unsafe": remove unsafe_html, the older name for raw_html = "escape"`},
	}
	for _, c := range cases {
		cfg, diags := parse([]byte(c.src))
		if c.err == "" && len(diags) > 0 || c.err != "" && (len(diags) != 1 || diags[0].String() != c.err) {
			t.Errorf("%q: diagnostics %v, want %s", c.src, diags, c.err)
		}
		if cfg.Markdown.RawHTML != c.want || cfg.Markdown.UnsafeHTML != (c.want == "unsafe") {
			t.Errorf("%q: raw_html %q unsafe_html %v, want %q", c.src, cfg.Markdown.RawHTML, cfg.Markdown.UnsafeHTML, c.want)
		}
	}
}

func TestBrandSpellingsAndFonts(t *testing.T) {
	c, err := Parse([]byte("[[brand.colors]]\nname = \"Blue\"\nhex = \"#00f\"\n"))
	if err != nil || len(c.Brand.Colours) != 1 {
		t.Errorf("brand.colors not accepted: %v %+v", err, c)
	}
	_, err = Parse([]byte("[[brand.fonts]]\nname = \"X\"\nstack = \"x; background: url(evil)\"\n"))
	if err == nil || !strings.Contains(err.Error(), `playbook.toml:3:1: error: brand font "X": stack`) {
		t.Errorf("unsafe font stack accepted: %v", err)
	}
}

func TestColourErrorsPointAtTheirEntry(t *testing.T) {
	src := "[[brand.colours]]\nname = \"A\"\nhex = \"#000\"\n\n[[brand.colours]]\nname = \"B\"\nhex = \"red\"\n\n[[brand.colors]]\nname = \"C\"\nhex = \"blue\"\n"
	_, err := Parse([]byte(src))
	for _, want := range []string{`playbook.toml:7:1: error: brand colour "B"`, `playbook.toml:11:1: error: brand colour "C"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %s", err, want)
		}
	}
}

func TestDefaultsAreCopies(t *testing.T) {
	a, _ := Parse(nil)
	a.Stages[0] = "changed"
	b, _ := Parse(nil)
	if b.Stages[0] != "discovery" {
		t.Errorf("defaults shared between configs")
	}
}

func TestRepositoryAndLanguage(t *testing.T) {
	_, err := Parse([]byte("language = \"english\"\n[repository]\nurl = \"github.com/org/repo\"\n"))
	for _, want := range []string{`playbook.toml:1:1: error: language "english" is not a language code`, `playbook.toml:3:1: error: repository.url "github.com/org/repo" must be a full address`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %s", err, want)
		}
	}
	if _, err := Parse([]byte("language = \"en-GB\"\n")); err != nil {
		t.Errorf("en-GB refused: %v", err)
	}
}

func TestVoiceRules(t *testing.T) {
	c, err := Parse([]byte("[[voice]]\nfind = \"cheap\"\nsuggest = \"cost-effective\"\n\n[[voice]]\nfind = 'guarantee[sd]?'\nregex = true\nseverity = \"error\"\nkinds = [\"objection\", \"home\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Voice) != 2 || c.Voice[0].Severity != "warning" || c.Voice[1].Severity != "error" || !c.Voice[1].Regex || len(c.Voice[1].Kinds) != 2 {
		t.Errorf("decoded %+v", c.Voice)
	}
	if p, err := c.Voice[0].Pattern(); err != nil || p != "cheap" {
		t.Errorf("pattern %q, %v", p, err)
	}
	if p, _ := (VoiceRule{Find: " don't  say.it "}).Pattern(); p != `don['’]t\s+say\.it` {
		t.Errorf("phrase pattern %q", p)
	}
}

func TestVoiceErrorsPointAtTheirRule(t *testing.T) {
	src := `[[voice]]
find = "cheap"

[[voice]]
find = "(cheap"
regex = true

[[voice]]
find = "x"
severity = "warnig"
kinds = ["objections"]
sugest = "y"

[[voice]]
suggest = "z"

[[voice]]
find = '\bcheap'
regex = true

[[voice]]
find = 'x*'
regex = true

[[voice]]
find = "Utilize"
suggest = "utilize"
`
	_, err := Parse([]byte(src))
	list, ok := diag.From(err)
	if !ok {
		t.Fatalf("want diagnostics, got %v", err)
	}
	var got []string
	for _, d := range list {
		got = append(got, d.String())
	}
	want := []string{
		`playbook.toml:5:1: error: voice rule 2 ("(cheap"): find "(cheap" is not a valid regular expression: missing closing ): (cheap`,
		`playbook.toml:10:1: error: voice rule 3 ("x"): severity "warnig" is not one of: error, warning, info (did you mean "warning"?)`,
		`playbook.toml:11:1: error: voice rule 3 ("x"): kind "objections" is not a page kind: use one of page, objection, closing-tool, term, persona, play, brand, section, home (did you mean "objection"?)`,
		`playbook.toml:12:1: error: unknown key "voice.sugest" (did you mean "suggest"?)`,
		`playbook.toml:14:1: error: voice rule 4: find is empty`,
		`playbook.toml:18:1: error: voice rule 5 ("\\bcheap"): find "\\bcheap" uses ^, $, \A, \z, \b or \B`,
		`playbook.toml:22:1: error: voice rule 6 ("x*"): find "x*" matches empty text`,
		`playbook.toml:27:1: error: voice rule 7 ("Utilize"): suggest is the same as find`,
	}
	all := strings.Join(got, "\n")
	for _, w := range want {
		if !strings.Contains(all, w) {
			t.Errorf("missing %q in:\n%s", w, all)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%s", len(got), len(want), all)
	}
}

// LoadAll gives check a usable config even when it has mistakes.
func TestLoadAllKeepsGoing(t *testing.T) {
	dir := t.TempDir()
	src := "title = \"T\"\nbase_ulr = \"/x/\"\n[review]\nevery = \"often\"\n"
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c, list, err := LoadAll(dir)
	if err != nil || c == nil || len(list) != 2 {
		t.Fatalf("LoadAll: %v, %v, %v", c, list, err)
	}
	if c.Title != "T" || c.Review.Every != "180d" {
		t.Errorf("config after mistakes: title %q, review.every %q", c.Title, c.Review.Every)
	}
	if _, err := Load(dir); err == nil {
		t.Error("Load accepts a config with mistakes")
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte("title = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, list, _ := LoadAll(dir); c != nil || !list.HasErrors() {
		t.Errorf("undecodable config: %v, %v", c, list)
	}
}

func TestContentTable(t *testing.T) {
	c, err := Parse(nil)
	if err != nil || c.Content.UnknownFields != UnknownWarning {
		t.Fatalf("default unknown_fields %q (%v)", c.Content.UnknownFields, err)
	}
	_, err = Parse([]byte("[content]\nunknown_fields = \"loud\"\npublish = [\"../x\"]\n"))
	want := []string{
		`playbook.toml:2:1: error: content.unknown_fields "loud": use "warning", "error" or "ignore"`,
		`playbook.toml:3:1: error: content.publish "../x": name a folder inside content/, like ".gitbook/assets"`,
	}
	list, _ := diag.From(err)
	if len(list) != len(want) {
		t.Fatalf("got %v", list)
	}
	for i, w := range want {
		if list[i].String() != w {
			t.Errorf("got %s\nwant %s", list[i], w)
		}
	}
}

// TestIntervalBound: 9223372036854775807d overflowed the date arithmetic
// and made every page overdue.
func TestIntervalBound(t *testing.T) {
	for _, s := range []string{"9223372036854775807d", "99999999999999999999999d", "36526d", "5219w", "1201m", "101y"} {
		_, err := ParseDuration(s)
		if err == nil || err.Error() != `"`+s+`" is more than 100 years: write a shorter interval, such as "1y"` {
			t.Errorf("ParseDuration(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"36525d", "5217w", "1200m", "100y"} {
		if _, err := ParseDuration(s); err != nil {
			t.Errorf("ParseDuration(%q): %v", s, err)
		}
	}
	_, err := Parse([]byte("[review]\nevery = \"9223372036854775807d\"\n"))
	if err == nil || !strings.Contains(err.Error(), `playbook.toml:2:1: error: review.every: "9223372036854775807d" is more than 100 years: write a shorter interval, such as "1y"`) {
		t.Errorf("config: %v", err)
	}
	base := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	for _, iv := range []Interval{{N: math.MaxInt, Unit: 'd'}, {N: math.MaxInt, Unit: 'm'}, {N: math.MaxInt}} {
		if got := iv.After(base); got.Year() != 2126 {
			t.Errorf("%+v after %s = %s, want 100 years on", iv, base, got)
		}
	}
	if got := (Interval{}).After(base); !got.Equal(base) {
		t.Errorf("zero interval moved the date to %s", got)
	}
}

// TestSyntaxErrorAtEnd: BurntSushi/toml puts an error at the end of the
// file one line short, which for a one-line file is line 0.
func TestSyntaxErrorAtEnd(t *testing.T) {
	for src, want := range map[string]string{
		"\"\\":             "playbook.toml:1:2: error: invalid TOML",
		"a = 1\nb = \"\\":  "playbook.toml:2:6: error: invalid TOML",
		"a = 1\nb = = 2\n": "playbook.toml:2:5: error: invalid TOML",
	} {
		_, diags := parse([]byte(src))
		if len(diags) != 1 || !strings.HasPrefix(diags[0].String(), want) {
			t.Errorf("%q: got %v, want %s…", src, diags, want)
		}
	}
}
