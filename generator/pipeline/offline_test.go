package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/offline"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/generator/site"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// workerSettings reads the first line of sw.js, which sets self.PB.
func workerSettings(t *testing.T, s *Site) offline.Worker {
	t.Helper()
	b, ok := s.Files[offline.WorkerFile]
	if !ok {
		t.Fatalf("no %s", offline.WorkerFile)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	js, ok := strings.CutPrefix(line, "self.PB = ")
	if !ok {
		t.Fatalf("sw.js starts %q, want self.PB = …", line)
	}
	var w offline.Worker
	if err := json.Unmarshal([]byte(strings.TrimSuffix(js, ";")), &w); err != nil {
		t.Fatalf("sw.js settings: %v", err)
	}
	return w
}

func offlineData(t *testing.T, s *Site) offline.Data {
	t.Helper()
	var d offline.Data
	if err := json.Unmarshal(s.Files[offline.DataFile], &d); err != nil {
		t.Fatalf("offline.json: %v", err)
	}
	return d
}

// precached is every URL the worker saves on install, shell and pages.
func precached(w offline.Worker) []string {
	var us []string
	for _, e := range append(slices.Clone(w.Shell), w.Pages...) {
		us = append(us, e[0])
	}
	return us
}

// fileOf is the output file a precached URL under base is served from.
func fileOf(base, u string) string {
	name, _, _ := strings.Cut(strings.TrimPrefix(u, base), "?")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	return name
}

func TestOfflineFiles(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic", BaseURL: "/playbook/"})
	var app offline.App
	if err := json.Unmarshal(s.Files[offline.ManifestFile], &app); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if app.Name != "Acme Playbook" || app.ShortName != "Acme" || app.StartURL != "/playbook/" || app.Scope != "/playbook/" || app.Display != "standalone" {
		t.Errorf("manifest = %+v", app)
	}
	theme, bg := offline.Colours(s.Model.Config)
	if app.ThemeColour != strings.ToLower(s.Model.Config.Brand.Colours[0].Hex) || app.ThemeColour != theme || app.BackgroundColour != bg {
		t.Errorf("manifest colours %s on %s, want the first brand colour %s on %s", app.ThemeColour, app.BackgroundColour, s.Model.Config.Brand.Colours[0].Hex, bg)
	}
	if len(app.Icons) != 1 || app.Icons[0].Sizes != "any" || !strings.HasPrefix(app.Icons[0].Src, "/playbook/favicon.svg?v=") {
		t.Errorf("manifest icons = %+v", app.Icons)
	}

	w := workerSettings(t, s)
	d := offlineData(t, s)
	if w.Base != "/playbook/" || w.Build == "" || w.Build != d.Build || w.Offline != "/playbook/offline.html" {
		t.Errorf("worker settings build %q base %q offline %q; offline.json build %q", w.Build, w.Base, w.Offline, d.Build)
	}
	stamp, _ := s.searchStamp()
	if !strings.HasPrefix(w.Build, stamp+"-") || stamp == "" {
		t.Errorf("build stamp %q does not start with the search index's %q", w.Build, stamp)
	}
	for _, e := range append(slices.Clone(w.Shell), w.Pages...) {
		b, ok := s.Files[fileOf("/playbook/", e[0])]
		if !ok {
			t.Errorf("precache lists %s, which the site does not have", e[0])
		}
		if e[1] != offline.Hash(b) {
			t.Errorf("precache gives %s the hash %s, want %s", e[0], e[1], offline.Hash(b))
		}
	}
	for _, e := range w.Shell {
		if strings.HasPrefix(e[0], "/playbook/objections/") {
			t.Errorf("the shell, saved all or nothing, holds the page %s", e[0])
		}
	}
	for _, want := range []string{"/playbook/", "/playbook/search/", "/playbook/search/meta.json", "/playbook/search/search.js", "/playbook/offline.html"} {
		if !slices.ContainsFunc(w.Shell, func(e offline.Entry) bool { return e[0] == want }) {
			t.Errorf("precache lacks %s", want)
		}
	}
	search := 0
	for name := range s.Files {
		if strings.HasPrefix(name, "search/") {
			search++
		}
	}
	n := 0
	for _, e := range w.Shell {
		if strings.HasPrefix(e[0], "/playbook/search/") {
			n++
		}
	}
	if n != search {
		t.Errorf("precache holds %d of the %d search files", n, search)
	}
	for _, p := range s.Model.Pages {
		if precacheRank(p) >= 0 && !slices.ContainsFunc(w.Pages, func(e offline.Entry) bool { return e[0] == p.Permalink() }) {
			t.Errorf("precache lacks %s %s", p.Kind, p.Permalink())
		}
		if _, ok := d.Pages[p.Permalink()]; !ok && searchable(p) {
			t.Errorf("offline.json has no hash for %s", p.Permalink())
		}
	}
	home := string(s.Files["index.html"])
	for _, want := range []string{`<link rel="manifest" href="/playbook/manifest.webmanifest">`, `<meta name="theme-color" content="` + theme + `">`,
		`data-worker="/playbook/sw.js" data-scope="/playbook/"`, `data-pb-page="/playbook/objections/too-expensive/"`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	if off := string(s.Files[offline.PageFile]); !strings.Contains(off, "You are offline") || strings.Contains(off, `rel="canonical"`) {
		t.Errorf("offline page wrong:\n%s", off)
	}
}

// TestOfflinePrecacheAudience: an external build's worker lists only the
// pages that build has; a build with drafts has no worker at all.
func TestOfflinePrecacheAudience(t *testing.T) {
	internal := generate(t, Options{Source: "testdata/basic", BaseURL: "/"})
	external := generate(t, Options{Source: "testdata/basic", BaseURL: "/", Audience: content.External})
	wi, we := workerSettings(t, internal), workerSettings(t, external)
	if len(precached(we)) >= len(precached(wi)) {
		t.Errorf("external precache has %d entries, internal %d: internal pages not left out", len(precached(we)), len(precached(wi)))
	}
	for _, u := range precached(we) {
		if _, ok := external.Files[fileOf("/", u)]; !ok {
			t.Errorf("external precache lists %s, which the external build does not have", u)
		}
		if p := internal.Model.Page(strings.TrimSuffix(u, "index.html")); p != nil && p.Audience != content.External && p.Kind != content.KindHome {
			t.Errorf("external precache lists internal page %s", u)
		}
		if strings.Contains(u, "secret-draft") {
			t.Errorf("precache lists the draft %s", u)
		}
	}
	for u := range offlineData(t, external).Pages {
		if _, ok := external.Files[fileOf("/", u)]; !ok {
			t.Errorf("external offline.json names %s, which the external build does not have", u)
		}
	}

	drafts := generate(t, Options{Source: "testdata/basic", BaseURL: "/", Drafts: true})
	for _, name := range offlineFiles {
		if _, ok := drafts.Files[name]; ok && name != offline.WorkerFile {
			t.Errorf("a build with drafts has %s", name)
		}
	}
	// Its sw.js only switches off the worker of a build published there before.
	if string(drafts.Files[offline.WorkerFile]) != string(offline.Unregister) {
		t.Errorf("a build with drafts has the sw.js %.80q, want the one that unregisters", drafts.Files[offline.WorkerFile])
	}
	if strings.Contains(string(drafts.Files["index.html"]), "offline.js") {
		t.Error("a build with drafts registers a service worker")
	}
}

// TestOfflineLiveAndOlderVersions: the live preview and an older version
// under v/ have no worker, manifest or registration.
func TestOfflineLiveAndOlderVersions(t *testing.T) {
	for name, opts := range map[string]Options{
		"live":  {Source: "testdata/basic", Live: true},
		"older": {Source: "testdata/basic", BaseURL: "/v/v1/", Release: &release.Context{Current: release.Version{Name: "v1", Tag: "v1", Path: "v/v1/"}, RootPath: "/"}},
	} {
		s := generate(t, opts)
		for _, f := range offlineFiles {
			if _, ok := s.Files[f]; ok {
				t.Errorf("%s: has %s", name, f)
			}
		}
		for _, f := range []string{"index.html", "objections/too-expensive/index.html"} {
			html := string(s.Files[f])
			if strings.Contains(html, "offline.js") || strings.Contains(html, `rel="manifest"`) || strings.Contains(html, "serviceWorker") {
				t.Errorf("%s: %s registers a service worker or links the manifest", name, f)
			}
		}
	}
}

// TestOfflineStampFollowsBuild: the same files give the same worker; a
// changed page gives a new stamp (so a new worker and cache) and a new
// hash for that page only.
func TestOfflineStampFollowsBuild(t *testing.T) {
	dir := fixture.Copy(t, "testdata/basic")
	a := generate(t, Options{Source: dir, BaseURL: "/"})
	again := generate(t, Options{Source: dir, BaseURL: "/"})
	if string(a.Files[offline.WorkerFile]) != string(again.Files[offline.WorkerFile]) {
		t.Fatal("two builds of the same files give different service workers")
	}
	file := filepath.Join(dir, "content", "objections", "too-expensive.md")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, append(b, "\nA sentence added since the last build.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	next := generate(t, Options{Source: dir, BaseURL: "/"})
	wa, wn := workerSettings(t, a), workerSettings(t, next)
	if wa.Build == wn.Build || string(a.Files[offline.WorkerFile]) == string(next.Files[offline.WorkerFile]) {
		t.Errorf("the build stamp stayed %s after a page changed", wa.Build)
	}
	da, dn := offlineData(t, a), offlineData(t, next)
	var changed []string
	for u, h := range dn.Pages {
		if da.Pages[u] != h {
			changed = append(changed, u)
		}
	}
	if want := []string{"/objections/too-expensive/"}; !slices.Equal(changed, want) {
		t.Errorf("pages whose hash changed = %q, want %q", changed, want)
	}
	// The worker's entries carry the hash of their bytes: it changes for
	// the changed page and only for files whose bytes changed, so the new
	// worker copies the rest from the old cache.
	hashes := func(w offline.Worker) map[string]string {
		m := map[string]string{}
		for _, e := range append(slices.Clone(w.Shell), w.Pages...) {
			u, _, _ := strings.Cut(e[0], "?")
			m[u] = e[1]
		}
		return m
	}
	ha, hn := hashes(wa), hashes(wn)
	same := 0
	for u, h := range hn {
		f := fileOf("/", u)
		if bytesSame := string(a.Files[f]) == string(next.Files[f]); (ha[u] == h) != bytesSame {
			t.Errorf("%s: hash %s then %s, but its bytes same = %v", u, ha[u], h, bytesSame)
		}
		if ha[u] == h {
			same++
		}
	}
	if ha["/objections/too-expensive/"] == hn["/objections/too-expensive/"] {
		t.Error("the changed page kept its precache hash")
	}
	if same == 0 {
		t.Error("every precache hash changed with one page")
	}
	t.Logf("%d of %d precache entries unchanged after one page changed", same, len(hn))

	// A stylesheet change leaves the search index as it was, but not the
	// pages a reader saved: the stamp changes too.
	if err := os.MkdirAll(filepath.Join(dir, "static", "css"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static", "css", "extra.css"), []byte("p{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	css := generate(t, Options{Source: dir, BaseURL: "/"})
	if sa, _ := next.searchStamp(); func() bool { sb, _ := css.searchStamp(); return sa != sb }() {
		t.Fatal("a static file changed the search index's stamp")
	}
	if workerSettings(t, css).Build == wn.Build {
		t.Error("the build stamp stayed the same after a static file was added")
	}
}

// TestOfflineDiffLinks: with versions, offline.json names the pages the
// What changed page has a word diff of, at the anchor the page gives them.
func TestOfflineDiffLinks(t *testing.T) {
	opts := Options{Source: "testdata/basic", BaseURL: "/", Today: fixtureToday, Release: &release.Context{Current: release.Version{Name: "Latest", Latest: true}, RootPath: "/"}}
	before := workerSettings(t, generate(t, opts)).Build
	rep := &changes.Report{From: "v1", To: "Latest", Changed: []changes.Change{{Page: changes.Page{Path: "objections/too-expensive/", Title: "Too expensive", Kind: content.KindObjection}}}}
	s, err := Start(opts, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(rep, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Finish(rep, nil); err == nil {
		t.Error("a site finished twice")
	}
	d := offlineData(t, s)
	if d.Changes != "/changes/" || !slices.Equal(d.Diffs, []string{"/objections/too-expensive/"}) {
		t.Errorf("offline.json changes %q diffs %q", d.Changes, d.Diffs)
	}
	if id := `id="` + offline.DiffAnchor("objections/too-expensive/") + `"`; !strings.Contains(string(s.Files["changes/index.html"]), id) {
		t.Errorf("the What changed page has no %s", id)
	}
	if workerSettings(t, s).Build == before {
		t.Error("What changed left the build stamp as it was")
	}
}

// TestOfflineFileClash: a playbook file at the worker's address is refused.
func TestOfflineFileClash(t *testing.T) {
	dir := fixture.Copy(t, "testdata/basic")
	if err := os.MkdirAll(filepath.Join(dir, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "static", "sw.js"), []byte("//"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err == nil || !strings.Contains(err.Error(), "static/sw.js") || !strings.Contains(err.Error(), "offline") {
		t.Errorf("err = %v, want static/sw.js refused", err)
	}
	if _, err := Generate(Options{Source: dir, Today: fixtureToday, Live: true}); err != nil {
		t.Errorf("the live preview has no worker, so static/sw.js is fine there: %v", err)
	}
}

// TestOfflinePrecacheBudget: past the budget, pages are left for the
// worker to save when opened, the pages a rep needs most kept first.
func TestOfflinePrecacheBudget(t *testing.T) {
	s := generate(t, Options{Source: "testdata/basic", BaseURL: "/"})
	size := func(p *site.Page) int { return len(s.Files[strings.TrimPrefix(p.URL, "/")+"index.html"]) }
	var objections, rest int
	for _, p := range s.Model.Pages {
		switch r := precacheRank(p); {
		case r == 0:
			objections += size(p)
		case r > 0:
			rest += size(p)
		}
	}
	if objections == 0 || rest == 0 {
		t.Fatal("fixture needs objections and other call pages")
	}
	in := func(es []offline.Entry, p *site.Page) bool {
		return slices.ContainsFunc(es, func(e offline.Entry) bool { return e[0] == p.Permalink() })
	}
	_, list := s.precache(objections)
	for _, p := range s.Model.Pages {
		in := in(list, p)
		if r := precacheRank(p); r == 0 && !in || r > 0 && in {
			t.Errorf("%s (rank %d): in precache = %v with a budget of the objections' size", p.URL, r, in)
		}
	}
	if _, all := s.precache(precachePageBudget); len(all) <= len(list) {
		t.Errorf("full budget lists %d, objections-only budget %d", len(all), len(list))
	}
	// A page too big for what is left is skipped, not the end of the
	// list: no page left out would fit in what remains.
	for _, budget := range []int{objections / 2, objections + rest/3, objections + rest/2} {
		_, list := s.precache(budget)
		left := budget
		for _, p := range s.Model.Pages {
			if in(list, p) {
				left -= size(p)
			}
		}
		if left < 0 {
			t.Errorf("budget %d: pages over it by %d", budget, -left)
		}
		for _, p := range s.Model.Pages {
			if precacheRank(p) >= 0 && !in(list, p) && size(p) <= left {
				t.Errorf("budget %d: %s (%d bytes) left out with %d bytes left", budget, p.URL, size(p), left)
			}
		}
	}
}

// TestOfflinePageHash: the "changed since your last visit" hash follows
// the page's own text only, not what the generator derives from it.
func TestOfflinePageHash(t *testing.T) {
	doc := func(edit func(*search.Doc)) search.Doc {
		d := search.Doc{URL: "/objections/x/", Title: "Too expensive", Kind: "objection",
			Facets: map[string][]string{"stage": {"close"}}, Phrases: []string{"it costs too much"}, Names: []string{"price"},
			Sections: []search.Section{{Anchor: "talk-track", Heading: "Talk track", Text: "Ask what the price is compared with."}}}
		if edit != nil {
			edit(&d)
		}
		return d
	}
	base := pageHash(doc(nil))
	for name, c := range map[string]struct {
		edit    func(*search.Doc)
		changed bool
	}{
		"facets":  {func(d *search.Doc) { d.Facets["stage"] = []string{"open"} }, false},
		"names":   {func(d *search.Doc) { d.Names = nil }, false},
		"anchor":  {func(d *search.Doc) { d.Sections[0].Anchor = "talk-track-1" }, false},
		"kind":    {func(d *search.Doc) { d.Kind = "term" }, false},
		"title":   {func(d *search.Doc) { d.Title = "Too pricey" }, true},
		"phrase":  {func(d *search.Doc) { d.Phrases = append(d.Phrases, "no budget") }, true},
		"heading": {func(d *search.Doc) { d.Sections[0].Heading = "What to say" }, true},
		"text":    {func(d *search.Doc) { d.Sections[0].Text += " Then stop." }, true},
		"moved":   {func(d *search.Doc) { d.Phrases, d.Sections[0].Heading = nil, "it costs too much" }, true},
	} {
		if got := pageHash(doc(c.edit)) != base; got != c.changed {
			t.Errorf("%s: hash changed = %v, want %v", name, got, c.changed)
		}
	}
}
