package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/playbook-ssg/playbook/generator/codeowners"
	"github.com/playbook-ssg/playbook/generator/diag"
)

const codeownersAbout = `Generate the playbook's CODEOWNERS rules from each page's owners and the
team handles in playbook.toml, so a pull request asks every function that
owns a page to review it. Without --write the rules are printed.

--write updates the repository's CODEOWNERS file: the repository root is DIR
with repository.content_path taken off its end (DIR itself when it is empty),
and the file is the existing .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS
or .gitlab/CODEOWNERS, else a new .github/CODEOWNERS. Only the lines between
"# BEGIN playbook codeowners" and "# END playbook codeowners" are replaced.`

func runCodeowners(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("codeowners", "[DIR] [--write]", codeownersAbout, stderr)
	write := fs.Bool("write", false, "write the repository's CODEOWNERS file instead of printing the rules")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	dir, err := playbookDir(positional)
	if err != nil {
		fmt.Fprintf(stderr, "playbook codeowners: %v\n", err)
		return exitUsage
	}

	cfg, pages, diags, err := codeowners.Load(dir)
	if err != nil {
		fmt.Fprintf(stderr, "playbook codeowners: %v\n", err)
		return exitContent
	}
	if diags.HasErrors() {
		return codeownersFailed(stderr, diags.Errors())
	}
	section, found := codeowners.Generate(cfg, pages)
	if found.HasErrors() {
		return codeownersFailed(stderr, found)
	}
	printDiags(stderr, found, true)
	if !*write {
		stdout.Write(section)
		return exitOK
	}
	f, err := codeowners.Locate(dir, cfg)
	if err != nil {
		return reportFailure(stderr, "codeowners", err, "")
	}
	changed, err := codeowners.Write(f, section)
	if err != nil {
		fmt.Fprintf(stderr, "playbook codeowners: %v\n", err)
		return exitContent
	}
	if !changed {
		fmt.Fprintf(stdout, "%s is up to date\n", f.Path)
		return exitOK
	}
	fmt.Fprintf(stdout, "Wrote %s for %s\n", plural(countRules(section), "rule"), f.Path)
	return exitOK
}

func codeownersFailed(stderr io.Writer, list diag.List) int {
	printDiags(stderr, list, true)
	fmt.Fprintf(stderr, "playbook codeowners: %s; CODEOWNERS was not written\n", plural(len(list.Errors()), "error"))
	return exitContent
}

// countRules counts the pattern lines of a CODEOWNERS section.
func countRules(section []byte) int {
	n := 0
	for _, line := range bytes.Split(section, []byte("\n")) {
		if len(line) > 0 && line[0] != '#' {
			n++
		}
	}
	return n
}
