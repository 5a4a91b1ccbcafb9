package render

import (
	"fmt"
	"strings"

	"github.com/playbook-ssg/playbook/generator/config"
	"github.com/playbook-ssg/playbook/generator/internal/colour"
)

// textOn picks black or white text for a background colour, whichever
// has the higher WCAG contrast ratio.
func textOn(hex string) string {
	l := colour.Luminance(hex)
	if (l+0.05)/0.05 >= 1.05/(l+0.05) {
		return "#000000"
	}
	return "#ffffff"
}

// brandCSS is the stylesheet of the brand pages' swatches and type
// specimens: one class per configured colour (.brand-colour-1 …) and font
// (.brand-font-1 …). Written as a file rather than as style attributes, so
// the pages run under a Content-Security-Policy without 'unsafe-inline'.
func brandCSS(b config.Brand) []byte {
	var s strings.Builder
	s.WriteString("/* Generated from [brand] in playbook.toml. */\n")
	for i, c := range b.Colours {
		if !colour.Valid(c.Hex) {
			continue // config refuses these; checked again as it goes into CSS
		}
		fmt.Fprintf(&s, ".brand-colour-%d { background-color: %s; color: %s; }\n", i+1, c.Hex, textOn(c.Hex))
	}
	for i, f := range b.Fonts {
		fmt.Fprintf(&s, ".brand-font-%d { font-family: %s; }\n", i+1, fontStack(f.Stack))
	}
	return []byte(s.String())
}
