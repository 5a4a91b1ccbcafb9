// Package loosedate reads the dates people write instead of YYYY-MM-DD
// ("2026/03/12", "12 March 2026", "March 12, 2026"), so that a date error
// can carry the fix `playbook check --fix` applies when the date is sure.
package loosedate

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	ymd     = regexp.MustCompile(`^(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})$`)
	numeric = regexp.MustCompile(`^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$`)
	dayName = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\.? +([A-Za-z]+)\.?,? +(\d{4})$`)
	nameDay = regexp.MustCompile(`^([A-Za-z]+)\.? +(\d{1,2})(?:st|nd|rd|th)?,? +(\d{4})$`)
)

// ISO returns s as YYYY-MM-DD when it is a date written another way that
// can be read one way only. Otherwise iso is "" and why, when s looks like
// a date, says why it cannot be fixed (day and month cannot be told
// apart, or there is no such day).
func ISO(s string) (iso, why string) {
	s = strings.TrimSpace(s)
	var y, m, d int
	switch {
	case ymd.MatchString(s):
		g := ymd.FindStringSubmatch(s)
		y, m, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
	case numeric.MatchString(s):
		g := numeric.FindStringSubmatch(s)
		a, b := atoi(g[1]), atoi(g[2])
		y = atoi(g[3])
		switch {
		case a > 12 && b <= 12:
			d, m = a, b
		case b > 12 && a <= 12:
			m, d = a, b
		case a == b:
			m, d = a, b
		default:
			return "", fmt.Sprintf("%s could be day %d of month %d or day %d of month %d, so it is not fixed", s, a, b, b, a)
		}
	case dayName.MatchString(s):
		g := dayName.FindStringSubmatch(s)
		d, m, y = atoi(g[1]), month(g[2]), atoi(g[3])
	case nameDay.MatchString(s):
		g := nameDay.FindStringSubmatch(s)
		m, d, y = month(g[1]), atoi(g[2]), atoi(g[3])
	default:
		return "", ""
	}
	if m == 0 {
		return "", ""
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return "", fmt.Sprintf("there is no day %d in month %d of %d", d, m, y)
	}
	return t.Format("2006-01-02"), ""
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// month reads an English month name or its three-letter abbreviation
// ("Sept" too), or returns 0.
func month(name string) int {
	name = strings.ToLower(name)
	for m := time.January; m <= time.December; m++ {
		full := strings.ToLower(m.String())
		if name == full || name == full[:3] || name == "sept" && m == time.September {
			return int(m)
		}
	}
	return 0
}
