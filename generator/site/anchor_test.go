package site

import "testing"

// TestSameLetters finds the one heading ID a link's anchor matches but
// for case and punctuation: IDs another tool made by other rules.
func TestSameLetters(t *testing.T) {
	ids := []string{"countryregion", "mattermost-leadership-team---extended-mxt", "mattermost-leadership-team-mlt", "faq", "f-a-q"}
	cases := []struct{ frag, want string }{
		{"country-region", "countryregion"},
		{"mattermost-leadership-team-extended-mxt", "mattermost-leadership-team---extended-mxt"},
		{"Country-Region", "countryregion"},
		{"FAQ", ""}, // two IDs read faq
		{"pricing", ""},
		{"-", ""},
	}
	for _, c := range cases {
		if got := sameLetters(c.frag, ids); got != c.want {
			t.Errorf("sameLetters(%q) = %q, want %q", c.frag, got, c.want)
		}
	}
}
