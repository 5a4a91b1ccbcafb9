package output

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sync"
)

// streamWriters is how many files a Stream writes at once: enough to
// overlap writing with rendering on every core, few enough that the
// writers do not crowd the renderers out.
const streamWriters = 4

// streamQueue bounds the files waiting to be written, and so the memory
// a build holds when the disk is slower than rendering.
const streamQueue = 256

// Stream writes files into a Staging folder in the background, as a build
// hands them over one at a time: a page is written as soon as it is
// rendered, and its HTML is not held until the end. Put and Close may be
// called from several goroutines; Put blocks while the queue is full.
type Stream struct {
	root string
	jobs chan streamJob
	wg   sync.WaitGroup
	dirs sync.Map // folders known to exist

	mu     sync.Mutex
	errs   []error
	closed bool
}

type streamJob struct {
	name string
	data []byte
}

// Stream starts writing files under prefix ("" for the site root).
// Errors are returned by Close; the staging output must then be aborted.
func (s *Staging) Stream(prefix string) (*Stream, error) {
	if s.done {
		return nil, errors.New("output already committed or aborted")
	}
	root := filepath.Join(s.tmp, filepath.FromSlash(prefix))
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", prefix, err)
	}
	w := &Stream{root: root, jobs: make(chan streamJob, streamQueue)}
	w.dirs.Store(".", true)
	for range streamWriters {
		w.wg.Add(1)
		go w.work()
	}
	return w, nil
}

func (w *Stream) work() {
	defer w.wg.Done()
	for j := range w.jobs {
		if err := w.write(j.name, j.data); err != nil {
			w.mu.Lock()
			w.errs = append(w.errs, err)
			w.mu.Unlock()
		}
	}
}

func (w *Stream) write(name string, data []byte) error {
	rel := filepath.FromSlash(name)
	if dir := filepath.Dir(rel); dir != "." {
		if _, ok := w.dirs.Load(dir); !ok {
			if err := os.MkdirAll(filepath.Join(w.root, dir), 0o755); err != nil {
				return fmt.Errorf("creating %s: %w", path.Dir(name), err)
			}
			w.dirs.Store(dir, true)
		}
	}
	if err := os.WriteFile(filepath.Join(w.root, rel), data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// Put queues a file (a slash-separated path under the stream's prefix)
// for writing. Writing the same name twice keeps the last write only if
// the two are not queued at once: callers write each name once.
func (w *Stream) Put(name string, data []byte) {
	w.jobs <- streamJob{name, data}
}

// Close waits for every queued file to be written and returns what went
// wrong, if anything (one error per distinct cause, not per file: a full
// disk fails every write the same way).
func (w *Stream) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return errors.New("stream already closed")
	}
	w.closed = true
	w.mu.Unlock()
	close(w.jobs)
	w.wg.Wait()
	return summarise(w.errs)
}

// summarise joins errors, keeping the first of those with the same
// underlying cause.
func summarise(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	seen := map[string]int{}
	var out []error
	for _, err := range errs {
		cause := err
		var pe *os.PathError
		if errors.As(err, &pe) {
			cause = pe.Err
		}
		key := cause.Error()
		if n, ok := seen[key]; ok {
			seen[key] = n + 1
			continue
		}
		seen[key] = 1
		out = append(out, err)
	}
	if len(out) == 1 && len(errs) > 1 {
		return fmt.Errorf("%w (and %d more files)", out[0], len(errs)-1)
	}
	return errors.Join(out...)
}
