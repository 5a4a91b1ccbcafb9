package colour

import (
	"math"
	"testing"
)

func TestLuminance(t *testing.T) {
	if l := Luminance("#ffffff"); math.Abs(l-1) > 1e-9 {
		t.Errorf("white luminance %v", l)
	}
	if l := Luminance("#000"); l != 0 {
		t.Errorf("black luminance %v", l)
	}
}

func TestContrast(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want float64
	}{
		{"#000000", "#ffffff", 21},
		{"#fff", "#FFFFFF", 1},
		{"#777777", "#ffffff", 4.48},
		{"#0F1B2D", "#F1F4F8", 15.67},
	} {
		if got := Contrast(c.a, c.b); math.Abs(got-c.want) > 0.05 {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", c.a, c.b, got, c.want)
		}
	}
}

func TestValid(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"#fff", true}, {"#0F1B2D", true}, {"#aBc123", true},
		{"", false}, {"#", false}, {"fff", false}, {"#ffff", false}, {"#fffffff", false},
		{"#ggg", false}, {"#12345z", false}, {"red", false}, {"#fff;", false}, {"#fff\n", false},
	} {
		if got := Valid(c.s); got != c.want {
			t.Errorf("Valid(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}
