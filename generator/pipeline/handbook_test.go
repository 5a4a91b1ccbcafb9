package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// handbook is a small handbook written for other tools: GitBook README.md
// sections and .gitbook/assets images, Docusaurus front matter and title
// headings, Hugo's _index.md and page.md beside page/, no front matter.
var handbook = map[string]string{
	"playbook.toml": `title = "Acme handbook"
base_url = "https://handbook.example.com/"
[owners.people]
name = "People team"
[owners.sales]
name = "Sales"
[content]
publish = [".gitbook/assets"]
`,
	"content/README.md":                  "# Acme handbook\n\nStart with [onboarding](onboarding/README.md), the [sales guide](sales.md) or [its steps](sales/).\n",
	"content/onboarding/README.md":       "---\nowners: [people]\nreview_every: 90d\n---\n# Onboarding\n\nSee [day one](day-one.md) and [the org chart](org-chart.md#teams).\n\n![Office](../.gitbook/assets/office.png)\n",
	"content/onboarding/day-one.md":      "---\ntitle: Day one\nsidebar_position: 1\nhide_sidebar: true\n---\n# Day one\n\nGet your laptop. Back to [onboarding](README.md) or [home](../README.md).\n",
	"content/onboarding/org-chart.md":    "Org chart\n=========\n\n## Teams\n\nPeople, Sales.\n",
	"content/sales.md":                   "+++\ntitle = \"Sales guide\"\nowners = [\"sales\"]\n+++\nHow we sell. First [qualify](sales/qualify.md).\n",
	"content/sales/qualify.md":           "# Qualify\n\nAsk about budget. Up to [the guide](../sales.md) or [its index](index.md).\n",
	"content/sales/close.md":             "---\ndate: 2024-01-02\nlastmod: 2025-05-06\nid: close\n---\n# Close\n\nText.\n",
	"content/.gitbook/assets/office.png": "PNG",
	"content/.gitbook/assets/unused.png": "PNG",
	"content/_templates/page.md":         "# {{title}}\n",
	"content/.DS_Store":                  "",
}

func TestHandbookBuilds(t *testing.T) {
	dir := fixture.Write(t, handbook)
	s := generate(t, Options{Source: dir})
	for _, d := range s.Diags {
		if d.Severity == diag.Error || d.Rule != "unknown-field" {
			t.Errorf("unexpected: %s", d)
		}
	}
	if n := len(s.Diags); n != 5 { // sidebar_position, hide_sidebar, date, lastmod, id
		t.Errorf("%d diagnostics, want 5 unknown-field warnings: %v", n, s.Diags)
	}
	pages := map[string]string{}
	for _, p := range s.Model.Pages {
		pages[p.URL] = p.Title
	}
	want := map[string]string{
		"/": "Acme handbook", "/onboarding/": "Onboarding", "/onboarding/day-one/": "Day one",
		"/onboarding/org-chart/": "Org chart", "/sales/": "Sales guide", "/sales/qualify/": "Qualify", "/sales/close/": "Close",
	}
	for url, title := range want {
		if pages[url] != title {
			t.Errorf("page %s has title %q, want %q (pages %v)", url, pages[url], title, pages)
		}
	}
	if len(pages) != len(want) {
		t.Errorf("pages %v", pages)
	}
	home := string(s.Files["index.html"])
	for _, link := range []string{`href="/onboarding/"`, `href="/sales/"`} {
		if !strings.Contains(home, link) {
			t.Errorf("home lacks %s", link)
		}
	}
	qualify := string(s.Files["sales/qualify/index.html"])
	if strings.Count(qualify, `href="/sales/"`) < 2 {
		t.Errorf("../sales.md and index.md do not both lead to /sales/")
	}
	dayOne := string(s.Files["onboarding/day-one/index.html"])
	if strings.Count(dayOne, "<h1") != 1 {
		t.Errorf("the title heading is shown twice on day one")
	}
	if _, ok := s.Files[".gitbook/assets/office.png"]; !ok {
		t.Errorf("the published image is missing")
	}
	if _, ok := s.Files[".gitbook/assets/unused.png"]; ok {
		t.Errorf("an image no page uses was published")
	}
	// Owners and review_every cascade from the section's README.md.
	for _, p := range s.Model.Pages {
		if p.URL == "/onboarding/org-chart/" && (len(p.Owners) != 1 || p.Owners[0].Slug != "people" || p.ReviewEvery.N != 90) {
			t.Errorf("org chart: owners %v, review every %v", p.Owners, p.ReviewEvery)
		}
		if p.URL == "/onboarding/day-one/" && p.Params["sidebar_position"] != int64(1) {
			t.Errorf("day one params %v", p.Params)
		}
	}
}

// A link into a folder the build skips says so, and what to do.
func TestLinkIntoSkippedFolder(t *testing.T) {
	files := map[string]string{}
	for k, v := range handbook {
		files[k] = v
	}
	files["playbook.toml"] = strings.Replace(files["playbook.toml"], "[content]\npublish = [\".gitbook/assets\"]\n", "", 1)
	files["content/sales/close.md"] = "# Close\n\n![Chart](../.gitbook/assets/chart.png) [Template](../_templates/page.md) [Notes](notes.mdx)\n"
	files["content/sales/notes.mdx"] = "# Notes\n"
	dir := fixture.Write(t, files)
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	list, _ := diag.From(err)
	var lines []string
	for _, d := range list {
		lines = append(lines, d.String())
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{
		`content/onboarding/README.md:9:1: error: image "../.gitbook/assets/office.png": content/.gitbook/assets/office.png is in a folder the build skips (its name starts with a dot): publish the folder with [content] publish = [".gitbook/assets"] in playbook.toml`,
		`content/sales/close.md:3:1: error: image "../.gitbook/assets/chart.png": content/.gitbook/assets/chart.png is in a folder the build skips (its name starts with a dot): publish the folder with [content] publish = [".gitbook/assets"] in playbook.toml`,
		`content/sales/close.md:3:40: error: link "../_templates/page.md": content/_templates/page.md is in a folder the build skips (its name starts with an underscore): move the page to a folder whose name does not start with a dot or an underscore`,
		`content/sales/close.md:3:74: error: link "notes.mdx": content/sales/notes.mdx is not read (only .md files are read as pages): rename it to notes.md`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks\n%s\nin\n%s", want, got)
		}
	}
}

// A section page's front matter edit in the live preview takes the full
// path, so the pages below it get what it now passes down.
func TestUpdateSectionCascade(t *testing.T) {
	dir := fixture.Write(t, handbook)
	s := generate(t, Options{Source: dir})
	readme := filepath.Join(dir, "content/onboarding/README.md")
	src, _ := os.ReadFile(readme)
	if err := os.WriteFile(readme, []byte(strings.Replace(string(src), "owners: [people]", "owners: [sales]", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	next, _, err := s.Update([]string{"content/onboarding/README.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range next.Model.Pages {
		if p.URL == "/onboarding/org-chart/" && (len(p.Owners) != 1 || p.Owners[0].Slug != "sales") {
			t.Errorf("after the edit, org chart owners %v", p.Owners)
		}
	}
	// A body edit of a page below keeps what the section passes down.
	chart := filepath.Join(dir, "content/onboarding/org-chart.md")
	if err := os.WriteFile(chart, []byte(strings.Replace(handbook["content/onboarding/org-chart.md"], "People, Sales.", "People, Sales, Ops.", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	next, _, err = next.Update([]string{"content/onboarding/org-chart.md"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range next.Model.Pages {
		if p.URL == "/onboarding/org-chart/" && (len(p.Owners) != 1 || p.Owners[0].Slug != "sales" || p.ReviewEvery.N != 90) {
			t.Errorf("after a body edit, org chart owners %v every %v", p.Owners, p.ReviewEvery)
		}
	}
}

// TestHomeLauncherWithoutObjections: a handbook with no objections (just
// imported, say) is not asked for "what the customer said".
func TestHomeLauncherWithoutObjections(t *testing.T) {
	dir := fixture.Write(t, map[string]string{
		"playbook.toml":          "title = \"Acme Handbook\"\n",
		"content/_index.md":      "# Acme Handbook\n\nHow we work.\n",
		"content/people/hire.md": "# Hiring\n\nHow we hire.\n",
	})
	home := string(generate(t, Options{Source: dir}).Files["index.html"])
	if !strings.Contains(home, `for="pb-search-q">Search Acme Handbook</label>`) || strings.Contains(home, "What did the customer say?") {
		t.Errorf("home launcher of a handbook without objections:\n%s", home)
	}
}
