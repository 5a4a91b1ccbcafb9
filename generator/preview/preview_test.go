package preview

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/offline"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// sse is one event read from the stream.
type sse struct{ name, data string }

// subscribe reads the event stream in the background.
func subscribe(t *testing.T, ctx context.Context, base string) <-chan sse {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/__playbook/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	out := make(chan sse, 64)
	go func() {
		defer resp.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		var e sse
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				e.name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				e.data = strings.TrimPrefix(line, "data: ")
			case line == "" && e.name != "":
				out <- e
				e = sse{}
			}
		}
	}()
	return out
}

func wait(t *testing.T, events <-chan sse, name string) sse {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case e, ok := <-events:
			if !ok {
				t.Fatalf("event stream ended while waiting for %q", name)
			}
			if e.name == name {
				return e
			}
		case <-deadline:
			t.Fatalf("no %q event", name)
		}
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// start runs a preview of a copy of the build fixture.
func start(t *testing.T) (dir, base string, events <-chan sse, pv *Preview) {
	t.Helper()
	dir = fixture.Copy(t, "../pipeline/testdata/basic")
	pv, err := Start(Options{Build: pipeline.Options{Source: dir, BaseURL: "/", Drafts: true, Today: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pv.Server)
	ctx, cancel := context.WithCancel(context.Background())
	go pv.Run(ctx)
	events = subscribe(t, ctx, srv.URL)
	t.Cleanup(func() {
		cancel()
		pv.Close()
		srv.Close()
	})
	return dir, srv.URL, events, pv
}

func TestEditBreakFix(t *testing.T) {
	dir, base, events, _ := start(t)
	if got := get(t, base+"/guides/internal-notes/"); !strings.Contains(got, "quetzalcoatl") || !strings.Contains(got, `<script src="/__playbook/live.js" defer></script></body>`) {
		t.Fatalf("first page lacks its text or the live script")
	}
	// Edit: a change event names the page, and the new text is served.
	fixture.WriteFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\nNow about axolotls.\n")
	e := wait(t, events, "change")
	if !strings.Contains(e.data, `"guides/internal-notes/index.html"`) {
		t.Errorf("change event %s does not name the page", e.data)
	}
	if got := get(t, base+"/guides/internal-notes/"); !strings.Contains(got, "axolotls") {
		t.Errorf("edited text not served")
	}
	// Break: a problem event with file:line:col, and the last good page stays.
	fixture.WriteFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\nweight = 1\n+++\nBroken.\n")
	e = wait(t, events, "problem")
	if !strings.Contains(e.data, `"position":"content/guides/internal-notes.md:2:`) {
		t.Errorf("problem event lacks the position: %s", e.data)
	}
	if got := get(t, base+"/guides/internal-notes/"); !strings.Contains(got, "axolotls") {
		t.Errorf("last good page not served while broken")
	}
	// A browser that connects now is told at once.
	ctx, cancel := context.WithCancel(context.Background())
	late := subscribe(t, ctx, base)
	if e := wait(t, late, "problem"); !strings.Contains(e.data, "internal-notes.md") {
		t.Errorf("late subscriber: %s", e.data)
	}
	cancel()
	// Fix: a change event clears the problem.
	fixture.WriteFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\nFixed, with okapis.\n")
	wait(t, events, "change")
	if got := get(t, base+"/guides/internal-notes/"); !strings.Contains(got, "okapis") {
		t.Errorf("fixed page not served")
	}
}

func TestAddAndDeletePagesAndFolders(t *testing.T) {
	dir, base, events, _ := start(t)
	fixture.WriteFile(t, dir, "content/new-section/deeper/page.md", "+++\ntitle = \"Fresh\"\n+++\nNewly made.\n")
	wait(t, events, "change")
	if got := get(t, base+"/new-section/deeper/page/"); !strings.Contains(got, "Newly made.") {
		t.Errorf("page in a new folder not served")
	}
	if err := os.RemoveAll(filepath.Join(dir, "content", "new-section")); err != nil {
		t.Fatal(err)
	}
	wait(t, events, "change")
	resp, err := http.Get(base + "/new-section/deeper/page/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("deleted page still served: %d", resp.StatusCode)
	}
}

func TestRapidEditsSettleOnTheLast(t *testing.T) {
	before := runtime.NumGoroutine()
	dir := fixture.Copy(t, "../pipeline/testdata/basic")
	pv, err := Start(Options{Build: pipeline.Options{Source: dir, BaseURL: "/", Today: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pv.Server)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { pv.Run(ctx); close(done) }()
	events := subscribe(t, ctx, srv.URL)
	for i := 0; i < 500; i++ {
		fixture.WriteFile(t, dir, "content/guides/internal-notes.md", "+++\ntitle = \"Notes\"\n+++\nVersion "+itoa(i)+".\n")
	}
	served := false
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline) && !served; {
		select {
		case <-events:
		case <-time.After(200 * time.Millisecond):
		}
		served = strings.Contains(get(t, srv.URL+"/guides/internal-notes/"), "Version 499.")
	}
	if !served {
		t.Errorf("final edit never served")
	}
	// Everything ends cleanly: the run loop, the watcher, the event stream.
	cancel()
	<-done
	pv.Close()
	for range events {
	}
	srv.Close()
	http.DefaultClient.CloseIdleConnections()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && runtime.NumGoroutine() > before {
		time.Sleep(50 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines left running (from %d):\n%s", n-before, before, buf[:runtime.Stack(buf, true)])
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}

func TestErrorsPrintedOnce(t *testing.T) {
	dir := fixture.Copy(t, "../pipeline/testdata/basic")
	var log strings.Builder
	pv, err := Start(Options{Build: pipeline.Options{Source: dir, BaseURL: "/", Today: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	defer pv.Close()
	fixture.WriteFile(t, dir, "content/guides/a.md", "+++\ntitle = \"A\nx = 1\n+++\n")
	fixture.WriteFile(t, dir, "content/guides/b.md", "+++\ntitle = \"B\nx = 1\n+++\n")
	pv.Rebuild([]string{"content/guides/a.md", "content/guides/b.md"})
	fixture.WriteFile(t, dir, "content/guides/b.md", "+++\ntitle = \"B\"\n+++\n")
	pv.Rebuild([]string{"content/guides/b.md"}) // a.md is still broken
	pv.Rebuild([]string{"content/guides/b.md"})
	if n := strings.Count(log.String(), "content/guides/a.md:2"); n != 1 {
		t.Errorf("a.md's error printed %d times:\n%s", n, log.String())
	}
	fixture.WriteFile(t, dir, "content/guides/a.md", "+++\ntitle = \"A\"\n+++\n")
	pv.Rebuild([]string{"content/guides/a.md"})
	if !strings.Contains(log.String(), "Fixed: the build works again.") {
		t.Errorf("no fixed line:\n%s", log.String())
	}
}

// TestNoServiceWorker: the live preview registers no service worker (it
// would answer in place of the live server and its reloads) and serves
// no sw.js, even for a build that would have one.
func TestNoServiceWorker(t *testing.T) {
	dir := fixture.Copy(t, "../pipeline/testdata/basic")
	pv, err := Start(Options{Build: pipeline.Options{Source: dir, BaseURL: "/"}})
	if err != nil {
		t.Fatal(err)
	}
	defer pv.Close()
	srv := httptest.NewServer(pv.Server)
	defer srv.Close()
	if home := get(t, srv.URL+"/"); strings.Contains(home, "offline.js") || strings.Contains(home, `rel="manifest"`) {
		t.Error("the preview's home page registers a service worker or links the app manifest")
	}
	for _, name := range []string{"/offline.json", "/manifest.webmanifest"} {
		resp, err := http.Get(srv.URL + name)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNotFound {
			t.Errorf("the preview serves %s (HTTP %d)", name, resp.StatusCode)
		}
	}
	// Its sw.js only switches off a worker kept from a built site
	// previewed at the same address before.
	if sw := get(t, srv.URL+"/sw.js"); sw != string(offline.Unregister) {
		t.Errorf("the preview's sw.js is %.80q, want the one that unregisters", sw)
	}
}
