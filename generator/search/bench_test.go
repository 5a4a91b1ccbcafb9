package search

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync"
	"syscall"
	"testing"
	"time"
)

// gzipSize is a file's size as a server would send it compressed.
func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// benchCorpus is the 10,000-page synthetic playbook and its index, built
// once for all the tests and benchmarks that measure it.
func benchCorpus() ([]Doc, map[string][]byte, error) {
	c := builtCorpus()
	return c.docs, c.files, c.err
}

var builtCorpus = sync.OnceValue(func() (c struct {
	docs  []Doc
	files map[string][]byte
	err   error
}) {
	c.docs, _ = syntheticDocs(10000, 1)
	c.files, c.err = Build(c.docs, benchOptions)
	return c
})

func benchIndex() (map[string][]byte, error) {
	_, files, err := benchCorpus()
	return files, err
}

// heavy says whether to skip the tests that build the 10,000-page index.
func heavy() bool { return testing.Short() || raceEnabled }

var benchOptions = Options{Language: "en", Synonyms: [][]string{{"ROI", "return on investment"}, {"TMS", "transport management system"}}}

// BenchmarkBuild10000 indexes a 10,000-page synthetic playbook and reports
// the index's size and the peak heap Build adds to its input.
func BenchmarkBuild10000(b *testing.B) { benchBuild(b, 10000) }

// BenchmarkBuild100000 is BenchmarkBuild10000 at 100,000 pages, for how
// Build scales in time and memory.
func BenchmarkBuild100000(b *testing.B) { benchBuild(b, 100000) }

func benchBuild(b *testing.B, n int) {
	docs, _ := syntheticDocs(n, 1)
	var files map[string][]byte
	b.ReportAllocs()
	runtime.GC()
	peak := watchHeap()
	cpu0 := cpuTime()
	for b.Loop() {
		var err error
		if files, err = Build(docs, benchOptions); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MiB")
	total, gz := 0, 0
	for _, f := range files {
		total += len(f)
		gz += gzipSize(f)
	}
	b.ReportMetric(float64(total)/1e6, "MB")
	b.ReportMetric(float64(gz)/1e6, "MB-gzip")
	b.ReportMetric(float64(len(files)), "files")
}

// watchHeap samples the heap's live and not yet collected objects every
// millisecond until the returned function is called, which gives the
// highest value seen above the value at the start: about the peak heap of
// what ran in between (a sample may miss a peak shorter than a
// millisecond).
func watchHeap() (stop func() uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	done := make(chan struct{})
	result := make(chan uint64)
	go func() {
		peak := base
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				result <- max(peak, read()) - base
				return
			case <-t.C:
				peak = max(peak, read())
			}
		}
	}()
	return func() uint64 {
		close(done)
		return <-result
	}
}

// firstQueryQueries are measured on a fresh index, as a first query in a
// browser would be.
var firstQueryQueries = []string{"too expnsive", "already use a competitor", "pilot", "roi", "freight", "onb"}

// BenchmarkQuery10000 reports, per query, the Go query time once loaded
// and the gzip bytes a first query transfers: script, meta.json, shards,
// postings chunks and the fragments of the results shown.
func BenchmarkQuery10000(b *testing.B) {
	files, err := benchIndex()
	if err != nil {
		b.Fatal(err)
	}
	for _, q := range firstQueryQueries {
		b.Run(q, func(b *testing.B) {
			bytes, _ := firstQueryBytes(files, q)
			ix, _ := Open(files)
			for b.Loop() {
				ix.Search(q, nil)
			}
			b.ReportMetric(float64(bytes)/1e3, "kB-first-query")
		})
	}
}

// firstQueryBytes runs q on a fresh index and sums the gzip sizes of the
// files it needed, with search.js and meta.json.
func firstQueryBytes(files map[string][]byte, q string) (int, map[string]int) {
	ix, err := Open(files)
	if err != nil {
		panic(err)
	}
	ix.Search(q, nil)
	parts := map[string]int{}
	total := 0
	for _, p := range append(ix.fetchedFiles(), "search/meta.json", "search/search.js") {
		n := gzipSize(files[p])
		total += n
		kind := p[len("search/"):]
		if i := bytes.IndexByte([]byte(kind), '/'); i >= 0 {
			kind = kind[:i]
		}
		parts[kind] += n
	}
	return total, parts
}

func TestFirstQueryBytes(t *testing.T) {
	if heavy() {
		t.Skip("builds a 10,000-page index (skipped with -short and -race)")
	}
	files, err := benchIndex()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range firstQueryQueries {
		total, parts := firstQueryBytes(files, q)
		t.Logf("%-26q %6.1f kB gzip %s", q, float64(total)/1e3, fmt.Sprint(parts))
		if total > 100_000 {
			t.Errorf("%q: first query transfers %d bytes gzipped, over 100 kB", q, total)
		}
	}
}

// cpuTime is the CPU time the process has used, which a busy machine
// disturbs less than the time on the clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
