package markdown

import (
	"bytes"
	"fmt"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
)

// HighlightCSS returns the stylesheet for highlighted code: the light style
// by default and the dark style under prefers-color-scheme: dark.
func HighlightCSS(light, dark string) ([]byte, error) {
	var buf bytes.Buffer
	f := chromahtml.New(chromahtml.WithClasses(true))
	for i, name := range []string{light, dark} {
		style, ok := styles.Registry[name]
		if !ok {
			return nil, fmt.Errorf("unknown highlight style %q in [markdown]: pick one of chroma's styles, e.g. \"github\" or \"github-dark\"", name)
		}
		if i == 1 {
			buf.WriteString("@media (prefers-color-scheme: dark) {\n")
		}
		if err := f.WriteCSS(&buf, style); err != nil {
			return nil, fmt.Errorf("writing highlight CSS: %w", err)
		}
		if i == 1 {
			buf.WriteString("}\n")
		}
	}
	return buf.Bytes(), nil
}
