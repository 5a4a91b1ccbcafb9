package e2e

import (
	"context"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// listenLoopback serves h on a loopback port until the test ends and
// returns its address ("http://127.0.0.1:port").
func listenLoopback(t *testing.T, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

// axeChecker returns a check that runs axe-core (axe, from axeScript) on
// the page open in ctx and reports its violations as errors about what.
func axeChecker(t *testing.T, ctx context.Context, axe string) func(what string) {
	return func(what string) {
		t.Helper()
		violations, err := axeViolations(ctx, axe)
		if err != nil {
			t.Fatalf("%s: running axe: %v", what, err)
		}
		if len(violations) > 0 {
			t.Errorf("%s: %s", what, strings.Join(violations, "\n  "))
		}
	}
}

// colourScheme emulates the reader's light or dark preference.
func colourScheme(t *testing.T, ctx context.Context, scheme string) {
	t.Helper()
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
}
