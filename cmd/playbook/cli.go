package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/build"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1 // the playbook has errors
	exitUsage   = 2 // the command line is wrong
)

const usage = `Playbook builds a sales and brand playbook website from markdown.

Usage:
  playbook <command> [arguments]

Commands:
  build     build the site into a folder
  serve     build the site and serve it locally
  new       create a playbook, or a page in one
  version   print the version

Run "playbook <command> -h" for a command's flags.
`

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func run(args []string, stdout, stderr io.Writer) int {
	commands := []command{
		{"build", "[DIR] [-o OUT] [--base-url URL] [--drafts] [--audience internal|external]", runBuild},
		{"serve", "[DIR] [--bind ADDR] [--port N] [--drafts] [--audience internal|external]", runServe},
		{"new", "DIR | KIND TITLE", runNew},
		{"version", "", runVersion},
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		if len(args) > 1 {
			for _, c := range commands {
				if c.name == args[1] {
					return c.run([]string{"-h"}, stdout, stderr)
				}
			}
			if args[1] != "help" && !strings.HasPrefix(args[1], "-") {
				fmt.Fprintf(stderr, "playbook help: unknown command %q%s\n", args[1], diag.DidYouMean(args[1], commandNames(commands)))
				return exitUsage
			}
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	case "-v", "--version":
		return runVersion(nil, stdout, stderr)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "playbook: unknown command %q%s\nRun \"playbook help\" for the list of commands.\n", args[0], diag.DidYouMean(args[0], commandNames(commands)))
	return exitUsage
}

func commandNames(commands []command) []string {
	names := []string{"help"}
	for _, c := range commands {
		names = append(names, c.name)
	}
	return names
}

// parseInterspersed parses flags that may come before or after the one
// positional argument (the playbook folder), as users expect.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func newFlagSet(name, synopsis, about string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: playbook %s %s\n\n%s\n", name, synopsis, about)
		if hasFlags(fs) {
			fmt.Fprintln(fs.Output(), "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// buildFlags are shared by build and serve.
type buildFlags struct {
	drafts   bool
	audience string
	baseURL  string
	today    string
}

func (b *buildFlags) register(fs *flag.FlagSet, withBaseURL bool) {
	fs.BoolVar(&b.drafts, "drafts", false, "include pages marked draft = true")
	fs.StringVar(&b.audience, "audience", "internal", "internal (every page) or external (only pages with audience = \"external\")")
	if withBaseURL {
		fs.StringVar(&b.baseURL, "base-url", "", "URL the site is served from, overriding base_url in playbook.toml")
	}
	fs.StringVar(&b.today, "today", "", "date `YYYY-MM-DD` to judge review dates against (default: today)")
}

func (b *buildFlags) options(dir string) (build.Options, error) {
	opts := build.Options{Source: dir, Drafts: b.drafts, Audience: b.audience, BaseURL: b.baseURL}
	if b.audience != "internal" && b.audience != "external" {
		return opts, fmt.Errorf("--audience %q: use internal or external", b.audience)
	}
	if b.today != "" {
		t, err := time.Parse("2006-01-02", b.today)
		if err != nil {
			return opts, fmt.Errorf("--today %q: write the date as YYYY-MM-DD", b.today)
		}
		opts.Today = t
	}
	return opts, nil
}

// sourceDir resolves the playbook folder argument.
func sourceDir(positional []string) (string, error) {
	switch len(positional) {
	case 0:
		return ".", nil
	case 1:
		return positional[0], nil
	default:
		return "", fmt.Errorf("expected one playbook folder, got %d: %s", len(positional), strings.Join(positional, " "))
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("build", "[DIR] [flags]", "Build the playbook in DIR (default: the current folder) into a static site.\nThe previous output is replaced only when the build succeeds.", stderr)
	out := fs.String("o", "", "output `folder` (default: DIR/public)")
	verbose := fs.Bool("v", false, "print how long each stage took")
	var bf buildFlags
	bf.register(fs, true)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	dir, err := sourceDir(positional)
	if err != nil {
		fmt.Fprintf(stderr, "playbook build: %v\n", err)
		return exitUsage
	}
	opts, err := bf.options(dir)
	if err != nil {
		fmt.Fprintf(stderr, "playbook build: %v\n", err)
		return exitUsage
	}
	dest := *out
	if dest == "" {
		dest = filepath.Join(dir, "public")
	}
	res, err := build.Build(opts, dest)
	if err != nil {
		return reportFailure(stderr, "build", err, dest)
	}
	printDiags(stderr, res.Diags)
	if *verbose {
		for _, st := range res.Times {
			fmt.Fprintf(stderr, "%-26s %s\n", st.Name, roundDuration(st.Duration))
		}
	}
	fmt.Fprintf(stdout, "Built %d pages (%d files) in %s into %s\n", res.Pages, res.Files, roundDuration(res.Duration), res.Out)
	return exitOK
}

// reportFailure prints content diagnostics one per line, or a plain error,
// and picks the exit status.
func reportFailure(stderr io.Writer, cmd string, err error, dest string) int {
	if list, ok := diag.From(err); ok {
		printDiags(stderr, list)
		n := len(list.Errors())
		plural := "s"
		if n == 1 {
			plural = ""
		}
		if dest != "" {
			fmt.Fprintf(stderr, "playbook %s: %d error%s; %s was left unchanged\n", cmd, n, plural, dest)
		} else {
			fmt.Fprintf(stderr, "playbook %s: %d error%s\n", cmd, n, plural)
		}
		return exitContent
	}
	fmt.Fprintf(stderr, "playbook %s: %v\n", cmd, err)
	return exitContent
}

func printDiags(w io.Writer, list diag.List) {
	for _, d := range list {
		fmt.Fprintln(w, d.String())
	}
}

func roundDuration(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", "", "Print the playbook version.", stderr)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if len(positional) > 0 {
		fmt.Fprintf(stderr, "playbook version: takes no arguments\n")
		return exitUsage
	}
	fmt.Fprintf(stdout, "playbook %s\n", version())
	return exitOK
}

// version reports the module version, or the VCS revision for local builds.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return v
	}
	rev, modified := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if modified {
		rev += "-dirty"
	}
	return "devel+" + rev
}
