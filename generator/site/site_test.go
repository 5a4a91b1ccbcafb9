package site

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

func link(t *testing.T, files map[string]string, cfgText string, opts Options) (*Site, string) {
	t.Helper()
	cfg, err := config.Parse([]byte(cfgText))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	set, diags, err := content.Load(fsys, cfg)
	if err != nil || diags.HasErrors() {
		t.Fatalf("load: %v %v", err, diags)
	}
	opts.Today = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	s, diags := Link(cfg, set, fsys, markdown.New(markdown.Options{}), opts)
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	return s, strings.Join(msgs, "\n")
}

func page(title string, extra ...string) string {
	return "+++\ntitle = \"" + title + "\"\n" + strings.Join(extra, "\n") + "\n+++\nBody\n"
}

func TestNavigationOrder(t *testing.T) {
	files := map[string]string{
		"content/_index.md":          page("Home"),
		"content/zeta/_index.md":     page("Zeta", "weight = 1"),
		"content/zeta/b.md":          page("Bravo"),
		"content/zeta/a.md":          page("Alpha"),
		"content/zeta/first.md":      page("Zulu first", "weight = 1"),
		"content/alpha/one.md":       page("One"),
		"content/menu-first/page.md": page("Page"),
		"content/loose.md":           page("Loose"),
	}
	s, errs := link(t, files, `[menu]
order = ["menu-first"]`, Options{})
	if s == nil {
		t.Fatal(errs)
	}
	var secs []string
	for _, sec := range s.Sections {
		secs = append(secs, sec.Title)
	}
	if got := strings.Join(secs, ","); got != "Menu first,Zeta,Alpha" {
		t.Errorf("sections %s, want menu order, then weight, then title (alpha section has no _index: title from folder)", got)
	}
	zeta := s.Page("/zeta/")
	var kids []string
	for _, k := range zeta.Children {
		kids = append(kids, k.Title)
	}
	if got := strings.Join(kids, ","); got != "Zulu first,Alpha,Bravo" {
		t.Errorf("children %s", got)
	}
	// Reading order: home, then each section and its pages, then loose pages.
	var order []string
	for p := s.Home; p != nil; p = p.Next {
		order = append(order, p.URL)
	}
	want := "/,/menu-first/,/menu-first/page/,/zeta/,/zeta/first/,/zeta/a/,/zeta/b/,/alpha/,/alpha/one/,/loose/"
	if got := strings.Join(order, ","); got != want {
		t.Errorf("reading order\n got %s\nwant %s", got, want)
	}
	if s.Page("/zeta/a/").Prev.URL != "/zeta/first/" {
		t.Errorf("prev link wrong")
	}
	crumbs := s.Page("/zeta/a/").Crumbs()
	if len(crumbs) != 2 || crumbs[0] != s.Home || crumbs[1] != zeta {
		t.Errorf("crumbs %v", crumbs)
	}
}

func TestReviewStatus(t *testing.T) {
	files := map[string]string{
		"content/a.md": page("Overdue", "reviewed = 2025-01-01"),
		"content/b.md": page("Soon", "reviewed = 2026-01-01", `review_every = "5m"`),
		"content/c.md": page("Fine", "reviewed = 2026-05-01"),
		"content/d.md": page("Never"),
	}
	s, errs := link(t, files, "", Options{})
	if s == nil {
		t.Fatal(errs)
	}
	want := map[string]string{"/a/": "overdue", "/b/": "due-soon", "/c/": "ok", "/d/": "never"}
	for url, state := range want {
		if got := s.Page(url).Review().State; got != state {
			t.Errorf("%s review state %s, want %s", url, got, state)
		}
	}
}

func TestDuplicateSlugsAcrossFolders(t *testing.T) {
	files := map[string]string{
		"content/objections/x.md":        "+++\ntitle = \"X\"\nsays = \"s\"\ncategory = \"price\"\nclosing_tools = [\"pilot\"]\n+++\n",
		"content/closing-tools/pilot.md": "+++\ntitle = \"Pilot\"\nwhen = \"w\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\n+++\n",
	}
	s, errs := link(t, files, "", Options{})
	if s == nil {
		t.Fatal(errs)
	}
	if len(s.Page("/closing-tools/pilot/").Objections) != 1 {
		t.Errorf("reverse relation missing")
	}
}

func TestRelationToExcludedPage(t *testing.T) {
	files := map[string]string{
		"content/objections/x.md":        "+++\ntitle = \"X\"\nsays = \"s\"\ncategory = \"price\"\naudience = \"external\"\nclosing_tools = [\"pilot\"]\n+++\n",
		"content/closing-tools/pilot.md": "+++\ntitle = \"Pilot\"\nwhen = \"w\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\n+++\n",
	}
	s, errs := link(t, files, "", Options{Audience: content.External})
	if s != nil || !strings.Contains(errs, `content/objections/x.md:6:18: error: closing_tools names "pilot" (content/closing-tools/pilot.md), which is internal and left out of external builds`) {
		t.Errorf("got %s", errs)
	}
}

func TestEditURL(t *testing.T) {
	files := map[string]string{"content/a.md": page("A")}
	s, _ := link(t, files, "[repository]\nurl = \"https://github.com/o/r/\"\ncontent_path = \"pb\"", Options{})
	if got := s.Page("/a/").EditURL(); got != "https://github.com/o/r/edit/main/pb/content/a.md" {
		t.Errorf("EditURL = %s", got)
	}
	s, _ = link(t, files, "[repository]\nedit_url = \"https://gitlab.example/o/r/-/edit/main/{path}\"", Options{})
	if got := s.Page("/a/").EditURL(); got != "https://gitlab.example/o/r/-/edit/main/content/a.md" {
		t.Errorf("EditURL template = %s", got)
	}
	s, _ = link(t, files, "", Options{})
	if got := s.Page("/a/").EditURL(); got != "" {
		t.Errorf("EditURL without repository = %s", got)
	}
}

func TestBasePath(t *testing.T) {
	for in, want := range map[string]string{
		"https://x.example/":     "/",
		"https://x.example":      "/",
		"https://x.example/a/b/": "/a/b/",
		"/docs/":                 "/docs/",
		"http://127.0.0.1:1313/": "/",
	} {
		if got := BasePathOf(in); got != want {
			t.Errorf("BasePathOf(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestDuplicateNamesWithinAKind(t *testing.T) {
	tool := "+++\ntitle = \"Pilot\"\nwhen = \"w\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\n+++\n"
	files := map[string]string{
		"content/closing-tools/pilot.md":        tool,
		"content/closing-tools/legacy/pilot.md": tool,
		"content/glossary/a.md":                 "+++\ntitle = \"A\"\nmarketing = \"m\"\nsales = \"s\"\nagreed = \"a\"\n+++\n",
		"content/glossary/more/a.md":            "+++\ntitle = \"A2\"\nmarketing = \"m\"\nsales = \"s\"\nagreed = \"a\"\n+++\n",
	}
	s, errs := link(t, files, "", Options{})
	if s != nil || !strings.Contains(errs, `content/closing-tools/pilot.md:1:1: error: another closing-tool page is also named "pilot" (content/closing-tools/legacy/pilot.md)`) {
		t.Errorf("got %s", errs)
	}
	if strings.Contains(errs, "glossary") {
		t.Errorf("terms are not named by relations, so duplicates are fine: %s", errs)
	}
}

func TestRelationToDraftIsDropped(t *testing.T) {
	files := map[string]string{
		"content/objections/x.md":        "+++\ntitle = \"X\"\nsays = \"s\"\ncategory = \"price\"\nclosing_tools = [\"pilot\"]\n+++\n",
		"content/closing-tools/pilot.md": "+++\ntitle = \"Pilot\"\nwhen = \"w\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\ndraft = true\n+++\n",
	}
	s, errs := link(t, files, "", Options{})
	if s == nil {
		t.Fatal(errs)
	}
	if n := len(s.Page("/objections/x/").ClosingTools); n != 0 {
		t.Errorf("draft tool listed on the objection")
	}
}

func TestMenuOrderTypo(t *testing.T) {
	files := map[string]string{"content/working-together/a.md": page("A")}
	_, errs := link(t, files, "title = \"T\"\n\n[menu]\norder = [\"working-togther\"]\n", Options{})
	if !strings.Contains(errs, `playbook.toml:4:1: error: menu.order names "working-togther", but content/ has no folder working-togther/ (did you mean "working-together"?)`) {
		t.Errorf("got %s", errs)
	}
}

func TestFutureReviewDateWarns(t *testing.T) {
	files := map[string]string{"content/a.md": page("A", "reviewed = 2030-01-01")}
	s, errs := link(t, files, "", Options{})
	if s == nil || !strings.Contains(errs, "content/a.md:3:1: warning: reviewed 2030-01-01 is in the future") {
		t.Errorf("got %s", errs)
	}
}

func TestRelationLeakWarnsInInternalBuild(t *testing.T) {
	files := map[string]string{
		"content/objections/x.md":        "+++\ntitle = \"X\"\nsays = \"s\"\ncategory = \"price\"\naudience = \"external\"\nclosing_tools = [\"pilot\"]\n+++\n",
		"content/closing-tools/pilot.md": "+++\ntitle = \"Pilot\"\nwhen = \"w\"\nvalue = \"v\"\ncost = \"c\"\napprover = \"a\"\n+++\n",
	}
	s, errs := link(t, files, "", Options{})
	if s == nil || !strings.Contains(errs, `content/objections/x.md:6:18: warning: closing_tools names "pilot" (content/closing-tools/pilot.md), which is internal`) {
		t.Errorf("got %s", errs)
	}
}
