package site

import (
	"path"
	"strings"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/diag"
)

// Reserved is an address a versioned build keeps for itself.
type Reserved struct {
	Path string // under the site root: a folder ending in "/" or a file
	What string // what lives there, for messages
	Tree bool   // everything under the folder, not just its page
}

// ReservedForVersions lists the addresses versions use: the What changed
// page of every version and, in the latest (latest true), the list of
// versions, versions.json and the older versions under v/.
func ReservedForVersions(latest bool) []Reserved {
	r := []Reserved{{Path: "changes/", What: "the What changed page"}}
	if latest {
		r = append(r,
			Reserved{Path: "versions/", What: "the list of versions"},
			Reserved{Path: "versions.json", What: "the list of versions"},
			Reserved{Path: "v/", What: "the older versions of the playbook", Tree: true})
	}
	return r
}

// VersionAddressClashes reports the pages at addresses versions use (see
// ReservedForVersions), each at its file. Versions are on by default, so
// `playbook check` and a build of the latest alone report them before
// they break the build of every version.
func (s *Site) VersionAddressClashes(latest bool) diag.List {
	var list diag.List
	for _, res := range ReservedForVersions(latest) {
		for _, p := range s.Pages {
			u := strings.TrimPrefix(p.URL, "/")
			if u != res.Path && !(res.Tree && strings.HasPrefix(u, res.Path)) {
				continue
			}
			file := p.File
			if file == "" {
				file = path.Join(content.Dir, p.Dir) + "/"
			}
			list.Errorf(file, 1, 1, "duplicate-url", "the URL %s belongs to %s when versions are on (versions.enabled in playbook.toml): rename or move this page", p.URL, res.What)
		}
	}
	return list
}
