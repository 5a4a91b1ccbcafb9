package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/frontmatter"
	"github.com/playbook-ssg/playbook/generator/internal/junk"
	"github.com/playbook-ssg/playbook/generator/parallel"
)

// Dir is the content folder inside a playbook.
const Dir = "content"

// Set is everything loaded from content/: pages sorted by file, plus the
// non-markdown files (images, PDFs) that sit beside them.
type Set struct {
	Pages []*Page
	Files []string // paths relative to content/, forward slashes
}

// Load walks content/ in fsys (rooted at the playbook folder) and parses
// every page in parallel. Diagnostics for every bad page are returned
// together, sorted, so one run reports all of them.
func Load(fsys fs.FS, cfg *config.Config) (*Set, diag.List, error) {
	var mdFiles []string
	var badNames diag.List
	set := &Set{}
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != Dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") && d.IsDir()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			if fi, err := fs.Stat(fsys, p); err == nil && fi.IsDir() {
				badNames.Errorf(p, 0, 0, "content", "is a symbolic link to a folder, which is not supported: move or copy the folder into content/")
				return nil
			}
		}
		if d.IsDir() || junk.Is(name) || strings.EqualFold(name, "README.md") {
			// A README.md explains a folder to people browsing the
			// repository; it is not a page.
			return nil
		}
		if !d.IsDir() && junk.Is(name) {
			return nil
		}
		if bad := urlUnsafe(p); bad != "" {
			badNames.Errorf(p, 0, 0, "content", "file or folder name has %s, which breaks its URL: rename it using letters, digits and hyphens", bad)
			return nil
		}
		if strings.HasSuffix(name, ".md") {
			mdFiles = append(mdFiles, p)
		} else {
			set.Files = append(set.Files, strings.TrimPrefix(p, Dir+"/"))
		}
		return nil
	})
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.List{{File: Dir, Severity: diag.Error, Rule: "content",
				Message: "no content/ folder: put the playbook's markdown pages in content/"}}, nil
		}
		return nil, nil, fmt.Errorf("walking %s: %w", Dir, err)
	}
	sort.Strings(mdFiles)
	sort.Strings(set.Files)

	set.Pages = make([]*Page, len(mdFiles))
	perPage := make([]diag.List, len(mdFiles))
	readErrs := make([]error, len(mdFiles))
	parallel.Each(len(mdFiles), func(i int) {
		src, err := fs.ReadFile(fsys, mdFiles[i])
		if err != nil {
			readErrs[i] = ReadError(mdFiles[i], err)
			return
		}
		set.Pages[i] = Parse(mdFiles[i], src, cfg, &perPage[i])
	})
	if err := errors.Join(readErrs...); err != nil {
		return nil, nil, err
	}
	diags := badNames
	pages := set.Pages[:0]
	for i, p := range set.Pages {
		diags = append(diags, perPage[i]...)
		if p != nil {
			pages = append(pages, p)
		}
	}
	set.Pages = pages
	diags.Sort()
	return set, diags, nil
}

// urlUnsafe names a character of a file or folder name that cannot appear
// in a URL path as is, or returns "".
func urlUnsafe(name string) string {
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f:
			return "a control character"
		case strings.ContainsRune(`?#%"<>\|`, r):
			return fmt.Sprintf("%q", string(r))
		}
	}
	return ""
}

// ReadError explains why a file of the playbook could not be read. A
// symbolic link leading outside the playbook folder is refused on purpose.
func ReadError(file string, err error) error {
	switch {
	case strings.Contains(err.Error(), "escapes from parent"):
		return fmt.Errorf("%s: is a symbolic link that leads outside the playbook folder, which is never published: copy the file into the playbook instead", file)
	case strings.Contains(err.Error(), "is a directory"):
		return fmt.Errorf("%s: is a symbolic link to a folder, which is not supported: copy the files in instead", file)
	}
	return fmt.Errorf("reading %s: %w", file, err)
}

// Parse builds a page from one file's bytes. file is relative to the
// playbook root ("content/objections/too-expensive.md"). It returns nil and
// records diagnostics when the front matter cannot be read at all.
func Parse(file string, src []byte, cfg *config.Config, diags *diag.List) *Page {
	rel := strings.TrimPrefix(file, Dir+"/")
	p := &Page{File: file, Rel: rel, Source: src}
	p.Dir = path.Dir(rel)
	if p.Dir == "." {
		p.Dir = ""
	}
	if i := strings.IndexByte(rel, '/'); i >= 0 {
		p.Section = rel[:i]
	}
	base := strings.TrimSuffix(path.Base(rel), ".md")
	switch {
	case base == "_index" && p.Dir == "":
		p.IsSection, p.Kind, p.URL = true, KindHome, "/"
	case base == "_index":
		p.IsSection, p.Kind, p.Slug, p.URL = true, KindSection, path.Base(p.Dir), "/"+p.Dir+"/"
	default:
		p.Slug = base
		p.URL = "/" + path.Join(p.Dir, base) + "/"
		p.Kind = KindPage
		if k, ok := SectionKind(p.Section); ok {
			p.Kind = k
		}
	}
	if base == "index" {
		diags.Errorf(file, 1, 1, "content", "a page named index.md would clash with its folder's URL: rename it, or use _index.md for the section page")
		return nil
	}
	if !utf8.Valid(src) {
		diags.Errorf(file, 1, 1, "content", "the file is not UTF-8 text: save it with UTF-8 encoding")
		return nil
	}
	doc, body, err := frontmatter.Parse(src)
	if err != nil {
		var fe *frontmatter.Error
		if errors.As(err, &fe) {
			diags.Errorf(file, fe.Line, fe.Col, "front-matter", "%s", fe.Msg)
		} else {
			diags.Errorf(file, 1, 1, "front-matter", "%v", err)
		}
		return nil
	}
	if doc.Format == "" {
		diags.Errorf(file, 1, 1, "front-matter", `no front matter: start the file with a "+++" line, then at least title = "…", then a closing "+++" line (or the same in YAML between "---" lines)`)
		return nil
	}
	p.Body = body
	p.BodyLine = doc.BodyLine
	decodePage(p, doc, cfg, diags)
	return p
}
