package content

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/playbook-ssg/playbook/generator/internal/textcase"
)

// heading is a level-1 heading found in a page body.
type heading struct {
	text       string
	line, col  int // 1-based, in the body
	start, end int // byte range of its line(s) in the body, end after the newline
	first      bool
	// lead says no other heading and no prose come before it (badges,
	// images and HTML may): a heading that opens the page, so its title.
	lead bool
}

var (
	atxH1      = regexp.MustCompile(`^ {0,3}#(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	setextH1   = regexp.MustCompile(`^ {0,3}=+[ \t]*$`)
	fenceOpen  = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")
	blockStart = regexp.MustCompile(`^ {0,3}([-*+>|<#]|\d+[.)]|$)`)
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	emphasis   = strings.NewReplacer("**", "", "__", "", "`", "", "*", "")
)

// firstH1 finds the body's first level-1 heading, ATX ("# Title") or
// setext ("Title" underlined with "="), outside code blocks and HTML
// comments, when no heading or prose comes before it (it may lead the
// page). first says whether only blank lines and comments come before it.
func firstH1(body []byte) (heading, bool) {
	lines := bytes.SplitAfter(body, []byte("\n"))
	offset := 0
	fence := ""
	inComment := false
	seen := false  // a line of content before this one
	prose := false // a heading or a line of text before this one
	paraStart, paraOffset, paraSeen, paraProse := -1, 0, false, false
	for i, raw := range lines {
		// A heading after prose is neither the page's title nor one that
		// repeats it (see titleFromBody): stop there, rather than scan a
		// long body line by line for nothing.
		if prose && fence == "" && !inComment && (paraStart < 0 || paraProse) {
			break
		}
		l := strings.TrimRight(string(raw), "\r\n")
		start := offset
		offset += len(raw)
		trimmed := strings.TrimSpace(l)
		switch {
		case fence != "":
			if strings.HasPrefix(strings.TrimLeft(l, " "), fence) {
				fence = ""
			}
			continue
		case inComment:
			inComment = !strings.Contains(l, "-->")
			continue
		case strings.HasPrefix(trimmed, "<!--"):
			inComment = !strings.Contains(trimmed, "-->")
			paraStart = -1
			continue
		}
		if m := fenceOpen.FindStringSubmatch(l); m != nil {
			fence, seen, paraStart = m[1], true, -1
			continue
		}
		if m := atxH1.FindStringSubmatch(l); m != nil && cleanTitle(m[1]) != "" {
			return heading{text: cleanTitle(m[1]), line: i + 1, col: strings.Index(l, "#") + 1, start: start, end: offset, first: !seen, lead: !prose}, true
		}
		if paraStart >= 0 && setextH1.MatchString(l) {
			var words []string
			for _, pl := range lines[paraStart:i] {
				words = append(words, strings.TrimSpace(string(pl)))
			}
			if text := cleanTitle(strings.Join(words, " ")); text != "" {
				first := string(lines[paraStart])
				col := len(first) - len(strings.TrimLeft(first, " ")) + 1
				return heading{text: text, line: paraStart + 1, col: col, start: paraOffset, end: offset, first: !paraSeen, lead: !paraProse}, true
			}
		}
		switch {
		case trimmed == "":
			paraStart = -1
		case paraStart < 0 && !blockStart.MatchString(l) && !strings.HasPrefix(l, "    ") && !strings.HasPrefix(l, "\t"):
			paraStart, paraOffset, paraSeen, paraProse = i, start, seen, prose
		}
		if trimmed != "" {
			seen = true
			if anyHeading.MatchString(l) || decoration.ReplaceAllString(trimmed, "") != "" {
				prose = true
			}
		}
	}
	return heading{}, false
}

var (
	anyHeading = regexp.MustCompile(`^ {0,3}#{1,6}(\s|$)`)
	// decoration is what may stand above a page's title: images (badges,
	// a logo, linked or not) and HTML tags.
	decoration = regexp.MustCompile(`\[?!\[[^\]]*\]\([^)]*\)(\]\([^)]*\))?|<[^>]*>|\s+`)
)

// cleanTitle drops the inline markdown a title cannot show: links keep
// their text, emphasis and code marks go.
func cleanTitle(s string) string {
	s = mdLink.ReplaceAllString(s, "$1")
	return strings.TrimSpace(emphasis.Replace(s))
}

// cutLines returns a copy of body with the bytes from start to end
// replaced by as many empty lines, so every later line keeps its number.
func cutLines(body []byte, start, end int) []byte {
	out := make([]byte, 0, len(body)-(end-start))
	out = append(out, body[:start]...)
	out = append(out, bytes.Repeat([]byte("\n"), bytes.Count(body[start:end], []byte("\n")))...)
	return append(out, body[end:]...)
}

// titleFromName makes a title from a file or folder name:
// "call-prep" gives "Call prep".
func titleFromName(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' })
	return textcase.Capitalize(strings.Join(words, " "))
}
