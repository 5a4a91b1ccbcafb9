// Command writehandbook writes a realistic handbook in one of the source
// layouts playbook import reads, to try an import by hand:
//
//	go run ./generator/internal/handbooks/cmd/writehandbook -layout gitbook -pages 300 DIR
//
// It prints the planted problems, which check must report after import.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/playbook-ssg/playbook/generator/internal/handbooks"
)

func main() {
	layout := flag.String("layout", "plain", fmt.Sprintf("source layout, one of %v", handbooks.Layouts()))
	pages := flag.Int("pages", handbooks.DefaultPages, "number of markdown pages")
	seed := flag.Int64("seed", 1, "seed for words, links and problems")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: writehandbook [-layout L] [-pages N] [-seed S] DIR\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 {
		flag.Usage()
		os.Exit(2)
	}
	m, err := handbooks.Write(flag.Arg(0), handbooks.Layout(*layout), handbooks.Options{Pages: *pages, Seed: *seed})
	if err != nil {
		fmt.Fprintln(os.Stderr, "writehandbook:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote a %s handbook of %d pages (%d drafts) to %s\n", m.Layout, len(m.Pages), len(m.Drafts), flag.Arg(0))
	fmt.Printf("%d planted problems:\n", len(m.Problems))
	for _, p := range m.Problems {
		fmt.Printf("  %s:%d: %s %s\n", p.File, p.Line, p.Kind, p.Marker)
	}
}
