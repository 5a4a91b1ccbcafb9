package pipeline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/offline"
	"github.com/playbook-ssg/playbook/generator/parallel"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/generator/site"
)

// offlineOn says whether a build works offline: it gets a service worker,
// a web app manifest and offline.json. Not the live preview (a worker
// would answer in place of the live server), not a build with drafts (a
// preview whose pages must never be kept on a reader's phone), and not
// an older version under v/ (the latest's worker, at the root, covers
// its pages as they are visited).
func offlineOn(opts Options) bool {
	return !opts.Live && !opts.Drafts && (opts.Release == nil || opts.Release.Current.Latest)
}

// offlineFiles are the files offline builds write at the site's root.
var offlineFiles = []string{offline.WorkerFile, offline.ManifestFile, offline.DataFile, offline.PageFile}

// setOffline gives the renderer the pages' offline head. The addresses
// of the offline files are claimed with every other file (see paths).
func setOffline(out *Site, s *site.Site, r *render.Renderer) error {
	if !offlineOn(out.opts) {
		return nil
	}
	theme, _ := offline.Colours(s.Config)
	r.SetOffline(&render.Offline{
		Manifest:    s.BasePath + offline.ManifestFile,
		Worker:      s.BasePath + offline.WorkerFile,
		Scope:       s.BasePath,
		Data:        s.BasePath + offline.DataFile,
		ThemeColour: theme,
	})
	return nil
}

// writeOffline writes the offline files for the site as it stands. It
// runs at the end of Generate and again when versions render pages
// afterwards (What changed, the home page, the list of versions), so the
// stamp always covers the final pages.
func (s *Site) writeOffline() error {
	if !offlineOn(s.opts) {
		// A build with drafts published where an earlier build was must
		// switch that build's worker off, not leave it serving old pages.
		if !s.has(offline.WorkerFile) && s.opts.Drafts && !s.opts.Live && (s.opts.Release == nil || s.opts.Release.Current.Latest) {
			s.Files[offline.WorkerFile] = offline.Unregister
		}
		return nil
	}
	m := s.Model
	r := s.renderer
	page, err := r.OfflinePage()
	if err != nil {
		return err
	}
	s.Files[offline.PageFile] = page
	icon := ""
	if _, ok := r.Assets()["favicon.svg"]; ok {
		icon = r.AssetURL("favicon.svg")
	}
	app, err := offline.AppFor(m.Config, m.BasePath, icon).Manifest()
	if err != nil {
		return err
	}
	s.Files[offline.ManifestFile] = app

	stamp, err := s.offlineStamp()
	if err != nil {
		return err
	}
	data := offline.Data{Build: stamp, Pages: make(map[string]string, len(s.searchDocs))}
	for _, d := range s.searchDocs {
		data.Pages[d.URL] = pageHash(d)
	}
	if rel := s.opts.Release; rel != nil && rel.Changes != nil {
		data.Changes = m.BasePath + ChangesPage
		for _, c := range rel.Changes.Changed {
			data.Diffs = append(data.Diffs, m.BasePath+c.Path)
		}
	}
	b, err := data.Encode()
	if err != nil {
		return err
	}
	s.Files[offline.DataFile] = b

	shell, pages := s.precache(precachePageBudget)
	sw, err := offline.Worker{Build: stamp, Base: m.BasePath, Offline: m.BasePath + offline.PageFile, Shell: shell, Pages: pages}.Script()
	if err != nil {
		return err
	}
	s.Files[offline.WorkerFile] = sw
	return nil
}

// pageHash fingerprints a page's own text for "changed since your last
// visit": its title, the phrases it answers and its sections' headings
// and text. What the generator derives (facets, names, anchors) is left
// out, so a Playbook upgrade that changes them marks no page Updated.
func pageHash(d search.Doc) string {
	h := sha256.New() // as offline.Hash of the texts joined, without joining them
	add := func(s string) {
		_, _ = io.WriteString(h, s)
		h.Write([]byte{0})
	}
	add(d.Title)
	for _, p := range d.Phrases {
		add(p)
	}
	h.Write([]byte{1}) // phrases end: a phrase never reads as a heading
	for _, sec := range d.Sections {
		add(sec.Heading)
		add(sec.Text)
	}
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// offlineStamp names a build: the search index's build stamp (which
// changes with any page's text) followed by a fingerprint of every other
// file, since a template or stylesheet change leaves the index as it was
// but changes the pages a reader has saved.
func (s *Site) offlineStamp() (string, error) {
	var names []string
	for _, name := range s.fileNames() {
		if name != offline.WorkerFile && name != offline.DataFile {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	sums := make([][32]byte, len(names))
	parallel.Each(len(names), func(i int) { sums[i] = s.sumOf(names[i]).sum })
	h := sha256.New()
	for i, name := range names {
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write(sums[i][:])
	}
	all := hex.EncodeToString(h.Sum(nil)[:6])
	idx, err := s.searchStamp()
	if err != nil || idx == "" {
		return all, err
	}
	return idx + "-" + all, nil
}

// searchStamp is the "build" field of search/meta.json ("" without an index).
func (s *Site) searchStamp() (string, error) {
	b, ok := s.Files["search/meta.json"]
	if !ok {
		return "", nil
	}
	var meta struct {
		Build string `json:"build"`
	}
	if err := json.Unmarshal(b, &meta); err != nil {
		return "", fmt.Errorf("offline: reading search/meta.json: %w", err)
	}
	return meta.Build, nil
}

// precacheRank orders the pages a rep may need in a call, saved whole on
// the first visit (0 first); other pages (-1) are saved as they are visited.
func precacheRank(p *site.Page) int {
	switch {
	case p.Draft:
		return -1
	case p.Kind == content.KindObjection:
		return 0
	case p.Kind == content.KindClosingTool:
		return 1
	case p.Kind == content.KindPlay:
		return 2
	case p.Kind == content.KindTerm:
		return 3
	case p.Kind == content.KindPersona:
		return 4 // plays and objections link to who raises them
	case p.IsSection && p.Kind != content.KindHome:
		return 5
	}
	return -1
}

// precachePageBudget caps the pages saved on install (uncompressed HTML,
// about a fifth of that on the wire): a playbook of thousands of call
// pages must not cost a phone a hundred megabytes on its first visit.
// Pages past it, in precacheRank order, are saved when first opened.
const precachePageBudget = 16 << 20

// precache lists what the worker saves on install, as pages request it,
// each with the Hash of its bytes. The shell: stylesheets, scripts, icon,
// home, search and offline pages, manifest, and the whole search index.
// The pages: objections, closing tools, plays and glossary terms, and the
// sections that list them, the most needed first, as many as fit in
// budget bytes of HTML. Only pages of this build are in it: an external
// build has no internal pages, and drafts never are (a build with drafts
// has no worker).
func (s *Site) precache(budget int) (shell, pages []offline.Entry) {
	m := s.Model
	base := m.BasePath
	r := s.renderer
	entry := func(url, file string) offline.Entry {
		sum := s.sumOf(file).sum
		return offline.Entry{url, hex.EncodeToString(sum[:4])} // as offline.Hash
	}
	shell = []offline.Entry{entry(base, "index.html"), entry(base+"search/", "search/index.html"),
		entry(base+offline.PageFile, offline.PageFile), entry(base+offline.ManifestFile, offline.ManifestFile)}
	for name, b := range r.Assets() {
		if name == "favicon.svg" || strings.HasPrefix(name, "css/") || strings.HasPrefix(name, "js/") && name != "js/versions.js" {
			shell = append(shell, offline.Entry{r.AssetURL(name), offline.Hash(b)})
		}
	}
	if rel := s.opts.Release; rel != nil && !rel.Alone {
		shell = append(shell, offline.Entry{r.AssetURL("js/versions.js"), offline.Hash(r.Assets()["js/versions.js"])})
	}
	stamp, _ := s.searchStamp()
	for _, name := range s.fileNames() {
		switch {
		case !strings.HasPrefix(name, "search/") || name == "search/index.html":
		case name == "search/meta.json" || name == "search/search.js":
			shell = append(shell, entry(base+name, name)) // fetched without a stamp (engine.js)
		default:
			shell = append(shell, entry(base+name+"?v="+stamp, name))
		}
	}
	var ranked []*site.Page
	for _, p := range m.Pages {
		if precacheRank(p) >= 0 {
			ranked = append(ranked, p)
		}
	}
	slices.SortStableFunc(ranked, func(a, b *site.Page) int { return cmp.Compare(precacheRank(a), precacheRank(b)) })
	for _, p := range ranked {
		file := strings.TrimPrefix(p.URL, "/") + "index.html"
		// One big page past the budget must not drop every smaller one after it.
		if n := s.sumOf(file).size; n <= budget {
			budget -= n
			pages = append(pages, entry(p.Permalink(), file))
		}
	}
	return sortEntries(shell), sortEntries(pages)
}

// sortEntries sorts entries by URL and drops repeats.
func sortEntries(es []offline.Entry) []offline.Entry {
	slices.SortFunc(es, func(a, b offline.Entry) int { return cmp.Compare(a[0], b[0]) })
	return slices.CompactFunc(es, func(a, b offline.Entry) bool { return a[0] == b[0] })
}
