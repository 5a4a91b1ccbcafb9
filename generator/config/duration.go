package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Interval is a review interval in calendar units: days, weeks, months or years.
type Interval struct {
	N    int
	Unit byte // 'd', 'w', 'm' or 'y'
}

// MaxIntervalYears bounds a review interval. Anything longer is a typo or
// a way of saying "never", and a count that large would overflow the date
// arithmetic (9223372036854775807d wrapped round into "overdue").
const MaxIntervalYears = 100

// maxN is the largest count of unit within MaxIntervalYears; known is
// false for a letter that is not a unit.
func maxN(unit byte) (limit int, known bool) {
	switch unit {
	case 'd':
		return MaxIntervalYears * 36525 / 100, true
	case 'w':
		return MaxIntervalYears * 36525 / 700, true
	case 'm':
		return MaxIntervalYears * 12, true
	case 'y':
		return MaxIntervalYears, true
	}
	return 0, false
}

// ParseDuration parses "90d", "12w", "6m" or "1y", of at most
// MaxIntervalYears.
func ParseDuration(s string) (Interval, error) {
	notInterval := fmt.Errorf("%q is not an interval: write a number and a unit, like \"90d\", \"12w\", \"6m\" or \"1y\"", s)
	if len(s) < 2 {
		return Interval{}, notInterval
	}
	unit, digits := s[len(s)-1], s[:len(s)-1]
	limit, known := maxN(unit)
	if !known || strings.Trim(digits, "0123456789") != "" {
		return Interval{}, notInterval
	}
	n, err := strconv.Atoi(digits)
	if err == nil && n <= 0 {
		return Interval{}, notInterval
	}
	if err != nil || n > limit { // all digits, so Atoi failed on the size
		return Interval{}, fmt.Errorf("%q is more than %d years: write a shorter interval, such as \"1y\"", s, MaxIntervalYears)
	}
	return Interval{N: n, Unit: unit}, nil
}

// After returns t moved forward by the interval. A count beyond what
// ParseDuration accepts (an Interval built by hand) is held to
// MaxIntervalYears either way, so the date cannot wrap round.
func (i Interval) After(t time.Time) time.Time {
	limit, ok := maxN(i.Unit)
	if !ok {
		limit = MaxIntervalYears // the zero Interval and unknown units count years, as before
	}
	n := min(max(i.N, -limit), limit)
	switch i.Unit {
	case 'd':
		return t.AddDate(0, 0, n)
	case 'w':
		return t.AddDate(0, 0, 7*n)
	case 'm':
		return t.AddDate(0, n, 0)
	default:
		return t.AddDate(n, 0, 0)
	}
}
