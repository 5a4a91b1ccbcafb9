package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/internal/fixture"
)

// smallPlaybook is a small valid playbook: the tests add one bad file to it.
var smallPlaybook = map[string]string{
	"playbook.toml": `title = "Test"
[owners.sales]
name = "Sales"
`,
	"content/_index.md": "+++\ntitle = \"Home\"\n+++\nHello.\n",
	"content/objections/too-expensive.md": `+++
title = "Too expensive"
says = "It's too expensive."
category = "price"
owners = ["sales"]
+++
Answer.
`,
}

func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestBadFrontMatter(t *testing.T) {
	cases := []struct {
		name, file, text, want string
	}{
		{"bad TOML", "content/objections/bad.md", "+++\ntitle = \"Unclosed\nsays = \"x\"\n+++\n",
			`content/objections/bad.md:2:`},
		{"bad YAML", "content/objections/bad.md", "---\ntitle: Fine\nsays: [unclosed\ncategory: price\n---\n",
			`content/objections/bad.md:3: error: invalid YAML front matter`},
		{"wrong type", "content/objections/bad.md", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nweight = \"heavy\"\n+++\n",
			`content/objections/bad.md:5:1: error: weight must be a whole number, not text`},
		{"wrong type YAML", "content/objections/bad.md", "---\ntitle: T\nsays: x\ncategory: price\ndraft: maybe\n---\n",
			`content/objections/bad.md:5:1: error: draft must be true or false, not text`},
		{"unknown kind", "content/guides/bad.md", "+++\ntitle = \"T\"\nkind = \"objectoin\"\n+++\n",
			`content/guides/bad.md:3:1: error: unknown kind "objectoin": use one of page, objection, closing-tool, term, persona, play, brand (did you mean "objection"?)`},
		{"missing required field", "content/objections/bad.md", "+++\ntitle = \"T\"\ncategory = \"price\"\n+++\n",
			`content/objections/bad.md:1:1: error: missing required field "says"`},
		{"empty title", "content/guides/bad.md", "---\ntitle: \"\"\ndescription: no title\n---\n",
			`content/guides/bad.md:2:1: error: title is empty: fill in the page title`},
		{"bad date", "content/objections/bad.md", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nreviewed = \"last week\"\n+++\n",
			`content/objections/bad.md:5:1: error: reviewed: "last week" is not a date: write it as YYYY-MM-DD`},
		{"bad date YAML", "content/objections/bad.md", "---\ntitle: T\nsays: x\ncategory: price\nreviewed: 2026-13-45\n---\n",
			`content/objections/bad.md:5:1: error: reviewed: "2026-13-45" is not a date`},
		{"unknown owner", "content/objections/bad.md", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nowners = [\"sales\", \"sails\"]\n+++\n",
			`content/objections/bad.md:5:20: error: unknown owner "sails": declare it under [owners.sails] in playbook.toml, or use one of: sales (did you mean "sales"?)`},
		{"unknown owner YAML list", "content/objections/bad.md", "---\ntitle: T\nsays: x\ncategory: price\nowners:\n  - sales\n  - legal\n---\n",
			`content/objections/bad.md:7:5: error: unknown owner "legal"`},
		{"unknown field", "content/objections/bad.md", "+++\ntitle = \"T\"\nsayz = \"x\"\nsays = \"x\"\ncategory = \"price\"\n+++\n",
			`content/objections/bad.md:3:1: error: unknown field "sayz" (did you mean "says"?)`},
		{"bad category", "content/objections/bad.md", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"prize\"\n+++\n",
			`content/objections/bad.md:4:1: error: category "prize" is not one of: price, timing, competitor, authority, need, risk (did you mean "price"?)`},
		{"unclosed front matter", "content/objections/bad.md", "+++\ntitle = \"T\"\n",
			`content/objections/bad.md:1:1: error: front matter opened with "+++" is never closed`},
		{"typed page with one of its fields", "content/objections/bad.md", "---\navoid: [discounts]\n---\n# Just markdown\n",
			`content/objections/bad.md:1:1: error: missing required field "says"`},
		{"not UTF-8", "content/guides/bad.md", "\xff\xfe+\x00+\x00",
			`content/guides/bad.md:1:1: error: the file is not UTF-8 text`},
		{"two section pages", "content/README.md", "# Read me\n",
			`content/README.md:1:1: error: this folder has 2 section pages: _index.md, README.md`},
		{"URL-unsafe file name", "content/objections/50% off?.md", "+++\ntitle = \"T\"\n+++\n",
			`content/objections/50% off?.md: error: file or folder name has "%", which breaks its URL`},
		{"missing relation", "content/objections/bad.md", "+++\ntitle = \"T\"\nsays = \"x\"\ncategory = \"price\"\nclosing_tools = [\"pilot\"]\n+++\n",
			`content/objections/bad.md:5:18: error: closing_tools names "pilot", but there is no closing-tool page with that file name`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := fixture.Write(t, smallPlaybook)
			out := filepath.Join(t.TempDir(), "site")
			if code, _, stderr := runCLI("build", dir, "-o", out); code != 0 {
				t.Fatalf("first build failed (%d): %s", code, stderr)
			}
			before, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			fixture.WriteFile(t, dir, c.file, c.text)
			code, _, stderr := runCLI("build", dir, "-o", out)
			if code != 1 {
				t.Errorf("exit status %d, want 1", code)
			}
			if !strings.Contains(stderr, c.want) {
				t.Errorf("stderr:\n%s\nwant it to contain:\n%s", stderr, c.want)
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "panic") {
				t.Errorf("stack trace in output:\n%s", stderr)
			}
			after, err := os.ReadFile(filepath.Join(out, "index.html"))
			if err != nil || !bytes.Equal(before, after) {
				t.Errorf("previous output was not left intact (err %v)", err)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 1 {
				t.Errorf("temporary folders left beside the output: %v", entries)
			}
		})
	}
}

func TestAllErrorsReportedTogether(t *testing.T) {
	files := map[string]string{}
	for k, v := range smallPlaybook {
		files[k] = v
	}
	files["content/objections/a.md"] = "+++\ntitle = \"A\"\ncategory = \"price\"\n+++\n"
	files["content/objections/b.md"] = "+++\ntitle = \"B\"\nsays = \"x\"\ncategory = \"price\"\nweight = \"x\"\n+++\n"
	dir := fixture.Write(t, files)
	code, _, stderr := runCLI("build", dir, "-o", filepath.Join(t.TempDir(), "out"))
	if code != 1 || !strings.Contains(stderr, "content/objections/a.md:1") || !strings.Contains(stderr, "content/objections/b.md:5") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "playbook build: 2 errors") {
		t.Errorf("summary does not count 2 errors:\n%s", stderr)
	}
}

func TestConfigErrors(t *testing.T) {
	cases := []struct{ name, config, want string }{
		{"unknown key", "title = \"T\"\nbase_ulr = \"https://x/\"\n", `playbook.toml:2:1: error: unknown key "base_ulr" (did you mean "base_url"?)`},
		{"unknown nested key", "title = \"T\"\n\n[owners.sales]\nname = \"Sales\"\nteem = \"@x/y\"\n", `playbook.toml:5:1: error: unknown key "owners.sales.teem" (did you mean "team"?)`},
		{"bad TOML", "title = \"T\n", `playbook.toml:1:`},
		{"wrong type", "title = 3\n", `playbook.toml:1:9: error: title must be text, not a number: put it in quotes`},
		{"bad interval", "[review]\nevery = \"soon\"\n", `playbook.toml:2:1: error: review.every: "soon" is not an interval`},
		{"bad colour", "[[brand.colours]]\nname = \"Blue\"\nhex = \"blue\"\n", `playbook.toml:3:1: error: brand colour "Blue": hex "blue" is not a colour`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{}
			for k, v := range smallPlaybook {
				files[k] = v
			}
			files["playbook.toml"] = c.config
			files["content/objections/too-expensive.md"] = "+++\ntitle = \"x\"\nsays = \"x\"\ncategory = \"price\"\n+++\n"
			dir := fixture.Write(t, files)
			code, _, stderr := runCLI("build", dir, "-o", filepath.Join(t.TempDir(), "out"))
			if code != 1 || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d, stderr:\n%s\nwant: %s", code, stderr, c.want)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{nil, 2, "Usage:"},
		{[]string{"biuld"}, 2, `unknown command "biuld" (did you mean "build"?)`},
		{[]string{"build", "--nope"}, 2, "flag provided but not defined: -nope"},
		{[]string{"build", dir, "--audience", "public"}, 2, `--audience "public": use internal or external`},
		{[]string{"build", dir, "other"}, 2, "expected one playbook folder, got 2"},
		{[]string{"build", "-h"}, 0, "Usage: playbook build"},
		{[]string{"help"}, 0, "Commands:"},
		{[]string{"help", "build"}, 0, "Usage: playbook build"},
		{[]string{"help", "help"}, 0, "Commands:"},
		{[]string{"help", "-h"}, 0, "Commands:"},
		{[]string{"--help", "-h"}, 0, "Commands:"},
		{[]string{"help", "biuld"}, 2, `unknown command "biuld" (did you mean "build"?)`},
		{[]string{"version", "extra"}, 2, "takes no arguments"},
		{[]string{"serve", "-h"}, 0, "Usage: playbook serve"},
		{[]string{"version", "-h"}, 0, "Usage: playbook version"},
		{[]string{"build", filepath.Join(dir, "missing")}, 2, "no playbook folder"},
		{[]string{"build", filepath.Join(dir, "playbook.toml")}, 2, "is a file: give the playbook folder"},
		{[]string{"build", t.TempDir()}, 1, "no playbook.toml"},
		{[]string{"build", dir, "--base-url", "example.com/docs"}, 2, `--base-url: "example.com/docs" must start with https://, http:// or /`},
		{[]string{"build", dir, "--base-url", "not a url"}, 2, `--base-url: "not a url" is not a URL`},
		{[]string{"build", dir, "--today", "yesterday"}, 2, `--today "yesterday": write the date as YYYY-MM-DD`},
		{[]string{"serve", dir, "--port", "99999"}, 2, "--port 99999: use a port from 1 to 65535"},
		{[]string{"serve", dir, "--bind", "nonsense"}, 2, `--bind "nonsense": use an IP address`},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(c.args...)
		if code != c.code || !strings.Contains(stdout+stderr, c.want) {
			t.Errorf("playbook %v: exit %d, output:\n%s%s\nwant exit %d and %q", c.args, code, stdout, stderr, c.code, c.want)
		}
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI("version")
	if code != 0 || !strings.HasPrefix(stdout, "playbook ") {
		t.Fatalf("version: exit %d, %q", code, stdout)
	}
}

func TestBuildSummaryAndFlagsAfterDir(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	out := filepath.Join(t.TempDir(), "site")
	code, stdout, stderr := runCLI("build", dir, "-o", out, "--base-url", "https://x.example/pb/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "Built 3 pages") || !strings.Contains(stdout, out) || strings.Count(stdout, "\n") != 1 {
		t.Errorf("summary line: %q", stdout)
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(home), `href="/pb/objections/"`) {
		t.Errorf("--base-url not applied")
	}
}

func TestOutputSafety(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	foreign := t.TempDir()
	if err := os.WriteFile(filepath.Join(foreign, "thesis.docx"), []byte("precious"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		out, want string
	}{
		{dir, "that is the playbook source folder"},
		{filepath.Dir(dir), "it contains the playbook source"},
		{"/", "that is the filesystem root"},
		{filepath.Join(dir, "content"), "inside the playbook's content/ folder"},
		{foreign, "was not created by playbook"},
	}
	for _, c := range cases {
		code, _, stderr := runCLI("build", dir, "-o", c.out)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("-o %s: exit %d, stderr %s\nwant %q", c.out, code, stderr, c.want)
		}
	}
	if b, err := os.ReadFile(filepath.Join(foreign, "thesis.docx")); err != nil || string(b) != "precious" {
		t.Errorf("foreign folder was touched")
	}
	// An empty folder is fine, and a folder playbook made can be rebuilt.
	empty := t.TempDir()
	for i := 0; i < 2; i++ {
		if code, _, stderr := runCLI("build", dir, "-o", empty); code != 0 {
			t.Fatalf("build %d into own folder: %s", i, stderr)
		}
	}
}

func TestFindsPlaybookFromSubfolder(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	t.Chdir(filepath.Join(dir, "content", "objections"))
	out := filepath.Join(t.TempDir(), "site")
	if code, stdout, stderr := runCLI("build", "-o", out); code != 0 || !strings.Contains(stdout, "Built 3 pages") {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
}

func TestDoubleDash(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	code, _, stderr := runCLI("build", "--", dir, "-o")
	if code != 2 || !strings.Contains(stderr, "expected one playbook folder, got 2") {
		t.Errorf("after --, -o is an argument: exit %d %s", code, stderr)
	}
}

func TestNewFromSubfolder(t *testing.T) {
	dir := fixture.Write(t, smallPlaybook)
	t.Chdir(filepath.Join(dir, "content", "objections"))
	code, stdout, stderr := runCLI("new", "objection", "Contract too long")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "objections", "contract-too-long.md")); err != nil {
		t.Errorf("page not made in the playbook: %v (%s)", err, stdout)
	}
}

func TestListenTakesTheNextFreePort(t *testing.T) {
	first, err := listen("127.0.0.1", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	taken := first.Addr().(*net.TCPAddr).Port
	ln, err := listen("127.0.0.1", taken)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	if got := ln.Addr().(*net.TCPAddr).Port; got == taken {
		t.Errorf("got the taken port %d", got)
	}
}
