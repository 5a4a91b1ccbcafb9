// Package scaffold creates new playbooks, which build as they are, and new
// pages whose front matter lists every field of their kind with the
// required ones left empty, so the build names what is left to write.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/playbook-ssg/playbook/generator/content"
)

// Slug turns a title into a file name: lower case, words joined by
// hyphens, accents dropped from Latin letters, letters of other scripts
// kept ("It's too expensive!" -> "its-too-expensive", "Café" -> "cafe").
func Slug(title string) string {
	var b strings.Builder
	pendingHyphen := false
	for _, r := range norm.NFC.String(title) {
		if r == '\'' || r == '’' {
			continue // apostrophes do not split a word
		}
		if base := []rune(norm.NFD.String(string(r)))[0]; base < unicode.MaxASCII && unicode.IsLetter(base) {
			r = base // é -> e, but 日 and が stay as they are
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			pendingHyphen = true
			continue
		}
		if pendingHyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		pendingHyphen = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Page writes a new page of kind titled title into the playbook at root,
// in section (or the kind's default folder when section is ""), and returns
// its path relative to root. It never overwrites a file.
// owners lists the owner ids declared in config, shown as a hint.
func Page(root, kind, title, section string, owners []string, today time.Time) (string, error) {
	body, ok := pageTemplates[kind]
	if !ok {
		return "", &UsageError{fmt.Sprintf("unknown kind %q: use one of %s", kind, strings.Join(Kinds(), ", "))}
	}
	if section != "" {
		clean := filepath.ToSlash(filepath.Clean(section))
		if filepath.IsAbs(section) || clean == ".." || strings.HasPrefix(clean, "../") {
			return "", &UsageError{fmt.Sprintf("section %q must be a folder inside content/", section)}
		}
	}
	slug := Slug(title)
	switch slug {
	case "":
		return "", &UsageError{fmt.Sprintf("title %q has no letters or digits to make a file name from", title)}
	case "index", "_index":
		return "", &UsageError{fmt.Sprintf("a page cannot be named %q: that name belongs to folder pages; choose another title", slug)}
	}
	kindLine := ""
	if section == "" {
		section = content.FolderOf(kind)
	} else if content.FolderOf(kind) != section {
		if def, ok := content.SectionKind(strings.Split(filepath.ToSlash(section), "/")[0]); ok && def != kind || !ok && kind != content.KindPage {
			kindLine = fmt.Sprintf("kind = %q\n", kind) // not the folder's default kind
		}
	}
	rel := filepath.ToSlash(filepath.Join(content.Dir, section, slug+".md"))
	path := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Stat(filepath.Join(root, "playbook.toml")); err != nil {
		return "", fmt.Errorf("%s is not a playbook folder (no playbook.toml): run \"playbook new DIR\" to create one, or pass the playbook folder with -C", root)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w", filepath.Dir(rel), err)
	}
	text := fmt.Sprintf("+++\ntitle = %q\n%sdescription = \"\"\n%sowners = []          # one or more of: %s\nreviewed = %s\n+++\n%s",
		title, kindLine, kindFields(kind), strings.Join(owners, ", "), today.Format("2006-01-02"), body)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", fmt.Errorf("%s already exists: edit it, or choose another title", rel)
	}
	if err != nil {
		return "", fmt.Errorf("creating %s: %w", rel, err)
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return "", fmt.Errorf("writing %s: %w", rel, err)
	}
	if err := f.Close(); err != nil {
		return "", fmt.Errorf("writing %s: %w", rel, err)
	}
	return rel, nil
}

// UsageError is a mistake in what was asked for (an unknown kind, a title
// with nothing to name a file after), as opposed to a failure to write.
type UsageError struct{ Reason string }

func (e *UsageError) Error() string { return e.Reason }

// Kinds lists the kinds Page can create.
func Kinds() []string {
	kinds := make([]string, 0, len(pageTemplates))
	for k := range pageTemplates {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return kinds
}

// kindFields returns the kind's front matter with required fields left
// empty: the build names each one until the writer fills it in.
func kindFields(kind string) string {
	switch kind {
	case content.KindObjection:
		return `says = ""            # the customer's words, as they say them
category = ""        # price, timing, competitor, authority, need or risk
personas = []        # persona file names, e.g. ["cfo"]
stages = []          # e.g. ["proposal"]
proof = []
closing_tools = []   # closing-tool file names, e.g. ["paid-pilot"]
avoid = []           # phrases not to say
`
	case content.KindClosingTool:
		return `when = ""            # when a rep should use it
value = ""           # value to the customer
cost = ""            # cost to the firm
approver = ""        # who approves it
`
	case content.KindTerm:
		return `marketing = ""       # marketing's definition
sales = ""           # sales' definition
agreed = ""          # the definition both agreed on
aliases = []
`
	case content.KindPersona:
		return `role = ""            # job title(s)
goals = []
pains = []
value = []
proof = []
`
	case content.KindPlay:
		return `persona = ""         # persona file name, e.g. "cfo"
stage = ""           # discovery, qualification, proposal, negotiation or closing
goal = ""            # what the call must achieve
questions = []
objections = []
closing_tools = []
`
	case content.KindBrand:
		return "do = []\ndont = []\n"
	default:
		return ""
	}
}

var pageTemplates = map[string]string{
	content.KindObjection:   "## Acknowledge\n\n> What to say first.\n\n## Clarify\n\n## Respond\n\n## Confirm\n",
	content.KindClosingTool: "## How to run it\n\n1. \n\n## What to say\n\n> \n\n## Guardrails\n",
	content.KindTerm:        "An example of the term in use.\n",
	content.KindPersona:     "## Key message\n\n## What they care about\n",
	content.KindPlay:        "## Before the call\n\n- [ ] \n\n## Opening (first 2 minutes)\n\n## Agenda\n\n## Next step to secure\n",
	content.KindBrand:       "",
	content.KindPage:        "",
}
