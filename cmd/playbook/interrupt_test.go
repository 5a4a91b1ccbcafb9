package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/output"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// runMainEnv makes the test binary run the command line instead of the
// tests, so that tests can signal a real playbook process.
const runMainEnv = "PLAYBOOK_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// playbookProcess starts `playbook args...` as a process of its own.
func playbookProcess(t *testing.T, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), runMainEnv+"=1", "PLAYBOOK_CACHE_DIR="+t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &stderr
}

// beside lists the entries of dir other than keep.
func beside(dir string, keep ...string) []string {
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		if !strings.Contains(strings.Join(keep, "\x00"), e.Name()) {
			names = append(names, e.Name())
		}
	}
	return names
}

// TestSignalRemovesTheUnfinishedOutput: Ctrl-C or SIGTERM in the middle of
// writing the site removes the temporary folder beside the output, leaves
// the previous output as it was, and exits 130 or 143 with one line
// (before, the folder stayed for an hour, up to 138 MB of it).
func TestSignalRemovesTheUnfinishedOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a playbook of 600 pages twice")
	}
	dir := fixture.Write(t, manyPages(600))
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	if code, _, stderr := runCLI("build", dir, "-o", out, "--latest-only"); code != 0 {
		t.Fatalf("first build: %d %s", code, stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		name string
	}{{syscall.SIGINT, 130, "Ctrl-C (SIGINT)"}, {syscall.SIGTERM, 143, "SIGTERM"}} {
		t.Run(c.sig.String(), func(t *testing.T) {
			cmd, stderr := playbookProcess(t, "build", dir, "-o", out, "--latest-only")
			if !waitForStaging(parent, 50, 60*time.Second) {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("the build never wrote 50 pages into a temporary folder: %s", stderr)
			}
			if err := cmd.Process.Signal(c.sig); err != nil {
				t.Fatal(err)
			}
			cmd.Wait()
			if got := cmd.ProcessState.ExitCode(); got != c.code {
				t.Errorf("exit code %d (%s), want %d", got, cmd.ProcessState, c.code)
			}
			want := fmt.Sprintf("playbook build: interrupted by %s; the unfinished output was removed and %s left as it was\n", c.name, out)
			if stderr.String() != want {
				t.Errorf("stderr = %q, want %q", stderr, want)
			}
			if left := beside(parent, "public"); len(left) > 0 {
				t.Errorf("left beside the output: %v", left)
			}
			if now, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Equal(now, before) {
				t.Errorf("the previous output changed")
			}
		})
	}
}

// manyPages is a playbook of n plain pages, which takes a while to build.
func manyPages(n int) map[string]string {
	files := map[string]string{}
	for k, v := range smallPlaybook {
		files[k] = v
	}
	files["content/guides/_index.md"] = "+++\ntitle = \"Guides\"\n+++\n"
	para := strings.Repeat("A buyer who hears the price first asks what it is worth; answer with the value. ", 12)
	for i := range n {
		files[fmt.Sprintf("content/guides/g%d/page-%d.md", i%20, i)] = fmt.Sprintf("+++\ntitle = \"Guide %d\"\n+++\n## One\n\n%s\n\n## Two\n\n%s\n", i, para, para)
	}
	return files
}

// waitForStaging waits until a temporary folder beside the output holds n
// pages or more, reporting whether it did.
func waitForStaging(parent string, n int, limit time.Duration) bool {
	for end := time.Now().Add(limit); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
		for _, name := range beside(parent, "public") {
			if strings.HasPrefix(name, ".public.tmp-") && !strings.HasSuffix(name, ".old") {
				pages, _ := filepath.Glob(filepath.Join(parent, name, "guides", "*", "*", "index.html"))
				if len(pages) >= n {
					return true
				}
			}
		}
	}
	return false
}

// TestKilledBuildLeftoversRemoved: what a build killed with kill -9 left,
// its temporary folder and the previous output it was deleting (both
// marked), is removed by the next build at once, not an hour later.
func TestKilledBuildLeftoversRemoved(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	for _, name := range []string{".public.tmp-123", ".public.tmp-456.old"} {
		os.MkdirAll(filepath.Join(parent, name, "objections", "x"), 0o755)
		os.WriteFile(filepath.Join(parent, name, "objections", "x", "index.html"), []byte("x"), 0o644)
		os.WriteFile(filepath.Join(parent, name, output.Marker), []byte("x"), 0o644)
	}
	if code, _, stderr := runCLI("build", dir, "-o", out, "--latest-only"); code != 0 {
		t.Fatalf("build: %d %s", code, stderr)
	}
	if left := beside(parent, "public"); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

// TestBuildWaitsForAnotherBuild: while another build holds the output, a
// build says it waits, for whom, and gives up after PLAYBOOK_LOCK_WAIT
// with exit 1, leaving the output alone.
func TestBuildWaitsForAnotherBuild(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	out := filepath.Join(t.TempDir(), "public")
	held, err := output.Begin(context.Background(), out, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Abort()
	t.Setenv("PLAYBOOK_LOCK_WAIT", "0.3")
	code, _, stderr := runCLI("build", dir, "-o", out, "--latest-only")
	pid := os.Getpid()
	want := fmt.Sprintf("playbook build: waiting for another build (pid %d) of %s to finish…\n"+
		"playbook build: another build (pid %d) is writing %s and did not finish within 300ms: wait for it to end and build again, or set PLAYBOOK_LOCK_WAIT to wait longer\n", pid, out, pid, out)
	if code != 1 || stderr != want {
		t.Errorf("build = %d\n%s\nwant 1\n%s", code, stderr, want)
	}
	t.Setenv("PLAYBOOK_LOCK_WAIT", "soon")
	if code, _, stderr := runCLI("build", dir, "-o", out, "--latest-only"); code != 2 || !strings.Contains(stderr, `PLAYBOOK_LOCK_WAIT="soon": write a duration such as 30s or 5m`) {
		t.Errorf("bad PLAYBOOK_LOCK_WAIT: %d %s", code, stderr)
	}
}

// TestConcurrentBuildsIntoOneOutput: 20 builds into one output at once
// all succeed, one after the other (before, about 1 in 20 failed with
// "rename: file exists"), and leave nothing beside it.
func TestConcurrentBuildsIntoOneOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 20 builds")
	}
	dir := fixture.Write(t, smallPlaybook)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			cmd, stderr := playbookProcess(t, "build", dir, "-o", out, "--latest-only")
			if err := cmd.Wait(); err != nil {
				t.Errorf("build %d: %v\n%s", i, err, stderr)
			} else if s := stderr.String(); strings.Contains(s, "error") || strings.Contains(s, "rename") {
				t.Errorf("build %d said: %s", i, s)
			}
		})
	}
	wg.Wait()
	if left := beside(parent, "public"); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Errorf("no site: %v", err)
	}
}
