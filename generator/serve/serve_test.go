package serve

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
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
