package render

import "github.com/playbook-ssg/playbook/generator/internal/colour"

// textOn picks black or white text for a background colour, whichever
// has the higher WCAG contrast ratio.
func textOn(hex string) string {
	l := colour.Luminance(hex)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return "#000000"
	}
	return "#ffffff"
}
