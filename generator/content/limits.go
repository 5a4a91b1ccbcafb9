package content

import (
	"fmt"
	"strings"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// Limits returns the playbook's limits on a page ([markdown] max_nesting
// and max_page_size).
func Limits(cfg *config.Config) markdown.Limits {
	return markdown.Limits{MaxNesting: cfg.Markdown.MaxNesting, MaxPageSize: cfg.Markdown.MaxPageSize.Bytes()}
}

// checkLimits reports a page larger or more deeply nested than the limits
// allow and leaves its body empty, so that goldmark, which slows down
// beyond any size on such input, never reads it. The page itself stays,
// so that links to it are not reported too.
func checkLimits(p *Page, src []byte, cfg *config.Config, diags *diag.List) {
	l := Limits(cfg)
	if line, over := l.OverSize(src); over {
		diags.Errorf(p.File, line, 0, "markdown", "the page is %s, more than the limit of %s ([markdown] max_page_size in playbook.toml): split it into several pages, or raise the limit",
			sizeText(int64(len(src))), sizeText(l.PageSize()))
		p.Body = nil
		return
	}
	if line, depth := l.TooDeep(p.Body); line > 0 {
		diags.Errorf(p.File, p.BodyLine+line-1, 0, "markdown", "list and quote nesting goes %d levels deep, more than the limit of %d ([markdown] max_nesting in playbook.toml): flatten the list, or raise the limit",
			depth, l.Nesting())
		p.Body = nil
	}
}

// sizeText writes a size in bytes as people read it: "5 MB", "900 kB".
func sizeText(n int64) string {
	switch {
	case n >= 1e6:
		return trimZero(float64(n)/1e6) + " MB"
	case n >= 1e3:
		return trimZero(float64(n)/1e3) + " kB"
	}
	return fmt.Sprintf("%d bytes", n)
}

func trimZero(f float64) string {
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.1f", f), "0"), ".")
}
