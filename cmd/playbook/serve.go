package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/preview"
	"github.com/playbook-ssg/playbook/generator/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	c := newBuildCommand("serve", "Build the playbook in DIR in memory, serve it at http://127.0.0.1:1313/ and rebuild\nwhenever a file changes: the browser reloads the page you are on, or shows the\nerror over the last good page.", false, stderr)
	c.drafts = true
	c.fs.Lookup("drafts").DefValue = "true"
	bind := c.fs.String("bind", "127.0.0.1", "interface `address` to listen on (0.0.0.0 exposes the preview to your network)")
	port := c.fs.Int("port", 1313, "port to listen on; the next free one is used if it is taken")
	poll := c.fs.Bool("poll", false, "poll for changes instead of using file events (for network drives and some containers)")
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
	if _, err := os.Stat(filepath.Join(opts.Source, config.FileName)); err != nil {
		fmt.Fprintf(stderr, "playbook serve: no %s in %s: is this a playbook folder? (`playbook new` creates one; `playbook import` converts an existing handbook)\n", config.FileName, opts.Source)
		return exitUsage
	}
	pv, err := preview.Start(preview.Options{Build: opts, Poll: *poll, Log: stderr})
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitContent
	}
	defer pv.Close()
	ln, err := listen(*bind, *port)
	if err != nil {
		fmt.Fprintf(stderr, "playbook serve: %v\n", err)
		return exitUsage
	}
	if ip := net.ParseIP(*bind); ip != nil && ip.IsUnspecified() {
		fmt.Fprintf(stderr, "warning: serving on all interfaces (%s): anyone on your network can read this playbook\n", *bind)
	}
	got := ln.Addr().(*net.TCPAddr).Port
	if got != *port {
		fmt.Fprintf(stderr, "note: port %d is in use; using %d\n", *port, got)
	}
	fmt.Fprintf(stdout, "Serving %s at http://%s/ with live reload (Ctrl+C to stop)\n", plural(pv.Pages(), "page"), net.JoinHostPort(*bind, strconv.Itoa(got)))

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var handler http.Handler = pv.Server
	if ip := net.ParseIP(*bind); *bind == "localhost" || ip != nil && ip.IsLoopback() {
		handler = serve.LocalOnly(handler)
	}
	srv := serve.NewHTTPServer(handler)
	go pv.Run(ctx)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "playbook serve: %v\n", err)
			return exitContent
		}
	case <-ctx.Done():
		stop()     // the default again: a second Ctrl-C ends the process at once
		pv.Close() // ends the event streams so shutdown does not wait on them
		shutdown, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
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
