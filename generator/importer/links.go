package importer

import (
	"bytes"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/playbook-ssg/playbook/generator/markdown"
)

// linker maps link targets written for the old tree to the new one.
type linker struct {
	l      *layout
	byOld  map[string]*file
	byNew  map[string]*file
	urls   map[string]string // the old site's addresses (no trailing slash) → old path
	ids    map[string]string // Docusaurus doc ids → old path
	folder map[string]string // old folder → its section page's old path
}

func newLinker(l *layout, files []*file, pages []*page) *linker {
	lk := &linker{l: l, byOld: map[string]*file{}, byNew: map[string]*file{}, urls: map[string]string{}, ids: map[string]string{}, folder: map[string]string{}}
	for _, f := range files {
		lk.byOld[f.Old] = f
		if f.New != "" {
			lk.byNew[f.New] = f
		}
	}
	for _, p := range pages {
		if p.Old == "" {
			continue // made by the import
		}
		for _, u := range p.oldURLs {
			lk.urls[strings.TrimSuffix(u, "/")] = p.Old
		}
		if p.id != "" {
			lk.ids[p.id] = p.Old
		}
		if p.section != "" || isSectionName(p.New) {
			switch base := strings.TrimSuffix(path.Base(p.Old), path.Ext(p.Old)); base {
			case "_index", "index", "README", "readme":
				lk.folder[path.Dir(p.Old)] = p.Old
			default: // mdBook's page.md beside page/
				if _, taken := lk.folder[strings.TrimSuffix(p.Old, path.Ext(p.Old))]; !taken {
					lk.folder[strings.TrimSuffix(p.Old, path.Ext(p.Old))] = p.Old
				}
			}
		}
	}
	return lk
}

func isSectionName(p string) bool {
	switch path.Base(p) {
	case "_index.md", "index.md", "README.md":
		return true
	}
	return false
}

// link returns target rewritten for the page's new place, or false when
// it stays as written (outside links, anchors on the page, links that
// are already right, and links to nothing, which check reports).
func (lk *linker) link(from *file, target string) (string, bool) {
	t := strings.TrimSpace(target)
	if t == "" || strings.HasPrefix(t, "#") || strings.HasPrefix(t, "//") || strings.HasPrefix(t, "mailto:") {
		return "", false
	}
	if i := strings.Index(t, ":"); i >= 0 && !strings.ContainsAny(t[:i], "/?#") {
		return "", false // a scheme: https:, tel:, data:
	}
	p, rest := t, ""
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, rest = p[:i], p[i:]
	}
	if p == "" {
		return "", false
	}
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	var found *file
	if strings.HasPrefix(p, "/") {
		found = lk.absolute(p)
	} else {
		// Already right for the new tree: leave it.
		if f := lk.lookupNew(path.Join(path.Dir(from.New), p)); f != nil {
			return "", false
		}
		found = lk.lookup(path.Join(path.Dir(from.Old), p))
		if found == nil { // Jekyll's {% link docs/x.md %}: from the site's source
			found = lk.lookup(path.Clean(p))
		}
		if found == nil && lk.l.contentRoot != "" {
			found = lk.lookup(path.Join(lk.l.contentRoot, p))
		}
		if found == nil && lk.l.kind == Docusaurus {
			found = lk.docID(path.Join(path.Dir(rel(from.Old, lk.l.contentRoot)), p))
		}
		if found == nil && lk.l.kind == GitBook {
			// "../../.gitbook/assets/x.png" with one "../" too many or too
			// few: a handbook has one assets folder, so the file is clear.
			if _, name, ok := strings.Cut(p, ".gitbook/assets/"); ok {
				found = lk.byOld[path.Join(lk.l.assetsFrom, name)]
			}
		}
	}
	if found == nil || found.New == "" {
		return "", false
	}
	if strings.HasPrefix(found.New, "static/") {
		served := "/" + strings.TrimPrefix(found.New, "static/")
		if served == p {
			return "", false
		}
		return escapePath(served) + rest, true
	}
	newRel := relPath(path.Dir(from.New), found.New)
	out := escapePath(newRel) + rest
	if out == t {
		return "", false
	}
	return out, true
}

// absolute resolves a path from the old site's root: a file served from
// static/, a file of the content root (Hugo's ref "/x/_index.md"), or an
// address the old site served a page at.
func (lk *linker) absolute(p string) *file {
	r := strings.TrimPrefix(p, "/")
	if lk.l.staticAtTop {
		if f := lk.byOld[path.Join(lk.l.static, r)]; f != nil {
			return f
		}
	} else if f := lk.byOld[r]; f != nil && f.Act == actFile {
		return f
	}
	if f := lk.lookup(path.Join(lk.l.contentRoot, r)); f != nil && (isPage(r) || f.Act == actFile) {
		return f
	}
	u := strings.TrimSuffix(p, "/")
	if old, ok := lk.urls[u]; ok {
		return lk.byOld[old]
	}
	if old, ok := lk.urls[strings.TrimSuffix(u, ".html")]; ok {
		return lk.byOld[old]
	}
	if lk.l.kind == Docusaurus && strings.HasPrefix(p, lk.l.routeBase) {
		return lk.docID(strings.TrimPrefix(u, strings.TrimSuffix(lk.l.routeBase, "/")+"/"))
	}
	return nil
}

// lookup finds the file an old path names: the file, the page without
// its extension, or a folder's section page.
func (lk *linker) lookup(p string) *file {
	p = strings.TrimSuffix(path.Clean(p), "/")
	if f := lk.byOld[p]; f != nil {
		return f
	}
	for _, ext := range []string{".md", ".mdx", ".markdown"} {
		if f := lk.byOld[p+ext]; f != nil {
			return f
		}
	}
	if s, ok := lk.folder[p]; ok {
		return lk.byOld[s]
	}
	if strings.HasSuffix(p, ".html") {
		return lk.lookup(strings.TrimSuffix(p, ".html"))
	}
	return nil
}

func (lk *linker) lookupNew(p string) *file {
	return lk.byNew[path.Clean(p)]
}

func (lk *linker) docID(id string) *file {
	id = strings.Trim(path.Clean(id), "/")
	if old, ok := lk.ids[id]; ok {
		return lk.byOld[old]
	}
	return nil
}

// relPath is the relative path from folder dir to file target.
func relPath(dir, target string) string {
	if dir == "." {
		dir = ""
	}
	from := strings.Split(dir, "/")
	if dir == "" {
		from = nil
	}
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	var parts []string
	for range from[i:] {
		parts = append(parts, "..")
	}
	return strings.Join(append(parts, to[i:]...), "/")
}

func escapePath(p string) string {
	return strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29").Replace(p)
}

// rewriteLinks rewrites the markdown and raw HTML links of body through
// link, and returns how many it changed.
func rewriteLinks(md *markdown.Renderer, body []byte, link func(string) (string, bool)) ([]byte, int) {
	doc := md.Parse(body)
	type edit struct {
		at, n int
		to    string
	}
	starts := []int{0}
	for i, c := range body {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	var edits []edit
	for _, l := range doc.Links {
		if l.IsAuto || l.Line < 1 || l.Line > len(starts) {
			continue
		}
		to, ok := link(l.Dest)
		if !ok {
			continue
		}
		from := starts[l.Line-1] + max(l.Col-1, 0)
		if from > len(body) {
			continue
		}
		i := bytes.Index(body[from:], []byte(l.Dest))
		written := l.Dest
		if i < 0 { // written escaped, as GitBook does with spaces
			written = escapePath(l.Dest)
			i = bytes.Index(body[from:], []byte(written))
		}
		if i < 0 {
			continue
		}
		edits = append(edits, edit{from + i, len(written), to})
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	var out bytes.Buffer
	last, n := 0, 0
	for _, e := range edits {
		if e.at < last {
			continue // two links found at one place
		}
		out.Write(body[last:e.at])
		out.WriteString(e.to)
		last = e.at + e.n
		n++
	}
	out.Write(body[last:])
	return out.Bytes(), n
}
