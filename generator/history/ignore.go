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
	"path"
	"path/filepath"
	"strings"

	"github.com/playbook-ssg/playbook/generator/diag"
)

// IgnoreRevsFile is the file, at the root of the repository, that lists
// commits whose changes do not count as a file's last change: a bulk
// import, a reformatting. It has the format of git blame
// --ignore-revs-file, which GitHub also reads from there: one full commit
// hash a line, # starting a comment, blank lines allowed.
const IgnoreRevsFile = ".git-blame-ignore-revs"

// ignoredRevs reads IgnoreRevsFile as it is in the revision read: from the
// work tree when rev is empty (so an edit shows before it is committed,
// as with git blame), otherwise from rev's tree (so a tagged version's
// dates depend only on its commit). name is the file's path relative to
// the playbook folder, for messages. A missing file is no list.
func (g runner) ignoredRevs(ctx context.Context, rev, cdup string) (map[string]bool, diag.List, error) {
	name := path.Join(cdup, IgnoreRevsFile)
	var data []byte
	if rev == "" {
		b, err := os.ReadFile(filepath.Join(g.Dir, filepath.FromSlash(name)))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("reading git history: %w", err)
		}
		data = b
	} else {
		if strings.ContainsAny(rev, "\n\x00") {
			return nil, nil, fmt.Errorf("reading git history: revision %q has a line break", rev)
		}
		// One process that answers "missing" rather than failing. A
		// path after "rev:" is from the root of the tree.
		cmd := g.Command(ctx, "cat-file", "--batch")
		cmd.Stdin = strings.NewReader(rev + ":" + IgnoreRevsFile + "\n")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return nil, nil, g.Error("cat-file", err, stderr.Bytes())
		}
		head, body, _ := bytes.Cut(out, []byte("\n"))
		fields := strings.Fields(string(head))
		if len(fields) != 3 || fields[1] != "blob" {
			return nil, nil, nil // missing, or not a file
		}
		data = body
	}
	revs, diags := parseIgnoreRevs(bytes.NewReader(data), name)
	return revs, diags, nil
}

// parseIgnoreRevs reads the lines of an ignore-revs file, as git does:
// what follows # is a comment, spaces around a hash do not count. Where
// git stops at a line it cannot read, this warns and goes on, so one bad
// line does not bring the import commit back on every page.
func parseIgnoreRevs(r io.Reader, name string) (map[string]bool, diag.List) {
	revs := map[string]bool{}
	var diags diag.List
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		h := strings.ToLower(line)
		if !isHex(h) || len(h) != 40 && len(h) != 64 {
			what := "is not a commit hash"
			if isHex(h) && len(h) < 40 {
				what = fmt.Sprintf("is a short hash: git needs the full one, which git rev-parse %s prints", line)
			}
			diags.Warnf(name, n, 1, Rule, "%q %s; this line is skipped, the others are used (write one full commit hash a line, # starts a comment)", line, what)
			continue
		}
		revs[h] = true
	}
	if err := sc.Err(); err != nil {
		diags.Warnf(name, 0, 0, Rule, "reading %s: %v", name, err)
	}
	return revs, diags
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return s != ""
}

// renames asks git which files each ignored commit moved (with rename
// detection, which the one pass over the log leaves off), so that a file
// moved by an import keeps the last change it had before: new path -> old
// path, by commit. Hashes not in the repository are left out
// (--ignore-missing); commits the log does not reach are never asked for.
func (g runner) renames(ctx context.Context, ignored map[string]bool) (map[string]map[string]string, error) {
	args := []string{"-c", "log.showSignature=false", "log", "--no-walk=unsorted", "--ignore-missing",
		"--format=%x01%H", "-z", "--name-status", "-M", "-l0", "--diff-filter=R", "--no-merges",
		"--no-color", "--relative"}
	for h := range ignored {
		args = append(args, h)
	}
	args = append(args, "--")
	out, stderr, err := g.Output(ctx, args...)
	if err != nil {
		return nil, g.Error("log (renames)", err, stderr)
	}
	moves := map[string]map[string]string{}
	var cur map[string]string
	toks := bytes.Split(out, []byte{0})
	for i := 0; i < len(toks); i++ {
		tok := bytes.TrimLeft(toks[i], "\n")
		switch {
		case len(tok) == 0:
		case tok[0] == marker:
			cur = map[string]string{}
			moves[string(tok[1:])] = cur
		case tok[0] == 'R' && cur != nil && i+2 < len(toks):
			cur[string(toks[i+2])] = string(toks[i+1])
			i += 2
		default:
			return nil, fmt.Errorf("reading git history of %s: unexpected output from git log (renames): %q", g.Dir, tok)
		}
	}
	return moves, nil
}
