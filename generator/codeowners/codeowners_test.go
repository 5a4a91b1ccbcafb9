package codeowners

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// owners declares four functions; legal has no team handle and ops shares
// sales' team.
const owners = `
[owners.marketing]
name = "Marketing"
team = "@acme/marketing"

[owners.sales]
name = "Sales"
team = "@acme/sales"

[owners.enablement]
name = "Enablement"
team = "@acme/enablement"

[owners.legal]
name = "Legal"

[owners.ops]
name = "Sales Ops"
team = "@acme/sales"
`

const all = "@acme/marketing @acme/sales @acme/enablement"

func parseConfig(t *testing.T, contentPath, decls string) *config.Config {
	t.Helper()
	src := fmt.Sprintf("[repository]\nurl = \"https://github.com/acme/repo\"\ncontent_path = %q\n%s", contentPath, decls)
	cfg, err := config.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// page makes a page at content/rel owned by the given ids ("" for none).
func page(t *testing.T, cfg *config.Config, rel string, ids ...string) *content.Page {
	t.Helper()
	fm := "+++\ntitle = \"T\"\n"
	if !strings.HasSuffix(rel, "_index.md") {
		fm += "kind = \"page\"\n" // no typed fields needed
	}
	if len(ids) > 0 {
		fm += fmt.Sprintf("owners = [\"%s\"]\n", strings.Join(ids, `", "`))
	}
	fm += "+++\nBody.\n"
	var diags diag.List
	p := content.Parse("content/"+rel, []byte(fm), cfg, &diags)
	if p == nil || diags.HasErrors() {
		t.Fatalf("page %s: %v", rel, diags)
	}
	return p
}

type spec struct {
	rel string
	ids []string
}

func pages(t *testing.T, cfg *config.Config, specs []spec) []*content.Page {
	var out []*content.Page
	for _, s := range specs {
		out = append(out, page(t, cfg, s.rel, s.ids...))
	}
	return out
}

// rules returns the pattern lines of a section.
func rules(section []byte) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSuffix(string(section), "\n"), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func TestGenerate(t *testing.T) {
	cases := []struct {
		name        string
		contentPath string
		pages       []spec
		want        []string
		warn        string // a warning the output must contain, if any
	}{
		{
			name:        "a folder whose pages share owners is one rule",
			contentPath: "playbook",
			pages: []spec{
				{"objections/_index.md", []string{"sales", "enablement"}},
				{"objections/a.md", []string{"sales", "enablement"}},
				{"objections/b.md", []string{"enablement", "sales"}}, // order in front matter does not matter
			},
			want: []string{
				"/playbook/ " + all,
				"/playbook/content/objections/ @acme/sales @acme/enablement",
			},
		},
		{
			name:        "files differing from their folder are listed after it",
			contentPath: "playbook",
			pages: []spec{
				{"objections/a.md", []string{"sales", "enablement"}},
				{"objections/b.md", []string{"sales", "enablement"}},
				{"objections/c.md", []string{"sales", "marketing"}},
				{"brand/voice.md", []string{"marketing"}},
			},
			want: []string{
				"/playbook/ " + all,
				"/playbook/content/brand/ @acme/marketing",
				"/playbook/content/objections/ @acme/sales @acme/enablement",
				"/playbook/content/objections/c.md @acme/marketing @acme/sales",
			},
		},
		{
			name:        "the playbook at the repository root",
			contentPath: "",
			pages: []spec{
				{"_index.md", []string{"marketing", "sales"}},
				{"glossary/lane.md", []string{"marketing", "sales"}},
			},
			want: []string{
				"* " + all,
				"/content/_index.md @acme/marketing @acme/sales",
				"/content/glossary/ @acme/marketing @acme/sales",
			},
		},
		{
			name:        "content_path with slashes around and two levels",
			contentPath: "/docs/sales-playbook/",
			pages:       []spec{{"plays/a.md", []string{"sales"}}},
			want: []string{
				"/docs/sales-playbook/ " + all,
				"/docs/sales-playbook/content/plays/ @acme/sales",
			},
		},
		{
			name:        "pages without owners belong to every team",
			contentPath: "pb",
			pages: []spec{
				{"guides/a.md", nil},
				{"guides/b.md", nil},
				{"guides/c.md", []string{"sales"}},
			},
			want: []string{
				"/pb/ " + all,
				"/pb/content/guides/c.md @acme/sales",
			},
		},
		{
			name:        "an owner without a team is left out, with a warning naming it and its line",
			contentPath: "pb",
			pages: []spec{
				{"terms/a.md", []string{"legal", "marketing"}},
				{"terms/b.md", []string{"legal"}}, // nobody with a handle: every team
				{"terms/c.md", []string{"legal"}},
			},
			want: []string{
				"/pb/ " + all,
				"/pb/content/terms/a.md @acme/marketing",
			},
			warn: `playbook.toml:17:1: warning: owner "legal" has no team handle`,
		},
		{
			name:        "two owners with one team name it once",
			contentPath: "pb",
			pages:       []spec{{"plays/a.md", []string{"ops", "sales", "enablement"}}},
			want: []string{
				"/pb/ " + all,
				"/pb/content/plays/ @acme/sales @acme/enablement",
			},
		},
		{
			name:        "nested folders inherit, and override only where they differ",
			contentPath: "pb",
			pages: []spec{
				{"guides/a.md", []string{"enablement"}},
				{"guides/b.md", []string{"enablement"}},
				{"guides/onboarding/x.md", []string{"enablement"}},
				{"guides/legal/y.md", []string{"marketing"}},
				{"guides/legal/z.md", []string{"marketing"}},
			},
			want: []string{
				"/pb/ " + all,
				"/pb/content/guides/ @acme/enablement",
				"/pb/content/guides/legal/ @acme/marketing",
			},
		},
		{
			name:        "a folder rule follows most of its pages",
			contentPath: "pb",
			pages: []spec{
				{"personas/_index.md", []string{"marketing"}},
				{"personas/cfo.md", []string{"marketing", "sales"}},
				{"personas/cio.md", []string{"marketing", "sales"}},
			},
			want: []string{
				"/pb/ " + all,
				"/pb/content/personas/ @acme/marketing @acme/sales",
				"/pb/content/personas/_index.md @acme/marketing",
			},
		},
		{
			name:        "spaces are escaped; glob characters cannot be written",
			contentPath: "my playbook",
			pages: []spec{
				{"plays/first call.md", []string{"sales"}},
				{"plays/odd[1].md", []string{"sales"}},
				{"plays/x.md", []string{"marketing"}},
				{"plays/y.md", []string{"marketing"}},
			},
			want: []string{
				`/my\ playbook/ ` + all,
				`/my\ playbook/content/plays/ @acme/marketing`,
				`/my\ playbook/content/plays/first\ call.md @acme/sales`,
			},
			warn: "content/plays/odd[1].md: warning: the file name has a character CODEOWNERS cannot match",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := parseConfig(t, c.contentPath, owners)
			ps := pages(t, cfg, c.pages)
			section, diags := Generate(cfg, ps)
			if got := rules(section); !slices.Equal(got, c.want) {
				t.Errorf("rules:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			var warnings []string
			for _, d := range diags {
				warnings = append(warnings, d.String())
			}
			joined := strings.Join(warnings, "\n")
			switch {
			case c.warn == "" && len(diags) > 0:
				t.Errorf("unexpected diagnostics:\n%s", joined)
			case c.warn != "" && !strings.Contains(joined, c.warn):
				t.Errorf("diagnostics:\n%s\nwant one containing %q", joined, c.warn)
			case c.warn != "" && len(diags) != 1:
				t.Errorf("want the warning once, got:\n%s", joined)
			}
			if !bytes.HasPrefix(section, []byte(Begin+"\n")) || !bytes.HasSuffix(section, []byte(End+"\n")) {
				t.Errorf("section is not delimited by the markers:\n%s", section)
			}
			if !bytes.Contains(section, []byte("run this in the repository root:\n#   "+RegenerateCommand(strings.Trim(c.contentPath, "/"))+"\n")) {
				t.Errorf("header does not say how to regenerate:\n%s", section)
			}
			checkLastMatch(t, cfg, ps, section)
		})
	}
}

func TestGenerateNoTeams(t *testing.T) {
	cfg := parseConfig(t, "", "[owners.sales]\nname = \"Sales\"\n")
	section, diags := Generate(cfg, []*content.Page{page(t, cfg, "a.md", "sales")})
	if got := rules(section); len(got) != 0 {
		t.Errorf("want no rules, got %q", got)
	}
	if !bytes.Contains(section, []byte("no code owners")) {
		t.Errorf("section does not say why it is empty:\n%s", section)
	}
	if len(diags) != 1 || !strings.Contains(diags[0].Message, `owner "sales" has no team handle`) {
		t.Errorf("diagnostics: %v", diags)
	}
}

func TestGenerateBadContentPath(t *testing.T) {
	for _, cp := range []string{"../elsewhere", "a/../../b", `win\path`} {
		cfg := parseConfig(t, cp, owners)
		section, diags := Generate(cfg, nil)
		if section != nil || !diags.HasErrors() || diags[0].File != config.FileName || diags[0].Line != 3 {
			t.Errorf("content_path %q: got %q, %v", cp, section, diags)
		}
	}
}

// owned reports the owners GitHub gives file (repository-relative, no
// leading slash) under a CODEOWNERS section: those of the last matching
// pattern. It understands the patterns Generate writes, and fails on others.
func owned(t *testing.T, section []byte, file string) (teams string, matched bool) {
	t.Helper()
	for _, l := range rules(section) {
		pattern, rest := splitRule(l)
		if !matches(t, pattern, file) {
			continue
		}
		teams, matched = rest, true
	}
	return teams, matched
}

// splitRule splits a rule at the first space not escaped with a backslash.
func splitRule(l string) (pattern, owners string) {
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case ' ':
			return strings.ReplaceAll(l[:i], `\ `, " "), l[i+1:]
		}
	}
	return strings.ReplaceAll(l, `\ `, " "), ""
}

// matches applies gitignore's rules for the pattern forms in a generated
// section: "*" matches every file; "/a/b/" every file under a/b; "/a/b" the
// file a/b or every file under a folder a/b.
func matches(t *testing.T, pattern, file string) bool {
	t.Helper()
	if pattern == "*" {
		return true
	}
	if !strings.HasPrefix(pattern, "/") || strings.ContainsAny(pattern, "*?[") {
		t.Fatalf("unexpected pattern form %q", pattern)
	}
	p := pattern[1:]
	if strings.HasSuffix(p, "/") {
		return strings.HasPrefix(file, p)
	}
	return file == p || strings.HasPrefix(file, p+"/")
}

// checkLastMatch simulates GitHub on every page and on the files outside
// content/: each must get exactly its own owners' teams.
func checkLastMatch(t *testing.T, cfg *config.Config, ps []*content.Page, section []byte) {
	t.Helper()
	prefix, err := ContentPath(cfg)
	if err != nil {
		t.Fatal(err)
	}
	repoPath := func(p string) string {
		if prefix == "" {
			return p
		}
		return prefix + "/" + p
	}
	def := defaultTeams(cfg)
	for _, p := range ps {
		if !expressible(p.File) {
			continue
		}
		want := pageTeams(cfg, p)
		if want == "" {
			want = def
		}
		if got, _ := owned(t, section, repoPath(p.File)); got != want {
			t.Errorf("%s: GitHub would ask %q, want %q\n%s", p.File, got, want, section)
		}
	}
	for _, f := range []string{"playbook.toml", "layouts/objection.html", "static/css/playbook.css"} {
		if got, _ := owned(t, section, repoPath(f)); got != def {
			t.Errorf("%s: GitHub would ask %q, want every team %q", f, got, def)
		}
	}
	if prefix != "" {
		if _, ok := owned(t, section, "README.md"); ok {
			t.Errorf("a file outside the playbook folder has code owners:\n%s", section)
		}
	}
}

// pageTeams is the expected owner set, computed independently of Generate.
func pageTeams(cfg *config.Config, p *content.Page) string {
	var out []string
	for _, id := range cfg.OwnerIDs() {
		team := cfg.Owners[id].Team
		if team == "" || slices.Contains(out, team) {
			continue
		}
		for _, r := range p.Owners {
			if cfg.Owners[r.Slug].Team == team {
				out = append(out, team)
				break
			}
		}
	}
	return strings.Join(out, " ")
}

func defaultTeams(cfg *config.Config) string {
	var out []string
	for _, id := range cfg.OwnerIDs() {
		if team := cfg.Owners[id].Team; team != "" && !slices.Contains(out, team) {
			out = append(out, team)
		}
	}
	return strings.Join(out, " ")
}

// TestLastMatchWinsRandom generates random playbooks and checks, as GitHub
// would match, that every page gets its own owners, and that shuffling the
// pages changes nothing.
func TestLastMatchWinsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ids := []string{"marketing", "sales", "enablement", "legal", "ops"}
	folders := []string{"", "objections", "objections/price", "objections/price/deep", "brand", "glossary", "plays", "plays/cfo"}
	for round := range 300 {
		cp := []string{"", "playbook", "docs/pb"}[round%3]
		cfg := parseConfig(t, cp, owners)
		var specs []spec
		seen := map[string]bool{}
		for range 1 + rng.IntN(25) {
			rel := fmt.Sprintf("%s/p%d.md", folders[rng.IntN(len(folders))], rng.IntN(6))
			rel = strings.TrimPrefix(rel, "/")
			if seen[rel] {
				continue
			}
			seen[rel] = true
			var own []string
			for _, id := range ids {
				if rng.IntN(3) == 0 {
					own = append(own, id)
				}
			}
			specs = append(specs, spec{rel, own})
		}
		ps := pages(t, cfg, specs)
		section, _ := Generate(cfg, ps)
		checkLastMatch(t, cfg, ps, section)
		rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		again, _ := Generate(cfg, ps)
		if !bytes.Equal(section, again) {
			t.Fatalf("round %d: output depends on page order:\n%s\n---\n%s", round, section, again)
		}
		if t.Failed() {
			t.Fatalf("round %d failed", round)
		}
	}
}

func TestMerge(t *testing.T) {
	section := []byte(Begin + "\n* @a\n" + End + "\n")
	cases := []struct {
		name, existing, want string
		err                  bool
	}{
		{"no file", "", string(section), false},
		{"blank file", "\n\n", string(section), false},
		{"generated file", Begin + "\n* @old\n" + End + "\n", string(section), false},
		{"rules around the section are kept", "* @admins\n" + Begin + " (anything)\n/x/ @old\n" + End + "\n/.github/ @admins\n",
			"* @admins\n" + string(section) + "/.github/ @admins\n", false},
		{"CRLF file", "* @admins\r\n" + Begin + "\r\n/x/ @old\r\n" + End + "\r\n", "* @admins\r\n" + string(section), false},
		{"END line lost", "* @admins\n" + Begin + "\n/x/ @old\n", "* @admins\n" + string(section), false},
		{"hand-written file", "* @admins\n", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var existing []byte
			if c.existing != "" {
				existing = []byte(c.existing)
			}
			got, err := Merge(existing, section)
			if c.err {
				if !errors.As(err, new(NotGeneratedError)) {
					t.Fatalf("err = %v, want NotGeneratedError", err)
				}
				return
			}
			if err != nil || string(got) != c.want {
				t.Errorf("got %q, %v\nwant %q", got, err, c.want)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	repo := t.TempDir()
	pb := filepath.Join(repo, "docs", "playbook")
	if err := os.MkdirAll(pb, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := Locate(pb, parseConfig(t, "docs/playbook", owners))
	if err != nil || f.Rel != "../../.github/CODEOWNERS" || f.Repo != ".github/CODEOWNERS" || f.Path != filepath.Join(pb, "..", "..", ".github", "CODEOWNERS") {
		t.Errorf("subfolder: %+v, %v", f, err)
	}
	// An existing file in another place GitHub looks is the one to update.
	fixture.WriteFile(t, repo, "docs/CODEOWNERS", "* @x\n")
	if f, _ := Locate(pb, parseConfig(t, "docs/playbook", owners)); f.Repo != "docs/CODEOWNERS" {
		t.Errorf("existing docs/CODEOWNERS: %+v", f)
	}
	fixture.WriteFile(t, repo, ".github/CODEOWNERS", "* @x\n")
	if f, _ := Locate(pb, parseConfig(t, "docs/playbook", owners)); f.Repo != ".github/CODEOWNERS" {
		t.Errorf(".github/CODEOWNERS comes first: %+v", f)
	}
	if f, err := Locate(repo, parseConfig(t, "", owners)); err != nil || f.Rel != ".github/CODEOWNERS" {
		t.Errorf("root: %+v, %v", f, err)
	}
	_, err = Locate(pb, parseConfig(t, "handbook", owners))
	list, ok := diag.From(err)
	if !ok || list[0].File != config.FileName || list[0].Line != 3 || !strings.Contains(list[0].Message, `repository.content_path is "handbook", but the playbook is in`) {
		t.Errorf("mismatch: %v", err)
	}
}

func TestCompare(t *testing.T) {
	repo := t.TempDir()
	pb := filepath.Join(repo, "playbook")
	cfg := parseConfig(t, "playbook", owners)
	ps := []*content.Page{page(t, cfg, "objections/a.md", "sales"), page(t, cfg, "brand/b.md", "marketing")}
	if got := Compare(pb, cfg, ps); got != nil {
		t.Errorf("no CODEOWNERS: %v", got)
	}
	const file = ".github/CODEOWNERS"
	fixture.WriteFile(t, repo, file, "* @admins\n")
	if got := Compare(pb, cfg, ps); got != nil {
		t.Errorf("hand-written CODEOWNERS: %v", got)
	}
	section, _ := Generate(cfg, ps)
	f, err := Locate(pb, cfg)
	if err != nil {
		t.Fatal(err)
	}
	fixture.WriteFile(t, repo, file, "# ours\n* @admins\n")
	if _, err := Write(f, section); !errors.As(err, new(NotGeneratedError)) {
		t.Fatalf("Write over a hand-written file: %v", err)
	}
	fixture.WriteFile(t, repo, file, "* @admins\n"+Begin+"\n"+End+"\n")
	if changed, err := Write(f, section); !changed || err != nil {
		t.Fatalf("Write: %v, %v", changed, err)
	}
	if got := Compare(pb, cfg, ps); got != nil {
		t.Errorf("up to date: %v", got)
	}
	if changed, err := Write(f, section); changed || err != nil {
		t.Errorf("second Write: %v, %v", changed, err)
	}
	// A page changes owners: the warning points at the line that is now wrong.
	ps[1] = page(t, cfg, "brand/b.md", "enablement")
	got := Compare(pb, cfg, ps)
	if len(got) != 1 {
		t.Fatalf("stale: %v", got)
	}
	want := `../.github/CODEOWNERS:11: warning: CODEOWNERS is out of date with the page owners (expected "/playbook/content/brand/ @acme/enablement"): run "playbook codeowners --write playbook" in the repository root`
	if got[0].String() != want || got[0].Rule != Rule {
		t.Errorf("got  %s\nwant %s", got[0], want)
	}
	data := fixture.Read(t, repo, file)
	if lines := strings.Split(string(data), "\n"); lines[10] != "/playbook/content/brand/ @acme/marketing" {
		t.Errorf("line 11 is %q", lines[10])
	}
}

// TestSample: the sample playbook's CODEOWNERS, wherever its content_path
// puts it, matches its pages, so check does not flag it.
func TestSample(t *testing.T) {
	list, err := Stale("../../playbook")
	if err != nil || len(list) > 0 {
		t.Errorf("Stale(sample) = %v, %v", list, err)
	}
	cfg, ps, diags, err := Load("../../playbook")
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags)
	}
	section, warnings := Generate(cfg, ps)
	if len(warnings) > 0 {
		t.Errorf("sample warnings: %v", warnings)
	}
	checkLastMatch(t, cfg, ps, section)

	// The sample ships .github/ for a repository whose root is the
	// playbook, so its CODEOWNERS has root paths whatever content_path says.
	cfg.Repository.ContentPath = ""
	section, _ = Generate(cfg, ps)
	shipped, err := os.ReadFile("../../playbook/.github/CODEOWNERS")
	if err != nil || !bytes.Equal(shipped, section) {
		t.Errorf("playbook/.github/CODEOWNERS is out of date (%v): with content_path = \"\" in playbook/playbook.toml, run: go run ./cmd/playbook codeowners --write playbook\nwant:\n%s", err, section)
	}
}
