package render

import (
	"errors"
	"io/fs"
	"sort"

	"github.com/playbook-ssg/playbook/generator/internal/junk"
)

// overlay reads a file from the first layer that has it, so a playbook's
// own layouts/ and static/ override the theme file by file.
type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	for _, layer := range o {
		f, err := layer.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// files lists regular files under dir across all layers, each once, sorted.
func (o overlay) files(dir string) ([]string, error) {
	seen := map[string]bool{}
	for _, layer := range o {
		err := fs.WalkDir(layer, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if !d.IsDir() && !junk.Is(p) {
				seen[p] = true
			}
			return nil
		})
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}
