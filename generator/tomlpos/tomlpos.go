// Package tomlpos finds the line on which each key of a TOML document is
// defined. BurntSushi/toml reports syntax errors with positions but not where
// an unknown or mistyped key lives; this fills that gap for diagnostics.
package tomlpos

import (
	"strings"
)

// Lines maps dotted key paths ("brand.colours.hex") to the 1-based line of
// their first definition. Array-of-table indices are not part of the path.
type Lines map[string]int

// Scan reads src line by line, tracking table headers, and records each key.
// It is deliberately lenient: it only runs on documents the TOML parser has
// already accepted.
func Scan(src []byte) Lines {
	out := Lines{}
	var table []string
	inMultiline := ""
	for i, raw := range strings.Split(string(src), "\n") {
		line := strings.TrimSpace(raw)
		if inMultiline != "" {
			if strings.Count(line, inMultiline)%2 == 1 {
				inMultiline = ""
			}
			continue
		}
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			header := strings.Trim(line, "[] \t")
			if j := strings.Index(header, "]"); j >= 0 {
				header = header[:j]
			}
			table = splitKey(header)
			record(out, table, i+1)
			continue
		}
		eq := strings.Index(line, "=")
		if eq <= 0 {
			continue
		}
		key := append(append([]string{}, table...), splitKey(line[:eq])...)
		record(out, key, i+1)
		rest := line[eq+1:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(rest, q)%2 == 1 {
				inMultiline = q
			}
		}
	}
	return out
}

func record(out Lines, key []string, line int) {
	k := strings.Join(key, ".")
	if _, ok := out[k]; !ok {
		out[k] = line
	}
}

// splitKey splits a dotted key, removing quotes and spaces around parts.
func splitKey(s string) []string {
	var parts []string
	for _, p := range strings.Split(s, ".") {
		p = strings.TrimSpace(p)
		p = strings.Trim(p, `"'`)
		if p != "" {
			parts = append(parts, p)
		}
	}
	return parts
}

// Find returns the line of key, or of its closest defined parent, or 0.
func (l Lines) Find(key ...string) int {
	for n := len(key); n > 0; n-- {
		if line, ok := l[strings.Join(key[:n], ".")]; ok {
			return line
		}
	}
	return 0
}
