package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"

	"github.com/playbook-ssg/playbook/generator/build"
	"github.com/playbook-ssg/playbook/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", "[DIR] [flags]", "Build the playbook in DIR in memory and serve it at http://127.0.0.1:1313/.", stderr)
	bind := fs.String("bind", "127.0.0.1", "interface `address` to listen on (0.0.0.0 exposes the preview to your network)")
	port := fs.Int("port", 1313, "port to listen on; the next free one is used if it is taken")
	var bf buildFlags
	bf.register(fs, false)
	positional, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	dir, err := sourceDir(positional)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitUsage
	}
	opts, err := bf.options(dir)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitUsage
	}
	opts.BaseURL = "/"
	site, err := build.Generate(opts)
	if err != nil {
		return reportFailure(stderr, "serve", err, "")
	}
	printDiags(stderr, site.Diags)
	ln, err := listen(*bind, *port)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitUsage
	}
	if ip := net.ParseIP(*bind); ip != nil && ip.IsUnspecified() {
		fmt.Fprintf(stderr, "warning: serving on all interfaces (%s): anyone on your network can read this playbook\n", *bind)
	}
	fmt.Fprintf(stdout, "Serving %d pages at http://%s/ (Ctrl+C to stop)\n", site.Pages, ln.Addr())
	srv := &http.Server{Handler: serve.Handler(site.Files)}
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitContent
	}
	return exitOK
}

// listen binds to port, or the next free one of the following 20.
func listen(bind string, port int) (net.Listener, error) {
	var firstErr error
	for p := port; p < port+20; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			return ln, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, fmt.Errorf("no free port from %d to %d: %w", port, port+19, firstErr)
}
