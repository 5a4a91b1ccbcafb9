package codeowners

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Locations are where code hosts look for CODEOWNERS, relative to the
// repository root: GitHub's three in the order it searches them, then
// GitLab's own folder. A new file goes in the first.
var Locations = []string{".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS", ".gitlab/CODEOWNERS"}

// File is the CODEOWNERS file of the repository holding a playbook.
type File struct {
	Path string // on disk: the playbook folder as given, joined with Rel
	Rel  string // relative to the playbook folder, with slashes ("../.github/CODEOWNERS"), for diagnostics
	Repo string // relative to the repository root (".github/CODEOWNERS")
}

// Locate finds the CODEOWNERS file for the playbook in dir. The repository
// root is dir with repository.content_path taken off its end (dir itself
// when content_path is empty); the file is the first of Locations that
// exists there, else .github/CODEOWNERS. The error, a diagnostic at
// content_path, says when dir does not end in content_path.
func Locate(dir string, cfg *config.Config) (File, error) {
	prefix, err := ContentPath(cfg)
	line, col := cfg.Pos("repository", "content_path")
	if err != nil {
		return File{}, diag.List{{File: config.FileName, Line: line, Col: col, Severity: diag.Error, Rule: Rule, Message: err.Error()}}.Err()
	}
	up := ""
	if prefix != "" {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return File{}, err
		}
		if !strings.HasSuffix(filepath.ToSlash(abs), "/"+prefix) {
			return File{}, diag.List{{File: config.FileName, Line: line, Col: col, Severity: diag.Error, Rule: Rule, Message: fmt.Sprintf(
				"repository.content_path is %q, but the playbook is in %s, which does not end in it: set content_path to the playbook's folder inside the repository (\"\" when the playbook is the repository root)",
				cfg.Repository.ContentPath, abs)}}.Err()
		}
		up = strings.Repeat("../", strings.Count(prefix, "/")+1)
	}
	repo := Locations[0]
	for _, loc := range Locations {
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(up+loc))); err == nil && fi.Mode().IsRegular() {
			repo = loc
			break
		}
	}
	rel := up + repo
	return File{Path: filepath.Join(dir, filepath.FromSlash(rel)), Rel: rel, Repo: repo}, nil
}

// NotGeneratedError is returned by Merge for a CODEOWNERS file that has
// rules of its own and no generated section.
type NotGeneratedError struct{}

func (NotGeneratedError) Error() string {
	return fmt.Sprintf("it was not written by playbook codeowners: add the lines %q and %q where the playbook's rules belong (rules after them override the playbook's), or remove the file", Begin, End)
}

// Merge returns existing with its generated section replaced by section,
// leaving every other line as it was. A missing or empty file becomes the
// section alone; a section missing its End runs to the end of the file.
// A file with rules but no section is NotGeneratedError.
func Merge(existing, section []byte) ([]byte, error) {
	start, end, ok := find(existing)
	if !ok {
		if len(bytes.TrimSpace(existing)) == 0 {
			return section, nil
		}
		return nil, NotGeneratedError{}
	}
	out := make([]byte, 0, len(existing)+len(section))
	out = append(out, existing[:start]...)
	out = append(out, section...)
	return append(out, existing[end:]...), nil
}

// find returns the byte range of the generated section in src, from the
// start of the Begin line to after the End line's newline.
func find(src []byte) (start, end int, ok bool) {
	start = -1
	for off := 0; off < len(src); {
		next := bytes.IndexByte(src[off:], '\n')
		stop := len(src)
		if next >= 0 {
			stop = off + next + 1
		}
		text := strings.TrimRight(string(src[off:stop]), "\r\n")
		switch {
		case start < 0 && strings.HasPrefix(text, Begin):
			start = off
		case start >= 0 && strings.TrimSpace(text) == End:
			return start, stop, true
		}
		off = stop
	}
	if start >= 0 {
		return start, len(src), true
	}
	return 0, 0, false
}

// Write puts section into f, creating the file (and .github/) when needed
// and replacing only the generated section of an existing file. It
// reports whether the file changed. The new file is written beside the
// old one and renamed over it, so a failure leaves the old one whole.
func Write(f File, section []byte) (changed bool, err error) {
	existing, err := os.ReadFile(f.Path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, err
	}
	merged, err := Merge(existing, section)
	if err != nil {
		return false, fmt.Errorf("%s: %w", f.Path, err)
	}
	if existing != nil && bytes.Equal(merged, existing) {
		return false, nil
	}
	if err := os.MkdirAll(filepath.Dir(f.Path), 0o755); err != nil {
		return false, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(f.Path), ".CODEOWNERS-*")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(merged); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	return true, os.Rename(tmp.Name(), f.Path)
}

// Compare reports, as one warning at the CODEOWNERS file, that its
// generated section differs from what the configuration and pages give
// now. It reports nothing when there is no CODEOWNERS file or the file has
// no generated section (CODEOWNERS is optional, and a hand-written one is
// not this tool's to judge), nor when the file cannot be located (a
// content_path that does not match the folder; a copy of the playbook
// outside its repository). dir is the playbook folder; pages are every
// page read, drafts included.
func Compare(dir string, cfg *config.Config, pages []*content.Page) diag.List {
	f, err := Locate(dir, cfg)
	if err != nil {
		return nil
	}
	src, err := os.ReadFile(f.Path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return diag.List{{File: f.Rel, Severity: diag.Warning, Rule: Rule, Message: fmt.Sprintf("cannot read CODEOWNERS: %v", err)}}
	}
	start, end, ok := find(src)
	if !ok {
		return nil
	}
	want, _ := Generate(cfg, pages)
	got := bytes.ReplaceAll(src[start:end], []byte("\r\n"), []byte("\n"))
	if bytes.Equal(got, want) {
		return nil
	}
	// Point at the first line that differs, and say what it should be.
	prefix, _ := ContentPath(cfg)
	gotLines := strings.Split(string(got), "\n")
	wantLines := strings.Split(string(want), "\n")
	i := 0
	for i < len(gotLines) && i < len(wantLines) && gotLines[i] == wantLines[i] {
		i++
	}
	line, _ := diag.LineCol(src, start)
	line += i
	hint := "a line too many"
	if i < len(wantLines) && wantLines[i] != "" {
		hint = fmt.Sprintf("expected %q", wantLines[i])
	}
	return diag.List{{File: f.Rel, Line: line, Severity: diag.Warning, Rule: Rule, Message: fmt.Sprintf(
		"CODEOWNERS is out of date with the page owners (%s): run %q in the repository root", hint, RegenerateCommand(prefix))}}
}

// Stale loads the playbook in dir and compares its CODEOWNERS file with
// the one its pages give (see Compare). When playbook.toml or a page has
// errors it reports nothing, since those are reported on their own and a
// section generated from a broken playbook would be wrong; the error is
// for failures to read the playbook.
func Stale(dir string) (diag.List, error) {
	cfg, pages, diags, err := Load(dir)
	if err != nil || diags.HasErrors() {
		return nil, err
	}
	return Compare(dir, cfg, pages), nil
}

// load reads the pages of the playbook in dir through an os.Root, as a
// build does, so symbolic links cannot lead outside the playbook.
func load(dir string, cfg *config.Config) ([]*content.Page, diag.List, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("opening %s: %w", dir, err)
	}
	defer root.Close()
	set, diags, err := content.Load(root.FS(), cfg)
	if err != nil || set == nil {
		return nil, diags, err
	}
	return set.Pages, diags, nil
}

// Load reads playbook.toml and every page of the playbook in dir, drafts
// included, for Generate. Problems in either come back as diagnostics
// (errors stop before the pages; content errors come with the pages that
// could be read).
func Load(dir string) (*config.Config, []*content.Page, diag.List, error) {
	cfg, err := config.Load(dir)
	if err != nil {
		if list, ok := diag.From(err); ok {
			return nil, nil, list, nil
		}
		return nil, nil, nil, err
	}
	pages, diags, err := load(dir, cfg)
	return cfg, pages, diags, err
}
