package loosedate

import (
	"strings"
	"testing"
)

func TestISO(t *testing.T) {
	for _, c := range []struct{ in, iso, why string }{
		{"2026/03/12", "2026-03-12", ""},
		{"2026.03.12", "2026-03-12", ""},
		{"2026-3-2", "2026-03-02", ""},
		{"12 March 2026", "2026-03-12", ""},
		{"12th Mar. 2026", "2026-03-12", ""},
		{"March 12, 2026", "2026-03-12", ""},
		{"Sept 1 2026", "2026-09-01", ""},
		{"25/03/2026", "2026-03-25", ""},
		{"03/25/2026", "2026-03-25", ""},
		{"03/03/2026", "2026-03-03", ""},
		{"03/12/2026", "", "could be day 3 of month 12 or day 12 of month 3"},
		{"12.03.2026", "", "could be day 12 of month 3"},
		{"2026/02/30", "", "there is no day 30 in month 2 of 2026"},
		{"31 Foo 2026", "", ""},
		{"soon", "", ""},
	} {
		iso, why := ISO(c.in)
		if iso != c.iso || !strings.Contains(why, c.why) || c.why == "" && why != "" {
			t.Errorf("ISO(%q) = %q, %q; want %q, %q", c.in, iso, why, c.iso, c.why)
		}
	}
}
