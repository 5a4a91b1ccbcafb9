package versions

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/internal/gittest"
)

// BenchmarkTenVersions1000 builds a 1,000-page playbook with ten tagged
// releases (each changing 20 pages) and a working tree that moved on,
// and compares, side by side, a warm build of every version (the tags
// carried over from the previous build) with a build of the latest alone
// (`playbook build --latest-only`). The target is a ratio of at most 1.3:
//
//	go test ./generator/versions -run '^$' -bench TenVersions -benchtime 5x
func BenchmarkTenVersions1000(b *testing.B) {
	r := gittest.New(b)
	if err := synth.Write(r.Dir, 1000); err != nil {
		b.Fatal(err)
	}
	objections, err := filepath.Glob(filepath.Join(r.Dir, "content", "objections", "objection-*.md"))
	if err != nil || len(objections) < 200 {
		b.Fatalf("synthetic playbook has %d objections (%v)", len(objections), err)
	}
	slices.Sort(objections)
	when := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for v := 1; v <= 11; v++ {
		// Each release rewrites a paragraph of 20 objections.
		for i := range 20 {
			f := objections[(v*37+i*11)%len(objections)]
			text, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			text = append(text, fmt.Sprintf("\nRelease %d adds advice for this objection: ask about lane %d first.\n", v, i)...)
			if err := os.WriteFile(f, text, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		r.Commit("Writer", when.AddDate(0, 0, 14*v), fmt.Sprintf("release %d", v))
		if v <= 10 {
			r.Git("tag", fmt.Sprintf("v%d.0", v))
		}
	}
	outAll := filepath.Join(b.TempDir(), "all")
	outLatest := filepath.Join(b.TempDir(), "latest")
	cacheDir := b.TempDir()
	opts := pipeline.Options{Source: r.Dir, GitHistory: true, Today: when.AddDate(1, 0, 0)}
	all := func() *Result {
		res, err := Build(context.Background(), Options{Build: opts, Out: outAll, CacheDir: cacheDir, Generator: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	start := time.Now()
	res := all() // cold: every tag built
	cold := time.Since(start)
	if len(res.Versions) != 11 {
		b.Fatalf("built %d versions, want 10 tags and the latest", len(res.Versions))
	}
	var warm, single time.Duration
	b.ResetTimer()
	for b.Loop() {
		for _, versioned := range []bool{false, true} {
			// Flush the last build's writes, so that neither build pays
			// for the other's.
			b.StopTimer()
			_ = exec.Command("sync").Run()
			b.StartTimer()
			start := time.Now()
			if versioned {
				for _, v := range all().Versions {
					if !v.Cached && !v.Latest {
						b.Fatalf("%s was built again", v.Name)
					}
				}
				warm += time.Since(start)
			} else {
				if _, err := pipeline.Build(opts, outLatest); err != nil {
					b.Fatal(err)
				}
				single += time.Since(start)
			}
		}
	}
	b.ReportMetric(cold.Seconds(), "s-cold-11-versions")
	b.ReportMetric(single.Seconds()/float64(b.N), "s-latest-only")
	b.ReportMetric(warm.Seconds()/float64(b.N), "s-warm-11-versions")
	b.ReportMetric(warm.Seconds()/single.Seconds(), "ratio")
}
