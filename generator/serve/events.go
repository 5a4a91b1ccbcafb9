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

// hub fans events out to every open event stream.
type hub struct {
	mu      sync.Mutex
	clients map[chan event]struct{}
	last    *event // the standing problem, if the latest build failed
	closed  bool
	done    chan struct{}
	server  string // this server's instance, so browsers notice a restart
}

func newHub(server string) *hub {
	return &hub{clients: map[chan event]struct{}{}, done: make(chan struct{}), server: server}
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
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	h.clients[c] = struct{}{}
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
