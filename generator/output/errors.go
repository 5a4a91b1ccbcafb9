package output

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// writeErrors collects what went wrong writing many files and reports it
// grouped by cause: a full disk fails every write the same way, and one
// line with a count says more than hundreds.
type writeErrors struct {
	dest string // the output folder as the user named it

	mu     sync.Mutex
	groups []*causeGroup
}

// causeGroup is the files and folders that failed for one cause.
type causeGroup struct {
	cause        error
	key          string
	first        string // the first name that failed, relative to dest
	files, dirs  int
	firstWasFile bool
}

// add records that writing (or, for a folder, creating) name failed.
// name is slash-separated, relative to the output folder.
func (w *writeErrors) add(name string, folder bool, err error) {
	cause := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		cause = pe.Err
	}
	key := cause.Error()
	w.mu.Lock()
	defer w.mu.Unlock()
	var g *causeGroup
	for _, c := range w.groups {
		if c.key == key {
			g = c
			break
		}
	}
	if g == nil {
		g = &causeGroup{cause: cause, key: key, first: name, firstWasFile: !folder}
		w.groups = append(w.groups, g)
	}
	if folder {
		g.dirs++
	} else {
		g.files++
	}
}

// err returns one error per cause, or nil.
func (w *writeErrors) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	errs := make([]error, 0, len(w.groups))
	for _, g := range w.groups {
		errs = append(errs, g.error(w.dest))
	}
	return errors.Join(errs...)
}

// WriteError is one cause for which files of a build could not be
// written, with how many failed.
type WriteError struct {
	Dest         string // the output folder
	First        string // the first file or folder that failed, relative to Dest
	Files, Dirs  int
	Err          error // the cause, such as syscall.ENOSPC
	firstWasFile bool
}

func (g *causeGroup) error(dest string) error {
	return &WriteError{Dest: dest, First: g.first, Files: g.files, Dirs: g.dirs, Err: g.cause, firstWasFile: g.firstWasFile}
}

func (e *WriteError) Unwrap() error { return e.Err }

// Error reads "writing public/x/index.html: no space left on device: free
// some space and build again" for one file, and "no space left on device
// writing 312 files under public/, e.g. public/x/index.html: …" for more.
func (e *WriteError) Error() string {
	first := filepath.Join(e.Dest, filepath.FromSlash(e.First))
	if e.Files+e.Dirs == 1 {
		verb := "writing"
		if !e.firstWasFile {
			verb = "creating the folder"
		}
		return fmt.Sprintf("%s %s: %v%s", verb, first, e.Err, advice(e.Err, e.Dest))
	}
	var what []string
	if e.Files > 0 {
		what = append(what, "writing "+count(e.Files, "file"))
	}
	if e.Dirs > 0 {
		what = append(what, "creating "+count(e.Dirs, "folder"))
	}
	return fmt.Sprintf("%v %s under %s%c, e.g. %s%s", e.Err, strings.Join(what, " and "), e.Dest, filepath.Separator, first, advice(e.Err, e.Dest))
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// advice says what to do about a failed write, as ": do this", or "" when
// there is nothing better to say than the cause.
func advice(err error, dest string) string {
	switch {
	case errors.Is(err, syscall.ENOSPC):
		return ": free some space and build again"
	case errors.Is(err, syscall.EDQUOT):
		return ": your disk quota is used up; free some space and build again"
	case errors.Is(err, syscall.EROFS):
		return ": the disk is read-only; choose another output folder with -o"
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf(": check that you may write to %s", filepath.Dir(dest))
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return ": too many open files; raise the limit (ulimit -n) and build again"
	case errors.Is(err, syscall.EIO):
		return ": the disk reported an error; check it and build again"
	}
	return ""
}

// wrapOne gives a single failed step (of a Commit, say) the advice a
// grouped error would have.
func wrapOne(what string, dest string, err error) error {
	return fmt.Errorf("%s: %w%s", what, err, advice(err, dest))
}
