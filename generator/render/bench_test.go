package render

import (
	"os"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/site"
	theme "github.com/playbook-ssg/playbook/themes/default"
)

// BenchmarkRenderPage renders one objection page of the sample playbook:
//
//	go test ./generator/render -run '^$' -bench RenderPage -benchmem
func BenchmarkRenderPage(b *testing.B) {
	cfg, err := config.Load("../../playbook")
	if err != nil {
		b.Fatal(err)
	}
	fsys := os.DirFS("../../playbook")
	set, _, err := content.Load(fsys, cfg)
	if err != nil {
		b.Fatal(err)
	}
	md := markdown.New(markdown.Options{})
	s, diags := site.Link(cfg, set, fsys, md, site.Options{Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)})
	if s == nil {
		b.Fatal(diags)
	}
	r, err := New(s, md, fsys, theme.FS)
	if err != nil {
		b.Fatal(err)
	}
	for _, path := range []string{"/objections/too-expensive/", "/working-together/feedback-loop/"} {
		p := s.Page(path)
		b.Run(path, func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Page(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
