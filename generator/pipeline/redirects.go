package pipeline

import (
	"bytes"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/release"
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
// page (see content.Alias), after every other file, so that an alias at
// the address of any file the build writes is refused. Redirect pages are
// not pages: the sitemap, the search index and the page count leave them
// out. An alias of a page the build leaves out (a draft, an internal page
// in an external build) is not written.
func addRedirects(out *Site, s *site.Site, set *content.Set, r interface{ Assets() map[string][]byte }, rel *release.Context) error {
	list := content.AliasClashes(set.Pages)
	if list.HasErrors() {
		return list.Err()
	}
	var reserved []site.Reserved
	if !((rel == nil || rel.Alone) && !s.Config.Versions.On()) { // as reserveReleasePages
		reserved = site.ReservedForVersions(rel == nil || rel.Current.Latest)
	}
	type write struct {
		name string
		html []byte
	}
	var writes []write
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			name := a.File()
			if res, ok := reservedAt(reserved, name); ok {
				list.Errorf(p.File, a.Line, a.Col, "duplicate-url", "old address %s belongs to %s when versions are on (versions.enabled in playbook.toml): remove the alias", a.URL, res.What)
				continue
			}
			if _, planned := out.planned[name]; planned || out.has(name) {
				list.Errorf(p.File, a.Line, a.Col, "duplicate-url", "old address %s is the address of %s, which the build writes: remove the alias, or move that file", a.URL, sourceOf(name, s, r))
				continue
			}
			html, err := redirectHTML(s, p)
			if err != nil {
				return err
			}
			writes = append(writes, write{name, html})
		}
	}
	if list.HasErrors() {
		list.Sort()
		return list.Err()
	}
	for _, w := range writes {
		out.Files[w.name] = w.html
	}
	return nil
}

// reservedAt returns the reserved address that holds file name.
func reservedAt(reserved []site.Reserved, name string) (site.Reserved, bool) {
	for _, res := range reserved {
		folder := strings.HasSuffix(res.Path, "/")
		if name == res.Path || folder && name == res.Path+"index.html" || res.Tree && strings.HasPrefix(name, res.Path) {
			return res, true
		}
	}
	return site.Reserved{}, false
}

// sourceOf names where an output file comes from, for messages.
func sourceOf(name string, s *site.Site, r interface{ Assets() map[string][]byte }) string {
	if _, ok := r.Assets()[name]; ok {
		return path.Join("static", name)
	}
	if slices.Contains(s.Files, name) {
		return path.Join(content.Dir, name)
	}
	for _, p := range s.Pages {
		for n := 2; n <= len(p.Listings()); n++ {
			if strings.TrimPrefix(p.ListingURL(n), "/")+"index.html" == name {
				return "page " + strconv.Itoa(n) + " of the list " + p.File + " shows"
			}
		}
	}
	return "/" + name
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
