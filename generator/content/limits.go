package content

import (
	"fmt"
	"strings"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// Limits returns the playbook's limits on a page ([markdown] max_nesting,
// max_page_size and max_table_cells).
func Limits(cfg *config.Config) markdown.Limits {
	return markdown.Limits{
		MaxNesting:    cfg.Markdown.MaxNesting,
		MaxPageSize:   cfg.Markdown.MaxPageSize.Bytes(),
		MaxTableCells: cfg.Markdown.MaxTableCells,
	}
}

// checkLimits reports a page that goes past a limit and leaves its body
// empty, so that goldmark, which slows down beyond any size on such
// input, never reads it. size is the whole file's: src may be only its
// first bytes when that is past the size limit. The page itself stays, so that links to it are
// not reported too.
func checkLimits(p *Page, src []byte, size int64, cfg *config.Config, diags *diag.List) {
	l := Limits(cfg)
	if line, over := l.OverSize(src); over {
		have, limit := sizeText(max(size, int64(len(src)))), sizeText(l.PageSize())
		if have == limit { // "5 MB, more than 5 MB": show the bytes
			have, limit = count(int(max(size, int64(len(src)))))+" bytes", count(int(l.PageSize()))+" bytes"
		}
		diags.Errorf(p.File, line, 0, "markdown", "the page is %s, more than the limit of %s ([markdown] max_page_size in playbook.toml): split it into several pages, or raise the limit",
			have, limit)
		p.Body = nil
		return
	}
	if pr, found := l.Scan(p.Body); found {
		diags.Errorf(p.File, p.BodyLine+pr.Line-1, 0, "markdown", "%s", LimitMessage(pr))
		p.Body = nil
	}
}

// LimitMessage says which limit a page goes past and what to do about it.
func LimitMessage(pr markdown.Problem) string {
	switch pr.Kind {
	case markdown.Nesting:
		return fmt.Sprintf("list and quote nesting goes %d levels deep, more than the limit of %d ([markdown] max_nesting in playbook.toml): flatten the list, or raise the limit",
			pr.Found, pr.Limit)
	case markdown.TableCells:
		return fmt.Sprintf("the page's tables have %s cells (columns × rows) by this line, more than the limit of %s ([markdown] max_table_cells in playbook.toml): split the table or the page, make the header and delimiter rows (|---|) no wider than the table, or raise the limit",
			count(pr.Found), count(pr.Limit))
	case markdown.NestedLines:
		return fmt.Sprintf("the page's lines inside lists and quotes, each counted once for every level it is nested in, add up to %s by this line, more than the limit of %s: end long lists sooner, nest them less deeply, or remove runs of blank lines inside them",
			count(pr.Found), count(pr.Limit))
	case markdown.InlineMarks:
		return fmt.Sprintf("this paragraph has %s link brackets and emphasis marks ('[', '](', '*', '_', '~'), more than the limit of %s in one paragraph: split it into several paragraphs, or escape the marks that are meant literally with '\\'",
			count(pr.Found), count(pr.Limit))
	case markdown.RunMarks:
		return fmt.Sprintf("the lines from here to the next blank line hold %s link brackets and emphasis marks ('[', '](', '*', '_', '~'), more than the limit of %s between two blank lines (code blocks and tables included): add blank lines between paragraphs or list items, or split the code block or table",
			count(pr.Found), count(pr.Limit))
	case markdown.PageMarks:
		return fmt.Sprintf("the page has %s link brackets and emphasis marks ('[', '](', '*', '_', '~') by this line, more than the limit of %s in one page: split the page, or escape the marks that are meant literally with '\\'",
			count(pr.Found), count(pr.Limit))
	case markdown.LinkReading:
		return fmt.Sprintf("links whose ')' is missing make the page's links read %s bytes by this line, more than the limit of %s: close each link as [text](address), or escape a '[' meant literally with '\\'",
			count(pr.Found), count(pr.Limit))
	}
	return fmt.Sprintf("the page goes past a limit at this line (%d, limit %d)", pr.Found, pr.Limit)
}

// count writes a number with thousands separators: 100,000.
func count(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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
