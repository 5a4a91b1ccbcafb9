package check

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite golden files")

var fixtureToday = time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)

func run(t *testing.T, dir string) diag.List {
	t.Helper()
	list, err := Run(Options{Source: dir, Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update and review the diff):\n%s", path, got)
	}
}

// The sample playbook passes every rule: no false positives.
func TestSampleIsClean(t *testing.T) {
	for _, d := range run(t, "../../playbook") {
		t.Errorf("sample: %s [%s]", d, d.Rule)
	}
}

// testdata/broken breaks every rule once, next to pages that break none;
// every finding comes in one run, in each format.
func TestBrokenFixture(t *testing.T) {
	list := run(t, "testdata/broken")
	for _, f := range []struct{ name, format string }{{"broken.txt", "text"}, {"broken.github", "github"}, {"broken.json", "json"}} {
		var b bytes.Buffer
		if err := (Report{Format: f.format, Prefix: "playbook"}).Write(&b, list); err != nil {
			t.Fatal(err)
		}
		golden(t, f.name, b.Bytes())
	}
	// Each rule fires, and nothing is found twice.
	rules := map[string]int{}
	for _, d := range list {
		rules[d.Rule]++
	}
	for _, rule := range []string{"config", "front-matter", "link", "relation", "duplicate-url", "glossary", "audience", "contrast", "review", "voice"} {
		if rules[rule] == 0 {
			t.Errorf("rule %s did not fire", rule)
		}
	}
	// The page whose front matter cannot be read is reported once, and
	// the link to it is not called broken.
	for _, d := range list {
		if strings.Contains(d.Message, "unreadable.md") {
			t.Errorf("link to the unreadable page reported: %s", d)
		}
	}
}

func TestGitHubEscaping(t *testing.T) {
	var b bytes.Buffer
	list := diag.List{{File: "content/a,b.md", Line: 3, Col: 2, Severity: diag.Warning, Rule: "voice", Message: "100% sure:\nnot"}}
	if err := (Report{Format: "github", Prefix: "pb"}).Write(&b, list); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=pb/content/a%2Cb.md,line=3,col=2,title=playbook voice::100%25 sure:%0Anot\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestTextColour(t *testing.T) {
	var plain, colour bytes.Buffer
	list := diag.List{{File: "x.md", Line: 1, Col: 1, Severity: diag.Error, Rule: "link", Message: "m"}}
	_ = Report{}.Write(&plain, list)
	_ = Report{Color: true}.Write(&colour, list)
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(colour.String(), "\x1b[31m") {
		t.Errorf("plain %q, colour %q", plain.String(), colour.String())
	}
	if !strings.Contains(plain.String(), "x.md:1:1: error: link: m\n") || !strings.HasSuffix(plain.String(), "1 error and 0 warnings in 1 file.\n") {
		t.Errorf("text format: %q", plain.String())
	}
}

// A CODEOWNERS file made by playbook codeowners that no longer matches the
// owners is reported; the sample's matches.
func TestStaleCodeowners(t *testing.T) {
	list := run(t, "testdata/stale")
	if len(list) != 1 || list[0].Rule != "codeowners" || list[0].File != ".github/CODEOWNERS" || list[0].Line != 9 {
		t.Fatalf("got %v", list)
	}
}

// With CODEOWNERS in use, an owner without a team handle is reported: its
// pages would fall to everyone.
func TestOwnerWithoutTeam(t *testing.T) {
	dir := fixture.Copy(t, "testdata/stale")
	fixture.Append(t, dir, "playbook.toml", "\n[owners.legal]\nname = \"Legal\"\n")
	fixture.WriteFile(t, dir, "content/terms.md", "+++\ntitle = \"Terms\"\nowners = [\"legal\"]\nreviewed = 2026-11-01\n+++\nLegal owns this.\n")
	var found bool
	for _, d := range run(t, dir) {
		if d.File == "playbook.toml" && strings.Contains(d.Message, `"legal"`) && d.Severity == diag.Warning {
			found = true
		}
	}
	if !found {
		t.Errorf("owner without a team not reported: %v", run(t, dir))
	}
}

func TestReviewDates(t *testing.T) {
	list := run(t, "testdata/warnings")
	if len(list) != 1 || list[0].Rule != "review" || list[0].Severity != diag.Warning {
		t.Fatalf("got %v", list)
	}
	// The date decides: the broken fixture's page reviewed 2025-01-10 was
	// fine a month later.
	early, err := Run(Options{Source: "testdata/broken", Today: time.Date(2025, 2, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range early {
		if strings.Contains(d.Message, "overdue") {
			t.Errorf("overdue too early: %s", d)
		}
	}
}
