package junk

import "testing"

func TestIs(t *testing.T) {
	for _, name := range []string{"a.md~", ".a.md.swp", ".#a.md", "#a.md#", "4913", "sedAb12Cd", "a.md___jb_tmp___", ".goutputstream-XYZ", "x.tmp", ".DS_Store", "a.css.kate-swp", "static/css/.playbook.css.swp"} {
		if !Is(name) {
			t.Errorf("%s not junk", name)
		}
	}
	for _, name := range []string{"a.md", "sed.md", "style.css", "playbook.toml", "#", "c#.md"} {
		if Is(name) {
			t.Errorf("%s is junk", name)
		}
	}
}
