package markdown

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
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

// codeBlocks renders fenced code blocks with chroma: the language's lexer
// (looked up once per language name) and one HTML formatter with CSS
// classes for every block. goldmark-highlighting built a formatter per
// block, recomputing a style's CSS each time: 15% of rendering a page.
// Output is the same: `<pre tabindex="0" class="chroma">…` for a known
// language, `<pre><code class="language-x">` (escaped) for any other.
type codeBlocks struct {
	formatter *chromahtml.Formatter
	style     *chroma.Style
	lexers    sync.Map // language name -> chroma.Lexer, nil when unknown
}

func newCodeBlocks() *codeBlocks {
	// Code blocks scroll sideways on phones; a scrollable region must be
	// reachable by keyboard (WCAG 2.1.1), so it is focusable.
	pre := chromahtml.WithPreWrapper(focusablePre{})
	return &codeBlocks{formatter: chromahtml.New(chromahtml.WithClasses(true), pre), style: styles.Get("github")}
}

// focusablePre is chroma's <pre> with tabindex="0".
type focusablePre struct{}

func (focusablePre) Start(code bool, styleAttr string) string {
	if code {
		return `<pre tabindex="0"` + styleAttr + `><code>`
	}
	return `<pre tabindex="0"` + styleAttr + `>`
}

func (focusablePre) End(code bool) string {
	if code {
		return `</code></pre>`
	}
	return `</pre>`
}

// RegisterFuncs implements renderer.NodeRenderer.
func (c *codeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
}

func (c *codeBlocks) lexer(lang string) chroma.Lexer {
	if l, ok := c.lexers.Load(lang); ok {
		lexer, _ := l.(chroma.Lexer)
		return lexer
	}
	var lexer chroma.Lexer
	if l := lexers.Get(lang); l != nil {
		lexer = chroma.Coalesce(l)
	}
	c.lexers.Store(lang, lexer)
	return lexer
}

func (c *codeBlocks) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	lang := n.Language(source)
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		code.Write(line.Value(source))
	}
	formatter, highlight := c.formatter, true
	if n.Info != nil {
		if info := n.Info.Segment.Value(source); bytes.IndexByte(info, '{') >= 0 {
			formatter, highlight = c.withAttributes(info)
		}
	}
	if lang != nil && highlight {
		if lexer := c.lexer(string(lang)); lexer != nil {
			if tokens, err := lexer.Tokenise(nil, code.String()); err == nil {
				return ast.WalkContinue, formatter.Format(w, c.style, tokens)
			}
		}
	}
	_, _ = w.WriteString("<pre><code")
	if lang != nil {
		_, _ = w.WriteString(` class="language-`)
		_, _ = w.Write(util.EscapeHTML(lang))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	_, _ = w.Write(util.EscapeHTML(code.Bytes()))
	_, _ = w.WriteString("</code></pre>\n")
	return ast.WalkContinue, nil
}

// withAttributes returns a formatter for a fence whose info string carries
// attributes after the language, as in "go {hl_lines=[2,"4-5"] linenos=table
// linenostart=10}", and whether to highlight at all ("nohl" says not).
// Such fences are rare, so each gets its own formatter.
func (c *codeBlocks) withAttributes(info []byte) (*chromahtml.Formatter, bool) {
	attrs, ok := parser.ParseAttributes(text.NewReader(info[bytes.IndexByte(info, '{'):]))
	if !ok {
		return c.formatter, true
	}
	opts := []chromahtml.Option{chromahtml.WithClasses(true), chromahtml.WithPreWrapper(focusablePre{})}
	base := 1
	if v, ok := attrs.Find([]byte("linenostart")); ok {
		if f, ok := v.(float64); ok {
			base = int(f)
			opts = append(opts, chromahtml.BaseLineNumber(base))
		}
	}
	if v, ok := attrs.Find([]byte("hl_lines")); ok {
		if lines, ok := v.([]any); ok {
			var ranges [][2]int
			for _, l := range lines {
				switch l := l.(type) {
				case float64:
					ranges = append(ranges, [2]int{int(l) + base - 1, int(l) + base - 1})
				case []byte:
					from, to, _ := strings.Cut(string(l), "-")
					lo, err := strconv.Atoi(from)
					if err != nil {
						continue
					}
					hi := lo
					if to != "" {
						if hi, err = strconv.Atoi(to); err != nil {
							continue
						}
					}
					ranges = append(ranges, [2]int{lo + base - 1, hi + base - 1})
				}
			}
			opts = append(opts, chromahtml.HighlightLines(ranges))
		}
	}
	if v, ok := attrs.Find([]byte("linenos")); ok {
		switch v := v.(type) {
		case bool:
			opts = append(opts, chromahtml.WithLineNumbers(v))
		case []byte:
			opts = append(opts, chromahtml.WithLineNumbers(true))
			switch string(v) {
			case "table":
				opts = append(opts, chromahtml.LineNumbersInTable(true))
			case "inline":
				opts = append(opts, chromahtml.LineNumbersInTable(false))
			}
		}
	}
	_, nohl := attrs.Find([]byte("nohl"))
	return chromahtml.New(opts...), !nohl
}
