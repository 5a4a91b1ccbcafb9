package site

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/markdown"
)

// anchorRef is a link from one page to a heading of another.
type anchorRef struct{ target, frag string }

// resolver rewrites links in page bodies and front matter text:
// markdown-file links become page URLs (anchors kept and checked), relative
// file links become site paths. It only reads shared state, so pages can be
// resolved in parallel.
type resolver struct {
	site      *Site
	all       map[string]*content.Page // every loaded page, by path under content/
	published map[string]*Page         // by path under content/
	static    map[string]bool          // files under static/
	files     map[string]bool          // non-markdown files under content/
	rels      []string                 // sorted keys of all, for suggestions
	sections  map[string]string        // folder to the Rel of its section page
	set       *content.Set             // for the files the build skips

	// deferAnchors holds links to headings for checking once every page
	// is parsed (Site.Bodies): pages are parsed and rendered in one pass.
	deferAnchors bool
}

// pendingAnchor is a link to a heading, checked once every page's
// headings are known.
type pendingAnchor struct {
	rel              string // the target's file under content/; "" for the linking page itself
	dest, what, frag string
	line, col        int
	internal         string // the target's file, for the audience warning an external page linking to it gets
}

// addPending keeps a link to a heading for checking later, with the body's
// links or the front matter texts' (rendered at another time).
func (p *Page) addPending(inline bool, a pendingAnchor) {
	if inline {
		p.inlinePending = append(p.inlinePending, a)
	} else {
		p.pendingAnchors = append(p.pendingAnchors, a)
	}
}

// checkAnchor checks a link kept by addPending.
func (r *resolver) checkAnchor(p *Page, a pendingAnchor, diags *diag.List) {
	target := p
	if a.rel != "" && a.rel != p.Rel {
		target = r.published[a.rel]
	}
	if !hasHeading(target, a.frag) {
		brokenAnchor(p, target, a.dest, a.what, a.frag, a.line, a.col, diags)
		return
	}
	if a.internal != "" {
		audienceWarning(p, a.internal, a.line, a.col, diags)
	}
}

func audienceWarning(p *Page, internal string, line, col int, diags *diag.List) {
	diags.Warnf(p.File, line, col, "audience", "external page links to internal page %s: an external build (--audience external) will fail until the target is external too", internal)
}

// rewriteLinks checks and rewrites links of page p; pos gives each link's
// position in p's file. It returns the content files the links use.
//
// In front matter texts (absolute true) a same-page anchor becomes the full
// page address, because the text is also shown on other pages.
func (r *resolver) rewriteLinks(p *Page, links []*markdown.Link, pos func(*markdown.Link) (int, int), absolute bool, diags *diag.List) (used []string) {
	for _, l := range links {
		line, col := pos(l)
		dest := l.Dest
		if dest == "" {
			continue
		}
		if u, err := url.Parse(dest); err == nil && u.Scheme != "" {
			switch strings.ToLower(u.Scheme) {
			case "javascript", "vbscript", "data", "file":
				if !(l.IsImage && strings.HasPrefix(strings.ToLower(dest), "data:image/")) {
					diags.Errorf(p.File, line, col, "link", "link %q: %s: links are not allowed; link to a page or a web address", truncate(dest, 40), u.Scheme)
				}
			}
			continue
		}
		if strings.HasPrefix(dest, "//") || l.IsAuto {
			continue
		}
		target, frag, query := dest, "", ""
		if i := strings.IndexByte(target, '#'); i >= 0 {
			target, frag = target[:i], target[i+1:]
		}
		if j := strings.IndexByte(target, '?'); j >= 0 {
			target, query = target[:j], target[j:]
		}
		if f, err := url.PathUnescape(frag); err == nil {
			frag = f // a heading ID copied from the address bar arrives encoded
		}
		if target == "" { // this page: "#", "?x", or an anchor
			if frag != "" && r.deferAnchors {
				p.addPending(absolute, pendingAnchor{dest: l.Dest, what: "#" + frag, frag: frag, line: line, col: col})
				if absolute {
					l.Rewrite(p.Permalink() + query + fragment(frag))
				}
				continue
			}
			if frag != "" && !hasHeading(p, frag) {
				brokenAnchor(p, p, l.Dest, "#"+frag, frag, line, col, diags)
			} else if absolute && frag != "" {
				l.Rewrite(p.Permalink() + query + fragment(frag))
			}
			continue
		}
		if unescaped, err := url.PathUnescape(target); err == nil {
			target = unescaped
		}
		var rel string
		if strings.HasPrefix(target, "/") {
			rel = path.Clean(strings.TrimPrefix(target, "/"))
		} else {
			rel = path.Clean(path.Join(p.FileDir(), target))
		}
		if rel == ".." || strings.HasPrefix(rel, "../") {
			diags.Errorf(p.File, line, col, "link", "link %q points outside content/", dest)
			continue
		}
		switch {
		case strings.HasSuffix(rel, ".md"):
			r.pageLink(p, l, rel, frag, query, line, col, absolute, diags)
		case r.files[rel]:
			used = append(used, rel)
			l.Rewrite(r.site.BasePath + EscapePath(rel) + query + fragment(frag))
		case r.static[rel]:
			l.Rewrite(r.site.BasePath + EscapePath(rel) + query + fragment(frag))
		case r.sections[dirKey(rel)] != "":
			// A folder with a section page (_index.md, README.md …).
			r.pageLink(p, l, r.sections[dirKey(rel)], frag, query, line, col, absolute, diags)
		case r.all[rel+".md"] != nil:
			// A page written as its URL: "../objections/too-expensive/".
			r.pageLink(p, l, rel+".md", frag, query, line, col, absolute, diags)
		case rel == "." || r.site.byURL["/"+rel+"/"] != nil:
			// A folder with pages but no section page.
			l.Rewrite(r.site.BasePath + EscapePath(strings.TrimPrefix(rel+"/", "./")) + query + fragment(frag))
		case r.skippedLink(p, l, dest, rel, line, col, diags):
		case l.IsImage:
			diags.Errorf(p.File, line, col, "link", "image %q: no file content/%s or static/%s%s", dest, rel, rel, r.suggest(rel, p.FileDir()))
		case r.hasPagesUnder(rel):
			diags.Errorf(p.File, line, col, "link", "link %q: every page in content/%s/ is a draft or left out of this build", dest, rel)
		default:
			diags.Errorf(p.File, line, col, "link", "link %q: no file content/%s or static/%s (links to pages end in .md)%s", dest, rel, rel, r.suggest(rel, p.FileDir()))
		}
	}
	return used
}

func (r *resolver) pageLink(p *Page, l *markdown.Link, rel, frag, query string, line, col int, absolute bool, diags *diag.List) {
	cp, ok := r.all[rel]
	if sec := r.sections[dirOf(rel)]; !ok && sec != "" && isSectionName(path.Base(rel)) {
		rel, ok = sec, true // folder/index.md when the folder's section page is README.md …
		cp = r.all[rel]
	}
	if !ok {
		if r.skippedLink(p, l, l.Dest, rel, line, col, diags) {
			return
		}
		diags.Errorf(p.File, line, col, "link", "broken link: no page content/%s%s", rel, r.suggest(rel, p.FileDir()))
		return
	}
	target, ok := r.published[rel]
	if ok && rel == p.Rel {
		target = p // the page itself, maybe a stand-in with new headings
	}
	if !ok {
		if r.site.excluded(cp) == "internal" {
			diags.Errorf(p.File, line, col, "audience", "external page %s links to internal page %s, which external builds leave out: make the target audience = \"external\" or remove the link", p.File, cp.File)
		} else {
			diags.Errorf(p.File, line, col, "link", "links to %s, which is a draft: publish it (set draft to false) or build with --drafts", cp.File)
		}
		// Should the problem be lowered or baselined, the page left out
		// must not be named in this build's HTML.
		l.Rewrite("")
		return
	}
	crossAudience := r.site.Options.Audience != content.External && p.Audience == content.External && cp.Audience != content.External && !p.IsSection
	if frag != "" {
		if absolute {
			p.inlineAnchors = append(p.inlineAnchors, anchorRef{target: rel, frag: frag})
		} else {
			p.anchors = append(p.anchors, anchorRef{target: rel, frag: frag})
		}
		if r.deferAnchors {
			a := pendingAnchor{rel: rel, dest: l.Dest, what: cp.File + "#" + frag, frag: frag, line: line, col: col}
			if crossAudience {
				a.internal = cp.File
			}
			p.addPending(absolute, a)
			l.Rewrite(target.Permalink() + query + fragment(frag))
			return
		}
		if !hasHeading(target, frag) {
			brokenAnchor(p, target, l.Dest, cp.File+"#"+frag, frag, line, col, diags)
			// Baselined, the link still reaches the page.
			l.Rewrite(target.Permalink() + query + fragment(frag))
			return
		}
	}
	if crossAudience {
		audienceWarning(p, cp.File, line, col, diags)
	}
	l.Rewrite(target.Permalink() + query + fragment(frag))
}

// skippedLink reports a link into a file or folder the build skips, saying
// why and what to do, and returns false when rel is not skipped.
func (r *resolver) skippedLink(p *Page, l *markdown.Link, dest, rel string, line, col int, diags *diag.List) bool {
	if r.set == nil {
		return false
	}
	sk, ok := r.set.SkippedAt(rel)
	if !ok {
		return false
	}
	what := "link"
	if l.IsImage {
		what = "image"
	}
	var advice string
	switch sk.Reason {
	case content.SkipDot, content.SkipUnderscore:
		if !sk.Dir {
			advice = "rename it"
		} else {
			advice = fmt.Sprintf("publish the folder with [content] publish = [%q] in playbook.toml", dirOf(rel))
			if strings.HasSuffix(rel, ".md") {
				advice = "move the page to a folder whose name does not start with a dot or an underscore"
			}
		}
		where := "is in a folder the build skips"
		if !sk.Dir {
			where = "is a file the build skips"
		}
		diags.Errorf(p.File, line, col, "link", "%s %q: content/%s %s (%s): %s", what, dest, rel, where, sk.Reason, advice)
	case content.SkipMarkdown:
		diags.Errorf(p.File, line, col, "link", "%s %q: content/%s is not read (%s): rename it to %s.md", what, dest, rel, sk.Reason, strings.TrimSuffix(path.Base(rel), path.Ext(rel)))
	default:
		diags.Errorf(p.File, line, col, "link", "%s %q: content/%s is skipped (%s)", what, dest, rel, sk.Reason)
	}
	return true
}

// dirOf is path.Dir for paths under content/, with "" for the top.
func dirOf(rel string) string {
	if d := path.Dir(rel); d != "." {
		return d
	}
	return ""
}

// dirKey is a cleaned folder path as the sections map keys it.
func dirKey(rel string) string {
	if rel == "." {
		return ""
	}
	return rel
}

// isSectionName reports whether a file name is one a section page may have.
func isSectionName(base string) bool {
	return base == "_index.md" || base == "index.md" || strings.EqualFold(base, "readme.md")
}

// hasPagesUnder reports whether any loaded page lives in folder rel.
func (r *resolver) hasPagesUnder(rel string) bool {
	prefix := rel + "/"
	i := sort.SearchStrings(r.rels, prefix)
	return i < len(r.rels) && strings.HasPrefix(r.rels[i], prefix)
}

// suggest proposes the closest existing file by name, preferring the
// linking page's folder, so the same typo always gets the same answer.
func (r *resolver) suggest(rel, dir string) string {
	base := path.Base(rel)
	best, bestScore := "", 0
	for _, cand := range r.rels {
		if diag.Suggest(base, []string{path.Base(cand)}) == "" {
			continue
		}
		score := 1
		if path.Dir(cand) == dir || path.Dir(cand) == "." && dir == "" {
			score = 2
		}
		if score > bestScore {
			best, bestScore = cand, score
		}
	}
	if best == "" {
		return ""
	}
	return " (did you mean content/" + best + "?)"
}

func fragment(frag string) string {
	if frag == "" {
		return ""
	}
	return "#" + frag
}

// EscapePath percent-encodes each segment of a slash-separated path.
func EscapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

func truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

func hasHeading(p *Page, id string) bool {
	for _, h := range p.headings {
		if h.ID == id {
			return true
		}
	}
	return false
}

func headingIDs(p *Page) []string {
	ids := make([]string, 0, len(p.headings))
	for _, h := range p.headings {
		ids = append(ids, h.ID)
	}
	return ids
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
