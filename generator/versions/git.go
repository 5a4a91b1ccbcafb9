package versions

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/internal/gitrun"
)

// Rule is the diag rule of what reading versions from git reports.
const Rule = "versions"

// Repo is what git says about the repository holding a playbook.
type Repo struct {
	Dir      string    // the playbook folder
	Prefix   string    // the playbook folder relative to the repository's root, with slashes; "" at the root
	Head     string    // the commit checked out; empty before the first commit
	HeadDate time.Time // its committer date
	Shallow  bool      // a shallow clone: tags and history may be missing

	git gitrun.Runner
}

// Tag is a git tag naming a commit.
type Tag struct {
	Name   string
	Commit string    // the commit it names (peeled, for an annotated tag)
	Date   time.Time // the commit's committer date
}

// Inspect asks git about the repository holding dir. Where there is none
// to read (git missing, not a repository) it returns nil and a note
// saying why only the latest version is built.
func Inspect(ctx context.Context, dir string) (*Repo, diag.List, error) {
	var notes diag.List
	exe, err := exec.LookPath("git")
	if err != nil {
		if !errors.Is(err, exec.ErrNotFound) && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("looking for git: %w", err)
		}
		notes.Notef("", 0, 0, Rule, "git was not found on PATH, so only the latest version is built and pages show no last-updated date: install git to build the versions tagged in the repository")
		return nil, notes, nil
	}
	g := gitrun.Runner{Exe: exe, Dir: dir, Prefix: "reading the versions of " + dir}
	out, stderr, err := g.Output(ctx, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository", "--show-prefix")
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		msg := string(stderr)
		switch {
		case strings.Contains(msg, "not a git repository"):
			notes.Notef("", 0, 0, Rule, "not a git repository, so only the latest version is built and pages show no last-updated date: build from a clone of the playbook's repository to add the versions tagged in it")
			return nil, notes, nil
		case strings.Contains(msg, "dubious ownership"):
			notes.Warnf("", 0, 0, Rule, "git refuses to read this repository because another user owns it, so only the latest version is built: if you trust it, run git config --global --add safe.directory %s", dir)
			return nil, notes, nil
		}
		return nil, nil, g.Error("rev-parse", err, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) < 2 || (lines[0] != "true" && lines[0] != "false") {
		return nil, nil, fmt.Errorf("reading the versions of %s: unexpected output from git rev-parse (git 2.15 or later is needed): %q", dir, out)
	}
	if lines[0] != "true" {
		notes.Notef("", 0, 0, Rule, "the playbook is not in a git work tree, so only the latest version is built")
		return nil, notes, nil
	}
	r := &Repo{Dir: dir, Shallow: lines[1] == "true", git: g}
	if len(lines) > 2 {
		r.Prefix = strings.TrimSuffix(lines[2], "/")
	}
	out, _, err = g.Output(ctx, "log", "-1", "--format=%H %ct", "HEAD")
	if err == nil {
		if hash, secs, ok := strings.Cut(strings.TrimSpace(string(out)), " "); ok {
			r.Head = hash
			if n, err := strconv.ParseInt(secs, 10, 64); err == nil {
				r.HeadDate = time.Unix(n, 0).UTC()
			}
		}
	} else if ctx.Err() != nil {
		return nil, nil, ctx.Err()
	}
	return r, notes, nil
}

// Tags lists the tags whose names match pattern (path.Match syntax, where
// * does not cross a slash) and name a commit, oldest first: in version
// order of their names (v3.9 before v3.10, 2026-Q2 before 2026-Q3), so
// that a fix tagged later on an older line (v1.0.1 after v2.0) still
// comes after its own; or, byDate, by their commits' dates, for names
// that do not sort. It also returns the matching tags that name no
// commit (a tree, a blob).
func (r *Repo) Tags(ctx context.Context, pattern string, byDate bool) (tags []Tag, skipped []string, err error) {
	if _, err := path.Match(pattern, ""); err != nil {
		return nil, nil, fmt.Errorf("tag pattern %q: %w", pattern, err)
	}
	// %(*objectname) is the commit an annotated tag points to, empty for a
	// lightweight tag; %(objecttype) tells tags on trees or blobs apart.
	out, stderr, err := r.git.Output(ctx, "for-each-ref",
		"--format=%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objecttype)%00%(*objectname)%00%(committerdate:unix)%00%(*committerdate:unix)",
		"refs/tags")
	if err != nil {
		if ctx.Err() != nil {
			return nil, nil, ctx.Err()
		}
		return nil, nil, r.git.Error("for-each-ref", err, stderr)
	}
	var nested []string
	for line := range strings.Lines(string(out)) {
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\x00")
		if len(f) != 7 {
			return nil, nil, fmt.Errorf("reading the tags of %s: unexpected line from git for-each-ref: %q", r.Dir, line)
		}
		name, typ, obj, peeledType, peeled, date, peeledDate := f[0], f[1], f[2], f[3], f[4], f[5], f[6]
		if ok, _ := path.Match(pattern, name); !ok {
			continue
		}
		switch {
		case typ == "commit":
		case typ == "tag" && peeledType == "commit":
			obj, date = peeled, peeledDate
		case typ == "tag" && peeledType == "tag":
			nested = append(nested, name) // a tag of a tag: peeled below
			continue
		default:
			skipped = append(skipped, name) // a tree or a blob has no playbook
			continue
		}
		secs, err := strconv.ParseInt(date, 10, 64)
		if err != nil {
			return nil, nil, fmt.Errorf("reading the tags of %s: date %q of tag %s: %w", r.Dir, date, name, err)
		}
		tags = append(tags, Tag{Name: name, Commit: obj, Date: time.Unix(secs, 0).UTC()})
	}
	for _, name := range nested {
		out, _, err := r.git.Output(ctx, "log", "-1", "--format=%H %ct", "refs/tags/"+name+"^{commit}", "--")
		hash, secs, ok := strings.Cut(strings.TrimSpace(string(out)), " ")
		n, perr := strconv.ParseInt(secs, 10, 64)
		if err != nil || !ok || perr != nil {
			skipped = append(skipped, name)
			continue
		}
		tags = append(tags, Tag{Name: name, Commit: hash, Date: time.Unix(n, 0).UTC()})
	}
	slices.SortStableFunc(tags, func(a, b Tag) int {
		if byDate {
			if c := a.Date.Compare(b.Date); c != 0 {
				return c
			}
		}
		if c := compareVersions(a.Name, b.Name); c != 0 {
			return c
		}
		return a.Date.Compare(b.Date)
	})
	slices.Sort(skipped)
	return tags, skipped, nil
}

// mailmap returns the repository's .mailmap at HEAD, which changes the
// author names history shows ("" when there is none).
func (r *Repo) mailmap() string {
	out, _, err := r.git.Output(context.Background(), "cat-file", "blob", "HEAD:.mailmap")
	if err != nil {
		return ""
	}
	return string(out)
}

// compareVersions orders names as people order versions: runs of digits
// by their value, so v3.9 comes before v3.10.
func compareVersions(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if c := len(na) - len(nb); c != 0 {
				return c
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return int(a[0]) - int(b[0])
		}
		a, b = a[1:], b[1:]
	}
	return len(a) - len(b)
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}
