package importer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/internal/handbooks"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/internal/fixture"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

// writeFS writes a handbook made in memory into dir.
func writeFS(t *testing.T, dir string, layout handbooks.Layout, pages int) handbooks.Manifest {
	t.Helper()
	fsys, m := handbooks.FS(layout, handbooks.Options{Pages: pages, Seed: 3})
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// TestInPlaceGit imports a Docusaurus handbook in its own repository:
// pages move with git mv, so git sees renames and log --follow reaches
// the history before the import.
func TestInPlaceGit(t *testing.T) {
	repo := gittest.New(t)
	m := writeFS(t, repo.Dir, handbooks.Docusaurus, 30)
	first := repo.Commit("Ada", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), "Write the handbook")

	// Uncommitted changes are refused.
	repo.Write("docs/intro.md", "# changed\n")
	_, err := Run(Options{Source: repo.Dir, Today: today})
	var ue *UsageError
	if !errors.As(err, &ue) || !strings.Contains(ue.Msg, "uncommitted changes") {
		t.Fatalf("with uncommitted changes: got %v, want a usage error naming them", err)
	}
	repo.Git("checkout", "--", "docs/intro.md")

	res, err := Run(Options{Source: repo.Dir, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Git || !res.InPlace {
		t.Fatalf("Git %v InPlace %v, want both", res.Git, res.InPlace)
	}
	if len(res.Advice) != 3 || !strings.HasPrefix(res.Advice[0], "git commit -m") {
		t.Errorf("advice %q, want the commands to commit the moves, the conversion, and ignore both", res.Advice)
	}
	var summary strings.Builder
	res.Summary(&summary)
	for _, a := range res.Advice {
		if !strings.Contains(summary.String(), "  "+a+"\n") {
			t.Errorf("the summary does not print %q:\n%s", a, summary.String())
		}
	}
	// What git mv staged is renames only, with the old content: the
	// first commit the advice gives.
	for _, line := range strings.Split(strings.TrimSpace(repo.Git("diff", "--cached", "--name-status", "-M100%")), "\n") {
		if !strings.HasPrefix(line, "R100\t") {
			t.Errorf("staged before the first commit: %s, want only renames", line)
		}
	}
	repo.Git("add", "-A")
	status := repo.Git("status", "--porcelain")
	moved := map[string]string{}
	for _, f := range res.Files {
		moved[f.Old] = f.New
	}
	for _, p := range m.Pages {
		if want := "R  " + p + " -> " + moved[p]; !strings.Contains(status, want+"\n") {
			t.Errorf("git status lacks %q", want)
		}
	}
	for _, kept := range []string{"docusaurus.config.js", "sidebars.js", "package.json"} {
		if _, err := os.Stat(filepath.Join(repo.Dir, kept)); err != nil || strings.Contains(status, " "+kept+"\n") {
			t.Errorf("%s: the old tool's files stay where they are in place (%v):\n%s", kept, err, status)
		}
	}
	for _, want := range []string{
		"A  playbook.toml",
		"A  IMPORT-REPORT.md",
	} {
		if !strings.Contains(status, want+"\n") {
			t.Errorf("git status lacks %q:\n%s", want, status)
		}
	}
	for _, line := range strings.Split(status, "\n") {
		if strings.HasPrefix(line, "D  docs/") && strings.HasSuffix(line, ".md") {
			t.Errorf("a page was deleted and added rather than moved: %s", line)
		}
	}
	repo.Commit("Ada", time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC), "Import")
	log := repo.Git("log", "--follow", "--format=%H", "--", moved[m.Pages[0]])
	if !strings.Contains(log, first) {
		t.Errorf("git log --follow %s does not reach the first commit %s:\n%s", moved[m.Pages[0]], first, log)
	}
	if _, err := pipeline.Generate(pipeline.Options{Source: repo.Dir, Today: today}); err != nil {
		t.Errorf("build after an import in place: %v", err)
	}
	// public/, where the build went, is ignored: .gitignore says so.
	if gi, _ := os.ReadFile(filepath.Join(repo.Dir, ".gitignore")); !strings.Contains(string(gi), "\npublic/\n") || res.Counts["public/ added to .gitignore"] != 1 {
		t.Errorf(".gitignore lacks public/ (%d):\n%s", res.Counts["public/ added to .gitignore"], gi)
	}
	// So are the lock (which stays on Windows) and a killed build's leftovers.
	os.WriteFile(filepath.Join(repo.Dir, ".public.lock"), []byte("4242\n"), 0o644)
	os.MkdirAll(filepath.Join(repo.Dir, ".public.tmp-123"), 0o755)
	os.WriteFile(filepath.Join(repo.Dir, ".public.tmp-123", "index.html"), []byte("x"), 0o644)
	if st := repo.Git("status", "--porcelain"); strings.Contains(st, "public") {
		t.Errorf("the build shows in git status:\n%s", st)
	}
	// A second import is refused: it is a playbook now.
	if _, err := Run(Options{Source: repo.Dir}); !errors.As(err, &ue) || !strings.Contains(ue.Msg, "playbook.toml") {
		t.Errorf("importing a playbook again: got %v, want a usage error naming playbook.toml", err)
	}
}

// TestInPlaceCommit: --commit commits the import and lists it in
// .git-blame-ignore-revs in a second commit.
func TestInPlaceCommit(t *testing.T) {
	repo := gittest.New(t)
	writeFS(t, repo.Dir, handbooks.GitBook, 20)
	repo.Commit("Ada", time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), "Write the handbook")
	for _, kv := range gittest.Env("Importer", time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)) {
		k, v, _ := strings.Cut(kv, "=")
		t.Setenv(k, v)
	}
	res, err := Run(Options{Source: repo.Dir, Commit: true, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if res.Commit == "" || res.MoveCommit == "" {
		t.Fatalf("commits recorded: moves %q, conversion %q; want both", res.MoveCommit, res.Commit)
	}
	ignore, err := os.ReadFile(filepath.Join(repo.Dir, ".git-blame-ignore-revs"))
	if err != nil || !strings.Contains(string(ignore), res.MoveCommit+"\n") || !strings.Contains(string(ignore), res.Commit+"\n") {
		t.Errorf(".git-blame-ignore-revs = %q, %v; want the import commits %s and %s", ignore, err, res.MoveCommit, res.Commit)
	}
	if s := repo.Git("status", "--porcelain"); s != "" {
		t.Errorf("work tree not clean after --commit:\n%s", s)
	}
	if n := strings.Count(repo.Git("log", "--format=%H"), "\n"); n != 4 {
		t.Errorf("%d commits, want 4 (handbook, moves, conversion, ignore list)", n)
	}
	// The moves commit holds renames only, so history follows every
	// page, however short.
	for _, line := range strings.Split(strings.TrimSpace(repo.Git("show", "--format=", "--name-status", "-M100%", res.MoveCommit)), "\n") {
		if !strings.HasPrefix(line, "R100\t") {
			t.Errorf("the moves commit has %s, want renames only", line)
		}
	}
	for _, f := range res.Files {
		if f.Action != "page" || f.New == f.Old || f.Old == "" {
			continue
		}
		if log := repo.Git("log", "--follow", "--format=%s", "--", f.New); !strings.Contains(log, "Write the handbook") {
			t.Errorf("git log --follow %s does not reach the handbook's first commit:\n%s", f.New, log)
		}
	}
}

// TestInPlaceHugo imports a Hugo handbook in place outside git: the old
// tool's files stay where they are, but layouts/, which Playbook would
// read as its own templates, moves aside; the result builds.
func TestInPlaceHugo(t *testing.T) {
	dir := t.TempDir()
	writeFS(t, dir, handbooks.Hugo, 20)
	// Hugo's last build, where Playbook builds.
	fixture.WriteFile(t, dir, "public/index.html", "<html></html>\n")
	res, err := Run(Options{Source: dir, Today: today, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Git {
		t.Error("outside git, but Git is set")
	}
	if _, err := os.Stat(filepath.Join(dir, "hugo-layouts", "partials", "docs", "inject", "footer.html")); err != nil {
		t.Errorf("layouts/ not moved aside: %v", err)
	}
	for _, old := range []string{"layouts", "public"} {
		if _, err := os.Stat(filepath.Join(dir, old)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s/ is still there: %v", old, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "hugo-public", "index.html")); err != nil {
		t.Errorf("public/ not moved aside: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
		t.Errorf("hugo.toml should stay where it is: %v", err)
	}
	if report, _ := os.ReadFile(filepath.Join(dir, ReportFile)); !strings.Contains(string(report), "now hugo-layouts/") {
		t.Errorf("the report does not say layouts/ moved:\n%s", report)
	}
	if _, err := pipeline.Generate(pipeline.Options{Source: dir, Today: today}); err != nil {
		t.Errorf("build after an import in place: %v", err)
	}
}
