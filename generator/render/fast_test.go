package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/history"
	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// linkSite loads and links the playbook in dir.
func linkSite(t testing.TB, dir string, audience string) (*site.Site, *markdown.Renderer, fs.FS) {
	t.Helper()
	cfg, err := config.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	fsys := os.DirFS(dir)
	set, _, err := content.Load(fsys, cfg)
	if err != nil {
		t.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	s, diags := site.Link(cfg, set, fsys, md, site.Options{Audience: audience, Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if s == nil {
		t.Fatal(diags)
	}
	return s, md, fsys
}

// renderAll renders every page and list page, the 404 and search pages.
func renderAll(t *testing.T, r *Renderer, s *site.Site) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, p := range s.Pages {
		b, err := r.Page(p)
		if err != nil {
			t.Fatal(err)
		}
		out[p.URL] = b
		for n := 2; n <= len(p.Listings()); n++ {
			b, err := r.Listing(p, n)
			if err != nil {
				t.Fatal(err)
			}
			out[p.ListingURL(n)] = b
		}
	}
	for name, f := range map[string]func() ([]byte, error){"404": r.NotFound, "search": r.Search, "offline": r.OfflinePage} {
		b, err := f()
		if err != nil {
			t.Fatal(err)
		}
		out[name] = b
	}
	if r.release != nil {
		for name, f := range map[string]func() ([]byte, error){"changes": r.Changes, "versions": func() ([]byte, error) {
			return r.Versions([]release.Version{r.release.Current, {Name: "Latest", Latest: true}})
		}} {
			b, err := f()
			if err != nil {
				t.Fatal(err)
			}
			out[name] = b
		}
	}
	return out
}

// TestFastPartials checks that the Go partials write exactly what the
// theme's templates do, on every page of the sample playbook and of a
// synthetic one with every kind of page.
func TestFastPartials(t *testing.T) {
	dir, plain := t.TempDir(), t.TempDir()
	if err := synth.Write(dir, 300); err != nil {
		t.Fatal(err)
	}
	// Sections of sections, each longer than the sidebar lists.
	if err := synth.WritePlain(plain, 400); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ dir, audience string }{
		{"../../playbook", ""}, {"../../playbook", content.External}, {dir, ""}, {plain, ""},
	} {
		s, md, fsys := linkSite(t, c.dir, c.audience)
		slow, err := newRenderer(s, md, fsys, theme.FS, false)
		if err != nil {
			t.Fatal(err)
		}
		fast, err := New(s, md, fsys, theme.FS)
		if err != nil {
			t.Fatal(err)
		}
		if c.dir == "../../playbook" {
			// The last change of each file, as in a build from git.
			h, _, err := history.Read(c.dir)
			if err != nil || h.Len() == 0 {
				t.Fatalf("reading the sample's history: %v", err)
			}
			slow.SetHistory(h)
			fast.SetHistory(h)
		}
		if c.dir == dir {
			// A build with versions, offline pages and odd characters.
			for _, r := range []*Renderer{slow, fast} {
				r.SetRelease(&release.Context{Current: release.Version{Name: "v3 & <b>", Path: "v3/"}, RootPath: "/"})
				r.SetOffline(&Offline{Manifest: "/m.webmanifest?a=1&b=2", Worker: "/sw.js", Scope: "/", Data: "/offline.json+x", ThemeColour: "#0B4F8A\"<"})
			}
		}
		want, got := renderAll(t, slow, s), renderAll(t, fast, s)
		if len(want) < 20 {
			t.Fatalf("%s: only %d pages", c.dir, len(want))
		}
		for url, w := range want {
			if g := got[url]; !bytes.Equal(g, w) {
				t.Errorf("%s %s: the Go partials differ from the templates:\n%s", c.dir, url, firstDiff(string(w), string(g)))
			}
		}
	}
}

// TestFastPartialsOverridden checks that a playbook's own nav.html and
// card.html are executed, not replaced by the Go partials.
func TestFastPartialsOverridden(t *testing.T) {
	s, md, _ := linkSite(t, "../../playbook", "")
	own := fstest.MapFS{
		"layouts/partials/nav.html":  {Data: []byte(`<nav>own {{len site.Sections}}</nav>`)},
		"layouts/partials/card.html": {Data: []byte(`<li>own {{.Title}}</li>`)},
	}
	r, err := New(s, md, own, theme.FS)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Page(s.Home)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<nav>own ") || !strings.Contains(string(b), "<li>own ") || strings.Contains(string(b), `class="card card--`) {
		t.Errorf("the playbook's partials were not used:\n%s", b)
	}
}

// TestFastLayoutOverridden checks that the Go objection layout includes a
// playbook's own partials, and that a playbook's own objection layout is
// executed.
func TestFastLayoutOverridden(t *testing.T) {
	s, md, _ := linkSite(t, "../../playbook", "")
	p := s.Page("/objections/too-expensive/")
	own := fstest.MapFS{"layouts/partials/meta.html": {Data: []byte(`<aside>own meta {{.Title}}</aside>`)}}
	r, err := New(s, md, own, theme.FS)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Page(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<aside>own meta It&#39;s too expensive</aside>") || !strings.Contains(string(b), `<article class="objection">`) {
		t.Errorf("the playbook's meta.html was not used:\n%s", b)
	}
	own["layouts/objection.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<article>own objection</article>{{end}}`)}
	if r, err = New(s, md, own, theme.FS); err != nil {
		t.Fatal(err)
	}
	if b, err = r.Page(p); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<article>own objection</article>") {
		t.Errorf("the playbook's objection.html was not used:\n%s", b)
	}
	own["layouts/baseof.html"] = &fstest.MapFile{Data: []byte(`<html>own base {{block "main" .}}{{end}}</html>`)}
	if r, err = New(s, md, own, theme.FS); err != nil {
		t.Fatal(err)
	}
	if b, err = r.Page(p); err != nil {
		t.Fatal(err)
	}
	if string(b) != "<html>own base <article>own objection</article></html>" {
		t.Errorf("the playbook's baseof.html was not used:\n%s", b)
	}
}

// FuzzEscapers compares the Go escapers with html/template's.
func FuzzEscapers(f *testing.F) {
	for _, s := range []string{"", "Plain", `a<b>&"c'+d`, "\x00", "é ü 日本", "\xff\xfe", "/a b/?q=1&r=2#x", "%zz %4g %41%", "javascript:alert(1)",
		"HTTPS://x", "mailto:a@b", "/a:b", "a/b:c", "100% sure", "\ufdd0\uffff", "tab\there\nnew", "(x)[y]{z}|^`\\"} {
		f.Add(s)
	}
	tmpl := template.Must(template.New("").Parse(`{{.}}|<a title="{{.}}" href="{{.}}">|<a href="#{{.}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		writeText(&b, s)
		b.WriteString(`|<a title="`)
		writeText(&b, s)
		b.WriteString(`" href="`)
		writeURL(&b, s)
		b.WriteString(`">|<a href="#`)
		writeURLPart(&b, s)
		b.WriteString(`">`)
		if b.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, b.String(), want.String())
		}
	})
}

// firstDiff shows where two texts part.
func firstDiff(want, got string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	from := max(0, i-200)
	return "want …" + want[from:min(len(want), i+200)] + "\n got …" + got[from:min(len(got), i+200)]
}

// TestFastPartialSums checks that the Go partials were written from the
// theme's files as they are: after an edit to one of these partials,
// update its Go version in fast.go to match (TestFastPartials compares
// them once the sum is updated), then its sum.
func TestFastPartialSums(t *testing.T) {
	for name, fp := range fastPartials {
		if got := partialSum(theme.FS, "layouts/partials/"+name); got != fp.sum {
			t.Errorf("partials/%s has changed since its Go version was written (sum %s, now %s): update fast.go", name, fp.sum, got)
		}
	}
	if got := partialSum(theme.FS, "layouts/baseof.html"); got != baseofSum {
		t.Errorf("layouts/baseof.html has changed since its Go version was written (sum %s, now %s): update layouts.go", baseofSum, got)
	}
	for kind, fl := range fastLayouts {
		if got := partialSum(theme.FS, "layouts/"+kind+".html"); got != fl.sum {
			t.Errorf("layouts/%s.html has changed since its Go version was written (sum %s, now %s): update layouts.go", kind, fl.sum, got)
		}
	}
}

// TestFastPartialsOtherTheme checks that a theme whose partial differs
// from the default theme's keeps its own.
func TestFastPartialsOtherTheme(t *testing.T) {
	s, md, fsys := linkSite(t, "../../playbook", "")
	other := fstest.MapFS{}
	if err := fs.WalkDir(theme.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(theme.FS, p)
		other[p] = &fstest.MapFile{Data: b}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	other["layouts/partials/nav.html"] = &fstest.MapFile{Data: []byte(`<nav>other theme</nav>`)}
	r, err := New(s, md, fsys, other)
	if err != nil {
		t.Fatal(err)
	}
	b, err := r.Page(s.Home)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "<nav>other theme</nav>") {
		t.Errorf("the other theme's nav.html was not used")
	}
}

// TestFastConcurrent renders pages in parallel, as builds do, with a Go
// layout that executes a playbook's partial (run with -race).
func TestFastConcurrent(t *testing.T) {
	s, md, _ := linkSite(t, "../../playbook", "")
	own := fstest.MapFS{"layouts/partials/meta.html": {Data: []byte(`<aside>own meta {{.Title}}</aside>`)}}
	r, err := New(s, md, own, theme.FS)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for _, p := range s.Pages {
		if want[p.URL], err = r.Page(p); err != nil {
			t.Fatal(err)
		}
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			for _, p := range s.Pages {
				b, err := r.Page(p)
				if err == nil && !bytes.Equal(b, want[p.URL]) {
					err = fmt.Errorf("%s differs when rendered in parallel", p.URL)
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
