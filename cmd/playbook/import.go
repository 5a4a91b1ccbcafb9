package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/playbook-ssg/playbook/generator/importer"
)

const importAbout = `Convert a handbook written for another tool into a playbook, once, so
that it builds at once: Hugo, Docusaurus, MkDocs (Material), GitBook,
mdBook, Jekyll or a plain folder of markdown (detected from marker files;
--from overrides).

Without DIR, SRC is converted in place, ready to commit; in a git work tree
files move with git mv so that their history follows, and SRC must have no
uncommitted changes. Outside git an in-place import cannot be undone, so it
needs --force. With DIR, the playbook is written there (a new or empty
folder) and SRC is left as it was.

Front matter and the old navigation are mapped to Playbook's fields, page
bodies are converted (admonitions, shortcodes), links to moved files are
rewritten, and the problems left in the content are recorded in
.playbook-baseline.json so that build and check pass now. IMPORT-REPORT.md
lists what changed, what could not be converted, and the problems left.

Exit status: 0 when the import finished (problems may be baselined), 1 when
it could not produce a playbook that builds, 2 on a usage error.`

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import", "SRC [DIR] [--from KIND] [--dry-run] [--force] [--commit] [-v]", importAbout, stderr)
	from := fs.String("from", "", "the tool the handbook was written for: hugo, docusaurus, mkdocs, gitbook, mdbook, jekyll or plain (default: detected)")
	dryRun := fs.Bool("dry-run", false, "print the plan without writing anything")
	force := fs.Bool("force", false, "in place: go on despite uncommitted changes or outside git, and replace an existing playbook.toml")
	commit := fs.Bool("commit", false, "in place in git: commit the import, then list that commit in .git-blame-ignore-revs in a second commit")
	verbose := fs.Bool("v", false, "list every file and what happened to it")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "playbook import: %s\n", fmt.Sprintf(format, args...))
		return exitUsage
	}
	if len(positional) == 0 || len(positional) > 2 {
		return usageErr("give the handbook's folder, and optionally a new folder for the playbook: playbook import SRC [DIR]")
	}
	opts := importer.Options{Source: positional[0], Force: *force, DryRun: *dryRun, Commit: *commit}
	if len(positional) == 2 {
		opts.Dest = positional[1]
		if *commit {
			return usageErr("--commit is for an import in place: leave DIR out")
		}
	}
	if *from != "" {
		k, err := importer.ParseKind(*from)
		if err != nil {
			return usageErr("--from: %v", err)
		}
		opts.From = k
	}
	res, err := importer.Run(opts)
	var ue *importer.UsageError
	if errors.As(err, &ue) {
		return usageErr("%s", ue.Msg)
	}
	if err != nil {
		fmt.Fprintf(stderr, "playbook import: %v\n", err)
		return exitContent
	}
	if *verbose || *dryRun {
		for _, f := range res.Files {
			switch {
			case f.Old == "":
				fmt.Fprintf(stderr, "%-17s %s: %s\n", f.Action, f.New, f.Why)
			case f.New == "" || f.New == f.Old:
				if f.Why != "" {
					fmt.Fprintf(stderr, "%-17s %s: %s\n", f.Action, f.Old, f.Why)
				} else {
					fmt.Fprintf(stderr, "%-17s %s\n", f.Action, f.Old)
				}
			default:
				fmt.Fprintf(stderr, "%-17s %s → %s\n", f.Action, f.Old, f.New)
			}
		}
	}
	if *dryRun {
		for _, n := range res.Left() {
			fmt.Fprintf(stderr, "%s\n", n)
		}
		fmt.Fprintf(stderr, "playbook.toml would be:\n%s", res.Config)
	}
	res.Summary(stdout)
	if len(res.Failing) > 0 {
		if len(res.Failing) == 1 {
			fmt.Fprintln(stderr, "playbook import: 1 error stops the build: fix it, then run playbook build")
		} else {
			fmt.Fprintf(stderr, "playbook import: %d errors stop the build: fix them, then run playbook build\n", len(res.Failing))
		}
		return exitContent
	}
	return exitOK
}
