package site

import (
	"net/url"
	"path"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// resolver rewrites links in page bodies: markdown-file links become page
// URLs (anchors kept and checked), relative file links become site paths.
type resolver struct {
	site      *Site
	all       map[string]*content.Page // every loaded page, by path under content/
	published map[string]*Page
	static    map[string]bool // files under static/
	files     map[string]bool // non-markdown files under content/
}

func (r *resolver) rewrite(p *Page, diags *diag.List) {
	for _, l := range p.doc.Links {
		line, col := p.BodyLine+l.Line-1, l.Col
		dest := l.Dest
		if dest == "" || isExternal(dest) {
			continue
		}
		target, frag := dest, ""
		if i := strings.IndexByte(target, '#'); i >= 0 {
			target, frag = target[:i], target[i+1:]
		}
		if j := strings.IndexByte(target, '?'); j >= 0 {
			target = target[:j]
		}
		if target == "" { // same-page anchor
			if !hasHeading(p, frag) {
				diags.Errorf(p.File, line, col, "link", "link to #%s: this page has no heading with that ID%s", frag, diag.DidYouMean(frag, headingIDs(p)))
			}
			continue
		}
		unescaped, err := url.PathUnescape(target)
		if err == nil {
			target = unescaped
		}
		var rel string
		if strings.HasPrefix(target, "/") {
			rel = path.Clean(strings.TrimPrefix(target, "/"))
		} else {
			rel = path.Clean(path.Join(p.Dir, target))
		}
		if strings.HasPrefix(rel, "..") {
			diags.Errorf(p.File, line, col, "link", "link %q points outside content/", dest)
			continue
		}
		if strings.HasSuffix(rel, ".md") || r.all[path.Join(rel, "_index.md")] != nil && !r.files[rel] && !r.static[rel] {
			if !strings.HasSuffix(rel, ".md") {
				rel = path.Join(rel, "_index.md")
			}
			r.pageLink(p, l, rel, frag, line, col, diags)
			continue
		}
		if strings.HasPrefix(target, "/") {
			// Site-absolute: a file from static/ or content/.
			if !r.static[rel] && !r.files[rel] && r.site.byURL["/"+strings.TrimSuffix(rel, "/")+"/"] == nil && rel != "." {
				diags.Errorf(p.File, line, col, "link", "link %q: no file static/%s or content/%s", dest, rel, rel)
				continue
			}
			l.Rewrite(r.site.BasePath + strings.TrimPrefix(target, "/") + fragment(frag))
			continue
		}
		if !r.files[rel] {
			what := "link"
			if l.IsImage {
				what = "image"
			}
			diags.Errorf(p.File, line, col, "link", "%s %q: no file content/%s (links to pages must end in .md)", what, dest, rel)
			continue
		}
		l.Rewrite(r.site.BasePath + rel + fragment(frag))
	}
}

func (r *resolver) pageLink(p *Page, l interface{ Rewrite(string) }, rel, frag string, line, col int, diags *diag.List) {
	cp, ok := r.all[rel]
	if !ok {
		var rels []string
		for k := range r.all {
			rels = append(rels, k)
		}
		diags.Errorf(p.File, line, col, "link", "broken link: no page content/%s%s", rel, suggestPath(rel, rels))
		return
	}
	target, ok := r.published[rel]
	if !ok {
		reason := r.site.excluded(cp)
		if reason == "internal" {
			diags.Errorf(p.File, line, col, "audience", "external page %s links to internal page %s, which external builds leave out: make the target audience = \"external\" or remove the link", p.File, cp.File)
		} else {
			diags.Errorf(p.File, line, col, "link", "links to %s, which is a draft: publish it (remove draft = true) or build with --drafts", cp.File)
		}
		return
	}
	if frag != "" && !hasHeading(target, frag) {
		diags.Errorf(p.File, line, col, "link", "link to %s#%s: that page has no heading with that ID%s", cp.File, frag, diag.DidYouMean(frag, headingIDs(target)))
		return
	}
	l.Rewrite(target.Permalink() + fragment(frag))
}

func suggestPath(rel string, rels []string) string {
	base := path.Base(rel)
	var bases []string
	byBase := map[string]string{}
	for _, r := range rels {
		b := path.Base(r)
		bases = append(bases, b)
		byBase[b] = r
	}
	if s := diag.Suggest(base, bases); s != "" {
		return " (did you mean content/" + byBase[s] + "?)"
	}
	return ""
}

func fragment(frag string) string {
	if frag == "" {
		return ""
	}
	return "#" + frag
}

func isExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	u, err := url.Parse(dest)
	return err == nil && u.Scheme != ""
}

func hasHeading(p *Page, id string) bool {
	if p.doc == nil {
		return false
	}
	for _, h := range p.doc.Headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

func headingIDs(p *Page) []string {
	var ids []string
	for _, h := range p.doc.Headings {
		ids = append(ids, h.ID)
	}
	return ids
}
