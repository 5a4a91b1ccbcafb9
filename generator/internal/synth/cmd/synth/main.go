// Command synth writes a synthetic playbook for benchmarks:
//
//	go run ./generator/internal/synth/cmd/synth -mode plain -pages 10000 /tmp/pb
//
// Modes: plain (pages of kind "page", the markdown scripts/vs-hugo gives
// Hugo too), mixed (every kind, relations and cross-links) and realistic
// (mixed, with text that reads like a real playbook to search).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/playbook-ssg/playbook/generator/internal/synth"
)

func main() {
	mode := flag.String("mode", "plain", "plain, mixed or realistic")
	pages := flag.Int("pages", 1000, "about how many pages")
	seed := flag.Uint64("seed", 1, "seed for realistic text")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: synth [-mode plain|mixed|realistic] [-pages N] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *pages < 1 {
		flag.Usage()
		os.Exit(2)
	}
	dir := flag.Arg(0)
	var err error
	switch *mode {
	case "plain":
		err = synth.WritePlain(dir, *pages)
	case "mixed":
		err = synth.Write(dir, *pages)
	case "realistic":
		err = synth.WriteRealistic(dir, *pages, *seed)
	default:
		fmt.Fprintf(os.Stderr, "synth: unknown mode %q: use plain, mixed or realistic\n", *mode)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}
