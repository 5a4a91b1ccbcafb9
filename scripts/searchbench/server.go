package main

import (
	"net"
	"net/http"
	"strings"
	"sync"
)

// server serves the built site on 127.0.0.1 without compression and logs
// every file it sends, those fetched by Pagefind's web worker included,
// which the page's resource timing entries do not show.
type server struct {
	URL string
	srv *http.Server

	mu  sync.Mutex
	log []served
}

type served struct {
	Path  string
	Bytes int64
}

const benchPage = `<!doctype html><html lang="en"><meta charset="utf-8"><link rel="icon" href="data:,"><title>searchbench</title><body></body></html>`

func startServer(root string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &server{URL: "http://" + ln.Addr().String()}
	files := http.FileServer(http.Dir(root))
	s.srv = &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		if r.URL.Path == "/__bench/" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(benchPage))
			return
		}
		cw := &countingWriter{ResponseWriter: w}
		files.ServeHTTP(cw, r)
		s.mu.Lock()
		s.log = append(s.log, served{r.URL.Path, cw.n})
		s.mu.Unlock()
	})}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

func (s *server) Close() { _ = s.srv.Close() }

func (s *server) reset() {
	s.mu.Lock()
	s.log = nil
	s.mu.Unlock()
}

// served returns the files sent since the last reset, in order.
func (s *server) served() []served {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []served
	for _, f := range s.log {
		if !strings.HasPrefix(f.Path, "/__bench/") {
			out = append(out, f)
		}
	}
	return out
}

type countingWriter struct {
	http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}
