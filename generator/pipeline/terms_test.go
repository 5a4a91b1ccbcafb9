package pipeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/internal/fixture"
)

// samplePlaybook copies the sample playbook to a temporary folder, with
// extra lines appended to its playbook.toml.
func samplePlaybook(t *testing.T, toml string) string {
	t.Helper()
	dir := fixture.Copy(t, "../../playbook")
	fixture.Append(t, dir, "playbook.toml", toml)
	return dir
}

// Term links change the pages' HTML, never what search and "What changed"
// read: the same documents, the same index files, no change reported.
func TestTermLinksLeaveSearchAndChanges(t *testing.T) {
	on, err := Generate(Options{Source: samplePlaybook(t, ""), Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	off, err := Generate(Options{Source: samplePlaybook(t, "\n[glossary]\nlinks = false\n"), Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(on.Files["objections/too-expensive/index.html"], []byte(`class="term"`)) {
		t.Fatal("no term link in the sample's too-expensive objection: the test proves nothing")
	}
	if bytes.Contains(off.Files["objections/too-expensive/index.html"], []byte(`class="term`)) {
		t.Error("[glossary] links = false still links terms")
	}
	if !reflect.DeepEqual(on.Docs(), off.Docs()) {
		t.Error("search documents differ with term links")
	}
	for _, d := range on.Docs() {
		for _, s := range d.Sections {
			if strings.Contains(s.Text, "Manufacturers and distributors with 200-5,000 employees") && !strings.HasSuffix(d.URL, "/glossary/icp/") {
				t.Errorf("%s: a definition leaked into the page's text: %q", d.URL, s.Text)
			}
		}
	}
	for name, b := range on.Files {
		if strings.HasPrefix(name, "search/") && !strings.HasSuffix(name, ".html") && !bytes.Equal(b, off.Files[name]) {
			t.Errorf("%s differs with term links", name)
		}
	}
	if r := changes.Compare(off.Docs(), on.Docs(), changes.Options{}); len(r.Changed)+len(r.Added)+len(r.Removed) != 0 {
		t.Errorf("What changed reports changes from term links: %+v", r)
	}
}

// An internal term is neither linked nor its definition shown in an
// external build; a draft term only with drafts.
func TestTermLinksAudience(t *testing.T) {
	dir := samplePlaybook(t, "")
	writeFile(t, dir, "content/glossary/secret.md", "+++\ntitle = \"Blue lane\"\nmarketing = \"m\"\nsales = \"s\"\nagreed = \"SECRET-DEFINITION\"\naudience = \"internal\"\n+++\n")
	writeFile(t, dir, "content/glossary/later.md", "+++\ntitle = \"Green lane\"\nmarketing = \"m\"\nsales = \"s\"\nagreed = \"DRAFT-DEFINITION\"\ndraft = true\naudience = \"external\"\n+++\n")
	writeFile(t, dir, "content/guide.md", "+++\ntitle = \"Guide\"\naudience = \"external\"\n+++\nA blue lane and a green lane.\n")
	for _, tc := range []struct {
		opts        Options
		blue, green bool
	}{
		{Options{Audience: content.External}, false, false},
		{Options{Audience: content.External, Drafts: true}, false, true},
		{Options{}, true, false},
	} {
		tc.opts.Source, tc.opts.Today = dir, fixtureToday
		s, err := Generate(tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		page := s.Files["guide/index.html"]
		if got := bytes.Contains(page, []byte("SECRET-DEFINITION")); got != tc.blue {
			t.Errorf("%+v: internal term's definition shown: %v, want %v", tc.opts, got, tc.blue)
		}
		if got := bytes.Contains(page, []byte("DRAFT-DEFINITION")); got != tc.green {
			t.Errorf("%+v: draft term's definition shown: %v, want %v", tc.opts, got, tc.green)
		}
		if tc.opts.Audience == content.External {
			for name, b := range s.Files {
				if bytes.Contains(b, []byte("SECRET-DEFINITION")) {
					t.Errorf("external build: %s holds the internal term", name)
				}
			}
		}
	}
}

// glossary_links = false in a page's front matter turns the links off on
// that page only.
func TestTermLinksPageOff(t *testing.T) {
	dir := samplePlaybook(t, "")
	writeFile(t, dir, "content/a.md", "+++\ntitle = \"A\"\n+++\nOur ICP.\n")
	writeFile(t, dir, "content/b.md", "+++\ntitle = \"B\"\nglossary_links = false\n+++\nOur ICP.\n")
	s, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(s.Files["a/index.html"], []byte(`glossary/icp/" aria-describedby="pb-tip-1">ICP</a>`)) {
		t.Error("a: ICP not linked")
	}
	if bytes.Contains(s.Files["b/index.html"], []byte(`class="term`)) {
		t.Error("b: linked despite glossary_links = false")
	}
	for _, d := range s.Diags {
		if strings.Contains(d.Message, "glossary_links") {
			t.Errorf("glossary_links reported: %s", d)
		}
	}
}

// A term edit changes the tooltip of every page that mentions the term:
// the live preview renders them again and equals a full build.
func TestUpdateTermChangesMentions(t *testing.T) {
	dir, opts, cur := shortListSynth(t)
	appendToFile(t, dir, "content/guides/guide-0.md", "\nOur term 3 matters, as does alias-4.\n")
	cur = updateMatchesFullBuild(t, cur, opts, "content/guides/guide-0.md")
	appendToFile(t, dir, "content/guides/guide-1.md", "\nAgain term 3.\n")
	cur = updateMatchesFullBuild(t, cur, opts, "content/guides/guide-1.md")
	if cur == nil || !bytes.Contains(cur.Files["guides/guide-0/index.html"], []byte("The agreed meaning of term 3.")) {
		t.Fatal("guide-0 does not show term 3's definition")
	}
	for i, edit := range [][2]string{
		{"The agreed meaning of term 3.", "A new agreed meaning."},        // definition
		{`aliases = ["alias-4"]`, `aliases = ["alias-four"]`},             // alias of another term
		{`title = "Term 3"`, `title = "Term three"`},                      // title
		{`title = "Term three"`, "glossary_links = false\ntitle = \"T\""}, // a term page turning links off
	} {
		rel := "content/glossary/term-3.md"
		if i == 1 {
			rel = "content/glossary/term-4.md"
		}
		replaceInFile(t, dir, rel, edit[0], edit[1])
		if cur = updateMatchesFullBuild(t, cur, opts, rel); cur == nil {
			t.Fatalf("edit %d", i)
		}
	}
	page := cur.Files["guides/guide-0/index.html"]
	if bytes.Contains(page, []byte(`class="term"`)) {
		t.Errorf("guide-0 still links a renamed term:\n%s", page)
	}
	// The page itself turns the links off, and on again.
	replaceInFile(t, dir, "content/guides/guide-0.md", "+++\n", "+++\nglossary_links = false\n")
	cur = updateMatchesFullBuild(t, cur, opts, "content/guides/guide-0.md")
	replaceInFile(t, dir, "content/guides/guide-0.md", "glossary_links = false\n", "")
	updateMatchesFullBuild(t, cur, opts, "content/guides/guide-0.md")
}

// BenchmarkGenerateTerms10000 builds a 10,000-page playbook with 300
// glossary terms mentioned in its prose, with term links and without.
func BenchmarkGenerateTerms10000(b *testing.B) {
	for _, links := range []bool{false, true} {
		b.Run(fmt.Sprint("links=", links), func(b *testing.B) {
			dir := b.TempDir()
			if err := synthWithTerms(dir, 10000, 300, links); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for b.Loop() {
				if _, err := Generate(Options{Source: dir, Today: fixtureToday}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// synthWithTerms writes a synthetic playbook of about n pages whose
// glossary holds only its first terms terms, named after words its prose
// uses, so every page mentions several.
func synthWithTerms(dir string, n, terms int, links bool) error {
	if err := synth.Write(dir, n); err != nil {
		return err
	}
	glossary := filepath.Join(dir, "content", "glossary")
	entries, err := os.ReadDir(glossary)
	if err != nil {
		return err
	}
	words := strings.Fields("freight carrier lane shipment expedite planner visibility tender rate invoice pallet warehouse dispatch route delivery customer budget value pilot rollout")
	kept := 0
	for _, e := range entries {
		if e.Name() == "_index.md" {
			continue
		}
		p := filepath.Join(glossary, e.Name())
		if kept >= terms {
			if err := os.Remove(p); err != nil {
				return err
			}
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// Titles like "Freight", "Freight lane", "Carrier rate 7": single
		// words, pairs and numbered pairs, as a real glossary's mix.
		a, c := words[kept%len(words)], words[(kept/len(words)+kept)%len(words)]
		title := strings.ToUpper(a[:1]) + a[1:]
		if kept >= len(words) {
			title += " " + c
		}
		if kept >= 2*len(words) {
			title += fmt.Sprint(" ", kept)
		}
		i := bytes.Index(src, []byte("title = \""))
		j := i + bytes.IndexByte(src[i+9:], '"') + 10
		src = slices.Concat(src[:i], []byte(fmt.Sprintf("title = %q", title)), src[j:])
		if err := os.WriteFile(p, src, 0o644); err != nil {
			return err
		}
		kept++
	}
	if !links {
		return appendFile(filepath.Join(dir, "playbook.toml"), "\n[glossary]\nlinks = false\n")
	}
	return nil
}

func appendFile(path, text string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, text...), 0o644)
}
