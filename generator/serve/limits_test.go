package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// startHTTP serves h with NewHTTPServer on 127.0.0.1, idle connections
// closed after idle.
func startHTTP(t *testing.T, h http.Handler, idle time.Duration) string {
	t.Helper()
	srv := NewHTTPServer(h)
	srv.IdleTimeout = idle
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// TestIdleConnectionsClosed: a kept-alive connection no request comes on
// is closed by the server (before, it stayed open for ever), while an
// event stream, a request under way, is not cut.
func TestIdleConnectionsClosed(t *testing.T) {
	srv := NewHTTPServer(nil)
	if srv.IdleTimeout <= 0 || srv.ReadHeaderTimeout <= 0 || srv.WriteTimeout != 0 {
		t.Errorf("timeouts: idle %s, read header %s, write %s; want idle and read header set, no write timeout (it would cut event streams)", srv.IdleTimeout, srv.ReadHeaderTimeout, srv.WriteTimeout)
	}
	s := New(files, Options{Live: true})
	addr := startHTTP(t, s, 300*time.Millisecond)

	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprint(conn, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	start := time.Now()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := r.ReadByte(); !errors.Is(err, io.EOF) {
		t.Errorf("idle connection: read %v after %s, want the server to close it", err, time.Since(start))
	} else if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("idle connection closed after %s, before the idle timeout", d)
	}

	events, err := http.Get("http://" + addr + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer events.Body.Close()
	time.Sleep(700 * time.Millisecond) // well past the idle timeout
	s.Publish(map[string][]byte{"index.html": []byte("<h1>edited</h1>")})
	if got := readUntil(t, events.Body, "event: change"); !strings.Contains(got, "event: change") {
		t.Errorf("event stream cut by the idle timeout: %q", got)
	}
}

// readUntil reads the stream r until it holds want, it ends, or 3 s pass.
func readUntil(t *testing.T, r io.Reader, want string) string {
	t.Helper()
	got := make(chan string, 1)
	go func() {
		var sb strings.Builder
		buf := make([]byte, 512)
		for {
			n, err := r.Read(buf)
			sb.Write(buf[:n])
			if err != nil || strings.Contains(sb.String(), want) {
				got <- sb.String()
				return
			}
		}
	}()
	select {
	case s := <-got:
		return s
	case <-time.After(3 * time.Second):
		return "(timed out)"
	}
}

// TestEventStreamCap: past the cap, each new event stream closes the
// oldest with a reconnect hint (a long SSE retry), so the newest tab
// works and forgotten clients cannot pile up (before, 5,000 streams
// stayed open).
func TestEventStreamCap(t *testing.T) {
	for _, c := range []struct {
		name string
		max  int
		want int
	}{{"default", 0, DefaultMaxStreams}, {"set", 3, 3}} {
		t.Run(c.name, func(t *testing.T) {
			s := New(files, Options{Live: true, MaxStreams: c.max})
			addr := startHTTP(t, s, time.Minute)
			client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: 200}}
			var bodies []io.ReadCloser
			open := func() {
				resp, err := client.Get("http://" + addr + EventsPath)
				if err != nil {
					t.Fatal(err)
				}
				bodies = append(bodies, resp.Body)
				readUntil(t, resp.Body, "event: hello")
			}
			defer func() {
				for _, b := range bodies {
					b.Close()
				}
			}()
			for range c.want + 2 {
				open()
			}
			for i := range 2 {
				got := readUntil(t, bodies[i], "reconnect later")
				if !strings.Contains(got, fmt.Sprintf("retry: %d\n", evictedRetry.Milliseconds())) || !strings.Contains(got, "reconnect later") {
					t.Errorf("stream %d of %d: %q, want it closed with a retry hint", i+1, c.want+2, got)
				}
				if rest, err := io.ReadAll(bodies[i]); err != nil || len(rest) != 0 {
					t.Errorf("stream %d still open: %q %v", i+1, rest, err)
				}
			}
			if n := s.Clients(); n != c.want {
				t.Errorf("%d streams open, want %d", n, c.want)
			}
			s.Publish(map[string][]byte{"index.html": []byte("<h1>edited</h1>")})
			for i := 2; i < len(bodies); i++ {
				if got := readUntil(t, bodies[i], "event: change"); !strings.Contains(got, "event: change") {
					t.Fatalf("stream %d got no change: %q", i+1, got)
				}
			}
		})
	}
}
