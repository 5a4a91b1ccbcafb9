package render

import (
	"math"
	"testing"

	"github.com/playbook-ssg/playbook/generator/content"
	"github.com/playbook-ssg/playbook/generator/site"
)

func TestContrastHelpers(t *testing.T) {
	if l := luminance("#ffffff"); math.Abs(l-1) > 1e-9 {
		t.Errorf("white luminance %v", l)
	}
	if l := luminance("#000"); l != 0 {
		t.Errorf("black luminance %v", l)
	}
	for bg, want := range map[string]string{"#0B4F8A": "#ffffff", "#F1F4F8": "#000000", "#E8590C": "#000000", "#0F1B2D": "#ffffff"} {
		if got := textOn(bg); got != want {
			t.Errorf("textOn(%s) = %s, want %s", bg, got, want)
		}
	}
}

func TestFontStack(t *testing.T) {
	if got := fontStack("Inter, 'Segoe UI', sans-serif"); got != "Inter, 'Segoe UI', sans-serif" {
		t.Errorf("safe stack changed: %s", got)
	}
	for _, bad := range []string{"x; background: url(evil)", "'unbalanced", "a</style>"} {
		if got := fontStack(bad); got != "inherit" {
			t.Errorf("fontStack(%q) = %s", bad, got)
		}
	}
}

func TestNavItems(t *testing.T) {
	sec := &site.Page{Page: &content.Page{Title: "Sec"}}
	var kids []*site.Page
	for i := 0; i < 20; i++ {
		k := &site.Page{Page: &content.Page{}, Parent: sec}
		kids = append(kids, k)
	}
	sec.Children = kids
	items := navItems(kids[3], sec)
	if len(items.Pages) != navLimit || items.More != 8 {
		t.Errorf("top item: %d pages, %d more", len(items.Pages), items.More)
	}
	items = navItems(kids[15], sec)
	if len(items.Pages) != navLimit+1 || items.Pages[navLimit] != kids[15] || items.More != 7 {
		t.Errorf("hidden current page not added: %d pages, %d more", len(items.Pages), items.More)
	}
	grandchild := &site.Page{Page: &content.Page{}, Parent: kids[18]}
	items = navItems(grandchild, sec)
	if items.Pages[len(items.Pages)-1] != kids[18] {
		t.Errorf("ancestor of the current page not added")
	}
	sec.Children = kids[:5]
	if items := navItems(kids[0], sec); len(items.Pages) != 5 || items.More != 0 {
		t.Errorf("small section: %+v", items)
	}
}
