package versions

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/check"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

var (
	day1 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	day2 = time.Date(2026, 6, 15, 14, 30, 0, 0, time.UTC)
	day3 = time.Date(2026, 9, 20, 11, 0, 0, 0, time.UTC)
)

const playbookTOML = `title = "Acme Playbook"
base_url = "https://acme.example/playbook/"

[repository]
url = "https://github.com/acme/playbook"

[owners.sales]
name = "Sales"
`

func objection(title, says, body string) string {
	return "+++\ntitle = \"" + title + "\"\nsays = \"" + says + "\"\ncategory = \"price\"\nowners = [\"sales\"]\n+++\n\n" + body
}

const tool = "+++\ntitle = \"Paid pilot\"\nwhen = \"The buyer doubts it will work.\"\nvalue = \"Proof on their lanes.\"\ncost = \"Consultant time.\"\napprover = \"Sales director\"\n+++\n\n## How to run it\n\nAgree success criteria first.\n"

// releases makes a repository whose playbook lives in handbook/, with two
// tagged releases and a working tree that moved on:
//
//	v1.0 (Alice): too-expensive ("cheap"), the paid pilot
//	v2.0 (Bob):   too-expensive reworded, a timing objection added
//	HEAD (Carol): the paid pilot removed, timing reworded
func releases(t *testing.T) *gittest.Repo {
	t.Helper()
	r := gittest.New(t)
	r.Write("README.md", "not the playbook\n")
	r.Write("handbook/playbook.toml", playbookTOML)
	r.Write("handbook/content/objections/too-expensive.md", objection("It's too expensive", "It's too expensive.", "## Response\n\nAsk what they compare it with. Never call it cheap: rebuild value on their numbers.\n"))
	r.Write("handbook/content/closing-tools/paid-pilot.md", tool)
	r.Commit("Alice Adams", day1, "first release")
	r.GitEnv(gittest.Env("Alice Adams", day1), "tag", "-a", "v1.0", "-m", "first release")
	r.Write("handbook/content/objections/too-expensive.md", strings.Replace(objection("It's too expensive", "It's too expensive.", "## Response\n\nAsk what they compare it with. Never call it cost-effective: rebuild value on their numbers.\n"), "+++\n\n", "closing_tools = [\"paid-pilot\"]\n+++\n\n", 1))
	r.Write("handbook/content/objections/timing.md", objection("Call me after peak season", "Call me after peak.", "## Response\n\nAgree a date now.\n"))
	r.Commit("Bob Brown", day2, "second release")
	r.Git("tag", "v2.0")
	r.Git("rm", "-q", "handbook/content/closing-tools/paid-pilot.md")
	r.Write("handbook/content/objections/too-expensive.md", objection("It's too expensive", "It's too expensive.", "## Response\n\nAsk what they compare it with. Never call it cost-effective: rebuild value on their numbers.\n"))
	r.Write("handbook/content/objections/timing.md", objection("Call me after peak season", "Call me after peak.", "## Response\n\nAgree a date and an agenda now.\n"))
	r.Commit("Carol Clark", day3, "work in progress")
	return r
}

func buildAll(t *testing.T, dir, out, cacheDir string, keepGoing bool) (*Result, error) {
	t.Helper()
	return Build(context.Background(), Options{
		Build:     pipeline.Options{Source: dir, GitHistory: true, Today: day3},
		Out:       out,
		CacheDir:  cacheDir,
		KeepGoing: keepGoing,
		Generator: "test",
	})
}

func read(t *testing.T, out, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
	if err != nil {
		t.Fatalf("reading %s: %v", name, err)
	}
	return string(b)
}

func exists(out, name string) bool {
	_, err := os.Stat(filepath.Join(out, filepath.FromSlash(name)))
	return err == nil
}

func TestBuildsEveryTag(t *testing.T) {
	r := releases(t)
	dir := filepath.Join(r.Dir, "handbook")
	out := filepath.Join(t.TempDir(), "public")
	res, err := buildAll(t, dir, out, t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diags {
		if d.Severity >= diag.Warning {
			t.Errorf("unexpected %s", d)
		}
	}
	var names []string
	for _, v := range res.Versions {
		names = append(names, v.Name)
	}
	if want := []string{"v1.0", "v2.0", "Latest"}; !slices.Equal(names, want) {
		t.Fatalf("versions %v, want %v", names, want)
	}

	// Each version is its own site, read from its tag.
	for name, want := range map[string]bool{
		"index.html":                                 true,
		"objections/timing/index.html":               true,
		"closing-tools/paid-pilot/index.html":        false,
		"v/v1.0/index.html":                          true,
		"v/v1.0/objections/too-expensive/index.html": true,
		"v/v1.0/objections/timing/index.html":        false,
		"v/v1.0/closing-tools/paid-pilot/index.html": true,
		"v/v2.0/objections/timing/index.html":        true,
		"v/v2.0/search/meta.json":                    true,
		"v/v2.0/sitemap.xml":                         false,
		"sitemap.xml":                                true,
		"versions/index.html":                        true,
		"changes/index.html":                         true,
		"v/v2.0/changes/index.html":                  true,
	} {
		if exists(out, name) != want {
			t.Errorf("%s exists: %v, want %v", name, !want, want)
		}
	}
	if page := read(t, out, "v/v1.0/objections/too-expensive/index.html"); !strings.Contains(page, "Never call it cheap") || !strings.Contains(page, `href="https://acme.example/playbook/v/v1.0/objections/too-expensive/"`) {
		t.Errorf("v1.0's objection page lacks v1.0's text or its own canonical address")
	}

	// versions.json: newest first, with the pages of each.
	var m Manifest
	if err := json.Unmarshal([]byte(read(t, out, "versions.json")), &m); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, v := range m.Versions {
		got = append(got, v.Name+" "+v.Path)
	}
	if want := []string{"Latest ", "v2.0 v/v2.0/", "v1.0 v/v1.0/"}; !slices.Equal(got, want) {
		t.Errorf("versions.json lists %q, want %q", got, want)
	}
	has := func(version int, page string) bool {
		i := slices.Index(m.Pages, page)
		for _, r := range m.Has[version] {
			if i >= r[0] && i < r[1] {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		version int
		page    string
		want    bool
	}{
		{0, "objections/timing/", true}, {0, "closing-tools/paid-pilot/", false},
		{1, "closing-tools/paid-pilot/", true}, {2, "objections/timing/", false}, {2, "", true},
	} {
		if has(c.version, c.page) != c.want {
			t.Errorf("versions.json: %s has %q: %v, want %v", m.Versions[c.version].Name, c.page, !c.want, c.want)
		}
	}
	if m.Versions[1].Commit == "" || m.Versions[1].Date.IsZero() || m.Versions[2].Tag != "v1.0" {
		t.Errorf("versions.json lacks commits, dates or tags: %+v", m.Versions)
	}

	// The switcher knows its version and page, and where versions.json is;
	// the feedback links carry the page, the version and the commit.
	v1 := read(t, out, "v/v1.0/objections/too-expensive/index.html")
	for _, want := range []string{
		`data-versions="/playbook/versions.json" data-root="/playbook/" data-version="v/v1.0/" data-page="objections/too-expensive/"`,
		`You're viewing <strong>v1.0</strong>`,
		`https://github.com/acme/playbook/issues/new?title=Worked&#43;in&#43;a&#43;call`,
		`Page%3A&#43;https%3A%2F%2Facme.example%2Fplaybook%2Fv%2Fv1.0%2Fobjections%2Ftoo-expensive%2F`,
		`Version%3A&#43;v1.0`,
		`Commit%3A&#43;` + m.Versions[2].Commit[:12],
	} {
		if !strings.Contains(v1, want) {
			t.Errorf("v1.0's objection page lacks %s", want)
		}
	}
	if latest := read(t, out, "objections/timing/index.html"); !strings.Contains(latest, `data-version="" data-page="objections/timing/"`) || strings.Contains(latest, "You're viewing") {
		t.Errorf("the latest's page should have a switcher and no banner")
	}

	// Git history at each tag: date and author of the file's last change then.
	if page := read(t, out, "v/v1.0/objections/too-expensive/index.html"); !strings.Contains(page, "Alice Adams") || !strings.Contains(page, "2026-03-02") {
		t.Errorf("v1.0's objection page lacks Alice's change of 2 March")
	}
	if page := read(t, out, "v/v2.0/objections/too-expensive/index.html"); !strings.Contains(page, "Bob Brown") {
		t.Errorf("v2.0's objection page lacks Bob's change")
	}
	if page := read(t, out, "objections/timing/index.html"); !strings.Contains(page, "Carol Clark") || !strings.Contains(page, "2026-09-20") {
		t.Errorf("the latest timing page lacks Carol's change of 20 September")
	}

	// What changed: v2.0 against v1.0, and the latest against v2.0.
	changes2 := read(t, out, "v/v2.0/changes/index.html")
	for _, want := range []string{"Call me after peak season", "<del", "cheap", "<ins", "cost-effective", "closing tools:", "Paid pilot"} {
		if !strings.Contains(changes2, want) {
			t.Errorf("v2.0's What changed page lacks %q", want)
		}
	}
	if latest := read(t, out, "changes/index.html"); !strings.Contains(latest, "Paid pilot") || !strings.Contains(latest, "agenda") {
		t.Errorf("the latest's What changed page lacks the removed pilot or the reworded timing page")
	}
	if home := read(t, out, "index.html"); !strings.Contains(home, "Call me after peak season") {
		t.Errorf("the latest home page does not show what is new")
	}

	// The working tree is left alone.
	if st := r.Git("status", "--porcelain"); st != "" {
		t.Errorf("the build changed the work tree:\n%s", st)
	}
}

func TestSecondBuildCarriesTagsOver(t *testing.T) {
	r := releases(t)
	dir := filepath.Join(r.Dir, "handbook")
	out := filepath.Join(t.TempDir(), "public")
	cacheDir := t.TempDir()
	if _, err := buildAll(t, dir, out, cacheDir, false); err != nil {
		t.Fatal(err)
	}
	before := read(t, out, "v/v1.0/objections/too-expensive/index.html")
	r.Write("handbook/content/objections/timing.md", objection("Call me after peak season", "Call me after peak.", "## Response\n\nAgree a date, an agenda and a sponsor now.\n"))
	res, err := buildAll(t, dir, out, cacheDir, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Versions {
		if v.Cached == v.Latest {
			t.Errorf("%s: cached %v", v.Name, v.Cached)
		}
	}
	if after := read(t, out, "v/v1.0/objections/too-expensive/index.html"); after != before {
		t.Errorf("a carried-over page changed")
	}
	if !strings.Contains(read(t, out, "objections/timing/index.html"), "a sponsor") {
		t.Errorf("the latest was not rebuilt")
	}
	if !strings.Contains(read(t, out, "changes/index.html"), "sponsor") {
		t.Errorf("the latest's What changed page was not compared with the carried-over v2.0")
	}

	// Settings of the latest that reach the tags' pages build them again.
	r.Write("handbook/playbook.toml", playbookTOML+"\n[feedback]\nprovider = \"gitlab\"\n")
	res, err = buildAll(t, dir, out, cacheDir, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range res.Versions {
		if v.Cached {
			t.Errorf("%s carried over after the feedback settings changed", v.Name)
		}
	}
	if page := read(t, out, "v/v1.0/objections/too-expensive/index.html"); !strings.Contains(page, "https://github.com/acme/playbook/-/issues/new?issue[title]=") {
		t.Errorf("v1.0's feedback links do not follow the latest's settings")
	}

	// A folder changed by hand is not carried over.
	if err := os.WriteFile(filepath.Join(out, "v", "v1.0", "index.html"), []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = buildAll(t, dir, out, cacheDir, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Versions[0].Cached || !res.Versions[1].Cached {
		t.Errorf("v1.0 cached %v (edited by hand), v2.0 cached %v", res.Versions[0].Cached, res.Versions[1].Cached)
	}
	if read(t, out, "v/v1.0/index.html") == "edited" {
		t.Errorf("the edited page was kept")
	}
}

func TestTagThatDoesNotBuild(t *testing.T) {
	r := releases(t)
	// v2.1 breaks a page's front matter; the work tree fixes it again.
	r.Write("handbook/content/objections/timing.md", "+++\ntitle = \"Timing\"\nsays = \"Later.\"\ncategory = \"nonsense\"\n+++\n")
	r.Commit("Bob Brown", day2.Add(time.Hour), "broken")
	r.Git("tag", "v2.1")
	r.Write("handbook/content/closing-tools/paid-pilot.md", strings.Replace(tool, "approver", "aproover", 1))
	r.Commit("Bob Brown", day2.Add(2*time.Hour), "broken again")
	r.Git("tag", "v2.2")
	r.Write("handbook/content/closing-tools/paid-pilot.md", tool)
	r.Write("handbook/content/objections/timing.md", objection("Call me after peak season", "Call me after peak.", "Fixed.\n"))
	r.Commit("Carol Clark", day3, "fixed")
	dir := filepath.Join(r.Dir, "handbook")
	out := filepath.Join(t.TempDir(), "public")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Build(pipeline.Options{Source: dir}, out); err != nil {
		t.Fatal(err)
	}
	previous := read(t, out, "index.html")

	_, err := buildAll(t, dir, out, t.TempDir(), false)
	list, ok := diag.From(err)
	if !ok {
		t.Fatalf("got %v, want diagnostics", err)
	}
	text := lines(list)
	for _, want := range []string{"v2.1:handbook/content/objections/timing.md:4", "category", "tag v2.1 (commit", "--keep-going", "versions.exclude",
		"v2.2:handbook/content/closing-tools/paid-pilot.md", "aproover", "tag v2.2 (commit"} {
		if !strings.Contains(text, want) {
			t.Errorf("the error lacks %q:\n%s", want, text)
		}
	}
	if read(t, out, "index.html") != previous || exists(out, "v") {
		t.Errorf("a failed build changed the previous output")
	}

	res, err := buildAll(t, dir, out, t.TempDir(), true)
	if err != nil {
		t.Fatalf("--keep-going: %v", err)
	}
	if !strings.Contains(lines(res.Diags), "v2.1:handbook/content/objections/timing.md:4") || res.Diags.HasErrors() {
		t.Errorf("--keep-going should warn about v2.1:\n%s", lines(res.Diags))
	}
	if exists(out, "v/v2.1") || exists(out, "v/v2.2") || !exists(out, "v/v2.0/index.html") || !exists(out, "v/v1.0/index.html") {
		t.Errorf("--keep-going should publish every version but v2.1")
	}
}

func TestNotARepository(t *testing.T) {
	gittest.Isolate(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "playbook.toml"), []byte(playbookTOML), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := buildAll(t, dir, out, t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) != 1 || !strings.Contains(res.Diags[0].Message, "not a git repository, so only the latest version is built") {
		t.Errorf("want one note, got:\n%s", lines(res.Diags))
	}
	if exists(out, "versions.json") || exists(out, "v") || !exists(out, "index.html") {
		t.Errorf("a folder outside git should build the latest only")
	}
}

func TestShallowClone(t *testing.T) {
	r := releases(t)
	clone := filepath.Join(t.TempDir(), "clone")
	gittest.RunIn(t, t.TempDir(), nil, nil, "clone", "-q", "--depth", "1", "file://"+r.Dir, clone)
	res, err := buildAll(t, filepath.Join(clone, "handbook"), filepath.Join(t.TempDir(), "public"), t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	var shallow []string
	for _, d := range res.Diags {
		if strings.Contains(d.Message, "shallow") {
			shallow = append(shallow, d.String())
		}
	}
	if len(shallow) != 1 || !strings.Contains(shallow[0], "warning") || !strings.Contains(shallow[0], "fetch-depth: 0") {
		t.Errorf("want one warning naming fetch-depth: 0, got %q", shallow)
	}
}

func TestTagsWithoutThePlaybookAreSkipped(t *testing.T) {
	r := releases(t)
	// A tag from before the playbook existed, such as a release of
	// something else in the same repository.
	r.Git("checkout", "-q", "--orphan", "tools")
	r.Git("rm", "-rqf", ".")
	r.Write("tools/README.md", "tools\n")
	r.Commit("Dan Dale", day1.Add(-time.Hour), "tools")
	r.Git("tag", "v0.9")
	r.Git("checkout", "-q", "-f", "main")
	res, err := buildAll(t, filepath.Join(r.Dir, "handbook"), filepath.Join(t.TempDir(), "public"), t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(lines(res.Diags), "tag v0.9 has no folder handbook/") {
		t.Errorf("want a warning about v0.9, got:\n%s", lines(res.Diags))
	}
	if len(res.Versions) != 3 {
		t.Errorf("got %d versions, want v1.0, v2.0 and the latest", len(res.Versions))
	}
}

func TestPathNames(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want []string
	}{
		{[]string{"v3.1", "2026-Q3", "2026 Q3"}, []string{"v3.1", "2026-Q3", "2026-Q3-2"}},
		{[]string{"release/2026#1", "../../etc", "..", "ünïcode été", "?"}, []string{"release-2026-1", "etc", "version", "unicode-ete", "version-2"}},
		{[]string{"V1", "v1"}, []string{"V1", "v1-2"}},
		{[]string{"v1..2", "-x-", "a  b"}, []string{"v1.2", "x", "a-b"}},
		{[]string{"CON", "nul.txt", "com1", "Console"}, []string{"CON-version", "nul-version.txt", "com1-version", "Console"}},
		{[]string{strings.Repeat("ab", 50)}, []string{strings.Repeat("ab", 32)}},
	} {
		if got, _ := pathNames(c.in, nil); !slices.Equal(got, c.want) {
			t.Errorf("pathNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A release keeps its folder when a new tag's name makes the same one.
func TestPathNamesKeepPublishedFolders(t *testing.T) {
	got, clashes := pathNames([]string{"V1#BETA", "v1#beta", "v2"}, []string{"", "v1-beta", "v2"})
	if want := []string{"V1-BETA-2", "v1-beta", "v2"}; !slices.Equal(got, want) || !slices.Equal(clashes, []int{0}) {
		t.Errorf("got %q %v, want %q [0]", got, clashes, want)
	}
	// A version renamed by versions.names moves to its new name's folder.
	if got, _ := pathNames([]string{"2026 Q3"}, []string{"v3"}); got[0] != "2026-Q3" {
		t.Errorf("renamed version at %q", got[0])
	}
}

func TestTagOrder(t *testing.T) {
	r := gittest.New(t)
	r.Write("a", "1")
	r.Commit("A", day1, "one")
	for _, tag := range []string{"v3.10", "v3.9", "v3.9.1"} {
		r.Git("tag", tag)
	}
	r.Write("a", "2")
	r.Commit("A", day2, "two")
	r.Git("tag", "v1.0") // newer commit, older-looking name: commit order wins
	r.Git("tag", "x-not-matching")
	repo, _, err := Inspect(context.Background(), r.Dir)
	if err != nil {
		t.Fatal(err)
	}
	r.Git("tag", "v-tree", "HEAD^{tree}")
	for _, c := range []struct {
		byDate bool
		want   []string
	}{
		{false, []string{"v1.0", "v3.9", "v3.9.1", "v3.10"}}, // a fix on an older line comes after its own
		{true, []string{"v3.9", "v3.9.1", "v3.10", "v1.0"}},  // names of the same commit's date by version
	} {
		tags, skipped, err := repo.Tags(context.Background(), "v*", c.byDate)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, tag := range tags {
			names = append(names, tag.Name)
		}
		if !slices.Equal(names, c.want) || !slices.Equal(skipped, []string{"v-tree"}) {
			t.Errorf("by date %v: tags %q, skipped %q; want %q, [v-tree]", c.byDate, names, skipped, c.want)
		}
	}
}

func TestGitMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	repo, notes, err := Inspect(context.Background(), t.TempDir())
	if err != nil || repo != nil || len(notes) != 1 || !strings.Contains(notes[0].Message, "git was not found") {
		t.Errorf("got %v %v %v, want one note that git was not found", repo, notes, err)
	}
}

func lines(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// Nothing internal reaches an external build, in any version: not its
// pages, versions.json, a What changed page or a search index. Drafts
// show in the latest only when asked for (--drafts), and never in a
// release, versions.json, a What changed page or a search index.
func TestExternalBuildLeavesInternalAndDraftsOut(t *testing.T) {
	r := releases(t)
	r.Write("handbook/content/objections/margin-secret.md", "+++\ntitle = \"Zanzibar margin floor\"\nsays = \"Zanzibar?\"\ncategory = \"price\"\naudience = \"internal\"\n+++\n\nQuetzalcoatl discount ladder.\n")
	r.Write("handbook/content/objections/draft-idea.md", "+++\ntitle = \"Xylophone draft\"\nsays = \"Xylophone?\"\ncategory = \"price\"\ndraft = true\naudience = \"external\"\n+++\n\nXylophone body.\n")
	r.Write("handbook/content/objections/too-expensive.md", "+++\ntitle = \"It's too expensive\"\nsays = \"It's too expensive.\"\ncategory = \"price\"\naudience = \"external\"\n+++\n\nRebuild value.\n")
	r.Commit("Dan Dale", day3.Add(-time.Hour), "internal and draft pages")
	r.Git("tag", "v2.5")
	dir := filepath.Join(r.Dir, "handbook")
	out := filepath.Join(t.TempDir(), "public")
	_, err := Build(context.Background(), Options{
		Build: pipeline.Options{Source: dir, GitHistory: true, Today: day3, Audience: "external", Drafts: true},
		Out:   out, CacheDir: t.TempDir(), Generator: "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !exists(out, "v/v2.5/objections/too-expensive/index.html") {
		t.Fatal("v2.5 was not built")
	}
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		words := []string{"Zanzibar", "zanzibar", "Quetzalcoatl", "quetzalcoatl", "margin-secret"}
		if strings.HasPrefix(rel, "v/") || strings.HasPrefix(rel, "search/") || rel == "versions.json" || rel == "changes/index.html" {
			words = append(words, "Xylophone", "xylophone", "draft-idea")
		}
		for _, word := range words {
			if strings.Contains(string(b), word) {
				t.Errorf("%s holds %q", rel, word)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReservedAddresses(t *testing.T) {
	r := releases(t)
	r.Write("handbook/content/changes.md", "+++\ntitle = \"Changes\"\n+++\nOur change log.\n")
	_, err := buildAll(t, filepath.Join(r.Dir, "handbook"), filepath.Join(t.TempDir(), "public"), t.TempDir(), false)
	const want = "content/changes.md:1:1: error: the URL /changes/ belongs to the What changed page when versions are on (versions.enabled in playbook.toml): rename or move this page"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want an error at content/changes.md", err)
	}
	// A build of the latest alone (a pull request's) and check catch it too.
	r.Write("handbook/static/v/logo.svg", "<svg/>")
	_, err = pipeline.Build(pipeline.Options{Source: filepath.Join(r.Dir, "handbook")}, filepath.Join(t.TempDir(), "latest"))
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "static/v/logo.svg: error: /v/logo.svg belongs to the older versions of the playbook") {
		t.Errorf("a build of the latest alone: got %v", err)
	}
	list, err := check.Run(check.Options{Source: filepath.Join(r.Dir, "handbook"), Today: day3})
	if err != nil || !strings.Contains(lines(list), want) {
		t.Errorf("check: got %v\n%s", err, lines(list))
	}
}

// Without tags, or with versions off, pages still show their git history,
// and the feedback links carry the commit.
func TestGitWithoutVersions(t *testing.T) {
	for _, off := range []bool{false, true} {
		r := gittest.New(t)
		toml := playbookTOML
		if off {
			toml += "\n[versions]\nenabled = false\n"
		}
		r.Write("playbook.toml", toml)
		r.Write("content/objections/too-expensive.md", objection("It's too expensive", "It's too expensive.", "Answer.\n"))
		head := r.Commit("Alice Adams", day1, "first")
		if off {
			r.Git("tag", "v1.0") // ignored
		}
		out := filepath.Join(t.TempDir(), "public")
		res, err := buildAll(t, r.Dir, out, t.TempDir(), false)
		if err != nil {
			t.Fatal(err)
		}
		page := read(t, out, "objections/too-expensive/index.html")
		if !strings.Contains(page, "Alice Adams") || !strings.Contains(page, "Commit%3A&#43;"+head[:12]) {
			t.Errorf("versions off %v: the page lacks its author or the commit in its feedback links", off)
		}
		if strings.Contains(page, `class="version-switch"`) || exists(out, "versions.json") || exists(out, "v") || len(res.Versions) > 1 {
			t.Errorf("versions off %v: a site with one version has a switcher or versions", off)
		}
	}
}

// A build that cannot see the tags (here, git is missing) warns about
// each release it unpublishes.
func TestDroppedVersionsWarn(t *testing.T) {
	r := releases(t)
	dir := filepath.Join(r.Dir, "handbook")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := buildAll(t, dir, out, t.TempDir(), false); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", t.TempDir())
	res, err := buildAll(t, dir, out, t.TempDir(), false)
	if err != nil {
		t.Fatal(err)
	}
	text := lines(res.Diags)
	for _, want := range []string{
		"warning: v1.0, published at /v/v1.0/ by the previous build, is left out of this one: git cannot read the repository here",
		"warning: v2.0, published at /v/v2.0/",
		"note: git was not found on PATH",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, text)
		}
	}
}
