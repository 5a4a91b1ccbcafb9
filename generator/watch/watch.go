// Package watch reports changes to a playbook's files in batches: it
// watches folders recursively with fsnotify (adding folders created later),
// waits for a burst of saves to settle, ignores editor swap and backup
// files, and falls back to polling where file events are unavailable.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/playbook-ssg/playbook/generator/internal/junk"
)

// Options configure a Watcher.
type Options struct {
	Poll     bool          // poll instead of using file events
	Interval time.Duration // polling interval (default 300ms)
	Settle   time.Duration // quiet time that ends a burst (default 80ms)
	MaxWait  time.Duration // longest a burst may delay a batch (default 1s)
}

// Watcher reports batches of changed paths (relative to the root, slash-separated).
type Watcher struct {
	root    string
	dirs    []string // watched trees, relative to root
	files   []string // single watched files, relative to root
	opts    Options
	out     chan []string
	done    chan struct{}
	wg      sync.WaitGroup
	Polling bool   // true when polling (asked for, or events were unavailable)
	Reason  string // why it polls when not asked to

	aliases map[string]string // real path of a symlinked watched folder -> its path under root
}

// real resolves a watched folder that is a symbolic link (content/ kept
// elsewhere), remembering the alias so events map back to the playbook.
func (w *Watcher) real(dir string) string {
	r, err := filepath.EvalSymlinks(dir)
	if err != nil || r == dir {
		return dir
	}
	if abs, err := filepath.Abs(dir); err == nil {
		if w.aliases == nil {
			w.aliases = map[string]string{}
		}
		w.aliases[r] = abs
	}
	return r
}

// logical maps a path under a symlinked folder's target back under root.
func (w *Watcher) logical(p string) string {
	for r, abs := range w.aliases {
		if p == r || strings.HasPrefix(p, r+string(filepath.Separator)) {
			return abs + p[len(r):]
		}
	}
	return p
}

// New watches the trees dirs and the files files under root. Missing
// folders are watched once created (their parent, root, is watched).
func New(root string, dirs, files []string, opts Options) (*Watcher, error) {
	if opts.Interval == 0 {
		opts.Interval = 300 * time.Millisecond
	}
	if opts.Settle == 0 {
		opts.Settle = 80 * time.Millisecond
	}
	if opts.MaxWait == 0 {
		opts.MaxWait = time.Second
	}
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	w := &Watcher{root: root, dirs: dirs, files: files, opts: opts, out: make(chan []string), done: make(chan struct{})}
	for _, d := range dirs {
		w.real(filepath.Join(root, d))
	}
	raw := make(chan string, 256)
	if !opts.Poll {
		fw, err := w.startEvents(raw)
		if err == nil {
			w.wg.Add(1)
			go func() { defer w.wg.Done(); w.forward(fw, raw) }()
		} else {
			w.Polling, w.Reason = true, err.Error()
		}
	} else {
		w.Polling = true
	}
	if w.Polling {
		w.wg.Add(1)
		go func() { defer w.wg.Done(); w.poll(raw) }()
	}
	w.wg.Add(1)
	go func() { defer w.wg.Done(); w.batch(raw) }()
	return w, nil
}

// Changes delivers batches of changed paths.
func (w *Watcher) Changes() <-chan []string { return w.out }

// Close stops watching and waits for the watcher's goroutines to end.
func (w *Watcher) Close() {
	close(w.done)
	w.wg.Wait()
}

// Ignored reports files that are not the playbook's own: editor and tool
// litter (see junk.Is), and playbook's own temporary output folders.
func Ignored(name string) bool {
	return junk.Is(name) || strings.HasPrefix(filepath.Base(name), ".playbook-")
}

func (w *Watcher) startEvents(raw chan string) (*fsnotify.Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("file events unavailable: %w", err)
	}
	add := func(dir string) error {
		return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				if err := fw.Add(p); err != nil {
					return fmt.Errorf("watching %s: %w (the system's watch limit may be reached: use --poll, or raise fs.inotify.max_user_watches)", p, err)
				}
			}
			return nil
		})
	}
	// The root itself, for the config file and for folders created later.
	if err := fw.Add(w.root); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watching %s: %w", w.root, err)
	}
	for _, d := range w.dirs {
		if err := add(w.real(filepath.Join(w.root, d))); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return fw, nil
}

// Unknown is reported in a batch when events were lost (the system's event
// queue overflowed): anything may have changed.
const Unknown = "*"

// forward turns fsnotify events into changed paths, watching new folders.
func (w *Watcher) forward(fw *fsnotify.Watcher, raw chan<- string) {
	defer fw.Close()
	// A folder moved or removed loses its watch (inotify drops it even when
	// the same folder is added again under its new name), so after such an
	// event every watched tree is walked again once things settle.
	var rescan <-chan time.Time
	send := func(p string) bool {
		select {
		case raw <- p:
			return true
		case <-w.done:
			return false
		}
	}
	for {
		select {
		case <-w.done:
			return
		case <-rescan:
			rescan = nil
			for _, d := range w.dirs {
				_ = filepath.WalkDir(w.real(filepath.Join(w.root, d)), func(p string, e fs.DirEntry, err error) error {
					if err == nil && e.IsDir() {
						_ = fw.Add(p)
					}
					return nil
				})
			}
		case err, ok := <-fw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) && !send(Unknown) {
				return
			}
		case ev, ok := <-fw.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				rescan = time.After(2 * w.opts.Settle)
			}
			rel, err := filepath.Rel(w.root, w.logical(ev.Name))
			if err != nil || Ignored(ev.Name) || !w.relevant(filepath.ToSlash(rel)) {
				continue
			}
			var found []string
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					// Watch the new folder, and report what was written into
					// it before the watch began.
					_ = filepath.WalkDir(ev.Name, func(p string, d fs.DirEntry, err error) error {
						if err != nil {
							return nil
						}
						if d.IsDir() {
							_ = fw.Add(p)
						} else if r, err := filepath.Rel(w.root, w.logical(p)); err == nil && !Ignored(p) {
							found = append(found, filepath.ToSlash(r))
						}
						return nil
					})
				}
			}
			for _, f := range found {
				select {
				case raw <- f:
				case <-w.done:
					return
				}
			}
			select {
			case raw <- filepath.ToSlash(rel):
			case <-w.done:
				return
			}
		}
	}
}

// relevant reports whether a path under root is one the watcher cares about.
func (w *Watcher) relevant(rel string) bool {
	for _, f := range w.files {
		if rel == f {
			return true
		}
	}
	for _, d := range w.dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") {
			return true
		}
	}
	return false
}

type stamp struct {
	size int64
	mod  time.Time
}

// poll compares sizes and modification times of every watched file.
func (w *Watcher) poll(raw chan<- string) {
	prev := w.scan()
	t := time.NewTicker(w.opts.Interval)
	defer t.Stop()
	for {
		select {
		case <-w.done:
			return
		case <-t.C:
			cur := w.scan()
			var changed []string
			for p, s := range cur {
				if old, ok := prev[p]; !ok || old != s {
					changed = append(changed, p)
				}
			}
			for p := range prev {
				if _, ok := cur[p]; !ok {
					changed = append(changed, p)
				}
			}
			prev = cur
			sort.Strings(changed)
			for _, p := range changed {
				select {
				case raw <- p:
				case <-w.done:
					return
				}
			}
		}
	}
}

func (w *Watcher) scan() map[string]stamp {
	out := map[string]stamp{}
	note := func(p string) {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && !Ignored(p) {
			if rel, err := filepath.Rel(w.root, w.logical(p)); err == nil {
				out[filepath.ToSlash(rel)] = stamp{fi.Size(), fi.ModTime()}
			}
		}
	}
	for _, f := range w.files {
		note(filepath.Join(w.root, f))
	}
	for _, d := range w.dirs {
		_ = filepath.WalkDir(w.real(filepath.Join(w.root, d)), func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() {
				note(p)
			}
			return nil
		})
	}
	return out
}

// batch gathers paths until the burst settles, then delivers them once.
func (w *Watcher) batch(raw <-chan string) {
	defer close(w.out)
	pending := map[string]bool{}
	var settle, deadline <-chan time.Time
	for {
		select {
		case <-w.done:
			return
		case p := <-raw:
			if len(pending) == 0 {
				// A tool saving without pause must not hold rebuilds back.
				deadline = time.After(w.opts.MaxWait)
			}
			pending[p] = true
			settle = time.After(w.opts.Settle)
		case <-deadline:
			settle = time.After(0)
			deadline = nil
		case <-settle:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			sort.Strings(paths)
			pending = map[string]bool{}
			settle, deadline = nil, nil
			select {
			case w.out <- paths:
			case <-w.done:
				return
			}
		}
	}
}
