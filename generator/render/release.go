package render

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/playbook-ssg/playbook/generator/changes"
	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/release"
)

// Layouts of the pages about versions, rendered by Changes and Versions.
const (
	layoutChanges  = "changes"
	layoutVersions = "versions"
)

// SetRelease tells the renderer which version of the playbook it renders
// and what it knows of the others: pages then show the version switcher,
// an older version's banner, and the home page what is new. nil (the
// default) renders a site without versions.
func (r *Renderer) SetRelease(c *release.Context) { r.release = c }

// Changes renders the version's "What changed" page, which belongs at
// changes/ under the version's root: the pages added, changed (with a
// word diff of each changed section) and removed since the version
// before. A version with no version before it says so.
func (r *Renderer) Changes() ([]byte, error) {
	if r.release == nil {
		return nil, fmt.Errorf("rendering the changes page: the renderer has no release (call SetRelease first)")
	}
	rep := r.release.Changes
	if rep == nil {
		rep = &changes.Report{To: r.release.Current.Name, ToPath: r.release.Current.Path}
	}
	return r.execute(view{Page: r.site.Home, Layout: layoutChanges, Report: rep})
}

// Versions renders the list of every version (newest first, as in
// versions.json), which belongs at versions/ under the site's root. The
// latest version's renderer should render it, so that its header and
// navigation are the latest's.
func (r *Renderer) Versions(list []release.Version) ([]byte, error) {
	if r.release == nil {
		return nil, fmt.Errorf("rendering the versions page: the renderer has no release (call SetRelease first)")
	}
	return r.execute(view{Page: r.site.Home, Layout: layoutVersions, Versions: list})
}

// changesTitle is the heading of a version's "What changed" page: "What
// changed in v3.1", or for the latest, whose name ("Latest") says little,
// "What changed since v3.1".
func (r *Renderer) changesTitle(rep *changes.Report) string {
	if rep == nil {
		return "What changed"
	}
	if r.release != nil && r.release.Current.Latest && rep.From != "" {
		return "What changed since " + rep.From
	}
	return "What changed in " + rep.To
}

// changeSummary counts a report's pages, leaving out the kinds that have
// none: "1 page added, 3 changed", "2 pages changed, 1 removed".
func changeSummary(rep *changes.Report) string {
	if rep == nil {
		return ""
	}
	var parts []string
	for _, c := range []struct {
		n    int
		verb string
	}{{len(rep.Added), "added"}, {len(rep.Changed), "changed"}, {len(rep.Removed), "removed"}} {
		if c.n == 0 {
			continue
		}
		s := fmt.Sprintf("%d %s", c.n, c.verb)
		if len(parts) == 0 {
			noun := "pages"
			if c.n == 1 {
				noun = "page"
			}
			s = fmt.Sprintf("%d %s %s", c.n, noun, c.verb)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

// rootURL is the address of the whole site, where the latest version and
// versions.json live, from a version's base URL.
func rootURL(baseURL string, c *release.Context) string {
	if c == nil || c.Current.Path == "" {
		return baseURL
	}
	return strings.TrimSuffix(baseURL, c.Current.Path)
}

// Feedback is the pair of links under an objection or closing tool that
// open a new issue in the playbook's repository, prefilled with the page,
// the version and the commit, to tell its owners how it went in a call.
type Feedback struct {
	Worked    string
	NotWorked string
}

// maxTitleRunes bounds the page title quoted in a feedback issue's title,
// which keeps the link well within what browsers and code hosts accept.
const maxTitleRunes = 150

// feedback returns the feedback links of a page (or a view of one), or
// nil: only objection and closing-tool pages have them, only when the
// config gives a new-issue address, and not in a public (external)
// edition, which readers outside the firm read.
func (r *Renderer) feedback(v any) *Feedback {
	p := pageOf(v)
	if vw, ok := v.(view); ok && vw.Standalone() {
		return nil
	}
	if p == nil || (p.Kind != content.KindObjection && p.Kind != content.KindClosingTool) {
		return nil
	}
	s := r.site
	if s.Options.Audience == content.External {
		return nil
	}
	tmpl, ok := s.Config.IssueTemplate()
	labels := s.Config.Feedback.Labels
	worked, notWorked := labels.Worked, labels.NotWorked
	if r.release != nil && r.release.Feedback != nil {
		f := r.release.Feedback
		tmpl, ok = f.Template, f.Template != ""
		worked, notWorked = f.Worked, f.NotWorked
	}
	if !ok {
		return nil
	}
	version := s.Config.Versions.Latest
	commit := ""
	if r.release != nil {
		version = r.release.Current.Name
		commit = r.release.Current.Commit
		if len(commit) > 12 {
			commit = commit[:12]
		}
	}
	if version == "" {
		version = "Latest"
	}
	title := p.Title
	if utf8.RuneCountInString(title) > maxTitleRunes {
		title = string([]rune(title)[:maxTitleRunes-1]) + "…"
	}
	page := p.AbsURL()
	body := "Page: " + page + "\nVersion: " + version + "\n"
	if commit != "" {
		body += "Commit: " + commit + "\n"
	}
	body += "\nWhat happened on the call? (deal stage, what the buyer said, what you tried)\n"
	gitlab := strings.Contains(tmpl, "issue[description]")
	link := func(prefix, label string) string {
		b := body
		if gitlab && label != "" {
			// GitLab takes no labels from the address: a quick action does it.
			// Quotes and line breaks would end the label, or start
			// another quick action.
			clean := strings.NewReplacer(`"`, "", "\n", " ", "\r", " ").Replace(label)
			b += "\n/label ~\"" + clean + "\"\n"
		}
		return strings.NewReplacer(
			"{title}", url.QueryEscape(prefix+title),
			"{body}", url.QueryEscape(b),
			"{label}", url.QueryEscape(label),
			"{page}", url.QueryEscape(page),
			"{version}", url.QueryEscape(version),
			"{commit}", url.QueryEscape(commit),
		).Replace(tmpl)
	}
	return &Feedback{
		Worked:    link("Worked in a call: ", worked),
		NotWorked: link("Didn't work: ", notWorked),
	}
}

// NewItem is a page of the home page's "New in this version" list.
type NewItem struct {
	changes.Page
	Added bool // a new page rather than a changed one
}

// NewItems is the start of a report's added and changed pages.
type NewItems struct {
	Items []NewItem
	More  int // how many more pages were added or changed
}

// whatsNew lists the first n pages added, then changed, in a report.
func whatsNew(n int, rep *changes.Report) NewItems {
	var out NewItems
	if rep == nil {
		return out
	}
	for _, p := range rep.Added {
		out.Items = append(out.Items, NewItem{Page: p, Added: true})
	}
	for _, c := range rep.Changed {
		out.Items = append(out.Items, NewItem{Page: c.Page})
	}
	if len(out.Items) > n {
		out.More = len(out.Items) - n
		out.Items = out.Items[:n]
	}
	return out
}

// DiffPart is a run of a word diff ready to show: Op is "same", "insert"
// or "delete", and Text has "…" where text was left out.
type DiffPart struct {
	Op   string
	Text string
}

// diffParts prepares a section's word diff for display. A part whose text
// was shortened (Elided) was cut at its start if it is the first of
// several parts, else at its end (see changes.Compare): the "…" goes there.
func diffParts(parts []changes.Part) []DiffPart {
	out := make([]DiffPart, 0, len(parts))
	for i, p := range parts {
		text := p.Text
		if p.Elided {
			if i == 0 && len(parts) > 1 {
				text = "…" + text
			} else {
				text += "…"
			}
		}
		out = append(out, DiffPart{Op: string(p.Op), Text: text})
	}
	return out
}
