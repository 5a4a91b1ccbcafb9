package preview

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
	"github.com/playbook-ssg/playbook/generator/pipeline"
)

// BenchmarkEditOnePage10000 times the server side of a one-page edit in a
// 10,000-page playbook: re-parse, re-render and publish a new snapshot
// (the file write is not timed). It reports the median, and apart from it
// the median time the search index then takes to catch up.
//
//	go test ./generator/preview -run '^$' -bench EditOnePage -benchtime 50x
func BenchmarkEditOnePage10000(b *testing.B) {
	benchmarkEdit(b, 10000, func(orig []byte, i int) []byte {
		return fmt.Appendf(nil, "%s\nEdit number %d.\n", orig, i)
	})
}

// BenchmarkEditTitle10000 edits a page's title instead: the pages that
// show it (its section, neighbours, related pages) are rendered again.
func BenchmarkEditTitle10000(b *testing.B) {
	benchmarkEdit(b, 10000, func(orig []byte, i int) []byte {
		return bytes.Replace(orig, []byte(`title = "`), fmt.Appendf(nil, `title = "Edit %d `, i), 1)
	})
}

// BenchmarkEditRelation10000 adds and removes a closing tool named by an
// objection: relations are resolved again and both tools' pages rendered.
func BenchmarkEditRelation10000(b *testing.B) {
	benchmarkEdit(b, 10000, func(orig []byte, i int) []byte {
		if i%2 == 1 {
			return orig
		}
		return bytes.Replace(orig, []byte(`closing_tools = ["`), []byte(`closing_tools = ["tool-7", "`), 1)
	})
}

func benchmarkEdit(b *testing.B, n int, change func([]byte, int) []byte) {
	dir := b.TempDir()
	if err := synth.Write(dir, n); err != nil {
		b.Fatal(err)
	}
	pv, err := Start(Options{Build: pipeline.Options{Source: dir, BaseURL: "/", Today: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)}})
	if err != nil {
		b.Fatal(err)
	}
	defer pv.Close()
	rel := "content/objections/objection-1234.md"
	path := filepath.Join(dir, filepath.FromSlash(rel))
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var times, searchTimes []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if err := os.WriteFile(path, change(orig, i), 0o644); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		if !pv.rebuildPages([]string{rel}) {
			b.Fatal("the edit failed to build")
		}
		times = append(times, time.Since(start))
		// The search index follows the published page; timed apart.
		b.StopTimer()
		start = time.Now()
		pv.refreshSearch()
		searchTimes = append(searchTimes, time.Since(start))
	}
	b.StopTimer()
	if pv.last == nil {
		b.Fatal("the edit failed to build")
	}
	b.ReportMetric(median(times), "ms-median")
	b.ReportMetric(percentile(times, 90), "ms-p90")
	b.ReportMetric(median(searchTimes), "search-ms-median")
}

func median(ts []time.Duration) float64 { return percentile(ts, 50) }

// percentile returns the p-th percentile in milliseconds.
func percentile(ts []time.Duration, p int) float64 {
	ts = slices.Clone(ts)
	slices.Sort(ts)
	return float64(ts[len(ts)*p/100].Microseconds()) / 1000
}
