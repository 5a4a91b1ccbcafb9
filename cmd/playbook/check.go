package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/check"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", "[DIR] [flags]", "Check the playbook in DIR (default: the current folder) for every problem at once:\nwhat a build would refuse, and pages due for review, glossary conflicts,\nbrand colour contrast, brand voice and a stale CODEOWNERS file.\nExits 1 when there is an error (or, with --strict, a warning).", stderr)
	format := fs.String("format", "text", "report `format`: text, github (workflow annotations) or json")
	strict := fs.Bool("strict", false, "fail on warnings too")
	today := fs.String("today", "", "date `YYYY-MM-DD` to judge review dates against (default: today)")
	updateBaseline := fs.Bool("update-baseline", false, "record the problems found now in the baseline (.playbook-baseline.json, or [check] baseline), so that only new ones fail; exits 0")
	fix := fs.Bool("fix", false, "apply the fixes that are sure (an anchor with one close heading, an unambiguous date), then check again")
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
	opts := check.Options{Source: dir}
	if *today != "" {
		t, err := parseToday(*today)
		if err != nil {
			return usageErr("%v", err)
		}
		opts.Today = t
	}
	opts.NoBaseline = *updateBaseline
	fail := func(err error) int {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitContent
	}
	list, err := check.Run(opts)
	if err != nil {
		return fail(err)
	}
	cfg, _ := config.Load(dir)
	report := check.Report{Format: *format, Color: colorOK(stdout), Prefix: contentPath(dir), Baseline: baseline.FileName(cfg)}
	if *fix {
		res, err := check.Fix(dir, list)
		if err != nil {
			return fail(err)
		}
		report.Fixed = &res
		if len(res.Applied) > 0 {
			if list, err = check.Run(opts); err != nil {
				return fail(err)
			}
		}
	}
	if *updateBaseline {
		return writeBaseline(dir, report, list, stdout, stderr)
	}
	if err := report.Write(stdout, list); err != nil {
		return fail(err)
	}
	if check.Failing(list, *strict) {
		return exitContent
	}
	return exitOK
}

// writeBaseline records list as the playbook's baseline and says what it
// holds; problems a baseline cannot hold are reported and fail.
func writeBaseline(dir string, report check.Report, list diag.List, stdout, stderr io.Writer) int {
	if err := baseline.Write(dir, report.Baseline, list); err != nil {
		fmt.Fprintf(stderr, "playbook check: %v\n", err)
		return exitContent
	}
	// Under --format json or github stdout is for machines only.
	human := stdout
	if report.Format != "text" {
		human = stderr
	}
	var recorded int
	var left diag.List
	for _, d := range list {
		switch {
		case baseline.Eligible(d):
			recorded++
		case d.Severity == diag.Error:
			left = append(left, d)
		}
	}
	if report.Fixed != nil && len(report.Fixed.Applied) > 0 {
		fmt.Fprintf(human, "Fixed %s.\n", plural(len(report.Fixed.Applied), "problem"))
	}
	fmt.Fprintf(human, "Recorded %s in %s.\n", plural(recorded, "problem"), report.Baseline)
	if len(left) > 0 {
		// A baseline cannot hold errors the build cannot go on with.
		report.Fixed = nil
		_ = report.Write(stderr, left)
		fmt.Fprintf(stderr, "playbook check: %s cannot be recorded in a baseline: fix them\n", plural(len(left), "error"))
		return exitContent
	}
	return exitOK
}

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
