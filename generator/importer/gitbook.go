package importer

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// gitbookRedirect is one entry of .gitbook.yaml's redirects: an old
// address (a path without .md) and the page it now leads to.
type gitbookRedirect struct {
	from, to string
	line     int
	text     string // the line as written, for the report
}

// readGitbookRedirects reads the redirects of .gitbook.yaml in order.
func readGitbookRedirects(src, name string) []gitbookRedirect {
	b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(name)))
	if err != nil {
		return nil
	}
	var root yaml.Node
	if yaml.Unmarshal(b, &root) != nil || len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	lines := strings.Split(string(b), "\n")
	top := root.Content[0]
	var out []gitbookRedirect
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != "redirects" || top.Content[i+1].Kind != yaml.MappingNode {
			continue
		}
		m := top.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			k, v := m.Content[j], m.Content[j+1]
			r := gitbookRedirect{from: k.Value, to: v.Value, line: k.Line}
			if k.Line >= 1 && k.Line <= len(lines) {
				r.text = strings.TrimSpace(strings.TrimRight(lines[k.Line-1], "\r"))
			}
			out = append(out, r)
		}
	}
	return out
}

// applyGitbookRedirects gives each redirect's target page the old address
// to carry in redirect_from (settleRedirects then settles it with the
// page's other old addresses); a redirect to a page that does not exist is
// left for a person, with its line.
func applyGitbookRedirects(src string, l *layout, byOld map[string]*page) []Note {
	if l.configFile == "" {
		return nil
	}
	var notes []Note
	rs := readGitbookRedirects(src, l.configFile)
	plainFrom := map[string]bool{}
	for _, r := range rs {
		if !strings.Contains(r.from, "#") {
			plainFrom[strings.Trim(r.from, "/")] = true
		}
	}
	for _, r := range rs {
		if before, _, ok := strings.Cut(r.from, "#"); ok && plainFrom[strings.Trim(before, "/")] {
			// The server never sees the anchor: the entry without one decides.
			notes = append(notes, Note{File: l.configFile, Line: r.line, Kind: "redirect left out", Converted: true,
				Message: fmt.Sprintf("%s: a redirect cannot tell anchors apart, and the entry for the same address without one is kept", r.text)})
			continue
		}
		target, _, _ := strings.Cut(r.to, "#")
		target = strings.TrimPrefix(path.Clean("/"+strings.TrimSpace(target)), "/")
		p := byOld[path.Join(l.contentRoot, target)]
		if p == nil || target == "" {
			notes = append(notes, Note{File: l.configFile, Line: r.line, Kind: "redirect left out",
				Message: fmt.Sprintf("%s: %s does not exist; add the old address to the redirect_from of the page that replaced it", r.text, target)})
			continue
		}
		// The server never sees an anchor: the old address is the path.
		from, _, _ := strings.Cut(r.from, "#")
		from = strings.Trim(path.Clean("/"+strings.TrimSpace(from)), "/")
		from = strings.TrimSuffix(strings.TrimSuffix(from, ".md"), "README")
		from = strings.Trim(from, "/")
		if from == "" {
			continue // the home page
		}
		p.cfgRedirects = append(p.cfgRedirects, "/"+from+"/")
	}
	return notes
}
