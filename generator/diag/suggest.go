package diag

import (
	"fmt"

	"github.com/agnivade/levenshtein"
)

// Suggest returns the candidate closest to word when it is close enough to
// be a likely typo, or "" when none is.
func Suggest(word string, candidates []string) string {
	best, bestDist := "", len(word)/2+2
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(word, c)
		if d < bestDist || (d == bestDist && c < best) {
			best, bestDist = c, d
		}
	}
	if bestDist > max(2, len(word)/3) {
		return ""
	}
	return best
}

// DidYouMean returns " (did you mean "x"?)" for a close candidate, else "".
func DidYouMean(word string, candidates []string) string {
	if s := Suggest(word, candidates); s != "" {
		return fmt.Sprintf(" (did you mean %q?)", s)
	}
	return ""
}

// OnlyCandidate returns the candidate close enough to word to be a likely
// typo when there is exactly one such candidate, or "". A fix made from it
// is sure; Suggest's best guess among several is not.
func OnlyCandidate(word string, candidates []string) string {
	found := ""
	for _, c := range candidates {
		d := levenshtein.ComputeDistance(word, c)
		if d >= len(word)/2+2 || d > max(2, len(word)/3) || c == found {
			continue
		}
		if found != "" {
			return ""
		}
		found = c
	}
	return found
}
