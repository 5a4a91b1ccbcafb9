package convert

import (
	"strings"
	"testing"

	"github.com/playbook-ssg/playbook/generator/markdown"
)

// TestRendersAsCallouts renders converted admonitions with Playbook's
// markdown and checks that each is a callout, nested ones included.
func TestRendersAsCallouts(t *testing.T) {
	in := "!!! warning \"Title\"\n    Body.\n\n- item\n\n    !!! tip\n        Nested.\n\n    !!! note\n        !!! danger\n            Inner.\n"
	out, _ := Body([]byte(in), Options{From: MkDocs})
	r := markdown.New(markdown.Options{})
	html, err := r.Render(r.Parse(out))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(html), "<blockquote"); got != 0 {
		t.Errorf("%d alerts stayed blockquotes:\n%s\n%s", got, out, html)
	}
	for _, kind := range []string{"warning", "tip", "note", "caution"} {
		if !strings.Contains(string(html), kind) {
			t.Errorf("no %s callout in:\n%s", kind, html)
		}
	}
}
