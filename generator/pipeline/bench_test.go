package pipeline

import (
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
)

// BenchmarkBuild1000 builds a generated 1,000-page playbook to disk:
//
//	go test ./generator/pipeline -run '^$' -bench Build1000 -benchmem
func BenchmarkBuild1000(b *testing.B) {
	benchmarkBuild(b, 1000)
}

// BenchmarkSearchCost10000 builds a 10,000-page playbook to disk with and
// without the search index, alternating, so the two are measured side by
// side on the same machine state. Which goes first alternates too (a disk
// that slows as a run goes on would otherwise always charge the second),
// and besides the ratio of the totals it reports the median of the
// pairs' ratios, which one slow moment of a shared disk cannot move:
//
//	go test ./generator/pipeline -run '^$' -bench SearchCost -benchtime 8x
func BenchmarkSearchCost10000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 10000); err != nil {
		b.Fatal(err)
	}
	// Each kind of build replaces its own previous output, as it would.
	outs := map[bool]string{true: filepath.Join(b.TempDir(), "without"), false: filepath.Join(b.TempDir(), "with")}
	var with, without time.Duration
	var ratios []float64
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		order := []bool{true, false}
		if i%2 == 1 {
			order = []bool{false, true}
		}
		took := map[bool]time.Duration{}
		for _, skip := range order {
			// Flush the last build's writes first, so that neither build
			// pays for the other's (the disk, not the work, would differ).
			b.StopTimer()
			_ = exec.Command("sync").Run()
			b.StartTimer()
			start := time.Now()
			if _, err := Build(Options{Source: dir, Today: fixtureToday, noSearch: skip}, outs[skip]); err != nil {
				b.Fatal(err)
			}
			took[skip] = time.Since(start)
		}
		with += took[false]
		without += took[true]
		ratios = append(ratios, took[false].Seconds()/took[true].Seconds())
	}
	slices.Sort(ratios)
	b.ReportMetric(with.Seconds()/float64(b.N), "s-with-search")
	b.ReportMetric(without.Seconds()/float64(b.N), "s-without")
	b.ReportMetric(100*(with.Seconds()/without.Seconds()-1), "%-added")
	b.ReportMetric(100*(ratios[len(ratios)/2]-1), "%-added-median-pair")
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

// BenchmarkGeneratePlain10000 is the in-memory pipeline on the plain
// 10,000-page playbook scripts/vs-hugo builds with Hugo too. Profile it:
//
//	go test ./generator/pipeline -run '^$' -bench GeneratePlain10000 -benchtime 2x -cpuprofile cpu.out -memprofile mem.out
func BenchmarkGeneratePlain10000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.WritePlain(dir, 10000); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Generate(Options{Source: dir, Today: fixtureToday}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildPlain10000 builds the plain 10,000-page playbook to disk,
// streaming, as `playbook build --latest-only` does:
//
//	go test ./generator/pipeline -run '^$' -bench BuildPlain10000 -benchtime 2x -benchmem -cpuprofile cpu.out -memprofile mem.out
func BenchmarkBuildPlain10000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.WritePlain(dir, 10000); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "site")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Build(Options{Source: dir, Today: fixtureToday}, out); err != nil {
			b.Fatal(err)
		}
	}
}
