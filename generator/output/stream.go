package output

import (
	"errors"
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
	st     *Staging
	prefix string // under the site root, slash-separated
	root   string
	jobs   chan streamJob
	wg     sync.WaitGroup
	dirs   sync.Map // folders known to exist
	errs   *writeErrors

	mu     sync.Mutex
	closed bool
}

type streamJob struct {
	name string
	data []byte
}

// Stream starts writing files under prefix ("" for the site root).
// Errors are returned by Close; the staging output must then be aborted.
func (s *Staging) Stream(prefix string) (*Stream, error) {
	if s.finished() {
		return nil, errFinished
	}
	root := filepath.Join(s.tmp, filepath.FromSlash(prefix))
	if err := s.guarded(func() error { return s.disk.MkdirAll(root, 0o755) }); err != nil {
		return nil, &WriteError{Dest: s.name, First: path.Clean("/" + prefix)[1:], Dirs: 1, Err: err}
	}
	w := &Stream{st: s, prefix: prefix, root: root, jobs: make(chan streamJob, streamQueue), errs: &writeErrors{dest: s.name}}
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
		w.write(j.name, j.data)
	}
}

// write writes one file, and its folder first if it is new; a failure
// is recorded for Close.
func (w *Stream) write(name string, data []byte) {
	rel := filepath.FromSlash(name)
	if dir := filepath.Dir(rel); dir != "." {
		if _, ok := w.dirs.Load(dir); !ok {
			err := w.st.guarded(func() error { return w.st.disk.MkdirAll(filepath.Join(w.root, dir), 0o755) })
			if err != nil {
				w.errs.add(path.Join(w.prefix, path.Dir(name)), true, err)
				return
			}
			w.dirs.Store(dir, true)
		}
	}
	err := w.st.guarded(func() error { return w.st.disk.WriteFile(filepath.Join(w.root, rel), data, 0o644) })
	if err != nil {
		w.errs.add(path.Join(w.prefix, name), false, err)
	}
}

// Put queues a file (a slash-separated path under the stream's prefix)
// for writing. Writing the same name twice keeps the last write only if
// the two are not queued at once: callers write each name once.
func (w *Stream) Put(name string, data []byte) {
	w.jobs <- streamJob{name, data}
}

// Close waits for every queued file to be written and returns what went
// wrong, if anything: one error per distinct cause, not per file (a full
// disk fails every write the same way), with how many files it failed.
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
	return w.errs.err()
}
