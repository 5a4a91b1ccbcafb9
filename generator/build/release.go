package build

import (
	"path"
	"strings"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
	"github.com/playbook-ssg/playbook/generator/release"
	"github.com/playbook-ssg/playbook/generator/render"
	"github.com/playbook-ssg/playbook/generator/search"
	"github.com/playbook-ssg/playbook/generator/site"
)

// Addresses a versioned build keeps for itself: the What changed page of
// every version, and at the root the list of versions and the versions
// themselves.
const (
	ChangesPage  = "changes/"
	VersionsPage = "versions/"
	VersionsDir  = "v/"
)

// reserveReleasePages refuses content at the addresses a versioned build
// uses, naming the page or file to move.
func reserveReleasePages(out *Site, s *site.Site, r *render.Renderer, rel *release.Context) error {
	if rel == nil || rel.Alone {
		return nil
	}
	reserved := map[string]string{ChangesPage: "the What changed page"}
	if rel.Current.Latest {
		reserved[VersionsPage] = "the list of versions"
		reserved[VersionsDir] = "the older versions of the playbook"
	}
	var list diag.List
	for prefix, what := range reserved {
		if p := s.Page("/" + prefix); p != nil {
			file := p.File
			if file == "" {
				file = path.Join(content.Dir, p.Dir) + "/"
			}
			list.Errorf(file, 1, 1, "duplicate-url", "the URL /%s belongs to %s in a versioned build: rename or move this page", prefix, what)
		}
		for name := range out.Files {
			if strings.HasPrefix(name, prefix) {
				list.Errorf(path.Join(content.Dir, name), 0, 0, "duplicate-url", "%s is where %s lives in a versioned build: rename or move this file", prefix, what)
				break
			}
		}
	}
	if _, ok := out.Files["versions.json"]; ok && rel.Current.Latest {
		src := "static/versions.json"
		if _, ok := r.Assets()["versions.json"]; !ok {
			src = path.Join(content.Dir, "versions.json")
		}
		list.Errorf(src, 0, 0, "duplicate-url", "versions.json at the site's root lists the versions of the playbook in a versioned build: rename or move this file")
	}
	list.Sort()
	return list.Err()
}

// Docs returns the text of every page the search index holds, by page,
// which is what a version's What changed page compares.
func (s *Site) Docs() []search.Doc { return s.searchDocs }

// SetChanges gives the site what changed since the version before it: it
// renders the What changed page and the home page again, which shows
// what is new. The site must have been generated with a Release.
func (s *Site) SetChanges(rep *changes.Report) error {
	rel := *s.opts.Release
	rel.Changes = rep
	s.opts.Release = &rel
	s.renderer.SetRelease(&rel)
	page, err := s.renderer.Changes()
	if err != nil {
		return err
	}
	s.Files[ChangesPage+"index.html"] = page
	home, err := s.renderer.Page(s.Model.Home)
	if err != nil {
		return err
	}
	s.Files["index.html"] = home
	return nil
}

// AddVersionsPage renders the list of every version at /versions/.
func (s *Site) AddVersionsPage(list []release.Version) error {
	page, err := s.renderer.Versions(list)
	if err != nil {
		return err
	}
	s.Files[VersionsPage+"index.html"] = page
	return nil
}
