package serve

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// event is one Server-Sent Event.
type event struct {
	name, data string
	sticky     bool // a problem: replayed to browsers that connect later, until a change
}

// DefaultMaxStreams is how many live-reload event streams a Server keeps
// open at once unless Options say otherwise. A browser shares one stream
// between its tabs (live-worker.js), so this is far more than a writer
// needs, and few enough that forgotten clients cannot pile up.
const DefaultMaxStreams = 64

// evictedRetry is how long a browser whose stream was closed for a newer
// one waits before it connects again (the SSE retry field), so that
// browsers over the cap take turns slowly rather than push each other
// out every second.
const evictedRetry = 30 * time.Second

// hub fans events out to every open event stream.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]*stream
	opened  uint64 // streams opened so far, to tell the oldest
	max     int
	last    *event // the standing problem, if the latest build failed
	closed  bool
	done    chan struct{}
	server  string // this server's instance, so browsers notice a restart
}

// stream is one open event stream.
type stream struct {
	seq     uint64        // its place in the order streams opened
	evicted chan struct{} // closed when a newer stream takes its place
}

func newHub(server string, maxStreams int) *hub {
	if maxStreams <= 0 {
		maxStreams = DefaultMaxStreams
	}
	return &hub{clients: map[chan event]*stream{}, max: maxStreams, done: make(chan struct{}), server: server}
}

// evictOldest closes the oldest open stream. The caller holds h.mu.
func (h *hub) evictOldest() {
	var oldest chan event
	for c, st := range h.clients {
		if oldest == nil || st.seq < h.clients[oldest].seq {
			oldest = c
		}
	}
	if oldest != nil {
		close(h.clients[oldest].evicted)
		delete(h.clients, oldest)
	}
}

func (h *hub) publish(e event) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if e.sticky {
		h.last = &e
	} else {
		h.last = nil
	}
	for c := range h.clients {
		select {
		case c <- e:
		default: // a stalled browser misses this event rather than stall the rebuild
		}
	}
}

func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// serve streams events to one browser until it goes away or the hub closes.
func (h *hub) serve(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan event, 16)
	st := &stream{evicted: make(chan struct{})}
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	// Over the cap, the oldest stream goes: the newest tab is the one
	// the writer is looking at.
	for len(h.clients) >= h.max {
		h.evictOldest()
	}
	h.opened++
	st.seq = h.opened
	h.clients[c] = st
	last := h.last
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()

	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n: connected\n\n")
	writeEvent(w, event{name: "hello", data: fmt.Sprintf(`{"server":%q}`, h.server)})
	if last != nil {
		writeEvent(w, *last)
	}
	flusher.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		case <-st.evicted:
			// The browser connects again by itself after the retry time.
			fmt.Fprintf(w, "retry: %d\n: closed for a newer live-reload connection (at most %d are kept open); reconnect later\n\n", evictedRetry.Milliseconds(), h.max)
			flusher.Flush()
			return
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			flusher.Flush()
		case e := <-c:
			writeEvent(w, e)
			flusher.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, e event) {
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.name, e.data)
}

func changeJSON(paths []string) string {
	if paths == nil {
		paths = []string{}
	}
	b, _ := json.Marshal(struct {
		Paths []string `json:"paths"`
	}{paths})
	return string(b)
}
