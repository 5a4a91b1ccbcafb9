package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/offline"
)

var files = map[string][]byte{
	"index.html":                 []byte("<h1>home</h1>"),
	"objections/x/index.html":    []byte("<h1>x</h1>"),
	"css/playbook.css":           []byte("body{}"),
	"404.html":                   []byte("<h1>not found</h1>"),
	"objections/index.html":      []byte("<h1>objections</h1>"),
	"downloads/sheet.pdf":        []byte("%PDF-1.4"),
	"objections/x/diagram.svg":   []byte("<svg/>"),
	"secret/../../etc/passwd":    []byte("never"),
	"objections/x/../index.html": []byte("odd"),
}

func get(t *testing.T, method, target string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, "http://127.0.0.1"+target, nil)
	if target != "" && !strings.HasPrefix(target, "/") {
		req.URL.Path = target
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	Handler(files).ServeHTTP(rec, req)
	return rec
}

func TestHandler(t *testing.T) {
	cases := []struct {
		path   string
		status int
		body   string
		ctype  string
	}{
		{"/", 200, "<h1>home</h1>", "text/html; charset=utf-8"},
		{"/objections/x/", 200, "<h1>x</h1>", "text/html; charset=utf-8"},
		{"/css/playbook.css", 200, "body{}", "text/css; charset=utf-8"},
		{"/objections/x/diagram.svg", 200, "<svg/>", "image/svg+xml"},
		{"/nope/", 404, "<h1>not found</h1>", "text/html; charset=utf-8"},
		{"/../../etc/passwd", 404, "<h1>not found</h1>", ""},
		{"/%2e%2e/%2e%2e/etc/passwd", 404, "<h1>not found</h1>", ""},
		{"/objections/x/..%2f..%2f..%2fetc/passwd", 404, "<h1>not found</h1>", ""},
		{"/secret/..\\..\\etc\\passwd", 404, "<h1>not found</h1>", ""},
	}
	for _, c := range cases {
		rec := get(t, "GET", c.path)
		if rec.Code != c.status || rec.Body.String() != c.body {
			t.Errorf("GET %s = %d %q, want %d %q", c.path, rec.Code, rec.Body.String(), c.status, c.body)
		}
		if c.ctype != "" && rec.Header().Get("Content-Type") != c.ctype {
			t.Errorf("GET %s Content-Type %q, want %q", c.path, rec.Header().Get("Content-Type"), c.ctype)
		}
	}
}

// TestWorkerOff: a site without a service worker answers any sw.js with
// one that unregisters itself, so a worker kept from a build served at
// this address before does not go on answering for the preview.
func TestWorkerOff(t *testing.T) {
	for _, p := range []string{"/sw.js", "/playbook/sw.js"} {
		rec := get(t, "GET", p)
		if rec.Code != 200 || rec.Body.String() != string(offline.Unregister) || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/javascript") {
			t.Errorf("GET %s = %d %s %.60q, want the worker that unregisters", p, rec.Code, rec.Header().Get("Content-Type"), rec.Body.String())
		}
	}
	withWorker := map[string][]byte{"sw.js": []byte("self.PB = {};")}
	rec := httptest.NewRecorder()
	Handler(withWorker).ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/sw.js", nil))
	if rec.Body.String() != "self.PB = {};" {
		t.Errorf("a site's own sw.js answered with %.60q", rec.Body.String())
	}
}

func TestRedirectHeadETag(t *testing.T) {
	if rec := get(t, "GET", "/objections/x"); rec.Code != http.StatusMovedPermanently || rec.Header().Get("Location") != "/objections/x/" {
		t.Errorf("no redirect to trailing slash: %d %s", rec.Code, rec.Header().Get("Location"))
	}
	head := get(t, "HEAD", "/objections/x/")
	if head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("ETag") == "" {
		t.Errorf("HEAD: %d body %d etag %q", head.Code, head.Body.Len(), head.Header().Get("ETag"))
	}
	if rec := get(t, "GET", "/objections/x/", "If-None-Match", head.Header().Get("ETag")); rec.Code != http.StatusNotModified {
		t.Errorf("conditional GET = %d, want 304", rec.Code)
	}
	if rec := get(t, "POST", "/"); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST = %d", rec.Code)
	}
}

func TestTraversalForms(t *testing.T) {
	h := New(files, Options{Live: true})
	for _, target := range []string{
		"/..%2f..%2fetc%2fpasswd", "/%2e%2e%2f%2e%2e%2fetc/passwd", "/objections%2f..%2f..%2fsecret",
		"/..\\..\\etc\\passwd", "/%5c..%5c..%5cetc%5cpasswd", "//etc/passwd", "/./././../etc/passwd",
	} {
		req := httptest.NewRequest("GET", "http://127.0.0.1/", nil)
		req.URL.Path = target
		req.URL.RawPath = ""
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusNotFound || strings.Contains(rec.Body.String(), "never") {
			t.Errorf("%s: %d %q", target, rec.Code, rec.Body.String())
		}
	}
}

func TestLiveInjectionAndChanges(t *testing.T) {
	s := New(map[string][]byte{
		"index.html":       []byte(`<html><head><link href="/css/a.css?v=00000001"></head><body><h1>Home</h1></body></html>`),
		"other/index.html": []byte(`<html><body>Other</body></html>`),
		"css/a.css":        []byte("a{}"),
		"404.html":         []byte("<html><body>404</body></html>"),
	}, Options{Live: true})
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/", nil))
	if !strings.Contains(rec.Body.String(), `<script src="/__playbook/live.js" defer></script></body>`) {
		t.Errorf("script not injected: %s", rec.Body.String())
	}
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/__playbook/live.js", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "EventSource") {
		t.Errorf("live.js: %d", rec.Code)
	}
	// A CSS change that only moves the asset hash in the pages reports the
	// CSS alone, so browsers swap it without reloading.
	changed := s.Publish(map[string][]byte{
		"index.html":       []byte(`<html><head><link href="/css/a.css?v=00000002"></head><body><h1>Home</h1></body></html>`),
		"other/index.html": []byte(`<html><body>Other, edited</body></html>`),
		"css/a.css":        []byte("a{color:red}"),
		"404.html":         []byte("<html><body>404</body></html>"),
	})
	if strings.Join(changed, ",") != "css/a.css,other/index.html" {
		t.Errorf("changed %v", changed)
	}
	// Without live mode, pages are served exactly as built.
	plain := Handler(map[string][]byte{"index.html": []byte("<body>x</body>")})
	rec = httptest.NewRecorder()
	plain.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/", nil))
	if rec.Body.String() != "<body>x</body>" {
		t.Errorf("build output altered: %q", rec.Body.String())
	}
	rec = httptest.NewRecorder()
	plain.ServeHTTP(rec, httptest.NewRequest("GET", "http://127.0.0.1/__playbook/events", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("events served without live mode")
	}
}

func TestEventStreamEndsOnClose(t *testing.T) {
	s := New(files, Options{Live: true})
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, err := http.Get(srv.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	deadline := time.Now().Add(2 * time.Second)
	for s.Clients() != 1 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	s.Close()
	done := make(chan struct{})
	go func() { io.Copy(io.Discard, resp.Body); close(done) }()
	select {
	case <-done:
	case <-time.After(2 * time.Second):
		t.Fatal("event stream still open after Close")
	}
	for s.Clients() != 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if s.Clients() != 0 {
		t.Errorf("%d clients left", s.Clients())
	}
}

func TestLocalOnly(t *testing.T) {
	h := LocalOnly(Handler(files))
	for host, want := range map[string]int{"127.0.0.1:1313": 200, "localhost:1313": 200, "[::1]:1313": 200, "localhost": 200, "attacker.example:1313": 403, "10.0.0.5:1313": 403} {
		req := httptest.NewRequest("GET", "http://x/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("Host %s: %d, want %d", host, rec.Code, want)
		}
	}
}
