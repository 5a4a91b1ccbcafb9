package site

import (
	"testing"

	"github.com/playbook-ssg/playbook/generator/content"
)

func TestNavItems(t *testing.T) {
	sec := &Page{Page: &content.Page{Title: "Sec"}}
	var kids []*Page
	for i := 0; i < 20; i++ {
		kids = append(kids, &Page{Page: &content.Page{}, Parent: sec})
	}
	sec.Children = kids
	items := kids[3].NavItems(sec)
	if len(items.Pages) != NavLimit || items.More != 8 {
		t.Errorf("top item: %d pages, %d more", len(items.Pages), items.More)
	}
	items = kids[15].NavItems(sec)
	if len(items.Pages) != NavLimit+1 || items.Pages[NavLimit] != kids[15] || items.More != 7 {
		t.Errorf("hidden current page not added: %d pages, %d more", len(items.Pages), items.More)
	}
	grandchild := &Page{Page: &content.Page{}, Parent: kids[18]}
	items = grandchild.NavItems(sec)
	if items.Pages[len(items.Pages)-1] != kids[18] {
		t.Errorf("ancestor of the current page not added")
	}
	sec.Children = kids[:5]
	if items := kids[0].NavItems(sec); len(items.Pages) != 5 || items.More != 0 {
		t.Errorf("small section: %+v", items)
	}
}
