package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// codeownersRepo is a repository with the playbook in its pb/ folder.
var codeownersRepo = map[string]string{
	"README.md": "# Acme\n",
	"pb/playbook.toml": `title = "Test"
[repository]
url = "https://github.com/acme/site"
content_path = "pb"

[owners.sales]
name = "Sales"
team = "@acme/sales"

[owners.marketing]
name = "Marketing"
team = "@acme/marketing"

[owners.legal]
name = "Legal"
`,
	"pb/content/_index.md": "+++\ntitle = \"Home\"\nowners = [\"marketing\", \"sales\"]\n+++\n",
	"pb/content/objections/too-expensive.md": `+++
title = "Too expensive"
says = "It's too expensive."
category = "price"
owners = ["sales", "legal"]
+++
Answer.
`,
}

func TestCodeowners(t *testing.T) {
	repo := fixture.Write(t, codeownersRepo)
	pb := filepath.Join(repo, "pb")

	code, stdout, stderr := runCLI("codeowners", pb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"# BEGIN playbook codeowners\n",
		"#   playbook codeowners --write pb\n",
		"/pb/ @acme/sales @acme/marketing\n",
		"/pb/content/objections/ @acme/sales\n",
		"# END playbook codeowners\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	// The owner without a team is named once, at its line in playbook.toml.
	if want := `playbook.toml:14:1: warning: owner "legal" has no team handle`; strings.Count(stderr, "warning") != 1 || !strings.Contains(stderr, want) {
		t.Errorf("stderr:\n%s\nwant one warning: %s", stderr, want)
	}
	if _, err := os.Stat(filepath.Join(repo, ".github")); err == nil {
		t.Error("printing wrote a file")
	}

	// --write puts it where GitHub looks, in the repository root, with
	// flags before or after the folder.
	code, stdout, stderr = runCLI("codeowners", "--write", pb)
	file := filepath.Join(repo, ".github", "CODEOWNERS")
	data, err := os.ReadFile(file)
	if code != 0 || err != nil || !strings.HasPrefix(stdout, "Wrote 2 rules for ") {
		t.Fatalf("--write: exit %d, %v\n%s%s", code, err, stdout, stderr)
	}
	_, printed, _ := runCLI("codeowners", pb)
	if string(data) != printed {
		t.Errorf("written file differs from the printed rules:\n%s", data)
	}
	if code, stdout, _ = runCLI("codeowners", pb, "--write"); code != 0 || !strings.Contains(stdout, "is up to date") {
		t.Errorf("second --write: exit %d: %s", code, stdout)
	}

	// Rules of the repository's own around the section survive.
	own := "* @acme/admins\n" + string(data) + "/.github/ @acme/admins\n"
	if err := os.WriteFile(file, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(pb, "content", "objections", "too-expensive.md")
	src, _ := os.ReadFile(page)
	if err := os.WriteFile(page, []byte(strings.Replace(string(src), `["sales", "legal"]`, `["marketing"]`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr = runCLI("codeowners", "--write", pb); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, _ = os.ReadFile(file)
	if !strings.HasPrefix(string(data), "* @acme/admins\n# BEGIN") || !strings.HasSuffix(string(data), "# END playbook codeowners\n/.github/ @acme/admins\n") ||
		!strings.Contains(string(data), "/pb/content/objections/ @acme/marketing\n") {
		t.Errorf("after an owner change:\n%s", data)
	}

	// A hand-written CODEOWNERS is not overwritten.
	if err := os.WriteFile(file, []byte("* @acme/admins\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI("codeowners", "--write", pb)
	if data, _ := os.ReadFile(file); code != 1 || !strings.Contains(stderr, "was not written by playbook codeowners") || string(data) != "* @acme/admins\n" {
		t.Errorf("hand-written file: exit %d, %s, file now %q", code, stderr, data)
	}
}

func TestCodeownersErrors(t *testing.T) {
	t.Run("content_path does not match the folder", func(t *testing.T) {
		files := map[string]string{}
		for k, v := range codeownersRepo {
			files[strings.Replace(k, "pb/", "handbook/", 1)] = v
		}
		repo := fixture.Write(t, files)
		code, _, stderr := runCLI("codeowners", "--write", filepath.Join(repo, "handbook"))
		if code != 1 || !strings.Contains(stderr, `playbook.toml:4:1: error: repository.content_path is "pb", but the playbook is in`) {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
		if code, _, _ := runCLI("codeowners", filepath.Join(repo, "handbook")); code != 0 {
			t.Errorf("printing needs no location, got exit %d", code)
		}
	})
	t.Run("content errors write nothing", func(t *testing.T) {
		repo := fixture.Write(t, codeownersRepo)
		bad := filepath.Join(repo, "pb", "content", "objections", "bad.md")
		if err := os.WriteFile(bad, []byte("+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nowners = [\"sails\"]\n+++\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runCLI("codeowners", "--write", filepath.Join(repo, "pb"))
		if code != 1 || !strings.Contains(stderr, `content/objections/bad.md:5:11: error: unknown owner "sails"`) || !strings.Contains(stderr, "CODEOWNERS was not written") {
			t.Errorf("exit %d:\n%s", code, stderr)
		}
		if _, err := os.Stat(filepath.Join(repo, ".github")); err == nil {
			t.Error("wrote CODEOWNERS despite errors")
		}
	})
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"codeowners", "a", "b"}, 2, "expected one playbook folder, got 2"},
		{[]string{"codeowners", "--wirte"}, 2, "flag provided but not defined: -wirte"},
		{[]string{"codeowners", "no-such-folder"}, 2, "no playbook folder no-such-folder"},
		{[]string{"codeowners", "-h"}, 0, "Usage: playbook codeowners [DIR] [--write]"},
		{[]string{"help", "codeowners"}, 0, "Only the lines between"},
	} {
		code, _, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, want %d; stderr:\n%s\nwant %q", c.args, code, c.code, stderr, c.want)
		}
	}
	if _, stdout, _ := runCLI("help"); !strings.Contains(stdout, "  codeowners  ") {
		t.Errorf("help does not list codeowners:\n%s", stdout)
	}
}

// TestSampleWorkflow reads the sample playbook's GitHub Actions workflow
// and checks the steps the README promises.
func TestSampleWorkflow(t *testing.T) {
	src, err := os.ReadFile("../../playbook/.github/workflows/playbook.yml")
	if err != nil {
		t.Fatal(err)
	}
	type step struct {
		ID   string            `yaml:"id"`
		Uses string            `yaml:"uses"`
		Run  string            `yaml:"run"`
		If   string            `yaml:"if"`
		With map[string]string `yaml:"with"`
	}
	type job struct {
		If          string            `yaml:"if"`
		Needs       any               `yaml:"needs"`
		Permissions map[string]string `yaml:"permissions"`
		Concurrency struct {
			Group            string `yaml:"group"`
			CancelInProgress any    `yaml:"cancel-in-progress"`
		} `yaml:"concurrency"`
		Environment struct {
			Name string `yaml:"name"`
		} `yaml:"environment"`
		Steps []step `yaml:"steps"`
	}
	var wf struct {
		On   map[string]any    `yaml:"on"`
		Env  map[string]string `yaml:"env"`
		Jobs map[string]job    `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(src, &wf); err != nil {
		t.Fatal(err)
	}
	if _, ok := wf.On["pull_request"]; !ok {
		t.Error("does not run on pull requests")
	}
	if push, _ := wf.On["push"].(map[string]any); push == nil || !strings.Contains(strings.ReplaceAll(strings.TrimSpace(fmtAny(push["branches"])), " ", ""), "main") {
		t.Errorf("does not run on pushes to main: %v", wf.On["push"])
	}
	if wf.Env["PLAYBOOK_DIR"] != "." {
		t.Errorf("PLAYBOOK_DIR = %q, want . (the sample is a repository root)", wf.Env["PLAYBOOK_DIR"])
	}
	find := func(j job, pred func(step) bool) (step, bool) {
		for _, s := range j.Steps {
			if pred(s) {
				return s, true
			}
		}
		return step{}, false
	}
	uses := func(name string) func(step) bool {
		return func(s step) bool { return strings.HasPrefix(s.Uses, name+"@") }
	}
	runs := func(cmd string) func(step) bool {
		return func(s step) bool { return strings.Contains(s.Run, cmd) }
	}

	check := wf.Jobs["check"]
	if !strings.Contains(check.If, "pull_request") {
		t.Errorf("check job if = %q", check.If)
	}
	for name, pred := range map[string]func(step) bool{
		"checkout": uses("actions/checkout"),
		"setup-go": uses("actions/setup-go"),
		"install":  runs(`go install "github.com/playbook-ssg/playbook/cmd/playbook@${PLAYBOOK_VERSION}"`),
		"check":    runs(`playbook check "$PLAYBOOK_DIR" --format github`),
		"build":    runs(`playbook build "$PLAYBOOK_DIR"`),
	} {
		if _, ok := find(check, pred); !ok {
			t.Errorf("check job has no %s step", name)
		}
	}
	if s, _ := find(check, uses("actions/setup-go")); s.With["go-version"] != "1.26" {
		t.Errorf("setup-go go-version = %q", s.With["go-version"])
	}

	build := wf.Jobs["build"]
	if s, ok := find(build, uses("actions/checkout")); !ok || s.With["fetch-depth"] != "0" {
		t.Errorf("build job checkout: %+v", s)
	}
	if _, ok := find(build, runs(`playbook build "$PLAYBOOK_DIR"`)); !ok {
		t.Error("build job does not build")
	}
	if _, ok := find(build, uses("actions/upload-pages-artifact")); !ok {
		t.Error("build job does not upload the Pages artifact")
	}
	deploy := wf.Jobs["deploy"]
	if _, ok := find(deploy, uses("actions/deploy-pages")); !ok {
		t.Error("deploy job does not deploy to Pages")
	}
	if deploy.Permissions["pages"] != "write" || deploy.Permissions["id-token"] != "write" {
		t.Errorf("deploy permissions = %v", deploy.Permissions)
	}
	if deploy.Concurrency.Group == "" || deploy.Environment.Name != "github-pages" || fmtAny(deploy.Needs) != "build" {
		t.Errorf("deploy job: %+v", deploy)
	}
}

func fmtAny(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var parts []string
		for _, x := range v {
			parts = append(parts, fmtAny(x))
		}
		return strings.Join(parts, ",")
	}
	return ""
}
