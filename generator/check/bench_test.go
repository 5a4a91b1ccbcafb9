package check

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/pipeline"
)

// BenchmarkCheckVsBuild10000 runs check and a full build (to disk) of a
// 10,000-page playbook side by side and reports check's share of a build
// (the target is at most half):
//
//	go test ./generator/check -run '^$' -bench CheckVsBuild -benchtime 3x
func BenchmarkCheckVsBuild10000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 10000); err != nil {
		b.Fatal(err)
	}
	// The sample's brand voice rules, so that check does all its work.
	sample, err := os.ReadFile("../../playbook/playbook.toml")
	if err != nil {
		b.Fatal(err)
	}
	cfg := filepath.Join(dir, "playbook.toml")
	own, err := os.ReadFile(cfg)
	if err != nil {
		b.Fatal(err)
	}
	rules := sample[bytes.Index(sample, []byte("[[voice]]")):]
	if err := os.WriteFile(cfg, append(append(own, '\n'), rules...), 0o644); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "site")
	var checking, building time.Duration
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		if _, err := Run(Options{Source: dir, Today: fixtureToday}); err != nil {
			b.Fatal(err)
		}
		checking += time.Since(start)
		start = time.Now()
		if _, err := pipeline.Build(pipeline.Options{Source: dir, Today: fixtureToday}, out); err != nil {
			b.Fatal(err)
		}
		building += time.Since(start)
	}
	b.ReportMetric(checking.Seconds()/float64(b.N), "s-check")
	b.ReportMetric(building.Seconds()/float64(b.N), "s-build")
	b.ReportMetric(checking.Seconds()/building.Seconds(), "check/build")
}
