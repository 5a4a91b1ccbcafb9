package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/versions"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

// A page only the latest version has, and one only the oldest has.
const (
	latestOnly = "working-together/release-checklist/"
	oldestOnly = "working-together/old-process/"
)

// When each version of the versioned sample was committed, by whom. The
// sample's pages were reviewed up to 18 November 2026; sampleToday is the
// 25th.
var (
	dayV30    = time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC)
	dayV31    = time.Date(2026, 11, 21, 14, 30, 0, 0, time.UTC)
	dayLatest = time.Date(2026, 11, 24, 11, 0, 0, 0, time.UTC)
)

const (
	authorV30    = "Alice Adams"
	authorV31    = "Bob Brown"
	authorLatest = "Carol Clark"
)

// The sentence of too-expensive.md that v3.1 reworded: v3.0 said "buy",
// later versions say "make".
const (
	ackNow = "and you should only make it if the numbers work for you."
	ackV30 = "and you should only buy it if the numbers work for you."
)

// versionedSite is the sample playbook built with its versions by
// versions.Build and served by a static file server.
type versionedSite struct {
	URL      string            // the server's root, without a trailing slash
	Manifest versions.Manifest // versions.json as built: newest first
	Commits  map[string]string // each version's commit, by name: "Latest", "v3.1", "v3.0"
}

// onePage is a page of one version only.
func onePage(title string) string {
	return "+++\ntitle = \"" + title + "\"\ndescription = \"A page of one version only.\"\nowners = [\"enablement\"]\nreviewed = 2026-11-10\n+++\n\n## Steps\n\nA short page.\n"
}

// serveVersionedSample puts the sample playbook in a git repository with
// this history:
//
//	v3.0 (Alice, annotated tag): the sample, plus working-together/old-process,
//	     and too-expensive saying "buy" and without its Clarify section
//	v3.1 (Bob): old-process removed, too-expensive as in the sample
//	HEAD (Carol): working-together/release-checklist added
//
// builds it the way playbook build does (the latest at the root, each tag
// under /v/<name>/, versions.json, /versions/ and each version's /changes/)
// and serves the output with net/http's file server, as a static host
// would, on a loopback port for the test's lifetime.
func serveVersionedSample(t *testing.T) versionedSite {
	t.Helper()
	r := gittest.New(t)
	for _, name := range []string{"content", "static", "layouts"} {
		src := filepath.Join("..", "playbook", name)
		if _, err := os.Stat(src); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := os.CopyFS(filepath.Join(r.Dir, name), os.DirFS(src)); err != nil {
			t.Fatal(err)
		}
	}
	toml, err := os.ReadFile(filepath.Join("..", "playbook", "playbook.toml"))
	if err != nil {
		t.Fatal(err)
	}
	r.Write("playbook.toml", string(toml))
	const expensive = "content/objections/too-expensive.md"
	now, err := os.ReadFile(filepath.Join("..", "playbook", filepath.FromSlash(expensive)))
	if err != nil {
		t.Fatal(err)
	}
	// v3.0: "buy" for "make", and no Clarify section.
	start, end := strings.Index(string(now), "## Clarify\n"), strings.Index(string(now), "## Respond\n")
	if !strings.Contains(string(now), ackNow) || start < 0 || end < start {
		t.Fatalf("%s no longer has the sentence or the section the test changes", expensive)
	}
	old := strings.Replace(string(now[:start])+string(now[end:]), ackNow, ackV30, 1)
	commits := map[string]string{}

	r.Write(expensive, old)
	r.Write("content/"+strings.TrimSuffix(oldestOnly, "/")+".md", onePage("Old process"))
	commits["v3.0"] = r.Commit(authorV30, dayV30, "Playbook 3.0")
	r.GitEnv(gittest.Env(authorV30, dayV30), "tag", "-a", "v3.0", "-m", "Playbook 3.0")

	r.Git("rm", "-q", "content/"+strings.TrimSuffix(oldestOnly, "/")+".md")
	r.Write(expensive, string(now))
	commits["v3.1"] = r.Commit(authorV31, dayV31, "Playbook 3.1")
	r.Git("tag", "v3.1")

	r.Write("content/"+strings.TrimSuffix(latestOnly, "/")+".md", onePage("Release checklist"))
	commits["Latest"] = r.Commit(authorLatest, dayLatest, "Add the release checklist")

	out := filepath.Join(t.TempDir(), "public")
	res, err := versions.Build(context.Background(), versions.Options{
		Build:     pipeline.Options{Source: r.Dir, GitHistory: true, Today: sampleToday, BaseURL: "/"},
		Out:       out,
		CacheDir:  t.TempDir(),
		Generator: "test",
	})
	if err != nil {
		t.Fatalf("building the versioned sample: %v", err)
	}
	for _, d := range res.Diags {
		if d.Severity >= diag.Warning {
			t.Errorf("building the versioned sample: %s", d)
		}
	}
	t.Logf("versioned sample built in %v", res.Duration.Round(time.Millisecond))

	site := versionedSite{URL: serveDir(t, out), Commits: commits}
	b, err := os.ReadFile(filepath.Join(out, versions.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &site.Manifest); err != nil {
		t.Fatalf("%s: %v", versions.ManifestFile, err)
	}
	return site
}

// serveDir serves a built site from dir with http.FileServer on a loopback
// port for the test's lifetime. As GitHub Pages and most static hosts do,
// a path with no file (or a folder with no index.html) gets the site's
// 404.html, with status 404.
func serveDir(t *testing.T, dir string) string {
	t.Helper()
	root := http.Dir(dir)
	files := http.FileServer(root)
	exists := func(name string) bool {
		f, err := root.Open(name)
		if err != nil {
			return false
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return false
		}
		if !st.IsDir() {
			return true
		}
		g, err := root.Open(path.Join(name, "index.html"))
		if err != nil {
			return false
		}
		g.Close()
		return true
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if exists(path.Clean("/" + r.URL.Path)) {
			files.ServeHTTP(w, r)
			return
		}
		page, err := os.ReadFile(filepath.Join(dir, "404.html"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write(page)
	})
	return listenLoopback(t, h)
}
