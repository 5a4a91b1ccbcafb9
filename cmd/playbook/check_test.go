package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

func TestCheckExitCodes(t *testing.T) {
	broken := "../../generator/check/testdata/broken"
	warnings := "../../generator/check/testdata/warnings"
	for _, c := range []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"check", "../../playbook", "--today", "2026-11-25"}, 0, "No problems found."},
		{[]string{"check", broken, "--today", "2026-11-25"}, 1, "15 errors and 4 warnings in 10 files."},
		{[]string{"check", warnings, "--today", "2026-11-25"}, 0, "0 errors and 1 warning in 1 file."},
		{[]string{"check", warnings, "--today", "2026-11-25", "--strict"}, 1, "0 errors and 1 warning"},
		{[]string{"check", warnings, "--format", "yaml"}, 2, ""},
		{[]string{"check", warnings, "--today", "26/11/2026"}, 2, ""},
		{[]string{"check", warnings, "--today", "2026-02-30"}, 2, ""},
		{[]string{"check", "no-such-folder"}, 2, ""},
	} {
		code, out, errs := runCLI(c.args...)
		if code != c.code || !strings.Contains(out, c.out) {
			t.Errorf("%v: exit %d, want %d; stdout %q, stderr %q", c.args, code, c.code, out, errs)
		}
	}
}

// A new user breaks a link and a front matter field in the sample and
// gets both, with their lines, from one run.
func TestCheckReportsEverythingAtOnce(t *testing.T) {
	dir := fixture.Copy(t, "../../playbook")
	page := filepath.Join(dir, "content", "objections", "too-expensive.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "category = ", "categroy = ", 1)
	text = strings.Replace(text, "](../closing-tools/roi-workshop.md", "](../closing-tools/roi-workshops.md", 1)
	if err := os.WriteFile(page, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI("check", dir, "--today", "2026-11-25", "--format", "json")
	var report struct {
		Errors      int
		Diagnostics []struct {
			File, Rule, Message string
			Line, Column        int
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	lines := strings.Split(text, "\n")
	lineOf := func(s string) int {
		for i, l := range lines {
			if strings.Contains(l, s) {
				return i + 1
			}
		}
		return -1
	}
	want := map[string]int{"front-matter": lineOf("categroy"), "link": lineOf("roi-workshops.md")}
	for _, d := range report.Diagnostics {
		if l, ok := want[d.Rule]; ok && d.File == "content/objections/too-expensive.md" && d.Line == l {
			delete(want, d.Rule)
		}
	}
	if code != 1 || len(want) > 0 {
		t.Errorf("exit %d; not reported at the right line: %v\n%s", code, want, out)
	}
}

func TestBuildStrict(t *testing.T) {
	warnings := "../../generator/check/testdata/warnings"
	out := filepath.Join(t.TempDir(), "site")
	if code, _, errs := runCLI("build", warnings, "-o", out, "--today", "2026-11-25", "--strict"); code != 1 || !strings.Contains(errs, "never reviewed") {
		t.Errorf("strict build with a warning: exit %d, %s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed strict build wrote its output")
	}
	if code, _, errs := runCLI("build", warnings, "-o", out, "--today", "2026-11-25"); code != 0 {
		t.Errorf("build without --strict: exit %d, %s", code, errs)
	}
	if code, _, errs := runCLI("build", "../../playbook", "-o", filepath.Join(t.TempDir(), "s"), "--today", "2026-11-25", "--strict"); code != 0 {
		t.Errorf("strict build of the sample: exit %d, %s", code, errs)
	}
}
