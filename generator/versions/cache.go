package versions

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/internal/atomicfile"
	"github.com/playbook-ssg/playbook/generator/search"
)

// cacheFormat changes whenever what a cache entry holds, or what a key
// covers, changes: older entries are then simply missed.
const cacheFormat = "playbook-versions-3"

// cache keeps, for each tag build, what later builds need without
// building the tag again: its page list and files (to check that the
// previous output still holds them), and its page texts and report (to
// compare the next version with it). The rendered files themselves are
// not copied: they stay in the output folder, which the next build
// carries over (output.Staging.Keep).
type cache struct {
	dir string // "" when there is no cache
}

// entry is the small part of a cache entry, read for every kept version.
type entry struct {
	Format string           `json:"format"`
	Key    string           `json:"key"`
	Pages  []string         `json:"pages"` // page paths, relative to the version's folder
	Check  map[string]int64 `json:"check"` // sizes of a few of its files (see holds)
	// TextsSum is the SHA-256 of the texts file, to tell a damaged one.
	TextsSum string `json:"texts_sum"`
}

// texts is the larger part, read only for the version a later one is
// compared with.
type texts struct {
	Docs    []search.Doc    `json:"docs"`
	Changes *changes.Report `json:"changes"`
}

// openCache returns the cache of one playbook built into one output
// folder (entries describe what that folder holds, and pruning one
// playbook's or output's entries never removes another's).
func openCache(root, source, out string) cache {
	if root == "" {
		return cache{}
	}
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	sum := sha256.Sum256([]byte(abs(source) + "\x00" + abs(out)))
	return cache{dir: filepath.Join(root, "versions", hex.EncodeToString(sum[:8]))}
}

func (c cache) path(key, suffix string) string { return filepath.Join(c.dir, key+suffix) }

// load returns the entry for key, or nil.
func (c cache) load(key string) *entry {
	if c.dir == "" {
		return nil
	}
	b, err := os.ReadFile(c.path(key, ".json"))
	if err != nil {
		return nil
	}
	var e entry
	if json.Unmarshal(b, &e) != nil || e.Format != cacheFormat || e.Key != key {
		return nil
	}
	// Without its texts the next version could not be compared with this
	// one: check they are whole (a few milliseconds, against a rebuild).
	t, err := os.ReadFile(c.path(key, ".texts.json.gz"))
	if sum := sha256.Sum256(t); err != nil || hex.EncodeToString(sum[:]) != e.TextsSum {
		return nil
	}
	return &e
}

// loadTexts returns the page texts stored for key, or nil.
func (c cache) loadTexts(key string) *texts {
	if c.dir == "" {
		return nil
	}
	f, err := os.Open(c.path(key, ".texts.json.gz"))
	if err != nil {
		return nil
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil
	}
	var t texts
	if json.NewDecoder(zr).Decode(&t) != nil {
		return nil
	}
	return &t
}

// store writes an entry; the texts first, so that an entry whose small
// part exists always has its texts.
func (c cache) store(e *entry, t *texts) error {
	if c.dir == "" {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return fmt.Errorf("creating the versions cache: %w", err)
	}
	var gz strings.Builder
	zw := gzip.NewWriter(&gz)
	if err := json.NewEncoder(zw).Encode(t); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := atomicfile.Write(c.path(e.Key, ".texts.json.gz"), []byte(gz.String()), 0o644); err != nil {
		return err
	}
	sum := sha256.Sum256([]byte(gz.String()))
	e.TextsSum = hex.EncodeToString(sum[:])
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	return atomicfile.Write(c.path(e.Key, ".json"), b, 0o644)
}

// prune removes the entries of keys no longer in use.
func (c cache) prune(keep map[string]bool) {
	if c.dir == "" {
		return
	}
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	for _, d := range entries {
		key, _, _ := strings.Cut(d.Name(), ".")
		if !keep[key] {
			_ = os.Remove(filepath.Join(c.dir, d.Name()))
		}
	}
}

// holds reports whether dir still holds the entry's output, by the sizes
// of a few files every build writes (its home page, 404 page and search
// index). Checking every file would cost a walk of thousands of folders
// on each build; versions.json, which names the build, is the stronger
// check, and the output folder is playbook's own (see output.Marker).
func (e *entry) holds(dir string) bool {
	if len(e.Check) == 0 {
		return false
	}
	for name, size := range e.Check {
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !fi.Mode().IsRegular() || fi.Size() != size {
			return false
		}
	}
	return true
}

// checkedFiles are the files whose sizes entry.holds compares.
func checkedFiles() []string { return []string{"index.html", "404.html", "search/meta.json"} }

// key identifies a tag build: everything its output depends on.
func key(parts ...string) string {
	h := sha256.New()
	for _, p := range append([]string{cacheFormat}, parts...) {
		fmt.Fprintf(h, "%d:%s\n", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// hashFS fingerprints every file of a theme.
func hashFS(fsys fs.FS) (string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return "", fmt.Errorf("reading the theme: %w", err)
	}
	slices.Sort(names)
	h := sha256.New()
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return "", fmt.Errorf("reading the theme: %w", err)
		}
		fmt.Fprintf(h, "%s %d\n", n, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)[:16]), nil
}
