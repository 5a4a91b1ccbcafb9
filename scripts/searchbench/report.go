package main

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"
)

func kB(n int64) string { return fmt.Sprintf("%.1f kB", float64(n)/1000) }
func mB(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }
func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}
func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

// printReport writes the comparison as Markdown.
func printReport(w io.Writer, c config, r results) {
	pb, pf := "playbook", "pagefind"
	fmt.Fprintf(w, "Generated playbook: %d pages (synth.WriteRealistic, seed %d); %s, %d CPUs.\n\n", r.Pages, r.Seed, runtime.GOOS+"/"+runtime.GOARCH, runtime.NumCPU())
	fmt.Fprintf(w, "| | Playbook (generator/search) | Pagefind 1.6.0 |\n|---|---|---|\n")
	for i, q := range c.queries {
		a, b := r.FirstQuery[pb][i], r.FirstQuery[pf][i]
		fmt.Fprintf(w, "| First query %q: gzip (raw), files | **%s** (%s), %d | **%s** (%s), %d |\n", q, kB(a.Gzip), kB(a.Bytes), len(a.Files), kB(b.Gzip), kB(b.Bytes), len(b.Files))
	}
	ia, ib := r.Index[pb], r.Index[pf]
	fmt.Fprintf(w, "| Index data on disk: files, size (gzip) | %d, %s (%s) | %d, %s (%s) |\n", ia.DataFiles, mB(ia.DataBytes), mB(ia.DataGzip), ib.DataFiles, mB(ib.DataBytes), mB(ib.DataGzip))
	fmt.Fprintf(w, "| Engine code: size (gzip) | %s (%s) | %s (%s) |\n", kB(ia.CodeBytes), kB(ia.CodeGzip), kB(ib.CodeBytes), kB(ib.CodeGzip))
	ra, rb, rg := r.Recall[pb], r.Recall[pf], r.Recall["go"]
	fmt.Fprintf(w, "| Typo recall, page in top 5 (of %d) | **%d** (top 1: %d; Go reference: %d) | **%d** (top 1: %d) |\n", ra.Cases, ra.Typo, ra.TypoTop1, rg.Typo, rb.Typo, rb.TypoTop1)
	fmt.Fprintf(w, "| Same word spelled right, in top 5 | %d | %d |\n", ra.Exact, rb.Exact)
	fmt.Fprintf(w, "| Typo found where the right spelling is found | %d of %d | %d of %d |\n", ra.TypoAndExact, ra.Exact, rb.TypoAndExact, rb.Exact)
	da, db, dg := r.DistinctiveRecall[pb], r.DistinctiveRecall[pf], r.DistinctiveRecall["go"]
	fmt.Fprintf(w, "| Typo recall, pages whose word is in ≤ 5 titles (of %d) | **%d** (top 1: %d; Go reference: %d) | **%d** (top 1: %d) |\n", da.Cases, da.Typo, da.TypoTop1, dg.Typo, db.Typo, db.TypoTop1)
	fmt.Fprintf(w, "| Same word spelled right, in top 5 | %d | %d |\n", da.Exact, db.Exact)
	fmt.Fprintf(w, "| Typo recall by edit: %s | %s | %s |\n", strings.Join(ops, "/"), byOp(ra), byOp(rb))
	qa, qb := r.QueryTime[pb], r.QueryTime[pf]
	fmt.Fprintf(w, "| Query time once loaded, median (p90) of %d queries | **%s** (%s) | **%s** (%s); search() alone %s (%s) |\n", qa.Queries, ms(qa.Median), ms(qa.P90), ms(qb.Median), ms(qb.P90), ms(qb.SearchOnlyMedian), ms(qb.SearchOnlyP90))
	bt := r.Build
	fmt.Fprintf(w, "| Index build time (median of %d) | \"search index\" stage %s of a %s build (%.1f%%); writing its %d files alone %s | %s wall time (%.0f%% of our build) |\n",
		bt.Runs, secs(bt.SearchStage), secs(bt.Total), 100*bt.SearchStage.Seconds()/bt.Total.Seconds(), bt.SearchFiles, secs(bt.WriteSearchFiles), secs(bt.Pagefind), 100*bt.Pagefind.Seconds()/bt.Total.Seconds())
	fmt.Fprintf(w, "\nTypo cases, random pages: the word is on a median %d pages (mean %.1f); pages by section %v.\n", ra.MedianDF, ra.MeanDF, ra.ByKind)
	fmt.Fprintf(w, "Typo cases, word in ≤ 5 titles: on a median %d pages (mean %.1f); pages by section %v.\n", da.MedianDF, da.MeanDF, da.ByKind)
	fmt.Fprintf(w, "Go reference and browser engine give the same top 10 for %d of %d recall queries.\n", rg.GoAgreesTop10+dg.GoAgreesTop10, rg.GoQueries+dg.GoQueries)
	fmt.Fprintf(w, "Timed runs: builds %s, \"search index\" stage %s, pagefind %s.\n", runsList(bt.Totals), runsList(bt.Searches), runsList(bt.Pagefinds))
	fmt.Fprintf(w, "Build: %d of %d output files (%s of %s) are the search index; the write stage took %s.\n",
		bt.SearchFiles, bt.AllFiles, mB(bt.SearchBytes), mB(bt.AllBytes), secs(bt.Write))

	fmt.Fprintf(w, "\nFiles fetched for each first query (server log; gzip size):\n\n")
	for _, engine := range engines {
		for _, fq := range r.FirstQuery[engine] {
			var parts []string
			for _, f := range fq.Files {
				parts = append(parts, fmt.Sprintf("%s %s", f.Path, kB(gzipSize(fileRoot, f.Path))))
			}
			top := ""
			if len(fq.Top) > 0 {
				top = fq.Top[0].Title
			}
			fmt.Fprintf(w, "- %s %q (%d results, first %q, cold %s; %d in resource timing): %s\n", engine, fq.Query, fq.Total, top, ms(fq.Elapsed), len(fq.Resources), strings.Join(parts, ", "))
		}
	}
	for _, set := range []struct {
		name   string
		misses map[string][]string
		differ []string
	}{{"random pages", r.RecallMisses, r.GoBrowserDiffers}, {"distinctive pages", r.DistinctiveMisses, r.DistinctiveGoBrowserDiffers}} {
		for _, engine := range engines {
			m := set.misses[engine]
			fmt.Fprintf(w, "\n%s typo misses, %s (%d):\n", engine, set.name, len(m))
			for _, s := range m[:min(len(m), 20)] {
				fmt.Fprintf(w, "- %s\n", s)
			}
		}
		if len(set.differ) > 0 {
			fmt.Fprintf(w, "\nGo and browser differ, %s:\n", set.name)
			for _, s := range set.differ[:min(10, len(set.differ))] {
				fmt.Fprintf(w, "- %s\n", s)
			}
		}
	}
}

func runsList(ds []time.Duration) string {
	var parts []string
	for _, d := range ds {
		parts = append(parts, fmt.Sprintf("%.2f", d.Seconds()))
	}
	return strings.Join(parts, "/") + " s"
}

func byOp(r recall) string {
	var parts []string
	for _, op := range ops {
		parts = append(parts, fmt.Sprint(r.TypoByOp[op]))
	}
	return strings.Join(parts, "/")
}
