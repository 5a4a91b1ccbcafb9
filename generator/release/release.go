// Package release describes the versions of a playbook a build knows of:
// the latest (the working tree, at the site's root) and the releases built
// from git tags under /v/<path>/. Templates use it for the version
// switcher, the banner of an older version and the feedback links.
package release

import (
	"time"

	"github.com/playbook-ssg/playbook/generator/changes"
)

// Version is one version of the playbook.
type Version struct {
	Name   string    `json:"name"`             // display name: "Latest", "v3.1", "2026 Q3"
	Tag    string    `json:"tag,omitempty"`    // the git tag; empty for the latest
	Path   string    `json:"path"`             // folder under the site root: "" for the latest, "v/v3.1/"
	Commit string    `json:"commit,omitempty"` // full commit hash; empty when unknown
	Date   time.Time `json:"date"`             // commit date; zero when unknown
	Latest bool      `json:"latest,omitempty"`
}

// Context is what a build of one version knows of the others. Everything
// a version's pages show of other versions that may change after the
// version was built (the list of versions, which pages the latest has)
// is left to the browser, which reads versions.json at the site's root:
// so a tag's pages never need rendering again when a new tag appears.
type Context struct {
	Current Version
	// RootPath is the base path of the whole site, where the latest lives
	// and versions.json is ("/" or "/playbook/").
	RootPath string
	// Changes is what changed in this version against the one before it;
	// nil when unknown or when there is no version before it.
	Changes *changes.Report
	// Alone says there are no other versions: pages show no switcher,
	// but the feedback links still carry the version and commit.
	Alone bool
	// Feedback is where the feedback links open a new issue. It comes
	// from the latest's settings, so that an older version's links go to
	// the repository as it is now; nil means the version's own settings.
	Feedback *Feedback
}

// Feedback says how to open a new issue from a page.
type Feedback struct {
	Template          string // config.Config.IssueTemplate
	Worked, NotWorked string // labels
}

// Old reports whether the version is a release rather than the latest.
func (c *Context) Old() bool { return c != nil && !c.Current.Latest }
