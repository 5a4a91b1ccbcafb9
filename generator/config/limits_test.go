package config

import (
	"strings"
	"testing"
)

func TestLimits(t *testing.T) {
	cases := []struct {
		toml    string
		nesting int
		size    int64
		err     string
	}{
		{"", 0, 0, ""},
		{"[markdown]\nmax_nesting = 16\nmax_page_size = 2000000\n", 16, 2_000_000, ""},
		{"[markdown]\nmax_page_size = \"5MB\"\n", 0, 5_000_000, ""},
		{"[markdown]\nmax_page_size = \"1.5 MB\"\n", 0, 1_500_000, ""},
		{"[markdown]\nmax_page_size = \"8MiB\"\n", 0, 8 << 20, ""},
		{"[markdown]\nmax_page_size = \"512kB\"\n", 0, 512_000, ""},
		{"[markdown]\nmax_nesting = 0\n", 0, 0, "playbook.toml:2:1: error: markdown.max_nesting is 0: set how deep lists and quotes may nest, like 64 (from 1 to 1000)"},
		{"[markdown]\nmax_nesting = 100000000000\n", 0, 0, "playbook.toml:2:1: error: markdown.max_nesting is 100000000000: set how deep lists and quotes may nest, like 64 (from 1 to 1000)"},
		{"[markdown]\nmax_page_size = \"5 parsecs\"\n", 0, 0, "playbook.toml:2:1: error: markdown.max_page_size: \"5 parsecs\" is not a size: write bytes (5000000) or a size with a unit, like \"5MB\", \"512kB\" or \"8MiB\""},
		{"[markdown]\nmax_page_size = -1\n", 0, 0, "playbook.toml:2:1: error: markdown.max_page_size: \"-1\" is not a size"},
	}
	for _, c := range cases {
		cfg, diags := parse([]byte(c.toml))
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if c.err == "" && got != "" || !strings.HasPrefix(got, c.err) || len(diags) > 1 {
			t.Errorf("%q: diagnostics %v; want %q", c.toml, diags, c.err)
			continue
		}
		if cfg.Markdown.MaxNesting != c.nesting || cfg.Markdown.MaxPageSize.Bytes() != c.size {
			t.Errorf("%q: max_nesting %d, max_page_size %d; want %d, %d", c.toml, cfg.Markdown.MaxNesting, cfg.Markdown.MaxPageSize.Bytes(), c.nesting, c.size)
		}
	}
}

func TestMaxTableCells(t *testing.T) {
	cases := []struct {
		toml  string
		cells int
		err   string
	}{
		{"[markdown]\nmax_table_cells = 500000\n", 500_000, ""},
		{"[markdown]\nmax_table_cells = 2000000\n", 0, "playbook.toml:2:1: error: markdown.max_table_cells is 2000000: set how many table cells a page may have, like 100000 (from 1 to 1000000)"},
		{"[markdown]\nmax_table_cells = 0\n", 0, "playbook.toml:2:1: error: markdown.max_table_cells is 0: set how many table cells a page may have, like 100000 (from 1 to 1000000)"},
		{"[markdown]\nmax_table_cells = -5\n", 0, "playbook.toml:2:1: error: markdown.max_table_cells is -5"},
	}
	for _, c := range cases {
		cfg, diags := parse([]byte(c.toml))
		got := ""
		if len(diags) > 0 {
			got = diags[0].String()
		}
		if c.err == "" && got != "" || !strings.HasPrefix(got, c.err) || len(diags) > 1 {
			t.Errorf("%q: diagnostics %v; want %q", c.toml, diags, c.err)
		}
		if cfg.Markdown.MaxTableCells != c.cells {
			t.Errorf("%q: max_table_cells %d; want %d", c.toml, cfg.Markdown.MaxTableCells, c.cells)
		}
	}
}
