// Package textcase capitalises words for display, rune-aware.
package textcase

import (
	"unicode"
	"unicode/utf8"
)

// Capitalize upper-cases the first letter of s ("évaluation" -> "Évaluation").
func Capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}
