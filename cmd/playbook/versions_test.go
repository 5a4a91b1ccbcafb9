package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/internal/gittest"
)

func TestBuildVersionsFromTags(t *testing.T) {
	r := gittest.New(t)
	for name, text := range smallPlaybook {
		r.Write(name, text)
	}
	when := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	r.Commit("Ann", when, "v1")
	r.Git("tag", "v1")
	r.Write("content/objections/too-expensive.md", strings.Replace(smallPlaybook["content/objections/too-expensive.md"], "Answer.", "A better answer.", 1))
	r.Commit("Ann", when.AddDate(0, 1, 0), "v2")
	r.Git("tag", "v2#beta") // a character unsafe in URLs
	out := filepath.Join(t.TempDir(), "site")
	cache := t.TempDir()

	code, stdout, stderr := runCLI("build", r.Dir, "-o", out, "--cache-dir", cache)
	if code != 0 || !strings.Contains(stdout, "Built 3 pages and 2 older versions in") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, page := range []string{"v/v1/objections/too-expensive/index.html", "v/v2-beta/objections/too-expensive/index.html"} {
		if _, err := os.Stat(filepath.Join(out, page)); err != nil {
			t.Errorf("version not built: %v", err)
		}
	}
	code, stdout, _ = runCLI("build", r.Dir, "-o", out, "--cache-dir", cache, "-v")
	if code != 0 || !strings.Contains(stdout, "2 unchanged versions carried over") {
		t.Errorf("second build: exit %d, %s", code, stdout)
	}
	code, stdout, _ = runCLI("build", r.Dir, "-o", out, "--latest-only")
	if code != 0 || strings.Contains(stdout, "older version") {
		t.Errorf("--latest-only: exit %d, %s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(out, "v")); err == nil {
		t.Errorf("--latest-only left the versions in place")
	}

	// A tag that does not build fails the build, naming tag, file and
	// line, unless --keep-going.
	r.Write("content/objections/too-expensive.md", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"nope\"\n+++\n")
	r.Commit("Ann", when.AddDate(0, 2, 0), "broken")
	r.Git("tag", "v3")
	r.Write("content/objections/too-expensive.md", smallPlaybook["content/objections/too-expensive.md"])
	code, _, stderr = runCLI("build", r.Dir, "-o", out, "--cache-dir", cache)
	if code != 1 || !strings.Contains(stderr, "v3:content/objections/too-expensive.md:4:") || !strings.Contains(stderr, "--keep-going") {
		t.Errorf("broken tag: exit %d, want 1 naming v3:content/objections/too-expensive.md:4\n%s", code, stderr)
	}
	code, stdout, stderr = runCLI("build", r.Dir, "-o", out, "--cache-dir", cache, "--keep-going")
	if code != 0 || !strings.Contains(stderr, "warning") || !strings.Contains(stdout, "and 2 older versions") {
		t.Errorf("--keep-going: exit %d\n%s%s", code, stdout, stderr)
	}
}
