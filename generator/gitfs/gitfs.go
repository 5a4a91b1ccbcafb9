// Package gitfs reads the files of a git revision (a tag, a branch, a
// commit) as an io/fs.FS, without checking it out: the work tree, the
// index and HEAD are left alone, so a build can read every tagged version
// of a playbook side by side with the current files.
//
// Open lists the revision's tree once (git ls-tree) and reads file
// contents lazily, when a file is first read, through one long-lived
// git cat-file --batch process shared by every file of the FS. Close ends
// that process.
//
// What the FS shows:
//
//   - Regular files (modes 100644 and 100755), with their size and a
//     mode of 0644 or 0755. Every file and folder has the commit's
//     committer date as its modification time.
//   - Folders, as implied by the files: git stores no empty folders, and
//     a folder holding nothing but skipped entries does not appear.
//   - Symbolic links (mode 120000) are left out: they do not exist in the
//     FS (fs.ErrNotExist). Showing them as files whose content is the
//     link's target, as git stores them, would give pages the wrong
//     content; following them would mean resolving targets that may lead
//     out of the folder or the repository. A build of the work tree that
//     follows links may therefore see files a build of a tag does not:
//     Skipped lists them so that the caller can warn.
//   - Submodules (mode 160000) are left out too, and listed by Skipped:
//     their content lives in another repository.
//
// Paths are relative to the folder given to Open, with forward slashes,
// and must satisfy fs.ValidPath; "." is that folder.
package gitfs

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/playbook-ssg/playbook/generator/internal/gitrun"
)

// Errors Open can return, to be told apart with errors.Is. A folder that
// does not exist at the revision gives an error matching fs.ErrNotExist.
var (
	// ErrGitNotFound: git is not installed, or not on PATH.
	ErrGitNotFound = errors.New("git not found on PATH")
	// ErrNotRepository: the folder is not inside a git repository.
	ErrNotRepository = errors.New("not a git repository")
	// ErrUnknownRevision: no tag, branch or commit has the given name.
	ErrUnknownRevision = errors.New("unknown revision")
)

// Kind says why an entry of the tree was left out of the FS.
type Kind string

const (
	Symlink   Kind = "symbolic link"
	Submodule Kind = "submodule"
)

// Skipped is an entry of the tree that the FS leaves out.
type Skipped struct {
	Path string // relative to the FS's folder
	Kind Kind
}

// FS is the tree of one git revision, restricted to a folder. It is safe
// for concurrent use. Close it to end its git process.
type FS struct {
	commit  string
	nodes   map[string]*node // by path; "." is the root
	skipped []Skipped

	mu     sync.Mutex // guards everything below, and the batch protocol
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr *limitedBuffer
	broken error // set when the batch stream can no longer be trusted
	closed bool
}

// node is a file or a folder; it is its own fs.FileInfo and fs.DirEntry.
type node struct {
	name    string // base name; "." for the root
	mode    fs.FileMode
	size    int64
	object  string // blob hash; empty for folders
	modTime time.Time
	entries []*node // a folder's entries, sorted by name
}

func (n *node) Name() string               { return n.name }
func (n *node) Size() int64                { return n.size }
func (n *node) Mode() fs.FileMode          { return n.mode }
func (n *node) ModTime() time.Time         { return n.modTime }
func (n *node) IsDir() bool                { return n.mode.IsDir() }
func (n *node) Sys() any                   { return nil }
func (n *node) Type() fs.FileMode          { return n.mode.Type() }
func (n *node) Info() (fs.FileInfo, error) { return n, nil }
func (n *node) String() string             { return fs.FormatFileInfo(n) }

// Open resolves rev in the repository that contains repoDir and returns
// the tree of that commit under subdir, a folder relative to the
// repository's root with forward slashes ("" or "." for the root).
//
// ctx bounds Open's git commands and also the life of the FS's
// cat-file process: once ctx is done, reading file contents fails.
func Open(ctx context.Context, repoDir, rev, subdir string) (*FS, error) {
	prefix, err := cleanSubdir(subdir)
	if err != nil {
		return nil, err
	}
	if rev == "" {
		return nil, errors.New("gitfs: empty revision")
	}
	if strings.HasPrefix(rev, "-") || strings.ContainsAny(rev, "\x00\n") {
		return nil, fmt.Errorf("gitfs: invalid revision %q", rev)
	}
	exe, err := exec.LookPath("git")
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrGitNotFound, err)
	}
	g := runner{gitrun.Runner{Exe: exe, Dir: repoDir, Env: []string{"GIT_LITERAL_PATHSPECS=1"}, Prefix: "gitfs: " + repoDir}}

	// Resolve the revision. With -q --verify, an unknown name fails
	// silently, whereas a folder outside any repository is fatal and says so.
	out, stderr, err := g.Output(ctx, "rev-parse", "-q", "--verify", rev+"^{commit}")
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("gitfs: reading %s at %s: %w", repoDir, rev, ctx.Err())
		}
		msg := strings.TrimSpace(string(stderr))
		switch {
		case strings.Contains(msg, "not a git repository"):
			return nil, fmt.Errorf("gitfs: %s: %w", repoDir, ErrNotRepository)
		case msg == "":
			return nil, fmt.Errorf("gitfs: %w: no tag, branch or commit named %q in %s", ErrUnknownRevision, rev, repoDir)
		}
		return nil, g.Error("rev-parse", err, stderr)
	}
	commit := strings.TrimSpace(string(out))

	args := []string{"ls-tree", "-r", "-z", "-l", "--full-tree", commit}
	if prefix != "" {
		args = append(args, "--", prefix)
	}
	out, stderr, err = g.Output(ctx, args...)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("gitfs: reading %s at %s: %w", repoDir, rev, ctx.Err())
		}
		return nil, g.Error("ls-tree", err, stderr)
	}

	f := &FS{commit: commit}
	if err := f.start(ctx, g); err != nil {
		return nil, err
	}
	modTime, err := f.commitTime()
	if err != nil {
		f.Close()
		return nil, err
	}
	if err := f.build(out, prefix, modTime); err != nil {
		f.Close()
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("gitfs: no folder %q at %s (commit %.12s) in %s: %w", prefix, rev, commit, repoDir, err)
		}
		return nil, fmt.Errorf("gitfs: %s at %s: %w", repoDir, rev, err)
	}
	return f, nil
}

// cleanSubdir turns subdir into a path relative to the repository's root
// with forward slashes, "" for the root.
func cleanSubdir(subdir string) (string, error) {
	s := path.Clean(strings.ReplaceAll(filepath.ToSlash(subdir), "\\", "/"))
	s = strings.TrimPrefix(s, "/")
	if s == "" || s == "." {
		return "", nil
	}
	if !fs.ValidPath(s) {
		return "", fmt.Errorf("gitfs: folder %q is not a path inside the repository", subdir)
	}
	return s, nil
}

// build parses git ls-tree -r -z -l output into f.nodes. Each record is
// "<mode> SP <type> SP <object> SP+ <size> TAB <path> NUL", the size
// padded with spaces and "-" for submodules.
func (f *FS) build(out []byte, prefix string, modTime time.Time) error {
	dirMode := fs.ModeDir | 0o755
	root := &node{name: ".", mode: dirMode, modTime: modTime}
	f.nodes = map[string]*node{".": root}
	found := prefix == ""
	for len(out) > 0 {
		rec, rest, ok := bytes.Cut(out, []byte{0})
		if !ok {
			return fmt.Errorf("unexpected output from git ls-tree (no NUL at the end): %q", out)
		}
		out = rest
		meta, full, ok := strings.Cut(string(rec), "\t")
		fields := strings.Fields(meta)
		if !ok || len(fields) != 4 {
			return fmt.Errorf("unexpected output from git ls-tree: %q", rec)
		}
		mode, typ, object, sizeField := fields[0], fields[1], fields[2], fields[3]

		name := full
		if prefix != "" {
			if full == prefix {
				// The folder itself is a file, a link or a submodule.
				return fmt.Errorf("%q is not a folder at this revision", prefix)
			}
			var under bool
			name, under = strings.CutPrefix(full, prefix+"/")
			if !under {
				continue // only matched as a pathspec; not inside
			}
		}
		found = true
		if !fs.ValidPath(name) {
			return fmt.Errorf("the tree holds a path that is not valid in a file system: %q", full)
		}
		var perm fs.FileMode
		switch {
		case mode == "120000":
			f.skipped = append(f.skipped, Skipped{Path: name, Kind: Symlink})
			continue
		case mode == "160000" || typ == "commit":
			f.skipped = append(f.skipped, Skipped{Path: name, Kind: Submodule})
			continue
		case typ != "blob":
			return fmt.Errorf("unexpected entry in git ls-tree: %q", rec)
		case mode == "100755":
			perm = 0o755
		default:
			perm = 0o644
		}
		size, err := strconv.ParseInt(sizeField, 10, 64)
		if err != nil || size < 0 {
			return fmt.Errorf("unexpected size in git ls-tree: %q", rec)
		}
		if _, dup := f.nodes[name]; dup {
			return fmt.Errorf("the tree lists %q twice", full)
		}
		n := &node{name: path.Base(name), mode: perm, size: size, object: object, modTime: modTime}
		f.nodes[name] = n
		// Attach to the parent folders, making them as needed.
		for child, p := n, path.Dir(name); ; p = path.Dir(p) {
			parent, exists := f.nodes[p]
			if exists && !parent.IsDir() {
				return fmt.Errorf("the tree has %q both as a file and as a folder", p)
			}
			if !exists {
				parent = &node{name: path.Base(p), mode: dirMode, modTime: modTime}
				f.nodes[p] = parent
			}
			parent.entries = append(parent.entries, child)
			if exists {
				break
			}
			child = parent
		}
	}
	if !found {
		return fs.ErrNotExist
	}
	for _, n := range f.nodes {
		slices.SortFunc(n.entries, func(a, b *node) int { return strings.Compare(a.name, b.name) })
	}
	return nil
}

// Commit returns the hash of the commit the FS shows.
func (f *FS) Commit() string { return f.commit }

// Skipped returns the symbolic links and submodules left out of the FS,
// in the order of the tree.
func (f *FS) Skipped() []Skipped { return slices.Clone(f.skipped) }

// Close ends the git cat-file process. Reading file contents afterwards
// fails with fs.ErrClosed; listing and Stat still work. Close may be
// called more than once.
func (f *FS) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return nil
	}
	f.closed = true
	// End of input makes cat-file exit.
	f.stdin.Close()
	err := f.cmd.Wait()
	if err != nil && f.broken == nil {
		return fmt.Errorf("gitfs: git cat-file: %w%s", err, f.stderr.suffix())
	}
	return nil
}

func (f *FS) lookup(op, name string) (*node, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	n, ok := f.nodes[name]
	if !ok {
		return nil, &fs.PathError{Op: op, Path: name, Err: fs.ErrNotExist}
	}
	return n, nil
}

// Open implements fs.FS. Opening a file does not read it: its content is
// read from git at the first Read, ReadAt or Seek.
func (f *FS) Open(name string) (fs.File, error) {
	n, err := f.lookup("open", name)
	if err != nil {
		return nil, err
	}
	if n.IsDir() {
		return &dirFile{n: n, path: name}, nil
	}
	return &file{fsys: f, n: n, path: name}, nil
}

// Stat implements fs.StatFS.
func (f *FS) Stat(name string) (fs.FileInfo, error) {
	n, err := f.lookup("stat", name)
	if err != nil {
		return nil, err
	}
	return n, nil
}

// ReadDir implements fs.ReadDirFS: the entries sorted by name.
func (f *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	n, err := f.lookup("readdir", name)
	if err != nil {
		return nil, err
	}
	if !n.IsDir() {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: errors.New("not a directory")}
	}
	list := make([]fs.DirEntry, len(n.entries))
	for i, e := range n.entries {
		list[i] = e
	}
	return list, nil
}

// ReadFile implements fs.ReadFileFS. The caller owns the returned slice.
func (f *FS) ReadFile(name string) ([]byte, error) {
	n, err := f.lookup("readfile", name)
	if err != nil {
		return nil, err
	}
	if n.IsDir() {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: errors.New("is a directory")}
	}
	data, err := f.blob(n)
	if err != nil {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: err}
	}
	return data, nil
}

var (
	_ fs.ReadFileFS = (*FS)(nil)
	_ fs.ReadDirFS  = (*FS)(nil)
	_ fs.StatFS     = (*FS)(nil)
)

// file is an open regular file.
type file struct {
	fsys *FS
	n    *node
	path string
	r    *bytes.Reader // nil until first read
	done bool          // closed
}

func (fl *file) Stat() (fs.FileInfo, error) { return fl.n, nil }

func (fl *file) load(op string) error {
	if fl.done {
		return &fs.PathError{Op: op, Path: fl.path, Err: fs.ErrClosed}
	}
	if fl.r != nil {
		return nil
	}
	data, err := fl.fsys.blob(fl.n)
	if err != nil {
		return &fs.PathError{Op: op, Path: fl.path, Err: err}
	}
	fl.r = bytes.NewReader(data)
	return nil
}

func (fl *file) Read(p []byte) (int, error) {
	if err := fl.load("read"); err != nil {
		return 0, err
	}
	return fl.r.Read(p)
}

func (fl *file) ReadAt(p []byte, off int64) (int, error) {
	if err := fl.load("read"); err != nil {
		return 0, err
	}
	return fl.r.ReadAt(p, off)
}

func (fl *file) Seek(offset int64, whence int) (int64, error) {
	if err := fl.load("seek"); err != nil {
		return 0, err
	}
	return fl.r.Seek(offset, whence)
}

func (fl *file) Close() error {
	if fl.done {
		return &fs.PathError{Op: "close", Path: fl.path, Err: fs.ErrClosed}
	}
	fl.done, fl.r = true, nil
	return nil
}

// dirFile is an open folder.
type dirFile struct {
	n    *node
	path string
	off  int
	done bool
}

func (d *dirFile) Stat() (fs.FileInfo, error) { return d.n, nil }

func (d *dirFile) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.path, Err: errors.New("is a directory")}
}

func (d *dirFile) Close() error {
	if d.done {
		return &fs.PathError{Op: "close", Path: d.path, Err: fs.ErrClosed}
	}
	d.done = true
	return nil
}

// ReadDir implements fs.ReadDirFile.
func (d *dirFile) ReadDir(count int) ([]fs.DirEntry, error) {
	if d.done {
		return nil, &fs.PathError{Op: "readdir", Path: d.path, Err: fs.ErrClosed}
	}
	rest := d.n.entries[d.off:]
	if count > 0 && len(rest) == 0 {
		return nil, io.EOF
	}
	if count > 0 && count < len(rest) {
		rest = rest[:count]
	}
	d.off += len(rest)
	list := make([]fs.DirEntry, len(rest))
	for i, e := range rest {
		list[i] = e
	}
	return list, nil
}

// start launches git cat-file --batch.
func (f *FS) start(ctx context.Context, g runner) error {
	cmd := g.Command(ctx, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("gitfs: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("gitfs: %w", err)
	}
	f.stderr = &limitedBuffer{max: 4 << 10}
	cmd.Stderr = f.stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("gitfs: starting git cat-file: %w", err)
	}
	f.cmd, f.stdin, f.stdout = cmd, stdin, bufio.NewReaderSize(stdout, 64<<10)
	return nil
}

// object asks cat-file for one object and returns its type and content.
func (f *FS) object(id string) (typ string, data []byte, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return "", nil, fs.ErrClosed
	}
	if f.broken != nil {
		return "", nil, f.broken
	}
	typ, data, err = f.request(id)
	if err != nil {
		// The stream may be out of step: refuse further requests.
		f.broken = fmt.Errorf("git cat-file: %w%s", err, f.stderr.suffix())
		return "", nil, f.broken
	}
	return typ, data, nil
}

func (f *FS) request(id string) (string, []byte, error) {
	if _, err := io.WriteString(f.stdin, id+"\n"); err != nil {
		return "", nil, err
	}
	header, err := f.stdout.ReadString('\n')
	if err != nil {
		return "", nil, fmt.Errorf("reading the header for %s: %w", id, err)
	}
	fields := strings.Fields(header)
	if len(fields) == 2 && fields[1] == "missing" {
		return "", nil, fmt.Errorf("object %s is missing from the repository", id)
	}
	if len(fields) != 3 || fields[0] != id {
		return "", nil, fmt.Errorf("unexpected header %q for %s", header, id)
	}
	size, err := strconv.ParseInt(fields[2], 10, 64)
	if err != nil || size < 0 {
		return "", nil, fmt.Errorf("unexpected header %q for %s", header, id)
	}
	data := make([]byte, size+1) // with the closing newline
	if _, err := io.ReadFull(f.stdout, data); err != nil {
		return "", nil, fmt.Errorf("reading %s: %w", id, err)
	}
	if data[size] != '\n' {
		return "", nil, fmt.Errorf("object %s does not end with a newline", id)
	}
	return fields[1], data[:size:size], nil
}

// blob reads a file's content.
func (f *FS) blob(n *node) ([]byte, error) {
	typ, data, err := f.object(n.object)
	if err != nil {
		return nil, err
	}
	if typ != "blob" || int64(len(data)) != n.size {
		return nil, fmt.Errorf("git cat-file gave a %s of %d bytes for %s, a blob of %d bytes", typ, len(data), n.object, n.size)
	}
	return data, nil
}

// commitTime reads the committer date of f.commit.
func (f *FS) commitTime() (time.Time, error) {
	typ, data, err := f.object(f.commit)
	if err != nil {
		return time.Time{}, fmt.Errorf("gitfs: %w", err)
	}
	if typ != "commit" {
		return time.Time{}, fmt.Errorf("gitfs: %s is a %s, not a commit", f.commit, typ)
	}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		if line == "" {
			break // end of the header
		}
		rest, ok := strings.CutPrefix(line, "committer ")
		if !ok {
			continue
		}
		// "Name <email> 1700000000 +0100"
		_, rest, _ = strings.Cut(rest, "> ")
		secs, zone, _ := strings.Cut(rest, " ")
		t, err := strconv.ParseInt(secs, 10, 64)
		if err != nil {
			break
		}
		loc := time.UTC
		if z, err := time.Parse("-0700", zone); err == nil {
			loc = z.Location()
		}
		return time.Unix(t, 0).In(loc), nil
	}
	return time.Time{}, fmt.Errorf("gitfs: commit %s has no readable committer date", f.commit)
}

// runner runs git in the repository, with pathspecs taken literally.
type runner struct{ gitrun.Runner }

// limitedBuffer keeps the first max bytes written to it. It is written by
// the goroutine os/exec starts to copy standard error.
type limitedBuffer struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (b *limitedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if room := b.max - len(b.buf); room > 0 {
		b.buf = append(b.buf, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

// suffix is ": <stderr>" or "".
func (b *limitedBuffer) suffix() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if s := strings.TrimSpace(string(b.buf)); s != "" {
		return ": " + s
	}
	return ""
}
