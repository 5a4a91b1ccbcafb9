package site

import (
	"strings"
	"unicode"

	"github.com/playbook-ssg/playbook/generator/diag"
)

// brokenAnchor reports a link from p to a heading ID that target does not
// have (rule "anchor"). When exactly one of target's IDs is close to it,
// the diagnostic carries the fix that `playbook check --fix` applies.
func brokenAnchor(p, target *Page, dest, what, frag string, line, col int, diags *diag.List) {
	ids := headingIDs(target)
	that := "that page"
	if target == p && strings.HasPrefix(what, "#") {
		that = "this page"
	}
	diags.Errorf(p.File, line, col, "anchor", "link to %s: %s has no heading with that ID%s", what, that, diag.DidYouMean(frag, ids))
	only := diag.OnlyCandidate(frag, ids)
	if only == "" {
		only = sameLetters(frag, ids)
	}
	i := strings.IndexByte(dest, '#')
	if only == "" || i < 0 {
		return
	}
	(*diags)[len(*diags)-1].Fix = &diag.Fix{File: p.File, Line: line, Col: col, Old: dest[i:], New: "#" + only}
}

// sameLetters returns the one ID with the same letters and digits as
// frag, ignoring case and punctuation ("country-region" for the heading
// Country/Region, whose ID is "countryregion"), or "" when none or
// several do: links written for a tool that made IDs by other rules.
func sameLetters(frag string, ids []string) string {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	want, found := key(frag), ""
	if want == "" {
		return ""
	}
	for _, id := range ids {
		if key(id) == want && id != found {
			if found != "" {
				return ""
			}
			found = id
		}
	}
	return found
}
