package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/playbook-ssg/playbook/generator/config"
)

// write carries the plan out: copies into dest, or moves in place.
func write(src, dest string, l *layout, res *Result, pl *planned, outs [][]byte) error {
	if !res.InPlace {
		for _, f := range pl.files {
			if f.Act != actFile {
				continue
			}
			if err := copyFile(filepath.Join(src, filepath.FromSlash(f.Old)), filepath.Join(dest, filepath.FromSlash(f.New))); err != nil {
				return err
			}
		}
		for i, p := range pl.pages {
			if err := writeFile(filepath.Join(dest, filepath.FromSlash(p.New)), outs[i]); err != nil {
				return err
			}
		}
		return nil
	}
	tracked := map[string]bool{}
	if res.Git {
		out, errOut, err := git(src).Output(context.Background(), "ls-files", "-z")
		if err != nil {
			return git(src).Error("ls-files", err, errOut)
		}
		for _, name := range strings.Split(string(out), "\x00") {
			if name != "" {
				tracked[name] = true
			}
		}
	}
	// Moves: git mv for tracked files (one call per folder when names
	// stay), a rename otherwise.
	byDir := map[string][]string{}
	touched := map[string]bool{}
	for _, f := range pl.files {
		if (f.Act != actPage && f.Act != actFile) || f.New == f.Old {
			continue
		}
		touched[path.Dir(f.Old)] = true
		to := filepath.Join(src, filepath.FromSlash(f.New))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return fmt.Errorf("moving %s: %w", f.Old, err)
		}
		if tracked[f.Old] {
			if path.Base(f.Old) == path.Base(f.New) {
				byDir[path.Dir(f.New)] = append(byDir[path.Dir(f.New)], f.Old)
				continue
			}
			if _, errOut, err := git(src).Output(context.Background(), "mv", "--", f.Old, f.New); err != nil {
				return git(src).Error("mv "+f.Old, err, errOut)
			}
			res.gitMoves++
			continue
		}
		if err := os.Rename(filepath.Join(src, filepath.FromSlash(f.Old)), to); err != nil {
			return fmt.Errorf("moving %s: %w", f.Old, err)
		}
	}
	dirs := make([]string, 0, len(byDir))
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		args := append(append([]string{"mv", "--"}, byDir[d]...), d+"/")
		if _, errOut, err := git(src).Output(context.Background(), args...); err != nil {
			return git(src).Error("mv into "+d, err, errOut)
		}
		res.gitMoves += len(byDir[d])
	}
	for i, p := range pl.pages {
		if err := writeFile(filepath.Join(src, filepath.FromSlash(p.New)), outs[i]); err != nil {
			return err
		}
	}
	// The old tool's configuration stays where it is, but for a folder
	// Playbook would read as its own.
	olds := make([]string, 0, len(l.aside))
	for old := range l.aside {
		olds = append(olds, old)
	}
	sort.Strings(olds)
	for _, old := range olds {
		a := l.aside[old]
		from, to := filepath.Join(src, filepath.FromSlash(old)), filepath.Join(src, filepath.FromSlash(a.to))
		if fi, err := os.Stat(from); err != nil || !fi.IsDir() {
			continue
		}
		if _, err := os.Stat(to); err == nil {
			return fmt.Errorf("moving %s/ aside: %s/ exists already; move or remove one of them, then import again", old, a.to)
		}
		hasTracked := false
		for name := range tracked {
			if under(name, old) {
				hasTracked = true
				break
			}
		}
		if hasTracked {
			if _, errOut, err := git(src).Output(context.Background(), "mv", "--", old, a.to); err != nil {
				return git(src).Error("mv "+old, err, errOut)
			}
			res.gitMoves++
		} else if err := os.Rename(from, to); err != nil {
			return fmt.Errorf("moving %s/ aside: %w", old, err)
		}
		res.Notes = append(res.Notes, Note{File: old + "/", Kind: "moved aside", Converted: true,
			Message: fmt.Sprintf("now %s/: %s", a.to, a.why)})
		res.Counts["old folders moved aside"]++
	}
	removeEmpty(src, touched)
	return nil
}

// removeEmpty removes the folders the import emptied, deepest first.
func removeEmpty(src string, touched map[string]bool) {
	var dirs []string
	for d := range touched {
		for ; d != "." && d != "" && d != "/"; d = path.Dir(d) {
			dirs = append(dirs, d)
		}
	}
	sort.Slice(dirs, func(i, j int) bool { return strings.Count(dirs[i], "/") > strings.Count(dirs[j], "/") })
	for _, d := range dirs {
		_ = os.Remove(filepath.Join(src, filepath.FromSlash(d))) // fails, as wanted, when not empty
	}
}

func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if err := os.WriteFile(name, data, 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return fmt.Errorf("copying %s: %w", from, err)
	}
	defer in.Close()
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return fmt.Errorf("copying %s: %w", from, err)
	}
	out, err := os.Create(to)
	if err != nil {
		return fmt.Errorf("copying %s: %w", from, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("copying %s: %w", from, err)
	}
	return out.Close()
}

// finishGit commits the import with --commit and lists it in
// .git-blame-ignore-revs, so that pages' last change skips it; without
// --commit it says how.
//
// The moves go in a commit of their own: git mv staged them with the
// files' old content, so that commit holds renames only, and git log
// --follow follows even a short page whose front matter the conversion
// then doubled (git tells a rename from its content, and a page of one
// heading that gains "weight: 4" is no longer half the same).
func finishGit(src string, opts Options, res *Result) error {
	ctx := context.Background()
	g := git(src)
	moveMsg := fmt.Sprintf("Move the %s handbook's pages for Playbook (playbook import, 1 of 2)", res.Kind)
	msg := fmt.Sprintf("Convert the %s handbook for Playbook (playbook import)", res.Kind)
	if res.gitMoves > 0 {
		msg = fmt.Sprintf("Convert the %s handbook for Playbook (playbook import, 2 of 2)", res.Kind)
	}
	ignoreMsg := "Leave the import out of pages' last change"
	if !opts.Commit {
		ignore := "\"$(git rev-parse --show-toplevel)/.git-blame-ignore-revs\""
		if res.gitMoves > 0 {
			res.Advice = []string{
				fmt.Sprintf("git commit -m %q", moveMsg),
				fmt.Sprintf("git add -A && git commit -m %q", msg),
				fmt.Sprintf("git rev-parse HEAD~1 HEAD >> %s && git add %s && git commit -m %q", ignore, ignore, ignoreMsg),
			}
			return nil
		}
		res.Advice = []string{
			fmt.Sprintf("git add -A && git commit -m %q", msg),
			fmt.Sprintf("git rev-parse HEAD >> %s && git add %s && git commit -m %q", ignore, ignore, ignoreMsg),
		}
		return nil
	}
	head := func() (string, error) {
		out, e, err := g.Output(ctx, "rev-parse", "HEAD")
		if err != nil {
			return "", g.Error("rev-parse", err, e)
		}
		return strings.TrimSpace(string(out)), nil
	}
	var b bytes.Buffer
	if res.gitMoves > 0 {
		if _, e, err := g.Output(ctx, "commit", "-q", "-m", moveMsg); err != nil {
			return g.Error("commit", err, e)
		}
		h, err := head()
		if err != nil {
			return err
		}
		res.MoveCommit = h
		fmt.Fprintf(&b, "# %s\n%s\n", moveMsg, h)
	}
	if _, e, err := g.Output(ctx, "add", "-A", "--", "."); err != nil {
		return g.Error("add", err, e)
	}
	if _, e, err := g.Output(ctx, "commit", "-q", "-m", msg); err != nil {
		return g.Error("commit", err, e)
	}
	h, err := head()
	if err != nil {
		return err
	}
	res.Commit = h
	fmt.Fprintf(&b, "# %s\n%s\n", msg, h)
	top, e, err := g.Output(ctx, "rev-parse", "--show-toplevel")
	if err != nil {
		return g.Error("rev-parse", err, e)
	}
	ignore := filepath.Join(strings.TrimSpace(string(top)), ".git-blame-ignore-revs")
	old, _ := os.ReadFile(ignore)
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		old = append(old, '\n')
	}
	if err := os.WriteFile(ignore, append(old, b.Bytes()...), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", ignore, err)
	}
	if _, e, err := g.Output(ctx, "add", "--", ignore); err != nil {
		return g.Error("add", err, e)
	}
	if _, e, err := g.Output(ctx, "commit", "-q", "-m", ignoreMsg); err != nil {
		return g.Error("commit", err, e)
	}
	return nil
}

var (
	firstHeading = regexp.MustCompile(`(?m)^#[ \t]+(.+?)[ \t#]*$`)
	htmlTag      = regexp.MustCompile(`<[^>]*>`)
	mdImage      = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdLink       = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
)

// plainText is a heading's text without the HTML, images and link
// targets a README's first line often carries (a build badge).
func plainText(s string) string {
	s = htmlTag.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	return strings.Join(strings.Fields(s), " ")
}

// playbookTOML writes the new playbook.toml from what the old tool's
// configuration said.
func playbookTOML(src string, l *layout, pl *planned, opts Options) string {
	title, description := l.siteTitle, l.description
	for _, p := range pl.pages {
		if p.New != "content/README.md" && p.New != "content/index.md" && p.New != "content/_index.md" {
			continue
		}
		if title == "" {
			if t := p.fmString("title"); t != "" {
				title = t
			} else if m := firstHeading.FindSubmatch(p.body); m != nil {
				title = plainText(string(m[1]))
			}
		}
		if description == "" {
			description = p.fmString("description")
		}
	}
	if title == "" {
		title = filepath.Base(src)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Imported from %s by playbook import; see IMPORT-REPORT.md.\n", l.kind)
	fmt.Fprintf(&b, "title = %s\n", tomlString(title))
	if description != "" {
		fmt.Fprintf(&b, "description = %s\n", tomlString(description))
	}
	if l.baseURL != "" && config.CheckBaseURL(l.baseURL) == nil {
		fmt.Fprintf(&b, "base_url = %s\n", tomlString(l.baseURL))
	}
	if u := originURL(src); u != "" && opts.Dest == "" { // a copy elsewhere is not that repository
		fmt.Fprintf(&b, "\n[repository]\nurl = %s\n", tomlString(u))
		if top, _, err := git(src).Output(context.Background(), "rev-parse", "--show-prefix"); err == nil {
			if prefix := strings.Trim(strings.TrimSpace(string(top)), "/"); prefix != "" {
				fmt.Fprintf(&b, "content_path = %s\n", tomlString(prefix))
			}
		}
	}
	if len(pl.menuOrder) > 0 {
		parts := make([]string, len(pl.menuOrder))
		for i, s := range pl.menuOrder {
			parts[i] = tomlString(s)
		}
		fmt.Fprintf(&b, "\n[menu]\norder = [%s]\n", strings.Join(parts, ", "))
	}
	// The old handbook had no owners or review policy to judge pages by:
	// hundreds of "never reviewed" would bury the real problems.
	b.WriteString("\n[check]\n# Review dates are not judged until owners are set: remove this line then.\nseverity = { review = \"off\" }\n")
	return b.String()
}

var scpLike = regexp.MustCompile(`^(?:[\w.-]+@)?([\w.-]+):(.+?)(?:\.git)?/?$`)

// originURL is the web address of the origin remote, when it has one
// (read from the local configuration: no network).
func originURL(src string) string {
	out, _, err := git(src).Output(context.Background(), "remote", "get-url", "origin")
	if err != nil {
		return ""
	}
	u := strings.TrimSpace(string(out))
	switch {
	case strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://"):
		return strings.TrimSuffix(u, ".git")
	case strings.HasPrefix(u, "ssh://"):
		rest := strings.TrimPrefix(u, "ssh://")
		if at := strings.Index(rest, "@"); at >= 0 {
			rest = rest[at+1:]
		}
		return "https://" + strings.TrimSuffix(rest, ".git")
	}
	if m := scpLike.FindStringSubmatch(u); m != nil && !strings.Contains(u, "://") {
		return "https://" + m[1] + "/" + m[2]
	}
	return ""
}

// ignorePublic adds public/, where playbook build writes the site, to the
// playbook folder's .gitignore when git does not ignore it yet, so that
// a build is never committed; and so the files a build keeps beside it:
// .public.lock (the lock, which stays on Windows) and .public.tmp-* (what
// a killed build left). The conversion's git add -A stages it.
func ignorePublic(src string, res *Result) error {
	var add []string
	for _, p := range []struct{ probe, line string }{{"public/", "public/"}, {".public.lock", ".public.lock"}, {".public.tmp-1/", ".public.tmp-*"}} {
		_, _, err := git(src).Output(context.Background(), "check-ignore", "-q", p.probe)
		if err == nil {
			continue // ignored already
		}
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			return nil // git could not say: leave .gitignore alone
		}
		add = append(add, p.line)
	}
	if len(add) == 0 {
		return nil
	}
	name := filepath.Join(src, ".gitignore")
	old, err := os.ReadFile(name)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if len(old) > 0 && !bytes.HasSuffix(old, []byte("\n")) {
		old = append(old, '\n')
	}
	text := "# playbook build's output, its lock and what a killed build left\n" + strings.Join(add, "\n") + "\n"
	if err := os.WriteFile(name, append(old, text...), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	if add[0] != "public/" {
		return nil // only the build's companions: not worth a note
	}
	res.Files = append(res.Files, FileResult{New: ".gitignore", Action: "changed", Why: "public/ added: playbook build writes the site there"})
	res.Notes = append(res.Notes, Note{File: ".gitignore", Kind: "public/ added", Converted: true, Message: "playbook build writes the site there, which is not committed"})
	res.Counts["public/ added to .gitignore"]++
	return nil
}
