package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"syscall"

	"github.com/playbook-ssg/playbook/generator/build"
	"github.com/playbook-ssg/playbook/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	c := newBuildCommand("serve", "Build the playbook in DIR in memory and serve it at http://127.0.0.1:1313/.\nThe site is built once when serve starts: restart it to see changes.", false, stderr)
	bind := c.fs.String("bind", "127.0.0.1", "interface `address` to listen on (0.0.0.0 exposes the preview to your network)")
	port := c.fs.Int("port", 1313, "port to listen on; the next free one is used if it is taken")
	opts, code, ok := c.parse(args, stderr)
	if !ok {
		return code
	}
	if *port < 1 || *port > 65535 {
		fmt.Fprintf(stderr, "playbook serve: --port %d: use a port from 1 to 65535\n", *port)
		return exitUsage
	}
	if *bind != "localhost" && net.ParseIP(*bind) == nil {
		fmt.Fprintf(stderr, "playbook serve: --bind %q: use an IP address such as 127.0.0.1 or 0.0.0.0\n", *bind)
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
	fmt.Fprintf(stdout, "Serving %s at http://%s/ (Ctrl+C to stop)\n", plural(site.Pages, "page"), ln.Addr())
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
	for p := port; p < port+20 && p <= 65535; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			return ln, nil
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("cannot listen on %s: %w", net.JoinHostPort(bind, strconv.Itoa(p)), err)
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return nil, fmt.Errorf("ports %d to %d are all in use; pick another with --port: %w", port, port+19, firstErr)
}
