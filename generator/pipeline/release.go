package pipeline

import (
	"github.com/playbook-ssg/playbook/generator/search"
)

// Addresses a versioned build keeps for itself: the What changed page of
// every version, and at the root the list of versions and the versions
// themselves.
const (
	ChangesPage  = "changes/"
	VersionsPage = "versions/"
	VersionsDir  = "v/"
)

// Docs returns the text of every page the search index holds, by page,
// which is what a version's What changed page compares.
func (s *Site) Docs() []search.Doc { return s.searchDocs }
