package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// samplePlaybook copies the sample into a temporary folder and appends
// text to one of its pages.
func samplePlaybook(t *testing.T, page, text string) string {
	t.Helper()
	dir := fixture.Copy(t, "../../playbook")
	fixture.Append(t, dir, page, text)
	return dir
}

// A playbook adopts a baseline: its old broken anchors are known and
// pass, a new broken link fails, and the build builds.
func TestBaselineExitCodes(t *testing.T) {
	const page = "content/brand/colours.md"
	dir := samplePlaybook(t, page, "\nSee [the rules](#contrast-rule) and [x](#nothing-like-it).\n")
	today := "--today=2026-11-25"
	if code, out, _ := runCLI("check", dir, today); code != 1 || !strings.Contains(out, "2 errors") {
		t.Fatalf("before the baseline: exit %d\n%s", code, out)
	}
	if code, _, errs := runCLI("build", dir, "--latest-only", today); code != 1 || !strings.Contains(errs, "#contrast-rule") {
		t.Fatalf("build before the baseline: exit %d\n%s", code, errs)
	}
	code, out, errs := runCLI("check", dir, today, "--update-baseline")
	if code != 0 || !strings.Contains(out, "Recorded 2 problems in .playbook-baseline.json") {
		t.Fatalf("--update-baseline: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCLI("check", dir, today)
	if code != 0 || !strings.Contains(out, "(in baseline)") || !strings.Contains(out, "2 known problems left in .playbook-baseline.json") {
		t.Errorf("with the baseline: exit %d\n%s", code, out)
	}
	if code, out, _ = runCLI("check", dir, today, "--strict"); code != 0 {
		t.Errorf("known problems failed --strict: exit %d\n%s", code, out)
	}
	code, out, errs = runCLI("build", dir, "--latest-only", today)
	if code != 0 || !strings.Contains(errs, "2 known problems left") || !strings.Contains(out, "Built") {
		t.Errorf("build with the baseline: exit %d\n%s%s", code, out, errs)
	}
	// A build counts known problems rather than listing them; -v lists them.
	if strings.Contains(errs, "(in baseline)") {
		t.Errorf("build listed known problems:\n%s", errs)
	}
	if _, _, errs = runCLI("build", dir, "--latest-only", "-v", today); !strings.Contains(errs, "(in baseline)") {
		t.Errorf("build -v did not list known problems:\n%s", errs)
	}
	// Lines inserted above keep the problems known; a new one fails.
	src, _ := os.ReadFile(filepath.Join(dir, page))
	text := strings.Replace(string(src), "## How to use the palette", "Intro.\n\nMore.\n\n## How to use the palette", 1)
	os.WriteFile(filepath.Join(dir, page), []byte(text+"\nA [new](missing.md) link.\n"), 0o644)
	code, out, _ = runCLI("check", dir, today, "--format", "json")
	var report struct {
		Errors, Known int
		Diagnostics   []struct {
			Rule, Message string
			Known         bool
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	if code != 1 || report.Errors != 1 || report.Known != 2 {
		t.Errorf("a new broken link: exit %d, %d errors, %d known\n%s", code, report.Errors, report.Known, out)
	}
}

// check --fix fixes the anchor with one close heading and a date written
// 12 March 2026, leaves an ambiguous date alone and says why.
func TestCheckFix(t *testing.T) {
	const page = "content/brand/colours.md"
	dir := samplePlaybook(t, page, "\nSee [the rules](#contrast-rule) and [x](#nothing-like-it).\n")
	file := filepath.Join(dir, page)
	src, _ := os.ReadFile(file)
	os.WriteFile(file, []byte(strings.Replace(string(src), "reviewed = 2026-08-20", `reviewed = "20 August 2026"`, 1)), 0o644)
	persona := filepath.Join(dir, "content", "personas", "cfo.md")
	psrc, err := os.ReadFile(persona)
	if err != nil {
		t.Skip("sample changed: no cfo persona")
	}
	ambiguous := strings.Replace(string(psrc), "reviewed: 2026-09-30", "reviewed: 03/12/2026", 1)
	os.WriteFile(persona, []byte(ambiguous), 0o644)

	code, out, errs := runCLI("check", dir, "--today=2026-11-25", "--fix", "--format", "json")
	var report struct {
		Fixed []struct {
			File, Old, New string
			Line           int
		}
		Diagnostics []struct{ File, Rule, Message string }
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("%v\n%s%s", err, out, errs)
	}
	if code != 1 || len(report.Fixed) != 2 {
		t.Fatalf("exit %d, fixed %+v\n%s", code, report.Fixed, out)
	}
	got, _ := os.ReadFile(file)
	if !strings.Contains(string(got), `reviewed = "2026-08-20"`) || !strings.Contains(string(got), "[the rules](#contrast-rules)") {
		t.Errorf("page after --fix:\n%s", got)
	}
	left := ""
	for _, d := range report.Diagnostics {
		left += d.File + ": " + d.Rule + ": " + d.Message + "\n"
	}
	if strings.Contains(left, "contrast-rule") || !strings.Contains(left, "#nothing-like-it") || !strings.Contains(left, "could be day 3 of month 12 or day 12 of month 3") {
		t.Errorf("left after --fix:\n%s", left)
	}
	if p, _ := os.ReadFile(persona); string(p) != ambiguous {
		t.Errorf("the ambiguous date was changed")
	}
}
