package importer

import (
	"encoding/json"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"
)

// navEntry is one page in the old navigation, in order.
type navEntry struct {
	file  string // path in SRC
	title string // the title the navigation gave it, "" for none
}

// category is what Docusaurus' _category_.json says of a folder.
type category struct {
	Label    string  `json:"label" yaml:"label"`
	Position float64 `json:"position" yaml:"position"`
}

var summaryLink = regexp.MustCompile(`^\s*(?:[-*+]\s+)?\[([^\]]*)\]\(\s*(<[^>]*>|[^)\s]*)\s*(?:"[^"]*")?\)`)

// readSummary reads a GitBook or mdBook SUMMARY.md at sum (in SRC): its
// entries in order, paths relative to SRC.
func readSummary(src, sum string) []navEntry {
	b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(sum)))
	if err != nil {
		return nil
	}
	dir := path.Dir(sum)
	var out []navEntry
	fence := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fence = !fence
		}
		if fence {
			continue
		}
		m := summaryLink.FindStringSubmatch(line)
		if m == nil || m[2] == "" {
			continue // a draft chapter of mdBook: no file
		}
		target := strings.TrimSuffix(strings.TrimPrefix(m[2], "<"), ">")
		if u, err := url.PathUnescape(target); err == nil {
			target = u
		}
		target, _, _ = strings.Cut(target, "#")
		if target == "" || strings.Contains(target, "://") {
			continue
		}
		out = append(out, navEntry{file: path.Clean(path.Join(dir, target)), title: strings.TrimSpace(m[1])})
	}
	return out
}

// readMkDocsNav reads the nav of mkdocs.yml: pages in order with their
// titles, paths relative to SRC.
func readMkDocsNav(src, cfgFile, docsDir string) []navEntry {
	b, err := os.ReadFile(filepath.Join(src, cfgFile))
	if err != nil {
		return nil
	}
	var root yaml.Node
	if yaml.Unmarshal(b, &root) != nil || len(root.Content) == 0 {
		return nil
	}
	doc := root.Content[0]
	var nav *yaml.Node
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value == "nav" {
			nav = doc.Content[i+1]
		}
	}
	if nav == nil {
		return nil
	}
	var out []navEntry
	var walk func(n *yaml.Node, title string)
	walk = func(n *yaml.Node, title string) {
		switch n.Kind {
		case yaml.ScalarNode:
			if n.Value != "" && !strings.Contains(n.Value, "://") && isPage(n.Value) {
				out = append(out, navEntry{file: path.Join(docsDir, path.Clean(n.Value)), title: title})
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, "")
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], n.Content[i].Value)
			}
		}
	}
	walk(nav, "")
	return out
}

var jsString = regexp.MustCompile(`'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|` + "`([^`]*)`")

// readSidebars reads the doc ids of Docusaurus' sidebars.js in order,
// keeping those that name a doc (ids maps a doc id to its file in SRC).
// Only string literals are read, not the JavaScript: a sidebar built by
// code gives what it spells out.
func readSidebars(src string, ids map[string]string) []navEntry {
	for _, name := range []string{"sidebars.js", "sidebars.ts", "sidebars.mjs"} {
		b, err := os.ReadFile(filepath.Join(src, name))
		if err != nil {
			continue
		}
		var out []navEntry
		seen := map[string]bool{}
		for _, line := range strings.Split(string(b), "\n") {
			if t := strings.TrimSpace(line); strings.HasPrefix(t, "//") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "/*") {
				continue
			}
			for _, m := range jsString.FindAllStringSubmatch(line, -1) {
				s := m[1] + m[2] + m[3]
				if f, ok := ids[s]; ok && !seen[f] {
					seen[f] = true
					out = append(out, navEntry{file: f})
				}
			}
		}
		return out
	}
	return nil
}

// readCategory reads a _category_.json or .yml.
func readCategory(src, name string) (category, bool) {
	b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(name)))
	if err != nil {
		return category{}, false
	}
	var c category
	if strings.HasSuffix(name, ".json") {
		err = json.Unmarshal(b, &c)
	} else {
		err = yaml.Unmarshal(b, &c)
	}
	return c, err == nil
}
