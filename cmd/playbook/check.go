package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/check"
	"github.com/playbook-ssg/playbook/generator/config"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "[DIR] [flags]", "Check the playbook in DIR (default: the current folder) for every problem at once:\nwhat a build would refuse, and pages due for review, glossary conflicts,\nbrand colour contrast, brand voice and a stale CODEOWNERS file.\nExits 1 when there is an error (or, with --strict, a warning).", stderr)
	format := fs.String("format", "text", "report `format`: text, github (workflow annotations) or json")
	strict := fs.Bool("strict", false, "fail on warnings too")
	today := fs.String("today", "", "date `YYYY-MM-DD` to judge review dates against (default: today)")
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	usageErr := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "playbook check: %s\n", fmt.Sprintf(format, args...))
		return exitUsage
	}
	if !slices.Contains(check.Formats, *format) {
		return usageErr("--format %q: use %s", *format, strings.Join(check.Formats, ", "))
	}
	dir, err := playbookDir(positional)
	if err != nil {
		return usageErr("%v", err)
	}
	opts := check.Options{Source: dir, Extra: extraRules()}
	if *today != "" {
		t, err := parseToday(*today)
		if err != nil {
			return usageErr("%v", err)
		}
		opts.Today = t
	}
	list, err := check.Run(opts)
	if err != nil {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitContent
	}
	report := check.Report{Format: *format, Color: colorOK(stdout), Prefix: contentPath(dir)}
	if err := report.Write(stdout, list); err != nil {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitContent
	}
	errs, warns := check.Summary(list)
	if errs > 0 || *strict && warns > 0 {
		return exitContent
	}
	return exitOK
}

// extraRules are the checks that live in their own packages.
func extraRules() []check.Rule { return nil }

// colorOK reports whether w is a terminal that wants colour: not when
// NO_COLOR is set (no-color.org) or TERM is dumb.
func colorOK(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// contentPath is the playbook's folder inside its repository, for paths in
// annotations; "" when the config cannot be read (check reports why).
func contentPath(dir string) string {
	cfg, err := config.Load(dir)
	if err != nil {
		return ""
	}
	return cfg.Repository.ContentPath
}
