package scaffold_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/scaffold"
)

var today = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

func TestSlug(t *testing.T) {
	cases := map[string]string{
		"It's too expensive!":       "its-too-expensive",
		"  Qualified   prospect ":   "qualified-prospect",
		"Café déjà vu":              "cafe-deja-vu",
		"ROI/TCO workshop (2026)":   "roi-tco-workshop-2026",
		"We’re already using a TMS": "were-already-using-a-tms",
	}
	for in, want := range cases {
		if got := scaffold.Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewPlaybookBuildsCleanly(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pb")
	files, err := scaffold.Playbook(dir, `Acme "Sales" Playbook`, today)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Errorf("only %d files", len(files))
	}
	s, err := pipeline.Generate(pipeline.Options{Source: dir, Today: today})
	if err != nil {
		t.Fatalf("new playbook does not build: %v", err)
	}
	if len(s.Diags.Problems()) > 0 {
		t.Errorf("new playbook has warnings: %v", s.Diags)
	}
	if !strings.Contains(string(s.Files["index.html"]), `Acme &#34;Sales&#34; Playbook`) {
		t.Errorf("title not applied")
	}
	if _, err := scaffold.Playbook(dir, "", today); err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("second scaffold into the same folder: %v", err)
	}
}

// A new page of each kind fails the build by naming its empty required
// fields, and builds once they are filled in.
func TestNewPages(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pb")
	if _, err := scaffold.Playbook(dir, "", today); err != nil {
		t.Fatal(err)
	}
	wantErrors := map[string][]string{
		"objection":    {"says is empty", "category is empty"},
		"closing-tool": {"when is empty", "value is empty", "cost is empty", "approver is empty"},
		"term":         {"marketing is empty", "sales is empty", "agreed is empty"},
		"persona":      {"role is empty"},
		"play":         {"persona is empty", "stage is empty", "goal is empty"},
		"brand":        nil,
		"page":         nil,
	}
	for kind, want := range wantErrors {
		rel, err := scaffold.Page(dir, kind, "New "+kind+" page", "", []string{"marketing", "sales"}, today)
		if err != nil {
			t.Fatalf("%s: %v", kind, err)
		}
		_, err = pipeline.Generate(pipeline.Options{Source: dir, Today: today})
		for _, w := range want {
			if err == nil || !strings.Contains(err.Error(), rel) || !strings.Contains(err.Error(), w) {
				t.Errorf("%s: got %v, want an error about %q in %s", kind, err, w, rel)
			}
		}
		if want == nil && err != nil {
			t.Errorf("%s: new page does not build: %v", kind, err)
		}
		os.Remove(filepath.Join(dir, rel))
	}
	if _, err := scaffold.Page(dir, "objection", "Too expensive", "", nil, today); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("overwrote an existing page: %v", err)
	}
	if _, err := scaffold.Page(dir, "objection", "x", "../../outside", nil, today); err == nil || !strings.Contains(err.Error(), "must be a folder inside content/") {
		t.Errorf("section outside content/: %v", err)
	}
	var usage *scaffold.UsageError
	for _, c := range [][3]string{{"widget", "x", ""}, {"objection", "!!!", ""}, {"objection", "Index", ""}, {"objection", "x", "/abs"}} {
		if _, err := scaffold.Page(dir, c[0], c[1], c[2], nil, today); !errors.As(err, &usage) {
			t.Errorf("%v: %v, want a usage error", c, err)
		}
	}
	// A page of one kind in another kind's folder says its kind.
	rel, err := scaffold.Page(dir, "objection", "Odd place", "glossary", []string{"sales"}, today)
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, rel)); !strings.Contains(string(b), "kind = \"objection\"\n") {
		t.Errorf("no kind line:\n%s", b)
	}
	if _, err := scaffold.Page(t.TempDir(), "objection", "x", "", nil, today); err == nil || !strings.Contains(err.Error(), "not a playbook folder") {
		t.Errorf("page outside a playbook: %v", err)
	}
}

// TestNewPlaybookIgnoresTheBuildsFiles: a new playbook's .gitignore keeps
// out the site and what a build keeps beside it: the lock file (which
// stays on Windows) and a killed build's temporary folders.
func TestNewPlaybookIgnoresTheBuildsFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "pb")
	if _, err := scaffold.Playbook(dir, "Acme", today); err != nil {
		t.Fatal(err)
	}
	gi, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(gi), "\n")
	for _, want := range []string{"public/", ".public.lock", ".public.tmp-*"} {
		if !slices.Contains(lines, want) {
			t.Errorf(".gitignore lacks %s:\n%s", want, gi)
		}
	}
}
