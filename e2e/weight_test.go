package e2e

import (
	"compress/gzip"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/playbook-ssg/playbook/internal/browser"
)

// pageBudget is what a page a rep opens may transfer, gzip-compressed,
// with its stylesheets and scripts: a phone on a weak signal loads it in
// about a second.
const pageBudget = 40 * 1024

// gzipped compresses every response, as static hosts do.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Range") != "" || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		zw := gzip.NewWriter(w)
		defer zw.Close()
		h.ServeHTTP(gzipWriter{w, zw}, r)
	})
}

type gzipWriter struct {
	http.ResponseWriter
	zw *gzip.Writer
}

func (g gzipWriter) Write(b []byte) (int, error) { return g.zw.Write(b) }

// WriteHeader drops the length the handler set: it is the uncompressed one.
func (g gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

// TestPageWeight loads each page kind a rep opens in a call with a cold
// cache over gzip and adds up the bytes on the wire: the page, its
// stylesheets, scripts and images. The service worker's own downloads are
// not the page's and are not counted.
func TestPageWeight(t *testing.T) {
	base := serveSampleWith(t, gzipped)
	ctx := browser.New(t)
	var mu sync.Mutex
	sizes := map[string]float64{}
	inFlight := map[network.RequestID]bool{}
	last := time.Now() // when a request last started or ended
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			inFlight[e.RequestID] = true
			last = time.Now()
		case *network.EventLoadingFinished:
			sizes[string(e.RequestID)] += e.EncodedDataLength
			delete(inFlight, e.RequestID)
			last = time.Now()
		case *network.EventLoadingFailed:
			delete(inFlight, e.RequestID)
			last = time.Now()
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	// The service worker controls the tab from the first page on and
	// would answer later pages from its cache (0 kB): measure the network.
	if _, err := chromedp.Call(ctx, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
		t.Fatal(err)
	}
	// idle waits until no request has been in flight for quiet (bounded),
	// so a slow load is counted whole.
	idle := func(p string) {
		const quiet = 300 * time.Millisecond
		deadline := time.Now().Add(15 * time.Second)
		for {
			mu.Lock()
			done := len(inFlight) == 0 && time.Since(last) >= quiet
			mu.Unlock()
			if done {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: the network never went idle", p)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	for _, p := range []string{"/", "/objections/", "/objections/too-expensive/", "/closing-tools/paid-pilot/",
		"/plays/business-case-cfo/", "/personas/cfo/", "/glossary/qualified-prospect/"} {
		mu.Lock()
		clear(sizes)
		clear(inFlight)
		mu.Unlock()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+p), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		idle(p)
		mu.Lock()
		total := 0.0
		for _, n := range sizes {
			total += n
		}
		n := len(sizes)
		mu.Unlock()
		msg := fmt.Sprintf("%s: %.1f kB gzip in %d requests (budget %d kB)", p, total/1024, n, pageBudget/1024)
		t.Log(msg)
		if total > pageBudget {
			t.Error(msg)
		}
	}
}
