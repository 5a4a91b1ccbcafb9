// Package changes compares two versions of a playbook page by page: which
// pages were added, removed and changed, and for a changed page a
// word-level diff of its text as a reader sees it (the rendered text of
// each section, not its markdown).
package changes

// Report is what changed from one version of a playbook to the next.
// Pages are sorted by kind order then title; it holds only text, so it
// can be cached as JSON and rendered by any template.
type Report struct {
	From string `json:"from"` // display name of the older version ("v3.0"); empty if there is none
	To   string `json:"to"`   // display name of the newer version

	// FromPath and ToPath are the site-relative folders of the two
	// versions ("" for the latest, "v/v3.0/"), so that a template can
	// link removed pages to the older version and the rest to the newer.
	FromPath string `json:"from_path"`
	ToPath   string `json:"to_path"`

	Added   []Page   `json:"added"`
	Removed []Page   `json:"removed"`
	Changed []Change `json:"changed"`
}

// Empty reports whether the two versions show the same text on every page.
func (r *Report) Empty() bool {
	return r == nil || len(r.Added)+len(r.Removed)+len(r.Changed) == 0
}

// Page names a page of one version.
type Page struct {
	Path  string `json:"path"` // URL relative to the version's root, like "objections/too-expensive/"
	Title string `json:"title"`
	Kind  string `json:"kind"`
}

// Change is a page present in both versions whose text differs.
type Change struct {
	Page
	OldTitle string    `json:"old_title,omitempty"` // set when the title changed
	Inserted int       `json:"inserted"`            // words added, over all sections
	Deleted  int       `json:"deleted"`             // words removed
	Sections []Section `json:"sections"`            // only the sections that differ, in page order
}

// Section is one part of a changed page (the text under a heading, or the
// page's lead before its first heading) and how its text changed.
type Section struct {
	Heading string `json:"heading"` // empty for the lead
	Anchor  string `json:"anchor"`  // heading anchor in the newer version; empty for the lead or a removed section
	Status  Status `json:"status"`
	// Parts is the word-level diff: runs of unchanged, inserted and
	// deleted text in reading order. Long unchanged runs are cut to a few
	// words either side of a change, with Elided set.
	Parts []Part `json:"parts"`
}

// Status says how a section changed.
type Status string

// Section statuses.
const (
	SectionAdded   Status = "added"
	SectionRemoved Status = "removed"
	SectionChanged Status = "changed"
)

// Part is a run of text in a diff.
type Part struct {
	Op     Op     `json:"op"`
	Text   string `json:"text"`
	Elided bool   `json:"elided,omitempty"` // text was cut: show "…" where (see Compare, Section.CutBefore and CutAfter)
}

// Op says whether a run of text is unchanged, inserted or deleted.
type Op string

// Diff operations.
const (
	Same   Op = "same"
	Insert Op = "insert"
	Delete Op = "delete"
)
