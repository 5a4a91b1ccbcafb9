package render

// Offline is what a page's head needs to work offline and install as an
// app: the web app manifest, the service worker, the brand colour and the
// script that registers the worker. A build that leaves them out (the
// live preview, drafts, an older version) sets none.
type Offline struct {
	Manifest    string // URL of manifest.webmanifest
	Worker      string // URL of sw.js, at the site's root so its scope is the whole site
	Scope       string // the site's base path, the worker's scope
	Data        string // URL of offline.json, each page's content hash for "changed since your last visit"
	ThemeColour string // <meta name="theme-color">
}

// layoutOffline is the page a reader sees offline when the page they
// asked for was never saved.
const layoutOffline = "offline"

// SetOffline gives pages the offline head (see Offline); nil, the
// default, renders pages without it.
func (r *Renderer) SetOffline(o *Offline) { r.offline = o }

// OfflinePage renders the page the service worker shows for a page it
// has not saved, at offline.html under the site's root.
func (r *Renderer) OfflinePage() ([]byte, error) {
	return r.execute(view{Page: r.site.Home, Layout: layoutOffline})
}

// AssetURL is the URL pages use for a static file, with its
// cache-busting hash, as the asset template function gives it.
func (r *Renderer) AssetURL(name string) string {
	u := r.site.BasePath + name
	if h, ok := r.hashes[name]; ok {
		u += "?v=" + h
	}
	return u
}

// OfflineHead is what SetOffline set, for a renderer made again for the
// same build (the live preview's relink).
func (r *Renderer) OfflineHead() *Offline { return r.offline }
