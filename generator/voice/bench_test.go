package voice

import (
	"os"
	"testing"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/markdown"
	"github.com/playbook-ssg/playbook/generator/parallel"
)

// BenchmarkCheck1000 applies the sample playbook's rules to a generated
// 1,000-page playbook, on one core, reporting milliseconds per 1,000 pages
// for Check (which parses each body) and for CheckDoc on bodies parsed
// beforehand (as `playbook check` has them, for its link checks):
//
//	go test ./generator/voice -run '^$' -bench Check1000
func BenchmarkCheck1000(b *testing.B) {
	pages, rules, md := benchSetup(b, 1000)
	b.Run("Check", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				rules.Check(p, md)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)*1000/float64(len(pages)), "ms/1000pages")
	})
	docs := make([]*markdown.Doc, len(pages))
	for i, p := range pages {
		docs[i] = md.Parse(p.Body)
	}
	b.Run("CheckDoc", func(b *testing.B) {
		for b.Loop() {
			for i, p := range pages {
				rules.CheckDoc(p, docs[i], md)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)*1000/float64(len(pages)), "ms/1000pages")
	})
	b.Run("ParseOnly", func(b *testing.B) {
		for b.Loop() {
			for _, p := range pages {
				md.Parse(p.Body)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N)*1000/float64(len(pages)), "ms/1000pages")
	})
}

// BenchmarkCheck10000 checks a generated 10,000-page playbook on all
// cores, as `playbook check` would, parsing each body (Check) or with the
// bodies parsed already (CheckDoc):
//
//	go test ./generator/voice -run '^$' -bench Check10000 -benchtime 5x
func BenchmarkCheck10000(b *testing.B) {
	pages, rules, md := benchSetup(b, 10000)
	b.Run("Check", func(b *testing.B) {
		for b.Loop() {
			parallel.Each(len(pages), func(i int) { rules.Check(pages[i], md) })
		}
	})
	docs := make([]*markdown.Doc, len(pages))
	parallel.Each(len(pages), func(i int) { docs[i] = md.Parse(pages[i].Body) })
	b.Run("CheckDoc", func(b *testing.B) {
		for b.Loop() {
			parallel.Each(len(pages), func(i int) { rules.CheckDoc(pages[i], docs[i], md) })
		}
	})
}

func benchSetup(b *testing.B, n int) ([]*content.Page, *Rules, *markdown.Renderer) {
	b.Helper()
	dir := b.TempDir()
	if err := synth.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	sample, err := config.Load("../../playbook")
	if err != nil {
		b.Fatal(err)
	}
	rules, err := Compile(sample.Voice)
	if err != nil {
		b.Fatal(err)
	}
	cfg, err := config.Load(dir)
	if err != nil {
		b.Fatal(err)
	}
	set, diags, err := content.Load(os.DirFS(dir), cfg)
	if err != nil || diags.HasErrors() {
		b.Fatal(err, diags)
	}
	return set.Pages, rules, markdown.New(markdown.Options{})
}
