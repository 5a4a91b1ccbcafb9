package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// FileError is a problem with one of the playbook's own files, such as a
// layout reached through a symbolic link that is not followed, located at
// that file so that check can report it where build would fail.
type FileError struct {
	File   string // slash-separated, relative to the playbook folder
	Reason string // what is wrong and what to do
}

func (e *FileError) Error() string { return e.File + ": " + e.Reason }

// linkError explains why the playbook's own file name (under layouts/ or
// static/) could not be read when a symbolic link is the cause: the build
// reads the playbook through os.Root, which does not follow a link out of
// the playbook folder, and a broken link looks like a missing file, so that
// without this the message blamed the theme ("theme is missing …"), said
// "path escapes from parent", or the theme's file was used instead without
// a word. folder says name is a folder. It returns nil when no link is
// involved or the links work.
func linkError(playbook fs.FS, name string, folder bool) error {
	parts := strings.Split(name, "/")
	for i := range parts {
		p := path.Join(parts[:i+1]...)
		info, err := fs.Lstat(playbook, p)
		if err != nil {
			return nil // nothing there, or a folder on the way is unreadable
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			continue
		}
		target, err := fs.ReadLink(playbook, p)
		if err != nil {
			target = "another place"
		}
		what, into := "file", path.Dir(p)+"/"
		if folder || i < len(parts)-1 {
			what = "folder"
		}
		if into == "./" {
			into = "the playbook folder"
		}
		_, statErr := fs.Stat(playbook, p)
		switch {
		case statErr == nil:
			return nil // a link inside the playbook that works
		case escapes(statErr):
			return &FileError{File: p, Reason: fmt.Sprintf("is a symbolic link to %s, outside the playbook folder, and links out of the playbook are not followed: copy the %s into %s instead",
				target, what, into)}
		case errors.Is(statErr, fs.ErrNotExist):
			return &FileError{File: p, Reason: fmt.Sprintf("is a symbolic link to %s, which does not exist: point it at a %s inside the playbook folder, or remove it",
				target, what)}
		default:
			return &FileError{File: p, Reason: fmt.Sprintf("is a symbolic link to %s, which cannot be read (%v): copy the %s into the playbook instead",
				target, statErr, what)}
		}
	}
	return nil
}

// escapes reports os.Root's refusal to follow a link out of its folder.
// It has no exported error value, only this wording.
func escapes(err error) bool {
	return err != nil && strings.Contains(err.Error(), "path escapes from parent")
}
