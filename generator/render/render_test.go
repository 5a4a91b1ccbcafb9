package render

import (
	"math"
	"testing"
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
