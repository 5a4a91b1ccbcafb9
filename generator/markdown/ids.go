package markdown

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading IDs the way GitHub does, so links written
// against GitHub's rendering work here: lower-case letters and digits of
// any script kept, spaces and hyphens become hyphens, other punctuation
// dropped, repeats numbered ("-1", "-2"). goldmark's default keeps only
// ASCII, which empties headings in other languages.
type headingIDs struct {
	used map[string]bool
}

// HeadingID is the ID a heading with this text gets when it is the
// first of its document: a page's title taken from its first heading
// keeps the ID links to that heading use.
func HeadingID(text string) string {
	return string(newHeadingIDs().Generate([]byte(text), ast.KindHeading))
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate returns a unique ID for a heading's text.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.TrimSpace(string(value)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_':
			b.WriteRune(unicode.ToLower(r))
		case r == ' ' || r == '-' || r == '\t':
			b.WriteByte('-')
		}
	}
	id := b.String()
	if id == "" {
		id = "section"
		if kind != ast.KindHeading {
			id = "id"
		}
	}
	if !h.used[id] {
		h.used[id] = true
		return []byte(id)
	}
	for i := 1; ; i++ {
		if next := fmt.Sprintf("%s-%d", id, i); !h.used[next] {
			h.used[next] = true
			return []byte(next)
		}
	}
}

// Put reserves an ID given explicitly, e.g. {#custom}.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
