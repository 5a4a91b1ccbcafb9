package render

import "testing"

func TestContrastHelpers(t *testing.T) {
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
