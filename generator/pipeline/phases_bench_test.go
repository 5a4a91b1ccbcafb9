package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/output"
	"github.com/playbook-ssg/playbook/generator/parallel"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// BenchmarkPhases10000 times each phase of the pipeline on its own, with
// its allocations, on the plain 10,000-page playbook:
//
//	go test ./generator/pipeline -run '^$' -bench Phases10000 -benchtime 3x -benchmem
//
// load reads and decodes every file; model links sections, relations and
// front matter texts; bodies parses, links and renders every body
// (markdown and highlighting); templates renders every page's HTML;
// search makes the index; write writes the site to a staging folder and
// swaps it in.
func BenchmarkPhases10000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.WritePlain(dir, 10000); err != nil {
		b.Fatal(err)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS(dir)
	md := markdown.New(markdown.Options{})
	opts := site.Options{Today: fixtureToday}
	load := func() *content.Set {
		set, _, err := content.Load(fsys, cfg)
		if err != nil {
			b.Fatal(err)
		}
		return set
	}
	model := func(set *content.Set) *site.Site {
		s, diags := site.Model(cfg, set, fsys, md, opts)
		if s == nil || diags.HasErrors() {
			b.Fatal(diags)
		}
		return s
	}
	bodies := func(s *site.Site) {
		if diags, err := s.Bodies(nil); err != nil || diags.HasErrors() {
			b.Fatal(err, diags)
		}
	}
	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			load()
		}
	})
	b.Run("model", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			set := load()
			b.StartTimer()
			model(set)
		}
	})
	b.Run("bodies", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			s := model(load())
			b.StartTimer()
			bodies(s)
		}
	})
	s := model(load())
	bodies(s)
	r, err := render.New(s, md, fsys, theme.FS)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("templates", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			parallel.Each(len(s.Pages), func(i int) {
				if _, err := r.Page(s.Pages[i]); err != nil {
					b.Error(err)
				}
			})
		}
	})
	docs := make([]search.Doc, 0, len(s.Pages))
	for _, p := range s.Pages {
		if searchable(p) {
			docs = append(docs, searchDoc(p, md))
		}
	}
	b.Run("search", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := search.Build(docs, searchOptions(s)); err != nil {
				b.Fatal(err)
			}
		}
	})
	site, err := Generate(Options{Source: dir, Today: fixtureToday})
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "site")
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := output.Write(out, dir, site.Files); err != nil {
				b.Fatal(err)
			}
		}
	})
}
