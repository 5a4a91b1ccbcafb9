package markdown

import (
	"bytes"
	"fmt"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// HighlightCSS returns the stylesheet for highlighted code: the light style
// on light screens and in print, the dark style on dark screens. Each style
// sits in its own media block so that no token colour of one leaks into the
// other (a style only sets the classes it cares about).
func HighlightCSS(light, dark string) ([]byte, error) {
	var buf bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	blocks := []struct{ style, media string }{
		{light, "print, not (prefers-color-scheme: dark)"},
		{dark, "screen and (prefers-color-scheme: dark)"},
	}
	for _, b := range blocks {
		style, ok := styles.Registry[b.style]
		if !ok {
			return nil, fmt.Errorf("unknown highlight style %q in [markdown]: pick one of chroma's styles, e.g. \"github\" or \"github-dark\"", b.style)
		}
		fmt.Fprintf(&buf, "@media %s {\n", b.media)
		if err := f.WriteCSS(&buf, style); err != nil {
			return nil, fmt.Errorf("writing highlight CSS: %w", err)
		}
		buf.WriteString("}\n")
	}
	return buf.Bytes(), nil
}
