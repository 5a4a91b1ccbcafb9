package build

import (
	"path/filepath"
	"testing"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
)

// BenchmarkBuild1000 builds a generated 1,000-page playbook to disk:
//
//	go test ./generator/build -run '^$' -bench Build1000 -benchmem
func BenchmarkBuild1000(b *testing.B) {
	benchmarkBuild(b, 1000)
}

func benchmarkBuild(b *testing.B, n int) {
	dir := b.TempDir()
	if err := synth.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "site")
	b.ResetTimer()
	for b.Loop() {
		res, err := Build(Options{Source: dir, Today: fixtureToday}, out)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Pages), "pages")
	}
}

// BenchmarkGenerate1000 is the same pipeline without the disk writes.
func BenchmarkGenerate1000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 1000); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Generate(Options{Source: dir, Today: fixtureToday}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate10000 is the in-memory pipeline on a 10,000-page
// playbook, the size the serve and search targets are set for.
func BenchmarkGenerate10000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 10000); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := Generate(Options{Source: dir, Today: fixtureToday}); err != nil {
			b.Fatal(err)
		}
	}
}
