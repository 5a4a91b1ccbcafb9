package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/playbook-ssg/playbook/generator/baseline"
	"github.com/playbook-ssg/playbook/generator/check"
	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/output"
	"github.com/playbook-ssg/playbook/generator/pipeline"
	"github.com/playbook-ssg/playbook/generator/versions"
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
  build       build the site into a folder
  serve       build the site and serve it locally
  check       report every problem at once, for pull requests
  codeowners  generate CODEOWNERS from page owners, so owners review changes
  new         create a playbook, or a page in one
  import      convert a Hugo, Docusaurus, MkDocs, GitBook, mdBook, Jekyll or markdown handbook
  version     print the version

Run "playbook <command> -h" for a command's flags.
`

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

func run(args []string, stdout, stderr io.Writer) int {
	commands := []command{
		{"build", "[DIR] [-o OUT] [--base-url URL] [--drafts] [--audience internal|external] [--keep-going] [--latest-only]", runBuild},
		{"serve", "[DIR] [--bind ADDR] [--port N] [--drafts] [--audience internal|external]", runServe},
		{"check", "[DIR] [--format text|github|json] [--strict] [--today YYYY-MM-DD]", runCheck},
		{"codeowners", "[DIR] [--write]", runCodeowners},
		{"new", "DIR | KIND TITLE", runNew},
		{"import", "SRC [DIR] [--from KIND] [--dry-run] [--force] [--commit] [-v]", runImport},
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
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// After "--", everything is an argument, even if it looks like a flag.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
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

// buildCommand holds the flags build and serve share, and parses them
// with the playbook folder argument.
type buildCommand struct {
	name     string
	fs       *flag.FlagSet
	drafts   bool
	audience string
	baseURL  string
	today    string
}

func newBuildCommand(name, about string, withBaseURL bool, stderr io.Writer) *buildCommand {
	c := &buildCommand{name: name, fs: newFlagSet(name, "[DIR] [flags]", about, stderr)}
	c.fs.BoolVar(&c.drafts, "drafts", false, "include pages marked as drafts")
	c.fs.StringVar(&c.audience, "audience", "internal", "internal (every page) or external (only pages with audience = \"external\")")
	if withBaseURL {
		c.fs.StringVar(&c.baseURL, "base-url", "", "`URL` the site is served from, overriding base_url in playbook.toml")
	}
	c.fs.StringVar(&c.today, "today", "", "date `YYYY-MM-DD` to judge review dates against (default: today)")
	return c
}

// parse reads the command line. When it returns ok false, the caller exits
// with code: help was shown, or the usage error was printed.
func (c *buildCommand) parse(args []string, stderr io.Writer) (opts pipeline.Options, code int, ok bool) {
	positional, err := parseInterspersed(c.fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return opts, exitOK, false
		}
		return opts, exitUsage, false
	}
	usageErr := func(format string, args ...any) (pipeline.Options, int, bool) {
		fmt.Fprintf(stderr, "playbook %s: %s\n", c.name, fmt.Sprintf(format, args...))
		return opts, exitUsage, false
	}
	dir, err := playbookDir(positional)
	if err != nil {
		return usageErr("%v", err)
	}
	opts = pipeline.Options{Source: dir, Drafts: c.drafts, Audience: c.audience, BaseURL: c.baseURL, GitHistory: true}
	if c.audience != "internal" && c.audience != "external" {
		return usageErr("--audience %q: use internal or external", c.audience)
	}
	if c.baseURL != "" {
		if err := config.CheckBaseURL(c.baseURL); err != nil {
			return usageErr("--base-url: %v", err)
		}
	}
	if c.today != "" {
		t, err := parseToday(c.today)
		if err != nil {
			return usageErr("%v", err)
		}
		opts.Today = t
	}
	return opts, exitOK, true
}

// parseToday reads --today, telling a date that does not exist (February
// 30th) from one written the wrong way.
func parseToday(s string) (time.Time, error) {
	t, err := time.Parse("2006-01-02", s)
	if err == nil {
		return t, nil
	}
	if len(s) == 10 && s[4] == '-' && s[7] == '-' && strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == "" {
		return time.Time{}, fmt.Errorf("--today %q: there is no such day", s)
	}
	return time.Time{}, fmt.Errorf("--today %q: write the date as YYYY-MM-DD", s)
}

// playbookDir picks the playbook folder from a command's arguments: the
// one given, or the nearest one holding playbook.toml.
func playbookDir(positional []string) (string, error) {
	dir := "."
	switch len(positional) {
	case 0:
		dir = findPlaybook(".")
	case 1:
		dir = positional[0]
	default:
		return "", fmt.Errorf("expected one playbook folder, got %d: %s", len(positional), strings.Join(positional, " "))
	}
	if fi, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("no playbook folder %s", dir)
	} else if !fi.IsDir() {
		return "", fmt.Errorf("%s is a file: give the playbook folder, the one holding playbook.toml", dir)
	}
	return dir, nil
}

// findPlaybook returns the nearest folder, from start upwards, that holds
// playbook.toml, so commands work from anywhere inside a playbook as git
// does; it returns start when there is none.
func findPlaybook(start string) string {
	abs, err := filepath.Abs(start)
	if err != nil {
		return start
	}
	for dir := abs; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, config.FileName)); err == nil {
			if dir == abs {
				return start
			}
			if rel, err := filepath.Rel(abs, dir); err == nil {
				return rel
			}
			return dir
		}
		if dir == filepath.Dir(dir) {
			return start
		}
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	c := newBuildCommand("build", "Build the playbook in DIR (default: the current folder) into a static site: the latest\n(the working tree) at the root, and each release tagged in git under /v/<name>/.\nThe previous output is replaced only when the build succeeds.", true, stderr)
	out := c.fs.String("o", "", "output `folder` (default: DIR/public)")
	verbose := c.fs.Bool("v", false, "print how long each stage took, and the files under content/ the build skips")
	strict := c.fs.Bool("strict", false, "fail, leaving the output as it was, on anything \"playbook check\" would report (warnings too)")
	keepGoing := c.fs.Bool("keep-going", false, "when a tagged version does not build, publish the others without it (a warning) rather than fail")
	latestOnly := c.fs.Bool("latest-only", false, "build only the working tree, not the versions tagged in git")
	cacheDir := c.fs.String("cache-dir", "", "`folder` remembering tagged versions' builds, so that unchanged ones are not built again (default: $PLAYBOOK_CACHE_DIR, else the user cache folder)")
	opts, code, ok := c.parse(args, stderr)
	if !ok {
		return code
	}
	wait, err := lockWait()
	if err != nil {
		fmt.Fprintf(stderr, "playbook build: %v\n", err)
		return exitUsage
	}
	return interruptible("build", stdout, stderr, wait, func(ctx context.Context, stdout, stderr io.Writer) int {
		dest := *out
		if dest == "" {
			dest = filepath.Join(opts.Source, "public")
		}
		if *strict {
			list, err := check.Run(check.Options{Source: opts.Source, Today: opts.Today})
			if err != nil {
				fmt.Fprintf(stderr, "playbook build: %v\n", err)
				return exitContent
			}
			if check.Failing(list, true) {
				_ = check.Report{Color: colorOK(stderr)}.Write(stderr, list.Problems())
				fmt.Fprintf(stderr, "playbook build: --strict: fix these first; %s was left unchanged\n", dest)
				return exitContent
			}
		}
		vopts := versions.Options{Build: opts, Out: dest, KeepGoing: *keepGoing, Generator: generatorID()}
		if *latestOnly {
			if _, err := os.Stat(filepath.Join(dest, versions.ManifestFile)); err == nil {
				fmt.Fprintf(stderr, "playbook build: note: --latest-only: the older versions in %s are replaced by the latest alone\n", dest)
			}
			res, err := pipeline.BuildContext(ctx, opts, dest)
			if err != nil {
				return buildFailed(stderr, err, dest)
			}
			printBuilt(stderr, *verbose, opts.Source, res.Diags, res.Times)
			fmt.Fprintf(stdout, "Built %s in %s into %s (%d files written)\n", plural(res.Pages, "page"), roundDuration(res.Duration), res.Out, res.Files)
			return exitOK
		}
		vopts.CacheDir = *cacheDir
		if vopts.CacheDir == "" {
			vopts.CacheDir = defaultCacheDir()
		}
		res, err := versions.Build(ctx, vopts)
		if err != nil {
			return buildFailed(stderr, err, dest)
		}
		printBuilt(stderr, *verbose, opts.Source, res.Diags, res.Times)
		what, kept := plural(res.Pages, "page"), 0
		if n := len(res.Versions) - 1; n > 0 {
			what += " and " + plural(n, "older version")
			for _, v := range res.Versions {
				if v.Cached {
					kept++
				}
			}
		}
		fmt.Fprintf(stdout, "Built %s in %s into %s (%d files written", what, roundDuration(res.Duration), res.Out, res.Files)
		if kept > 0 {
			fmt.Fprintf(stdout, "; %d unchanged %s carried over", kept, map[bool]string{true: "version", false: "versions"}[kept == 1])
		}
		fmt.Fprintln(stdout, ")")
		if *verbose {
			for _, v := range res.Versions {
				how := "built"
				if v.Cached {
					how = "carried over"
				}
				fmt.Fprintf(stderr, "version %-18s %-12s /%s\n", v.Name, how, v.Path)
			}
		}
		return exitOK
	})
}

// printBuilt reports on stderr what a successful build found: its
// problems, the known ones, and with -v its times and skipped files.
func printBuilt(stderr io.Writer, verbose bool, source string, diags diag.List, times []pipeline.Stage) {
	printDiags(stderr, diags, verbose)
	printKnown(stderr, source, diags)
	printTimes(stderr, verbose, times)
	printSkipped(stderr, verbose, source)
}

// buildFailed reports err and returns the exit status. An interrupted
// build says nothing: the signal handler (interruptible) says it in one
// line, with the exit status of the signal.
func buildFailed(stderr io.Writer, err error, dest string) int {
	if errors.Is(err, output.ErrInterrupted) {
		return exitContent
	}
	var refused *output.RefusedError
	if errors.As(err, &refused) {
		fmt.Fprintf(stderr, "playbook build: %v\n", err)
		return exitUsage
	}
	return reportFailure(stderr, "build", err, dest)
}

func printTimes(stderr io.Writer, verbose bool, times []pipeline.Stage) {
	if !verbose {
		return
	}
	for _, st := range times {
		fmt.Fprintf(stderr, "%-34s %s\n", st.Name, roundDuration(st.Duration))
	}
}

// printSkipped lists the files and folders under content/ that the build
// did not read, and why, so nothing is left out without a word.
func printSkipped(stderr io.Writer, verbose bool, source string) {
	if !verbose {
		return
	}
	cfg, err := config.Load(source)
	if err != nil {
		return // the build itself reported it
	}
	skipped, err := content.ListSkipped(os.DirFS(source), cfg)
	if err != nil {
		return
	}
	for _, sk := range skipped {
		name := content.Dir + "/" + sk.Path
		if sk.Dir {
			name += "/"
		}
		fmt.Fprintf(stderr, "skipped %s: %s\n", name, sk.Reason)
	}
}

// defaultCacheDir is where tagged versions' builds are remembered:
// $PLAYBOOK_CACHE_DIR, else the user's cache folder (~/.cache/playbook on
// Linux), else none.
func defaultCacheDir() string {
	if d := os.Getenv("PLAYBOOK_CACHE_DIR"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "playbook")
	}
	return ""
}

// generatorID identifies this build of playbook for the versions cache:
// its version and a hash of the executable, so that changed code never
// reuses what older code rendered (a build from a checkout with local
// changes has the same version as the commit it started from).
func generatorID() string {
	v := version()
	exe, err := os.Executable()
	if err == nil {
		if f, err := os.Open(exe); err == nil {
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err == nil {
				return v + "+" + hex.EncodeToString(h.Sum(nil)[:12])
			}
		}
	}
	return v + "+" + time.Now().String() // unknown code: never reuse
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// reportFailure prints content diagnostics one per line, or a plain error,
// and picks the exit status.
func reportFailure(stderr io.Writer, cmd string, err error, dest string) int {
	if list, ok := diag.From(err); ok {
		printDiags(stderr, list, true)
		n := plural(len(list.Errors()), "error")
		if _, err := os.Stat(dest); dest != "" && err == nil {
			fmt.Fprintf(stderr, "playbook %s: %s; %s was left unchanged\n", cmd, n, dest)
		} else {
			fmt.Fprintf(stderr, "playbook %s: %s\n", cmd, n)
		}
		return exitContent
	}
	fmt.Fprintf(stderr, "playbook %s: %v\n", cmd, err)
	return exitContent
}

// printKnown prints how many known problems are left in the baseline.
func printKnown(w io.Writer, dir string, list diag.List) {
	cfg, _ := config.Load(dir)
	if line := baseline.KnownLine(list, baseline.FileName(cfg)); line != "" {
		fmt.Fprintf(w, "%s (playbook check lists them)\n", line)
	}
}

// printDiags prints a build's warnings and notes. Known problems (the
// baseline's) are only counted, by printKnown, unless verbose: a team
// that baselined hundreds should see the new ones.
func printDiags(w io.Writer, list diag.List, verbose bool) {
	for _, d := range list {
		if !d.Known || verbose {
			fmt.Fprintln(w, d.String())
		}
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
