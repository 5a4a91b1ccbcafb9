package convert

// Source is the generator a page was written for.
type Source string

// The sources Body knows.
const (
	Hugo       Source = "hugo"
	Docusaurus Source = "docusaurus"
	MkDocs     Source = "mkdocs"
	GitBook    Source = "gitbook"
	MdBook     Source = "mdbook"
	Jekyll     Source = "jekyll"
	Plain      Source = "plain"
)

// Note is something the conversion did or could not do, at a 1-based line
// of the input body.
type Note struct {
	Line    int
	Message string
	// Converted is false when the construct could not be mapped and a
	// visible warning was left in the page instead.
	Converted bool
}

// Options tells Body where a page comes from.
type Options struct {
	From Source
	// Link maps a link target written in the source (a Hugo ref
	// "docs/x.md", a Jekyll {% link _posts/x.md %}, a GitBook content-ref)
	// to the new relative .md path; nil, or false, keeps it as written.
	Link func(target string) (string, bool)
}

// Body converts one page body (front matter already removed) written for
// opts.From into CommonMark/GFM that Playbook renders, and returns notes
// on what it converted and what it could not.
func Body(src []byte, opts Options) ([]byte, []Note) {
	out := make([]byte, len(src))
	copy(out, src)
	return out, nil
}
