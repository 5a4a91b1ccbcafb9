package check

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// FixResult says what Fix changed and what it could not.
type FixResult struct {
	Applied []diag.Fix // in file and line order
	// Skipped are fixes whose text was no longer where the problem was
	// found (the file changed since), or that are outside the files Fix
	// may touch; each with why.
	Skipped []Skipped
}

// Skipped is a fix that was not applied.
type Skipped struct {
	Fix diag.Fix
	Why string
}

// Fix applies the sure fixes the diagnostics in list carry (diag.Fix) to
// the playbook at root, editing the files in place. It touches only
// markdown files under content/ and playbook.toml, and writes each file
// atomically (a temporary file renamed over it).
func Fix(root string, list diag.List) (FixResult, error) {
	var res FixResult
	byFile := map[string][]diag.Fix{}
	seen := map[diag.Fix]bool{}
	for _, d := range list {
		if d.Fix == nil || seen[*d.Fix] {
			continue
		}
		f := *d.Fix
		seen[f] = true
		if !fixable(f.File) {
			res.Skipped = append(res.Skipped, Skipped{f, "only files under content/ and playbook.toml are fixed"})
			continue
		}
		byFile[f.File] = append(byFile[f.File], f)
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	slices.Sort(files)
	for _, file := range files {
		applied, skipped, err := fixFile(root, file, byFile[file])
		if err != nil {
			return res, err
		}
		res.Applied = append(res.Applied, applied...)
		res.Skipped = append(res.Skipped, skipped...)
	}
	return res, nil
}

// fixable reports whether Fix may edit file (relative to the playbook).
func fixable(file string) bool {
	clean := path.Clean(file)
	if clean != file || strings.Contains(file, `\`) {
		return false
	}
	return file == config.FileName || strings.HasPrefix(file, content.Dir+"/") && path.Ext(file) == ".md" && !strings.Contains(file, "/../")
}

// fixFile applies fixes to one file. On a line, fixes apply right to left,
// so that each one's column still holds.
func fixFile(root, file string, fixes []diag.Fix) (applied []diag.Fix, skipped []Skipped, err error) {
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, nil, fmt.Errorf("opening %s: %w", root, err)
	}
	defer r.Close()
	name := filepath.FromSlash(file)
	src, err := r.ReadFile(name)
	if err != nil {
		return nil, nil, fmt.Errorf("fixing %s: %w", file, err)
	}
	info, err := r.Stat(name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, []Skipped{{fixes[0], "not a regular file"}}, nil
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	slices.SortFunc(fixes, func(a, b diag.Fix) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(b.Col, a.Col)) })
	for _, f := range fixes {
		if f.Line < 1 || f.Line > len(lines) || f.Old == "" {
			skipped = append(skipped, Skipped{f, "the line is gone"})
			continue
		}
		line := lines[f.Line-1]
		at := find(line, f.Old, f.Col)
		if at < 0 {
			skipped = append(skipped, Skipped{f, fmt.Sprintf("%q is no longer on line %d", f.Old, f.Line)})
			continue
		}
		lines[f.Line-1] = slices.Concat(line[:at], []byte(f.New), line[at+len(f.Old):])
		applied = append(applied, f)
	}
	if len(applied) == 0 {
		return nil, skipped, nil
	}
	slices.SortFunc(applied, func(a, b diag.Fix) int { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) })
	if err := writeAtomic(r, name, bytes.Join(lines, nil), info.Mode().Perm()); err != nil {
		return nil, nil, fmt.Errorf("fixing %s: %w", file, err)
	}
	return applied, skipped, nil
}

// find returns where old starts in line, at or after byte column col
// (1-based; the first match in the line when there is none there), as a
// whole token: the bytes around it are not part of a word or an ID.
func find(line []byte, old string, col int) int {
	try := func(from int) int {
		for from <= len(line) {
			i := bytes.Index(line[from:], []byte(old))
			if i < 0 {
				return -1
			}
			i += from
			end := i + len(old)
			if (end >= len(line) || !idByte(line[end]) || !idByte(old[len(old)-1])) &&
				(i == 0 || !idByte(line[i-1]) || !idByte(old[0])) {
				return i
			}
			from = i + 1
		}
		return -1
	}
	if col > 1 && col <= len(line) {
		if i := try(col - 1); i >= 0 {
			return i
		}
	}
	return try(0)
}

// idByte reports whether b can be part of a word or a heading ID.
func idByte(b byte) bool {
	return b == '-' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// writeAtomic replaces name under root with data: a temporary file beside
// it, renamed over it.
func writeAtomic(r *os.Root, name string, data []byte, perm os.FileMode) error {
	tmp := filepath.Join(filepath.Dir(name), "."+filepath.Base(name)+".playbook-fix")
	f, err := r.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = r.Rename(tmp, name)
	}
	if err != nil {
		_ = r.Remove(tmp)
	}
	return err
}
