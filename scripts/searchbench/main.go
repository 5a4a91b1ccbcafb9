// Command searchbench compares Playbook's search (generator/search) with
// Pagefind on the same generated playbook: bytes for a first query, index
// size, typo recall, query time and index build time. See README.md.
//
//	go run ./scripts/searchbench -pages 10000 -pagefind /path/to/pagefind
//
// It needs Go, headless Chromium and the pagefind binary (npm package
// pagefind); it makes no network requests beyond 127.0.0.1.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

type config struct {
	pages    int
	seed     uint64
	work     string
	pagefind string
	runs     int
	typos    int
	queries  []string
	keep     bool
}

func main() {
	var c config
	var queries string
	flag.IntVar(&c.pages, "pages", 10000, "pages in the generated playbook")
	flag.Uint64Var(&c.seed, "seed", 1, "seed of the generated playbook, the typo sample and the edits")
	flag.StringVar(&c.work, "work", filepath.Join(os.TempDir(), "searchbench"), "work folder (source, site, binary, results.json)")
	flag.StringVar(&c.pagefind, "pagefind", os.Getenv("PAGEFIND"), "pagefind binary (default $PAGEFIND, else pagefind on PATH)")
	flag.IntVar(&c.runs, "runs", 3, "builds and pagefind runs to time (the median is reported)")
	flag.IntVar(&c.typos, "typos", 100, "typo queries for recall")
	flag.StringVar(&queries, "queries", "too expnsive|detention|onboa|carrier onboarding service|peak season", "first-query set, separated by |")
	flag.BoolVar(&c.keep, "keep", false, "reuse the generated source in -work if present")
	flag.Parse()
	c.queries = strings.Split(queries, "|")
	if c.pagefind == "" {
		p, err := exec.LookPath("pagefind")
		if err != nil {
			log.Fatal("pagefind not found: install it (npm install pagefind@1.6.0) and pass -pagefind node_modules/.bin/pagefind")
		}
		c.pagefind = p
	}
	if err := run(c); err != nil {
		log.Fatal(err)
	}
}

// results is what results.json holds.
type results struct {
	Pages, Seed  int
	Build        buildTimes
	Index        map[string]indexSize
	FirstQuery   map[string][]firstQuery
	Recall       map[string]recall
	QueryTime    map[string]queryTime
	RecallMisses map[string][]string
	TypoCases    []typoCase

	DistinctiveCases            []typoCase
	DistinctiveRecall           map[string]recall
	DistinctiveMisses           map[string][]string
	DistinctiveGoBrowserDiffers []string
	GoBrowserDiffers            []string
}

func run(c config) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(c.work, 0o755); err != nil {
		return err
	}
	src := filepath.Join(c.work, "src")
	out := filepath.Join(c.work, "site")
	bin := filepath.Join(c.work, "playbook")
	res := results{Pages: c.pages, Seed: int(c.seed)}
	fileRoot = out

	stamp := filepath.Join(src, fmt.Sprintf(".generated-%d-%d", c.pages, c.seed))
	if _, err := os.Stat(stamp); err != nil || !c.keep {
		log.Printf("generating a %d-page playbook (seed %d) in %s", c.pages, c.seed, src)
		if err := os.RemoveAll(src); err != nil {
			return err
		}
		cmd := exec.Command("go", "test", "./generator/internal/synth", "-run", "^TestWrite$", "-count=1")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "SYNTH_DIR="+src, fmt.Sprint("SYNTH_PAGES=", c.pages), fmt.Sprint("SYNTH_SEED=", c.seed))
		if b, err := cmd.CombinedOutput(); err != nil {
			return fmt.Errorf("generating: %v\n%s", err, b)
		}
		if err := os.WriteFile(stamp, nil, 0o644); err != nil {
			return err
		}
	}
	log.Printf("building the playbook binary")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/playbook")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, b)
	}

	if res.Build, err = timeBuilds(c, bin, src, out); err != nil {
		return err
	}
	res.Index = map[string]indexSize{"playbook": playbookIndexSize(out), "pagefind": pagefindIndexSize(out)}

	srv, err := startServer(out)
	if err != nil {
		return err
	}
	defer srv.Close()
	b, err := newBrowser()
	if err != nil {
		return err
	}
	defer b.close()

	res.FirstQuery = map[string][]firstQuery{}
	for _, engine := range engines {
		for _, q := range c.queries {
			fq, err := measureFirstQuery(b, srv, engine, q)
			if err != nil {
				return fmt.Errorf("%s first query %q: %w", engine, q, err)
			}
			res.FirstQuery[engine] = append(res.FirstQuery[engine], fq)
		}
	}

	cases, err := typoCases(out, c.typos, c.seed, 0)
	if err != nil {
		return err
	}
	res.TypoCases = cases
	res.Recall, res.RecallMisses, res.GoBrowserDiffers, err = measureRecall(b, srv, out, cases)
	if err != nil {
		return err
	}
	// The same over pages whose word is in at most 5 titles: the page is
	// then findable by that word alone when titles rank first.
	distinct, err := typoCases(out, c.typos, c.seed+1, 5)
	if err != nil {
		return err
	}
	res.DistinctiveCases = distinct
	res.DistinctiveRecall, res.DistinctiveMisses, res.DistinctiveGoBrowserDiffers, err = measureRecall(b, srv, out, distinct)
	if err != nil {
		return err
	}
	timed := slices.Clone(c.queries)
	for i := 0; len(timed) < 30 && i < len(cases); i++ {
		if i%2 == 0 {
			timed = append(timed, cases[i].Typo)
		} else {
			timed = append(timed, cases[i].Word)
		}
	}
	res.QueryTime = map[string]queryTime{}
	for _, engine := range engines {
		if res.QueryTime[engine], err = measureQueryTime(b, srv, engine, timed); err != nil {
			return fmt.Errorf("%s query time: %w", engine, err)
		}
	}

	j, _ := json.MarshalIndent(res, "", "  ")
	if err := os.WriteFile(filepath.Join(c.work, "results.json"), j, 0o644); err != nil {
		return err
	}
	printReport(os.Stdout, c, res)
	return nil
}

func moduleRoot() (string, error) {
	b, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", err
	}
	gomod := strings.TrimSpace(string(b))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("run searchbench from inside the Playbook module")
	}
	return filepath.Dir(gomod), nil
}

type buildTimes struct {
	Total, SearchStage, Write   time.Duration // medians of the builds
	SearchFiles, AllFiles       int
	SearchBytes, AllBytes       int64
	WriteSearchFiles            time.Duration // writing search/ alone, once
	Pagefind                    time.Duration // median wall time
	Runs                        int
	Totals, Searches, Pagefinds []time.Duration
}

var (
	stageLine = regexp.MustCompile(`(?m)^(search index|write)\s+([0-9.]+[a-zµ]+)\s*$`)
	builtLine = regexp.MustCompile(`in ([0-9.]+[a-zµ]+) into`)
)

// timeBuilds builds the site c.runs times with -v, then runs Pagefind over
// the last build c.runs times.
func timeBuilds(c config, bin, src, out string) (buildTimes, error) {
	var bt buildTimes
	var totals, searches, writes, pagefinds []time.Duration
	for i := 0; i < c.runs; i++ {
		log.Printf("build %d of %d", i+1, c.runs)
		cmd := exec.Command(bin, "build", src, "-o", out, "-v", "-today", "2026-11-25", "--latest-only")
		b, err := cmd.CombinedOutput()
		if err != nil {
			return bt, fmt.Errorf("build: %v\n%s", err, b)
		}
		m := builtLine.FindSubmatch(b)
		if m == nil {
			return bt, fmt.Errorf("no total in build output:\n%s", b)
		}
		total, _ := time.ParseDuration(string(m[1]))
		totals = append(totals, total)
		for _, m := range stageLine.FindAllSubmatch(b, -1) {
			d, _ := time.ParseDuration(string(m[2]))
			if string(m[1]) == "write" {
				writes = append(writes, d)
			} else {
				searches = append(searches, d)
			}
		}
	}
	bt.Runs = c.runs
	bt.Total, bt.SearchStage, bt.Write = median(totals), median(searches), median(writes)
	_ = filepath.WalkDir(out, func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		info, _ := e.Info()
		bt.AllFiles++
		bt.AllBytes += info.Size()
		if rel, _ := filepath.Rel(out, p); strings.HasPrefix(filepath.ToSlash(rel), "search/") {
			bt.SearchFiles++
			bt.SearchBytes += info.Size()
		}
		return nil
	})
	// What writing the index files costs, measured apart: the same files
	// written to a fresh folder.
	copyTo := filepath.Join(c.work, "copy-search")
	_ = os.RemoveAll(copyTo)
	start := time.Now()
	if err := os.CopyFS(copyTo, os.DirFS(filepath.Join(out, "search"))); err != nil {
		return bt, err
	}
	bt.WriteSearchFiles = time.Since(start)
	_ = os.RemoveAll(copyTo)

	for i := 0; i < c.runs; i++ {
		log.Printf("pagefind %d of %d", i+1, c.runs)
		start := time.Now()
		cmd := exec.Command(c.pagefind, pagefindArgs(out)...)
		if b, err := cmd.CombinedOutput(); err != nil {
			return bt, fmt.Errorf("pagefind: %v\n%s", err, b)
		}
		pagefinds = append(pagefinds, time.Since(start))
	}
	bt.Pagefind = median(pagefinds)
	bt.Totals, bt.Searches, bt.Pagefinds = totals, searches, pagefinds
	return bt, nil
}

// pagefindArgs index the content of <main> less what our index leaves out
// too (breadcrumbs, cards of related pages, pager, review dates), so that
// both engines see the same text.
func pagefindArgs(out string) []string {
	args := []string{"--site", out, "--root-selector", "main", "--quiet"}
	for _, sel := range pagefindExcluded {
		args = append(args, "--exclude-selectors", sel)
	}
	return args
}

var pagefindExcluded = []string{".breadcrumbs", ".related", ".cards", ".pager", ".page-meta"}

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

type indexSize struct {
	DataFiles      int   // index files (not the engine's code)
	DataBytes      int64 // on disk
	DataGzip       int64 // as sent gzipped (Pagefind's own files are already gzip)
	CodeFiles      []string
	CodeBytes      int64
	CodeGzip       int64
	DataFilesByDir map[string]int
}

// playbookIndexSize counts search/ less the search page; search.js is code.
func playbookIndexSize(out string) indexSize {
	s := indexSize{DataFilesByDir: map[string]int{}}
	_ = filepath.WalkDir(filepath.Join(out, "search"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel := siteRel(out, p)
		switch rel {
		case "/search/index.html":
			return nil
		case "/search/search.js":
			s.CodeFiles = append(s.CodeFiles, rel)
			s.CodeBytes += fileSize(p)
			s.CodeGzip += gzipSize(out, rel)
			return nil
		}
		s.DataFiles++
		s.DataBytes += fileSize(p)
		s.DataGzip += gzipSize(out, rel)
		s.DataFilesByDir[path2(rel)]++
		return nil
	})
	return s
}

// pagefindIndexSize counts the entry, meta, index, filter and fragment
// files; pagefind.js, its worker and the wasm are code, the UI bundles are
// left out.
func pagefindIndexSize(out string) indexSize {
	s := indexSize{DataFilesByDir: map[string]int{}}
	_ = filepath.WalkDir(filepath.Join(out, "pagefind"), func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		rel := siteRel(out, p)
		name := filepath.Base(p)
		switch {
		case name == "pagefind.js" || name == "pagefind-worker.js" || strings.HasPrefix(name, "wasm.en."):
			s.CodeFiles = append(s.CodeFiles, rel)
			s.CodeBytes += fileSize(p)
			s.CodeGzip += gzipSize(out, rel)
		case name == "pagefind-entry.json" || strings.Contains(name, ".pf_"):
			s.DataFiles++
			s.DataBytes += fileSize(p)
			s.DataGzip += gzipSize(out, rel)
			s.DataFilesByDir[path2(rel)]++
		}
		return nil
	})
	return s
}

func path2(rel string) string {
	parts := strings.Split(rel, "/")
	if len(parts) > 3 {
		return strings.Join(parts[:3], "/") + "/"
	}
	return strings.Join(parts[:len(parts)-1], "/") + "/"
}

func siteRel(out, p string) string {
	rel, _ := filepath.Rel(out, p)
	return "/" + filepath.ToSlash(rel)
}

func fileSize(p string) int64 {
	info, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return info.Size()
}

var gzipCache = map[string]int64{}

// preGzipped reports whether Pagefind wrote a file gzip-compressed: it is
// sent as it is and its bytes count as transferred.
func preGzipped(rel string) bool {
	return strings.HasPrefix(rel, "/pagefind/") && (strings.Contains(rel, ".pf_") || strings.HasSuffix(rel, ".pagefind"))
}

// gzipSize is a file's size gzipped at the default level, or its own size
// when it is stored compressed already.
func gzipSize(out, rel string) int64 {
	if n, ok := gzipCache[rel]; ok {
		return n
	}
	p := filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(rel, "/")))
	b, err := os.ReadFile(p)
	if err != nil {
		return 0
	}
	n := int64(len(b))
	if !preGzipped(rel) {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
		w.Write(b)
		w.Close()
		n = int64(buf.Len())
	}
	gzipCache[rel] = n
	return n
}
