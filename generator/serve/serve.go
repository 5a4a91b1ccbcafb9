// Package serve serves a generated site from memory over HTTP.
package serve

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// Handler serves files (slash-separated paths under the site root) with
// pretty URLs: "/x/" serves "x/index.html", "/x" redirects to "/x/".
// Unknown paths get 404.html. Paths are cleaned, so ".." cannot escape.
func Handler(files map[string][]byte) http.Handler {
	etags := make(map[string]string, len(files))
	for name, b := range files {
		sum := sha256.Sum256(b)
		etags[name] = `"` + hex.EncodeToString(sum[:8]) + `"`
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		p := path.Clean("/" + r.URL.Path)
		name := strings.TrimPrefix(p, "/")
		if strings.HasSuffix(r.URL.Path, "/") || name == "" {
			name = path.Join(name, "index.html")
		}
		b, ok := files[name]
		if !ok && !strings.HasSuffix(r.URL.Path, "/") {
			if _, isDir := files[path.Join(name, "index.html")]; isDir {
				http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
				return
			}
		}
		status := http.StatusOK
		if !ok {
			name, status = "404.html", http.StatusNotFound
			b = files[name]
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = http.DetectContentType(b)
		}
		w.Header().Set("Content-Type", ctype)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		if status == http.StatusOK {
			w.Header().Set("ETag", etags[name])
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
			return
		}
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(b)
		}
	})
}
