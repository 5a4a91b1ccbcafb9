// Package history reads, from git, when and by whom each file of a
// playbook was last changed, in one pass over the log of the whole
// repository.
//
// What counts as a file's last change:
//
//   - Only commits count. A file modified in the work tree but not
//     committed reports its last commit; a file never committed
//     (untracked, or only staged) has no entry.
//   - Merge commits are skipped (--no-merges): a page changed on a branch
//     shows the commit that changed it, with its author and its author
//     date, not the merge that brought it in and the person who merged. A
//     merge's own edits (a conflict resolved by hand) are not counted.
//   - Every other commit reachable from the revision counts, even on a
//     branch whose change a merge then discarded. Git's history
//     simplification (what git log does given a path) would drop such a
//     branch only when it left the whole folder unchanged, so it would not
//     make per-file dates right either, and it costs twice the time: each
//     commit's tree is compared once to decide whether to show it and
//     again to list its files.
//   - Renames are not followed (--no-renames): moving a file is a change
//     of the new path made by the moving commit, and the old path ends
//     there. Following renames would give the new path the same commit,
//     since the move is its newest change; skipping rename detection is
//     simply faster.
//   - A file whose newest change deleted it has no entry, even if an
//     older commit touched it (it may exist again, untracked).
//   - "Newest" is the first commit in git log --date-order: children
//     before parents, otherwise by commit date. Change.Time is the author
//     date, with the author's time zone.
package history

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/gitrun"
)

// Rule is the diag rule of the notes and warnings Read reports.
const Rule = "git"

// Change is the newest commit that changed a file.
type Change struct {
	Time   time.Time // author date, in the author's time zone
	Author string    // author name, after .mailmap
	Commit string    // full hash
}

// History maps the files of a playbook to their newest change. It is not
// changed after Read, so it is safe for concurrent use. The zero value,
// and a nil *History, hold no entries.
type History struct {
	files map[string]*Change
}

// Updated returns the newest commit that changed file, a path relative to
// the playbook folder with forward slashes, and whether there is one.
func (h *History) Updated(file string) (Change, bool) {
	if h == nil {
		return Change{}, false
	}
	c := h.files[filepath.ToSlash(file)]
	if c == nil {
		return Change{}, false
	}
	return *c, true
}

// Len returns the number of files with an entry.
func (h *History) Len() int {
	if h == nil {
		return 0
	}
	return len(h.files)
}

// Options adjust ReadContext.
type Options struct {
	// Git is the git executable: a name looked up on PATH or a path.
	// Empty means "git".
	Git string
	// Rev is the commit whose history is read (a tag, a branch, a hash).
	// Empty means HEAD, the commit the work tree is on.
	Rev string
	// NoShallowWarning leaves out the warning about a shallow clone, for
	// a caller that gives its own.
	NoShallowWarning bool
}

// Read is ReadContext with a background context and default options.
func Read(dir string) (*History, diag.List, error) {
	return ReadContext(context.Background(), dir, Options{})
}

// ReadContext reads the history of the files under dir, the playbook
// folder, which may be anywhere inside a git work tree. It runs the git
// command line: a small git rev-parse, then one git log over the whole
// history, parsed as it streams.
//
// Where git cannot help, it returns an empty History and a diagnostic
// rather than an error, so a build can go on without dates: a note when
// git is not installed, when dir is not in a git repository or the
// repository has no commits yet, and a warning when git refuses a
// repository another user owns. A shallow clone gives a warning naming
// the fix, and the History its few commits can give. Errors are for
// what should not happen: a missing dir, an unknown Rev, git failing or
// writing what Read cannot parse, a cancelled context.
func ReadContext(ctx context.Context, dir string, opts Options) (*History, diag.List, error) {
	empty := &History{}
	var diags diag.List
	if fi, err := os.Stat(dir); err != nil {
		return nil, nil, fmt.Errorf("reading git history: %w", err)
	} else if !fi.IsDir() {
		return nil, nil, fmt.Errorf("reading git history: %s is not a folder", dir)
	}
	if strings.HasPrefix(opts.Rev, "-") {
		return nil, nil, fmt.Errorf("reading git history: revision %q starts with a dash", opts.Rev)
	}
	name := opts.Git
	if name == "" {
		name = "git"
	}
	exe, err := exec.LookPath(name)
	if err != nil {
		where := "on PATH"
		if opts.Git != "" {
			where = "at " + opts.Git
		}
		if !errors.Is(err, exec.ErrNotFound) && !errors.Is(err, fs.ErrNotExist) {
			where += fmt.Sprintf(" (%v)", err)
		}
		diags.Notef("", 0, 0, Rule, "git was not found %s, so pages show no last-updated date or author, which come from git history: install git to add them", where)
		return empty, diags, nil
	}
	g := runner{gitrun.Runner{Exe: exe, Dir: dir, Env: []string{"GIT_FLUSH=0"}, Prefix: "reading git history of " + dir}}

	// Two questions in one process. No need for the repository's root:
	// the log runs in dir and git relates paths to it.
	// --show-cdup leads to the root, where the list of ignored commits is.
	out, stderr, err := g.Output(ctx, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-cdup")
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, fmt.Errorf("reading git history of %s: %w", dir, ctx.Err())
		}
		if d, ok := unavailable(stderr); ok {
			return empty, append(diags, d), nil
		}
		return nil, nil, g.Error("rev-parse", err, stderr)
	}
	inside, shallow, cdup, ok := parseRevParse(out)
	if !ok {
		// git before 2.15 echoes --is-shallow-repository back.
		return nil, nil, fmt.Errorf("reading git history of %s: unexpected output from git rev-parse (git 2.15 or later is needed): %q", dir, out)
	}
	if !inside {
		// Inside .git, or a bare repository: there are no files to date.
		diags = append(diags, notRepository())
		return empty, diags, nil
	}
	if shallow && !opts.NoShallowWarning {
		diags.Warnf("", 0, 0, Rule, "this is a shallow clone, so most pages show the date and author of the clone's newest commit as their last update: fetch the whole history (in GitHub Actions, set fetch-depth: 0 on actions/checkout; elsewhere, run git fetch --unshallow)")
	}

	rev := opts.Rev
	if rev == "" {
		rev = "HEAD"
	}
	ignored, ignoreDiags, err := g.ignoredRevs(ctx, opts.Rev, cdup)
	if err != nil {
		return nil, nil, err
	}
	diags = append(diags, ignoreDiags...)
	var moves map[string]map[string]string
	if len(ignored) > 0 {
		if moves, err = g.renames(ctx, ignored); err != nil {
			return nil, nil, err
		}
	}
	files, err := g.log(ctx, rev, ignored, moves)
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, fmt.Errorf("reading git history of %s: %w", dir, ctx.Err())
		}
		// Only now check for an unborn HEAD, so that the usual case
		// costs no extra process.
		if opts.Rev == "" {
			if _, _, verr := g.Output(ctx, "rev-parse", "-q", "--verify", "HEAD^{commit}"); verr != nil && ctx.Err() == nil {
				diags.Notef("", 0, 0, Rule, "the git repository has no commits yet, so pages show no last-updated date or author until the first commit")
				return empty, diags, nil
			}
		}
		return nil, nil, err
	}
	return &History{files: files}, diags, nil
}

// notRepository is the note for a folder outside any git work tree.
func notRepository() diag.Diagnostic {
	return diag.Diagnostic{Severity: diag.Info, Rule: Rule, Message: "not a git repository, so pages show no last-updated date or author: build from a clone of the playbook's repository (or run git init and commit) to add them"}
}

// unavailable turns git's refusal to open a repository into a diagnostic.
// Messages are matched in English: runner sets LC_ALL=C.
func unavailable(stderr []byte) (diag.Diagnostic, bool) {
	msg := string(stderr)
	switch {
	case strings.Contains(msg, "not a git repository"):
		return notRepository(), true
	case strings.Contains(msg, "dubious ownership"):
		// Common in CI containers, where the checkout belongs to another
		// user than the one running the build. Git prints the fix.
		fix := "git config --global --add safe.directory <the repository's folder>"
		for line := range strings.Lines(msg) {
			if l := strings.TrimSpace(line); strings.HasPrefix(l, "git config ") {
				fix = l
				break
			}
		}
		return diag.Diagnostic{Severity: diag.Warning, Rule: Rule, Message: "git refuses to read this repository because another user owns it, so pages show no last-updated date or author: if you trust it, run " + fix}, true
	}
	return diag.Diagnostic{}, false
}

// parseRevParse reads the lines of git rev-parse --is-inside-work-tree
// --is-shallow-repository --show-cdup; the third, the way up to the root
// of the work tree ("../", or empty at the root), is there only inside a
// work tree.
func parseRevParse(out []byte) (inside, shallow bool, cdup string, ok bool) {
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	isBool := func(s string) bool { return s == "true" || s == "false" }
	if len(lines) < 2 || len(lines) > 3 || !isBool(lines[0]) || !isBool(lines[1]) {
		return false, false, "", false
	}
	if len(lines) == 3 {
		cdup = lines[2]
	}
	return lines[0] == "true", lines[1] == "true", cdup, true
}

// runner runs git in the playbook folder. Output is fully buffered
// (GIT_FLUSH=0): writing to a pipe, git log would otherwise flush after
// every commit, a system call and a wake-up of the reader each time.
type runner struct{ gitrun.Runner }

// marker starts every commit's header in the log. Commit headers and
// status letters are told apart by position; the marker is a check that
// the stream is what the parser expects.
const marker = '\x01'

// log runs one git log in the folder and returns the newest change of
// each file under it, keyed by path relative to it. Deleted files are
// left out.
func (g runner) log(ctx context.Context, rev string, ignored map[string]bool, moves map[string]map[string]string) (map[string]*Change, error) {
	args := []string{
		// Signatures would be mixed into the output. (Flags below override
		// other settings that matter, such as log.showRoot=false, which
		// would hide the first commit's files.)
		"-c", "log.showSignature=false",
		"log",
		// One header per commit: marker and hash, author date (strict ISO
		// 8601), author name (%aN applies .mailmap). -z ends every field
		// and path with NUL, so no name needs quoting or escaping.
		"--format=%x01%H%x00%aI%x00%aN",
		"-z",
		"--name-status", // a status letter per path, so deletions are known
		"--no-renames",
		"--no-merges",
		// Children before parents even when clocks were wrong, so the
		// first change of a file seen is its newest.
		"--date-order",
		"--root",
		"--no-color",
		"--encoding=UTF-8",
		// Only files under the folder git runs in, named relative to it.
		// Not a path argument: that would turn on history simplification
		// (see the package comment). A commit that changes nothing in the
		// folder costs a comparison of two root trees and prints a bare
		// header.
		"--relative",
		rev,
		"--",
	}
	runCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := g.Command(runCtx, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, fmt.Errorf("reading git history of %s: %w", g.Dir, err)
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("reading git history of %s: starting git log: %w", g.Dir, err)
	}
	files, perr := parseLog(stdout, ignored, moves)
	if perr != nil {
		cancel() // stop git rather than wait for it to write everything
	}
	werr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return nil, fmt.Errorf("reading git history of %s: %w", g.Dir, ctx.Err())
	case werr != nil && (perr == nil || stderr.Len() > 0):
		// git failed on its own (an unknown revision, a broken
		// repository); what it says is the useful part.
		return nil, g.Error("log", werr, stderr.Bytes())
	case perr != nil:
		return nil, fmt.Errorf("reading git history of %s: parsing git log: %w", g.Dir, perr)
	}
	return files, nil
}

// parseLog reads the output of log: for each commit, a header of three
// NUL-ended fields (marker and hash, author date, author name), then
// pairs of status and path, all NUL-ended, or none. Git puts a newline
// between the header and the first status, which is dropped. Only the
// first change of each path is kept, since commits come newest first.
//
// A commit in ignored does not claim the files it adds or modifies: such
// a file waits for the next (older) change of its path, or of the path
// it was moved from (moves: new path -> old path, by commit), and gets
// the newest ignored commit only if no other comes. Its deletions count,
// as a file it deleted does not exist after it.
func parseLog(r io.Reader, ignored map[string]bool, moves map[string]map[string]string) (map[string]*Change, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	sc.Split(splitNUL)
	next := func(what string) ([]byte, error) {
		if sc.Scan() {
			return sc.Bytes(), nil
		}
		if err := sc.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("output ends inside a commit, before its %s", what)
	}

	files := map[string]*Change{} // nil: the newest change deleted it
	// Files claimed by ignored commits only: the newest of them, kept
	// until an older change of the file comes (then it is in files).
	var fallback map[string]*Change
	// Old paths whose next change is that of the files listed; the
	// current commit's additions join at the next commit, since they wait
	// for changes older than it.
	var waiting, adding map[string][]string
	wait := func(from string, targets ...string) {
		if adding == nil {
			adding = map[string][]string{}
		}
		adding[from] = append(adding[from], targets...)
	}
	// The current commit's header, kept as bytes until a file first needs
	// it: most commits only touch files newer commits already claimed.
	var hash, date, author []byte
	var cur *Change
	skip := false // the current commit is ignored
	var moved map[string]string
	change := func() (*Change, error) {
		if cur == nil {
			t, err := time.Parse(time.RFC3339, string(date))
			if err != nil {
				return nil, fmt.Errorf("commit %s: author date: %w", hash, err)
			}
			cur = &Change{Time: t, Author: string(author), Commit: string(hash)}
		}
		return cur, nil
	}
	for sc.Scan() {
		tok := bytes.TrimLeft(sc.Bytes(), "\n")
		if len(tok) == 0 {
			continue
		}
		if tok[0] == marker {
			hash = append(hash[:0], tok[1:]...)
			f, err := next("date")
			if err != nil {
				return nil, err
			}
			date = append(date[:0], f...)
			if f, err = next("author"); err != nil {
				return nil, err
			}
			author = append(author[:0], f...)
			cur = nil
			for from, targets := range adding {
				if waiting == nil {
					waiting = map[string][]string{}
				}
				waiting[from] = append(waiting[from], targets...)
			}
			clear(adding)
			skip = ignored[string(hash)]
			moved = moves[string(hash)]
			continue
		}
		if hash == nil {
			return nil, fmt.Errorf("unexpected output before the first commit: %q", tok)
		}
		status := tok[0]
		paths := 1
		if status == 'R' || status == 'C' {
			paths = 2 // old and new path; only possible if renames were on
		}
		var p []byte
		for range paths {
			f, err := next("path")
			if err != nil {
				return nil, err
			}
			p = f
		}
		if len(waiting) > 0 {
			if targets, ok := waiting[string(p)]; ok {
				delete(waiting, string(p))
				switch {
				case skip && status == 'M':
					wait(string(p), targets...) // ignored again: wait on
				case skip && moved[string(p)] != "":
					wait(moved[string(p)], targets...)
				case !skip && status != 'D':
					c, err := change()
					if err != nil {
						return nil, err
					}
					for _, t := range targets {
						files[t] = c
						delete(fallback, t)
					}
				}
				// Otherwise the history of the file starts here: it
				// keeps the ignored commit.
			}
		}
		if _, seen := files[string(p)]; seen {
			continue
		}
		if _, pending := fallback[string(p)]; pending {
			continue // an ignored commit changed it: see waiting
		}
		if status == 'D' {
			files[string(p)] = nil
			continue
		}
		c, err := change()
		if err != nil {
			return nil, err
		}
		if skip {
			if fallback == nil {
				fallback = map[string]*Change{}
			}
			fallback[string(p)] = c
			from := string(p)
			if old := moved[from]; old != "" {
				from = old
			} else if status != 'M' {
				continue // added by the ignored commit: nothing older
			}
			wait(from, string(p))
			continue
		}
		files[string(p)] = c
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for p, c := range fallback {
		files[p] = c
	}
	for p, c := range files {
		if c == nil {
			delete(files, p)
		}
	}
	return files, nil
}

// splitNUL is a bufio.SplitFunc for NUL-ended tokens; a last token without
// its NUL is returned too.
func splitNUL(data []byte, atEOF bool) (advance int, token []byte, err error) {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i + 1, data[:i], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}
