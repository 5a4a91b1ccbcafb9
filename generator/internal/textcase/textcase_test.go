package textcase

import "testing"

func TestCapitalize(t *testing.T) {
	for in, want := range map[string]string{"": "", "price": "Price", "évaluation": "Évaluation", "über uns": "Über uns", "日本": "日本", "1st": "1st"} {
		if got := Capitalize(in); got != want {
			t.Errorf("Capitalize(%q) = %q, want %q", in, got, want)
		}
	}
}
