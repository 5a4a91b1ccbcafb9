package content

import (
	"strings"
	"testing"
)

func TestAliasURL(t *testing.T) {
	for _, c := range []struct{ in, url, file, problem string }{
		{in: "/old/handbook/pricing/", url: "/old/handbook/pricing/", file: "old/handbook/pricing/index.html"},
		{in: "old/handbook/pricing", url: "/old/handbook/pricing/", file: "old/handbook/pricing/index.html"},
		{in: "legacy/pricing.html", url: "/legacy/pricing.html", file: "legacy/pricing.html"},
		{in: "/Legacy/Pricing.HTM", url: "/Legacy/Pricing.HTM", file: "Legacy/Pricing.HTM"},
		{in: "/old//v1.2", url: "/old/v1.2/", file: "old/v1.2/index.html"},
		{in: "/old/caf%C3%A9/", url: "/old/café/", file: "old/café/index.html"},
		{in: "/", url: "/", file: "index.html"},
		{in: "", problem: "is empty"},
		{in: "https://old.example/pricing/", problem: "is a full address"},
		{in: "//old.example/pricing/", problem: "is a full address"},
		{in: "/pricing/?tab=1", problem: "query or #fragment"},
		{in: "/pricing/#top", problem: "query or #fragment"},
		{in: "/old/../pricing/", problem: "has a . or .. part"},
		{in: "./pricing/", problem: "has a . or .. part"},
		{in: `old\pricing`, problem: "backslash"},
		{in: "/old/%zz/", problem: "bad %-escape"},
		{in: "/old/%0a/", problem: "control character"},
		{in: "/old/guide.pdf", problem: "ends in .pdf"},
	} {
		u, problem := AliasURL(c.in)
		if c.problem != "" {
			if !strings.Contains(problem, c.problem) {
				t.Errorf("AliasURL(%q) = %q, %q; want a problem with %q", c.in, u, problem, c.problem)
			}
			continue
		}
		if u != c.url || problem != "" {
			t.Errorf("AliasURL(%q) = %q, %q; want %q", c.in, u, problem, c.url)
		}
		if f := (Alias{URL: u}).File(); f != c.file {
			t.Errorf("file of %q = %q, want %q", c.in, f, c.file)
		}
	}
}
