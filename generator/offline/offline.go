// Package offline writes what lets a built playbook work without a
// network and install as an app: the service worker (sw.js) with its
// build's precache list, the web app manifest, and offline.json, a short
// content hash per page for "changed since your last visit". The build
// decides what goes in; this package only encodes it.
package offline

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/internal/colour"
)

// Files the build writes at the site's root. The worker must be there:
// a service worker's scope is the folder it is served from, and the
// site's root holds every page (under a base path too).
const (
	WorkerFile   = "sw.js"
	ManifestFile = "manifest.webmanifest"
	DataFile     = "offline.json"
	PageFile     = "offline.html"
)

// Fallback colours when the config declares no brand colours: the
// default theme's accent and page background.
const (
	defaultTheme      = "#0b4f8a"
	defaultBackground = "#ffffff"
)

//go:embed worker.js
var workerJS string

// Unregister is the sw.js of a site that has no service worker: it
// replaces one a browser kept from an earlier build at the same address,
// deletes its saved pages and unregisters itself, answering no request.
//
//go:embed unregister.js
var Unregister []byte

// Worker is what a build's service worker knows.
type Worker struct {
	Build   string `json:"build"`   // the build stamp, which names the cache
	Base    string `json:"base"`    // the site's base path ("/", "/playbook/")
	Offline string `json:"offline"` // URL of the page shown for a page never saved
	// Shell is saved on install all or nothing: stylesheets, scripts,
	// home, search and offline pages, manifest and the search index.
	Shell []Entry `json:"shell"`
	// Pages are saved on install as far as they download; one that
	// fails is saved when first opened.
	Pages []Entry `json:"pages"`
}

// Entry is one URL the worker saves on install, exactly as pages request
// it, with the Hash of the bytes it serves: on a new build, an entry
// whose hash is unchanged is copied from the previous build's cache
// instead of downloaded again. It is written as [url, hash].
type Entry [2]string

// Script returns sw.js: a first line with the worker's settings, then
// the worker. The stamp is in it, so a new build is a new worker to the
// browser, which installs it and drops the old build's cache.
func (w Worker) Script() ([]byte, error) {
	if w.Shell == nil {
		w.Shell = []Entry{}
	}
	if w.Pages == nil {
		w.Pages = []Entry{}
	}
	b, err := json.Marshal(w)
	if err != nil {
		return nil, fmt.Errorf("offline: encoding %s: %w", WorkerFile, err)
	}
	out := make([]byte, 0, len(b)+len(workerJS)+16)
	out = append(out, "self.PB = "...)
	out = append(out, b...)
	out = append(out, ";\n"...)
	return append(out, workerJS...), nil
}

// App is the web app manifest: what "Add to home screen" shows.
type App struct {
	Name             string `json:"name"`
	ShortName        string `json:"short_name"`
	Description      string `json:"description,omitempty"`
	StartURL         string `json:"start_url"`
	Scope            string `json:"scope"`
	Display          string `json:"display"`
	ThemeColour      string `json:"theme_color"`
	BackgroundColour string `json:"background_color"`
	Icons            []Icon `json:"icons"`
}

// Icon is one of the app's icons.
type Icon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes"`
	Type  string `json:"type"`
}

// AppFor is the manifest of a site at base whose icon (an SVG) is at
// icon. The theme colour is the first brand colour (by convention the
// primary one), the background the lightest brand colour.
func AppFor(cfg *config.Config, base, icon string) App {
	theme, bg := Colours(cfg)
	a := App{
		Name: cfg.Title, ShortName: shortName(cfg.Title), Description: cfg.Description,
		StartURL: base, Scope: base, Display: "standalone",
		ThemeColour: theme, BackgroundColour: bg,
	}
	if icon != "" {
		a.Icons = []Icon{{Src: icon, Sizes: "any", Type: "image/svg+xml"}}
	}
	return a
}

// Colours returns the app's theme colour (the first brand colour) and
// background colour (the brand colour with the highest luminance), or
// the default theme's when the config declares none.
func Colours(cfg *config.Config) (theme, background string) {
	cols := cfg.Brand.Colours
	if len(cols) == 0 {
		return defaultTheme, defaultBackground
	}
	theme, background = cols[0].Hex, cols[0].Hex
	best := colour.Luminance(background)
	for _, c := range cols[1:] {
		if l := colour.Luminance(c.Hex); l > best {
			background, best = c.Hex, l
		}
	}
	return strings.ToLower(theme), strings.ToLower(background)
}

// shortName fits the title under a home-screen icon (about 12
// characters): the title itself when short, else its first word.
func shortName(title string) string {
	if utf8.RuneCountInString(title) <= 12 {
		return title
	}
	if i := strings.IndexByte(title, ' '); i > 0 {
		return title[:i]
	}
	return title
}

// Manifest returns manifest.webmanifest.
func (a App) Manifest() ([]byte, error) {
	if a.Icons == nil {
		a.Icons = []Icon{}
	}
	b, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("offline: encoding %s: %w", ManifestFile, err)
	}
	return append(b, '\n'), nil
}

// Data is offline.json, read by the pages' script: the build, a short
// hash of each page's text by URL, and which pages the What changed page
// holds a word diff of.
type Data struct {
	Build string            `json:"build"`
	Pages map[string]string `json:"pages"`
	// Changes is the URL of the What changed page, when the site has
	// versions; a page listed in Diffs has its word diff there, at the
	// anchor DiffAnchor gives.
	Changes string   `json:"changes,omitempty"`
	Diffs   []string `json:"diffs,omitempty"`
}

// DiffAnchor is the id of a changed page's entry on the What changed
// page, from the page's path relative to its version's root
// ("objections/too-expensive/"). The changes layout writes the same.
func DiffAnchor(path string) string { return "pb-change-" + path }

// Encode returns offline.json.
func (d Data) Encode() ([]byte, error) {
	if d.Pages == nil {
		d.Pages = map[string]string{}
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("offline: encoding %s: %w", DataFile, err)
	}
	return b, nil
}

// Hash is a short fingerprint of a file or a page's text: 8 hex digits
// (the first 4 bytes of its SHA-256), enough to tell one version from
// the next. The worker computes the same of a saved response.
func Hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:4])
}
