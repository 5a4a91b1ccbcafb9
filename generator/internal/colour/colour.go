// Package colour reads hex colours (the one check of their form, for config
// and the brand stylesheet) and computes their WCAG luminance and contrast, for
// the theme (text on a swatch) and for check (brand colour pairs).
package colour

import (
	"math"
	"strconv"
	"strings"
)

// Valid reports whether s is a #rgb or #rrggbb colour, the forms
// Luminance reads and a stylesheet takes as they are.
func Valid(s string) bool {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return false
	}
	for _, c := range []byte(s[1:]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// Luminance is the WCAG relative luminance of a #rgb or #rrggbb colour
// (0 for anything else).
func Luminance(hex string) float64 {
	h := strings.TrimPrefix(hex, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return 0
	}
	var c [3]float64
	for i := range 3 {
		v, _ := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		x := float64(v) / 255
		if x <= 0.03928 {
			c[i] = x / 12.92
		} else {
			c[i] = math.Pow((x+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// Contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func Contrast(a, b string) float64 {
	la, lb := Luminance(a), Luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}
