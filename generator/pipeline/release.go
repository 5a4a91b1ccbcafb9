package pipeline

import (
	"path"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
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

// reserveReleasePages refuses content at the addresses versions use:
// the What changed page of every version, and in the latest the list of
// versions, versions.json and the older versions under v/. They are
// reserved whenever versions are on, even in a build of the latest alone
// (a pull request's check, the preview), so that a page there is caught
// before it breaks the build of every version.
func reserveReleasePages(s *site.Site, r *render.Renderer, rel *release.Context) error {
	if (rel == nil || rel.Alone) && !s.Config.Versions.On() {
		return nil
	}
	latest := rel == nil || rel.Current.Latest
	list := s.VersionAddressClashes(latest)
	files := map[string]string{}
	for name := range r.Assets() {
		files[name] = path.Join("static", name)
	}
	for _, name := range s.Files {
		files[name] = path.Join(content.Dir, name)
	}
	for _, res := range site.ReservedForVersions(latest) {
		for name, src := range files {
			if name == res.Path || strings.HasSuffix(res.Path, "/") && strings.HasPrefix(name, res.Path) {
				list.Errorf(src, 0, 0, "duplicate-url", "/%s belongs to %s when versions are on (versions.enabled in playbook.toml): rename or move this file", name, res.What)
			}
		}
	}
	list.Sort()
	return list.Err()
}

// Docs returns the text of every page the search index holds, by page,
// which is what a version's What changed page compares.
func (s *Site) Docs() []search.Doc { return s.searchDocs }
