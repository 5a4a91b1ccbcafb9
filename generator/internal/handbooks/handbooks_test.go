package handbooks

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDeterministic(t *testing.T) {
	for _, l := range Layouts() {
		t.Run(string(l), func(t *testing.T) {
			a, ma := FS(l, Options{Pages: 120, Seed: 7})
			b, mb := FS(l, Options{Pages: 120, Seed: 7})
			if len(a) != len(b) {
				t.Fatalf("same seed: %d files, then %d", len(a), len(b))
			}
			for name, f := range a {
				if g, ok := b[name]; !ok || !bytes.Equal(f.Data, g.Data) {
					t.Fatalf("same seed: %s differs", name)
				}
			}
			if len(ma.Problems) != len(mb.Problems) {
				t.Fatalf("same seed: %d problems, then %d", len(ma.Problems), len(mb.Problems))
			}
			c, _ := FS(l, Options{Pages: 120, Seed: 8})
			same := true
			for name, f := range a {
				if g, ok := c[name]; !ok || !bytes.Equal(f.Data, g.Data) {
					same = false
					break
				}
			}
			if same {
				t.Error("seeds 7 and 8 wrote the same handbook")
			}
		})
	}
}

// TestLayoutFiles checks the files that tell each layout apart.
func TestLayoutFiles(t *testing.T) {
	want := map[Layout][]string{
		Hugo:       {"hugo.toml", "content/_index.md", "static/images/funnel.png"},
		Docusaurus: {"docusaurus.config.js", "sidebars.js", "docs/intro.md", "static/img/funnel.png"},
		MkDocs:     {"mkdocs.yml", "docs/index.md", "docs/assets/images/funnel.png"},
		GitBook:    {".gitbook.yaml", "SUMMARY.md", "README.md", ".gitbook/assets/image (3).png"},
		MdBook:     {"book.toml", "src/SUMMARY.md", "src/README.md"},
		Jekyll:     {"_config.yml", "index.md", "_posts/2024-03-01-announcement.md", "_includes/note.html", "assets/images/funnel.png"},
		Plain:      {"README.md", ".DS_Store", ".obsidian/app.json", "images/funnel.png"},
	}
	for _, l := range Layouts() {
		fsys, m := FS(l, Options{Pages: 150, Seed: 1})
		for _, name := range want[l] {
			if _, ok := fsys[name]; !ok {
				t.Errorf("%s: no %s", l, name)
			}
		}
		for _, p := range m.Pages {
			if _, ok := fsys[p]; !ok {
				t.Errorf("%s: page %s listed but not written", l, p)
			}
			if !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".mdx") {
				t.Errorf("%s: page %s is not markdown", l, p)
			}
		}
		for _, p := range m.Ignored {
			if _, ok := fsys[p]; !ok {
				t.Errorf("%s: ignored file %s listed but not written", l, p)
			}
		}
	}
}

func TestPageCount(t *testing.T) {
	for _, n := range []int{0, 60, 150, 600} {
		want := n
		if n == 0 {
			want = DefaultPages
		}
		for _, l := range Layouts() {
			_, m := FS(l, Options{Pages: n, Seed: 3})
			if got := len(m.Pages); got < want*9/10 || got > want*11/10 {
				t.Errorf("%s, %d pages asked: wrote %d", l, n, got)
			}
		}
	}
}

func TestProblems(t *testing.T) {
	for _, l := range Layouts() {
		t.Run(string(l), func(t *testing.T) {
			fsys, m := FS(l, Options{Pages: 300, Seed: 11})
			kinds := map[string]int{}
			for _, p := range m.Problems {
				kinds[p.Kind]++
				for _, o := range m.Problems {
					if o != p && strings.Contains(o.Marker, p.Marker) {
						t.Errorf("marker %q is inside marker %q", p.Marker, o.Marker)
					}
				}
				count := 0
				for _, f := range fsys {
					count += bytes.Count(f.Data, []byte(p.Marker))
				}
				if count != 1 {
					t.Errorf("marker %q occurs %d times in the handbook, want once", p.Marker, count)
				}
				f, ok := fsys[p.File]
				if !ok {
					t.Errorf("problem in %s, which was not written", p.File)
					continue
				}
				lines := strings.Split(string(f.Data), "\n")
				if p.Line < 1 || p.Line > len(lines) || !strings.Contains(lines[p.Line-1], p.Marker) {
					t.Errorf("%s:%d does not hold marker %q", p.File, p.Line, p.Marker)
				}
			}
			for _, k := range []string{"anchor", "link", "image"} {
				if kinds[k] == 0 {
					t.Errorf("no %s problem planted", k)
				}
			}
			wantDate := l == Hugo || l == Jekyll || l == Plain
			if (kinds["date"] == 1) != wantDate {
				t.Errorf("%d date problems, want %v", kinds["date"], wantDate)
			}
			if n := len(m.Problems); n < len(m.Pages)*4/100 || n > len(m.Pages)*11/100 {
				t.Errorf("%d problems on %d pages, want 5-10%%", n, len(m.Pages))
			}
		})
	}
}

var linkPatterns = []*regexp.Regexp{
	regexp.MustCompile(`\]\((<[^>]+>|(?:[^()\s]|\([^()\s]*\))+)\)`), // balanced parentheses, as CommonMark allows
	regexp.MustCompile(`\{\{< ref "([^"]+)" >\}\}`),
	regexp.MustCompile(`\{% link (\S+) %\}(#[\w-]+)?`),
	regexp.MustCompile(`\{\{ site\.baseurl \}\}(/[^)\s"]+)`),
	regexp.MustCompile(`(?:src|href)="([^"]+)"`),
	regexp.MustCompile(`srcset="([^"\s]+)`),
	regexp.MustCompile(`\{% content-ref url="([^"]+)" %\}`),
	regexp.MustCompile(`\{\{#include ([^}\s]+)\}\}`),
}

// TestLinksResolve reads every page as a checker would and resolves its
// links, images and includes against the written files: the only broken
// ones must be the planted problems, and every planted problem must be
// broken.
func TestLinksResolve(t *testing.T) {
	for _, l := range Layouts() {
		t.Run(string(l), func(t *testing.T) { checkLinks(t, l, Options{Pages: 300, Seed: 5}) })
	}
}

// TestSmall checks small handbooks and other seeds the same way.
func TestSmall(t *testing.T) {
	for _, l := range Layouts() {
		for seed := int64(0); seed < 4; seed++ {
			for _, n := range []int{1, 30} {
				t.Run(fmt.Sprintf("%s/%d/%d", l, n, seed), func(t *testing.T) {
					m := checkLinks(t, l, Options{Pages: n, Seed: seed})
					if len(m.Pages) > 40 {
						t.Errorf("%d pages asked: wrote %d", n, len(m.Pages))
					}
				})
			}
		}
	}
}

func checkLinks(t *testing.T, l Layout, opts Options) Manifest {
	t.Helper()
	fsys, m := FS(l, opts)
	planted := map[string]Problem{}
	for _, p := range m.Problems {
		if p.Kind != "date" {
			planted[p.Marker] = p
		}
	}
	found := map[string]bool{}
	checked := 0
	for _, file := range m.Pages {
		for _, ref := range links(string(fsys[file].Data)) {
			checked++
			if problem := resolve(fsys, l, file, ref); problem != "" {
				ok := false
				for marker, p := range planted {
					if p.File == file && strings.Contains(ref.target, marker) {
						found[marker], ok = true, true
					}
				}
				if !ok {
					t.Errorf("%s: %s: %s", file, ref.target, problem)
				}
			}
		}
	}
	for marker, p := range planted {
		if !found[marker] {
			t.Errorf("%s:%d: planted %s problem %q resolves", p.File, p.Line, p.Kind, marker)
		}
	}
	if checked < len(m.Pages)*3 {
		t.Errorf("only %d links on %d pages", checked, len(m.Pages))
	}
	return m
}

type ref struct {
	target string
	kind   int // index in linkPatterns
}

// links returns the link targets in a page, outside code blocks.
func links(text string) []ref {
	var out []ref
	fence := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		for k, re := range linkPatterns {
			for _, sm := range re.FindAllStringSubmatch(line, -1) {
				target := strings.Join(sm[1:], "")
				if strings.HasPrefix(target, "{") || strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				out = append(out, ref{target, k})
			}
		}
	}
	return out
}

// resolve returns what is wrong with a link from file, or "".
func resolve(fsys fstest.MapFS, l Layout, file string, r ref) string {
	target, anchor, _ := strings.Cut(strings.Trim(r.target, "<>"), "#")
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	var p string
	switch {
	case target == "":
		p = file
	case r.kind == 2: // {% link %}: from the site's root
		p = target
	case strings.HasPrefix(target, "/"):
		switch {
		case r.kind == 1: // Hugo's ref: from content/
			p = "content" + target
		case l == Hugo || l == Docusaurus:
			p = "static" + target
		default:
			p = target[1:]
		}
	default:
		p = path.Join(path.Dir(file), target)
	}
	p = strings.TrimSuffix(p, "/")
	if _, ok := fsys[p]; !ok {
		for _, index := range []string{"README.md", "index.md", "_index.md"} {
			if _, ok := fsys[path.Join(p, index)]; ok {
				p = path.Join(p, index)
				break
			}
		}
	}
	f, ok := fsys[p]
	if !ok {
		return "no file " + p
	}
	if anchor != "" {
		if _, ok := headingIDs(string(f.Data))[anchor]; !ok {
			return "no heading #" + anchor + " in " + p
		}
	}
	return ""
}

var headingLine = regexp.MustCompile(`^#{1,6} +(.+?) *$`)

func headingIDs(text string) map[string]bool {
	ids := map[string]bool{}
	fence := false
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, "```") {
			fence = !fence
		}
		if sm := headingLine.FindStringSubmatch(line); sm != nil && !fence {
			ids[headingID(sm[1])] = true
		}
	}
	return ids
}

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	m, err := Write(dir, GitBook, Options{Pages: 80, Seed: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range m.Pages {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			t.Error(err)
		}
	}
	if _, err := Write(dir, GitBook, Options{Pages: 80}); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("writing into a full folder: %v, want a not-empty error", err)
	}
	if _, err := Write(t.TempDir(), "sphinx", Options{}); err == nil || !strings.Contains(err.Error(), `unknown layout "sphinx"`) {
		t.Errorf("unknown layout: %v", err)
	}
	disk := os.DirFS(dir)
	mem, _ := FS(GitBook, Options{Pages: 80, Seed: 2})
	n := 0
	err = fs.WalkDir(disk, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		data, err := fs.ReadFile(disk, p)
		if f, ok := mem[p]; err != nil || !ok || !bytes.Equal(f.Data, data) {
			t.Errorf("%s on disk differs from FS", p)
		}
		return err
	})
	if err != nil || n != len(mem) {
		t.Errorf("%d files on disk, %d in FS (%v)", n, len(mem), err)
	}
}

func TestRel(t *testing.T) {
	for _, c := range [][3]string{
		{"a/b.md", "a/c.md", "c.md"},
		{"a/b.md", "d.md", "../d.md"},
		{"b.md", "a/c.md", "a/c.md"},
		{"a/x/b.md", "a/y/c.md", "../y/c.md"},
		{"a/b.md", "a/b/c.md", "b/c.md"},
	} {
		if got := rel(c[0], c[1]); got != c[2] {
			t.Errorf("rel(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
}
