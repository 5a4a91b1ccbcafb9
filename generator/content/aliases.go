package content

import (
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/frontmatter"
)

// Alias is an address a page used to live at (front matter aliases, like
// Hugo's aliases or Jekyll's redirect_from). The build writes a small page
// there that sends readers on to the page.
type Alias struct {
	// URL is the old address under the site root, cleaned and unescaped:
	// "/old/pricing/" or "/legacy/pricing.html".
	URL  string
	Line int // where it was written in the page's file
	Col  int
}

// File is the output file of the redirect page, under the site root:
// the .html file itself, or index.html in the old folder.
func (a Alias) File() string {
	if strings.HasSuffix(a.URL, "/") {
		return strings.TrimPrefix(a.URL, "/") + "index.html"
	}
	return strings.TrimPrefix(a.URL, "/")
}

// decodeAliases reads a page's old addresses: redirect_from (Jekyll's
// name, and what playbook import writes) on every page, and aliases
// (Hugo's name) on every page but a glossary term, where aliases are the
// term's other names and never addresses.
func decodeAliases(d *decoder, p *Page) []Alias {
	out := d.oldAddresses("redirect_from")
	if p.Term == nil {
		out = append(out, d.oldAddresses("aliases")...)
	}
	return out
}

// oldAddresses reads one list field of old addresses.
func (d *decoder) oldAddresses(key string) []Alias {
	f, ok := d.doc.Fields[key]
	if !ok || f.Value == nil {
		return nil
	}
	d.used[key] = true
	items := []frontmatter.Field{f}
	if list, isList := f.Value.([]frontmatter.Field); isList {
		items = list
	} else if s, isText := f.Value.(string); isText {
		d.notAList(f, key, s)
	} else {
		d.errorAt(f, "%s must be a list of old addresses, like [\"/old/pricing/\"], not %s", key, typeName(f.Value))
		return nil
	}
	var out []Alias
	for i, it := range items {
		s, isText := it.Value.(string)
		if !isText {
			d.errorAt(it, "%s: item %d must be an old address in quotes, like \"/old/pricing/\", not %s", key, i+1, typeName(it.Value))
			continue
		}
		s = strings.TrimSpace(s)
		u, problem := AliasURL(s)
		if problem != "" {
			d.errorAt(it, "%s: %q %s", key, s, problem)
			continue
		}
		out = append(out, Alias{URL: u, Line: it.Line, Col: it.Col})
	}
	return out
}

// AliasURL cleans an old address written in front matter: a path on this
// site, from its root, with or without the leading slash. A path without
// a trailing slash is a folder unless its last part ends in .html or
// .htm. It returns the address ("/old/pricing/") or what is wrong with it.
func AliasURL(s string) (string, string) {
	switch {
	case s == "":
		return "", "is empty: write the page's old address, like \"/old/pricing/\""
	case strings.Contains(s, "://") || strings.HasPrefix(s, "//"):
		return "", "is a full address: write only its path on this site, like \"/old/pricing/\" (a site cannot write pages on another host)"
	case strings.ContainsAny(s, "?#"):
		return "", "has a query or #fragment: a redirect page answers one path, so write the path alone"
	case strings.Contains(s, `\`):
		return "", `has a backslash: separate folders with "/"`
	}
	dec, err := url.PathUnescape(s)
	if err != nil {
		return "", "has a bad %-escape: write the path with its characters as they are"
	}
	for _, r := range dec {
		if r < 0x20 || r == 0x7f {
			return "", "has a control character"
		}
	}
	folder := strings.HasSuffix(dec, "/")
	var parts []string
	for _, seg := range strings.Split(dec, "/") {
		switch seg {
		case "":
			continue
		case ".", "..":
			return "", "has a . or .. part: write the path from the site's root, like \"/old/pricing/\""
		}
		parts = append(parts, seg)
	}
	if len(parts) == 0 {
		return "/", ""
	}
	last := parts[len(parts)-1]
	ext := strings.ToLower(path.Ext(last))
	switch {
	case folder:
	case ext == ".html" || ext == ".htm":
		return "/" + strings.Join(parts, "/"), ""
	case ext != "" && !strings.ContainsAny(ext[1:], "0123456789") && len(ext) <= 5:
		// /guide.pdf: a static host would serve the redirect page as a PDF.
		return "", fmt.Sprintf("ends in %s: only a folder or an .html file can hold a redirect page", ext)
	}
	return "/" + strings.Join(parts, "/") + "/", ""
}

// AliasClashes reports aliases that cannot be written: a page's own URL,
// another page's URL, or an address two pages claim (each named with the
// other's file). pages is every page of the playbook, published or not,
// so the answer does not depend on which build is made.
func AliasClashes(pages []*Page) diag.List {
	var list diag.List
	byFile := map[string]*Page{} // the output file of each page
	for _, p := range pages {
		byFile[strings.TrimPrefix(p.URL, "/")+"index.html"] = p
	}
	type claim struct {
		p *Page
		a Alias
	}
	claimed := map[string]claim{}
	for _, p := range pages {
		for _, a := range p.Aliases {
			if q := byFile[a.File()]; q == p {
				list.Errorf(p.File, a.Line, a.Col, "duplicate-url", "old address %s is this page's own URL: remove it", a.URL)
				continue
			} else if q != nil {
				list.Errorf(p.File, a.Line, a.Col, "duplicate-url", "old address %s is the URL of %s, so no redirect can be written there: remove it, or move that page", a.URL, q.File)
				continue
			}
			if c, dup := claimed[a.File()]; dup {
				if c.p == p {
					list.Errorf(p.File, a.Line, a.Col, "duplicate-url", "old address %s is listed twice: remove one", a.URL)
				} else {
					list.Errorf(p.File, a.Line, a.Col, "duplicate-url", "old address %s is also an old address of %s (line %d): one old address can lead to one page only", a.URL, c.p.File, c.a.Line)
					list.Errorf(c.p.File, c.a.Line, c.a.Col, "duplicate-url", "old address %s is also an old address of %s (line %d): one old address can lead to one page only", c.a.URL, p.File, a.Line)
				}
				continue
			}
			claimed[a.File()] = claim{p, a}
		}
	}
	list.Sort()
	return list
}
