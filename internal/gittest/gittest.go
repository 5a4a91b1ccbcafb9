// Package gittest makes real git repositories for tests, through the git
// command line, shielded from the user's git configuration so that hashes,
// dates and authors are the same on every machine.
package gittest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Isolate shields every git process the test starts, including those the
// code under test starts, from the user's and the system's git
// configuration: HOME and XDG_CONFIG_HOME point at an empty temporary
// folder. It skips the test when git is not installed. Since it uses
// t.Setenv, the test cannot run in parallel. It returns HOME, where a test
// may write a .gitconfig of its own.
func Isolate(tb testing.TB) (home string) {
	tb.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		tb.Skip("git is not installed")
	}
	home = tb.TempDir()
	tb.Setenv("HOME", home)
	tb.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	tb.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	tb.Setenv("GIT_CONFIG_GLOBAL", filepath.Join(home, ".gitconfig"))
	// Inherited variables that would point git elsewhere (set, for
	// instance, when tests run from a git hook).
	for _, v := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CEILING_DIRECTORIES"} {
		unsetenv(tb, v)
	}
	return home
}

func unsetenv(tb testing.TB, k string) {
	tb.Helper()
	old, ok := os.LookupEnv(k)
	if !ok {
		return
	}
	tb.Setenv(k, old) // registers the restore
	os.Unsetenv(k)
}

// Repo is a git repository in a temporary folder.
type Repo struct {
	tb   testing.TB
	Dir  string // the work tree
	Home string // HOME, where a test may write a .gitconfig
}

// New isolates the test (see Isolate) and runs git init -b main in a new
// temporary folder.
func New(tb testing.TB) *Repo {
	tb.Helper()
	home := Isolate(tb)
	r := &Repo{tb: tb, Dir: tb.TempDir(), Home: home}
	r.Git("init", "-q", "-b", "main")
	return r
}

// Git runs git in the repository with the given arguments and returns its
// standard output; a failure fails the test.
func (r *Repo) Git(args ...string) string {
	r.tb.Helper()
	return r.GitEnv(nil, args...)
}

// GitEnv is Git with extra environment variables ("NAME=value").
func (r *Repo) GitEnv(env []string, args ...string) string {
	r.tb.Helper()
	return RunIn(r.tb, r.Dir, env, nil, args...)
}

// RunIn runs git in dir with extra environment variables and standard
// input, failing the test when git fails.
func RunIn(tb testing.TB, dir string, env []string, stdin []byte, args ...string) string {
	tb.Helper()
	cmd := exec.Command("git", append([]string{"-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.String()
}

// Write creates or replaces a file in the work tree (name with forward
// slashes), making its folders.
func (r *Repo) Write(name, content string) {
	r.tb.Helper()
	p := filepath.Join(r.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		r.tb.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		r.tb.Fatal(err)
	}
}

// Commit stages every change in the work tree (git add -A) and commits it
// as author (name, with a made-up e-mail address) at when, which is also
// the commit date. It returns the commit's hash.
func (r *Repo) Commit(author string, when time.Time, msg string) string {
	r.tb.Helper()
	r.Git("add", "-A")
	r.GitEnv(Env(author, when), "commit", "-q", "--allow-empty", "-m", msg)
	return strings.TrimSpace(r.Git("rev-parse", "HEAD"))
}

// Env returns the variables that make author and committer name, e-mail
// and date fixed.
func Env(author string, when time.Time) []string {
	email := strings.ToLower(strings.ReplaceAll(author, " ", ".")) + "@example.com"
	date := when.Format(time.RFC3339)
	return []string{
		"GIT_AUTHOR_NAME=" + author, "GIT_AUTHOR_EMAIL=" + email, "GIT_AUTHOR_DATE=" + date,
		"GIT_COMMITTER_NAME=" + author, "GIT_COMMITTER_EMAIL=" + email, "GIT_COMMITTER_DATE=" + date,
	}
}
