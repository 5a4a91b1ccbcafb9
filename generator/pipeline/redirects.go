package pipeline

import (
	"bytes"
	"html/template"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/site"
)

// redirectPage is what an old address holds: a refresh for browsers, the
// canonical address for search engines (which also keep it out of their
// index), and a link for readers without a refresh.
var redirectPage = template.Must(template.New("redirect").Parse(`<!doctype html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>Moved to {{.Target}}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{{.Canonical}}">
<meta http-equiv="refresh" content="0; url={{.Target}}">
</head>
<body>
<p>This page has moved to <a href="{{.Target}}">{{.Target}}</a>.</p>
</body>
</html>
`))

// addRedirects writes a redirect page at each alias of every published
// page (see content.Alias). Where they go was claimed with every other
// file before rendering (see paths), so none lands on another file.
// Redirect pages are not pages: the sitemap, the search index and the
// page count leave them out. An alias of a page the build leaves out (a
// draft, an internal page in an external build) is not written.
func addRedirects(out *Site, s *site.Site) error {
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			html, err := redirectHTML(s, p)
			if err != nil {
				return err
			}
			out.Files[a.File()] = html
		}
	}
	return nil
}

// redirectHTML is the redirect page to p.
func redirectHTML(s *site.Site, p *site.Page) ([]byte, error) {
	rel := site.EscapePath(strings.TrimPrefix(p.URL, "/"))
	target, canonical := s.BasePath+rel, s.BasePath+rel
	if strings.Contains(s.BaseURL, "://") {
		canonical = s.BaseURL + rel
	}
	var buf bytes.Buffer
	err := redirectPage.Execute(&buf, struct{ Lang, Target, Canonical string }{s.Config.Language, target, canonical})
	return buf.Bytes(), err
}

// aliasesChanged reports whether an edit changes a page's aliases, which
// only a full build writes (and checks against every other file).
func (s *Site) aliasesChanged(pages []*content.Page) bool {
	for _, cp := range pages {
		old := s.Model.PageByRel(cp.Rel)
		if old == nil || !slices.EqualFunc(old.Aliases, cp.Aliases, func(a, b content.Alias) bool { return a.URL == b.URL }) {
			return true
		}
	}
	return false
}
