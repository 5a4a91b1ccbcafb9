// Package serve serves a generated site from memory over HTTP. For live
// preview it holds the site as an immutable snapshot that a rebuild replaces
// in one step, and pushes change and error events to browsers over
// Server-Sent Events.
package serve

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"maps"
	"mime"
	"net"
	"net/http"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/playbook-ssg/playbook/generator/offline"
)

// Paths the live preview adds to the site.
const (
	EventsPath = "/__playbook/events"
	ScriptPath = "/__playbook/live.js"
	WorkerPath = "/__playbook/live-worker.js"
)

var (
	//go:embed live.js
	liveScript []byte
	//go:embed live-worker.js
	workerScript []byte
)

// snapshot is one complete site. Requests read one snapshot whole, so none
// ever sees a half-rebuilt site.
type snapshot struct {
	files map[string][]byte
	etags map[string]string
	norm  map[string][32]byte // HTML with asset hashes removed, to tell real changes
}

// Options configure a Server.
type Options struct {
	Live bool // inject the live-reload script and serve the event stream
	// MaxStreams caps the open event streams (0 means DefaultMaxStreams):
	// a new one closes the oldest, which is told to reconnect later.
	MaxStreams int
}

// Server serves the current snapshot of a site.
type Server struct {
	opts Options
	cur  atomic.Pointer[snapshot]
	hub  *hub
}

// New returns a server for files (slash-separated paths under the site root).
func New(files map[string][]byte, opts Options) *Server {
	s := &Server{opts: opts, hub: newHub(strconv.FormatInt(time.Now().UnixNano(), 36), opts.MaxStreams)}
	s.cur.Store(s.snapshot(files))
	return s
}

// Handler serves files with pretty URLs: "/x/" serves "x/index.html", "/x"
// redirects to "/x/". Unknown paths get 404.html. Paths are cleaned, so
// ".." cannot escape.
func Handler(files map[string][]byte) http.Handler { return New(files, Options{}) }

var assetHash = regexp.MustCompile(`\?v=[0-9a-f]{8}`)

func (s *Server) snapshot(files map[string][]byte) *snapshot {
	snap := &snapshot{files: make(map[string][]byte, len(files)), etags: make(map[string]string, len(files)), norm: map[string][32]byte{}}
	for name, b := range files {
		s.put(snap, name, b)
	}
	return snap
}

// put adds one file to a snapshot being made.
func (s *Server) put(snap *snapshot, name string, b []byte) {
	if strings.HasSuffix(name, ".html") {
		snap.norm[name] = sha256.Sum256(assetHash.ReplaceAll(b, nil))
		if s.opts.Live {
			b = inject(b)
		}
	}
	sum := sha256.Sum256(b)
	snap.files[name] = b
	snap.etags[name] = `"` + hex.EncodeToString(sum[:8]) + `"`
}

// PublishSome is Publish for a rebuild that replaced only the files named
// (files holds the whole site; a name missing from it was removed): the
// rest of the snapshot is reused, so a one-page edit costs one page, not
// the whole site.
func (s *Server) PublishSome(files map[string][]byte, names []string) []string {
	prev := s.cur.Load()
	next := &snapshot{files: maps.Clone(prev.files), etags: maps.Clone(prev.etags), norm: maps.Clone(prev.norm)}
	var changed []string
	for _, name := range names {
		old := prev.etags[name]
		b, ok := files[name]
		if !ok {
			if _, had := prev.files[name]; had {
				delete(next.files, name)
				delete(next.etags, name)
				delete(next.norm, name)
				changed = append(changed, name)
			}
			continue
		}
		s.put(next, name, b)
		if next.etags[name] != old {
			changed = append(changed, name)
		}
	}
	s.cur.Store(next)
	sort.Strings(changed)
	s.hub.publish(event{name: "change", data: changeJSON(changed)})
	return changed
}

// inject adds the live-reload script before </body>.
func inject(page []byte) []byte {
	tag := []byte(`<script src="` + ScriptPath + `" defer></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(append([]byte{}, page...), tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// Publish replaces the site with files in one step and tells browsers which
// files changed: pages whose content changed (not just an asset hash) and
// every other changed file. It returns those paths, sorted.
func (s *Server) Publish(files map[string][]byte) []string {
	next := s.snapshot(files)
	prev := s.cur.Swap(next)
	var changed []string
	for name := range next.files {
		if prev == nil {
			changed = append(changed, name)
			continue
		}
		if h, ok := next.norm[name]; ok {
			if old, had := prev.norm[name]; !had || old != h {
				changed = append(changed, name)
			}
			continue
		}
		if prev.etags[name] != next.etags[name] {
			changed = append(changed, name)
		}
	}
	if prev != nil {
		for name := range prev.files {
			if _, ok := next.files[name]; !ok {
				changed = append(changed, name)
			}
		}
	}
	sort.Strings(changed)
	s.hub.publish(event{name: "change", data: changeJSON(changed)})
	return changed
}

// Fail tells browsers the latest rebuild failed; the last good snapshot
// stays served. problems is a JSON array of diagnostics.
func (s *Server) Fail(problems []byte) {
	s.hub.publish(event{name: "problem", data: string(problems), sticky: true})
}

// Close ends every event stream, so an http.Server can shut down.
func (s *Server) Close() { s.hub.close() }

// Clients returns the number of open event streams.
func (s *Server) Clients() int { return s.hub.count() }

// ServeHTTP serves the current snapshot, the live script and the event stream.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if s.opts.Live {
		switch r.URL.Path {
		case EventsPath:
			s.hub.serve(w, r)
			return
		case ScriptPath, WorkerPath:
			script := liveScript
			if r.URL.Path == WorkerPath {
				script = workerScript
			}
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeContent(w, r, path.Base(r.URL.Path), time.Time{}, bytes.NewReader(script))
			return
		}
	}
	snap := s.cur.Load()
	p := path.Clean("/" + r.URL.Path)
	name := strings.TrimPrefix(p, "/")
	if strings.HasSuffix(r.URL.Path, "/") || name == "" {
		name = path.Join(name, "index.html")
	}
	b, ok := snap.files[name]
	if !ok && path.Base(name) == offline.WorkerFile {
		// A site without a worker (the live preview, a build with drafts)
		// switches off one a browser kept from a build served here before.
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, offline.WorkerFile, time.Time{}, bytes.NewReader(offline.Unregister))
		return
	}
	if !ok && !strings.HasSuffix(r.URL.Path, "/") {
		if _, isDir := snap.files[path.Join(name, "index.html")]; isDir {
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	status := http.StatusOK
	if !ok {
		name, status = "404.html", http.StatusNotFound
		b = snap.files[name]
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(b)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if status == http.StatusOK {
		w.Header().Set("ETag", snap.etags[name])
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
		return
	}
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(b)
	}
}

// Timeouts of the HTTP server NewHTTPServer makes.
const (
	// ReadHeaderTimeout bounds how long a client may take to send a
	// request's headers, so slow clients cannot hold connections.
	ReadHeaderTimeout = 10 * time.Second
	// IdleTimeout closes a kept-alive connection no request came on for
	// this long. An open event stream is a request under way, never idle.
	IdleTimeout = time.Minute
)

// NewHTTPServer returns an http.Server for h with the timeouts a preview
// needs: headers must come within ReadHeaderTimeout and idle kept-alive
// connections close after IdleTimeout. There is no write timeout, which
// would cut the long-lived event streams.
func NewHTTPServer(h http.Handler) *http.Server {
	return &http.Server{Handler: h, ReadHeaderTimeout: ReadHeaderTimeout, IdleTimeout: IdleTimeout}
}

// LocalOnly refuses requests whose Host is not this machine, so a web page
// elsewhere cannot read a preview bound to loopback by pointing its own
// domain at 127.0.0.1 (DNS rebinding).
func LocalOnly(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hst, _, err := net.SplitHostPort(host); err == nil {
			host = hst
		}
		host = strings.Trim(host, "[]")
		if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			http.Error(w, "playbook serve answers only to localhost and 127.0.0.1", http.StatusForbidden)
			return
		}
		h.ServeHTTP(w, r)
	})
}
