package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/scaffold"
)

const newAbout = `Create a new playbook, or a new page in one.

  playbook new DIR [--title TITLE]       a new playbook with one page of each kind
  playbook new KIND "TITLE" [-C DIR]      a page of KIND (objection, closing-tool, term,
                                         persona, play, brand, page) in its section folder

The new page's required fields are left empty; the build names each one
until it is filled in.`

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("new", "DIR | KIND TITLE", newAbout, stderr)
	title := fs.String("title", "", "site title for a new playbook")
	dir := fs.String("C", "", "playbook `folder` to add a page to (default: the one holding the current folder)")
	section := fs.String("section", "", "folder under content/ for the page (default: the kind's folder)")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	today := time.Now().UTC()
	switch len(positional) {
	case 1:
		target := positional[0]
		files, err := scaffold.Playbook(target, *title, today)
		if err != nil {
			return newFailed(stderr, err)
		}
		fmt.Fprintf(stdout, "Created a playbook in %s (%d files). Next:\n  playbook serve %s\n", target, len(files), target)
		return exitOK
	case 2:
		kind, pageTitle := positional[0], positional[1]
		if *dir == "" {
			*dir = findPlaybook(".")
		}
		cfg, err := config.Load(*dir)
		if err != nil {
			return reportFailure(stderr, "new", err, "")
		}
		rel, err := scaffold.Page(*dir, kind, pageTitle, *section, cfg.OwnerIDs(), today)
		if err != nil {
			return newFailed(stderr, err)
		}
		fmt.Fprintf(stdout, "Created %s: fill in its front matter, then run playbook build\n", filepath.Join(*dir, filepath.FromSlash(rel)))
		return exitOK
	default:
		fs.Usage()
		return exitUsage
	}
}

func newFailed(stderr io.Writer, err error) int {
	fmt.Fprintf(stderr, "playbook new: %v\n", err)
	var usage *scaffold.UsageError
	if errors.As(err, &usage) {
		return exitUsage
	}
	return exitContent
}
